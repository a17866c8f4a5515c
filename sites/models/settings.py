"""Per-site configuration: which platform site a Wagtail Site is, its branding and navigation."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from sites.blocks import LinkBlock

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SiteKey(models.TextChoices):
    MUSEES = "musees", _("Museums")
    MEMORIAL = "memorial", _("Memorial")
    ARCHIVES = "archives", _("Archives")
    TOURISME = "tourisme", _("Tourism office")


class SiteProfile(models.Model):
    """Ties a Wagtail Site to one of the four platform sites and hence to its languages."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="profile")
    key = models.CharField(_("platform site"), max_length=20, choices=SiteKey.choices, unique=True)

    class Meta:
        verbose_name = _("site profile")
        verbose_name_plural = _("site profiles")

    def __str__(self):
        return self.get_key_display()

    @property
    def languages(self):
        """Language codes the site publishes, French first."""
        return settings.PLATFORM_SITES[self.key]["languages"]


def relative_luminance(hex_colour):
    channels = [int(hex_colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """Return the WCAG 2.1 contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, for example #1d3557."),
            code="invalid_colour",
        )


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("mastodon", "Mastodon"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("peertube", "PeerTube"),
    ("bluesky", "Bluesky"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        label = _("Social network")


class AccessibilityStatus(models.TextChoices):
    """Conformance status of a site with RGAA 4.1, shown in every page's footer.

    RGAA 4.1 defines them from a full audit's rate of criteria met: 100 % for "fully compliant",
    50 % or more for "partially compliant". A site with no valid audit is "not compliant".
    """

    COMPLIANT = "compliant", _("fully compliant")
    PARTIALLY_COMPLIANT = "partially_compliant", _("partially compliant")
    NOT_COMPLIANT = "not_compliant", _("not compliant")


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the cache, so that a page does not query it every time.

    Saving the setting purges the site's cache (sites.cache), so a change shows at once.
    """

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)

        from sites.cache import cached_fragment

        site_settings = cached_fragment(
            request, f"setting:{cls._meta.label}", lambda: cls.for_site(site), per_language=False
        )
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings


@register_setting(icon="site")
class SiteBranding(CachedSiteSetting):
    """Identity of a site: names, logo, colours and contacts, shown on every page."""

    select_related = ["logo", "favicon", "legal_notice_page", "privacy_page", "accessibility_page"]

    name = models.CharField(_("site name"), max_length=120)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Used where space is scarce.")
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Legal name of the institution, used in structured data for search engines."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square image of at least 180 × 180 pixels."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d3557",
        validators=[validate_hex_colour],
        help_text=_("Header and link colour. White text on it must reach a contrast of 4.5:1."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#9b2226",
        validators=[validate_hex_colour],
        help_text=_("Buttons and highlights. White text on it must reach a contrast of 4.5:1."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("town"), max_length=100, blank=True, default="Compiègne")
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social networks"), blank=True
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal data page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_status = models.CharField(
        _("accessibility status"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NOT_COMPLIANT,
        help_text=_(
            "Conformance with RGAA 4.1, shown in the footer of every page. Keep it the same as "
            "the accessibility statement; without a full audit the site is not compliant."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
                FieldPanel("organisation_name"),
            ],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("favicon"),
                FieldPanel("primary_colour"),
                FieldPanel("accent_colour"),
            ],
            heading=_("Look"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("social_links"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
            ],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("branding")

    def clean(self):
        super().clean()
        errors = {}
        for field_name in ("primary_colour", "accent_colour"):
            value = getattr(self, field_name)
            if HEX_COLOUR.match(value or "") and contrast_ratio(value, "#ffffff") < 4.5:
                errors[field_name] = ValidationError(
                    _(
                        "White text on %(colour)s has a contrast of %(ratio).1f:1; "
                        "choose a darker colour (4.5:1 at least)."
                    )
                    % {"colour": value, "ratio": contrast_ratio(value, "#ffffff")},
                    code="low_contrast",
                )
        if errors:
            raise ValidationError(errors)


class MenuItemBlock(blocks.StructBlock):
    link = LinkBlock(label=_("Link"))
    children = blocks.ListBlock(LinkBlock(), label=_("Submenu"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu item")


class FooterColumnBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Footer column")


@register_setting(icon="list-ul")
class SiteNavigation(CachedSiteSetting):
    """Main menu and footer of a site, edited by that site's editors."""

    main_menu = StreamField(
        [("item", MenuItemBlock())],
        verbose_name=_("main menu"),
        blank=True,
        help_text=_("Page links show the title of the page in the visitor's language."),
    )
    footer_columns = StreamField(
        [("column", FooterColumnBlock())], verbose_name=_("footer columns"), blank=True
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_columns")]

    class Meta:
        verbose_name = _("navigation")
