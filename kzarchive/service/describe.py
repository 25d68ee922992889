"""What intake learns from a stored content: type, kind, metadata, and what its pixels give.

A photo is decoded once, at the smallest size that every reader of its pixels
can work with (``DECODE_SIDE``); each entry of ``PIXEL_READERS`` is then given the
same upright image and its result is kept under its key.  A new use of the pixels
at intake (a perceptual hash, say) is one more entry there, not one more decode.

Nothing here writes anywhere; a hostile or broken file never stops intake.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kzarchive.errors import KzError
from kzarchive.media.streams import Stream

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

# The decoded size: JPEG's decoder scales down by up to 8 while decoding, keeping at
# least this on the longer side and DECODE_SHORT_SIDE on the shorter.  It must serve
# every reader below: the thumbnail's 320 pixels, a perceptual hash's 256 x 256.
DECODE_SIDE = 320
DECODE_SHORT_SIDE = 256

PixelReader = Callable[["Image.Image"], Any]


def _thumbnail(image: Image.Image) -> bytes:
    from kzarchive.media.thumbnails import thumbnail_of

    return thumbnail_of(image)


def _fingerprint(image: Image.Image) -> Any:
    from kzarchive.service.similar import fingerprint_image

    return fingerprint_image(image)


# (key in the description, function of the decoded upright image).  A reader that
# fails leaves None under its key; the others still run.
PIXEL_READERS: list[tuple[str, PixelReader]] = [
    ("thumbnail", _thumbnail),
    ("fingerprint", _fingerprint),
]


def describe(reader: Stream, name: str) -> dict[str, Any]:
    """MIME type, kind, metadata, capture time, and each pixel reader's result."""
    from kzarchive.media import metadata as media_metadata
    from kzarchive.media import types

    head = reader.read(4096)
    reader.seek(0)
    mime, kind = types.sniff(head, name)
    described: dict[str, Any] = {"mime": mime, "kind": kind, "metadata": {},
                                 "captured_at": None}
    described.update((key, None) for key, _ in PIXEL_READERS)
    try:
        meta = media_metadata.read_metadata(reader, mime)
        described["metadata"] = meta.to_dict()
        described["captured_at"] = getattr(meta, "captured_at", None)
        reader.seek(0)
        image = _decode(reader, mime)
    except KzError:
        raise
    except Exception:  # a hostile or broken file must never stop intake
        described["metadata"] = {"note": "metadata could not be read"}
        return described
    _read_credentials(reader, mime, described["metadata"])
    if image is not None:
        for key, pixel_reader in PIXEL_READERS:
            try:
                described[key] = pixel_reader(image)
            except KzError:
                raise
            except Exception as exc:  # the pixels were fine for the others
                log.warning("Reading the pixels at intake failed (%s)", type(exc).__name__)
    return described


def _read_credentials(reader: Stream, mime: str, metadata: dict[str, Any]) -> None:
    """Content Credentials (C2PA), this vault's own reading, kept in the metadata."""
    from kzarchive.service import provenance

    try:
        record = provenance.read_record(reader, mime)
    except KzError:
        raise
    except Exception as exc:  # a hostile manifest must never stop intake
        log.warning("Reading content credentials at intake failed (%s)", type(exc).__name__)
        return
    finally:
        reader.seek(0)
    if record is not None:
        metadata[provenance.OWN] = record


def _decode(reader: Stream, mime: str) -> Image.Image | None:
    from kzarchive.media.imaging import ImageUnavailable, decode_upright, pillow_format

    if not PIXEL_READERS or pillow_format(mime) is None:
        return None
    try:
        return decode_upright(reader, mime, draft_side=DECODE_SIDE,
                              draft_short_side=DECODE_SHORT_SIDE)
    except ImageUnavailable:
        return None
