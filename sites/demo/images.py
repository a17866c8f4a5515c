"""Logos of the demo sites, drawn with Pillow so that the demo needs no image from elsewhere."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

from sites.permissions import site_collection

LOGO_SIZE = 256


def draw_logo(background, initials):
    """Return PNG bytes of a square logo: white initials on the site's primary colour."""
    canvas = PillowImage.new("RGB", (LOGO_SIZE, LOGO_SIZE), background)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=112 if len(initials) < 3 else 84)
    draw.text((LOGO_SIZE / 2, LOGO_SIZE / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_logo(profile, background, initials):
    """Return the site's demo logo, created once in the site's own collection."""
    title = f"Logo – {profile.site.site_name}"
    collection = site_collection(profile)
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    content = BytesIO(draw_logo(background, initials))
    image = Image(title=title, collection=collection)
    image.file = ImageFile(content, name=f"logo-{profile.key}.png")
    image.save()
    return image
