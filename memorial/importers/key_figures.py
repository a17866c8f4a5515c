"""Import of the key figures table: one KeyFigure per row, keyed on its metric and source."""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from memorial.models import KeyFigure
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
from .mappings import KEY_FIGURES
from .values import parse_urls, require, validate_instance


class KeyFigureImporter:
    """Apply key figure rows.

    The key is the metric with its source URL, because several rows give different values for
    the same metric and a corrected value must update its row rather than add one.
    """

    def __init__(self, mapping=KEY_FIGURES):
        self.mapping = mapping
        self.lines_by_key = {}

    def column(self, field_name):
        return self.mapping.column_of(field_name)

    def record_id(self, row):
        metric = row.values["metric"] or _("line %(line)d") % {"line": row.line}
        host = urlsplit(row.values["source_url"]).hostname if row.values["source_url"] else ""
        return f"{metric} ({host})" if host else metric

    def apply(self, row):
        values = row.values
        record_id = self.record_id(row)
        metric = require(record_id, self.column("metric"), values["metric"])
        source_url = require(record_id, self.column("source_url"), values["source_url"])
        parse_urls(record_id, self.column("source_url"), [source_url])
        fields = {
            "value": require(record_id, self.column("value"), values["value"]),
            "scope": values["scope"],
            "position": row.line,
        }

        key = (metric, source_url)
        if key in self.lines_by_key:
            raise RecordRejected(
                record_id,
                self.column("metric"),
                _("duplicate of the row at line %(line)d (same metric and source)")
                % {"line": self.lines_by_key[key]},
            )
        self.lines_by_key[key] = row.line

        key_figure = KeyFigure.objects.filter(metric=metric, source_url=source_url).first()
        created = key_figure is None
        if created:
            key_figure = KeyFigure(metric=metric, source_url=source_url)
        changed = changed_fields(key_figure, fields)
        validate_instance(key_figure, record_id, self.column_of_model_field)
        if created or changed:
            key_figure.save()
        if created:
            return CREATED
        return UPDATED if changed else UNCHANGED

    def column_of_model_field(self, field_name):
        return self.column(field_name) if field_name in self.mapping.columns else field_name


def import_key_figures(path, report=None, progress=None, mapping=KEY_FIGURES, max_bytes=None):
    """Import a key figures CSV file and return its ImportReport.

    Raises SourceError, changing nothing, when the file cannot be read as a whole.
    """
    rows = read_rows(path, mapping, max_bytes)
    report = report if report is not None else ImportReport(sources=[str(path)])
    importer = KeyFigureImporter(mapping)
    return apply_records(rows, importer.apply, report, record_id=importer.record_id, progress=progress)
