"""Write the golden media samples under tests/media/golden/ and their expected metadata.

Run from the repository root:  .venv/bin/python tests/media/make_golden_media.py

The samples are small files in each format the parsers read, built from the
format specifications (media_builders) or by Pillow and the standard library.
expected.json records what ``read_metadata`` must return for each: the shape and
values of this stored record are a format, so a change to them must be
deliberate.  Regenerate only when a change is intended, and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script: the repository root

from PIL import Image, TiffImagePlugin  # noqa: E402

from tests.media import media_builders as mb  # noqa: E402
from tests.media.media_helpers import gradient  # noqa: E402

CREATED = dt.datetime(2024, 3, 5, 9, 22, 1, tzinfo=dt.UTC)
GOLDEN = HERE / "golden"


def photo_exif() -> Image.Exif:
    exif = Image.Exif()
    rational = TiffImagePlugin.IFDRational
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 12"
    exif[0x0112] = 6
    exif[0x8769] = {0x9003: "2024:03:05 14:22:01", 0x9011: "+05:00"}
    exif[0x8825] = {
        1: "N",
        2: (rational(43, 1), rational(14, 1), rational(2016, 100)),
        3: "E",
        4: (rational(76, 1), rational(53, 1), rational(2255, 100)),
        5: b"\x00",
        6: rational(8124, 10),
    }
    return exif


def samples() -> dict[str, tuple[bytes, str]]:
    jpeg = io.BytesIO()
    gradient(48, 32).save(jpeg, "JPEG", quality=75, exif=photo_exif().tobytes())
    recording = io.BytesIO()
    with wave.open(recording, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(b"\x00" * 2 * 4000)
    tiff = photo_exif().tobytes().removeprefix(b"Exif\x00\x00")
    return {
        "photo.jpg": (jpeg.getvalue(), "image/jpeg"),
        "photo.heic": (mb.heic_with_exif(tiff), "image/heic"),
        "android.mp4": (
            mb.mp4(
                created=CREATED,
                timescale=600,
                duration=9001,
                tracks=mb.trak(b"vide", 1920, 1080, rotation=mb.ROTATE_90),
                extra=mb.box(b"udta", mb.quicktime_text(b"\xa9xyz", "+43.2389+076.8897/")),
            ),
            "video/mp4",
        ),
        "iphone.mov": (
            mb.mp4(
                created=CREATED,
                duration=83250,
                mvhd_version=1,
                brand=b"qt  ",
                extra=mb.apple_keys(
                    {
                        "com.apple.quicktime.location.ISO6709": "-33.8688+151.2093+012.500/",
                        "com.apple.quicktime.make": "Apple",
                        "com.apple.quicktime.model": "iPhone 15",
                        "com.apple.quicktime.creationdate": "2024-03-05T14:22:01+0500",
                    }
                ),
            ),
            "video/quicktime",
        ),
        "clip.mkv": (
            mb.matroska(duration=12345.0, created=CREATED, size=(1280, 720)),
            "video/x-matroska",
        ),
        "clip.avi": (mb.avi(40000, 250, 720, 576), "video/x-msvideo"),
        "voice.wav": (recording.getvalue(), "audio/wav"),
        "voice.flac": (mb.flac(44100, 44100 * 7 + 22050), "audio/flac"),
        "voice.mp3": (mb.xing_frame(1000) + mb.mp3_frame() * 2, "audio/mpeg"),
        "voice.opus": (mb.opus_file(3), "audio/opus"),
        "voice.ogg": (mb.vorbis_file(44100, 44100 * 5), "audio/ogg"),
    }


def main() -> None:
    from kzarchive.media.metadata import read_metadata

    GOLDEN.mkdir(exist_ok=True)
    expected = {}
    for name, (data, mime) in samples().items():
        (GOLDEN / name).write_bytes(data)
        expected[name] = {"mime": mime, "metadata": read_metadata(io.BytesIO(data), mime).to_dict()}
    text = json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (GOLDEN / "expected.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
