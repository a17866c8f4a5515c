"""Import of EAD 2002 finding aids into FindingAid and Component.

Safety: files are parsed by lxml with entity resolution, DTD loading and network access turned
off, so the ``<!DOCTYPE ead SYSTEM "ead.dtd">`` of real files is never fetched. A SourceError
naming the file rejects any file that declares an entity (external entity, parameter entity,
entity-expansion bomb) or uses an entity reference. It also rejects a malformed, truncated or
wrongly encoded file, giving the line, and a file above ``IMPORT_MAX_FILE_BYTES``.

Transaction unit: one finding aid is one record. The whole file is parsed first; then the
finding aid and all its components are written in one transaction (``apply_records``), so a
failure leaves the previous state untouched. A re-import updates the components whose values
changed and unpublishes, without deleting, the components that the file no longer contains. A
second import of the same file writes nothing and reports the finding aid as unchanged.

Component keys: the ``id`` attribute of the ``c`` element when it is present and made of
letters, digits, ``.``, ``_``, ``:`` or ``-`` (at most 200 characters). Otherwise
``derive_key`` builds one from the parent's key, the reference code, the title and the dates.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from archives.access import UNSTATED_RULE, classify_notes
from archives.importers.ead_text import note_html, normalise_space, plain_text, safe_http_url
from archives.models import Component, FindingAid, Level
from sites.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ImportReport,
    RecordRejected,
    SourceError,
    apply_records,
    changed_fields,
    check_source_file,
)

MAX_DEPTH = 100
MAX_SIBLINGS = 99_999
KEY_PATTERN = re.compile(r"^[\w.:-]{1,200}$")
EADID_PATTERN = re.compile(r"^[\w.-]{1,100}$")
COMPONENT_TAG = re.compile(r"^c(?:0[1-9]|1[0-2])?$")
YEAR_PATTERN = re.compile(r"^\s*(-?\d{1,4})")
ENCODING_ERRORS = {
    etree.ErrorTypes.ERR_INVALID_ENCODING,
    etree.ErrorTypes.ERR_INVALID_CHAR,
    etree.ErrorTypes.ERR_UNSUPPORTED_ENCODING,
    etree.ErrorTypes.ERR_UNKNOWN_ENCODING,
}
# Narrative notes kept as they are, in the file's order, besides scope, access and use.
NOTE_ELEMENTS = (
    "bioghist",
    "custodhist",
    "acqinfo",
    "appraisal",
    "arrangement",
    "accruals",
    "processinfo",
    "separatedmaterial",
    "relatedmaterial",
    "originalsloc",
    "altformavail",
    "otherfindaid",
    "bibliography",
    "odd",
    "phystech",
    "prefercite",
)
THUMBNAIL_ROLES = {"thumbnail", "vignette"}
# Component fields filled from the file (ParsedComponent.values), rewritten on every update.
COMPONENT_VALUE_FIELDS = (
    "unit_id",
    "other_unit_ids",
    "title",
    "other_titles",
    "dates_text",
    "start_year",
    "end_year",
    "extent",
    "origination",
    "level",
    "other_level",
    "position",
    "depth",
    "tree_path",
    "scope_content",
    "notes",
    "digital_objects",
    "access_conditions",
    "use_conditions",
    "access_status",
    "communicable_from_year",
)
REJECTED = "rejected"
PREFERRED_UNITID_TYPE = "cote-de-consultation"
# Archives nationales publish each finding aid in their online catalogue under its eadid.
ARCHIVES_NATIONALES_URL = "https://www.siv.archives-nationales.culture.gouv.fr/siv/IR/{eadid}"


@dataclass
class ParsedComponent:
    key: str
    parent_key: str | None
    values: dict
    line: int

    @property
    def record_hash(self):
        payload = json.dumps(
            {"parent": self.parent_key, **self.values}, sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class ParsedFindingAid:
    eadid: str
    values: dict
    components: list
    path: Path


@dataclass
class ComponentCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unpublished: int = 0


@dataclass
class FileResult:
    """Outcome of one file: its finding aid's outcome, component counts, or the SourceError."""

    path: Path
    eadid: str = ""
    outcome: str = ""
    counts: ComponentCounts = field(default_factory=ComponentCounts)
    error: SourceError | None = None


