"""Photo metadata written by the real exiftool, read back by kzarchive."""

from __future__ import annotations

import io

import pytest
from PIL import Image, TiffImagePlugin

from kzarchive.media.metadata import read_metadata
from kzarchive.media.records import MediaMetadata
from tests.media import media_builders as mb
from tests.media.media_helpers import encoded, exiftool_read, exiftool_write, gradient, jpeg

pytestmark = pytest.mark.interop

ALMATY = (
    "-GPSLatitude=43.238949",
    "-GPSLatitudeRef=N",
    "-GPSLongitude=76.889709",
    "-GPSLongitudeRef=E",
    "-GPSAltitude=812.44",
    "-GPSAltitudeRef=0",
    "-GPSDateStamp=2024:03:05",
    "-GPSTimeStamp=09:22:00",
)
CAMERA = ("-Make=Apple", "-Model=iPhone 12", "-Software=17.3.1")
TAKEN = ("-DateTimeOriginal=2024:03:05 14:22:01", "-OffsetTimeOriginal=+05:00")


def read(data: bytes, mime: str) -> MediaMetadata:
    return read_metadata(io.BytesIO(data), mime)


def test_jpeg_time_place_camera_and_orientation(exiftool: None) -> None:
    data = exiftool_write(jpeg(64, 48), *ALMATY, *CAMERA, *TAKEN, "-Orientation#=6")
    meta = read(data, "image/jpeg")
    assert meta.captured_at == "2024-03-05T14:22:01+05:00"
    assert meta.captured_source == "exif:DateTimeOriginal"
    assert meta.gps is not None
    assert meta.gps.to_dict() == {
        "latitude": "43.238949",
        "longitude": "76.889709",
        "altitude": "812.4",
        "time": "2024-03-05T09:22:00Z",
    }
    assert (meta.make, meta.model, meta.software) == ("Apple", "iPhone 12", "17.3.1")
    assert meta.orientation == 6
    assert (meta.width, meta.height, meta.display_width, meta.display_height) == (64, 48, 48, 64)
    assert meta.note == ""


def test_southern_western_hemispheres_and_below_sea_level(exiftool: None) -> None:
    data = exiftool_write(
        jpeg(),
        "-GPSLatitude=31.5",
        "-GPSLatitudeRef=S",
        "-GPSLongitude=64.25",
        "-GPSLongitudeRef=W",
        "-GPSAltitude=28.5",
        "-GPSAltitudeRef#=1",
        "-DateTimeOriginal=2023:12:31 23:59:59",
    )
    meta = read(data, "image/jpeg")
    assert meta.gps is not None
    assert (meta.gps.latitude, meta.gps.longitude, meta.gps.altitude) == (
        "-31.500000",
        "-64.250000",
        "-28.5",
    )
    # No offset recorded: the device's local time, zone unknown, without a suffix.
    assert meta.captured_at == "2023-12-31T23:59:59"


def test_degrees_minutes_seconds_rationals_are_exact(exiftool: None) -> None:
    data = exiftool_write(
        jpeg(),
        "-GPSLatitude=50 27 1.2",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=30 31 24",
        "-GPSLongitudeRef=E",
    )
    meta = read(data, "image/jpeg")
    assert meta.gps is not None
    # 50 + 27/60 + 1.2/3600 = 50.450333...; 30 + 31/60 + 24/3600 = 30.523333...
    assert (meta.gps.latitude, meta.gps.longitude) == ("50.450333", "30.523333")
    assert exiftool_read(data, "-n")["Composite:GPSLatitude"] == pytest.approx(50.450333, abs=1e-6)


def test_time_falls_back_to_digitized_then_modified(exiftool: None) -> None:
    digitized = read(
        exiftool_write(jpeg(), "-CreateDate=2022:01:02 03:04:05", "-OffsetTimeDigitized=-03:00"),
        "image/jpeg",
    )
    assert (digitized.captured_at, digitized.captured_source) == (
        "2022-01-02T03:04:05-03:00",
        "exif:DateTimeDigitized",
    )
    modified = read(exiftool_write(jpeg(), "-ModifyDate=2021:06:07 08:09:10"), "image/jpeg")
    assert (modified.captured_at, modified.captured_source) == (
        "2021-06-07T08:09:10",
        "exif:DateTime",
    )


def test_a_placeholder_date_is_not_a_time() -> None:
    image = gradient(8, 8)
    exif = image.getexif()
    exif[0x8769] = {0x9003: "0000:00:00 00:00:00"}
    meta = read(encoded(image, "JPEG", exif=exif.tobytes()), "image/jpeg")
    assert meta.captured_at is None
    assert "not a valid date" in meta.note


