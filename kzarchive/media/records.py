"""The metadata kzarchive keeps about a photo, video or recording.

The vault hashes these records as canonical JSON, which has no floats: GPS
coordinates are decimal strings ("43.238949"), durations integer milliseconds,
times ISO 8601 strings.  ``to_dict`` and ``from_dict`` are exact inverses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from typing import Any

from kzarchive.errors import BadInput

COORDINATE_PLACES = 6  # about 0.1 m, finer than any phone's GPS fix
ALTITUDE_PLACES = 1

_DECIMAL = re.compile(r"-?\d+(\.\d+)?\Z")
_TEXT_LIMIT = 200


def decimal_text(value: Fraction, places: int) -> str:
    """A rational number as a fixed-point decimal string, rounded half to even."""
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        text = str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))
    # "-0.000000" would make equal positions compare unequal as text.
    return text.lstrip("-") if Decimal(text) == 0 else text


def clean_text(raw: object) -> str | None:
    """A short, printable string from a metadata field, or None if there is none."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    if not isinstance(raw, str):
        return None
    printable = "".join(ch for ch in raw if ch.isprintable()).strip()
    return printable[:_TEXT_LIMIT] or None


@dataclass(frozen=True)
class GpsPosition:
    """Where a device says it was: WGS 84 degrees and metres, as decimal strings.

    ``time`` is the GPS fix time in UTC ("YYYY-MM-DDTHH:MM:SSZ") when recorded.
    """

    latitude: str
    longitude: str
    altitude: str | None = None
    time: str | None = None

    @classmethod
    def from_degrees(
        cls,
        latitude: Fraction,
        longitude: Fraction,
        altitude: Fraction | None = None,
        time: str | None = None,
    ) -> GpsPosition:
        """A position from exact degrees; ValueError if it is not on Earth."""
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValueError("coordinates out of range")
        return cls(
            latitude=decimal_text(latitude, COORDINATE_PLACES),
            longitude=decimal_text(longitude, COORDINATE_PLACES),
            altitude=None if altitude is None else decimal_text(altitude, ALTITUDE_PLACES),
            time=time,
        )

    def to_dict(self) -> dict[str, str | None]:
        return {
            "latitude": self.latitude,
            "longitude": self.longitude,
            "altitude": self.altitude,
            "time": self.time,
        }

    @classmethod
    def from_dict(cls, data: Any) -> GpsPosition:
        if not isinstance(data, dict) or set(data) != {"latitude", "longitude", "altitude", "time"}:
            raise _malformed("gps")
        for name in ("latitude", "longitude", "altitude"):
            value = data[name]
            if value is None and name == "altitude":
                continue
            if not isinstance(value, str) or not _DECIMAL.match(value):
                raise _malformed(f"gps {name}")
        if data["time"] is not None and not isinstance(data["time"], str):
            raise _malformed("gps time")
        return cls(data["latitude"], data["longitude"], data["altitude"], data["time"])


@dataclass
class MediaMetadata:
    """What could be read from a file's own metadata at intake.

    ``captured_at`` is ISO 8601: with its UTC offset when the file records one
    ("2024-03-05T14:22:01+05:00"), "Z" for formats that store UTC, and no zone
    at all when only the device's local clock is known.  ``captured_source``
    names the field it came from (e.g. "exif:DateTimeOriginal").  ``width`` and
    ``height`` are as stored; ``display_width``/``display_height`` after the
    ``orientation`` (EXIF 1–8; video rotation is given in the same numbers) is
    applied.  ``note`` says, in plain words, what could not be read.
    """

    captured_at: str | None = None
    captured_source: str | None = None
    gps: GpsPosition | None = None
    make: str | None = None
    model: str | None = None
    software: str | None = None
    orientation: int | None = None
    width: int | None = None
    height: int | None = None
    display_width: int | None = None
    display_height: int | None = None
    duration_ms: int | None = None
    note: str = field(default="")

    def add_note(self, text: str) -> None:
        """Append a sentence to ``note``, once."""
        parts = [part for part in self.note.split("; ") if part]
        if text not in parts:
            parts.append(text)
        self.note = "; ".join(parts)

    def set_size(self, width: int, height: int, orientation: int | None) -> None:
        """Stored size and, from the orientation, the size as displayed."""
        self.width, self.height = width, height
        turned = orientation is not None and orientation >= 5
        self.display_width, self.display_height = (height, width) if turned else (width, height)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["gps"] = None if self.gps is None else self.gps.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> MediaMetadata:
        names = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or set(data) != names:
            raise _malformed("fields")
        result = cls(gps=None if data["gps"] is None else GpsPosition.from_dict(data["gps"]))
        for name in names - {"gps"}:
            value = data[name]
            wanted: type = str if name in _TEXT_FIELDS else int
            if name == "note":
                if not isinstance(value, str):
                    raise _malformed(name)
            elif value is not None and (type(value) is not wanted):
                raise _malformed(name)
            setattr(result, name, value)
        return result


_TEXT_FIELDS = {"captured_at", "captured_source", "make", "model", "software", "note"}


def _malformed(what: str) -> BadInput:
    return BadInput(
        f"The stored media metadata is malformed ({what}).",
        hint="The record was not written by this version of kzarchive; update kzarchive.",
    )
