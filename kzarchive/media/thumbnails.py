"""Small JPEG previews of photos, made in memory and never written anywhere.

The vault stores them encrypted like any content.  A thumbnail is upright (EXIF
orientation applied), at most ``max_side`` pixels on its longer side, and
carries no metadata at all: it is built from pixel values alone.
"""

from __future__ import annotations

from PIL import Image

from kzarchive.errors import BadInput
from kzarchive.media.imaging import ImageUnavailable, decode_upright, encode, pillow_format
from kzarchive.media.streams import Stream

THUMBNAIL_QUALITY = 80
MAX_SIDE = 320
_BACKGROUND = (255, 255, 255)


def make_thumbnail(stream: Stream, mime: str, max_side: int = MAX_SIDE) -> bytes | None:
    """JPEG bytes of a preview, or None for non-images and undecodable images."""
    if max_side < 1:
        raise BadInput(what=f"a thumbnail must be at least 1 pixel wide, not {max_side}")
    if pillow_format(mime) is None:
        return None
    try:
        image = decode_upright(stream, mime, draft_side=max_side)
    except ImageUnavailable:
        return None
    return thumbnail_of(image, max_side)


def thumbnail_of(image: Image.Image, max_side: int = MAX_SIDE) -> bytes:
    """The preview of an already decoded, upright image (intake decodes a photo once)."""
    image = flatten(image)
    # A copy: the decoded image is shared with the other readers of its pixels.
    image = image.copy() if image.width > max_side or image.height > max_side else image
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return encode(image, "JPEG", quality=THUMBNAIL_QUALITY)


def flatten(image: Image.Image) -> Image.Image:
    """RGB or L pixels; transparent areas shown on white, as viewers do."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode.startswith("I"):
        # 16- and 32-bit grey: scale to 8 bits rather than clip to white.
        return image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "P") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, _BACKGROUND)
        background.paste(rgba, (0, 0), rgba)
        return background
    return image.convert("RGB")
