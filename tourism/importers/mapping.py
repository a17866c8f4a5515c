"""Field mappings: per-feed configuration telling the importer where each value is in a record.

Two Tourinsoft syndications of the same client can name and shape their fields differently
(flat strings or nested collections, ``Classification`` or ``ClassificationType``), so no field
name is written in the importer itself. A mapping is a JSON file, either shipped in
``tourism/importers/mappings/`` and given by name, or given by path. ``load_mapping`` validates
it completely before any feed is read; the keys are described in ``docs/tourisme-offres.md``.
"""

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from tourism.models import OfferType

from .composite import Separators

MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"

TEXT_TARGETS = (
    "id",
    "name",
    "updated",
    "type_label",
    "category",
    "summary",
    "description",
    "latitude",
    "longitude",
)
REQUIRED_TEXT_TARGETS = ("id", "name")
CONTACT_KINDS = ("phone", "email", "website")
IMAGE_PARTS = ("url", "title", "credit")
# Names a flat period layout may give to its sub-fields, in the order they appear.
# "weekday_times" stands for 28 sub-fields: open1, close1, open2, close2 for Monday to Sunday.
PERIOD_SUBFIELDS = {
    "start",
    "end",
    "open1",
    "close1",
    "open2",
    "close2",
    "open_days",
    "closed_days",
    "weekday_times",
    "note",
    "ignore",
}
TOP_LEVEL_KEYS = {
    "name",
    "description",
    "content_language",
    "timezone",
    "separators",
    "fields",
    "types",
    "address",
    "contacts",
    "images",
    "periods",
}


class MappingError(ValueError):
    """A mapping file is missing, unreadable or inconsistent; the message names the key."""


