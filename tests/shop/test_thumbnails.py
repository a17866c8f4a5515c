"""Pillow thumbnailer used by Oscar's oscar_thumbnail tag."""

import io
from pathlib import Path

import pytest
from PIL import Image

from shop.thumbnails import PillowThumbnailer, parse_size, target_box


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    return tmp_path


@pytest.fixture
def source_image(media_root):
    """A 400×200 PNG saved in the media folder; return its storage name."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), "red").save(buffer, format="PNG")
    path = media_root / "images" / "source.png"
    path.parent.mkdir()
    path.write_bytes(buffer.getvalue())
    return "images/source.png"


@pytest.mark.parametrize(
    ("size", "expected"),
    [("440x400", (440, 400)), ("x155", (None, 155)), ("100", (100, None)), ("100x", (100, None))],
)
def test_parse_size(size, expected):
    assert parse_size(size) == expected


@pytest.mark.parametrize("size", ["x", "", "0x10", "-5x10", "ax10"])
def test_parse_size_invalid(size):
    with pytest.raises(ValueError):
        parse_size(size)


def test_target_box_keeps_ratio():
    assert target_box((400, 200), None, 155, upscale=False) == (310, 155)
    assert target_box((400, 200), 100, 100, upscale=False) == (100, 50)
    assert target_box((40, 20), 100, 100, upscale=False) == (40, 20)
    assert target_box((40, 20), 100, 100, upscale=True) == (100, 50)


def test_thumbnail_created_once(media_root, source_image):
    thumbnailer = PillowThumbnailer()
    first = thumbnailer.generate_thumbnail(source_image, size="x155", upscale=False)

    assert first.url.startswith("/media/cache/shop-thumbnails/")
    assert first.url.endswith(".png")
    assert (first.width, first.height) == (310, 155)
    stored = media_root / first.url.removeprefix("/media/")
    assert Image.open(stored).size == (310, 155)
    modified = stored.stat().st_mtime_ns

    second = thumbnailer.generate_thumbnail(source_image, size="x155", upscale=False)
    assert second == first
    assert stored.stat().st_mtime_ns == modified
    assert len(list(Path(media_root, "cache").rglob("*.png"))) == 1


def test_thumbnail_crop_fills_box(media_root, source_image):
    thumbnail = PillowThumbnailer().generate_thumbnail(source_image, size="65x55", crop="center")
    assert (thumbnail.width, thumbnail.height) == (65, 55)


def test_thumbnail_missing_source_raises(media_root):
    with pytest.raises(FileNotFoundError):
        PillowThumbnailer().generate_thumbnail("images/absent.jpg", size="100x100")
