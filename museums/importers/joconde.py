"""Readers of the four shapes Joconde records come in, and the Joconde import entry point.

* ``text``: field-code text, the "format Joconde" that museums send to POP. A line contains a
  code (REF, TITR…) and the next lines its value. A line ``//`` ends a record, and a line
  ending in " -" continues on the next one.
* ``actimuse``: an Actimuse "Export Global DMF" CSV, pipe-separated, one row per image, whose
  fourth cell contains a whole field-code record.
* ``pop-json``: a notice as stored by POP, field codes as keys (one notice or a list).
* ``mashup-csv``: a comma-separated table with its own column names, read through a mapping.

Every reader parses the whole file before anything is stored, and raises SourceError on a
broken file. The mapping of the format then turns each record into an ObjectRecord.
"""

import csv
import io
import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sites.importing import SourceError, apply_records, check_source_file

from .encoding import UTF8_BOM, decode_undeclared_text
from .records import SourceRecord
from .sources import ACTIMUSE_MAPPING, JOCONDE_MAPPING, MASHUP_CSV_MAPPING
from .writer import store_object

# A field code: capitals, digits and underscores, alone on its line.
CODE_LINE = re.compile(r"^[A-Z][A-Z0-9_]{1,19}$")
END_OF_RECORD = "//"
SOFT_WRAP = " -"
LIST_SEPARATOR = " ; "


class FieldCodeParser:
    """Parse field-code text into SourceRecords.

    A line is a value when it follows a code line or a line ending in the soft-wrap mark.
    Otherwise a code-shaped line starts a new field, and any other line continues the value.
    NOTE: a value line made of one word in capitals (e.g. "OFFRMO") after another value line is
    read as a code. The sample files have no such line.
    """

    def __init__(self, source, first_line=1):
        self.source = source
        self.first_line = first_line
        self.records = []
        self._reset()

    def _reset(self):
        self.fields = {}
        self.code = None
        self.value = None
        self.wrapped = False
        self.start_line = None

    def parse(self, text):
        for number, line in enumerate(text.splitlines(), start=self.first_line):
            self._read_line(number, line.strip())
        if self.start_line is not None:
            self._raise_truncated()
        return self.records

    def _read_line(self, number, line):
        if not line:
            return  # Blank lines separate records or pad values; they carry nothing.
        if self.start_line is None:
            self.start_line = number
        if line == END_OF_RECORD and not self.wrapped:
            self._close_record()
        elif self.code is not None and (self.value is None or self.wrapped):
            self._add_value_line(line)
        elif CODE_LINE.match(line):
            self._close_field()
            self.code = line
        elif self.code is None:
            raise SourceError(
                self.source,
                _("line %(line)d: expected a field code such as REF, found %(text)r")
                % {"line": number, "text": line[:60]},
            )
        else:
            self._add_value_line(line)

    def _add_value_line(self, line):
        if self.value is None:
            self.value = line
        elif self.wrapped:
            self.value = f"{self.value} {line}"
        else:
            self.value = f"{self.value}\n{line}"
        self.wrapped = self.value.endswith(SOFT_WRAP)
        if self.wrapped:
            self.value = self.value[: -len(SOFT_WRAP)].rstrip()

    def _close_field(self):
        if self.code is None:
            return
        value = self.value or ""
        previous = self.fields.get(self.code)
        # A code repeated in one record adds values to the same field.
        self.fields[self.code] = f"{previous}{LIST_SEPARATOR}{value}" if previous else value
        self.code = None
        self.value = None
        self.wrapped = False

    def _close_record(self):
        self._close_field()
        if self.fields:
            position = _("record starting at line %(line)d") % {"line": self.start_line}
            self.records.append(SourceRecord(position=position, fields=self.fields))
        self._reset()

    def _raise_truncated(self):
        self._close_field()
        raise SourceError(
            self.source,
            _(
                "the file ends inside the record starting at line %(line)d, which has no "
                "closing // line: the file is probably truncated"
            )
            % {"line": self.start_line},
            record_id=self.fields.get("REF"),
        )


def read_text(path, raw):
    text, _encoding = decode_undeclared_text(raw, path)
    records = FieldCodeParser(path).parse(text)
    if not records:
        raise SourceError(path, _("no record found (a record ends with a // line)"))
    return records


@dataclass(frozen=True)
class ActimuseLayout:
    """Columns of an Actimuse export: image columns first, then the cell with the record."""

    record_column: int = 3
    image_columns: tuple = ("Cote", "Support", "Auteur")
    delimiter: str = "|"


ACTIMUSE_LAYOUT = ActimuseLayout()