def normalise_label(label):
    """Return ``label`` folded for comparison: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(label))
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(without_accents.casefold().split())


@dataclass
class FeedMapping:
    name: str
    description: str = ""
    content_language: str = "fr"
    timezone: str = "Europe/Paris"
    separators: Separators = field(default_factory=Separators)
    # Target name -> list of sources: a dotted path ("ClassificationType.ThesLibelle") or
    # {"collection": [names], "field": path} for the first row of a nested collection.
    fields: dict = field(default_factory=dict)
    type_labels: dict = field(default_factory=dict)  # normalised ObjectTypeName -> OfferType value
    id_prefixes: dict = field(default_factory=dict)  # "FMA" -> OfferType value
    default_type: str = OfferType.OTHER
    address: list = field(default_factory=list)
    contact_sources: list = field(default_factory=list)
    contact_kinds: dict = field(default_factory=dict)  # normalised label or code -> kind
    images: list = field(default_factory=list)
    periods: list = field(default_factory=list)
    origin: str = ""

    def source_names(self, target):
        """Return the feed field names configured for ``target``, to name them in a rejection."""
        names = []
        for source in self.fields.get(target, []):
            names.append(
                source
                if isinstance(source, str)
                else f"{source['collection'][0]}.{source['field']}"
            )
        return names


def load_mapping(name_or_path):
    """Return the FeedMapping of a shipped mapping name or of a JSON file path."""
    candidate = Path(name_or_path)
    if candidate.suffix != ".json":
        if not all(char.isalnum() or char in "-_" for char in str(name_or_path)):
            raise MappingError(_("invalid mapping name %(name)r") % {"name": str(name_or_path)})
        candidate = MAPPINGS_DIR / f"{name_or_path}.json"
    if not candidate.is_file():
        available = ", ".join(sorted(path.stem for path in MAPPINGS_DIR.glob("*.json")))
        raise MappingError(
            _("mapping %(name)s not found (shipped mappings: %(available)s)")
            % {"name": str(name_or_path), "available": available}
        )
    try:
        data = json.loads(candidate.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MappingError(
            _("mapping %(path)s is not valid UTF-8 JSON: %(error)s")
            % {"path": candidate, "error": error}
        ) from error
    return mapping_from_dict(data, origin=str(candidate))


def mapping_from_dict(data, origin="<dict>"):
    """Validate a mapping given as a dict and return it as a FeedMapping."""
    checker = _MappingChecker(origin)
    checker.require(isinstance(data, dict), "", _("the mapping must be a JSON object"))
    unknown = sorted(set(data) - TOP_LEVEL_KEYS)
    checker.require(not unknown, ", ".join(unknown), _("unknown key"))
    checker.require(isinstance(data.get("name"), str) and data["name"], "name", _("missing"))

    separators = data.get("separators", {})
    checker.require(isinstance(separators, dict), "separators", _("must be an object"))
    for key, value in separators.items():
        checker.require(
            key in ("occurrence", "subfield", "days"), f"separators.{key}", _("unknown key")
        )
        checker.require(
            isinstance(value, str) and value, f"separators.{key}", _("must be a non-empty string")
        )

    fields = data.get("fields", {})
    checker.require(isinstance(fields, dict), "fields", _("must be an object"))
    for target in fields:
        checker.require(target in TEXT_TARGETS, f"fields.{target}", _("unknown target"))
    parsed_fields = {
        target: checker.value_sources(fields.get(target, []), f"fields.{target}")
        for target in TEXT_TARGETS
    }
    for target in REQUIRED_TEXT_TARGETS:
        checker.require(
            parsed_fields[target], f"fields.{target}", _("at least one source is required")
        )

    types = data.get("types", {})
    checker.require(isinstance(types, dict), "types", _("must be an object"))
    type_labels = {}
    for label, value in types.get("labels", {}).items():
        checker.require(value in OfferType.values, f"types.labels.{label}", _("unknown offer type"))
        type_labels[normalise_label(label)] = value
    id_prefixes = {}
    for prefix, value in types.get("id_prefixes", {}).items():
        checker.require(
            value in OfferType.values, f"types.id_prefixes.{prefix}", _("unknown offer type")
        )
        id_prefixes[prefix.upper()] = value
    default_type = types.get("default", OfferType.OTHER)
    checker.require(default_type in OfferType.values, "types.default", _("unknown offer type"))

    contacts = data.get("contacts", {})
    checker.require(isinstance(contacts, dict), "contacts", _("must be an object"))
    contact_kinds = {}
    for kind, labels in contacts.get("kinds", {}).items():
        checker.require(kind in CONTACT_KINDS, f"contacts.kinds.{kind}", _("unknown contact kind"))
        checker.require(isinstance(labels, list), f"contacts.kinds.{kind}", _("must be a list"))
        for label in labels:
            contact_kinds[normalise_label(label)] = kind

    return FeedMapping(
        name=data["name"],
        description=data.get("description", ""),
        content_language=data.get("content_language", "fr"),
        timezone=data.get("timezone", "Europe/Paris"),
        separators=Separators(**separators),
        fields=parsed_fields,
        type_labels=type_labels,
        id_prefixes=id_prefixes,
        default_type=default_type,
        address=checker.block_sources(data.get("address", []), "address", _check_address),
        contact_sources=checker.block_sources(
            contacts.get("sources", []), "contacts.sources", _check_contact
        ),
        contact_kinds=contact_kinds,
        images=checker.block_sources(data.get("images", []), "images", _check_image),
        periods=checker.block_sources(data.get("periods", []), "periods", _check_period),
        origin=origin,
    )


class _MappingChecker:
    def __init__(self, origin):
        self.origin = origin

    def require(self, condition, key, message):
        if not condition:
            raise MappingError(
                _("mapping %(origin)s, key %(key)s: %(message)s")
                % {"origin": self.origin, "key": key or "(root)", "message": message}
            )

    def collection_names(self, value, key):
        names = [value] if isinstance(value, str) else value
        self.require(
            isinstance(names, list)
            and names
            and all(isinstance(name, str) and name for name in names),
            key,
            _("must be a collection name or a list of names"),
        )
        return names

    def value_sources(self, sources, key):
        self.require(isinstance(sources, list), key, _("must be a list of sources"))
        parsed = []
        for index, source in enumerate(sources):
            source_key = f"{key}[{index}]"
            if isinstance(source, str):
                self.require(bool(source), source_key, _("empty field name"))
                parsed.append(source)
                continue
            self.require(
                isinstance(source, dict) and set(source) == {"collection", "field"},
                source_key,
                _("must be a field name or an object with collection and field"),
            )
            parsed.append(
                {
                    "collection": self.collection_names(
                        source["collection"], f"{source_key}.collection"
                    ),
                    "field": source["field"],
                }
            )
        return parsed

    def block_sources(self, sources, key, check_one):
        self.require(isinstance(sources, list), key, _("must be a list of sources"))
        parsed = []
        for index, source in enumerate(sources):
            source_key = f"{key}[{index}]"
            self.require(isinstance(source, dict), source_key, _("must be an object"))
            source = dict(source)
            if "collection" in source:
                source["collection"] = self.collection_names(
                    source["collection"], f"{source_key}.collection"
                )
            check_one(self, source, source_key)
            parsed.append(source)
        return parsed


def _check_address(checker, source, key):
    if "composite" in source:
        checker.require(
            set(source) == {"composite"}, key, _("a composite address takes no other key")
        )
        return
    checker.require(
        set(source) <= {"street", "postal_code", "town"} and source,
        key,
        _("expects composite, or street, postal_code and town"),
    )
    for part, paths in source.items():
        checker.require(
            isinstance(paths, list) and all(isinstance(path, str) for path in paths),
            f"{key}.{part}",
            _("must be a list of field names"),
        )


def _check_contact(checker, source, key):
    if "composite" in source:
        checker.require(
            set(source) == {"composite"}, key, _("a composite source takes no other key")
        )
        return
    checker.require(
        {"collection", "value", "kind"} <= set(source), key, _("expects collection, value and kind")
    )
    checker.require(isinstance(source["kind"], list), f"{key}.kind", _("must be a list of paths"))


def _check_image(checker, source, key):
    if "composite" in source:
        subfields = source.get("subfields", list(IMAGE_PARTS))
        checker.require(
            set(subfields) <= set(IMAGE_PARTS) | {"ignore"} and "url" in subfields,
            f"{key}.subfields",
            _("must name url, and may name title, credit and ignore"),
        )
        source.setdefault("subfields", subfields)
        return
    checker.require(
        "collection" in source and "url" in source,
        key,
        _("expects composite, or collection and url"),
    )


def _check_period(checker, source, key):
    if "composite" in source:
        subfields = source.get("subfields")
        checker.require(
            isinstance(subfields, list) and subfields,
            f"{key}.subfields",
            _("must be a non-empty list"),
        )
        unknown = [name for name in subfields if name not in PERIOD_SUBFIELDS]
        checker.require(
            not unknown,
            f"{key}.subfields",
            _("unknown sub-field name %(names)s") % {"names": ", ".join(unknown)},
        )
        checker.require("start" in subfields, f"{key}.subfields", _("must contain start"))
        return
    checker.require(
        "collection" in source and "start" in source,
        key,
        _("expects composite, or collection and start"),
    )
    for list_key in ("start", "end", "times", "notes"):
        if list_key in source:
            checker.require(
                isinstance(source[list_key], list), f"{key}.{list_key}", _("must be a list")
            )
    weekdays = source.get("weekday_times")
    if weekdays is not None:
        checker.require(
            isinstance(weekdays, dict) and set(weekdays) == {"days", "open", "close", "slots"},
            f"{key}.weekday_times",
            _("expects days, open, close and slots"),
        )
        checker.require(
            len(weekdays["days"]) == 7,
            f"{key}.weekday_times.days",
            _("must name the 7 days, Monday first"),
        )
