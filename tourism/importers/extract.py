"""Conversion of one Tourinsoft record into the values of an Offer and its periods.

``extract_offer`` reads a record through a FeedMapping and raises RecordRejected, naming the
feed field, when a value is invalid: a missing identifier or name, coordinates that are not
numbers or out of range, an impossible date. Values that the site cannot use but that do not
make the offer wrong (a website that is not an http address, a photo whose rights have
expired) are dropped and logged.
"""

import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from sites.importing import RecordRejected

from .composite import parse_full_address, split_days, split_occurrences
from .mapping import normalise_label
from .values import (
    InvalidValue,
    clean_email,
    clean_http_url,
    clean_text,
    parse_coordinate,
    parse_date,
    parse_time,
    parse_timestamp,
)

logger = logging.getLogger(__name__)

SOURCE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
WEEKDAY_SLOTS = ("open1", "close1", "open2", "close2")
PHONE_MAX_LENGTH = 50


@dataclass
class OfferData:
    source_id: str
    values: dict
    periods: list = field(default_factory=list)


# Reading values out of a record -----------------------------------------------------------------


def lookup(data, path):
    """Return the value at a dotted ``path`` in nested dicts, or None if any step is missing."""
    value = data
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def collection_rows(record, names, source_id):
    """Return the rows of the first collection of ``names`` present in ``record``, in feed order.

    Rows that name another offer in ``SyndicObjectId`` are skipped: hand-assembled or faulty
    payloads can carry another offer's rows, such as a photo of an unrelated event.
    """
    for name in names:
        rows = record.get(name)
        if not isinstance(rows, list):
            continue
        owned_rows = []
        for row in rows:
            if not isinstance(row, dict):
                continue
            owner = row.get("SyndicObjectId")
            if source_id and owner and owner != source_id:
                logger.warning(
                    "%s: skipped a %s row that belongs to offer %s", source_id, name, owner
                )
                continue
            owned_rows.append(row)
        return sorted(owned_rows, key=_row_order)
    return []


def _row_order(row):
    order = row.get("Ordre")
    return (0, order) if isinstance(order, int) else (1, 0)


def first_value(record, sources, source_id, keep_newlines=False):
    """Return (text, feed field name) of the first source with a non-empty value, or ("", None)."""
    for source in sources:
        if isinstance(source, str):
            text = clean_text(lookup(record, source), keep_newlines=keep_newlines)
            if text:
                return text, source
            continue
        for row in collection_rows(record, source["collection"], source_id):
            text = clean_text(lookup(row, source["field"]), keep_newlines=keep_newlines)
            if text:
                return text, f"{source['collection'][0]}.{source['field']}"
    return "", None


def first_raw(record, sources):
    """Return (value, field name) of the first top-level path whose value is not empty."""
    for source in sources:
        if isinstance(source, str):
            value = lookup(record, source)
            if clean_text(value):
                return value, source
    return None, None


# The offer --------------------------------------------------------------------------------------


def extract_offer(record, mapping, record_label):
    """Return the OfferData of ``record``; ``record_label`` names it when it has no identifier."""
    source_id, id_field = first_value(record, mapping.fields["id"], "")
    id_field = id_field or (mapping.source_names("id") or ["id"])[0]
    if not source_id:
        raise RecordRejected(record_label, id_field, _("missing identifier"))
    if not SOURCE_ID.match(source_id):
        raise RecordRejected(
            record_label, id_field, _("invalid identifier %(value)r") % {"value": source_id}
        )

    name, _name_field = first_value(record, mapping.fields["name"], source_id)
    if not name:
        raise RecordRejected(source_id, mapping.source_names("name")[0], _("missing name"))

    type_label, _type_field = first_value(record, mapping.fields["type_label"], source_id)
    latitude, longitude = extract_coordinates(record, mapping, source_id)
    street, postal_code, town = extract_address(record, mapping, source_id)
    updated_text, updated_field = first_value(record, mapping.fields["updated"], source_id)
    try:
        updated_at = parse_timestamp(updated_text, mapping.timezone)
    except InvalidValue as error:
        raise RecordRejected(source_id, updated_field, str(error)) from error

    values = {
        "name": name,
        "offer_type": resolve_type(type_label, source_id, mapping),
        "type_label": type_label,
        "category": first_value(record, mapping.fields["category"], source_id)[0],
        "street": street,
        "postal_code": postal_code,
        "town": town,
        **extract_contacts(record, mapping, source_id),
        "summary": first_value(record, mapping.fields["summary"], source_id, keep_newlines=True)[0],
        "description": first_value(
            record, mapping.fields["description"], source_id, keep_newlines=True
        )[0],
        "latitude": latitude,
        "longitude": longitude,
        "images": extract_images(record, mapping, source_id),
        "language": mapping.content_language,
        "source_updated": updated_text,
        "source_updated_at": updated_at,
        "raw": record,
    }
    return OfferData(source_id, values, extract_periods(record, mapping, source_id))


