"""Import of the convoy table: one Convoy per row, with all the figures the row states."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from memorial.models import Convoy, ConvoyFigure, PublicFigure
from memorial.models.records import parse_prisoner_ranges, validate_convoy_id
from sites.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ImportReport,
    RecordRejected,
    apply_records,
    changed_fields,
)

from .csv_source import read_rows
from .figures import FigureStatement, parse_count_basis, parse_notes, plain
from .mappings import CONVOYS
from .values import parse_count, parse_date, parse_urls, require, validate_instance

Kind = ConvoyFigure.Kind
Origin = ConvoyFigure.Origin

# Host name parts too common to tell one source from another.
GENERIC_HOST_LABELS = {"www", "fr", "com", "org", "net", "eu", "info"}


def match_source_url(attribution, urls):
    """Return the URL among ``urls`` whose site is named in ``attribution``, or "".

    A word with a dot must be the host or end it ("lestemoins.fr"); another word must be one
    label of the host ("maitron" in fusilles-40-44.maitron.fr).
    """
    words = [plain(word) for word in re.split(r"\s+", attribution)]
    words = [word for word in words if len(word) >= 3]
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        labels = set(host.split(".")) - GENERIC_HOST_LABELS
        for word in words:
            if "." in word and (host == word or host.endswith("." + word)):
                return url
            if word in labels:
                return url
    return ""


def figure_statements(values, deported, returned):
    """Return the figures of one row: the count columns first, then the figures read in words.

    A figure in the notes that repeats a count column's number (``Survivants: 19 selon
    resistance60`` for a returned count of 19) names the source of that column's figure instead
    of being listed twice.
    """
    statements = []
    if deported is not None:
        basis, basis_statements = parse_count_basis(values["count_basis"], deported)
        statements.append(FigureStatement(Kind.DEPORTED, deported, basis=basis, origin=Origin.COLUMN))
        statements.extend(basis_statements)
    elif values["count_basis"]:
        # NOTE: without a deported count the basis describes no number; only the figures
        # stated in its brackets are kept.
        statements.extend(parse_count_basis(values["count_basis"], None)[1])
    if returned is not None:
        statements.append(FigureStatement(Kind.RETURNED, returned, origin=Origin.COLUMN))

    for statement in parse_notes(values["notes"]):
        for index, existing in enumerate(statements):
            repeats_column = (
                existing.origin == Origin.COLUMN
                and not existing.attribution
                and (existing.kind, existing.value, existing.scope)
                == (statement.kind, statement.value, statement.scope)
                and statement.precision == ConvoyFigure.Precision.EXACT
            )
            if repeats_column:
                statements[index] = FigureStatement(
                    existing.kind,
                    existing.value,
                    basis=existing.basis or statement.basis,
                    attribution=statement.attribution,
                    origin=Origin.COLUMN,
                    note=statement.note,
                    same_source=statement.same_source,
                )
                break
        else:
            statements.append(statement)
    return statements


def build_figures(convoy, statements, sources):
    """Turn statements into unsaved ConvoyFigures, each with the source URL that backs it.

    A figure with no attribution, or one attributed to "la source", comes from the row's first
    source. An attributed figure gets the row's URL of the site it names, if any. A column's
    figure falls back on the row's first source.
    """
    first_source = sources[0] if sources else ""
    figures = []
    for position, statement in enumerate(statements):
        if not statement.attribution:
            source_url = first_source
        else:
            source_url = match_source_url(statement.attribution, sources)
            if not source_url and statement.origin == Origin.COLUMN:
                source_url = first_source
        figures.append(
            ConvoyFigure(
                convoy=convoy,
                position=position,
                kind=statement.kind,
                value=statement.value,
                precision=statement.precision,
                scope=statement.scope,
                basis=statement.basis,
                attribution=statement.attribution,
                source_url=source_url,
                origin=statement.origin,
                note=statement.note,
            )
        )
    return figures


class ConvoyImporter:
    """Apply the rows of one convoy file; a row is rejected alone when one of its cells is invalid."""

    def __init__(self, mapping=CONVOYS):
        self.mapping = mapping
        self.lines_by_id = {}

    def column(self, field_name):
        return self.mapping.column_of(field_name)

    def record_id(self, row):
        return row.values["convoy_id"] or _("line %(line)d") % {"line": row.line}

    def apply(self, row):
        values = row.values
        convoy_id = self.check_identifier(row)

        fields = {
            "departure_date": parse_date(
                convoy_id, self.column("departure_date"), values["departure_date"], required=True
            ),
            "departure_place": values["departure_place"],
            "destination": require(convoy_id, self.column("destination"), values["destination"]),
            "arrival_date": parse_date(convoy_id, self.column("arrival_date"), values["arrival_date"]),
            "reference_name": values["reference_name"],
            "fmd_transport_code": values["fmd_transport_code"],
            "prisoner_numbers": self.check_prisoner_numbers(convoy_id, values["prisoner_numbers"]),
            "notes": values["notes"],
            "sources": parse_urls(convoy_id, self.column("sources"), values["sources"]),
        }
        if fields["arrival_date"] and fields["arrival_date"] < fields["departure_date"]:
            raise RecordRejected(
                convoy_id,
                self.column("arrival_date"),
                _("the arrival date %(arrival)s is before the departure date %(departure)s")
                % {"arrival": fields["arrival_date"], "departure": fields["departure_date"]},
            )
        deported = parse_count(convoy_id, self.column("deported_count"), values["deported_count"])
        returned = parse_count(convoy_id, self.column("returned_count"), values["returned_count"])
        statements = figure_statements(values, deported, returned)

        convoy = Convoy.objects.filter(convoy_id=convoy_id).first()
        created = convoy is None
        if created:
            convoy = Convoy(convoy_id=convoy_id)
        changed = changed_fields(convoy, fields)
        validate_instance(convoy, convoy_id, self.column_of_model_field)
        if created or changed:
            convoy.save()

        figures_changed = self.replace_figures(convoy, statements, fields["sources"], created)
        if created:
            # Public figures imported before their convoy are linked now.
            PublicFigure.objects.filter(convoy_key=convoy_id, convoy__isnull=True).update(convoy=convoy)

        if created:
            return CREATED
        return UPDATED if changed or figures_changed else UNCHANGED

    def check_identifier(self, row):
        column = self.column("convoy_id")
        convoy_id = require(self.record_id(row), column, row.values["convoy_id"])
        try:
            validate_convoy_id(convoy_id)
        except ValidationError as error:
            raise RecordRejected(convoy_id, column, " ".join(error.messages)) from None
        if convoy_id in self.lines_by_id:
            raise RecordRejected(
                convoy_id,
                column,
                _("duplicate of the row at line %(line)d") % {"line": self.lines_by_id[convoy_id]},
            )
        self.lines_by_id[convoy_id] = row.line
        return convoy_id

    def check_prisoner_numbers(self, convoy_id, value):
        try:
            parse_prisoner_ranges(value)
        except ValueError as error:
            raise RecordRejected(
                convoy_id,
                self.column("prisoner_numbers"),
                _("invalid range %(value)s, expected first-last with first ≤ last")
                % {"value": str(error)},
            ) from None
        return value

    def column_of_model_field(self, field_name):
        return self.column(field_name) if field_name in self.mapping.columns else field_name

    def column_of_figure(self, figure):
        if figure.origin == Origin.NOTES:
            return self.column("notes")
        if figure.origin == Origin.COUNT_BASIS:
            return self.column("count_basis")
        if figure.kind == Kind.RETURNED:
            return self.column("returned_count")
        return self.column("deported_count")

    def replace_figures(self, convoy, statements, sources, created):
        """Store the row's figures; return whether they differ from the stored ones."""
        figures = build_figures(convoy, statements, sources)
        for figure in figures:
            # The convoy is excluded because it was just saved; checking it costs a query.
            validate_instance(
                figure,
                convoy.convoy_id,
                lambda _field, figure=figure: self.column_of_figure(figure),
                exclude=["convoy"],
            )
        if not created:
            stored = [figure.comparable() for figure in convoy.figures.order_by("position")]
            if stored == [figure.comparable() for figure in figures]:
                return False
            convoy.figures.all().delete()
        ConvoyFigure.objects.bulk_create(figures)
        return True


def import_convoys(path, report=None, progress=None, mapping=CONVOYS, max_bytes=None):
    """Import a convoy CSV file and return its ImportReport.

    Raises SourceError, changing nothing, when the file cannot be read as a whole.
    """
    rows = read_rows(path, mapping, max_bytes)
    report = report if report is not None else ImportReport(sources=[str(path)])
    importer = ConvoyImporter(mapping)
    return apply_records(rows, importer.apply, report, record_id=importer.record_id, progress=progress)
