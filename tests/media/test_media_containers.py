"""Duration, time, size and place from video and audio containers, read by seeking."""

from __future__ import annotations

import datetime as dt
import io
import struct
import wave

import pytest

from kzarchive.media.containers import read_container
from kzarchive.media.metadata import read_metadata
from kzarchive.media.records import MediaMetadata
from tests.media import media_builders as mb
from tests.media.media_helpers import CountingStream, exiftool_read

CREATED = dt.datetime(2024, 3, 5, 9, 22, 1, tzinfo=dt.UTC)


def read(data: bytes, mime: str) -> MediaMetadata:
    return read_metadata(io.BytesIO(data), mime)


def android_video() -> bytes:
    """Portrait phone video: rotated track, place in udta/©xyz, as Android writes it."""
    return mb.mp4(
        created=CREATED,
        timescale=600,
        duration=9001,
        tracks=mb.trak(b"soun") + mb.trak(b"vide", 1920, 1080, rotation=mb.ROTATE_90),
        extra=mb.box(b"udta", mb.quicktime_text(b"\xa9xyz", "+43.2389-076.8897/")),
    )


def iphone_video() -> bytes:
    return mb.mp4(
        created=CREATED,
        timescale=1000,
        duration=83250,
        mvhd_version=1,
        brand=b"qt  ",
        tracks=mb.trak(b"vide", 3840, 2160),
        extra=mb.apple_keys(
            {
                "com.apple.quicktime.location.ISO6709": "-33.8688+151.2093+012.500/",
                "com.apple.quicktime.make": "Apple",
                "com.apple.quicktime.model": "iPhone 15",
                "com.apple.quicktime.software": "17.3.1",
                "com.apple.quicktime.creationdate": "2024-03-05T14:22:01+0500",
            }
        ),
    )


def test_mp4_duration_time_size_rotation_and_place() -> None:
    meta = read(android_video(), "video/mp4")
    assert meta.duration_ms == 15002  # 9001 / 600 s, rounded to the millisecond
    assert meta.captured_at == "2024-03-05T09:22:01Z"
    assert meta.captured_source == "mp4:mvhd"
    assert (meta.width, meta.height, meta.orientation) == (1920, 1080, 6)
    assert (meta.display_width, meta.display_height) == (1080, 1920)
    assert meta.gps is not None
    assert (meta.gps.latitude, meta.gps.longitude) == ("43.238900", "-76.889700")
    assert meta.note == ""


def test_mov_version_1_header_and_apple_keys_with_local_offset() -> None:
    meta = read(iphone_video(), "video/quicktime")
    assert meta.duration_ms == 83250
    # The Apple creation date keeps the local offset; it wins over mvhd's UTC.
    assert meta.captured_at == "2024-03-05T14:22:01+05:00"
    assert meta.captured_source == "quicktime:creationdate"
    assert (meta.make, meta.model, meta.software) == ("Apple", "iPhone 15", "17.3.1")
    assert meta.gps is not None
    assert meta.gps.to_dict() == {
        "latitude": "-33.868800",
        "longitude": "151.209300",
        "altitude": "12.5",
        "time": None,
    }
    assert (meta.width, meta.height, meta.orientation) == (3840, 2160, 1)


def test_movie_header_before_the_media_data_reads_the_same() -> None:
    first = read(mb.mp4(created=CREATED, duration=4000, moov_first=True), "video/mp4")
    last = read(mb.mp4(created=CREATED, duration=4000), "video/mp4")
    assert first == last
    assert first.duration_ms == 4000


def test_3gp_and_m4a_use_the_same_reader() -> None:
    for mime in ("video/3gpp", "audio/mp4"):
        meta = read(mb.mp4(created=CREATED, timescale=44100, duration=44100 * 61), mime)
        assert meta.duration_ms == 61_000
        assert meta.captured_at == "2024-03-05T09:22:01Z"


@pytest.mark.interop
def test_exiftool_reads_the_same_movie(exiftool: None) -> None:
    tags = exiftool_read(android_video(), "-n", name="android.mp4")
    meta = read(android_video(), "video/mp4")
    assert meta.duration_ms == round(tags["QuickTime:Duration"] * 1000)
    assert (
        meta.captured_at
        == tags["QuickTime:CreateDate"].replace(":", "-", 2).replace(" ", "T") + "Z"
    )
    assert (meta.width, meta.height) == (tags["Track2:ImageWidth"], tags["Track2:ImageHeight"])
    assert tags["Composite:Rotation"] == 90
    assert meta.gps is not None
    assert float(meta.gps.latitude) == tags["Composite:GPSLatitude"]
    assert float(meta.gps.longitude) == tags["Composite:GPSLongitude"]
    apple = exiftool_read(iphone_video(), "-n", name="iphone.mov")
    assert apple["Keys:CreationDate"] == "2024:03:05 14:22:01+05:00"
    assert apple["Keys:Model"] == read(iphone_video(), "video/quicktime").model


