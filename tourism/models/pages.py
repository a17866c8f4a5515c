"""The listing page of the tourist offers, which serves every offer at a sub-URL."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from sites.i18n import site_languages
from sites.models import BasePage

from .offers import Offer, OfferType

# Order of the type sections on the listing: what is on first, practical services last.
TYPE_DISPLAY_ORDER = [
    OfferType.EVENT,
    OfferType.HERITAGE,
    OfferType.ACTIVITY,
    OfferType.ITINERARY,
    OfferType.RESTAURANT,
    OfferType.TASTING,
    OfferType.ACCOMMODATION,
    OfferType.SERVICE,
    OfferType.OTHER,
]

# Columns a listing card needs; the raw record and long texts stay in the database.
CARD_FIELDS = (
    "feed",
    "source_id",
    "name",
    "offer_type",
    "category",
    "town",
    "featured",
    "language",
)


class OfferIndexPage(RoutablePageMixin, BasePage):
    """Published tourist offers by type, with one sub-URL per type and per offer.

    URLs under the page: ``type/<type>/`` lists one type, ``<feed>/<Tourinsoft id>/`` shows
    one offer. Offers come from the Tourinsoft imports, not from Wagtail pages.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []

    offers_per_page = 24
    offers_per_section = 6

    class Meta:
        verbose_name = _("tourist offer listing")
        verbose_name_plural = _("tourist offer listings")

    # Offers shown for each type -------------------------------------------------------------

    @staticmethod
    def listed_offers(offer_type):
        """Return the published offers of a type in listing order.

        Events are limited to those still to come, soonest first; other types put the offers
        featured by the tourist office first, then sort by name.
        """
        offers = Offer.objects.published().of_type(offer_type).only(*CARD_FIELDS)
        if offer_type == OfferType.EVENT:
            return offers.upcoming()
        return offers.order_by("-featured", "name", "pk")

    def type_counts(self):
        """Return the number of listed offers of each type, in one query plus one for events."""
        counts = dict(
            Offer.objects.published()
            .exclude(offer_type=OfferType.EVENT)
            .values_list("offer_type")
            .annotate(total=Count("pk"))
            .values_list("offer_type", "total")
        )
        counts[OfferType.EVENT] = (
            Offer.objects.published().of_type(OfferType.EVENT).upcoming().values("pk").count()
        )
        return counts

    def type_sections(self, page_url):
        """Return the non-empty types with their first offers: one query per non-empty type."""
        counts = self.type_counts()
        sections = []
        for offer_type in TYPE_DISPLAY_ORDER:
            total = counts.get(offer_type, 0)
            if not total:
                continue
            offers = list(self.listed_offers(offer_type)[: self.offers_per_section])
            sections.append(
                {
                    "type": offer_type,
                    "label": offer_type.label,
                    "total": total,
                    "offers": self.with_page_urls(offers, page_url),
                    "page_url": page_url + self.type_subpath(offer_type),
                }
            )
        return sections

    # Routes ---------------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        requested_type = request.GET.get("type", "")
        if requested_type in OfferType.values:
            return HttpResponseRedirect(self.get_url(request) + self.type_subpath(requested_type))
        sections = self.type_sections(self.get_url(request))
        return self.render_route(
            request,
            "tourism/offer_index_page.html",
            "",
            {"sections": sections, "type_choices": self.type_choices(sections)},
        )

    @re_path(r"^type/(?P<offer_type>[a-z]+)/$")
    def offers_of_type(self, request, offer_type):
        if offer_type not in OfferType.values:
            raise Http404
        offer_type = OfferType(offer_type)
        paginator = Paginator(self.listed_offers(offer_type), self.offers_per_page)
        page_number = request.GET.get("page") or 1
        try:
            offers_page = paginator.page(page_number)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404 from error
        self.with_page_urls(offers_page.object_list, self.get_url(request))
        return self.render_route(
            request,
            "tourism/offer_type_list.html",
            self.type_subpath(offer_type),
            {
                "offer_type": offer_type,
                "offers_page": offers_page,
                "type_choices": self.type_choices(),
            },
        )

    @re_path(r"^(?P<feed>[a-z0-9][a-z0-9-]*)/(?P<source_id>[A-Za-z0-9_-]+)/$")
    def offer_detail(self, request, feed, source_id):
        offer = get_object_or_404(Offer.objects.published(), feed=feed, source_id=source_id)
        periods = list(offer.periods.all())
        today = timezone.localdate()
        current_periods = [period for period in periods if period.end >= today]
        subpath = self.offer_subpath(offer)
        return self.render_route(
            request,
            "tourism/offer_detail.html",
            subpath,
            {
                "offer": offer,
                "current_periods": current_periods,
                "event_is_over": offer.offer_type == OfferType.EVENT
                and bool(periods)
                and not current_periods,
                "last_period": periods[-1] if periods else None,
                "type_url": self.get_url(request) + self.type_subpath(offer.offer_type),
                "content_in_other_language": offer.language != translation.get_language(),
                "meta_description": Truncator(offer.summary or offer.description).chars(160),
            },
        )

    # Helpers --------------------------------------------------------------------------------

    def type_subpath(self, offer_type):
        return self.reverse_subpage("offers_of_type", kwargs={"offer_type": str(offer_type)})

    def with_page_urls(self, offers, page_url):
        """Set ``page_url`` on each offer, for the listing templates; return the offers."""
        for offer in offers:
            offer.page_url = page_url + self.offer_subpath(offer)
        return offers

    def offer_subpath(self, offer):
        return self.reverse_subpage(
            "offer_detail", kwargs={"feed": offer.feed, "source_id": offer.source_id}
        )

    def type_choices(self, sections=None):
        """Return (value, label) of the types the filter offers: the non-empty ones if known."""
        if sections is not None:
            return [(section["type"].value, section["label"]) for section in sections]
        return [(offer_type.value, offer_type.label) for offer_type in TYPE_DISPLAY_ORDER]

    def render_route(self, request, template, subpath, extra_context):
        """Render a sub-URL with the page's context, its language links pointing at the sub-URL."""
        context = self.get_context(request)
        context["alternates"] = [
            dict(alternate, url=alternate["url"] + subpath) if alternate["url"] else alternate
            for alternate in context["alternates"]
        ]
        context["page_url"] = self.get_url(request)
        context["canonical_url"] = self.get_full_url(request) + subpath
        context.update(extra_context)
        return TemplateResponse(request, template, context)

    def get_extra_sitemap_urls(self, request):
        """List the URL of each published offer in every live language of this page."""
        languages = site_languages(request)
        translations = (
            self.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
            .filter(locale__language_code__in=languages)
            .order_by("locale__language_code")
        )
        bases = [(page.locale.language_code, page.get_full_url(request)) for page in translations]
        offers = (
            Offer.objects.published()
            .only("feed", "source_id", "source_updated_at", "last_changed_at")
            .order_by("pk")
        )
        entries = []
        for offer in offers.iterator(chunk_size=1000):
            subpath = self.offer_subpath(offer)
            alternates = [{"code": code, "url": base + subpath} for code, base in bases]
            lastmod = offer.source_updated_at or offer.last_changed_at
            for _code, base in bases:
                entries.append(
                    {
                        "location": base + subpath,
                        "lastmod": lastmod,
                        "alternates": alternates if len(alternates) > 1 else [],
                    }
                )
        return entries
