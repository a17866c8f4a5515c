"""Imported records of the memorial: convoys, their figures, key figures and public figures.

The records are ordinary models rather than pages: they come from the CSV files described in
``docs/memorial-convois.md`` and are shown by the routable pages of ``memorial.models.pages``.
Their text stays in French, the language of the sources.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# A convoy is named by its departure date, plus a letter when one train was split between two
# camps: "H" for the men's part, "F" for the women's part (24 January and 28 April 1943).
CONVOY_ID_PATTERN = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:-(?P<part>[A-Z]))?$")
CONVOY_PARTS = {"H": _("men"), "F": _("women")}

# "first-last" ranges of camp registration numbers, several separated by semicolons.
PRISONER_RANGE_PATTERN = re.compile(r"^(?P<first>\d+)\s*-\s*(?P<last>\d+)$")


def validate_convoy_id(value):
    match = CONVOY_ID_PATTERN.match(value or "")
    if match is None:
        raise ValidationError(
            _("invalid convoy identifier %(value)s, expected YYYY-MM-DD or YYYY-MM-DD-X"),
            params={"value": value},
        )
    try:
        datetime.date.fromisoformat(match["date"])
    except ValueError:
        raise ValidationError(
            _("invalid date in the convoy identifier %(value)s"), params={"value": value}
        ) from None


def parse_prisoner_ranges(text):
    """Return the ``(first, last)`` ranges of a "first-last; first-last" cell.

    Raises ValueError on a part that is not a range or whose first number exceeds the last.
    """
    ranges = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        match = PRISONER_RANGE_PATTERN.match(part)
        if match is None:
            raise ValueError(part)
        first, last = int(match["first"]), int(match["last"])
        if first > last:
            raise ValueError(part)
        ranges.append((first, last))
    return ranges


def validate_prisoner_numbers(value):
    try:
        parse_prisoner_ranges(value)
    except ValueError as error:
        raise ValidationError(
            _("invalid range of prisoner numbers %(value)s, expected first-last"),
            params={"value": str(error)},
        ) from None


def validate_url_list(value):
    if not isinstance(value, list):
        raise ValidationError(_("expected a list of web addresses"))
    check_url = URLValidator(schemes=["http", "https"])
    for url in value:
        if not isinstance(url, str):
            raise ValidationError(_("expected a list of web addresses"))
        check_url(url)


class ConvoyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_figures(self):
        """Fetch the figures of every convoy in one extra query, in source order."""
        return self.prefetch_related(
            models.Prefetch("figures", queryset=ConvoyFigure.objects.order_by("position"))
        )


class Convoy(models.Model):
    """One deportation transport that left Compiègne, keyed on the source's identifier."""

    convoy_id = models.CharField(
        _("convoy identifier"),
        max_length=20,
        unique=True,
        validators=[validate_convoy_id],
        help_text=_(
            "Departure date as usually cited (YYYY-MM-DD), followed by -H or -F when one train "
            "was split into a men's and a women's transport."
        ),
    )
    departure_date = models.DateField(
        _("departure date"), help_text=_("Date the train left, which may differ by a day.")
    )
    departure_place = models.CharField(_("departure place"), max_length=255, blank=True)
    destination = models.CharField(_("destination"), max_length=255)
    arrival_date = models.DateField(
        _("arrival date"),
        null=True,
        blank=True,
        help_text=_("Date of arrival or of registration at the camp, when the sources give it."),
    )
    reference_name = models.CharField(
        _("reference name"),
        max_length=255,
        blank=True,
        help_text=_("Name used by historians and associations, for example « convoi des 45000 »."),
    )
    fmd_transport_code = models.CharField(
        _("FMD transport code"),
        max_length=20,
        blank=True,
        help_text=_(
            "Code of the transport in the Livre-Mémorial of the Fondation pour la Mémoire de la "
            "Déportation, for example I.42."
        ),
    )
    prisoner_numbers = models.CharField(
        _("prisoner numbers"),
        max_length=255,
        blank=True,
        validators=[validate_prisoner_numbers],
        help_text=_("Lowest and highest camp registration numbers, first-last; ranges separated by ;"),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Summary of the sources, including their disagreements.")
    )
    sources = models.JSONField(
        _("sources"),
        default=list,
        blank=True,
        validators=[validate_url_list],
        help_text=_("Web addresses of the pages the record was checked against."),
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Unpublished convoys are not shown on the site.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ConvoyQuerySet.as_manager()

    class Meta:
        ordering = ["convoy_id"]
        verbose_name = _("convoy")
        verbose_name_plural = _("convoys")

    def __str__(self):
        return f"{self.convoy_id} {self.destination}"

    @property
    def name_date(self):
        """Date the convoy is named after, which for 17 August 1944 precedes the train's departure."""
        match = CONVOY_ID_PATTERN.match(self.convoy_id)
        return datetime.date.fromisoformat(match["date"]) if match else self.departure_date

    @property
    def part_label(self):
        """Translated part of a split train ("men" or "women"), or an empty string."""
        match = CONVOY_ID_PATTERN.match(self.convoy_id)
        part = match["part"] if match else None
        return CONVOY_PARTS.get(part, part or "")

    @property
    def title(self):
        date = formats.date_format(self.name_date)
        if self.part_label:
            return _("Convoy of %(date)s, %(part)s") % {"date": date, "part": self.part_label}
        return _("Convoy of %(date)s") % {"date": date}

    @property
    def prisoner_number_ranges(self):
        try:
            return parse_prisoner_ranges(self.prisoner_numbers)
        except ValueError:
            return []

    # The helpers below read the prefetched figures (``with_figures``), so that a listing of
    # convoys costs one query for all their figures.

    def figures_of_kind(self, kind):
        return [figure for figure in self.figures.all() if figure.kind == kind]

    def main_figure(self, kind):
        """Return the figure read from the table column for ``kind``, or None."""
        for figure in self.figures_of_kind(kind):
            if figure.origin == ConvoyFigure.Origin.COLUMN:
                return figure
        return None

    def other_whole_convoy_figures(self, kind):
        """Return the figures for the whole convoy that differ from the main one of ``kind``."""
        main = self.main_figure(kind)
        return [
            figure
            for figure in self.figures_of_kind(kind)
            if figure is not main
            and figure.scope == ConvoyFigure.Scope.WHOLE
            and (main is None or figure.value != main.value or figure.precision != main.precision)
        ]

    @property
    def main_deported(self):
        return self.main_figure(ConvoyFigure.Kind.DEPORTED)

    @property
    def other_deported(self):
        return self.other_whole_convoy_figures(ConvoyFigure.Kind.DEPORTED)

    @property
    def main_returned(self):
        return self.main_figure(ConvoyFigure.Kind.RETURNED)

    @property
    def other_returned(self):
        return self.other_whole_convoy_figures(ConvoyFigure.Kind.RETURNED)

    def figure_groups(self):
        """Group the figures by kind, in the order of ``ConvoyFigure.Kind``.

        Each group is a dict with the kind's label, its figures and ``disagreement``: whether the
        figures for the whole convoy give more than one value.
        """
        groups = []
        for kind in ConvoyFigure.Kind:
            figures = self.figures_of_kind(kind)
            if not figures:
                continue
            whole_values = {
                (figure.value, figure.precision)
                for figure in figures
                if figure.scope == ConvoyFigure.Scope.WHOLE
            }
            groups.append(
                {
                    "kind": kind,
                    "label": kind.label,
                    "figures": figures,
                    "disagreement": len(whole_values) > 1,
                }
            )
        return groups


class ConvoyFigure(models.Model):
    """One number stated about a convoy, with what it counts and who states it.

    The sources never agree exactly, so a convoy has several figures of the same kind rather
    than one integer: none of them is chosen over the others.
    """

    class Kind(models.TextChoices):
        DEPORTED = "deported", _("Deported people")
        RETURNED = "returned", _("Returned from deportation")
        DIED = "died", _("Deaths")
        ESCAPED = "escaped", _("Escapes")

    class Precision(models.TextChoices):
        EXACT = "exact", _("exact")
        APPROXIMATE = "approximate", _("approximate")
        AT_LEAST = "at_least", _("at least")

    class Scope(models.TextChoices):
        WHOLE = "whole", _("whole convoy")
        INCLUDED = "included", _("part of the convoy, included in its total")
        ADDITIONAL = "additional", _("group counted separately, in addition")

    class Origin(models.TextChoices):
        COLUMN = "column", _("count column of the table")
        COUNT_BASIS = "count_basis", _("count basis cell")
        NOTES = "notes", _("notes cell")

    convoy = models.ForeignKey(
        Convoy, verbose_name=_("convoy"), on_delete=models.CASCADE, related_name="figures"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.PositiveIntegerField(_("value"))
    precision = models.CharField(
        _("precision"), max_length=20, choices=Precision.choices, default=Precision.EXACT
    )
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.WHOLE
    )
    basis = models.CharField(
        _("basis"),
        max_length=500,
        blank=True,
        help_text=_(
            "What the number counts, in the words of the source: people identified by name, "
            "registered at arrival, estimated at departure…"
        ),
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=255,
        blank=True,
        help_text=_("Author or site that gives the number, when the source table names one."),
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=20,
        choices=Origin.choices,
        help_text=_("Cell of the source table the figure was read from."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Wording of the source table the figure was read from, when it is not a count column."),
    )

    class Meta:
        ordering = ["convoy", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["convoy", "position"], name="memorial_convoyfigure_unique_position"
            )
        ]
        verbose_name = _("convoy figure")
        verbose_name_plural = _("convoy figures")

    def __str__(self):
        return f"{self.convoy.convoy_id} {self.kind} {self.value}"

    # Fields that describe a figure, compared by the importer to detect a change.
    COMPARED_FIELDS = (
        "position",
        "kind",
        "value",
        "precision",
        "scope",
        "basis",
        "attribution",
        "source_url",
        "origin",
        "note",
    )

    def comparable(self):
        return tuple(getattr(self, name) for name in self.COMPARED_FIELDS)


class KeyFigureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class KeyFigure(models.Model):
    """A headline figure about the camp, kept as text because many values are approximate.

    Several rows may give different values for the same metric; each keeps its source.
    """

    metric = models.CharField(_("metric"), max_length=255)
    value = models.CharField(
        _("value"), max_length=255, help_text=_("As worded by the source, for example « environ 50 000 ».")
    )
    scope = models.TextField(_("scope or caveat"), blank=True)
    source_url = models.URLField(_("source address"), max_length=500)
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Line of the record in the source file.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "source_url"], name="memorial_keyfigure_unique_metric_source"
            )
        ]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.metric}: {self.value}"


class PublicFigureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_convoy(self):
        """Fetch each person's convoy in the same query (see ``published_convoy``)."""
        return self.select_related("convoy")


class PublicFigure(models.Model):
    """A short entry on a deceased public figure who passed through Royallieu."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Anchor of the entry on the page.")
    )
    life_dates = models.CharField(_("life dates"), max_length=50, blank=True)
    public_role = models.TextField(_("public role"), blank=True)
    royallieu_context = models.TextField(_("at Royallieu"), blank=True)
    convoy = models.ForeignKey(
        Convoy,
        verbose_name=_("convoy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_figures",
    )
    convoy_key = models.CharField(
        _("convoy identifier in the source"),
        max_length=20,
        blank=True,
        help_text=_("Kept so that the link is made when the convoy is imported later."),
    )
    outcome = models.TextField(_("destinations or outcome"), blank=True)
    sources = models.JSONField(
        _("sources"), default=list, blank=True, validators=[validate_url_list]
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Line of the record in the source file.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PublicFigureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("public figure")
        verbose_name_plural = _("public figures")

    def __str__(self):
        return self.name

    @property
    def published_convoy(self):
        """The convoy when it is published, else None, so that pages never link a hidden record."""
        if self.convoy is not None and self.convoy.is_published:
            return self.convoy
        return None
