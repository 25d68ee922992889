"""Audio and video containers, and HEIF photos: one dispatcher, one promise.

Each parser seeks to what it needs and reads a bounded amount, however large
the file.  A damaged, truncated or hostile file gives whatever was readable
plus a note; only a failure of the stream itself (the vault's integrity
check) is raised.
"""

from __future__ import annotations

from collections.abc import Callable

from kzarchive.errors import KzError
from kzarchive.media.bmff import read_movie
from kzarchive.media.heif import read_heif
from kzarchive.media.matroska import read_matroska
from kzarchive.media.mp3 import read_mp3
from kzarchive.media.records import MediaMetadata
from kzarchive.media.riff import read_avi, read_wav
from kzarchive.media.streams import Stream
from kzarchive.media.types import normalise_mime
from kzarchive.media.xiph import read_flac, read_ogg

NOT_READ = "kzarchive does not read the duration of this format"

_PARSERS: dict[str, Callable[[Stream], MediaMetadata]] = {
    "video/mp4": read_movie,
    "video/quicktime": read_movie,
    "video/x-m4v": read_movie,
    "video/3gpp": read_movie,
    "video/3gpp2": read_movie,
    "audio/mp4": read_movie,
    "video/x-matroska": read_matroska,
    "video/webm": read_matroska,
    "audio/x-matroska": read_matroska,
    "audio/webm": read_matroska,
    "video/x-msvideo": read_avi,
    "audio/wav": read_wav,
    "audio/flac": read_flac,
    "audio/mpeg": read_mp3,
    "audio/ogg": read_ogg,
    "audio/opus": read_ogg,
    "video/ogg": read_ogg,
    "image/heic": read_heif,
    "image/heif": read_heif,
}


def read_container(stream: Stream, mime: str) -> MediaMetadata:
    """Duration, creation time and what else the container records."""
    parser = _PARSERS.get(normalise_mime(mime))
    if parser is None:
        return MediaMetadata(note=NOT_READ)
    try:
        return parser(stream)
    except KzError:
        raise
    except Exception:
        # Every parser turns the failures it foresees into notes; this is the
        # last guard that keeps a hostile file from ever stopping intake.
        return MediaMetadata(note="the file's structure could not be read")
