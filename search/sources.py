"""What gets indexed: one ``Source`` per kind of thing a visitor can find.

A source defines which objects a visitor may see, where each one is served (under which listing
page, in which languages) and how to flatten it into the fields of a ``SearchEntry``. Records
(catalogue objects, archival descriptions, convoys, offers) are served by a routable listing page,
so they get one entry for each live, public translation of that page.
"""

import datetime
import re
from dataclasses import dataclass

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.models import Page

from search.models import EntryKind
from sites.models import SiteProfile

# Text stored per entry is capped, because a search needs the words, not a whole register.
# NOTE: longer text is cut at this many characters, so words past it are not found.
MAX_BODY_CHARS = 20_000

YEAR_PATTERN = re.compile(r"(?<!\d)(1\d{3}|20\d{2}|[5-9]\d{2})(?!\d)")
ROMAN_CENTURY_PATTERN = re.compile(r"\b([IVX]{1,5})(?:e|ème|eme|er)?\s*(?:s\.|si[eè]cle)", re.I)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_to_int(numeral):
    total = 0
    previous = 0
    for letter in reversed(numeral.upper()):
        value = ROMAN_VALUES[letter]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def first_year(text):
    """Return the first plausible year (500 to 2099) written in ``text``, or None."""
    match = YEAR_PATTERN.search(text or "")
    return int(match.group(1)) if match else None


def century_of(text):
    """Return the century of a free-text date: ``"vers 1810"`` and ``"XIXe siècle"`` give 19."""
    year = first_year(text)
    if year is not None:
        return (year - 1) // 100 + 1
    match = ROMAN_CENTURY_PATTERN.search(text or "")
    if match:
        return roman_to_int(match.group(1))
    return None


def sortable_date(text):
    """Return January 1st of the first year in ``text``, so that records sort by period."""
    year = first_year(text)
    return datetime.date(year, 1, 1) if year else None


def join_text(*parts):
    text = "\n".join(str(part).strip() for part in parts if part)
    return text[:MAX_BODY_CHARS]


def has_images(raw_data):
    """Tell whether a catalogue record links photographs of the object.

    LIDO records list them as ``resources``; the Joconde table of the château de Compiègne has
    an ``image`` column; the other Joconde shapes carry none.
    """
    return bool(raw_data.get("resources") or raw_data.get("image"))


def site_keys_by_site_id():
    return dict(SiteProfile.objects.values_list("site_id", "key"))


@dataclass
class Listing:
    """A live, public page that serves records, in one language."""

    page: Page
    site: str
    language: str
    path: str


class Source:
    model_label = ""
    kind = ""
    # The routable page type that serves the records, as "app_label.ModelName".
    listing_page = ""
    # Name of the field that changes whenever an import or an editor changes the record.
    changed_field = "updated_at"

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def visible(self):
        """Return the objects a visitor may see, ready for ``document``."""
        raise NotImplementedError

    def document(self, obj):
        """Return the entry fields of ``obj`` other than site, language and path."""
        raise NotImplementedError

    def subpath(self, page, obj):
        raise NotImplementedError

    def dependent_records(self, obj):
        """Return (model label, pks) of other sources whose entries depend on ``obj``."""
        return []

    def listings(self):
        """Return the live, public listing pages of this source, one per language."""
        page_model = apps.get_model(self.listing_page)
        site_keys = site_keys_by_site_id()
        listings = []
        for page in page_model.objects.live().public().select_related("locale"):
            site_id, _root_url, path = page.get_url_parts() or (None, None, None)
            if path is None or site_id not in site_keys:
                continue
            listings.append(Listing(page, site_keys[site_id], page.locale.language_code, path))
        return listings

    def entries(self, objects, listings):
        """Yield (source_pk, language, fields) for each object served by each listing."""
        for obj in objects:
            fields = self.document(obj)
            for listing in listings:
                yield (
                    obj.pk,
                    listing.language,
                    {
                        **fields,
                        "site": listing.site,
                        "kind": self.kind,
                        "path": listing.path + self.subpath(listing.page, obj),
                    },
                )


class CatalogueObjectSource(Source):
    model_label = "museums.CatalogueObject"
    kind = EntryKind.OBJECT
    listing_page = "museums.CatalogueIndexPage"

    def visible(self):
        return self.model.objects.published().for_display()

    def document(self, obj):
        creators = ", ".join(role.creator.name for role in obj.object_creators.all())
        return {
            "title": obj.title,
            "summary": join_text(creators, obj.date_text, obj.object_type),
            "body": join_text(
                obj.description, obj.subject, obj.technique, obj.inventory_number, obj.date_text
            ),
            "date": sortable_date(obj.date_text),
            "museum": obj.museum.name if obj.museum_id else "",
            "century": century_of(obj.date_text),
            "commune": obj.museum.town if obj.museum_id else "",
            "object_type": obj.object_type,
            "has_images": has_images(obj.raw_data),
        }

    def subpath(self, page, obj):
        return page.reverse_subpage("object_detail", kwargs={"slug": obj.slug})


