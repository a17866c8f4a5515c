"""Product image thumbnails made with Pillow, for Oscar's ``oscar_thumbnail`` template tag.

Oscar's default thumbnailer needs sorl-thumbnail, which the project does not install. Without a
working thumbnailer the tag renders an empty ``src``, or raises when DEBUG is on, which breaks the
dashboard's product list. This one scales the image once and keeps the result in the default
storage under ``THUMBNAIL_FOLDER``, named after a hash of the source name and the options.
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.thumbnails import AbstractThumbnailer
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

THUMBNAIL_FOLDER = "cache/shop-thumbnails"
OUTPUT_FORMATS = {".png": "PNG", ".webp": "WEBP"}  # Anything else is written as JPEG.


@dataclass(frozen=True)
class Thumbnail:
    url: str
    width: int
    height: int


def parse_size(size):
    """Split Oscar's geometry (``"440x400"``, ``"x155"``, ``"100"``) into (width, height).

    A missing side is None. Raises ValueError on anything else.
    """
    width, _separator, height = str(size).partition("x")
    parsed = (int(width) if width else None, int(height) if height else None)
    if parsed == (None, None) or any(side is not None and side <= 0 for side in parsed):
        raise ValueError(f"Invalid thumbnail size {size!r}: expected WIDTHxHEIGHT in pixels.")
    return parsed


def target_box(image_size, width, height, upscale):
    """Return the (width, height) that fits the image in the requested box, keeping its ratio."""
    source_width, source_height = image_size
    scale = min(
        width / source_width if width else float("inf"),
        height / source_height if height else float("inf"),
    )
    if not upscale:
        scale = min(scale, 1.0)
    return max(1, round(source_width * scale)), max(1, round(source_height * scale))


def thumbnail_name(source_name, options):
    suffix = PurePosixPath(source_name).suffix.lower()
    extension = suffix if suffix in OUTPUT_FORMATS else ".jpg"
    key = repr((source_name, sorted(options.items()))).encode()
    digest = hashlib.sha256(key).hexdigest()[:24]
    return f"{THUMBNAIL_FOLDER}/{digest[:2]}/{digest}{extension}"


def render_thumbnail(source_file, name, width, height, crop, upscale):
    with Image.open(source_file) as original:
        image = ImageOps.exif_transpose(original)
        if crop and width and height:
            image = ImageOps.fit(image, (width, height), method=Image.Resampling.LANCZOS)
        else:
            image = image.resize(
                target_box(image.size, width, height, upscale), Image.Resampling.LANCZOS
            )
    output_format = OUTPUT_FORMATS.get(PurePosixPath(name).suffix, "JPEG")
    if output_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=output_format, quality=85)
    return image.size, buffer.getvalue()


class PillowThumbnailer(AbstractThumbnailer):
    """Oscar thumbnailer backed by Pillow and Django's default storage.

    Understands the options Oscar's templates pass: ``size``, ``upscale`` (default True) and
    ``crop`` (any true value crops to fill the box from the centre). Raises ValueError on an
    invalid size and OSError when the source cannot be read; Oscar's tag logs those and renders
    nothing unless DEBUG is on.
    """

    def generate_thumbnail(self, source, **options):
        width, height = parse_size(options["size"])
        upscale = bool(options.get("upscale", True))
        crop = bool(options.get("crop"))
        # Oscar passes an image field file, or the bare media path of its "missing image".
        source_name = getattr(source, "name", source)
        name = thumbnail_name(
            source_name, {"size": options["size"], "upscale": upscale, "crop": crop}
        )

        if default_storage.exists(name):
            with default_storage.open(name) as stored, Image.open(stored) as image:
                return Thumbnail(default_storage.url(name), *image.size)

        with default_storage.open(source_name) as source_file:
            size, content = render_thumbnail(source_file, name, width, height, crop, upscale)
        saved_name = default_storage.save(name, ContentFile(content))
        logger.info("Created thumbnail %s of %s", saved_name, source_name)
        return Thumbnail(default_storage.url(saved_name), *size)

    def delete_thumbnails(self, source):
        """Do nothing: thumbnails are named by hash, so stale ones are only unused files.

        NOTE: removing them needs a sweep of THUMBNAIL_FOLDER; none is implemented.
        """
