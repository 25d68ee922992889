"""MP3 (MPEG audio) recordings: their duration.

A variable-bitrate file says how many frames it has in a Xing/Info or VBRI
header inside its first frame; without one the bitrate is constant and the
duration follows from the size.  Only the ID3 tag header, a search window for
the first frame and the last 128 bytes (ID3v1) are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from kzarchive.media.records import MediaMetadata
from kzarchive.media.streams import ParseError, Stream, read_at, stream_size
from kzarchive.media.xiph import skip_id3

SEARCH_WINDOW = 64 * 1024

_BITRATES_KBPS = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}
_VERSIONS = {0b11: 1, 0b10: 2, 0b00: 25}
_LAYERS = {0b11: 1, 0b10: 2, 0b01: 3}


@dataclass(frozen=True)
class FrameHeader:
    version: int  # 1, 2 or 25 (MPEG 2.5)
    layer: int
    bitrate_kbps: int
    sample_rate: int
    padding: int
    mono: bool

    @property
    def samples(self) -> int:
        if self.layer == 1:
            return 384
        return 1152 if self.layer == 2 or self.version == 1 else 576

    @property
    def length(self) -> int:
        if self.layer == 1:
            return (12 * self.bitrate_kbps * 1000 // self.sample_rate + self.padding) * 4
        return self.samples // 8 * self.bitrate_kbps * 1000 // self.sample_rate + self.padding

    @property
    def side_info(self) -> int:
        if self.version == 1:
            return 17 if self.mono else 32
        return 9 if self.mono else 17


def parse_header(data: bytes) -> FrameHeader | None:
    if len(data) < 4 or data[0] != 0xFF or data[1] & 0xE0 != 0xE0:
        return None
    version = _VERSIONS.get((data[1] >> 3) & 3)
    layer = _LAYERS.get((data[1] >> 1) & 3)
    bitrate_index, rate_index = data[2] >> 4, (data[2] >> 2) & 3
    if version is None or layer is None or bitrate_index in (0, 15) or rate_index == 3:
        return None
    return FrameHeader(
        version=version,
        layer=layer,
        bitrate_kbps=_BITRATES_KBPS[(min(version, 2), layer)][bitrate_index],
        sample_rate=_SAMPLE_RATES[version][rate_index],
        padding=(data[2] >> 1) & 1,
        mono=data[3] >> 6 == 3,
    )


def read_mp3(stream: Stream) -> MediaMetadata:
    meta = MediaMetadata()
    try:
        meta.duration_ms = _duration(stream)
    except ParseError as error:
        meta.add_note(error.note)
    return meta


def _duration(stream: Stream) -> int:
    size = stream_size(stream)
    start, header = _first_frame(stream, skip_id3(stream), size)
    frame = read_at(stream, start, min(header.length, 256) if header.length > 0 else 256)
    frames = _frame_count(frame, header)
    if frames is not None:
        return frames * header.samples * 1000 // header.sample_rate
    end = size - 128 if read_at(stream, size - 128, 3) == b"TAG" else size
    return (end - start) * 8 // header.bitrate_kbps


def _first_frame(stream: Stream, start: int, size: int) -> tuple[int, FrameHeader]:
    window = read_at(stream, start, SEARCH_WINDOW)
    position = window.find(b"\xff")
    while position >= 0:
        header = parse_header(window[position : position + 4])
        if header is not None and _confirmed(stream, window, start, position, header, size):
            return start + position, header
        position = window.find(b"\xff", position + 1)
    raise ParseError("no MPEG audio frame was found at the start of the file")


def _confirmed(
    stream: Stream, window: bytes, start: int, position: int, header: FrameHeader, size: int
) -> bool:
    """A sync pattern is a frame only if the next frame follows where it should."""
    following = position + header.length
    if start + following + 4 > size:
        return start + following <= size
    if following + 4 <= len(window):
        after = window[following : following + 4]
    else:
        after = read_at(stream, start + following, 4)
    successor = parse_header(after)
    return (
        successor is not None
        and successor.version == header.version
        and successor.layer == header.layer
        and successor.sample_rate == header.sample_rate
    )


def _frame_count(frame: bytes, header: FrameHeader) -> int | None:
    """Frames declared by a Xing/Info or VBRI header in the first frame, if any."""
    xing_at = 4 + header.side_info
    tag = frame[xing_at : xing_at + 4]
    if tag in (b"Xing", b"Info"):
        flags = int.from_bytes(frame[xing_at + 4 : xing_at + 8], "big")
        if flags & 1 and len(frame) >= xing_at + 12:
            return int.from_bytes(frame[xing_at + 8 : xing_at + 12], "big")
        return None
    if frame[36:40] == b"VBRI" and len(frame) >= 54:
        return int.from_bytes(frame[50:54], "big")
    return None
