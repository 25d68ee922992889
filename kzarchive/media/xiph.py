"""FLAC and Ogg (Vorbis, Opus) recordings: their duration.

FLAC: total samples and sample rate sit in STREAMINFO, the first metadata
block.  Ogg: the granule position of the last page of the first stream counts
samples (always at 48 kHz for Opus, less its pre-skip), so only the start and
the last 64 KiB or so of the file are read.
"""

from __future__ import annotations

from kzarchive.media.records import MediaMetadata
from kzarchive.media.streams import (
    MALFORMED,
    TRUNCATED,
    ParseError,
    Stream,
    read_at,
    read_exact,
    stream_size,
)

_OGG_MAX_PAGE = 27 + 255 + 255 * 255  # header, lacing table, largest body
_OPUS_RATE = 48_000


def read_flac(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        start = skip_id3(stream)
        head = read_exact(stream, start, 4 + 4 + 34)
        if head[0:4] != b"fLaC" or head[4] & 0x7F != 0:
            raise ParseError(MALFORMED)
        info = head[8:]
        packed = int.from_bytes(info[10:18], "big")
        rate = packed >> 44
        samples = packed & ((1 << 36) - 1)
        if rate == 0:
            raise ParseError(MALFORMED)
        if samples == 0:
            meta.add_note("the recording does not state its length")
        else:
            meta.duration_ms = samples * 1000 // rate
    except ParseError as error:
        meta.add_note(error.note)
    return meta


def skip_id3(stream: Stream) -> int:
    """Where the content starts after an ID3v2 tag some taggers put in front."""
    head = read_at(stream, 0, 10)
    if len(head) < 10 or not head.startswith(b"ID3"):
        return 0
    size = 0
    for byte in head[6:10]:
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if head[5] & 0x10 else 0
    return 10 + size + footer


def read_ogg(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        first = read_exact(stream, 0, 27)
        if first[0:4] != b"OggS":
            raise ParseError(MALFORMED)
        serial = first[14:18]
        segments = first[26]
        packet = read_at(stream, 27 + segments, 64)
        rate, pre_skip = _stream_rate(packet)
        granule = _last_granule(stream, serial)
        if granule is None:
            raise ParseError(TRUNCATED)
        meta.duration_ms = max(granule - pre_skip, 0) * 1000 // rate
    except ParseError as error:
        meta.add_note(error.note)
    return meta


def _stream_rate(packet: bytes) -> tuple[int, int]:
    """(samples per second of granule positions, samples to skip at the start)."""
    if packet.startswith(b"OpusHead") and len(packet) >= 12:
        return _OPUS_RATE, int.from_bytes(packet[10:12], "little")
    if packet.startswith(b"\x01vorbis") and len(packet) >= 16:
        rate = int.from_bytes(packet[12:16], "little")
        if rate:
            return rate, 0
    raise ParseError("the recording's codec is not one whose length kzarchive can read")


def _last_granule(stream: Stream, serial: bytes) -> int | None:
    """The granule position of the last complete page of the stream ``serial``."""
    size = stream_size(stream)
    start = max(0, size - 2 * _OGG_MAX_PAGE)
    tail = read_at(stream, start, size - start)
    position = len(tail)
    while True:
        position = tail.rfind(b"OggS", 0, position)
        if position < 0:
            return None
        header = tail[position : position + 27]
        if len(header) < 27 or header[4] != 0 or header[14:18] != serial:
            continue
        # -1 marks a page on which no packet ends; such a page has no position.
        granule = int.from_bytes(header[6:14], "little", signed=True)
        if granule >= 0 and _page_is_complete(tail, position):
            return granule


def _page_is_complete(tail: bytes, position: int) -> bool:
    segments = tail[position + 26] if position + 26 < len(tail) else 0
    table = tail[position + 27 : position + 27 + segments]
    if len(table) != segments:
        return False
    return position + 27 + segments + sum(table) <= len(tail)
