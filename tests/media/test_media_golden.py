"""Checked-in media samples still give the metadata records recorded for them.

The record is stored in vaults and hashed, so its shape and values are a
format: tests/media/make_golden_media.py wrote the samples and expected.json,
and any change here must be deliberate.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from kzarchive.media.metadata import read_metadata
from kzarchive.media.records import MediaMetadata
from kzarchive.media.types import sniff
from kzarchive.util.canonical import canonical_json

GOLDEN = Path(__file__).parent / "golden"
EXPECTED: dict[str, Any] = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_golden_sample_gives_its_recorded_metadata(name: str) -> None:
    data = (GOLDEN / name).read_bytes()
    mime = EXPECTED[name]["mime"]
    assert sniff(data[:512], name)[0] == mime
    meta = read_metadata(io.BytesIO(data), mime)
    assert meta.to_dict() == EXPECTED[name]["metadata"]
    assert MediaMetadata.from_dict(EXPECTED[name]["metadata"]) == meta
    canonical_json(meta.to_dict())


def test_golden_values_match_hand_computation() -> None:
    photo = EXPECTED["photo.jpg"]["metadata"]
    # 43° 14' 20.16" N, 76° 53' 22.55" E, 812.4 m, written as EXIF rationals.
    assert photo["gps"]["latitude"] == "43.238933"
    assert photo["gps"]["longitude"] == "76.889597"
    assert photo["gps"]["altitude"] == "812.4"
    assert EXPECTED["photo.heic"]["metadata"]["gps"] == photo["gps"]
    assert EXPECTED["voice.mp3"]["metadata"]["duration_ms"] == 1000 * 1152 * 1000 // 44100
    assert EXPECTED["voice.wav"]["metadata"]["duration_ms"] == 4000 * 1000 // 8000
    assert EXPECTED["android.mp4"]["metadata"]["duration_ms"] == round(9001 * 1000 / 600)