class FindingAidSource(Source):
    model_label = "archives.FindingAid"
    kind = EntryKind.FINDING_AID
    listing_page = "archives.ArchivesIndexPage"

    def visible(self):
        from archives.models.records import communicable_filter

        return self.model.objects.published().filter(communicable_filter())

    def document(self, aid):
        return {
            "title": aid.title,
            "summary": join_text(aid.subtitle, aid.dates_text, aid.repository),
            "body": join_text(aid.abstract, aid.scope_content, aid.origination, aid.unit_id),
            "date": sortable_date(aid.dates_text),
            "century": century_of(aid.dates_text),
            "object_type": aid.get_level_display() if aid.level else "",
        }

    def subpath(self, page, aid):
        return page.finding_aid_path(aid.eadid)

    def dependent_records(self, aid):
        # Unpublishing or closing a finding aid hides its components too.
        return [("archives.component", list(aid.components.values_list("pk", flat=True)))]


class ComponentSource(Source):
    model_label = "archives.Component"
    kind = EntryKind.COMPONENT
    listing_page = "archives.ArchivesIndexPage"

    def visible(self):
        from archives.models import Component, FindingAid
        from archives.models.records import communicable_filter

        communicable_aids = FindingAid.objects.published().filter(communicable_filter())
        return (
            Component.objects.published()
            .communicable()
            .filter(finding_aid__in=communicable_aids)
            .select_related("finding_aid")
        )

    def document(self, component):
        return {
            "title": component.title or component.unit_id or component.key,
            "summary": join_text(component.unit_id, component.dates_text, component.finding_aid.title),
            "body": join_text(component.scope_content, component.origination, component.extent),
            "date": sortable_date(component.dates_text),
            "century": century_of(component.dates_text),
            "object_type": component.get_level_display() if component.level else "",
            "has_images": bool(component.digital_objects),
        }

    def subpath(self, page, component):
        return page.component_path(component.finding_aid.eadid, component.key)


class ConvoySource(Source):
    model_label = "memorial.Convoy"
    kind = EntryKind.CONVOY
    listing_page = "memorial.ConvoyIndexPage"

    def visible(self):
        return self.model.objects.published()

    def document(self, convoy):
        departure = convoy.departure_date
        return {
            "title": str(convoy),
            "summary": join_text(convoy.departure_place, convoy.destination, convoy.reference_name),
            "body": join_text(convoy.notes, convoy.prisoner_numbers, convoy.fmd_transport_code),
            "date": departure,
            "century": (departure.year - 1) // 100 + 1 if departure else None,
        }

    def subpath(self, page, convoy):
        return page.convoy_path(convoy)


class PublicFigureSource(Source):
    """People are shown on one listing page; each result links to the person's section."""

    model_label = "memorial.PublicFigure"
    kind = EntryKind.PERSON
    listing_page = "memorial.PublicFigureIndexPage"

    def visible(self):
        return self.model.objects.published().with_convoy()

    def document(self, person):
        return {
            "title": person.name,
            "summary": join_text(person.life_dates, person.public_role),
            "body": join_text(person.royallieu_context, person.outcome),
            "date": sortable_date(person.life_dates),
            "century": century_of(person.life_dates),
        }

    def subpath(self, page, person):
        return f"#{person.slug}"


class OfferSource(Source):
    model_label = "tourism.Offer"
    kind = EntryKind.OFFER
    listing_page = "tourism.OfferIndexPage"
    changed_field = "last_changed_at"

    def visible(self):
        return self.model.objects.published().prefetch_related("periods")

    def document(self, offer):
        periods = sorted(offer.periods.all(), key=lambda period: period.start)
        return {
            "title": offer.name,
            "summary": join_text(offer.type_label, offer.town, strip_tags(offer.summary)),
            "body": join_text(strip_tags(offer.description), offer.category, offer.street),
            "date": periods[0].start if periods else None,
            "commune": offer.town,
            "object_type": offer.type_label or offer.get_offer_type_display(),
            "has_images": bool(offer.images),
        }

    def subpath(self, page, offer):
        return page.offer_subpath(offer)


RECORD_SOURCES = {
    source.model_label.lower(): source
    for source in (
        CatalogueObjectSource(),
        FindingAidSource(),
        ComponentSource(),
        ConvoySource(),
        PublicFigureSource(),
        OfferSource(),
    )
}


def source_for_model(model):
    return RECORD_SOURCES.get(model._meta.label_lower)


def page_is_public(page):
    """Tell whether no view restriction (password, login, groups) applies to ``page``."""
    from wagtail.models import PageViewRestriction

    return not PageViewRestriction.objects.filter(
        page__path__in=[page.path[:length] for length in range(4, len(page.path) + 1, 4)]
    ).exists()


def searchable_text(page):
    """Collect the text of the page's searchable fields other than its title and description."""
    from modelsearch import index as search_index

    parts = []
    for field in page.search_fields:
        if not isinstance(field, search_index.SearchField):
            continue
        if field.field_name in ("title", "search_description"):
            continue
        value = getattr(page, field.field_name, None)
        if value is None or callable(value):
            continue
        if hasattr(value, "stream_block"):
            parts.extend(value.stream_block.get_searchable_content(value))
        else:
            parts.append(strip_tags(str(value)))
    return join_text(*parts)


def page_entry(page, site_keys):
    """Return (language, fields) for a live, public page under a site, or None."""
    page = page.specific
    if not page.live or page.depth < 2:
        return None
    site_id, _root_url, path = page.get_url_parts() or (None, None, None)
    if path is None or site_id not in site_keys or not page_is_public(page):
        return None
    published = page.last_published_at or page.first_published_at
    return page.locale.language_code, {
        "title": page.seo_title or page.title,
        "summary": page.search_description or getattr(page, "intro", "") or "",
        "body": searchable_text(page),
        "site": site_keys[site_id],
        "kind": EntryKind.PAGE,
        "path": path,
        "date": published.date() if published else None,
    }
