"""The EXIF block inside HEIF/HEIC photos (iPhone's default format).

kzarchive cannot decode HEIC pixels, but the capture time, place and camera of
such a photo are evidence all the same.  They sit in an item of type ``Exif``:
``meta/iinf`` names the items, ``meta/iloc`` says where their bytes are.
"""

from __future__ import annotations

from PIL import Image

from kzarchive.errors import KzError
from kzarchive.media.bmff import BoxHeader, iter_boxes, read_payload
from kzarchive.media.exif import apply_exif
from kzarchive.media.imaging import NOT_DECODED
from kzarchive.media.records import MediaMetadata
from kzarchive.media.streams import (
    MALFORMED,
    Budget,
    ParseError,
    Stream,
    read_exact,
    stream_size,
)

MAX_BOXES = 20_000
MAX_EXIF = 1024 * 1024  # EXIF is limited to 64 KiB in JPEG; HEIF has no such limit
_INDEX_LIMIT = 1024 * 1024  # item tables of photo bursts and tiled grids stay far below


def read_heif(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    meta.add_note(NOT_DECODED)
    try:
        exif = _exif_bytes(stream)
        if exif is None:
            meta.add_note("no EXIF data was found")
            return meta
        parsed = Image.Exif()
        parsed.load(exif)
        apply_exif(parsed, meta)
    except ParseError as error:
        meta.add_note(error.note)
    except KzError:
        raise
    except Exception:
        # Pillow's EXIF parser fails in many ways on hostile tag structures.
        meta.add_note("the metadata is damaged and could not be read completely")
    return meta


def _exif_bytes(stream: Stream) -> bytes | None:
    budget = Budget(MAX_BOXES)
    for box in iter_boxes(stream, 0, stream_size(stream), budget):
        if box.type == b"meta":
            return _exif_in_meta(stream, box, budget)
    return None


def _exif_in_meta(stream: Stream, meta_box: BoxHeader, budget: Budget) -> bytes | None:
    exif_item: int | None = None
    locations: dict[int, tuple[int, list[tuple[int, int]]]] = {}
    idat: BoxHeader | None = None
    # meta is a full box: 4 bytes of version and flags before its children.
    for box in iter_boxes(stream, meta_box.payload + 4, meta_box.end, budget):
        if box.type == b"iinf":
            exif_item = _exif_item_id(read_payload(stream, box, _INDEX_LIMIT))
        elif box.type == b"iloc":
            locations = _item_locations(read_payload(stream, box, _INDEX_LIMIT))
        elif box.type == b"idat":
            idat = box
    if exif_item is None or exif_item not in locations:
        return None
    method, extents = locations[exif_item]
    base = 0
    if method == 1:
        if idat is None:
            raise ParseError(MALFORMED)
        base = idat.payload
    elif method != 0:
        return None
    if sum(length for _, length in extents) > MAX_EXIF:
        raise ParseError(MALFORMED)
    data = b"".join(read_exact(stream, base + offset, length) for offset, length in extents)
    # The item starts with the offset of the TIFF header, usually after "Exif\0\0".
    if len(data) < 4:
        raise ParseError(MALFORMED)
    skip = int.from_bytes(data[0:4], "big")
    tiff = data[4 + skip :]
    return tiff if tiff.startswith((b"II*\x00", b"MM\x00*")) else None


def _exif_item_id(payload: bytes) -> int | None:
    version = payload[0] if payload else 0
    offset = 4 + (2 if version == 0 else 4)
    while offset + 8 <= len(payload):
        size = int.from_bytes(payload[offset : offset + 4], "big")
        if size < 8 or offset + size > len(payload):
            raise ParseError(MALFORMED)
        if payload[offset + 4 : offset + 8] == b"infe":
            entry = payload[offset + 8 : offset + size]
            # Versions 2 and 3 carry a four-character item type; older ones do not.
            if entry[:1] == b"\x02" and entry[8:12] == b"Exif":
                return int.from_bytes(entry[4:6], "big")
            if entry[:1] == b"\x03" and entry[10:14] == b"Exif":
                return int.from_bytes(entry[4:8], "big")
        offset += size
    return None


def _item_locations(payload: bytes) -> dict[int, tuple[int, list[tuple[int, int]]]]:
    """item id -> (construction method, [(offset, length), ...])."""
    if len(payload) < 8:
        raise ParseError(MALFORMED)
    version = payload[0]
    offset_size, length_size = payload[4] >> 4, payload[4] & 15
    base_size, index_size = payload[5] >> 4, (payload[5] & 15 if version in (1, 2) else 0)
    reader = _Fields(payload, 6)
    count = reader.take(2 if version < 2 else 4)
    found: dict[int, tuple[int, list[tuple[int, int]]]] = {}
    for _ in range(count):
        item_id = reader.take(2 if version < 2 else 4)
        method = reader.take(2) & 15 if version in (1, 2) else 0
        reader.take(2)  # data reference index: 0 means "this file"
        base = reader.take(base_size)
        extents = []
        for _ in range(reader.take(2)):
            reader.take(index_size)
            extent_offset = reader.take(offset_size)
            extents.append((base + extent_offset, reader.take(length_size)))
        found[item_id] = (method, extents)
    return found


class _Fields:
    """Big-endian unsigned fields of given byte widths, read in order."""

    def __init__(self, data: bytes, offset: int) -> None:
        self.data, self.offset = data, offset

    def take(self, width: int) -> int:
        if width not in (0, 2, 4, 8) or self.offset + width > len(self.data):
            raise ParseError(MALFORMED)
        value = int.from_bytes(self.data[self.offset : self.offset + width], "big")
        self.offset += width
        return value
