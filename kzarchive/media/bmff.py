"""ISO base media files (MP4, MOV, M4A, 3GP): duration, time, size, place, device.

Boxes are walked by seeking from header to header; only small boxes are read
(``mvhd``, ``tkhd``, ``hdlr``, user data), never the media data.  Phones record
the place in the movie too: Android in ``udta/©xyz``, Apple in the ``mdta`` keys
of ``moov/meta`` (which also hold a capture time with its UTC offset).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from kzarchive.media.records import GpsPosition, MediaMetadata, clean_text
from kzarchive.media.streams import (
    MALFORMED,
    TRUNCATED,
    Budget,
    ParseError,
    Stream,
    read_exact,
    stream_size,
)

MAX_BOXES = 20_000
_SMALL_BOX = 64 * 1024  # user data and key lists; real ones are a few hundred bytes
_EPOCH_1904 = dt.datetime(1904, 1, 1, tzinfo=dt.UTC)
_UNKNOWN_32 = 0xFFFFFFFF
_UNKNOWN_64 = 0xFFFFFFFFFFFFFFFF

# Rotation matrices of tkhd (a, b, c, d in 16.16) -> EXIF orientation numbers.
_ROTATIONS = {
    (1, 0, 0, 1): 1,
    (0, 1, -1, 0): 6,
    (-1, 0, 0, -1): 3,
    (0, -1, 1, 0): 8,
}

_ISO6709 = re.compile(r"([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
_APPLE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


@dataclass(frozen=True)
class BoxHeader:
    type: bytes
    start: int
    payload: int
    end: int

    @property
    def payload_size(self) -> int:
        return self.end - self.payload


def iter_boxes(stream: Stream, start: int, end: int, budget: Budget) -> Iterator[BoxHeader]:
    """The boxes between ``start`` and ``end``; a box running past ``end`` is cut there."""
    offset = start
    while offset + 8 <= end:
        budget.spend()
        head = read_exact(stream, offset, 8)
        size = int.from_bytes(head[0:4], "big")
        header_size = 8
        if size == 1:
            size = int.from_bytes(read_exact(stream, offset + 8, 8), "big")
            header_size = 16
        elif size == 0:
            size = end - offset
        if size < header_size:
            raise ParseError(MALFORMED)
        yield BoxHeader(head[4:8], offset, offset + header_size, min(offset + size, end))
        if offset + size > end:
            raise ParseError(TRUNCATED)
        offset += size


def read_payload(stream: Stream, box: BoxHeader, limit: int = _SMALL_BOX) -> bytes:
    """The payload of a small box; ParseError if it is implausibly large."""
    if box.payload_size > limit:
        raise ParseError(MALFORMED)
    return read_exact(stream, box.payload, box.payload_size)


def read_movie(stream: Stream) -> MediaMetadata:
    """Metadata of an MP4/MOV/3GP/M4A file; notes instead of exceptions for bad files."""
    meta = MediaMetadata()
    budget = Budget(MAX_BOXES)
    found_movie = False
    try:
        for box in iter_boxes(stream, 0, stream_size(stream), budget):
            if box.type == b"moov":
                found_movie = True
                _read_moov(stream, box, budget, meta)
    except ParseError as error:
        meta.add_note(error.note)
    if not found_movie:
        meta.add_note("no movie header was found, so duration and time are unknown")
    return meta


def _read_moov(stream: Stream, moov: BoxHeader, budget: Budget, meta: MediaMetadata) -> None:
    for box in iter_boxes(stream, moov.payload, moov.end, budget):
        if box.type == b"mvhd":
            _read_mvhd(read_payload(stream, box, 256), meta)
        elif box.type == b"trak":
            _read_trak(stream, box, budget, meta)
        elif box.type == b"udta":
            _read_udta(stream, box, budget, meta)
        elif box.type == b"meta":
            _read_quicktime_meta(stream, box, budget, meta)


def _read_mvhd(data: bytes, meta: MediaMetadata) -> None:
    if len(data) < 20:
        raise ParseError(MALFORMED)
    if data[0] == 1:
        if len(data) < 32:
            raise ParseError(MALFORMED)
        created = int.from_bytes(data[4:12], "big")
        timescale = int.from_bytes(data[20:24], "big")
        duration, unknown = int.from_bytes(data[24:32], "big"), _UNKNOWN_64
    else:
        created = int.from_bytes(data[4:8], "big")
        timescale = int.from_bytes(data[12:16], "big")
        duration, unknown = int.from_bytes(data[16:20], "big"), _UNKNOWN_32
    if timescale == 0:
        meta.add_note("the movie header has no time scale, so the duration is unknown")
    elif duration != unknown and duration > 0:
        meta.duration_ms = (duration * 1000 + timescale // 2) // timescale
    else:
        meta.add_note("the movie header does not record the duration")
    if created and meta.captured_at is None:
        stamp = seconds_since_1904(created)
        if stamp is None:
            meta.add_note("the movie's creation time is not a valid date")
        else:
            meta.captured_at, meta.captured_source = stamp, "mp4:mvhd"


def seconds_since_1904(seconds: int) -> str | None:
    """A QuickTime/MP4 time stamp (UTC) as "YYYY-MM-DDTHH:MM:SSZ"."""
    try:
        moment = _EPOCH_1904 + dt.timedelta(seconds=seconds)
    except OverflowError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_trak(stream: Stream, trak: BoxHeader, budget: Budget, meta: MediaMetadata) -> None:
    header: bytes | None = None
    handler: bytes | None = None
    for box in iter_boxes(stream, trak.payload, trak.end, budget):
        if box.type == b"tkhd":
            header = read_payload(stream, box, 256)
        elif box.type == b"mdia":
            for inner in iter_boxes(stream, box.payload, box.end, budget):
                if inner.type == b"hdlr":
                    handler = read_payload(stream, inner, 4096)[8:12]
    if handler == b"vide" and header is not None and meta.width is None:
        _read_tkhd(header, meta)


def _read_tkhd(data: bytes, meta: MediaMetadata) -> None:
    matrix_at = 40 if data[:1] == b"\x00" else 52
    if len(data) < matrix_at + 44:
        raise ParseError(MALFORMED)
    a, b, _, c, d = (
        int.from_bytes(data[matrix_at + 4 * i : matrix_at + 4 * i + 4], "big", signed=True) >> 16
        for i in range(5)
    )
    width = int.from_bytes(data[matrix_at + 36 : matrix_at + 40], "big") >> 16
    height = int.from_bytes(data[matrix_at + 40 : matrix_at + 44], "big") >> 16
    if width and height:
        orientation = _ROTATIONS.get((a, b, c, d))
        meta.orientation = orientation
        meta.set_size(width, height, orientation)


def _read_udta(stream: Stream, udta: BoxHeader, budget: Budget, meta: MediaMetadata) -> None:
    for box in iter_boxes(stream, udta.payload, udta.end, budget):
        if box.type in (b"\xa9xyz", b"\xa9mak", b"\xa9mod", b"\xa9swr"):
            text = _quicktime_text(read_payload(stream, box))
            if box.type == b"\xa9xyz":
                _set_place(text, meta)
            elif box.type == b"\xa9mak":
                meta.make = meta.make or text
            elif box.type == b"\xa9mod":
                meta.model = meta.model or text
            else:
                meta.software = meta.software or text


def _quicktime_text(data: bytes) -> str | None:
    """A QuickTime user-data string: 16-bit length, 16-bit language, text."""
    if len(data) < 4:
        return None
    length = int.from_bytes(data[0:2], "big")
    return clean_text(data[4 : 4 + length])


def _read_quicktime_meta(
    stream: Stream, meta_box: BoxHeader, budget: Budget, meta: MediaMetadata
) -> None:
    start = meta_box.payload
    # Apple's meta is a plain box; ISO's (in udta) a full box with 4 more bytes.
    if read_exact(stream, start + 4, 4) != b"hdlr":
        start += 4
    keys: list[str] = []
    items: dict[int, bytes] = {}
    for box in iter_boxes(stream, start, meta_box.end, budget):
        if box.type == b"keys":
            keys = _parse_keys(read_payload(stream, box))
        elif box.type == b"ilst":
            for item in iter_boxes(stream, box.payload, box.end, budget):
                items[int.from_bytes(item.type, "big")] = read_payload(stream, item)
    values = {
        keys[index - 1]: _ilst_text(data) for index, data in items.items() if 0 < index <= len(keys)
    }
    _apply_apple_keys(values, meta)


def _parse_keys(data: bytes) -> list[str]:
    keys: list[str] = []
    offset = 8
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        if size < 8:
            raise ParseError(MALFORMED)
        keys.append(data[offset + 8 : offset + size].decode("utf-8", errors="replace"))
        offset += size
    return keys


def _ilst_text(item: bytes) -> str | None:
    """The value of an ilst entry's ``data`` box when it is UTF-8 text."""
    if len(item) < 16 or item[4:8] != b"data":
        return None
    size = int.from_bytes(item[0:4], "big")
    value_type = int.from_bytes(item[8:12], "big")
    return clean_text(item[16:size]) if value_type == 1 else None