@pytest.mark.parametrize(
    ("fmt", "mime"), [("PNG", "image/png"), ("WEBP", "image/webp"), ("TIFF", "image/tiff")]
)
def test_exif_in_png_webp_and_tiff(exiftool: None, fmt: str, mime: str) -> None:
    data = exiftool_write(
        encoded(gradient(30, 20), fmt), *ALMATY, *CAMERA, *TAKEN, "-Orientation#=8"
    )
    assert exiftool_read(data)["IFD0:Make"] == "Apple"  # exiftool put it where readers look
    meta = read(data, mime)
    assert meta.gps is not None and meta.gps.latitude == "43.238949"
    assert (meta.make, meta.captured_at) == ("Apple", "2024-03-05T14:22:01+05:00")
    assert (meta.orientation, meta.display_width, meta.display_height) == (8, 20, 30)


def test_gif_has_size_and_nothing_else() -> None:
    meta = read(encoded(gradient(30, 20), "GIF"), "image/gif")
    assert (meta.width, meta.height, meta.captured_at, meta.gps, meta.note) == (
        30,
        20,
        None,
        None,
        "",
    )


def test_heic_exif_is_read_although_its_pixels_are_not(exiftool: None) -> None:
    tagged = exiftool_write(jpeg(), *ALMATY, *CAMERA, *TAKEN)
    tiff = Image.open(io.BytesIO(tagged)).info["exif"].removeprefix(b"Exif\x00\x00")
    heic = mb.heic_with_exif(tiff)
    # The same file, through exiftool: the structure is a real HEIF item layout.
    assert exiftool_read(heic)["IFD0:Model"] == "iPhone 12"
    meta = read(heic, "image/heic")
    assert meta.note == "format not decoded; stored as an opaque original"
    assert (meta.model, meta.captured_at) == ("iPhone 12", "2024-03-05T14:22:01+05:00")
    assert meta.gps is not None and meta.gps.longitude == "76.889709"
    assert meta.width is None


def test_tiff_based_raw_gives_its_exif_but_no_pixels(exiftool: None) -> None:
    raw_like = exiftool_write(encoded(gradient(16, 16), "TIFF"), *CAMERA, *TAKEN)
    meta = read(raw_like, "image/x-adobe-dng")
    assert (meta.make, meta.captured_at) == ("Apple", "2024-03-05T14:22:01+05:00")
    assert meta.note == "format not decoded; stored as an opaque original"
    assert meta.width is None  # IFD0 of a RAW is often a preview; its size would mislead


def test_undecodable_formats_say_so() -> None:
    for mime in ("image/x-canon-cr3", "image/x-fuji-raf", "image/avif-not-known"):
        meta = read(b"\x00" * 64, mime)
        if mime.startswith("image/x-"):
            assert meta.note == "format not decoded; stored as an opaque original"


def test_damaged_gps_fields_are_skipped_with_a_note() -> None:
    image = gradient(8, 8)
    exif = image.getexif()
    exif[0x010F] = "Maker"
    rational = TiffImagePlugin.IFDRational
    exif[0x8825] = {
        1: "N",
        2: (rational(43, 1), rational(14, 0), rational(20, 1)),
        3: "E",
        4: (rational(76, 1),),
    }
    meta = read(encoded(image, "JPEG", exif=exif.tobytes()), "image/jpeg")
    assert meta.make == "Maker"
    assert meta.gps is None
    assert "GPS position is incomplete or damaged" in meta.note


def test_a_missing_hemisphere_is_not_guessed() -> None:
    image = gradient(8, 8)
    exif = image.getexif()
    rational = TiffImagePlugin.IFDRational
    exif[0x8825] = {
        2: (rational(43, 1), rational(0, 1), rational(0, 1)),
        3: "E",
        4: (rational(76, 1),),
    }
    meta = read(encoded(image, "JPEG", exif=exif.tobytes()), "image/jpeg")
    assert meta.gps is None and "incomplete" in meta.note


def test_an_invalid_orientation_is_ignored_with_a_note() -> None:
    image = gradient(8, 4)
    exif = image.getexif()
    exif[0x0112] = 9
    meta = read(encoded(image, "JPEG", exif=exif.tobytes()), "image/jpeg")
    assert meta.orientation is None and (meta.display_width, meta.display_height) == (8, 4)
    assert "orientation" in meta.note
