"""Page types shared by the four sites, and the base class every page type inherits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from sites.blocks import BodyBlock


class BasePage(Page):
    """Fields and behaviour every public page needs: social sharing, languages, search.

    A system check (sites.checks) rejects any concrete page type that does not inherit from this
    class, so that no page type can forget its SEO fields.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; at least 1200 × 630 pixels."),
    )
    social_text = models.CharField(
        _("social sharing text"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the search engine description."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social sharing")
        )
    ]

    search_fields = Page.search_fields + [index.SearchField("search_description")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""

    def get_context(self, request, *args, **kwargs):
        from sites.i18n import language_alternates

        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = language_alternates(self, request)
        return context


class HomePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("alternative text of the main image"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty when the image is decorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from sites.privacy import public_pages

        children = public_pages(self.get_children().live().in_menu(), request)
        context["highlights"] = children.specific().defer_streamfields()[:6]
        return context


class ContentPage(BasePage):
    """A generic page of text and media built from the shared block library."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from sites.privacy import public_pages

        children = public_pages(self.get_children().live(), request)
        context["subpages"] = children.specific().defer_streamfields()
        return context


class LegalPage(BasePage):
    """A page required by law: legal notice, personal data, accessibility statement."""

    class Kind(models.TextChoices):
        LEGAL_NOTICE = "legal_notice", _("Legal notice")
        PRIVACY = "privacy", _("Personal data")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("Date shown at the bottom of the page.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("last_reviewed"),
        FieldPanel("body"),
    ]

    subpage_types = []

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