def _apply_apple_keys(values: dict[str, str | None], meta: MediaMetadata) -> None:
    prefix = "com.apple.quicktime."
    meta.make = values.get(prefix + "make") or meta.make
    meta.model = values.get(prefix + "model") or meta.model
    meta.software = values.get(prefix + "software") or meta.software
    _set_place(values.get(prefix + "location.ISO6709"), meta)
    created = values.get(prefix + "creationdate")
    if created:
        match = _APPLE_DATE.match(created)
        if match and _is_valid_local_time(match.group(1)):
            zone = match.group(2) or ""
            if len(zone) == 5:
                zone = f"{zone[:3]}:{zone[3:]}"
            meta.captured_at = match.group(1) + zone
            meta.captured_source = "quicktime:creationdate"


def _is_valid_local_time(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _set_place(text: str | None, meta: MediaMetadata) -> None:
    if not text or meta.gps is not None:
        return
    match = _ISO6709.match(text)
    try:
        if not match:
            raise ValueError(text)
        altitude = Fraction(Decimal(match.group(3))) if match.group(3) else None
        meta.gps = GpsPosition.from_degrees(
            Fraction(Decimal(match.group(1))), Fraction(Decimal(match.group(2))), altitude
        )
    except (ValueError, InvalidOperation):
        meta.add_note("the recorded location could not be read")
