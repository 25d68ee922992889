"""Reading the evidence in EXIF: when, where, with what, which way up.

Works on Pillow's parsed ``Image.Exif``.  Every field is checked on its own;
a missing or nonsensical value is skipped with a note, never an exception, so
one damaged tag cannot hide the others.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from PIL import Image
from PIL.ExifTags import IFD

from kzarchive.media.records import GpsPosition, MediaMetadata, clean_text

_MAKE, _MODEL, _ORIENTATION, _SOFTWARE, _DATETIME = 0x010F, 0x0110, 0x0112, 0x0131, 0x0132
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_TIME, _OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9010, 0x9011, 0x9012
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4
_GPS_ALT_REF, _GPS_ALT, _GPS_TIME, _GPS_DATE = 5, 6, 7, 29

# Which time to trust, best first: (time tag, its offset tag, in which IFD, source name).
_TIME_SOURCES = (
    (_DATETIME_ORIGINAL, _OFFSET_ORIGINAL, "exif", "exif:DateTimeOriginal"),
    (_DATETIME_DIGITIZED, _OFFSET_DIGITIZED, "exif", "exif:DateTimeDigitized"),
    (_DATETIME, _OFFSET_TIME, "ifd0", "exif:DateTime"),
)

_EXIF_DATETIME = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_DATE = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})")
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})\Z")


def orientation_of(exif: Mapping[int, Any]) -> int | None:
    """The EXIF orientation (1–8), or None when absent or invalid."""
    value = exif.get(_ORIENTATION)
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, int) and 1 <= value <= 8:
        return value
    return None


def apply_exif(exif: Image.Exif, meta: MediaMetadata) -> None:
    """Fill ``meta`` with what the EXIF block holds; notes for what is unusable."""
    meta.make = clean_text(exif.get(_MAKE))
    meta.model = clean_text(exif.get(_MODEL))
    meta.software = clean_text(exif.get(_SOFTWARE))
    if exif.get(_ORIENTATION) is not None and orientation_of(exif) is None:
        meta.add_note("the orientation tag is invalid; the image is shown as stored")
    meta.orientation = orientation_of(exif)
    exif_ifd = _sub_ifd(exif, IFD.Exif, meta)
    _apply_time(exif, exif_ifd, meta)
    gps_ifd = _sub_ifd(exif, IFD.GPSInfo, meta)
    if gps_ifd:
        meta.gps = _gps_position(gps_ifd, meta)


def _sub_ifd(exif: Image.Exif, tag: int, meta: MediaMetadata) -> dict[int, Any]:
    try:
        return exif.get_ifd(tag)
    except Exception:
        # Pillow raises a variety of errors on damaged offsets; the rest of
        # the EXIF block is still worth having.
        meta.add_note("part of the EXIF data is damaged and was skipped")
        return {}


def _apply_time(ifd0: Mapping[int, Any], exif_ifd: Mapping[int, Any], meta: MediaMetadata) -> None:
    saw_invalid = False
    for time_tag, offset_tag, where, source in _TIME_SOURCES:
        directory = exif_ifd if where == "exif" else ifd0
        raw = clean_text(directory.get(time_tag))
        if raw is None:
            continue
        local = exif_datetime(raw)
        if local is None:
            saw_invalid = True
            continue
        offset = _offset(clean_text(exif_ifd.get(offset_tag)))
        meta.captured_at = local + (offset or "")
        meta.captured_source = source
        return
    if saw_invalid:
        meta.add_note("the capture time is not a valid date")


def exif_datetime(raw: str) -> str | None:
    """ "YYYY:MM:DD HH:MM:SS" as ISO 8601 without a zone, or None if not a real time."""
    match = _EXIF_DATETIME.match(raw)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    if not _is_real_time(year, month, day, hour, minute, second):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"


def _is_real_time(year: int, month: int, day: int, hour: int, minute: int, second: int) -> bool:
    if not (1 <= year <= 9999 and 1 <= month <= 12 and hour <= 23 and minute <= 59):
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1] and second <= 60


def _offset(raw: str | None) -> str | None:
    match = _OFFSET.match(raw or "")
    if not match or int(match.group(2)) > 14 or int(match.group(3)) > 59:
        return None
    return raw


def _gps_position(gps: Mapping[int, Any], meta: MediaMetadata) -> GpsPosition | None:
    latitude = _coordinate(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "N", "S")
    longitude = _coordinate(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "E", "W")
    if latitude is None or longitude is None:
        if gps.get(_GPS_LAT) is not None or gps.get(_GPS_LON) is not None:
            meta.add_note("the GPS position is incomplete or damaged")
        return None
    altitude = _rational(gps.get(_GPS_ALT))
    if altitude is not None and _ref_byte(gps.get(_GPS_ALT_REF)) == 1:
        altitude = -altitude
    try:
        return GpsPosition.from_degrees(latitude, longitude, altitude, _gps_time(gps))
    except ValueError:
        meta.add_note("the GPS position is outside the valid range")
        return None


def _coordinate(value: Any, ref: Any, positive: str, negative: str) -> Fraction | None:
    parts = value if isinstance(value, tuple) else (value,)
    if not 1 <= len(parts) <= 3:
        return None
    numbers = [_rational(part) for part in parts]
    if any(number is None or number < 0 for number in numbers):
        return None
    degrees = sum(
        (number / 60**index for index, number in enumerate(numbers) if number is not None),
        Fraction(0),
    )
    hemisphere = clean_text(ref)
    if hemisphere not in (positive, negative):
        return None
    return -degrees if hemisphere == negative else degrees


def _rational(value: Any) -> Fraction | None:
    numerator = getattr(value, "numerator", None)
    denominator = getattr(value, "denominator", None)
    if isinstance(numerator, int) and isinstance(denominator, int) and denominator != 0:
        return Fraction(numerator, denominator)
    return None


def _ref_byte(value: Any) -> int | None:
    if isinstance(value, bytes) and value:
        return value[0]
    if isinstance(value, int):
        return value
    return None


def _gps_time(gps: Mapping[int, Any]) -> str | None:
    date = _EXIF_DATE.match(clean_text(gps.get(_GPS_DATE)) or "")
    stamp = gps.get(_GPS_TIME)
    if not date or not isinstance(stamp, tuple) or len(stamp) != 3:
        return None
    hms = [_rational(part) for part in stamp]
    if any(part is None for part in hms):
        return None
    hour, minute, second = (int(part) for part in hms if part is not None)
    year, month, day = (int(part) for part in date.groups())
    if not _is_real_time(year, month, day, hour, minute, min(second, 59)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{min(second, 59):02d}Z"
