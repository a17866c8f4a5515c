"""Page types of the memorial site: the convoy listing with one sub-page per convoy, and the
short entries on public figures interned at Royallieu."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from sites.blocks import BodyBlock
from sites.i18n import language_alternates, site_languages
from sites.models import BasePage
from sites.privacy import public_pages

from .records import Convoy, KeyFigure, PublicFigure


def find_page_in_same_tree(page, page_class, request):
    """Return the first live public page of ``page_class`` under the home page of ``page``'s tree.

    Each language of a site has its own tree under its translated home page, so the page found
    is in the same language as ``page``. Home pages are children of the tree root, as
    ``sites.demo.sites`` creates them. Returns None when there is none.
    """
    home_path = page.path[: Page.steplen * 2]
    pages = public_pages(page_class.objects.live().filter(path__startswith=home_path), request)
    return pages.order_by("path").first()


class ConvoyIndexPage(RoutablePageMixin, BasePage):
    """The convoys that left Compiègne, the key figures of the camp, and one sub-page per convoy.

    Convoys are served at ``<page url>/<convoy_id>/``.
    """

    intro = models.TextField(_("introduction"), blank=True)
    figures_note = models.TextField(
        _("about the figures"),
        blank=True,
        help_text=_("Shown above the table: where the counts come from and what they measure."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("figures_note"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("figures_note"),
        index.SearchField("body"),
    ]

    subpage_types = []

    class Meta:
        verbose_name = _("convoy listing")
        verbose_name_plural = _("convoy listings")

    def convoy_path(self, convoy):
        """Return the sub-URL of ``convoy`` relative to this page's URL."""
        return self.reverse_subpage("convoy", args=[convoy.convoy_id])

    @path("")
    def index_route(self, request):
        convoys = list(Convoy.objects.published().with_figures())
        page_url = self.get_url(request)
        for convoy in convoys:
            convoy.url = page_url + self.convoy_path(convoy)
        return self.render(
            request,
            context_overrides={
                "convoys": convoys,
                "key_figures": KeyFigure.objects.published(),
            },
        )

    @re_path(r"^(?P<convoy_id>[0-9]{4}-[0-9]{2}-[0-9]{2}(?:-[A-Z])?)/$", name="convoy")
    def convoy_route(self, request, convoy_id):
        convoy = Convoy.objects.published().with_figures().filter(convoy_id=convoy_id).first()
        if convoy is None:
            raise Http404
        people_page = find_page_in_same_tree(self, PublicFigureIndexPage, request)
        subpath = self.convoy_path(convoy)
        alternates = [
            {**alternate, "url": alternate["url"] + subpath if alternate["url"] else None}
            for alternate in language_alternates(self, request)
        ]
        return self.render(
            request,
            template="memorial/convoy_page.html",
            context_overrides={
                "convoy": convoy,
                "figure_groups": convoy.figure_groups(),
                "people": list(convoy.public_figures.published().order_by("position", "name")),
                "people_page_url": people_page.get_url(request) if people_page else None,
                "alternates": alternates,
                "convoy_full_url": self.get_full_url(request) + subpath,
            },
        )

    def get_extra_sitemap_urls(self, request):
        """List one entry per published convoy in each language the site publishes.

        Each entry names the convoy's URL in the other languages as alternates.
        """
        translations = list(
            self.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
            .filter(locale__language_code__in=site_languages(request))
        )
        page_urls = [
            (translation.locale.language_code, translation.get_full_url(request))
            for translation in translations
        ]
        entries = []
        for convoy in Convoy.objects.published().only("convoy_id", "updated_at"):
            subpath = self.convoy_path(convoy)
            alternates = [{"code": code, "url": url + subpath} for code, url in page_urls]
            for alternate in alternates:
                entries.append(
                    {
                        "location": alternate["url"],
                        "lastmod": convoy.updated_at,
                        "alternates": alternates if len(alternates) > 1 else [],
                    }
                )
        return entries


class PublicFigureIndexPage(BasePage):
    """Short entries on well-known people interned at Royallieu, each linked to its convoy."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    subpage_types = []

    class Meta:
        verbose_name = _("public figures listing")
        verbose_name_plural = _("public figures listings")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        convoy_page = find_page_in_same_tree(self, ConvoyIndexPage, request)
        convoy_page_url = convoy_page.get_url(request) if convoy_page else None
        people = list(PublicFigure.objects.published().with_convoy())
        for person in people:
            convoy = person.published_convoy
            person.convoy_url = (
                convoy_page_url + convoy_page.convoy_path(convoy)
                if convoy and convoy_page_url
                else None
            )
        context["people"] = people
        return context
