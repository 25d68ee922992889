"""RIFF files: WAV (and RF64) recordings, AVI video.

WAV: the duration is the size of the ``data`` chunk over the byte rate in
``fmt ``; field recorders add a ``bext`` chunk (Broadcast WAV) with the local
date and time the recording started.  AVI: ``avih`` holds the frame duration,
the frame count and the size.
"""

from __future__ import annotations

from kzarchive.media.exif import exif_datetime
from kzarchive.media.records import MediaMetadata
from kzarchive.media.streams import (
    MALFORMED,
    TRUNCATED,
    Budget,
    ParseError,
    Stream,
    read_at,
    read_exact,
    stream_size,
)

MAX_CHUNKS = 4096
_STREAMING = 0xFFFFFFFF  # data size written by recorders that never went back to fix it


def read_wav(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        _read_wav(stream, meta)
    except ParseError as error:
        meta.add_note(error.note)
    return meta


def _chunks(stream: Stream, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(id, payload offset, declared size) of each chunk, stopping at the end of the file."""
    budget = Budget(MAX_CHUNKS)
    found = []
    offset = start
    while offset + 8 <= end:
        budget.spend()
        head = read_exact(stream, offset, 8)
        size = int.from_bytes(head[4:8], "little")
        found.append((head[0:4], offset + 8, size))
        if head[0:4] == b"data" or offset + 8 + size > end:
            break  # audio runs to the end, or the file was cut short here
        offset += 8 + size + (size & 1)
    return found


def _read_wav(stream: Stream, meta: MediaMetadata) -> None:
    size = stream_size(stream)
    head = read_exact(stream, 0, 12)
    chunks = _chunks(stream, 12, size)
    byte_rate = 0
    data_size: int | None = None
    big_sizes: dict[str, int] = {}
    for chunk_id, payload, declared in chunks:
        if chunk_id == b"ds64" and head[:4] == b"RF64":
            body = read_exact(stream, payload, 24)
            big_sizes["data"] = int.from_bytes(body[8:16], "little")
        elif chunk_id == b"fmt ":
            body = read_exact(stream, payload, 16)
            byte_rate = int.from_bytes(body[8:12], "little")
        elif chunk_id == b"bext":
            _read_bext(read_at(stream, payload, 346), meta)
        elif chunk_id == b"data":
            data_size = _data_size(declared, big_sizes.get("data"), size - payload, meta)
    if byte_rate == 0:
        raise ParseError("the recording has no readable format header, so its duration is unknown")
    if data_size is None:
        raise ParseError("the recording has no audio data chunk")
    meta.duration_ms = data_size * 1000 // byte_rate


def _data_size(declared: int, from_ds64: int | None, available: int, meta: MediaMetadata) -> int:
    if declared == _STREAMING and from_ds64 is not None:
        declared = from_ds64
    elif declared in (0, _STREAMING) and available > 0:
        # The recorder never wrote the final size back: it crashed, lost power
        # or streamed.  The audio runs to the end of the file.
        meta.add_note("the recording was not finalised; its duration is estimated from its size")
        return available
    if declared > available:
        meta.add_note(TRUNCATED)
        return available
    return declared


def _read_bext(body: bytes, meta: MediaMetadata) -> None:
    # Description 256, Originator 32, OriginatorReference 32, then date and time.
    if len(body) < 338:
        return
    date = body[320:330].decode("ascii", errors="replace")
    time = body[330:338].decode("ascii", errors="replace")
    local = exif_datetime(f"{date.replace('-', ':')} {time.replace('-', ':')}")
    if local is not None:
        meta.captured_at, meta.captured_source = local, "wav:bext"


def read_avi(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        _read_avi(stream, meta)
    except ParseError as error:
        meta.add_note(error.note)
    return meta


def _read_avi(stream: Stream, meta: MediaMetadata) -> None:
    # RIFF 'AVI ' LIST(hdrl) starts with the main header, avih, by specification.
    head = read_exact(stream, 0, 32 + 56)
    if head[12:16] != b"LIST" or head[20:24] != b"hdrl" or head[24:28] != b"avih":
        raise ParseError(MALFORMED)
    avih = head[32:]
    micros_per_frame = int.from_bytes(avih[0:4], "little")
    frames = int.from_bytes(avih[16:20], "little")
    width = int.from_bytes(avih[32:36], "little")
    height = int.from_bytes(avih[36:40], "little")
    if width and height:
        meta.set_size(width, height, None)
    if micros_per_frame and frames:
        meta.duration_ms = (micros_per_frame * frames + 500) // 1000
    else:
        meta.add_note("the video header does not record the duration")
