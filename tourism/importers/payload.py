"""Reading of Tourinsoft syndication files: size, encoding, JSON syntax and envelope shape.

Tourinsoft serves the same offers in several JSON envelopes:

* WCF syndication, OData v2 verbose JSON: ``{"d": {"results": [...], "__count": "11"}}``;
  OData v1 puts the list directly in ``d``. ``__next`` announces a further page.
* WCF syndication 3.0, OData v3 JSON light: ``{"odata.metadata": ..., "value": [...]}``, with
  ``odata.count`` and ``odata.nextLink`` when paging was requested.
* api-v3 gateway: ``{"tisTrackingUA": ..., "value": [...]}``, all offers in one response.
* A bare list of offers, as some tools store the ``value`` array.

Any problem with the file as a whole raises SourceError naming it, before the database is
touched.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from sites.importing import SourceError, check_source_file, decode_text

SHAPE_ODATA_V2 = "odata-v2-verbose"
SHAPE_ODATA_V1 = "odata-v1"
SHAPE_ODATA_V3 = "odata-v3"
SHAPE_GATEWAY = "api-v3-gateway"
SHAPE_VALUE_ARRAY = "value-array"


@dataclass
class FeedPayload:
    path: Path
    shape: str
    records: list
    # Number of offers the server declares for the whole feed (__count, odata.count), if any.
    declared_count: int | None = None
    has_next_page: bool = False


def _reject_constant(name):
    raise ValueError(_("%(constant)s is not a number") % {"constant": name})


def load_payload(path, max_bytes=None):
    """Read one syndication file and return its records; raise SourceError if it is unusable."""
    path = check_source_file(path, max_bytes=max_bytes)
    text = decode_text(path.read_bytes(), path)
    if text.lstrip().startswith("<"):
        raise SourceError(
            path,
            _("this is XML (Atom), not JSON; request the feed with $format=json or ?format=json"),
        )
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise SourceError(
            path,
            _("invalid JSON at line %(line)d, column %(column)d: %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg},
        ) from error
    except ValueError as error:
        # NaN and Infinity (rejected by _reject_constant) or an integer too long to convert.
        raise SourceError(path, _("invalid JSON: %(error)s") % {"error": error}) from error
    except RecursionError as error:
        raise SourceError(path, _("invalid JSON: nested too deeply")) from error

    payload = _read_envelope(data, path)
    if not payload.records:
        raise SourceError(path, _("the feed contains no offer; nothing was changed"))
    for index, record in enumerate(payload.records, start=1):
        if not isinstance(record, dict):
            raise SourceError(
                path,
                _("offer number %(position)d is not a JSON object") % {"position": index},
            )
    return payload


def _read_envelope(data, path):
    if isinstance(data, list):
        return FeedPayload(path, SHAPE_VALUE_ARRAY, data)
    if not isinstance(data, dict):
        raise SourceError(path, _("not a Tourinsoft syndication: expected a JSON object or list"))

    if "d" in data:
        inner = data["d"]
        if isinstance(inner, list):
            return FeedPayload(path, SHAPE_ODATA_V1, inner)
        if isinstance(inner, dict) and isinstance(inner.get("results"), list):
            return FeedPayload(
                path,
                SHAPE_ODATA_V2,
                inner["results"],
                declared_count=_read_count(inner.get("__count"), "__count", path),
                has_next_page=bool(inner.get("__next")),
            )
        raise SourceError(path, _("not a Tourinsoft syndication: d has no results list"))

    if isinstance(data.get("value"), list):
        shape = SHAPE_GATEWAY if "tisTrackingUA" in data else SHAPE_ODATA_V3
        count_key = "odata.count" if "odata.count" in data else "@odata.count"
        return FeedPayload(
            path,
            shape,
            data["value"],
            declared_count=_read_count(data.get(count_key), count_key, path),
            has_next_page=bool(data.get("odata.nextLink") or data.get("@odata.nextLink")),
        )
    raise SourceError(path, _("not a Tourinsoft syndication: expected d.results, d or value"))


def _read_count(value, key, path):
    if value is None:
        return None
    try:
        count = int(value)
    except (TypeError, ValueError) as error:
        raise SourceError(
            path, _("invalid %(key)s %(value)r") % {"key": key, "value": value}
        ) from error
    if count < 0:
        raise SourceError(path, _("invalid %(key)s %(value)r") % {"key": key, "value": value})
    return count