# Parsing -----------------------------------------------------------------------------------


def parse_xml(raw, path):
    """Parse ``raw`` bytes without loading DTDs, entities or anything from the network."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        values = {"line": error.lineno or 0, "error": error.msg}
        if "entity" in (error.msg or "").lower():
            message = (
                _(
                    "XML entities are rejected because they can read other files or expand "
                    "without limit (line %(line)d: %(error)s)"
                )
                % values
            )
        elif error.code in ENCODING_ERRORS:
            message = _("invalid text encoding at line %(line)d: %(error)s") % values
        else:
            message = _("malformed XML at line %(line)d: %(error)s") % values
        raise SourceError(path, message) from error

    internal_dtd = root.getroottree().docinfo.internalDTD
    if internal_dtd is not None:
        names = [entity.name for entity in internal_dtd.iterentities()]
        if names:
            raise SourceError(
                path,
                _(
                    "the file declares XML entities (%(names)s); entity declarations are "
                    "rejected because they can read other files or expand without limit"
                )
                % {"names": ", ".join(names)},
            )
    for reference in root.iter(etree.Entity):
        raise SourceError(
            path,
            _("unresolved entity reference %(entity)s at line %(line)d; use the character itself")
            % {"entity": reference.text, "line": reference.sourceline or 0},
        )
    return root


def strip_namespaces(root):
    """Drop the EAD and xlink namespaces so that both flavours of EAD 2002 read the same."""
    for element in root.iter(etree.Element):
        if element.tag.startswith("{"):
            element.tag = etree.QName(element).localname
        for name in list(element.attrib):
            if name.startswith("{"):
                value = element.attrib.pop(name)
                local_name = name.split("}", 1)[1]
                if local_name not in element.attrib:
                    element.set(local_name, value)


def attribute(element, name):
    """Return an attribute whatever its letter case (invalid files write OTHERlevel)."""
    value = element.get(name)
    if value is None:
        for attribute_name, attribute_value in element.attrib.items():
            if attribute_name.lower() == name:
                return attribute_value.strip()
        return ""
    return value.strip()


def parse_years(normal):
    """Return (start, end) years of an ISO 8601 ``@normal`` value such as "1882-05-27 / 1891"."""
    years = []
    for part in (normal or "").split("/"):
        match = YEAR_PATTERN.match(part)
        if match:
            years.append(int(match.group(1)))
    if not years:
        return None, None
    return min(years), max(years)


def parse_level(element):
    raw_level = attribute(element, "level").lower()
    other_level = normalise_space(attribute(element, "otherlevel"))
    if not raw_level:
        return "", ""
    if raw_level in Level.values:
        return raw_level, other_level if raw_level == Level.OTHERLEVEL else ""
    return Level.OTHERLEVEL, raw_level


def direct_children(element, *names):
    return [child for child in element if child.tag in names]


def parse_did(did):
    """Read the identification block shared by archdesc and components."""
    if did is None:
        return {
            "unit_id": "",
            "other_unit_ids": [],
            "title": "",
            "other_titles": [],
            "dates_text": "",
            "start_year": None,
            "end_year": None,
            "extent": "",
            "origination": "",
        }

    unit_ids = []
    for unitid in direct_children(did, "unitid"):
        value = plain_text(unitid)
        if value:
            label = unitid.get("type") or unitid.get("label") or ""
            unit_ids.append({"label": normalise_space(label), "value": value})
    preferred = next(
        (item for item in unit_ids if item["label"] == PREFERRED_UNITID_TYPE),
        unit_ids[0] if unit_ids else None,
    )
    other_unit_ids = [item for item in unit_ids if item is not preferred]

    titles = [value for value in map(plain_text, direct_children(did, "unittitle")) if value]

    date_elements = direct_children(did, "unitdate")
    for unittitle in direct_children(did, "unittitle"):
        date_elements.extend(unittitle.iter("unitdate"))
    date_texts = []
    starts, ends = [], []
    for unitdate in date_elements:
        text = plain_text(unitdate)
        if text and text not in date_texts:
            date_texts.append(text)
        start, end = parse_years(unitdate.get("normal"))
        if start is not None:
            starts.append(start)
            ends.append(end)

    extents = []
    for physdesc in direct_children(did, "physdesc"):
        extent_elements = list(physdesc.iter("extent"))
        if extent_elements:
            extents.extend(plain_text(extent) for extent in extent_elements)
        else:
            extents.append(plain_text(physdesc))

    creators = []
    for origination in direct_children(did, "origination"):
        names = direct_children(origination, "persname", "corpname", "famname", "name")
        if names:
            creators.extend(plain_text(name) for name in names)
        else:
            creators.append(plain_text(origination))

    return {
        "unit_id": preferred["value"] if preferred else "",
        "other_unit_ids": other_unit_ids,
        "title": titles[0] if titles else "",
        "other_titles": titles[1:],
        "dates_text": ", ".join(date_texts),
        "start_year": min(starts) if starts else None,
        "end_year": max(ends) if ends else None,
        "extent": "; ".join(value for value in extents if value),
        "origination": "; ".join(value for value in creators if value),
    }


def parse_notes(element):
    notes = []
    for child in element:
        if child.tag in NOTE_ELEMENTS:
            html = note_html([child])
            if html:
                notes.append({"element": child.tag, "html": html})
    return notes


def parse_access(element, inherited_rule):
    """Return the access and use fields of one level; the rule is inherited when none is given."""
    restrictions = direct_children(element, "accessrestrict")
    texts = [plain_text(note) for note in restrictions]
    rule = classify_notes(texts) if any(texts) else inherited_rule
    return {
        "access_conditions": note_html(restrictions),
        "use_conditions": note_html(direct_children(element, "userestrict")),
        "access_status": str(rule.status),
        "communicable_from_year": rule.opening_year,
    }, rule


def _split_range(href):
    """Split an Archives nationales range "first.jpg#last.jpg" into its two file names."""
    if "#" in href and "://" not in href:
        first, _separator, last = href.partition("#")
        if first and last:
            return first, last
    return href, ""


def parse_digital_objects(component):
    """Collect the image references of ``dao``/``daogrp`` in the component or its ``did``."""
    did = component.find("did")
    containers = [component] + ([did] if did is not None else [])
    objects = []
    for container in containers:
        for element in direct_children(container, "dao", "daogrp"):
            if element.tag == "dao":
                locations = [element]
            else:
                locations = direct_children(element, "daoloc")
            title = plain_text(element.find("daodesc")) or attribute(element, "title")
            roles = {attribute(location, "role").lower(): location for location in locations}
            if "prefixe" in roles and ("premier" in roles or "dernier" in roles):
                objects.append(_sequence_from_roles(roles, title))
                continue
            for location in locations:
                href = attribute(location, "href")
                if not href or attribute(location, "role").lower() in THUMBNAIL_ROLES:
                    continue
                first, last = _split_range(href)
                item = {"href": href, "first": first, "last": last}
                item["title"] = title or attribute(location, "title")
                objects.append(item)
    return objects


def _sequence_from_roles(roles, title):
    """Build a file range from daoloc roles dossier, prefixe, extension, premier and dernier."""

    def role_href(name):
        location = roles.get(name)
        return attribute(location, "href") if location is not None else ""

    folder = role_href("dossier").rstrip("/")
    prefix = role_href("prefixe")
    extension = role_href("extension").lstrip(".")
    suffix = f".{extension}" if extension else ""
    base = f"{folder}/{prefix}" if folder else prefix
    first_number, last_number = role_href("premier"), role_href("dernier")
    first = f"{base}{first_number or last_number}{suffix}"
    last = f"{base}{last_number}{suffix}" if last_number and last_number != first_number else ""
    return {"href": folder or prefix, "first": first, "last": last, "title": title}


def derive_key(parent_key, values):
    """Key of a component without a usable ``id``: a digest of what identifies it in the tree."""
    parts = [parent_key or "", values["unit_id"], values["title"], values["dates_text"]]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()  # noqa: S324 (not security)
    return f"d-{digest[:16]}"


def component_children(element):
    return [child for child in element if COMPONENT_TAG.match(child.tag)]


def collect_explicit_ids(archdesc, path):
    """Return the usable ``id`` attributes of all components; raise on a duplicate."""
    lines_by_id = {}
    for dsc in direct_children(archdesc, "dsc"):
        for element in dsc.iter(etree.Element):
            if not COMPONENT_TAG.match(element.tag):
                continue
            component_id = (element.get("id") or "").strip()
            if not KEY_PATTERN.match(component_id):
                continue
            if component_id in lines_by_id:
                raise SourceError(
                    path,
                    _("duplicate component id %(id)s at lines %(first)d and %(second)d")
                    % {
                        "id": component_id,
                        "first": lines_by_id[component_id],
                        "second": element.sourceline or 0,
                    },
                )
            lines_by_id[component_id] = element.sourceline or 0
    return set(lines_by_id)


def parse_components(archdesc, archdesc_rule, path):
    """Walk the component tree in document order; return ParsedComponent values, parents first."""
    explicit_ids = collect_explicit_ids(archdesc, path)
    used_keys = set()
    parsed = []

    top_level = []
    for dsc in direct_children(archdesc, "dsc"):
        top_level.extend(component_children(dsc))
    # Each stack entry: the sibling elements still to read, their parent's key, path and rule.
    stack = [(list(reversed(top_level)), None, "", archdesc_rule, 0)]
    positions = [0]
    while stack:
        siblings, parent_key, parent_path, parent_rule, depth = stack[-1]
        if not siblings:
            stack.pop()
            positions.pop()
            continue
        element = siblings.pop()
        positions[-1] += 1
        position = positions[-1]
        if depth + 1 > MAX_DEPTH:
            raise SourceError(
                path,
                _("the component tree is deeper than %(max)d levels at line %(line)d")
                % {"max": MAX_DEPTH, "line": element.sourceline or 0},
            )
        if position > MAX_SIBLINGS:
            raise SourceError(
                path,
                _("more than %(max)d components under one parent at line %(line)d")
                % {"max": MAX_SIBLINGS, "line": element.sourceline or 0},
            )

        values = parse_did(element.find("did"))
        level, other_level = parse_level(element)
        access_values, rule = parse_access(element, parent_rule)
        tree_path = f"{parent_path}.{position:05d}" if parent_path else f"{position:05d}"
        values.update(
            level=level,
            other_level=other_level,
            position=position,
            depth=depth + 1,
            tree_path=tree_path,
            scope_content=note_html(direct_children(element, "scopecontent")),
            notes=parse_notes(element),
            digital_objects=parse_digital_objects(element),
            **access_values,
        )

        component_id = (element.get("id") or "").strip()
        if KEY_PATTERN.match(component_id):
            key = component_id
        else:
            base_key = derive_key(parent_key, values)
            key, suffix = base_key, 1
            while key in used_keys or key in explicit_ids:
                suffix += 1
                key = f"{base_key}-{suffix}"
        used_keys.add(key)
        parsed.append(ParsedComponent(key, parent_key, values, element.sourceline or 0))

        children = component_children(element)
        if children:
            stack.append((list(reversed(children)), key, tree_path, rule, depth + 1))
            positions.append(0)
    return parsed


def text_at(element, path):
    found = element.find(path) if element is not None else None
    return plain_text(found)


def parse_finding_aid(root, path):
    """Read the header and archdesc of a parsed, namespace-free EAD document."""
    if root.tag != "ead":
        raise SourceError(
            path,
            _("not an EAD file: the root element is <%(tag)s>, expected <ead>") % {"tag": root.tag},
        )
    header = root.find("eadheader")
    archdesc = root.find("archdesc")
    eadid_element = header.find("eadid") if header is not None else None
    eadid = plain_text(eadid_element)
    if not eadid:
        raise SourceError(path, _("missing eadheader/eadid: the finding aid has no identifier"))
    if not EADID_PATTERN.match(eadid):
        raise SourceError(
            path,
            _(
                "invalid eadid %(eadid)s: only letters, digits, “_”, “.” and “-” are accepted, "
                "at most 100 characters, because it is part of the page address"
            )
            % {"eadid": eadid[:120]},
        )
    if archdesc is None:
        raise SourceError(path, _("missing archdesc: the file describes no records"), eadid)

    did = archdesc.find("did")
    did_values = parse_did(did)
    title = text_at(header, "filedesc/titlestmt/titleproper") or did_values["title"]
    if not title:
        raise SourceError(path, _("missing title (titleproper or unittitle)"), eadid)
    level, other_level = parse_level(archdesc)
    access_values, archdesc_rule = parse_access(archdesc, UNSTATED_RULE)

    source_url = safe_http_url(eadid_element.get("url"))
    if not source_url and eadid.startswith("FRAN_IR_"):
        source_url = ARCHIVES_NATIONALES_URL.format(eadid=eadid)

    languages = []
    if did is not None:
        for language in did.iterfind("langmaterial/language"):
            label = plain_text(language)
            code = (language.get("langcode") or "").strip()
            if label or code:
                languages.append({"code": code, "label": label or code})

    values = {
        "title": title,
        "subtitle": "; ".join(
            plain_text(item) for item in header.iterfind("filedesc/titlestmt/subtitle")
        ).strip("; "),
        "author": "; ".join(
            plain_text(item) for item in header.iterfind("filedesc/titlestmt/author")
        ).strip("; "),
        "publisher": text_at(header, "filedesc/publicationstmt/publisher")[:255],
        "publication_date": text_at(header, "filedesc/publicationstmt/date")[:100],
        "repository": text_at(did, "repository")[:255],
        "level": level,
        "other_level": other_level[:100],
        "unit_id": did_values["unit_id"],
        "dates_text": did_values["dates_text"],
        "start_year": did_values["start_year"],
        "end_year": did_values["end_year"],
        "extent": did_values["extent"],
        "origination": did_values["origination"],
        "abstract": text_at(did, "abstract"),
        "scope_content": note_html(direct_children(archdesc, "scopecontent")),
        "notes": parse_notes(archdesc),
        "languages": languages,
        "source_url": source_url,
        **access_values,
    }
    components = parse_components(archdesc, archdesc_rule, path)
    return ParsedFindingAid(eadid=eadid, values=values, components=components, path=Path(path))


def parse_file(path, max_bytes=None):
    """Read and check one EAD file completely; return a ParsedFindingAid or raise SourceError."""
    path = check_source_file(path, max_bytes)
    # TODO: parse with lxml iterparse and clear stored components: the whole tree takes 792 MB for
    # 100,000 components (docs/benchmarks.md), above the 300 MB budget of an import.
    raw = path.read_bytes()
    root = parse_xml(raw, path)
    strip_namespaces(root)
    parsed = parse_finding_aid(root, path)
    parsed.values["source_file"] = path.name[:255]
    parsed.values["content_hash"] = hashlib.sha256(raw).hexdigest()
    return parsed


# Applying ----------------------------------------------------------------------------------


def check_lengths(model, values, record_id):
    """Raise RecordRejected when a value exceeds its column's max_length."""
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        limit = getattr(model_field, "max_length", None)
        if limit and isinstance(model_field, models.CharField) and len(value or "") > limit:
            raise RecordRejected(
                record_id,
                name,
                _("%(length)d characters, above the maximum of %(max)d")
                % {"length": len(value), "max": limit},
            )


