"""Links to digitised images, built from the ``dao``/``daoloc`` references stored on components.

Finding aids name images in three ways. The first is an absolute http(s) URL, such as a viewer
or an ARK permalink. The second is a file name or path on the archive service's image server.
The third is a range of such files ("first.jpg#last.jpg" in Archives nationales files). Relative names become links
only when ``settings.ARCHIVES_IMAGE_BASE_URL`` is set; otherwise they are shown as text. Pages
link to images and never embed them, so no image is loaded from another host.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

_NUMBERED_NAME = re.compile(r"^(?P<prefix>.*?)(?P<number>\d+)(?P<suffix>\D*)$")


@dataclass(frozen=True)
class DigitalObjectLink:
    """One image or range of images; ``url``/``last_url`` are "" when they cannot be linked."""

    first: str
    last: str
    url: str
    last_url: str
    count: int | None
    title: str

    @property
    def first_name(self):
        return self.first.rstrip("/").rsplit("/", 1)[-1]

    @property
    def last_name(self):
        return self.last.rstrip("/").rsplit("/", 1)[-1]


def image_base_url():
    return getattr(settings, "ARCHIVES_IMAGE_BASE_URL", "") or ""


def resolve_href(href, base_url):
    """Return an http(s) URL for ``href``, "" when it is relative and no base URL is known.

    Returns None for any other scheme (javascript:, file:…), which is never linked.
    """
    href = (href or "").strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme in ("http", "https") and parts.netloc:
        return href
    if parts.scheme or parts.netloc:
        return None
    if not base_url:
        return ""
    return urljoin(base_url.rstrip("/") + "/", href.lstrip("/"))


def count_images(first, last):
    """Return the number of files from ``first`` to ``last`` when both share a numbered pattern.

    Returns None for a single reference, which may be a viewer showing any number of images.
    """
    if not last:
        return None
    if last == first:
        return 1
    first_match = _NUMBERED_NAME.match(first)
    last_match = _NUMBERED_NAME.match(last)
    if not first_match or not last_match:
        return None
    if (first_match["prefix"], first_match["suffix"]) != (last_match["prefix"], last_match["suffix"]):
        return None
    count = int(last_match["number"]) - int(first_match["number"]) + 1
    return count if count > 0 else None


def build_links(digital_objects, base_url=None):
    """Turn stored digital object references into DigitalObjectLink values, in order."""
    base_url = image_base_url() if base_url is None else base_url
    links = []
    for item in digital_objects or []:
        first = item.get("first") or item.get("href", "")
        last = item.get("last", "")
        url = resolve_href(first, base_url)
        if url is None:
            continue
        last_url = resolve_href(last, base_url) if last else ""
        links.append(
            DigitalObjectLink(
                first=first,
                last=last,
                url=url,
                last_url=last_url or "",
                count=count_images(first, last),
                title=item.get("title", ""),
            )
        )
    return links
