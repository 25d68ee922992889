"""Make the small recordings the playback tests store in a vault and play back.

    .venv/bin/python tests/gui/media/make_media.py

Needs Debian's ``ffmpeg`` only to make the files (``apt-get install ffmpeg``); the
files are checked in, so the tests themselves do not need it.  Both are drawn from
ffmpeg's test sources (a moving colour pattern and a sine tone), carry no metadata
and are bit-exact for a given ffmpeg version.

- ``clip.mp4``: 2 s, 64 × 48, 10 frames per second, H.264 with a mono AAC track,
  a key frame every half second (so seeking lands near where it is asked to).
- ``tone.ogg``: 2 s of a 330 Hz tone, Vorbis, 8 kHz mono.
- ``tagged.mp4``: ``clip.mp4`` with a title and a location in its tags, the kind of
  thing a phone writes, to prove that playing it prints neither.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent

EXACT = ["-map_metadata", "-1", "-fflags", "+bitexact"]

COMMANDS = {
    "clip.mp4": [
        "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=2",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=2",
        "-c:v", "libx264", "-preset", "veryslow", "-crf", "40", "-pix_fmt", "yuv420p",
        "-g", "5", "-c:a", "aac", "-b:a", "8k", "-ac", "1", "-movflags", "+faststart",
        "-flags:v", "+bitexact", "-flags:a", "+bitexact", *EXACT,
    ],
    "tone.ogg": [
        "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=8000:duration=2",
        "-c:a", "libvorbis", "-q:a", "0", *EXACT,
    ],
}


TAGGED_TITLE = "Задержание у акимата"
TAGGED_LOCATION = "+43.2389+076.9456/"


def main() -> None:
    for name, arguments in COMMANDS.items():
        _ffmpeg(*arguments, str(HERE / name))
    _ffmpeg("-i", str(HERE / "clip.mp4"), "-c", "copy", "-metadata", f"title={TAGGED_TITLE}",
            "-metadata", f"location={TAGGED_LOCATION}", "-fflags", "+bitexact",
            str(HERE / "tagged.mp4"))
    for name in (*COMMANDS, "tagged.mp4"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes")


def _ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *arguments],
                   check=True)


if __name__ == "__main__":
    main()
