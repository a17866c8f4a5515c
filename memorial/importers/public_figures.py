"""Import of the public figures table: one PublicFigure per row, keyed on the slug of the name."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from memorial.models import Convoy, PublicFigure
from memorial.models.records import validate_convoy_id
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
from .mappings import PUBLIC_FIGURES
from .values import parse_urls, require, validate_instance


class PublicFigureImporter:
    """Apply public figure rows, linking each to its convoy when that convoy is stored."""

    def __init__(self, mapping=PUBLIC_FIGURES):
        self.mapping = mapping
        self.lines_by_slug = {}

    def column(self, field_name):
        return self.mapping.column_of(field_name)

    def record_id(self, row):
        return row.values["name"] or _("line %(line)d") % {"line": row.line}

    def apply(self, row):
        values = row.values
        name = require(self.record_id(row), self.column("name"), values["name"])
        slug = slugify(name)
        if not slug:
            raise RecordRejected(name, self.column("name"), _("the name has no letter or digit"))
        if slug in self.lines_by_slug:
            raise RecordRejected(
                name,
                self.column("name"),
                _("duplicate of the row at line %(line)d") % {"line": self.lines_by_slug[slug]},
            )
        self.lines_by_slug[slug] = row.line

        convoy_key = values["convoy_key"]
        convoy_pk = None
        if convoy_key:
            try:
                validate_convoy_id(convoy_key)
            except ValidationError as error:
                raise RecordRejected(name, self.column("convoy_key"), " ".join(error.messages)) from None
            convoy_pk = (
                Convoy.objects.filter(convoy_id=convoy_key).values_list("pk", flat=True).first()
            )

        fields = {
            "name": name,
            "life_dates": values["life_dates"],
            "public_role": values["public_role"],
            "royallieu_context": values["royallieu_context"],
            "convoy_key": convoy_key,
            # Django's attribute for the convoy's primary key, not the source's convoy_id.
            "convoy_id": convoy_pk,
            "outcome": values["outcome"],
            "sources": parse_urls(name, self.column("sources"), values["sources"]),
            "position": row.line,
        }

        person = PublicFigure.objects.filter(slug=slug).first()
        created = person is None
        if created:
            person = PublicFigure(slug=slug)
        changed = changed_fields(person, fields)
        validate_instance(person, name, self.column_of_model_field, exclude=["convoy"])
        if created or changed:
            person.save()
        if created:
            return CREATED
        return UPDATED if changed else UNCHANGED

    def column_of_model_field(self, field_name):
        return self.column(field_name) if field_name in self.mapping.columns else field_name


def import_public_figures(path, report=None, progress=None, mapping=PUBLIC_FIGURES, max_bytes=None):
    """Import a public figures CSV file and return its ImportReport.

    Import the convoys first: a person whose convoy is not stored yet keeps the convoy's
    identifier and is linked when that convoy is imported. Raises SourceError, changing nothing,
    when the file cannot be read as a whole.
    """
    rows = read_rows(path, mapping, max_bytes)
    report = report if report is not None else ImportReport(sources=[str(path)])
    importer = PublicFigureImporter(mapping)
    return apply_records(rows, importer.apply, report, record_id=importer.record_id, progress=progress)
