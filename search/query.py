"""A visitor's search: the parameters, the facets it offers and the page of results it gets.

Both engines implement the same two calls, ``counts`` and ``hits``. ``run_search`` combines them
so that results from the visitor's current site come first, then those of the other sites.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from search.models import EntryKind
from sites.models.settings import SiteKey

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# Facet values shown per facet; a selected value is shown even when it is not among them.
FACET_SIZE = 12


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "date_desc"
    OLDEST = "date_asc"

    choices = [
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Most recent first")),
        (OLDEST, _("Oldest first")),
    ]


@dataclass(frozen=True)
class FacetSpec:
    name: str  # the URL parameter
    field: str  # the SearchEntry field
    label: str

    def value_label(self, value):
        if self.field == "site":
            return SiteKey(value).label if value in SiteKey.values else value
        if self.field == "kind":
            return EntryKind(value).label if value in EntryKind.values else value
        if self.field == "century":
            return century_label(value)
        if self.field == "has_images":
            return _("With images")
        return value


FACETS = [
    FacetSpec("site", "site", _("Site")),
    FacetSpec("kind", "kind", _("Content type")),
    FacetSpec("museum", "museum", _("Museum")),
    FacetSpec("century", "century", _("Period")),
    FacetSpec("commune", "commune", _("Town")),
    FacetSpec("type", "object_type", pgettext_lazy("search facet", "Type")),
    FacetSpec("images", "has_images", _("Images")),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


# Centuries a record can be dated to: from the 30th century BC (-30) to the 22nd (22). Anything
# outside is rejected before it reaches a label or a database integer.
MIN_CENTURY = -30
MAX_CENTURY = 22


def is_plausible_century(value):
    text = str(value)
    if not text.lstrip("-").isdigit() or len(text) > 3:
        return False
    return MIN_CENTURY <= int(text) <= MAX_CENTURY and int(text) != 0


def century_label(century):
    """Return "XIXe siècle", "19th century", "19. Jahrhundert" or "19e eeuw" for 19."""
    century = int(century)
    values = {"ordinal": century_ordinal(abs(century))}
    if century < 0:
        return _("%(ordinal)s century BC") % values
    return _("%(ordinal)s century") % values


def century_ordinal(number):
    """Write a century's ordinal number as the active language does."""
    language = (get_language() or "fr").split("-")[0]
    if language == "fr":
        return "Ier" if number == 1 else f"{roman(number)}e"
    if language == "de":
        return f"{number}."
    if language == "nl":
        return f"{number}e"
    suffix = "th"
    if number % 100 not in (11, 12, 13):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def roman(number):
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text = ""
    for value, letters in numerals:
        while number >= value:
            text += letters
            number -= value
    return text


class SearchForm(forms.Form):
    """Checks the query string; anything invalid is dropped rather than turned into an error."""

    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(choices=Sort.choices, required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)
    site = forms.MultipleChoiceField(choices=SiteKey.choices, required=False)
    kind = forms.MultipleChoiceField(choices=EntryKind.choices, required=False)
    museum = forms.MultipleChoiceField(required=False)
    century = forms.TypedMultipleChoiceField(coerce=int, required=False)
    commune = forms.MultipleChoiceField(required=False)
    type = forms.MultipleChoiceField(required=False)
    images = forms.BooleanField(required=False)

    def __init__(self, data):
        super().__init__(data)
        # Free-text facet values are checked for length only: an unknown value finds nothing.
        for name in ("museum", "commune", "type"):
            self.fields[name].valid_value = lambda value: 0 < len(value) <= 255
        self.fields["century"].valid_value = is_plausible_century

    def parameters(self):
        data = self.cleaned_data if self.is_valid() else self.valid_parts()
        text = (data.get("q") or "").replace("\x00", " ")
        return SearchParameters(
            text=text[:MAX_QUERY_LENGTH].strip(),
            truncated=len(text) > MAX_QUERY_LENGTH,
            sort=data.get("sort") or Sort.RELEVANCE,
            page=data.get("page") or 1,
            filters={
                facet.field: values
                for facet in FACETS
                if (values := normalise(data.get(facet.name)))
            },
        )

    def valid_parts(self):
        """Return the fields that are valid when others are not (a bad page number, say)."""
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


def normalise(value):
    if value is True:
        return [True]
    if not value:
        return []
    return sorted(set(value), key=str)


@dataclass
class SearchParameters:
    text: str = ""
    sort: str = Sort.RELEVANCE
    page: int = 1
    filters: dict = field(default_factory=dict)
    truncated: bool = False
    per_page: int = RESULTS_PER_PAGE

    @property
    def browsing(self):
        """True when a visitor filters without words: every entry matching the facets."""
        return not self.text and bool(self.filters)

    def filters_without(self, field_name):
        return {name: values for name, values in self.filters.items() if name != field_name}


@dataclass
class Hit:
    title: str
    site: str
    language: str
    kind: str
    path: str
    summary: str = ""
    # Engine highlights: HTML with every other character escaped.
    highlighted_title: str = ""
    highlighted_text: str = ""
    date: datetime.date | None = None
    url: str = ""

    @property
    def kind_label(self):
        return EntryKind(self.kind).label if self.kind in EntryKind.values else self.kind

    @property
    def site_label(self):
        return SiteKey(self.site).label if self.site in SiteKey.values else self.site


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    spec: FacetSpec
    values: list


@dataclass
class SearchOutcome:
    parameters: SearchParameters
    current_site_total: int
    other_sites_total: int
    hits: list
    facets: list

    @property
    def total(self):
        return self.current_site_total + self.other_sites_total


def build_facets(parameters, counts):
    """Turn raw counts ({field: [(value, count)]}) into facets, keeping selected values."""
    facets = []
    for spec in FACETS:
        selected = parameters.filters.get(spec.field, [])
        all_rows = [
            (value, count) for value, count in counts.get(spec.field, []) if value not in ("", None)
        ]
        rows = all_rows[:FACET_SIZE]
        shown = {value for value, _count in rows}
        all_counts = dict(all_rows)
        rows += [(value, all_counts.get(value, 0)) for value in selected if value not in shown]
        if spec.field == "has_images":
            rows = [(True, count) for value, count in rows if value]
        values = [
            FacetValue(value, spec.value_label(value), count, value in selected)
            for value, count in rows
        ]
        if values:
            facets.append(Facet(spec, values))
    return facets


def run_search(backend, parameters, site_key, language, site_keys):
    """Return a page of results, the current site's results before the other sites'."""
    group_totals, counts = backend.counts(parameters, site_key, language)
    current_total = group_totals.get("current", 0)
    other_total = group_totals.get("others", 0)
    other_sites = [key for key in site_keys if key != site_key]

    start = (parameters.page - 1) * parameters.per_page
    end = start + parameters.per_page
    hits = []
    if start < current_total:
        hits += backend.hits(parameters, [site_key], language, start, min(end, current_total) - start)
    if end > current_total and other_total:
        other_start = max(0, start - current_total)
        hits += backend.hits(parameters, other_sites, language, other_start, end - current_total - other_start)
    return SearchOutcome(
        parameters=parameters,
        current_site_total=current_total,
        other_sites_total=other_total,
        hits=hits,
        facets=build_facets(parameters, counts),
    )