def apply_finding_aid(parsed, counts, licence=None, attribution=None):
    """Write one parsed finding aid and its components; return CREATED, UPDATED or UNCHANGED.

    Runs inside the transaction opened by ``apply_records``. ``licence`` and ``attribution``
    replace the stored values only when given, so a re-import without them keeps what an
    editor or an earlier import set.
    """
    values = dict(parsed.values)
    if licence is not None:
        values["licence"] = licence
    if attribution is not None:
        values["attribution"] = attribution
    check_lengths(FindingAid, values, parsed.eadid)
    for component in parsed.components:
        check_lengths(Component, component.values, f"{parsed.eadid}/{component.key}")

    finding_aid = FindingAid.objects.filter(eadid=parsed.eadid).first()
    if finding_aid is None:
        finding_aid = FindingAid.objects.create(eadid=parsed.eadid, **values)
        outcome = CREATED
    else:
        changed = changed_fields(finding_aid, values)
        if changed:
            finding_aid.save(update_fields=[*changed, "updated_at"])
        outcome = UPDATED if changed else UNCHANGED

    if sync_components(finding_aid, parsed.components, counts) and outcome == UNCHANGED:
        outcome = UPDATED
    return outcome


def sync_components(finding_aid, parsed_components, counts):
    """Create, update and unpublish components to match the file; return True if anything changed.

    Uses a fixed number of bulk queries whatever the size of the tree.
    """
    now = timezone.now()
    existing = {
        key: (pk, record_hash, published)
        for key, pk, record_hash, published in finding_aid.components.values_list(
            "key", "pk", "record_hash", "published"
        )
    }

    new_components, changed_components = [], []
    for component in parsed_components:
        record_hash = component.record_hash
        current = existing.get(component.key)
        if current is None:
            new_components.append((component, record_hash))
        elif current[1] != record_hash or not current[2]:
            changed_components.append((component, record_hash, current[0]))
        else:
            counts.unchanged += 1

    if new_components:
        Component.objects.bulk_create(
            [
                Component(
                    finding_aid=finding_aid,
                    key=component.key,
                    record_hash=record_hash,
                    published=True,
                    updated_at=now,
                    **component.values,
                )
                for component, record_hash in new_components
            ],
            batch_size=500,
        )
        counts.created += len(new_components)

    if new_components or changed_components:
        pk_by_key = dict(finding_aid.components.values_list("key", "pk"))
        rows = []
        for component, _record_hash in new_components:
            if component.parent_key is not None:
                rows.append(Component(pk=pk_by_key[component.key], parent_id=pk_by_key[component.parent_key]))
        Component.objects.bulk_update(rows, ["parent"], batch_size=500)

        updated_rows = []
        for component, record_hash, pk in changed_components:
            parent_id = pk_by_key[component.parent_key] if component.parent_key else None
            updated_rows.append(
                Component(
                    pk=pk,
                    parent_id=parent_id,
                    record_hash=record_hash,
                    published=True,
                    updated_at=now,
                    **component.values,
                )
            )
        update_fields = ["parent", "record_hash", "published", "updated_at", *COMPONENT_VALUE_FIELDS]
        Component.objects.bulk_update(updated_rows, update_fields, batch_size=200)
        counts.updated += len(changed_components)

    parsed_keys = {component.key for component in parsed_components}
    missing = [pk for key, (pk, _hash, published) in existing.items() if published and key not in parsed_keys]
    if missing:
        Component.objects.filter(pk__in=missing).update(published=False, updated_at=now)
        counts.unpublished += len(missing)

    return bool(new_components or changed_components or missing)


def expand_paths(paths):
    """Return the files to import: each file given, and every .xml file inside each folder."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(item for item in path.rglob("*") if item.is_file() and item.suffix.lower() == ".xml")
            )
        else:
            files.append(path)
    return files


def import_files(paths, report=None, progress=None, licence=None, attribution=None):
    """Parse and apply each EAD file; return one FileResult per file.

    A file that cannot be read is reported in its FileResult (``error``) and the others are
    still imported. ``progress`` is called once per file.
    """
    report = report if report is not None else ImportReport()
    results = []
    for path in expand_paths(paths):
        result = FileResult(path=path)
        results.append(result)
        try:
            parsed = parse_file(path)
        except SourceError as error:
            result.error = error
            if progress is not None:
                progress()
            continue
        result.eadid = parsed.eadid

        def apply_one(record, result=result):
            counts = ComponentCounts()
            outcome = apply_finding_aid(record, counts, licence, attribution)
            result.counts, result.outcome = counts, outcome
            return outcome

        apply_records([parsed], apply_one, report, record_id=lambda record: record.eadid)
        if not result.outcome:
            result.outcome = REJECTED
        if progress is not None:
            progress()
    return results