def resolve_type(type_label, source_id, mapping):
    """Return the OfferType of the feed's type label, else of the identifier's prefix."""
    by_label = mapping.type_labels.get(normalise_label(type_label)) if type_label else None
    if by_label:
        return by_label
    if type_label:
        logger.info("%s: type label %r is not in mapping %s", source_id, type_label, mapping.name)
    return mapping.id_prefixes.get(source_id[:3].upper(), mapping.default_type)


def extract_coordinates(record, mapping, source_id):
    """Return (latitude, longitude) as Decimals, or (None, None) when the feed gives neither."""
    parsed = {}
    for target, limit in (("latitude", Decimal(90)), ("longitude", Decimal(180))):
        value, field_name = first_raw(record, mapping.fields[target])
        try:
            parsed[target] = parse_coordinate(value, -limit, limit)
        except InvalidValue as error:
            raise RecordRejected(source_id, field_name, str(error)) from error
    latitude, longitude = parsed["latitude"], parsed["longitude"]
    if (latitude is None) != (longitude is None):
        missing = "latitude" if latitude is None else "longitude"
        names = mapping.source_names(missing) or [missing]
        raise RecordRejected(source_id, names[0], _("missing while the other coordinate is given"))
    if latitude == 0 and longitude == 0:
        # 0, 0 is in the Gulf of Guinea: a placeholder for "not located", not a place.
        return None, None
    return latitude, longitude


def extract_address(record, mapping, source_id):
    for source in mapping.address:
        if "composite" in source:
            text = clean_text(record.get(source["composite"]))
            if text:
                return parse_full_address(text, mapping.separators)
            continue
        street = ", ".join(
            text
            for text in (clean_text(lookup(record, path)) for path in source.get("street", []))
            if text
        )
        postal_code = first_value(record, source.get("postal_code", []), source_id)[0]
        town = first_value(record, source.get("town", []), source_id)[0]
        if street or postal_code or town:
            return street, postal_code, town
    return "", "", ""


def extract_contacts(record, mapping, source_id):
    """Return the first phone, e-mail address and website found, each checked."""
    found = {"phone": "", "email": "", "website": ""}
    for kind_label, value in _contact_pairs(record, mapping, source_id):
        kind = mapping.contact_kinds.get(normalise_label(kind_label))
        if kind is None or found[kind]:
            continue
        if kind == "email":
            cleaned = clean_email(value)
        elif kind == "website":
            cleaned = clean_http_url(value)
        else:
            cleaned = clean_text(value)
            cleaned = cleaned if len(cleaned) <= PHONE_MAX_LENGTH else ""
        if cleaned:
            found[kind] = cleaned
        else:
            logger.info("%s: dropped the %s value %r, which is not valid", source_id, kind, value)
    return found


def _contact_pairs(record, mapping, source_id):
    for source in mapping.contact_sources:
        if "composite" in source:
            text = record.get(source["composite"])
            if isinstance(text, str):
                for subfields in split_occurrences(text, mapping.separators, min_subfields=2):
                    if len(subfields) >= 2:
                        yield subfields[0], mapping.separators.subfield.join(subfields[1:])
            continue
        for row in collection_rows(record, source["collection"], source_id):
            value = lookup(row, source["value"])
            for kind_path in source["kind"]:
                kind_label = clean_text(lookup(row, kind_path))
                if kind_label and normalise_label(kind_label) in mapping.contact_kinds:
                    yield kind_label, value
                    break


def extract_images(record, mapping, source_id):
    """Return the photos as a list of {url, title, credit}; only http and https addresses."""
    images = []
    seen = set()
    today = timezone.localdate()
    for source in mapping.images:
        for url, title, credit, expires in _image_rows(record, source, mapping, source_id):
            if expires is not None and expires < today:
                logger.info(
                    "%s: skipped photo %s, whose rights ended on %s", source_id, url, expires
                )
                continue
            cleaned = clean_http_url(url)
            if not cleaned or cleaned in seen:
                continue
            seen.add(cleaned)
            images.append(
                {"url": cleaned, "title": clean_text(title), "credit": clean_text(credit)}
            )
        if images:
            break
    return images


