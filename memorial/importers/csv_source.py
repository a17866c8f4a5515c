"""Reading of the memorial's CSV files through a column mapping.

A ``ColumnMapping`` names the source column read into each field of a record, so that a file
whose columns are named differently is imported by changing the mapping, not the code.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sites.importing import SourceError, check_source_file, decode_text

# The header is read from this many first bytes when the kind of a file is detected.
HEADER_PREFIX_BYTES = 64 * 1024


@dataclass(frozen=True)
class ColumnMapping:
    """Source column names of each field of one kind of record.

    ``columns`` maps a field to one column name, or to a tuple of names whose non-empty cells
    are read as a list (several source URLs, for instance). Columns in ``optional_columns`` may
    be missing from the header; every other column must be there.
    """

    kind: str
    key_field: str
    columns: dict
    optional_columns: frozenset = field(default_factory=frozenset)

    def column_names(self, field_name):
        names = self.columns[field_name]
        return (names,) if isinstance(names, str) else tuple(names)

    def column_of(self, field_name):
        """Return the first source column of ``field_name``, to name it in error messages."""
        return self.column_names(field_name)[0]

    def required_columns(self):
        return [
            name
            for field_name in self.columns
            for name in self.column_names(field_name)
            if name not in self.optional_columns
        ]

    def with_overrides(self, overrides):
        """Return a copy whose columns are replaced by ``overrides`` (field → column name(s)).

        Raises ValueError on a field this kind of record does not have.
        """
        unknown = sorted(set(overrides) - set(self.columns))
        if unknown:
            raise ValueError(
                _("unknown field %(fields)s for %(kind)s; known fields: %(known)s")
                % {
                    "fields": ", ".join(unknown),
                    "kind": self.kind,
                    "known": ", ".join(self.columns),
                }
            )
        columns = dict(self.columns)
        for field_name, names in overrides.items():
            columns[field_name] = names if isinstance(names, str) else tuple(names)
        return ColumnMapping(self.kind, self.key_field, columns, self.optional_columns)


@dataclass
class SourceRow:
    """One data row: its first line in the file and its cells keyed by field name."""

    line: int
    values: dict


def _parse_header(row, source):
    header = [name.strip() for name in row]
    seen = set()
    for name in header:
        if name in seen:
            raise SourceError(source, _("the column %(column)s appears twice in the header") % {"column": name})
        seen.add(name)
    return header


def _check_columns(header, mapping, source):
    missing = [name for name in mapping.required_columns() if name not in header]
    if missing and len(header) == 1 and ";" in header[0]:
        # Spreadsheets set to French often save CSV files with semicolons.
        raise SourceError(
            source,
            _("the columns are separated by semicolons; save the file as CSV with commas"),
        )
    if missing:
        raise SourceError(
            source,
            ngettext("missing column %(columns)s", "missing columns %(columns)s", len(missing))
            % {"columns": ", ".join(missing)},
        )


def read_rows(path, mapping, max_bytes=None):
    """Read a whole CSV file into SourceRows, or raise SourceError.

    The file must be UTF-8 without NUL bytes (a byte order mark is allowed), have a header with every required
    column of ``mapping`` and the same number of cells on every row. Empty rows are skipped.
    """
    path = check_source_file(path, max_bytes)
    raw = path.read_bytes()
    # A NUL byte means a binary or UTF-16 file; PostgreSQL text columns cannot store it either.
    nul_offset = raw.find(b"\x00")
    if nul_offset != -1:
        raise SourceError(
            path, _("NUL byte at offset %(offset)d: not a UTF-8 text file") % {"offset": nul_offset}
        )
    text = decode_text(raw, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    try:
        first_row = next(reader, None)
        if first_row is None or not any(cell.strip() for cell in first_row):
            raise SourceError(path, _("no header line"))
        header = _parse_header(first_row, path)
        _check_columns(header, mapping, path)
        index = {name: position for position, name in enumerate(header)}

        rows = []
        next_line = reader.line_num + 1
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise SourceError(
                    path,
                    _("line %(line)d has %(found)d cells, the header has %(expected)d")
                    % {"line": line, "found": len(cells), "expected": len(header)},
                )
            rows.append(SourceRow(line, _row_values(cells, index, mapping)))
    except csv.Error as error:
        raise SourceError(
            path,
            _("invalid CSV at line %(line)d: %(error)s") % {"line": reader.line_num, "error": error},
        ) from error
    return rows


def _row_values(cells, index, mapping):
    values = {}
    for field_name, names in mapping.columns.items():
        if isinstance(names, str):
            values[field_name] = cells[index[names]].strip() if names in index else ""
        else:
            values[field_name] = [
                cells[index[name]].strip()
                for name in names
                if name in index and cells[index[name]].strip()
            ]
    return values


def read_header(path, max_bytes=None):
    """Return the column names of a CSV file's first line, reading only its first bytes."""
    path = check_source_file(path, max_bytes)
    with path.open("rb") as source_file:
        prefix = source_file.read(HEADER_PREFIX_BYTES)
    end = prefix.find(b"\n")
    if end == -1 and len(prefix) == HEADER_PREFIX_BYTES:
        raise SourceError(
            path, _("no header line in the first %(size)d bytes") % {"size": HEADER_PREFIX_BYTES}
        )
    first_line = decode_text(prefix if end == -1 else prefix[:end], path)
    try:
        row = next(csv.reader([first_line]), [])
    except csv.Error as error:
        raise SourceError(path, _("invalid CSV header: %(error)s") % {"error": error}) from error
    if not any(cell.strip() for cell in row):
        raise SourceError(path, _("no header line"))
    return _parse_header(row, path)


def detect_mapping(path, mappings, max_bytes=None):
    """Return the mapping of ``mappings`` whose required columns are all in the file's header.

    Raises SourceError when none or more than one matches.
    """
    header = set(read_header(path, max_bytes))
    matching = [mapping for mapping in mappings if set(mapping.required_columns()) <= header]
    if len(matching) == 1:
        return matching[0]
    if not matching:
        raise SourceError(
            path,
            _("the header matches none of the known files (%(kinds)s); pass --kind")
            % {"kinds": ", ".join(mapping.kind for mapping in mappings)},
        )
    raise SourceError(
        path,
        _("the header matches several kinds of file (%(kinds)s); pass --kind")
        % {"kinds": ", ".join(mapping.kind for mapping in matching)},
    )
