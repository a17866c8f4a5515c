"""Field mappings: configuration that turns a source's fields into an ObjectRecord.

A mapping names, for each catalogue field, which source fields feed it and how. The same code
then serves every export whose columns or codes differ, by writing a new mapping rather than a
new importer. The mappings of the known sources are in ``museums.importers.sources``.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext as _

from sites.importing import RecordRejected

from .records import CreatorCredit, MuseumReference, ObjectRecord, is_web_url, normalise_space

LIST_SEPARATOR = " ; "


def _as_text(value, empty_values):
    """Return a source value as one string: list items are joined with " ; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        items = [_as_text(item, empty_values) for item in value]
        return LIST_SEPARATOR.join(item for item in items if item)
    text = str(value).strip()
    return "" if text in empty_values else text


def _key_name(key):
    return key[0] if isinstance(key, tuple) else key


def _read_key(fields, key, empty_values):
    """Read one key, given as a name or a (name, transform) pair, as a string."""
    name, transform = key if isinstance(key, tuple) else (key, None)
    value = _as_text(fields.get(name), empty_values)
    if value and transform is not None:
        value = transform(value)
    return value


@dataclass(frozen=True)
class First:
    """The first non-empty value among ``keys``; a key may be a (key, transform) pair."""

    keys: tuple

    def __init__(self, *keys):
        object.__setattr__(self, "keys", keys)

    def __call__(self, fields, empty_values=frozenset()):
        for key in self.keys:
            value = _read_key(fields, key, empty_values)
            if value:
                return value
        return ""

    @property
    def origin(self):
        return ", ".join(_key_name(key) for key in self.keys)


@dataclass(frozen=True)
class Join:
    """The non-empty values of ``keys`` joined by ``separator``; keys as for First."""

    keys: tuple
    separator: str = LIST_SEPARATOR

    def __call__(self, fields, empty_values=frozenset()):
        values = [_read_key(fields, key, empty_values) for key in self.keys]
        return self.separator.join(value for value in values if value)

    @property
    def origin(self):
        return ", ".join(_key_name(key) for key in self.keys)


@dataclass(frozen=True)
class Labelled:
    """Values written after labels: (("H. ", "hauteur"), ("l. ", "largeur")) -> "H. 61, l. 50"."""

    parts: tuple
    separator: str = ", "

    def __call__(self, fields, empty_values=frozenset()):
        written = []
        for label, key in self.parts:
            value = _as_text(fields.get(key), empty_values)
            if value:
                written.append(f"{label}{value}")
        return self.separator.join(written)

    @property
    def origin(self):
        return ", ".join(key for _label, key in self.parts)


@dataclass(frozen=True)
class Const:
    """A value the whole source shares, such as the licence of a published export."""

    value: str

    def __call__(self, fields, empty_values=frozenset()):
        return self.value

    @property
    def origin(self):
        return ""


# Transforms applied to one value.


def sentence_case_capitals(value):
    """Rewrite a title typed in capitals ("N'ENTREZ PAS") as "N'entrez pas".

    Old Joconde records store titles in capitals. Mixed-case titles are kept, because lowering
    them would also lower proper names.
    """
    if any(character.islower() for character in value) or not any(c.isalpha() for c in value):
        return value
    lowered = value.lower()
    return lowered[0].upper() + lowered[1:]


_COUNT_SUFFIX = re.compile(r"\s*\(\d+\)$")


def strip_count(value):
    """Drop the count Joconde writes after a denomination: "anneau (2)" -> "anneau"."""
    return LIST_SEPARATOR.join(_COUNT_SUFFIX.sub("", part) for part in value.split(LIST_SEPARATOR))


def strip_trailing_de(value):
    """Drop the "de" that Actimuse's qualifier field leaves after years: "1903 de" -> "1903"."""
    return re.sub(r"\s+de$", "", value)


def part(index, separator=LIST_SEPARATOR):
    """Return a transform keeping the ``index``-th part of a "a ; b ; c" value."""

    def transform(value):
        parts = [item.strip() for item in value.split(separator.strip())]
        return parts[index] if len(parts) > index else ""

    return transform


def credit_with_condition(value):
    """Show PHOT's "credit#condition of use" as "credit — condition of use"."""
    return " — ".join(item.strip() for item in value.split("#") if item.strip())


# Creators.

_NAME_AND_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)$")


@dataclass(frozen=True)
class JocondeCreators:
    """Authors written "SURNAME Forenames (role)", several separated by ";"."""

    key: str

    def __call__(self, fields, empty_values=frozenset()):
        value = _as_text(fields.get(self.key), empty_values)
        credits = []
        for item in value.split(";"):
            item = normalise_space(item)
            if not item or item in empty_values:
                continue
            match = _NAME_AND_ROLE.match(item)
            if match and match["name"]:
                credits.append(CreatorCredit(match["name"], normalise_space(match["role"])))
            else:
                credits.append(CreatorCredit(item))
        return credits

    @property
    def origin(self):
        return self.key


