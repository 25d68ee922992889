"""Redaction: solid black boxes over faces, names, plates — and nothing else kept.

Boxes are filled with opaque black, never blurred or pixelated: both can be
reversed or recognised.  The pixels are decoded upright first, so boxes are in
the coordinates a person sees; then the image is written out exactly like a
sanitized copy, because an embedded EXIF preview of the unredacted original is
the classic leak of a careless redaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw

from kzarchive.errors import BadInput
from kzarchive.media.imaging import output_format, pixels_for
from kzarchive.media.sanitize import decode_for_export, package
from kzarchive.media.streams import Stream


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels of the upright image: left, top, width, height."""

    x: int
    y: int
    width: int
    height: int

    def to_dict(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}

    @classmethod
    def from_dict(cls, data: Any) -> Box:
        keys = ("x", "y", "width", "height")
        if not isinstance(data, dict) or set(data) != set(keys):
            raise BadInput(what="a redaction box needs exactly x, y, width and height")
        values = [data[key] for key in keys]
        if not all(type(value) is int for value in values):
            raise BadInput(what="redaction box coordinates must be whole pixels")
        return cls(*values)


@dataclass(frozen=True)
class RedactedImage:
    """The redacted image and the boxes as applied (clamped to the image)."""

    data: bytes
    mime: str
    extension: str
    boxes: tuple[Box, ...]


def redact_image(stream: Stream, mime: str, boxes: Sequence[Box]) -> RedactedImage:
    """The image with every box filled solid black, sanitized; BadInput on bad boxes."""
    if not boxes:
        raise BadInput(what="a redaction needs at least one box")
    image = decode_for_export(stream, mime)
    clamped = tuple(clamp(box, image.width, image.height) for box in boxes)
    target = output_format(stream, mime, image)
    # Fill in the output's own mode, so the black is exactly black and opaque.
    canvas = pixels_for(image, target)
    draw = ImageDraw.Draw(canvas)
    for box in clamped:
        draw.rectangle(
            (box.x, box.y, box.x + box.width - 1, box.y + box.height - 1), fill=_black(canvas)
        )
    result = package(canvas, target)
    return RedactedImage(result.data, result.mime, result.extension, clamped)


def clamp(box: Box, width: int, height: int) -> Box:
    """The part of a box inside a width × height image; BadInput if nothing is."""
    if box.width <= 0 or box.height <= 0:
        raise BadInput(what=f"the redaction box at ({box.x}, {box.y}) is empty")
    left, top = max(box.x, 0), max(box.y, 0)
    right, bottom = min(box.x + box.width, width), min(box.y + box.height, height)
    if right <= left or bottom <= top:
        raise BadInput(
            what=f"the redaction box at ({box.x}, {box.y}) lies outside the "
            f"{width} × {height} image"
        )
    return Box(left, top, right - left, bottom - top)


def _black(image: Image.Image) -> int | tuple[int, ...]:
    bands = len(image.getbands())
    if image.mode in ("RGBA", "LA"):
        return (0,) * (bands - 1) + (255,)
    return 0 if bands == 1 else (0,) * bands