def test_the_media_data_is_never_read() -> None:
    # 4 GiB of media data (a 64-bit box size), then the movie header at the end.
    head = mb.box(b"ftyp", b"isom\x00\x00\x02\x00isom")
    gap = 4 * 1024**3
    mdat_header = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + gap)
    moov = mb.box(b"moov", mb.mvhd(0, mb.seconds_1904(CREATED), 1000, 3_600_000))
    stream = CountingStream(head + mdat_header, gap, moov)
    meta = read_container(stream, "video/mp4")
    assert meta.duration_ms == 3_600_000
    assert stream.bytes_read < 4096


def test_a_recording_cut_off_before_its_movie_header_says_so() -> None:
    whole = mb.mp4(created=CREATED, duration=4000, media=b"\x01" * 5000)
    cut = whole[:3000]  # the phone died while recording: no moov yet
    meta = read(cut, "video/mp4")
    assert meta.duration_ms is None and meta.captured_at is None
    assert "ends early" in meta.note
    assert "no movie header" in meta.note


def test_unknown_duration_and_zero_timescale_are_notes() -> None:
    unknown = read(mb.mp4(duration=0xFFFFFFFF), "video/mp4")
    assert unknown.duration_ms is None and "does not record the duration" in unknown.note
    no_scale = read(mb.mp4(duration=5, timescale=0), "video/mp4")
    assert no_scale.duration_ms is None and "time scale" in no_scale.note


