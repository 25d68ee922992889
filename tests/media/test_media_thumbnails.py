"""Thumbnails: small, upright, JPEG, and carrying nothing but pixels."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageOps

from kzarchive.errors import BadInput
from kzarchive.media.thumbnails import make_thumbnail
from tests.media.media_helpers import (
    encoded,
    exiftool_write,
    gradient,
    jpeg,
    leftover_metadata,
    quadrants,
)


def thumb(data: bytes, mime: str, max_side: int = 320) -> Image.Image:
    made = make_thumbnail(io.BytesIO(data), mime, max_side)
    assert made is not None
    image = Image.open(io.BytesIO(made))
    assert image.format == "JPEG"
    return image


def test_longer_side_is_bounded_and_the_aspect_kept() -> None:
    assert thumb(jpeg(1200, 800), "image/jpeg").size == (320, 213)
    assert thumb(jpeg(600, 900), "image/jpeg", 90).size == (60, 90)
    # Small images are not enlarged.
    assert thumb(jpeg(40, 30), "image/jpeg").size == (40, 30)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_thumbnails_are_upright(orientation: int) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encoded(quadrants(400, 200), "JPEG", quality=95, exif=exif.tobytes())
    made = thumb(data, "image/jpeg", 100)
    reference = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    reference.thumbnail((100, 100))
    assert made.size == reference.size == ((50, 100) if orientation >= 5 else (100, 50))
    # Same colour in each corner as the upright reference.
    for corner in (
        (5, 5),
        (made.width - 6, 5),
        (5, made.height - 6),
        (made.width - 6, made.height - 6),
    ):
        got, want = made.convert("RGB").getpixel(corner), reference.convert("RGB").getpixel(corner)
        assert isinstance(got, tuple) and isinstance(want, tuple)
        assert max(abs(g - w) for g, w in zip(got, want, strict=True)) < 40


def test_a_large_photo_is_scaled_while_decoding() -> None:
    # 4000 x 3000 decodes at 1/8 scale through JPEG draft mode; the result is right.
    data = encoded(gradient(400, 300).resize((4000, 3000)), "JPEG", quality=80)
    made = thumb(data, "image/jpeg")
    assert made.size == (320, 240)
    colour = made.convert("RGB").getpixel((310, 230))
    assert isinstance(colour, tuple) and colour[0] > 200 and colour[1] > 200


@pytest.mark.interop
def test_no_metadata_reaches_the_thumbnail(exiftool: None) -> None:
    data = exiftool_write(
        jpeg(200, 100),
        "-GPSLatitude=43.2",
        "-GPSLatitudeRef=N",
        "-Make=Apple",
        "-Comment=Jane Witness",
        "-XMP-dc:Creator=Jane Witness",
        "-IPTC:City=Almaty",
    )
    made = make_thumbnail(io.BytesIO(data), "image/jpeg", 64)
    assert made is not None
    assert leftover_metadata(made) == {}
    assert b"Jane" not in made and b"Almaty" not in made


def test_transparent_areas_are_shown_on_white() -> None:
    clear = Image.new("RGBA", (50, 50), (255, 0, 0, 0))
    clear.paste((0, 0, 255, 255), (0, 0, 25, 50))
    made = thumb(encoded(clear, "PNG"), "image/png").convert("RGB")
    right, left = made.getpixel((40, 25)), made.getpixel((10, 25))
    assert isinstance(right, tuple) and min(right) > 240
    assert isinstance(left, tuple) and left[2] > 200 and left[0] < 40


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("GIF", "image/gif"), ("WEBP", "image/webp"), ("TIFF", "image/tiff"), ("BMP", "image/bmp")],
)
def test_other_photo_formats(fmt: str, mime: str) -> None:
    assert thumb(encoded(gradient(64, 32), fmt), mime, 32).size == (32, 16)


def test_none_for_what_is_not_a_decodable_image() -> None:
    assert make_thumbnail(io.BytesIO(b"%PDF-1.7\n"), "application/pdf") is None
    assert (
        make_thumbnail(io.BytesIO(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32), "image/heic") is None
    )
    assert make_thumbnail(io.BytesIO(b"\xff\xd8\xff" + b"\x01" * 200), "image/jpeg") is None
    whole = jpeg(64, 48)
    assert make_thumbnail(io.BytesIO(whole[: len(whole) // 3]), "image/jpeg") is None


def test_the_source_stream_is_left_as_it_was() -> None:
    data = jpeg(64, 48)
    stream = io.BytesIO(data)
    make_thumbnail(stream, "image/jpeg")
    assert not stream.closed
    assert hashlib.sha256(stream.getvalue()).digest() == hashlib.sha256(data).digest()


def test_a_thumbnail_needs_a_size() -> None:
    with pytest.raises(BadInput):
        make_thumbnail(io.BytesIO(jpeg()), "image/jpeg", 0)


def test_sixteen_bit_grey_is_scaled_not_clipped() -> None:
    row = (0).to_bytes(2, "little") * 10 + (32768).to_bytes(2, "little") * 10
    deep = Image.frombytes("I;16", (20, 10), row * 10)
    made = thumb(encoded(deep, "PNG"), "image/png").convert("L")
    left, right = made.getpixel((2, 5)), made.getpixel((17, 5))
    assert isinstance(left, int) and isinstance(right, int)
    assert left < 10 and 110 < right < 145
