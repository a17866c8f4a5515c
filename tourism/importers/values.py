"""Conversion of single Tourinsoft values: empty markers, text, dates, times, coordinates, URLs."""

import datetime
import html
import re
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

# Feeds write "no value" in several ways: null, "", a single space, an empty HTML wrapper such as
# "<font></font>", and the string "null". ``clean_text`` turns all of them into "".
NULL_STRINGS = {"null", "none"}

# "/Date(1546457575113)/" in OData v2 verbose JSON: milliseconds since 1970-01-01 UTC, with an
# optional offset that OData v2 defines as informative only.
ODATA_DATE = re.compile(r"^/Date\((?P<ms>-?\d+)(?:[+-]\d{4})?\)/$")
FRENCH_DATE = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$")
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T[\d:.]+)?$")
TIME = re.compile(r"^(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?$")
ISO_TIMESTAMP_FRACTION = re.compile(r"\.(\d{6})\d+")

_http_url = URLValidator(schemes=["http", "https"])


class InvalidValue(ValueError):
    """A value that cannot be converted; ``str()`` is the translated reason of the rejection."""


def is_empty(value):
    return clean_text(value) == ""


def clean_text(value, keep_newlines=False):
    """Return ``value`` as plain text: tags removed, entities decoded, spaces trimmed.

    Newlines are kept when ``keep_newlines`` is set (descriptions), otherwise every run of
    white space becomes one space (names, labels).
    """
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = str(value)
    if "<" in text:
        text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.IGNORECASE)
        text = strip_tags(text)
    text = html.unescape(text).replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    if keep_newlines:
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    else:
        text = re.sub(r"\s+", " ", text).strip()
    if text.lower() in NULL_STRINGS:
        return ""
    return text


def parse_timestamp(value, timezone_name):
    """Return an aware datetime for an OData ``/Date(ms)/`` value or an ISO local timestamp.

    ISO timestamps carry no zone in Tourinsoft feeds; they are read in ``timezone_name``.
    Raises InvalidValue for anything else.
    """
    text = clean_text(value)
    if not text:
        return None
    match = ODATA_DATE.match(text)
    if match:
        return datetime.datetime.fromtimestamp(int(match["ms"]) / 1000, tz=datetime.UTC)
    # Feeds give 0 to 7 fractional digits; Python reads at most 6.
    normalised = ISO_TIMESTAMP_FRACTION.sub(lambda found: "." + found.group(1), text)
    try:
        parsed = datetime.datetime.fromisoformat(normalised)
    except ValueError as error:
        raise InvalidValue(_("invalid date and time %(value)r") % {"value": text}) from error
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(timezone_name))
    return parsed


def parse_date(value):
    """Return a date from ``dd/mm/yyyy`` (flat strings) or ``yyyy-mm-ddThh:mm:ss`` (typed feeds)."""
    text = clean_text(value)
    if not text:
        return None
    match = FRENCH_DATE.match(text) or ISO_DATE.match(text)
    if not match:
        raise InvalidValue(_("invalid date %(value)r") % {"value": text})
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise InvalidValue(_("invalid date %(value)r") % {"value": text}) from error


def parse_time(value):
    """Return ``HH:MM`` from ``HH:MM``, ``HH:MM:SS`` or ``HHhMM``, or "" when empty."""
    text = clean_text(value)
    if not text:
        return ""
    match = TIME.match(text)
    if not match or int(match["hour"]) > 24 or int(match["minute"]) > 59:
        raise InvalidValue(_("invalid time %(value)r") % {"value": text})
    return f"{int(match['hour']):02d}:{match['minute']}"


def parse_coordinate(value, minimum, maximum):
    """Return a Decimal in [minimum, maximum] rounded to 7 places, or None when empty.

    Accepts a comma as decimal separator, which one client's feeds use.
    """
    if isinstance(value, bool):
        raise InvalidValue(_("invalid coordinate %(value)r") % {"value": value})
    text = clean_text(value).replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise InvalidValue(_("not a number: %(value)r") % {"value": text}) from error
    if not number.is_finite():
        raise InvalidValue(_("not a finite number: %(value)r") % {"value": text})
    if number < minimum or number > maximum:
        raise InvalidValue(
            _("%(value)s is outside [%(minimum)s, %(maximum)s]")
            % {
                "value": text,
                "minimum": minimum,
                "maximum": maximum,
            }
        )
    return number.quantize(Decimal("0.0000001"))


def clean_http_url(value):
    """Return the URL if it is an absolute http or https URL, else "".

    Anything else (``javascript:``, a bare file name, a typo) is dropped, because the site links
    to these addresses.
    """
    text = clean_text(value)
    if not text:
        return ""
    if text.lower().startswith("www."):
        text = "http://" + text
    try:
        _http_url(text)
    except ValidationError:
        return ""
    return text


def clean_email(value):
    text = clean_text(value)
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    try:
        validate_email(text)
    except ValidationError:
        return ""
    return text