def wav(frames: int, rate: int = 8000, channels: int = 1, width: int = 2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(b"\x00" * frames * channels * width)
    return out.getvalue()


def test_wav_duration_from_stdlib_wave() -> None:
    assert read(wav(12345), "audio/wav").duration_ms == 1543  # 12345 / 8000 s
    assert read(wav(48000 * 90, 48000, 2), "audio/wav").duration_ms == 90_000


def test_broadcast_wav_gives_the_recorders_local_start_time() -> None:
    data = mb.wav_with_chunks((8000, 1, 16), b"\x00" * 16000, mb.bext("2024-03-05", "14:22:01"))
    meta = read(data, "audio/wav")
    assert meta.duration_ms == 1000
    assert (meta.captured_at, meta.captured_source) == ("2024-03-05T14:22:01", "wav:bext")


def test_wav_never_finalised_or_cut_short_says_so() -> None:
    unfinished = mb.wav_with_chunks((8000, 1, 16), b"\x00" * 8000, data_size=0)
    meta = read(unfinished, "audio/wav")
    assert meta.duration_ms == 500 and "not finalised" in meta.note
    cut = wav(16000)[:-8000]
    meta = read(cut, "audio/wav")
    assert meta.duration_ms == 1500 and "ends early" in meta.note


def test_rf64_takes_the_size_from_ds64() -> None:
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    audio = b"\x00" * 32000
    ds64 = struct.pack("<QQQI", 0, len(audio), len(audio) // 2, 0)
    body = b"WAVE" + b"ds64" + struct.pack("<I", len(ds64)) + ds64
    body += b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + b"\xff" * 4 + audio
    meta = read(b"RF64" + b"\xff" * 4 + body, "audio/wav")
    assert meta.duration_ms == 2000 and meta.note == ""


@pytest.mark.interop
def test_exiftool_agrees_on_wav_flac_avi_mkv_mp3(exiftool: None) -> None:
    cases = [
        ("a.wav", wav(12345), "audio/wav"),
        ("a.flac", mb.flac(44100, 44100 * 7 + 22050), "audio/flac"),
        ("a.avi", mb.avi(33333, 300, 640, 480), "video/x-msvideo"),
        ("a.mkv", mb.matroska(duration=12345.0, created=CREATED), "video/x-matroska"),
        ("a.mp3", mb.id3v2(64) + mb.xing_frame(1000) + mb.mp3_frame() * 3, "audio/mpeg"),
        ("b.mp3", mb.mp3_frame() * 200, "audio/mpeg"),
    ]
    for name, data, mime in cases:
        tags = exiftool_read(data, "-n", name=name)
        expected = tags.get("Composite:Duration", tags.get("Matroska:Duration"))
        assert expected is not None, name
        # exiftool counts WAV and CBR MP3 headers as audio; a few ms apart is agreement.
        assert read(data, mime).duration_ms == pytest.approx(expected * 1000, abs=5), name


def test_flac_duration_with_and_without_a_leading_id3_tag() -> None:
    data = mb.flac(44100, 44100 * 7 + 22050)
    assert read(data, "audio/flac").duration_ms == 7500
    assert read(mb.id3v2(300) + data, "audio/flac").duration_ms == 7500
    unknown = read(mb.flac(44100, 0), "audio/flac")
    assert unknown.duration_ms is None and "does not state its length" in unknown.note


def test_mp3_constant_bitrate_is_estimated_from_the_size() -> None:
    frames = 250  # 250 * 1152 / 44100 s = 6.531 s
    data = mb.id3v2(500) + mb.mp3_frame() * frames + b"TAG" + b"\x00" * 125
    meta = read(data, "audio/mpeg")
    assert meta.duration_ms == pytest.approx(frames * 1152 * 1000 / 44100, rel=0.01)


def test_mp3_variable_bitrate_uses_the_declared_frame_count() -> None:
    expected = 1000 * 1152 * 1000 // 44100
    for first in (mb.xing_frame(1000), mb.xing_frame(1000, b"Info"), mb.vbri_frame(1000)):
        assert read(first + mb.mp3_frame() * 4, "audio/mpeg").duration_ms == expected


def test_mp3_junk_before_the_first_frame_and_false_sync_bytes() -> None:
    junk = b"\x00\xff\xfb\x90\x00\x00" + b"\xff" * 20  # a lone sync pattern is not a frame
    assert read(junk + mb.mp3_frame() * 100, "audio/mpeg").duration_ms == pytest.approx(
        100 * 1152 * 1000 / 44100, rel=0.02
    )
    assert "no MPEG audio frame" in read(b"\x00" * 5000, "audio/mpeg").note


def test_ogg_opus_and_vorbis() -> None:
    opus = read(mb.opus_file(3), "audio/opus")
    assert (opus.duration_ms, opus.note) == (3000, "")
    vorbis = read(mb.vorbis_file(44100, 44100 * 5), "audio/ogg")
    assert (vorbis.duration_ms, vorbis.note) == (5000, "")


def test_ogg_uses_the_first_stream_and_the_last_complete_page() -> None:
    other = mb.ogg_page(b"\x00" * 50, granule=10**9, serial=0xBEEF, sequence=9)
    assert read(mb.opus_file(2) + other, "audio/opus").duration_ms == 2000
    cut = mb.opus_file(4)[:-40]  # the final page lost its end
    assert read(cut, "audio/opus").duration_ms == 3000


def test_matroska_and_webm() -> None:
    meta = read(
        mb.matroska(duration=12345.0, created=CREATED, size=(1280, 720)), "video/x-matroska"
    )
    assert meta.duration_ms == 12345
    assert (meta.captured_at, meta.captured_source) == ("2024-03-05T09:22:01Z", "matroska:DateUTC")
    assert (meta.width, meta.height) == (1280, 720)
    webm = mb.matroska(
        duration=25.0, scale=100_000_000, doc_type=b"webm", unknown_segment_size=True
    )
    assert read(webm, "video/webm").duration_ms == 2500
    live = read(mb.matroska(duration=None, doc_type=b"webm"), "video/webm")
    assert live.duration_ms is None and "does not record its duration" in live.note


def test_avi() -> None:
    meta = read(mb.avi(40000, 250, 720, 576), "video/x-msvideo")
    assert (meta.duration_ms, meta.width, meta.height) == (10_000, 720, 576)


def test_formats_without_a_duration_reader_say_so() -> None:
    meta = read(b"#!AMR\n" + b"\x3c" * 320, "audio/amr")
    assert meta.duration_ms is None and "does not read the duration" in meta.note


GIB = 1024**3


@pytest.mark.parametrize(
    ("mime", "prefix", "gap", "suffix", "duration_ms"),
    [
        # 2 GiB of PCM at 16 kB/s after a normal header.
        (
            "audio/wav",
            mb.wav_with_chunks((8000, 1, 16), b"", data_size=2 * GIB),
            2 * GIB,
            b"",
            2 * GIB * 1000 // 16000,
        ),
        # 1 GiB of 128 kbps MP3 frames: the estimate comes from the size.
        ("audio/mpeg", mb.mp3_frame() * 3, GIB, b"", (3 * 417 + GIB) * 8 // 128),
        # An Ogg file whose middle is 1 GiB: only its start and end are read.
        (
            "audio/opus",
            mb.opus_file(1),
            GIB,
            mb.ogg_page(b"\x00", granule=48000 * 3600 + 312, serial=0x1234, sequence=9, flags=4),
            3_600_000,
        ),
        ("audio/flac", mb.flac(48000, 48000 * 7200), GIB, b"", 7_200_000),
    ],
)
def test_reading_is_bounded_whatever_the_size(
    mime: str, prefix: bytes, gap: int, suffix: bytes, duration_ms: int
) -> None:
    stream = CountingStream(prefix, gap, suffix)
    assert read_container(stream, mime).duration_ms == duration_ms
    assert stream.bytes_read < 256 * 1024


def test_impossible_dates_are_not_times() -> None:
    apple = mb.apple_keys({"com.apple.quicktime.creationdate": "2024-13-45T99:00:00+0500"})
    meta = read(mb.mp4(created=CREATED, duration=1000, extra=apple), "video/mp4")
    assert meta.captured_source == "mp4:mvhd"  # the invalid Apple date was passed over
