"""Sanitized copies keep the pixels, upright, and nothing else."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageOps, PngImagePlugin

from kzarchive.errors import BadInput
from kzarchive.media.sanitize import sanitize_image
from tests.media.media_helpers import (
    encoded,
    exiftool_path,
    exiftool_read,
    exiftool_write,
    gradient,
    jpeg,
    leftover_metadata,
    mean_difference,
    quadrants,
    srgb_icc,
)

SECRETS = (b"Jane Witness", b"Almaty", b"iPhone 12", b"SN-4471", b"Secret comment")


def everything_tagged(data: bytes) -> bytes:
    """The photo with every kind of metadata a phone, an editor or a newsroom adds."""
    thumbnail = exiftool_path(jpeg(16, 12), "thumb.jpg")
    return exiftool_write(
        data,
        "-GPSLatitude=43.238949",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=76.889709",
        "-GPSLongitudeRef=E",
        "-Make=Apple",
        "-Model=iPhone 12",
        "-SerialNumber=SN-4471",
        "-DateTimeOriginal=2024:03:05 14:22:01",
        "-Artist=Jane Witness",
        "-XMP-dc:Creator=Jane Witness",
        "-XMP-photoshop:City=Almaty",
        "-IPTC:By-line=Jane Witness",
        "-IPTC:City=Almaty",
        "-Comment=Secret comment",
        f"-ThumbnailImage<={thumbnail}",
    )


def hashed(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.interop
def test_nothing_but_pixels_survives_a_fully_tagged_jpeg(exiftool: None) -> None:
    image = gradient(64, 48)
    exif = image.getexif()
    exif[0x8769] = {0x927C: b"Apple iOS\x00\x00\x01MM maker note SN-4471"}
    original = everything_tagged(
        encoded(image, "JPEG", quality=95, exif=exif.tobytes(), icc_profile=srgb_icc())
    )
    groups = {key.split(":")[0] for key in exiftool_read(original)}
    # The test photo really carries all of it, so the check below means something.
    assert {"GPS", "IFD0", "ExifIFD", "XMP-dc", "IPTC", "ICC_Profile", "IFD1", "File"} <= groups
    assert "File:Comment" in exiftool_read(original)
    assert "IFD1:ThumbnailImage" in exiftool_read(original)
    assert all(secret in original for secret in SECRETS)
    leftover = leftover_metadata(original)
    assert "GPS:GPSLatitude" in leftover and "File:Comment" in leftover

    stream = io.BytesIO(original)
    result = sanitize_image(stream, "image/jpeg")

    assert (result.mime, result.extension, result.width, result.height) == (
        "image/jpeg",
        "jpg",
        64,
        48,
    )
    assert leftover_metadata(result.data) == {}
    assert not any(secret in result.data for secret in SECRETS)
    clean = Image.open(io.BytesIO(result.data))
    assert clean.format == "JPEG"
    assert set(clean.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
    assert mean_difference(clean, Image.open(io.BytesIO(original))) < 2.0
    # The caller's stream is open, untouched, and still readable from the start.
    assert not stream.closed
    assert hashed(stream.getvalue()) == hashed(original)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_pixels_are_turned_upright_for_every_orientation(orientation: int) -> None:
    source = quadrants(40, 24)
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encoded(source, "JPEG", quality=95, exif=exif.tobytes())
    result = sanitize_image(io.BytesIO(data), "image/jpeg")
    clean = Image.open(io.BytesIO(result.data))
    # Pillow's own exif_transpose is the reference for what a viewer shows.
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    assert clean.size == expected.size == (result.width, result.height)
    assert clean.size == ((24, 40) if orientation >= 5 else (40, 24))
    assert mean_difference(clean, expected) < 3.0
    assert Image.open(io.BytesIO(result.data)).getexif() == {}


def test_orientation_6_puts_the_bottom_left_corner_at_the_top_left() -> None:
    # quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right.
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    data = encoded(quadrants(40, 24), "JPEG", quality=95, exif=exif.tobytes())
    clean = Image.open(io.BytesIO(sanitize_image(io.BytesIO(data), "image/jpeg").data)).convert(
        "RGB"
    )
    top_left, top_right = clean.getpixel((3, 3)), clean.getpixel((20, 3))
    assert isinstance(top_left, tuple) and isinstance(top_right, tuple)
    assert top_left[2] > 180 and top_left[0] < 80  # blue
    assert top_right[0] > 180 and top_right[1] < 80  # red


def test_png_stays_png_exactly_with_its_transparency_and_without_its_chunks() -> None:
    image = gradient(20, 10, "RGBA")
    image.putpixel((0, 0), (1, 2, 3, 0))
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "Almaty")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Jane Witness</x:xmpmeta>")
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    data = encoded(image, "PNG", pnginfo=info, icc_profile=srgb_icc(), exif=exif.tobytes())
    assert b"Almaty" in data and b"iCCP" in data and b"eXIf" in data

    result = sanitize_image(io.BytesIO(data), "image/png")
    assert (result.mime, result.extension) == ("image/png", "png")
    assert b"Almaty" not in result.data and b"Jane" not in result.data
    for chunk in (b"iCCP", b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME", b"pHYs"):
        assert chunk not in result.data
    clean = Image.open(io.BytesIO(result.data))
    assert clean.mode == "RGBA"
    assert clean.tobytes() == image.tobytes()  # lossless: every pixel, alpha included


@pytest.mark.parametrize(
    ("fmt", "mime", "options", "expected"),
    [
        ("GIF", "image/gif", {}, "image/png"),
        ("TIFF", "image/tiff", {}, "image/png"),
        ("BMP", "image/bmp", {}, "image/png"),
        ("WEBP", "image/webp", {"lossless": True}, "image/png"),
        ("WEBP", "image/webp", {"quality": 90}, "image/jpeg"),
    ],
)
def test_other_formats_become_png_or_jpeg_as_documented(
    fmt: str, mime: str, options: dict[str, object], expected: str
) -> None:
    source = gradient(32, 16)
    result = sanitize_image(io.BytesIO(encoded(source, fmt, **options)), mime)
    assert result.mime == expected
    clean = Image.open(io.BytesIO(result.data))
    assert clean.format == ("PNG" if expected == "image/png" else "JPEG")
    assert clean.size == (32, 16)
    reference = Image.open(io.BytesIO(encoded(source, fmt, **options)))
    assert mean_difference(clean, reference.convert("RGB")) < 3.0


def test_palette_transparency_and_grey_and_16_bit_are_kept() -> None:
    palette = gradient(16, 16).convert("P")
    palette.info["transparency"] = 0
    result = sanitize_image(io.BytesIO(encoded(palette, "PNG", transparency=0)), "image/png")
    assert Image.open(io.BytesIO(result.data)).mode == "RGBA"
    grey = sanitize_image(io.BytesIO(encoded(gradient(16, 16, "L"), "JPEG")), "image/jpeg")
    assert Image.open(io.BytesIO(grey.data)).mode == "L"
    deep = Image.new("I;16", (8, 8))
    deep.putpixel((1, 1), 40000)
    result = sanitize_image(io.BytesIO(encoded(deep, "PNG")), "image/png")
    clean = Image.open(io.BytesIO(result.data))
    assert clean.getpixel((1, 1)) == 40000


def test_formats_that_cannot_be_decoded_are_a_clear_refusal() -> None:
    with pytest.raises(BadInput, match="cannot be sanitized") as refused:
        sanitize_image(io.BytesIO(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64), "image/heic")
    assert refused.value.hint
    with pytest.raises(BadInput, match="cannot be sanitized"):
        sanitize_image(io.BytesIO(b"%PDF-1.7"), "application/pdf")


def test_damaged_and_truncated_images_are_a_clear_refusal() -> None:
    data = jpeg(64, 48)
    with pytest.raises(BadInput, match="damaged"):
        sanitize_image(io.BytesIO(b"\xff\xd8\xff" + b"\x00" * 100), "image/jpeg")
    with pytest.raises(BadInput, match="damaged"):
        sanitize_image(io.BytesIO(data[: len(data) // 2]), "image/jpeg")
    with pytest.raises(BadInput, match="damaged"):
        sanitize_image(io.BytesIO(encoded(gradient(8, 8), "PNG")), "image/jpeg")


def test_a_turned_tiff_is_turned_once() -> None:
    # Pillow's TIFF decoder applies the orientation itself; it must not happen twice.
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded(quadrants(40, 24), "TIFF", exif=exif)
    result = sanitize_image(io.BytesIO(data), "image/tiff")
    clean = Image.open(io.BytesIO(result.data)).convert("RGB")
    assert clean.size == (24, 40)
    top_left = clean.getpixel((3, 3))
    assert isinstance(top_left, tuple) and top_left[2] > 180 and top_left[0] < 80  # blue
