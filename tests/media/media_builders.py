"""Minimal media files written by hand, byte by byte, from the format specifications.

Phones' files cannot be shipped as test data (they carry real places and
faces), and no encoder for these formats is a dependency, so the tests build
the structures the parsers read.  exiftool reads the same files in the interop
tests, which keeps these builders honest.
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Sequence

EPOCH_1904 = dt.datetime(1904, 1, 1, tzinfo=dt.UTC)
EPOCH_2001 = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
IDENTITY = (1, 0, 0, 1)
ROTATE_90 = (0, 1, -1, 0)  # what phones write for portrait video


# --- ISO base media (MP4, MOV, HEIF) ---------------------------------------------------


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, payload: bytes, flags: int = 0) -> bytes:
    return box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)


def seconds_1904(moment: dt.datetime) -> int:
    return int((moment - EPOCH_1904).total_seconds())


def matrix(a: int, b: int, c: int, d: int) -> bytes:
    return struct.pack(">9i", a << 16, b << 16, 0, c << 16, d << 16, 0, 0, 0, 1 << 30)


def mvhd(version: int, created: int, timescale: int, duration: int) -> bytes:
    if version == 1:
        times = struct.pack(">QQIQ", created, created, timescale, duration)
    else:
        times = struct.pack(">IIII", created, created, timescale, duration)
    rest = struct.pack(">iH10x", 0x10000, 0x100) + matrix(*IDENTITY) + b"\x00" * 24
    return full_box(b"mvhd", version, times + rest + struct.pack(">I", 2))


def tkhd(version: int, width: int, height: int, rotation: Sequence[int] = IDENTITY) -> bytes:
    if version == 1:
        times = struct.pack(">QQI4xQ", 0, 0, 1, 0)
    else:
        times = struct.pack(">III4xI", 0, 0, 1, 0)
    rest = struct.pack(">8xhhh2x", 0, 0, 0) + matrix(*rotation)
    return full_box(
        b"tkhd", version, times + rest + struct.pack(">II", width << 16, height << 16), 3
    )


def hdlr(handler: bytes, name: bytes = b"") -> bytes:
    return full_box(b"hdlr", 0, b"\x00" * 4 + handler + b"\x00" * 12 + name + b"\x00")


def trak(handler: bytes, width: int = 0, height: int = 0, **tkhd_options: object) -> bytes:
    header = tkhd(0, width, height, **tkhd_options)  # type: ignore[arg-type]
    return box(b"trak", header + box(b"mdia", hdlr(handler)))


def quicktime_text(kind: bytes, text: str) -> bytes:
    data = text.encode()
    return box(kind, struct.pack(">HH", len(data), 0x15C7) + data)


def apple_keys(values: dict[str, str]) -> bytes:
    """moov/meta with mdta keys, as iPhones write location, device and time."""
    keys = b"".join(
        struct.pack(">I", 8 + len(key.encode())) + b"mdta" + key.encode() for key in values
    )
    items = b"".join(
        box(
            struct.pack(">I", index),
            box(b"data", struct.pack(">II", 1, 0) + value.encode()),
        )
        for index, value in enumerate(values.values(), start=1)
    )
    return box(
        b"meta",
        hdlr(b"mdta")
        + full_box(b"keys", 0, struct.pack(">I", len(values)) + keys)
        + box(b"ilst", items),
    )


def mp4(
    *,
    created: dt.datetime | None = None,
    timescale: int = 1000,
    duration: int = 0,
    mvhd_version: int = 0,
    brand: bytes = b"isom",
    tracks: bytes = b"",
    extra: bytes = b"",
    media: bytes = b"\x00" * 64,
    moov_first: bool = False,
) -> bytes:
    header = box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
    created_1904 = seconds_1904(created) if created else 0
    moov = box(b"moov", mvhd(mvhd_version, created_1904, timescale, duration) + tracks + extra)
    mdat = box(b"mdat", media)
    return header + (moov + mdat if moov_first else mdat + moov)


def heic_with_exif(exif_tiff: bytes) -> bytes:
    """A HEIF photo whose only readable content is an Exif item (the image item is empty)."""
    exif_payload = struct.pack(">I", 6) + b"Exif\x00\x00" + exif_tiff
    head = box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic")
    infos = full_box(
        b"iinf",
        0,
        struct.pack(">H", 2)
        + full_box(b"infe", 2, struct.pack(">HH", 1, 0) + b"hvc1" + b"\x00")
        + full_box(b"infe", 2, struct.pack(">HH", 2, 0) + b"Exif" + b"\x00"),
    )

    def meta_with(exif_offset: int) -> bytes:
        locations = full_box(
            b"iloc",
            0,
            bytes([0x44, 0x00])
            + struct.pack(">H", 2)
            + struct.pack(">HHHII", 1, 0, 1, 0, 0)
            + struct.pack(">HHHII", 2, 0, 1, exif_offset, len(exif_payload)),
        )
        return full_box(
            b"meta",
            0,
            hdlr(b"pict") + full_box(b"pitm", 0, struct.pack(">H", 1)) + infos + locations,
        )

    meta_size = len(meta_with(0))
    exif_offset = len(head) + meta_size + 8
    return head + meta_with(exif_offset) + box(b"mdat", exif_payload)


# --- RIFF ------------------------------------------------------------------------------


def avi(micros_per_frame: int, frames: int, width: int, height: int) -> bytes:
    avih = struct.pack("<10I16x", micros_per_frame, 0, 0, 0x10, frames, 0, 1, 0, width, height)
    hdrl = b"LIST" + struct.pack("<I", 4 + 8 + len(avih)) + b"hdrl" + b"avih"
    hdrl += struct.pack("<I", len(avih)) + avih
    movi = b"LIST" + struct.pack("<I", 4) + b"movi"
    body = b"AVI " + hdrl + movi
    return b"RIFF" + struct.pack("<I", len(body)) + body


def bext(date: str, time: str) -> bytes:
    body = b"\x00" * 256 + b"\x00" * 32 + b"\x00" * 32 + date.encode() + time.encode()
    body += b"\x00" * (602 - len(body))
    return b"bext" + struct.pack("<I", len(body)) + body


def wav_with_chunks(
    byte_rate_params: tuple[int, int, int],
    data: bytes,
    before_data: bytes = b"",
    data_size: int | None = None,
) -> bytes:
    rate, channels, bits = byte_rate_params
    block = channels * bits // 8
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * block, block, bits)
    declared = len(data) if data_size is None else data_size
    body = (
        b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + before_data
        + b"data"
        + struct.pack("<I", declared)
        + data
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- FLAC, Ogg, MP3 --------------------------------------------------------------------


def flac(sample_rate: int, total_samples: int, channels: int = 2, bits: int = 16) -> bytes:
    packed = (sample_rate << 44) | ((channels - 1) << 41) | ((bits - 1) << 36) | total_samples
    info = struct.pack(">HH", 4096, 4096) + b"\x00" * 6 + packed.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def ogg_page(packet: bytes, *, granule: int, serial: int, sequence: int, flags: int = 0) -> bytes:
    lacing = bytes([255] * (len(packet) // 255) + [len(packet) % 255])
    header = (
        b"OggS\x00"
        + bytes([flags])
        + struct.pack("<qIII", granule, serial, sequence, 0)
        + bytes([len(lacing)])
        + lacing
    )
    page = header + packet
    crc = _ogg_crc(page)
    return page[:22] + struct.pack("<I", crc) + page[26:]


def opus_file(seconds: int, pre_skip: int = 312, serial: int = 0x1234) -> bytes:
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 2, pre_skip, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    pages = [
        ogg_page(head, granule=0, serial=serial, sequence=0, flags=2),
        ogg_page(tags, granule=0, serial=serial, sequence=1),
    ]
    per_page = 48000  # one second of audio per page
    for second in range(1, seconds + 1):
        last = second == seconds
        pages.append(
            ogg_page(
                b"\xfc" + b"\x00" * 100,
                granule=second * per_page + pre_skip,
                serial=serial,
                sequence=second + 1,
                flags=4 if last else 0,
            )
        )
    return b"".join(pages)


def vorbis_file(rate: int, samples: int, serial: int = 7) -> bytes:
    ident = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, rate, 0, 64000, 0, 0xB8, 1)
    return b"".join(
        [
            ogg_page(ident, granule=0, serial=serial, sequence=0, flags=2),
            ogg_page(b"\x03vorbis" + b"\x00" * 20, granule=0, serial=serial, sequence=1),
            ogg_page(b"\x00" * 300, granule=samples // 2, serial=serial, sequence=2),
            ogg_page(b"\x00" * 300, granule=samples, serial=serial, sequence=3, flags=4),
        ]
    )


def mp3_frame(bitrate_index: int = 9, padding: int = 0, payload: bytes = b"") -> bytes:
    """One MPEG-1 Layer III frame at 44.1 kHz, stereo; 128 kbps for index 9."""
    kbps = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)[bitrate_index]
    length = 144 * kbps * 1000 // 44100 + padding
    header = bytes([0xFF, 0xFB, (bitrate_index << 4) | (padding << 1), 0x00])
    body = payload + b"\x00" * (length - 4 - len(payload))
    return header + body[: length - 4]


def id3v2(size: int) -> bytes:
    syncsafe = bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    return b"ID3\x04\x00\x00" + syncsafe + b"\x00" * size


def xing_frame(frames: int, tag: bytes = b"Xing") -> bytes:
    side_info = b"\x00" * 32
    return mp3_frame(payload=side_info + tag + struct.pack(">II", 1, frames))


def vbri_frame(frames: int) -> bytes:
    side_info = b"\x00" * 32
    return mp3_frame(payload=side_info + b"VBRI" + struct.pack(">HHHII", 1, 0, 75, 0, frames))


# --- Matroska ----------------------------------------------------------------------------


def ebml(element_id: int, body: bytes, unknown_size: bool = False) -> bytes:
    ident = element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
    size = (
        b"\x01\xff\xff\xff\xff\xff\xff\xff"
        if unknown_size
        else (bytes([0x01]) + len(body).to_bytes(7, "big"))
    )
    return ident + size + body


def ebml_uint(element_id: int, value: int) -> bytes:
    return ebml(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def matroska(
    *,
    duration: float | None,
    scale: int = 1_000_000,
    created: dt.datetime | None = None,
    size: tuple[int, int] | None = None,
    doc_type: bytes = b"matroska",
    unknown_segment_size: bool = False,
) -> bytes:
    header = ebml(0x1A45DFA3, ebml_uint(0x4286, 1) + ebml(0x4282, doc_type))
    info = ebml_uint(0x2AD7B1, scale)
    if duration is not None:
        info += ebml(0x4489, struct.pack(">d", duration))
    if created is not None:
        date_ns = int((created - EPOCH_2001).total_seconds()) * 1_000_000_000
        info += ebml(0x4461, date_ns.to_bytes(8, "big", signed=True))
    tracks = b""
    if size is not None:
        video = ebml_uint(0xB0, size[0]) + ebml_uint(0xBA, size[1])
        audio_track = ebml(0xAE, ebml_uint(0xD7, 1) + ebml_uint(0x83, 2))
        video_track = ebml(0xAE, ebml_uint(0xD7, 2) + ebml_uint(0x83, 1) + ebml(0xE0, video))
        tracks = ebml(0x1654AE6B, audio_track + video_track)
    cluster = ebml(0x1F43B675, ebml_uint(0xE7, 0) + b"\xa3\x84\x81\x00\x00\x80")
    segment_body = ebml(0x1549A966, info) + tracks + cluster
    return header + ebml(0x18538067, segment_body, unknown_size=unknown_segment_size)
