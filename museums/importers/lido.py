"""Reader of LIDO 1.0/1.1 XML (http://www.lido-schema.org) and the LIDO import entry point.

The XML is parsed with defusedxml, which rejects any document type declaration: a DTD is what
external entities (reading local files or URLs) and entity expansion bombs need, and LIDO
files have none. Expat never fetches anything from the network.

Each ``lido:lido`` record is read into a flat dict with one value per catalogue field (picking
the value in the best language) plus the alternatives, then mapped by ``LIDO_MAPPING``.
"""

import re
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from sites.importing import SourceError, apply_records, check_source_file

from .records import SourceRecord, normalise_space
from .sources import LIDO_MAPPING
from .writer import store_object

LIDO_NAMESPACE = "http://www.lido-schema.org"
NAMESPACES = {
    "lido": LIDO_NAMESPACE,
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LIDO_TAG = f"{{{LIDO_NAMESPACE}}}lido"
WRAP_TAG = f"{{{LIDO_NAMESPACE}}}lidoWrap"
TERMINOLOGY = "http://terminology.lido-schema.org/"

# Ranks of alternative values: a lower rank wins among values of the same language.
PREFERRED, ORDINARY, ALTERNATIVE = 0, 1, 2
PREFERRED_MARKS = {"preferred", TERMINOLOGY + "lido00169"}
ALTERNATIVE_MARKS = {"alternate", "alternative", TERMINOLOGY + "lido00170"}


@dataclass(frozen=True)
class LidoProfile:
    """Settings of the LIDO reader, because producers fill LIDO in different ways.

    Type attributes are compared case-insensitively, without a trailing slash.
    """

    # Values in these languages win, then the record's own language, then the fallbacks.
    preferred_languages: tuple = ("fr",)
    fallback_languages: tuple = ("en",)
    # Events whose actors, date and materials describe the making of the object.
    production_event_types: frozenset = frozenset(
        {
            TERMINOLOGY + "lido00007",  # Production, in LIDO's event type vocabulary
            "https://event-types.museum-digital.org/1",  # "Hergestellt" at museum-digital
        }
    )
    production_event_terms: frozenset = frozenset(
        {"production", "herstellung", "hergestellt", "création", "creation", "fabrication"}
    )
    current_repository_types: frozenset = frozenset(
        {"current", TERMINOLOGY + "lido00475", TERMINOLOGY + "lido01017"}
    )
    inventory_number_types: frozenset = frozenset(
        {"inventory number", "inventarnummer", TERMINOLOGY + "lido00113"}
    )


LIDO_PROFILE = LidoProfile()


def _normalised_type(value):
    return (value or "").strip().rstrip("/").lower()


def _attribute(element, name):
    return element.get(f"{{{LIDO_NAMESPACE}}}{name}") or ""


def _text(element):
    return normalise_space("".join(element.itertext())) if element is not None else ""


def _language(element, inherited):
    language = (element.get(XML_LANG) or inherited or "").lower()
    return language.split("-")[0]


class Label:
    __slots__ = ("language", "text", "rank")

    def __init__(self, language, text, rank):
        self.language = language
        self.text = text
        self.rank = rank


def _appellation_labels(elements, inherited_language):
    labels = []
    for element in elements:
        text = _text(element)
        if not text:
            continue
        mark = _normalised_type(_attribute(element, "pref"))
        rank = PREFERRED if mark in PREFERRED_MARKS else ORDINARY
        if mark in ALTERNATIVE_MARKS:
            rank = ALTERNATIVE
        labels.append(Label(_language(element, inherited_language), text, rank))
    return labels


def _concept_labels(element, inherited_language):
    """Labels of a concept: its lido:term elements and any embedded skos:Concept labels."""
    if element is None:
        return []
    labels = []
    for term in element.findall("lido:term", NAMESPACES):
        text = _text(term)
        if text:
            added = _attribute(term, "addedSearchTerm").lower() == "yes"
            labels.append(
                Label(_language(term, inherited_language), text, ALTERNATIVE if added else ORDINARY)
            )
    for tag, rank in (("skos:prefLabel", PREFERRED), ("skos:altLabel", ALTERNATIVE)):
        for label in element.findall(f"skos:Concept/{tag}", NAMESPACES):
            text = _text(label)
            if text:
                labels.append(Label(_language(label, ""), text, rank))
    return labels


def _concept_ids(element):
    if element is None:
        return []
    identifiers = [_text(item) for item in element.findall("lido:conceptID", NAMESPACES)]
    identifiers += [item.get(RDF_ABOUT, "") for item in element.findall("skos:Concept", NAMESPACES)]
    return [identifier for identifier in identifiers if identifier]


class RecordReader:
    """Read one lido:lido element into the flat fields LIDO_MAPPING expects."""

    def __init__(self, element, profile):
        self.element = element
        self.profile = profile
        self.descriptive = element.find("lido:descriptiveMetadata", NAMESPACES)
        self.administrative = element.find("lido:administrativeMetadata", NAMESPACES)
        self.language = _language(self.descriptive, "") if self.descriptive is not None else ""
        self.admin_language = (
            _language(self.administrative, "") if self.administrative is not None else ""
        )
        self.languages = (
            *profile.preferred_languages,
            self.language,
            *profile.fallback_languages,
        )

    def best(self, labels):
        """Return the text of the label in the first preferred language, else the best rank."""
        for language in self.languages:
            matching = [label for label in labels if label.language == language]
            if matching:
                return min(matching, key=lambda label: label.rank).text
        return min(labels, key=lambda label: label.rank).text if labels else ""

    def find(self, path, base=None):
        base = self.element if base is None else base
        return base.find(path, NAMESPACES) if base is not None else None

    def findall(self, path, base=None):
        base = self.element if base is None else base
        return base.findall(path, NAMESPACES) if base is not None else []

    def read(self):
        fields = {
            "lidoRecID": _text(self.find("lido:lidoRecID")),
            "objectPublishedID": [_text(item) for item in self.findall("lido:objectPublishedID")],
            "language": self.language,
        }
        fields.update(self._identification())
        fields.update(self._production())
        fields.update(self._description())
        fields.update(self._rights())
        return fields

    # Descriptive metadata.

    def _identification(self):
        identification = self.find("lido:objectIdentificationWrap", self.descriptive)
        titles = _appellation_labels(
            self.findall("lido:titleWrap/lido:titleSet/lido:appellationValue", identification),
            self.language,
        )
        work_types = [
            self.best(_concept_labels(work_type, self.language))
            for work_type in self.findall(
                "lido:objectClassificationWrap/lido:objectWorkTypeWrap/lido:objectWorkType",
                self.descriptive,
            )
        ]
        fields = {
            "title": self.best(titles),
            "titles": [{"language": label.language, "value": label.text} for label in titles],
            "objectWorkType": " ; ".join(dict.fromkeys(item for item in work_types if item)),
            "measurements": self._measurements(identification),
        }
        fields.update(self._repository(identification))
        return fields

    def _repository(self, identification):
        sets = self.findall("lido:repositoryWrap/lido:repositorySet", identification)
        current = [
            item
            for item in sets
            if _normalised_type(_attribute(item, "type")) in self.profile.current_repository_types
        ]
        chosen = (current or sets or [None])[0]
        if chosen is None:
            return {}
        work_ids = self.findall("lido:workID", chosen)
        inventory = [
            item
            for item in work_ids
            if _normalised_type(_attribute(item, "type")) in self.profile.inventory_number_types
        ]
        work_id = (inventory or work_ids or [None])[0]
        name = self.find("lido:repositoryName", chosen)
        location = self.find("lido:repositoryLocation", chosen)
        place_names = self.findall(
            "lido:namePlaceSet/lido:appellationValue", location
        ) or self.findall("lido:partOfPlace/lido:namePlaceSet/lido:appellationValue", location)
        return {
            "workID": _text(work_id),
            "repositoryName": self.best(
                _appellation_labels(
                    self.findall("lido:legalBodyName/lido:appellationValue", name), self.language
                )
            ),
            "repositoryID": _text(self.find("lido:legalBodyID", name)),
            "repositoryPlace": self.best(_appellation_labels(place_names, self.language)),
        }

    def _measurements(self, identification):
        written = []
        for measurement_set in self.findall(
            "lido:objectMeasurementsWrap/lido:objectMeasurementsSet", identification
        ):
            display = _appellation_labels(
                self.findall("lido:displayObjectMeasurements", measurement_set), self.language
            )
            if display:
                written.append(self.best(display))
                continue
            parts = [
                self._measurement(item)
                for item in self.findall(
                    "lido:objectMeasurements/lido:measurementsSet", measurement_set
                )
            ]
            written.append(", ".join(item for item in parts if item))
        return " ; ".join(item for item in written if item)

    def _measurement(self, measurement):
        """Write one structured measurement as "Höhe: 106 cm"."""
        value = _text(self.find("lido:measurementValue", measurement))
        if not value:
            return ""
        kind_element = self.find("lido:measurementType", measurement)
        unit_element = self.find("lido:measurementUnit", measurement)
        # Types and units are plain text or embedded SKOS concepts, depending on the producer.
        kind = self.best(_concept_labels(kind_element, self.language)) or _text(kind_element)
        unit = self.best(_concept_labels(unit_element, self.language)) or _text(unit_element)
        return normalise_space(f"{kind}: {value} {unit}" if kind else f"{value} {unit}")

    def _production_events(self):
        events = self.findall("lido:eventWrap/lido:eventSet/lido:event", self.descriptive)
        return [event for event in events if self._is_production(event)]

    def _is_production(self, event):
        event_type = self.find("lido:eventType", event)
        identifiers = {_normalised_type(item) for item in _concept_ids(event_type)}
        if identifiers & self.profile.production_event_types:
            return True
        terms = {label.text.lower() for label in _concept_labels(event_type, self.language)}
        return bool(terms & self.profile.production_event_terms)

    def _production(self):
        events = self._production_events()
        creators = [credit for event in events for credit in self._actors(event)]
        dates = [self._event_date(event) for event in events]
        return {
            "creators": creators,
            "productionDate": next((date for date in dates if date), ""),
            "materialsTech": self._materials(events),
        }

    def _actors(self, event):
        credits = []
        for event_actor in self.findall("lido:eventActor", event):
            roles = self.findall("lido:actorInRole", event_actor)
            for actor_in_role in roles:
                names = _appellation_labels(
                    self.findall(
                        "lido:actor/lido:nameActorSet/lido:appellationValue", actor_in_role
                    ),
                    self.language,
                )
                role = self.best(
                    _concept_labels(self.find("lido:roleActor", actor_in_role), self.language)
                )
                if names:
                    credits.append({"name": self.best(names), "role": role})
            if not roles:
                display = _text(self.find("lido:displayActorInRole", event_actor))
                if display:
                    credits.append({"name": display, "role": ""})
        return credits

    def _event_date(self, event):
        event_date = self.find("lido:eventDate", event)
        display = _appellation_labels(self.findall("lido:displayDate", event_date), self.language)
        if display:
            return self.best(display)
        earliest = _text(self.find("lido:date/lido:earliestDate", event_date))
        latest = _text(self.find("lido:date/lido:latestDate", event_date))
        if earliest and latest and earliest != latest:
            return f"{earliest}–{latest}"
        return earliest or latest

    def _materials(self, events):
        object_level = self.findall(
            "lido:objectIdentificationWrap/lido:objectMaterialsTechWrap/"
            "lido:objectMaterialsTechSet",
            self.descriptive,
        )
        event_level = [
            item for event in events for item in self.findall("lido:eventMaterialsTech", event)
        ]
        containers = object_level + event_level
        display = _appellation_labels(
            [
                item
                for container in containers
                for item in self.findall("lido:displayMaterialsTech", container)
            ],
            self.language,
        )
        if display:
            return self.best(display)
        terms = [
            self.best(_concept_labels(term, self.language))
            for container in containers
            for term in self.findall("lido:materialsTech/lido:termMaterialsTech", container)
        ]
        return ", ".join(dict.fromkeys(term for term in terms if term))

    def _description(self):
        notes = _appellation_labels(
            self.findall(
                "lido:objectIdentificationWrap/lido:objectDescriptionWrap/"
                "lido:objectDescriptionSet/lido:descriptiveNoteValue",
                self.descriptive,
            ),
            self.language,
        )
        subjects = []
        for subject_set in self.findall(
            "lido:objectRelationWrap/lido:subjectWrap/lido:subjectSet", self.descriptive
        ):
            display = _appellation_labels(
                self.findall("lido:displaySubject", subject_set), self.language
            )
            if display:
                subjects.append(self.best(display))
                continue
            for concept in self.findall("lido:subject/lido:subjectConcept", subject_set):
                subjects.append(self.best(_concept_labels(concept, self.language)))
        return {
            "description": self.best(notes),
            "subject": " ; ".join(dict.fromkeys(item for item in subjects if item)),
        }

    # Administrative metadata: the licence of the record differs from that of each image.

    def _rights(self):
        record_wrap = self.find("lido:recordWrap", self.administrative)
        record_rights = self.find("lido:recordRights/lido:rightsType", record_wrap)
        licence_label, licence_url = self._licence(record_rights)
        info_links = [
            _text(item)
            for item in self.findall("lido:recordInfoSet/lido:recordInfoLink", record_wrap)
        ]
        resources = [
            self._resource(item)
            for item in self.findall("lido:resourceWrap/lido:resourceSet", self.administrative)
        ]
        return {
            "recordRights": licence_label,
            "recordRightsURL": licence_url,
            "rightsWork": self._rights_work(),
            "recordInfoLink": next((link for link in info_links if link), ""),
            "resources": resources,
            "resourceCredit": " ; ".join(
                dict.fromkeys(item["credit"] for item in resources if item["credit"])
            ),
        }

    def _licence(self, rights_type):
        """Return (label, URL) of a rights type: a short label for Creative Commons URIs."""
        identifiers = _concept_ids(rights_type)
        url = next((item for item in identifiers if item.startswith(("http://", "https://"))), "")
        label = creative_commons_label(url) if url else ""
        if not label:
            label = self.best(_concept_labels(rights_type, self.admin_language))
        return label or url, url

    def _rights_work(self):
        texts = []
        for rights_set in self.findall(
            "lido:rightsWorkWrap/lido:rightsWorkSet", self.administrative
        ):
            credit = _appellation_labels(
                self.findall("lido:creditLine", rights_set), self.admin_language
            )
            holder = _appellation_labels(
                self.findall(
                    "lido:rightsHolder/lido:legalBodyName/lido:appellationValue", rights_set
                ),
                self.admin_language,
            )
            texts.append(self.best(credit) or self.best(holder))
        return " ; ".join(dict.fromkeys(item for item in texts if item))

    def _resource(self, resource_set):
        rights = self.find("lido:rightsResource", resource_set)
        licence_label, licence_url = self._licence(self.find("lido:rightsType", rights))
        credit = self.best(
            _appellation_labels(self.findall("lido:creditLine", rights), self.admin_language)
        )
        if not credit:
            holders = _appellation_labels(
                self.findall("lido:rightsHolder/lido:legalBodyName/lido:appellationValue", rights),
                self.admin_language,
            )
            credit = self.best(holders)
        if credit and licence_label and licence_label not in credit:
            credit = f"{credit} ({licence_label})"
        elif not credit:
            credit = licence_label
        return {
            "links": [
                _text(item)
                for item in self.findall(
                    "lido:resourceRepresentation/lido:linkResource", resource_set
                )
            ],
            "licence": licence_label,
            "licenceURL": licence_url,
            "credit": credit,
        }


_CREATIVE_COMMONS = re.compile(
    r"creativecommons\.org/(?:licenses/(?P<code>[a-z-]+)|publicdomain/(?P<domain>zero|mark))"
    r"/(?P<version>\d+(?:\.\d+)?)",
    re.IGNORECASE,
)


def creative_commons_label(url):
    """Return "CC BY-SA 4.0", "CC0 1.0" or "Public Domain Mark 1.0" for a Creative Commons URL."""
    match = _CREATIVE_COMMONS.search(url)
    if match is None:
        return ""
    version = match["version"]
    if match["domain"] == "zero":
        return f"CC0 {version}"
    if match["domain"] == "mark":
        return f"Public Domain Mark {version}"
    return f"CC {match['code'].upper()} {version}"


def read_lido_file(path, profile=LIDO_PROFILE):
    """Parse a whole LIDO file into SourceRecords. Raises SourceError on broken or hostile XML."""
    path = check_source_file(path)
    records = []
    root_tag = None
    try:
        with path.open("rb") as stream:
            for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
                if root_tag is None:
                    root_tag = element.tag
                    _check_root(path, root_tag)
                if event == "end" and element.tag == LIDO_TAG:
                    position = _("record %(index)d") % {"index": len(records) + 1}
                    records.append(SourceRecord(position, RecordReader(element, profile).read()))
                    element.clear()  # Free the record's tree: wraps can hold thousands.
    except DTDForbidden as error:
        raise SourceError(
            path,
            _(
                "the file contains a document type declaration (<!DOCTYPE %(name)s>). LIDO "
                "files have none, and a DTD can define entities that read local files or expand "
                "without limit, so the file is rejected"
            )
            % {"name": error.name},
        ) from error
    except (EntitiesForbidden, ExternalReferenceForbidden) as error:
        raise SourceError(
            path,
            _("the file declares or references XML entities, which are rejected: %(error)s")
            % {"error": error},
        ) from error
    except ParseError as error:
        raise SourceError(
            path,
            _("the XML is not well-formed (%(error)s); the file may be truncated or damaged")
            % {"error": error},
        ) from error
    if not records:
        raise SourceError(path, _("no lido:lido record found"))
    return records


def _check_root(path, tag):
    if tag not in (WRAP_TAG, LIDO_TAG):
        raise SourceError(
            path,
            _(
                "not a LIDO file: the root element is %(tag)s, expected lido:lidoWrap or lido:lido "
                "in the namespace %(namespace)s"
            )
            % {"tag": tag, "namespace": LIDO_NAMESPACE},
        )


def import_lido_files(paths, report, progress=None, profile=LIDO_PROFILE):
    """Import LIDO files into the catalogue; every file is parsed before anything is stored."""
    parsed = [read_lido_file(path, profile) for path in paths]
    for records in parsed:
        apply_records(
            records,
            lambda record: store_object(LIDO_MAPPING.map(record)),
            report,
            progress=progress,
        )
    return report
