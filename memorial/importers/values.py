"""Conversion of CSV cells to field values; each failure rejects the record, naming the column."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from sites.importing import RecordRejected

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNT = re.compile(r"^(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)$")
check_url = URLValidator(schemes=["http", "https"])


def parse_date(record_id, column, value, required=False):
    """Return the date of an ISO ``YYYY-MM-DD`` cell, or None for an empty optional cell."""
    if not value:
        if required:
            raise RecordRejected(record_id, column, _("missing value"))
        return None
    if ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise RecordRejected(
        record_id, column, _("invalid date %(value)s, expected YYYY-MM-DD") % {"value": value}
    )


def parse_count(record_id, column, value):
    """Return the integer of a count cell ("1175" or "1 175"), or None for an empty cell."""
    if not value:
        return None
    if not COUNT.match(value):
        raise RecordRejected(
            record_id, column, _("invalid number %(value)s, expected a whole number") % {"value": value}
        )
    return int(re.sub(r"\D", "", value))


def require(record_id, column, value):
    if not value:
        raise RecordRejected(record_id, column, _("missing value"))
    return value


def parse_urls(record_id, column, values):
    """Return ``values`` after checking each is an http(s) address."""
    for url in values:
        try:
            check_url(url)
        except ValidationError:
            raise RecordRejected(
                record_id, column, _("invalid web address %(value)s") % {"value": url}
            ) from None
    return list(values)


def validate_instance(instance, record_id, column_of, exclude=None):
    """Run the model's field validation and reject the record on the first invalid field.

    ``column_of(field_name)`` names the source column of a model field in the rejection.
    Uniqueness is left to the importer, which keys each record on its source identifier.
    """
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field_name, messages = next(iter(error.message_dict.items()))
        raise RecordRejected(record_id, column_of(field_name), " ".join(messages)) from None
