"""Template filters of the memorial pages."""

from urllib.parse import urlsplit

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def grouped_number(value):
    """Format an integer with the active language's thousands separator (1 175, 1,175, 1.175)."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, force_grouping=True)


@register.filter
def source_host(url):
    """Return the host name of a source URL without "www.", as the text of its link."""
    host = urlsplit(url or "").hostname or url
    return host.removeprefix("www.")