def _image_rows(record, source, mapping, source_id):
    if "composite" in source:
        text = record.get(source["composite"])
        if not isinstance(text, str):
            return
        for subfields in split_occurrences(text, mapping.separators):
            parts = dict(zip(source["subfields"], subfields, strict=False))
            yield parts.get("url"), parts.get("title"), parts.get("credit"), None
        return
    for row in collection_rows(record, source["collection"], source_id):
        expires = None
        if source.get("expires"):
            try:
                expires = parse_date(lookup(row, source["expires"]))
            except InvalidValue:
                expires = None
        yield (
            lookup(row, source["url"]),
            lookup(row, source.get("title", "")) if source.get("title") else "",
            lookup(row, source.get("credit", "")) if source.get("credit") else "",
            expires,
        )


# Periods ----------------------------------------------------------------------------------------


def extract_periods(record, mapping, source_id):
    """Return the periods of the first period source with any, each a dict of OfferPeriod values."""
    for source in mapping.periods:
        if "composite" in source:
            field_name = source["composite"]
            rows = _composite_period_rows(record.get(field_name), source, mapping)
        else:
            field_name = source["collection"][0]
            rows = _collection_period_rows(record, source, source_id)
        periods = []
        for position, row in enumerate(rows, start=1):
            try:
                period = build_period(row, mapping)
            except InvalidValue as error:
                reason = _("period %(position)d: %(reason)s") % {
                    "position": position,
                    "reason": error,
                }
                raise RecordRejected(source_id, field_name, reason) from error
            if period is not None:
                period["position"] = len(periods)
                periods.append(period)
        if periods:
            return periods
    return []


def _composite_period_rows(text, source, mapping):
    if not isinstance(text, str):
        return []
    rows = []
    layout = source["subfields"]
    for subfields in split_occurrences(text, mapping.separators, min_subfields=2):
        row = {"times": [], "weekday_times": {}}
        values = iter(subfields)
        for name in layout:
            if name == "weekday_times":
                for weekday in range(7):
                    slots = [next(values, "") for _slot in WEEKDAY_SLOTS]
                    row["weekday_times"][weekday] = list(zip(slots[0::2], slots[1::2], strict=True))
            else:
                row[name] = next(values, "")
        row["times"] = [
            (row.get("open1", ""), row.get("close1", "")),
            (row.get("open2", ""), row.get("close2", "")),
        ]
        row["open_days"] = ", ".join(split_days(row.get("open_days", ""), mapping.separators))
        row["closed_days"] = ", ".join(split_days(row.get("closed_days", ""), mapping.separators))
        rows.append(row)
    return rows


def _collection_period_rows(record, source, source_id):
    rows = []
    weekdays = source.get("weekday_times")
    for feed_row in collection_rows(record, source["collection"], source_id):
        row = {
            "start": first_value(feed_row, source["start"], source_id)[0],
            "end": first_value(feed_row, source.get("end", []), source_id)[0],
            "times": [
                (lookup(feed_row, opening), lookup(feed_row, closing))
                for opening, closing in source.get("times", [])
            ],
            "weekday_times": {},
            "note": "\n".join(
                text
                for text in (clean_text(lookup(feed_row, path)) for path in source.get("notes", []))
                if text
            ),
        }
        if weekdays:
            for weekday, day in enumerate(weekdays["days"]):
                row["weekday_times"][weekday] = [
                    (
                        lookup(feed_row, weekdays["open"].format(day=day, slot=slot)),
                        lookup(feed_row, weekdays["close"].format(day=day, slot=slot)),
                    )
                    for slot in range(1, weekdays["slots"] + 1)
                ]
        rows.append(row)
    return rows


def format_time_ranges(pairs):
    """Return "08:00–15:00, 18:00–22:00" from (open, close) pairs; raises InvalidValue."""
    ranges = []
    for opening, closing in pairs:
        opening, closing = parse_time(opening), parse_time(closing)
        if opening and closing:
            ranges.append(f"{opening}–{closing}")
        elif opening or closing:
            ranges.append(opening or closing)
    return ", ".join(ranges)


def build_period(row, mapping):
    """Return the OfferPeriod values of one parsed row, or None when it has no date at all."""
    start, end = parse_date(row.get("start")), parse_date(row.get("end"))
    if start is None and end is None:
        return None
    start, end = start or end, end or start
    if end < start:
        raise InvalidValue(
            _("ends on %(end)s, before it starts on %(start)s")
            % {"end": end.isoformat(), "start": start.isoformat()}
        )
    weekly_hours = {}
    for weekday, pairs in row.get("weekday_times", {}).items():
        text = format_time_ranges(pairs)
        if text:
            weekly_hours[str(weekday)] = text
    return {
        "start": start,
        "end": end,
        "opening_times": format_time_ranges(row.get("times", [])),
        "weekly_hours": weekly_hours,
        "open_days": clean_text(row.get("open_days")),
        "closed_days": clean_text(row.get("closed_days")),
        "note": clean_text(row.get("note"), keep_newlines=True),
    }
