"""Redaction: solid boxes where the person sees them, and no way back to what was under them."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from kzarchive.errors import BadInput
from kzarchive.media.redact import Box, RedactedImage, redact_image
from tests.media.media_helpers import (
    encoded,
    exiftool_path,
    exiftool_write,
    gradient,
    jpeg,
    leftover_metadata,
    mean_difference,
    quadrants,
)


def redact(data: bytes, mime: str, *boxes: Box) -> RedactedImage:
    return redact_image(io.BytesIO(data), mime, boxes)


def pixels_in(image: Image.Image, box: Box) -> list[tuple[int, ...]]:
    rgb = image.convert("RGB")
    values = []
    for y in range(box.y, box.y + box.height):
        for x in range(box.x, box.x + box.width):
            value = rgb.getpixel((x, y))
            assert isinstance(value, tuple)
            values.append(value)
    return values


def test_png_boxes_are_exactly_black_and_everything_else_is_exactly_kept() -> None:
    source = gradient(60, 40, "RGBA")
    face = Box(10, 5, 20, 15)
    result = redact(encoded(source, "PNG"), "image/png", face)
    assert (result.mime, result.extension, result.boxes) == ("image/png", "png", (face,))
    out = Image.open(io.BytesIO(result.data))
    assert out.mode == "RGBA"
    for y in range(40):
        for x in range(60):
            inside = face.x <= x < face.x + face.width and face.y <= y < face.y + face.height
            expected = (0, 0, 0, 255) if inside else source.getpixel((x, y))
            assert out.getpixel((x, y)) == expected


def test_jpeg_boxes_are_solid_and_the_rest_stays_close() -> None:
    source = gradient(160, 120)
    boxes = (Box(16, 16, 48, 32), Box(100, 60, 40, 40))
    result = redact(encoded(source, "JPEG", quality=95), "image/jpeg", *boxes)
    assert result.mime == "image/jpeg"
    out = Image.open(io.BytesIO(result.data))
    for box in boxes:
        values = pixels_in(out, box)
        assert max(max(value) for value in values) <= 24  # JPEG ringing at the very edges
        inner = Box(box.x + 2, box.y + 2, box.width - 4, box.height - 4)
        assert max(max(value) for value in pixels_in(out, inner)) <= 8
    # Away from the boxes (8 pixels: one JPEG block) the photo is as it was.
    expected, seen = source.copy(), out.convert("RGB")
    for box in boxes:
        grown = (box.x - 8, box.y - 8, box.x + box.width + 8, box.y + box.height + 8)
        expected.paste((0, 0, 0), grown)
        seen.paste((0, 0, 0), grown)
    assert mean_difference(seen, expected) < 2.0


def test_what_was_under_a_box_cannot_influence_the_output() -> None:
    # Two photos that differ only inside the box give byte-identical redactions.
    # (The JPEG sources use 4:4:4 and an 8-pixel-aligned box, so that their own
    # compression blocks do not carry the difference outside the box.)
    box = Box(8, 8, 32, 24)
    first, second = quadrants(64, 48), quadrants(64, 48)
    second.paste((12, 250, 99), (10, 10, 38, 30))
    for fmt, mime in (("PNG", "image/png"), ("JPEG", "image/jpeg")):
        options = {"quality": 95, "subsampling": 0} if fmt == "JPEG" else {}
        one = redact(encoded(first, fmt, **options), mime, box).data
        two = redact(encoded(second, fmt, **options), mime, box).data
        assert one == two


def test_boxes_are_in_the_coordinates_of_the_upright_image() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape 80x40, shown portrait 40x80
    data = encoded(gradient(80, 40), "JPEG", quality=95, exif=exif.tobytes())
    box = Box(0, 56, 40, 24)  # the bottom of the portrait picture
    out = Image.open(io.BytesIO(redact(data, "image/jpeg", box).data))
    assert out.size == (40, 80)
    assert max(max(value) for value in pixels_in(out, Box(2, 58, 36, 20))) <= 4
    top = pixels_in(out, Box(0, 0, 40, 40))
    assert sum(sum(value) for value in top) / len(top) > 100


@pytest.mark.interop
def test_the_embedded_preview_of_the_original_does_not_survive(exiftool: None) -> None:
    preview = exiftool_path(jpeg(32, 24), "preview.jpg")
    data = exiftool_write(
        jpeg(64, 48),
        f"-ThumbnailImage<={preview}",
        "-GPSLatitude=43.2",
        "-GPSLatitudeRef=N",
        "-Comment=Jane Witness",
        "-XMP-dc:Creator=Jane Witness",
    )
    stream = io.BytesIO(data)
    before = hashlib.sha256(data).hexdigest()
    result = redact_image(stream, "image/jpeg", [Box(0, 0, 64, 48)])
    assert leftover_metadata(result.data) == {}
    assert b"Jane" not in result.data
    assert hashlib.sha256(stream.getvalue()).hexdigest() == before
    assert not stream.closed


def test_boxes_are_clamped_to_the_image() -> None:
    result = redact(jpeg(50, 30), "image/jpeg", Box(-10, -5, 20, 15), Box(40, 20, 100, 100))
    assert result.boxes == (Box(0, 0, 10, 10), Box(40, 20, 10, 10))


@pytest.mark.parametrize(
    ("box", "message"),
    [
        (Box(5, 5, 0, 10), "empty"),
        (Box(5, 5, 10, -1), "empty"),
        (Box(50, 0, 10, 10), "outside"),
        (Box(0, 30, 10, 10), "outside"),
        (Box(-20, 0, 20, 10), "outside"),
    ],
)
def test_empty_or_out_of_range_boxes_are_refused(box: Box, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        redact(jpeg(50, 30), "image/jpeg", box)


def test_a_redaction_needs_a_box_and_an_image_kzarchive_can_decode() -> None:
    with pytest.raises(BadInput, match="at least one box"):
        redact(jpeg(), "image/jpeg")
    with pytest.raises(BadInput, match="cannot be sanitized"):
        redact(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32, "image/heic", Box(0, 0, 1, 1))


def test_box_records_round_trip_and_refuse_fractions() -> None:
    box = Box(1, 2, 3, 4)
    assert Box.from_dict(box.to_dict()) == box
    for bad in (
        {"x": 1, "y": 2, "width": 3},
        {"x": 1.5, "y": 2, "width": 3, "height": 4},
        {"x": True, "y": 2, "width": 3, "height": 4},
        [1, 2, 3, 4],
    ):
        with pytest.raises(BadInput):
            Box.from_dict(bad)