def read_actimuse(path, raw, layout=ACTIMUSE_LAYOUT):
    """Read an Actimuse export; rows repeating one REF (one per image) make one record."""
    text, _encoding = decode_undeclared_text(raw, path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise SourceError(path, _("invalid CSV: %(error)s") % {"error": error}) from error
    if len(rows) < 2 or len(rows[0]) <= layout.record_column:
        raise SourceError(
            path,
            _("expected a header and rows of at least %(count)d columns separated by %(sep)r")
            % {"count": layout.record_column + 1, "sep": layout.delimiter},
        )

    by_reference = {}
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = _actimuse_row_record(path, row, row_number, layout)
        reference = record.fields.get("REF") or record.position
        if reference in by_reference:
            _merge_actimuse_rows(by_reference[reference], record)
        else:
            by_reference[reference] = record
    return list(by_reference.values())


def _actimuse_row_record(path, row, row_number, layout):
    if len(row) <= layout.record_column:
        raise SourceError(
            path,
            _("row %(row)d has %(count)d columns, expected %(expected)d")
            % {"row": row_number, "count": len(row), "expected": layout.record_column + 1},
        )
    records = FieldCodeParser(path).parse(row[layout.record_column])
    if len(records) != 1:
        raise SourceError(
            path,
            _("row %(row)d: the record cell holds %(count)d records, expected one")
            % {"row": row_number, "count": len(records)},
        )
    record = records[0]
    record.position = _("row %(row)d") % {"row": row_number}
    image = dict(zip(layout.image_columns, row[: len(layout.image_columns)], strict=False))
    record.fields["images"] = [image]
    return record


def _merge_actimuse_rows(first_row_record, repeated):
    """Add the image of a repeated row. The record text of both rows must be the same."""
    first_row_record.fields["images"].extend(repeated.fields["images"])
    for code in sorted(set(first_row_record.fields) | set(repeated.fields)):
        if code != "images" and first_row_record.fields.get(code) != repeated.fields.get(code):
            first_row_record.problems.append(
                (code, _("the rows of this object disagree (%(row)s)") % {"row": repeated.position})
            )


def read_pop_json(path, raw):
    text, _encoding = decode_undeclared_text(raw, path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            path,
            _("invalid JSON at line %(line)d, column %(column)d: %(error)s")
            % {"line": error.lineno, "column": error.colno, "error": error.msg},
        ) from error
    except RecursionError as error:
        raise SourceError(path, _("invalid JSON: nested too deeply")) from error

    notices = document if isinstance(document, list) else [document]
    records = []
    for index, notice in enumerate(notices, start=1):
        if not isinstance(notice, dict):
            raise SourceError(path, _("notice %(index)d is not a JSON object") % {"index": index})
        position = _("notice %(index)d") % {"index": index}
        records.append(SourceRecord(position=position, fields=notice))
    if not records:
        raise SourceError(path, _("no record found"))
    return records


def csv_reader_for(mapping, delimiter=","):
    """Return a reader of a CSV table whose header contains ``mapping``'s identifier column."""

    def read_csv(path, raw):
        text, _encoding = decode_undeclared_text(raw, path)
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        if mapping.identifier not in (reader.fieldnames or []):
            raise SourceError(
                path,
                _("the header has no column %(column)r, so this is not a %(format)s file")
                % {"column": mapping.identifier, "format": mapping.label},
            )
        records = []
        try:
            for row in reader:
                position = _("line %(line)d") % {"line": reader.line_num}
                records.append(SourceRecord(position=position, fields=dict(row)))
        except csv.Error as error:
            raise SourceError(path, _("invalid CSV: %(error)s") % {"error": error}) from error
        if not records:
            raise SourceError(path, _("no record found"))
        return records

    return read_csv


@dataclass(frozen=True)
class JocondeFormat:
    name: str
    reader: object
    mapping: object


FORMATS = {
    "text": JocondeFormat("text", read_text, JOCONDE_MAPPING),
    "actimuse": JocondeFormat("actimuse", read_actimuse, ACTIMUSE_MAPPING),
    "pop-json": JocondeFormat("pop-json", read_pop_json, JOCONDE_MAPPING),
    "mashup-csv": JocondeFormat(
        "mashup-csv", csv_reader_for(MASHUP_CSV_MAPPING), MASHUP_CSV_MAPPING
    ),
}
FORMAT_NAMES = ["auto", *FORMATS]


def detect_format(path, raw):
    """Return the name of the format of ``raw`` judged from its first line, or raise."""
    head = raw[:4096].removeprefix(UTF8_BOM).lstrip()
    first_line = head.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    if head.startswith((b"{", b"[")):
        return "pop-json"
    if first_line.count(ACTIMUSE_LAYOUT.delimiter) >= ACTIMUSE_LAYOUT.record_column:
        return "actimuse"
    if MASHUP_CSV_MAPPING.identifier in first_line.split(","):
        return "mashup-csv"
    if CODE_LINE.match(first_line):
        return "text"
    raise SourceError(
        path,
        _(
            "the format could not be recognised from the first line; name it with --format "
            "(%(names)s)"
        )
        % {"names": ", ".join(FORMATS)},
    )


def read_joconde_file(path, format_name="auto"):
    """Parse one file completely; return (JocondeFormat, records). Raises SourceError."""
    path = check_source_file(path)
    raw = path.read_bytes()
    if format_name == "auto":
        format_name = detect_format(path, raw)
    joconde_format = FORMATS[format_name]
    return joconde_format, joconde_format.reader(path, raw)


def import_joconde_files(paths, report, format_name="auto", museum_code="", progress=None):
    """Import Joconde files into the catalogue, counting outcomes in ``report``.

    All files are parsed before the first record is stored, so a broken file stops the run with
    SourceError before anything changes. ``museum_code`` (a Muséofile code) stands for the
    museum of records that name none, as in single-museum CMS exports.
    """
    parsed = [read_joconde_file(path, format_name) for path in paths]
    for joconde_format, records in parsed:
        mapping = joconde_format.mapping

        def apply_one(source_record, mapping=mapping):
            return store_object(mapping.map(source_record, default_museum_code=museum_code))

        apply_records(records, apply_one, report, progress=progress)
    return report
