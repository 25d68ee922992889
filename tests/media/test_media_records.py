"""Metadata records: exact JSON round trips, no floats, strict on the way back in."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kzarchive.errors import BadInput
from kzarchive.media.records import GpsPosition, MediaMetadata, decimal_text
from kzarchive.util.canonical import canonical_json


def full_record() -> MediaMetadata:
    meta = MediaMetadata(
        captured_at="2024-03-05T14:22:01+05:00",
        captured_source="exif:DateTimeOriginal",
        gps=GpsPosition("43.238949", "-76.889709", "812.4", "2024-03-05T09:22:00Z"),
        make="Apple",
        model="iPhone 12",
        software="17.3.1",
        orientation=6,
        duration_ms=None,
    )
    meta.set_size(4032, 3024, 6)
    meta.add_note("the GPS position is incomplete or damaged")
    return meta


def test_round_trip_is_exact_and_canonical_json_accepts_it() -> None:
    meta = full_record()
    data = meta.to_dict()
    assert MediaMetadata.from_dict(data) == meta
    encoded = canonical_json(data)  # raises on any float
    assert b'"latitude":"43.238949"' in encoded
    assert (meta.display_width, meta.display_height) == (3024, 4032)


def test_empty_record_round_trips() -> None:
    assert MediaMetadata.from_dict(MediaMetadata().to_dict()) == MediaMetadata()


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("note"),
        lambda d: d.update(extra=1),
        lambda d: d.update(duration_ms=1.5),
        lambda d: d.update(duration_ms=True),
        lambda d: d.update(width="4032"),
        lambda d: d.update(make=7),
        lambda d: d.update(note=None),
        lambda d: d.update(
            gps={"latitude": 43.2, "longitude": "1", "altitude": None, "time": None}
        ),
        lambda d: d.update(gps={"latitude": "43.2"}),
        lambda d: d.update(
            gps={"latitude": "N43", "longitude": "1", "altitude": None, "time": None}
        ),
    ],
)
def test_malformed_records_are_refused(damage: object) -> None:
    data = full_record().to_dict()
    damage(data)  # type: ignore[operator]
    with pytest.raises(BadInput, match="malformed"):
        MediaMetadata.from_dict(data)
    with pytest.raises(BadInput):
        MediaMetadata.from_dict(["not", "a", "dict"])


def test_decimal_text_rounds_half_even_and_never_writes_minus_zero() -> None:
    assert decimal_text(Fraction(43238949, 1000000), 6) == "43.238949"
    assert decimal_text(Fraction(1, 3), 6) == "0.333333"
    assert decimal_text(Fraction(5, 10**7), 6) == "0.000000"
    assert decimal_text(Fraction(15, 10**7), 6) == "0.000002"
    assert decimal_text(Fraction(-1, 10**9), 6) == "0.000000"
    assert decimal_text(Fraction(-812), 1) == "-812.0"


def test_positions_off_the_earth_are_refused() -> None:
    with pytest.raises(ValueError):
        GpsPosition.from_degrees(Fraction(91), Fraction(0))
    with pytest.raises(ValueError):
        GpsPosition.from_degrees(Fraction(0), Fraction(-181))
    south_west = GpsPosition.from_degrees(Fraction(-33_8688, 10_000), Fraction(-70_6693, 10_000))
    assert (south_west.latitude, south_west.longitude) == ("-33.868800", "-70.669300")


def test_notes_accumulate_once_each() -> None:
    meta = MediaMetadata()
    meta.add_note("a")
    meta.add_note("b")
    meta.add_note("a")
    assert meta.note == "a; b"
