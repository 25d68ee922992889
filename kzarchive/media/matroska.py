"""Matroska and WebM video: duration, creation time and picture size.

EBML elements are walked by seeking over their bodies.  Everything needed
(``Info``, ``Tracks``) comes before the first ``Cluster`` of media data, where
the walk stops.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
from collections.abc import Iterator
from fractions import Fraction

from kzarchive.media.records import MediaMetadata
from kzarchive.media.streams import (
    MALFORMED,
    Budget,
    ParseError,
    Stream,
    read_at,
    read_exact,
    stream_size,
)

MAX_ELEMENTS = 20_000
_SEGMENT, _INFO, _TRACKS, _CLUSTER = 0x18538067, 0x1549A966, 0x1654AE6B, 0x1F43B675
_TIMECODE_SCALE, _DURATION, _DATE_UTC = 0x2AD7B1, 0x4489, 0x4461
_TRACK_ENTRY, _TRACK_TYPE, _VIDEO, _PIXEL_WIDTH, _PIXEL_HEIGHT = 0xAE, 0x83, 0xE0, 0xB0, 0xBA
_EPOCH_2001 = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)


def read_matroska(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    budget = Budget(MAX_ELEMENTS)
    size = stream_size(stream)
    try:
        for element_id, body, end in _elements(stream, 0, size, budget):
            if element_id == _SEGMENT:
                _read_segment(stream, body, end, budget, meta)
                break
        else:
            raise ParseError("no Matroska segment was found")
    except ParseError as error:
        meta.add_note(error.note)
    if meta.duration_ms is None:
        meta.add_note("the video does not record its duration")
    return meta


def _vint(data: bytes, keep_marker: bool) -> tuple[int, int]:
    """(value, length) of an EBML variable-length integer at the start of ``data``."""
    if not data or data[0] == 0:
        raise ParseError(MALFORMED)
    length = 8 - data[0].bit_length() + 1
    if len(data) < length:
        raise ParseError(MALFORMED)
    value = int.from_bytes(data[:length], "big")
    if not keep_marker:
        value &= (1 << (7 * length)) - 1
        if value == (1 << (7 * length)) - 1:
            value = -1  # unknown size: runs to the end of its parent
    return value, length


def _elements(
    stream: Stream, start: int, end: int, budget: Budget
) -> Iterator[tuple[int, int, int]]:
    """(id, body offset, body end) of each element from ``start`` to ``end``."""
    offset = start
    while offset < end:
        budget.spend()
        head = read_at(stream, offset, 12)
        element_id, id_length = _vint(head, keep_marker=True)
        if id_length > 4:
            raise ParseError(MALFORMED)
        size, size_length = _vint(head[id_length:], keep_marker=False)
        body = offset + id_length + size_length
        body_end = end if size < 0 else min(body + size, end)
        yield element_id, body, body_end
        if size < 0:
            return
        offset = body + size


def _read_segment(
    stream: Stream, start: int, end: int, budget: Budget, meta: MediaMetadata
) -> None:
    for element_id, body, body_end in _elements(stream, start, end, budget):
        if element_id == _INFO:
            _read_info(stream, body, body_end, budget, meta)
        elif element_id == _TRACKS:
            _read_tracks(stream, body, body_end, budget, meta)
        elif element_id == _CLUSTER:
            return


def _read_info(stream: Stream, start: int, end: int, budget: Budget, meta: MediaMetadata) -> None:
    scale = 1_000_000
    duration: float | None = None
    for element_id, body, body_end in _elements(stream, start, end, budget):
        if element_id == _TIMECODE_SCALE:
            scale = _uint(stream, body, body_end) or scale
        elif element_id == _DURATION:
            duration = _float(stream, body, body_end)
        elif element_id == _DATE_UTC:
            nanoseconds = int.from_bytes(_small(stream, body, body_end), "big", signed=True)
            # Eight bytes of nanoseconds reach only ±292 years: always a valid date.
            moment = _EPOCH_2001 + dt.timedelta(microseconds=nanoseconds // 1000)
            meta.captured_at = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            meta.captured_source = "matroska:DateUTC"
    if duration is not None and math.isfinite(duration) and duration > 0:
        meta.duration_ms = round(Fraction(duration) * scale / 1_000_000)


def _read_tracks(stream: Stream, start: int, end: int, budget: Budget, meta: MediaMetadata) -> None:
    for element_id, body, body_end in _elements(stream, start, end, budget):
        if element_id != _TRACK_ENTRY or meta.width is not None:
            continue
        kind, width, height = 0, 0, 0
        for inner_id, inner, inner_end in _elements(stream, body, body_end, budget):
            if inner_id == _TRACK_TYPE:
                kind = _uint(stream, inner, inner_end)
            elif inner_id == _VIDEO:
                for video_id, value, value_end in _elements(stream, inner, inner_end, budget):
                    if video_id == _PIXEL_WIDTH:
                        width = _uint(stream, value, value_end)
                    elif video_id == _PIXEL_HEIGHT:
                        height = _uint(stream, value, value_end)
        if kind == 1 and width and height:
            meta.set_size(width, height, None)


def _small(stream: Stream, body: int, end: int) -> bytes:
    if end - body > 8:
        raise ParseError(MALFORMED)
    return read_exact(stream, body, end - body)


def _uint(stream: Stream, body: int, end: int) -> int:
    return int.from_bytes(_small(stream, body, end), "big")


def _float(stream: Stream, body: int, end: int) -> float | None:
    data = _small(stream, body, end)
    if len(data) == 4:
        return float(struct.unpack(">f", data)[0])
    if len(data) == 8:
        return float(struct.unpack(">d", data)[0])
    return None
