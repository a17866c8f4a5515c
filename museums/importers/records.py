"""The normalised object record every importer produces, and the checks it must pass.

Readers turn a file into ``SourceRecord`` items (the fields as found); a mapping turns each one
into an ``ObjectRecord`` (the catalogue's fields), which ``museums.importers.writer`` stores.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from sites.importing import RecordRejected

# Maximum length of each CharField of CatalogueObject. A longer value rejects the record.
CHAR_FIELD_LIMITS = {
    "source_identifier": 255,
    "title": 500,
    "object_type": 255,
    "date_text": 255,
    "technique": 500,
    "inventory_number": 255,
    "record_licence": 255,
    "record_licence_url": 500,
    "source_url": 500,
}

WHITESPACE = re.compile(r"\s+")
_url_validator = URLValidator(schemes=["http", "https"])


def normalise_space(value):
    """Collapse runs of whitespace (indentation, line breaks) into single spaces."""
    return WHITESPACE.sub(" ", value or "").strip()


def is_web_url(value):
    try:
        _url_validator(value)
    except ValidationError:
        return False
    return True


@dataclass
class SourceRecord:
    """One record as read from a file, before mapping.

    ``position`` names the record in messages when it has no identifier ("line 57").
    ``fields`` maps the source's field names to a string or a list of strings.
    """

    position: str
    fields: dict
    problems: list = field(default_factory=list)


@dataclass
class MuseumReference:
    museofile_code: str = ""
    external_identifier: str = ""
    name: str = ""
    town: str = ""


@dataclass
class CreatorCredit:
    name: str
    role: str = ""


@dataclass
class ObjectRecord:
    """The catalogue's view of one object, ready to be stored."""

    source: str
    source_identifier: str
    title: str
    museum: MuseumReference
    object_type: str = ""
    creators: list = field(default_factory=list)
    date_text: str = ""
    technique: str = ""
    dimensions: str = ""
    inventory_number: str = ""
    subject: str = ""
    description: str = ""
    record_licence: str = ""
    record_licence_url: str = ""
    copyright_notice: str = ""
    image_credit: str = ""
    source_url: str = ""
    missing: bool = False
    missing_note: str = ""
    raw_data: dict = field(default_factory=dict)
    # Source field behind each catalogue field, so that a rejection names the field as the
    # curator writes it (TITR rather than title). Not stored and not hashed.
    origins: dict = field(default_factory=dict, compare=False)

    def content_hash(self):
        """Return the SHA-256 of every stored value, so that an unchanged record is detected."""
        values = asdict(self)
        values.pop("origins")
        canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def model_values(self):
        """Return the CatalogueObject field values, without museum, creators and keys."""
        values = asdict(self)
        for name in ("source", "source_identifier", "museum", "creators", "origins"):
            values.pop(name)
        return values

    def check(self):
        """Raise RecordRejected for a value the catalogue cannot store or show safely."""
        if not self.title:
            self.reject("title", _("the record has no title and no object type to stand for it"))
        for name, limit in CHAR_FIELD_LIMITS.items():
            value = getattr(self, name)
            if len(value) > limit:
                self.reject(
                    name,
                    _("the value is %(length)d characters long, above the limit of %(limit)d")
                    % {"length": len(value), "limit": limit},
                )
        # These addresses become links on the site: anything but http(s) could run script.
        for name in ("source_url", "record_licence_url"):
            value = getattr(self, name)
            if value and not is_web_url(value):
                self.reject(name, _("%(value)r is not a valid web address") % {"value": value})
        if len(self.museum.museofile_code) > 10 or len(self.museum.external_identifier) > 255:
            self.reject("museum", _("the museum's code or identifier is too long"))
        for credit in self.creators:
            if len(credit.name) > 255 or len(credit.role) > 255:
                self.reject("creators", _("a creator's name or role is longer than 255 characters"))

    def reject(self, name, reason):
        raise RecordRejected(self.source_identifier, self.origins.get(name, name), reason)
