"""Reading a file's own metadata at intake: one entry point for every kind.

Intake must never fail because of what is inside a file: a damaged, hostile or
unknown file gives a ``MediaMetadata`` whose ``note`` says what could not be
read.  Only a failure of the stream itself (an ``IntegrityError`` from the
vault, say) is raised, because that is not the file's fault but the vault's.
"""

from __future__ import annotations

from kzarchive.errors import KzError
from kzarchive.media.containers import read_container
from kzarchive.media.exif import apply_exif
from kzarchive.media.imaging import (
    NOT_DECODED,
    ImageUnavailable,
    open_image,
    pillow_format,
    stored_size,
)
from kzarchive.media.records import GpsPosition, MediaMetadata
from kzarchive.media.streams import Stream
from kzarchive.media.types import kind_of, normalise_mime

__all__ = ["GpsPosition", "MediaMetadata", "read_metadata"]

# Camera RAW formats built on TIFF: Pillow's TIFF reader finds their EXIF even
# though it cannot develop their sensor data.
_TIFF_RAW = {
    "image/x-adobe-dng",
    "image/x-canon-cr2",
    "image/x-nikon-nef",
    "image/x-sony-arw",
    "image/x-pentax-pef",
    "image/x-samsung-srw",
}


def read_metadata(stream: Stream, mime: str) -> MediaMetadata:
    """Capture time, place, device, orientation, size and duration, as far as known."""
    mime = normalise_mime(mime)
    kind = kind_of(mime)
    if kind in ("video", "audio") or mime in ("image/heic", "image/heif"):
        return read_container(stream, mime)
    if kind != "photo":
        return MediaMetadata()
    if pillow_format(mime) is not None:
        return _read_image(stream, mime, with_size=True)
    if mime in _TIFF_RAW:
        meta = _read_image(stream, "image/tiff", with_size=False)
        meta.add_note(NOT_DECODED)
        return meta
    return MediaMetadata(note=NOT_DECODED)


def _read_image(stream: Stream, mime: str, with_size: bool) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        with open_image(stream, mime) as image:
            width, height = stored_size(image)
            if with_size:
                # Known before EXIF, so a broken EXIF block does not hide it.
                meta.set_size(width, height, None)
            apply_exif(image.getexif(), meta)
            if with_size:
                meta.set_size(width, height, meta.orientation)
    except KzError:
        raise
    except ImageUnavailable as error:
        if with_size:  # for RAW, "not decoded" is the one thing to say
            meta.add_note(error.reason)
    except Exception:
        # The header opened but its metadata is hostile or broken; what was
        # gathered so far is kept.
        meta.add_note("the metadata is damaged and could not be read completely")
    return meta
