"""Sanitized copies of photos for export: the pixels and nothing else.

A photo's metadata can locate or identify a witness: GPS, the camera's serial
number, the owner's name, editing history, a preview of an uncropped original.
The sanitized copy is decoded and re-encoded from scratch with the orientation
applied, from a fresh image holding only pixel values, so none of EXIF, GPS,
XMP, IPTC, ICC profiles, comments, maker notes or embedded thumbnails can
survive.  JPEG stays JPEG (quality 95, no chroma subsampling); PNG, GIF, TIFF,
BMP and lossless WebP become PNG; lossy WebP and AVIF become JPEG, or PNG when
they have transparency.  Animated or multi-page images keep their first frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from kzarchive.errors import BadInput
from kzarchive.media.imaging import (
    NOT_DECODED,
    ImageUnavailable,
    OutputFormat,
    decode_upright,
    encode,
    output_format,
)
from kzarchive.media.streams import Stream

_MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}
_EXTENSION = {"JPEG": "jpg", "PNG": "png"}


@dataclass(frozen=True)
class SanitizedImage:
    """A re-encoded image: ``data`` in ``mime``; ``extension`` has no dot."""

    data: bytes
    mime: str
    extension: str
    width: int
    height: int


def sanitize_image(stream: Stream, mime: str) -> SanitizedImage:
    """A metadata-free copy of the image, upright; BadInput if it cannot be made."""
    image = decode_for_export(stream, mime)
    target = output_format(stream, mime, image)
    return package(image, target)


def decode_for_export(stream: Stream, mime: str) -> Image.Image:
    """The upright pixels of an image, or a BadInput a documenter understands."""
    try:
        return decode_upright(stream, mime)
    except ImageUnavailable as error:
        if error.reason == NOT_DECODED:
            raise BadInput(
                f"This image format ({mime}) cannot be sanitized: kzarchive cannot decode it.",
                hint="Export the original instead, or convert the photo to JPEG first "
                "and attach the converted copy.",
            ) from error
        raise BadInput(
            f"The image cannot be sanitized: {error.reason}.",
            hint="Export the original instead, after checking what metadata it carries.",
        ) from error


def package(image: Image.Image, target: OutputFormat) -> SanitizedImage:
    data = encode(image, target)
    width, height = image.size
    return SanitizedImage(data, _MIME[target], _EXTENSION[target], width, height)