@dataclass(frozen=True)
class StructuredCreators:
    """Creators already read as a list of {"name", "role"} dicts (LIDO actors)."""

    key: str

    def __call__(self, fields, empty_values=frozenset()):
        return [
            CreatorCredit(item["name"], item.get("role", ""))
            for item in fields.get(self.key) or []
            if item.get("name")
        ]

    @property
    def origin(self):
        return self.key


@dataclass(frozen=True)
class MuseumFields:
    """Getters of the museum a record names: code, other identifier, name and town."""

    name: object
    museofile_code: object = None
    external_identifier: object = None
    town: object = None

    def __call__(self, fields, empty_values):
        def read(getter):
            return getter(fields, empty_values) if getter is not None else ""

        return MuseumReference(
            museofile_code=read(self.museofile_code),
            external_identifier=read(self.external_identifier),
            name=read(self.name),
            town=read(self.town),
        )

    @property
    def origin(self):
        getter = self.museofile_code or self.external_identifier or self.name
        return getter.origin


@dataclass(frozen=True)
class RecordMapping:
    """Configuration that turns one kind of source into catalogue objects.

    ``fields`` maps ObjectRecord field names to getters. ``identifier`` is the source field with
    the record's identifier and ``identifier_pattern`` the form it must have (described to the
    user by ``identifier_rule``). ``required`` fields must be non-empty and ``url_fields`` must
    hold web addresses when present. ``empty_values`` are placeholders read as empty.
    ``source_url`` is a template with ``{identifier}``, or empty to use the ``source_url`` field.
    """

    label: str
    source: str
    identifier: str
    fields: dict
    museum: MuseumFields
    creators: object = None
    identifier_pattern: str = ""
    identifier_rule: str = ""
    required: tuple = ()
    url_fields: tuple = ()
    missing: object = None
    missing_note: object = None
    empty_values: frozenset = frozenset()
    source_url: str = ""
    keep_raw_fields: object = None

    def read(self, fields, key):
        return _as_text(fields.get(key), self.empty_values)

    def map(self, source_record, default_museum_code=""):
        """Return the ObjectRecord of ``source_record``, or raise RecordRejected."""
        fields = source_record.fields
        identifier = self.read(fields, self.identifier)
        if not identifier:
            raise RecordRejected(
                source_record.position, self.identifier, _("the record has no identifier")
            )
        problems = list(source_record.problems)
        problems += self._problems(fields, identifier, default_museum_code)
        if problems:
            raise RecordRejected(
                identifier,
                ", ".join(name for name, _reason in problems),
                " ; ".join(
                    _("%(field)s: %(reason)s") % {"field": name, "reason": reason}
                    for name, reason in problems
                ),
            )

        record = self._build(fields, identifier, default_museum_code)
        record.check()
        return record

    def _problems(self, fields, identifier, default_museum_code):
        problems = []
        if self.identifier_pattern and not re.fullmatch(self.identifier_pattern, identifier):
            problems.append((self.identifier, str(self.identifier_rule) % {"value": identifier}))
        # A museum code given for the whole import replaces a record's empty one.
        museum_code_field = self.museum.museofile_code.origin if self.museum.museofile_code else ""
        for name in self.required:
            if name == museum_code_field and default_museum_code:
                continue
            if not self.read(fields, name):
                problems.append((name, _("this field is required and is empty")))
        museum = self.museum(fields, self.empty_values)
        if not (museum.museofile_code or museum.external_identifier or museum.name):
            if not default_museum_code:
                problems.append((self.museum.origin, _("the record names no museum")))
        for name in self.url_fields:
            for value in self.read(fields, name).split(LIST_SEPARATOR):
                if value and not is_web_url(value):
                    problems.append(
                        (name, _("%(value)r is not a valid web address") % {"value": value})
                    )
        return problems

    def _build(self, fields, identifier, default_museum_code):
        values = {name: getter(fields, self.empty_values) for name, getter in self.fields.items()}
        museum = self.museum(fields, self.empty_values)
        if not museum.museofile_code and default_museum_code:
            museum.museofile_code = default_museum_code
        if self.source_url:
            values["source_url"] = self.source_url.format(identifier=quote(identifier, safe=""))
        missing = self.missing(fields, self.empty_values) if self.missing else ""
        record = ObjectRecord(
            source=self.source,
            source_identifier=identifier,
            museum=museum,
            creators=self.creators(fields, self.empty_values) if self.creators else [],
            missing=bool(missing),
            missing_note=self.missing_note(fields, self.empty_values) if self.missing_note else "",
            raw_data=self._raw(fields),
            **values,
        )
        record.origins = {name: getter.origin for name, getter in self.fields.items()}
        record.origins["creators"] = self.creators.origin if self.creators else ""
        record.origins["museum"] = self.museum.origin
        record.origins["source_identifier"] = self.identifier
        return record

    def _raw(self, fields):
        if self.keep_raw_fields is None:
            return dict(fields)
        return {key: value for key, value in fields.items() if self.keep_raw_fields(key)}
