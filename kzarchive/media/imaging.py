"""Pillow, used safely: restricted decoders, bounded size, metadata-free output.

Every image is opened with exactly the one Pillow decoder its media type calls
for (never Pillow's guess among all plugins, some of which run external
programs), through a view of the caller's stream that Pillow cannot close.
Pillow's own decompression-bomb limit bounds the pixels decoded.  Output images
are built fresh from pixel values alone, so nothing from the source file's
metadata can ride along into them.
"""

from __future__ import annotations

import io
import math
from typing import IO, Literal, cast

from PIL import Image

from kzarchive.errors import KzError
from kzarchive.media.exif import orientation_of
from kzarchive.media.streams import Stream, UnclosableReader, read_at
from kzarchive.media.types import normalise_mime

OutputFormat = Literal["JPEG", "PNG"]

NOT_DECODED = "format not decoded; stored as an opaque original"
TOO_LARGE = "the image is too large to decode safely"
DAMAGED = "the image data is damaged or is not in the format its type claims"

JPEG_QUALITY = 95

_PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/tiff": "TIFF",
    "image/gif": "GIF",
    "image/bmp": "BMP",
    "image/avif": "AVIF",
}

# EXIF orientation -> the Pillow operation that shows the image upright.
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

_KEPT_MODES = {"L", "LA", "RGB", "RGBA", "I;16"}


class ImageUnavailable(Exception):
    """The pixels of an image cannot be had; ``reason`` says why, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pillow_format(mime: str) -> str | None:
    """The Pillow decoder for a media type, if this Pillow has one."""
    name = _PILLOW_FORMATS.get(normalise_mime(mime))
    Image.init()
    return name if name in Image.OPEN else None


def open_image(stream: Stream, mime: str) -> Image.Image:
    """Open (headers only) with the one decoder the type calls for.

    Use the result in a ``with`` block: leaving it detaches the image from the
    stream while keeping pixels already loaded.
    """
    name = pillow_format(mime)
    if name is None:
        raise ImageUnavailable(NOT_DECODED)
    try:
        return Image.open(cast(IO[bytes], UnclosableReader(stream)), formats=[name])
    except KzError:
        raise
    except Image.DecompressionBombError as error:
        raise ImageUnavailable(TOO_LARGE) from error
    except Exception as error:
        # Decoders of hostile files fail in many ways (OSError, SyntaxError,
        # struct.error, IndexError, ...); all mean the same to a documenter.
        raise ImageUnavailable(DAMAGED) from error


def decode_upright(stream: Stream, mime: str, draft_side: int | None = None,
                   draft_short_side: int = 0) -> Image.Image:
    """The first frame's pixels with the EXIF orientation applied.

    ``draft_side`` lets the JPEG decoder scale down while decoding (by up to 8), as
    long as the longer side keeps at least ``draft_side`` pixels and the shorter
    one at least ``draft_short_side``.  The result no longer refers to the stream.
    """
    with open_image(stream, mime) as image:
        try:
            if draft_side is not None:
                image.draft("RGB", draft_box(image.size, draft_side, draft_short_side))
            image.load()
            # Read after loading: Pillow's TIFF decoder turns the pixels upright
            # itself and then drops the tag, so it must not be applied twice.
            return upright(image, orientation_of(image.getexif()))
        except KzError:
            raise
        except Image.DecompressionBombError as error:
            raise ImageUnavailable(TOO_LARGE) from error
        except Exception as error:
            raise ImageUnavailable(DAMAGED) from error


def draft_box(size: tuple[int, int], side: int, short_side: int = 0) -> tuple[int, int]:
    """The smallest size of the same shape whose longer side is at least ``side`` and
    shorter side at least ``short_side`` (Pillow's draft keeps both at least that)."""
    width, height = max(size[0], 1), max(size[1], 1)
    scale = max(side / max(width, height), short_side / min(width, height))
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def stored_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as the file stores them, before any orientation.

    Pillow reports TIFF sizes already turned by the orientation tag.
    """
    tags = getattr(image, "tag_v2", None)
    if image.format == "TIFF" and tags is not None:
        width, height = tags.get(256), tags.get(257)
        if isinstance(width, int) and isinstance(height, int):
            return width, height
    return image.size


def upright(image: Image.Image, orientation: int | None) -> Image.Image:
    """The image as a viewer shows it, given its EXIF orientation."""
    operation = _UPRIGHT.get(orientation or 1)
    return image if operation is None else image.transpose(operation)


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info


def output_format(stream: Stream, mime: str, image: Image.Image) -> OutputFormat:
    """JPEG for lossy photo sources without transparency, PNG for the rest.

    A lossless source (PNG, GIF, TIFF, BMP, lossless WebP) stays lossless, so
    text in screenshots keeps its edges; a lossy one is not inflated for
    nothing.
    """
    if has_alpha(image):
        return "PNG"
    mime = normalise_mime(mime)
    if mime in ("image/jpeg", "image/avif"):
        return "JPEG"
    if mime == "image/webp" and webp_is_lossy(stream):
        return "JPEG"
    return "PNG"


def webp_is_lossy(stream: Stream) -> bool:
    """Whether a WebP file's image data is VP8 (lossy) rather than VP8L."""
    offset = 12
    for _ in range(16):  # ICCP, ANIM, EXIF, XMP come before or after; few chunks
        header = read_at(stream, offset, 8)
        if len(header) < 8:
            return False
        chunk = header[:4]
        if chunk in (b"VP8 ", b"ANMF"):
            return True
        if chunk == b"VP8L":
            return False
        size = int.from_bytes(header[4:8], "little")
        offset += 8 + size + (size & 1)
    return False


def pixels_for(image: Image.Image, target: OutputFormat) -> Image.Image:
    """The image converted to a mode the target format stores faithfully."""
    if target == "JPEG":
        return image if image.mode in ("L", "RGB") else image.convert("RGB")
    if image.mode == "1":
        return image.convert("L")
    if image.mode in _KEPT_MODES and "transparency" not in image.info:
        return image
    return image.convert("RGBA" if has_alpha(image) else "RGB")


def fresh_copy(image: Image.Image) -> Image.Image:
    """A new image holding only the pixel values: no info, EXIF, ICC or palette tricks."""
    fresh = Image.new(image.mode, image.size)
    fresh.paste(image, (0, 0))
    return fresh


def encode(image: Image.Image, target: OutputFormat, quality: int = JPEG_QUALITY) -> bytes:
    """Encode a fresh copy of the pixels; the output carries no metadata at all."""
    fresh = fresh_copy(pixels_for(image, target))
    out = io.BytesIO()
    if target == "JPEG":
        # 4:4:4 keeps colour edges (text, signs, uniforms) as sharp as the source.
        fresh.save(out, "JPEG", quality=quality, subsampling=0 if quality >= 90 else 2)
    else:
        fresh.save(out, "PNG", compress_level=6)
    return out.getvalue()
