"""sniff: the bytes decide, the name refines; extension_for names files in bundles."""

from __future__ import annotations

import struct

import pytest

from kzarchive.media.types import extension_for, kind_of, normalise_mime, sniff
from tests.media.media_helpers import encoded, gradient


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    payload = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(payload)) + b"ftyp" + payload + b"\x00" * 16


def riff(form: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 1000) + form + b"\x00" * 16


def ogg_first_page(packet: bytes) -> bytes:
    return b"OggS\x00\x02" + b"\x00" * 20 + b"\x01" + bytes([len(packet)]) + packet


SIGNATURES = [
    (encoded(gradient(8, 8), "JPEG"), "image/jpeg", "photo"),
    (encoded(gradient(8, 8), "PNG"), "image/png", "photo"),
    (encoded(gradient(8, 8), "GIF"), "image/gif", "photo"),
    (encoded(gradient(8, 8), "WEBP"), "image/webp", "photo"),
    (encoded(gradient(8, 8), "TIFF"), "image/tiff", "photo"),
    (encoded(gradient(8, 8), "BMP"), "image/bmp", "photo"),
    (ftyp(b"heic", b"mif1", b"heic"), "image/heic", "photo"),
    (ftyp(b"mif1", b"mif1", b"heic"), "image/heic", "photo"),
    (ftyp(b"mif1", b"mif1"), "image/heif", "photo"),
    (ftyp(b"avif", b"mif1", b"avif"), "image/avif", "photo"),
    (ftyp(b"crx ", b"crx "), "image/x-canon-cr3", "photo"),
    (b"II*\x00\x10\x00\x00\x00CR\x02\x00" + b"\x00" * 8, "image/x-canon-cr2", "photo"),
    (b"FUJIFILMCCD-RAW 0201", "image/x-fuji-raf", "photo"),
    (ftyp(b"isom", b"isom", b"avc1"), "video/mp4", "video"),
    (ftyp(b"mp42", b"mp41"), "video/mp4", "video"),
    (ftyp(b"qt  ", b"qt  "), "video/quicktime", "video"),
    (b"\x00\x00\x00\x08wide\x00\x00\x00\x10mdat", "video/quicktime", "video"),
    (ftyp(b"M4V ", b"M4V "), "video/x-m4v", "video"),
    (ftyp(b"3gp4", b"3gp4"), "video/3gpp", "video"),
    (ftyp(b"3g2a", b"3g2a"), "video/3gpp2", "video"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska", "video/x-matroska", "video"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video/webm", "video"),
    (riff(b"AVI "), "video/x-msvideo", "video"),
    (ftyp(b"M4A ", b"M4A ", b"mp42"), "audio/mp4", "audio"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg", "audio"),
    (b"\xff\xfb\x90\x64" + b"\x00" * 8, "audio/mpeg", "audio"),
    (b"\xff\xf1\x50\x80" + b"\x00" * 8, "audio/aac", "audio"),
    (riff(b"WAVE"), "audio/wav", "audio"),
    (b"fLaC\x00\x00\x00\x22", "audio/flac", "audio"),
    (ogg_first_page(b"\x01vorbis\x00\x00\x00\x00"), "audio/ogg", "audio"),
    (ogg_first_page(b"OpusHead\x01\x02"), "audio/opus", "audio"),
    (b"#!AMR\n\x3c", "audio/amr", "audio"),
    (b"#!AMR-WB\n", "audio/amr-wb", "audio"),
    (b"%PDF-1.7\n", "application/pdf", "document"),
    (b"{\\rtf1\\ansi", "application/rtf", "document"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "text/html", "document"),
    (
        b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.text",
        "document",
    ),
]


@pytest.mark.parametrize(("head", "mime", "kind"), SIGNATURES)
def test_signature_decides_whatever_the_name(head: bytes, mime: str, kind: str) -> None:
    assert sniff(head, "evidence") == (mime, kind)
    # A misleading name does not override the bytes: a photo renamed .txt is a photo.
    assert sniff(head, "notes.txt") == (mime, kind)


@pytest.mark.parametrize(
    ("head", "name", "mime"),
    [
        (b"II*\x00\x08\x00\x00\x00", "IMG_0001.DNG", "image/x-adobe-dng"),
        (b"MM\x00*\x00\x00\x00\x08", "DSC_0001.nef", "image/x-nikon-nef"),
        (b"II*\x00\x08\x00\x00\x00", "scan.tif", "image/tiff"),
        (ftyp(b"isom", b"isom"), "voice memo.m4a", "audio/mp4"),
        (ftyp(b"isom", b"isom"), "clip.mov", "video/quicktime"),
        (
            b"PK\x03\x04\x14\x00",
            "statement.docx",
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ),
        (b"PK\x03\x04\x14\x00", "archive.zip", "application/zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "old.DOC", "application/msword"),
    ],
)
def test_name_refines_a_container_the_bytes_cannot_pin_down(
    head: bytes, name: str, mime: str
) -> None:
    assert sniff(head, name)[0] == mime


def test_name_cannot_turn_a_container_into_something_else() -> None:
    # MP4 bytes named .jpg stay video; a ZIP named .mp4 stays a ZIP.
    assert sniff(ftyp(b"isom", b"isom"), "photo.jpg") == ("video/mp4", "video")
    assert sniff(b"PK\x03\x04\x14\x00", "clip.mp4") == ("application/zip", "other")


def test_formats_without_signature_come_from_the_name() -> None:
    assert sniff(b"date,place\n2024-03-05,Almaty\n", "list.csv") == ("text/csv", "document")
    assert sniff(b"# Notes\n", "notes.md") == ("text/markdown", "document")
    # MPEG audio may begin with junk before its first frame.
    assert sniff(b"\x00\x01\x02junk", "interview.mp3") == ("audio/mpeg", "audio")


def test_a_name_does_not_vouch_for_bytes_that_contradict_it() -> None:
    assert sniff(b"\x00\x01\x02\x03 not a jpeg", "photo.jpg") == (
        "application/octet-stream",
        "other",
    )


def test_unnamed_text_is_recognised_including_a_cut_multibyte_character() -> None:
    text = "Свидетель видел задержание в 14:20.\n".encode()
    assert sniff(text, "testimony") == ("text/plain", "document")
    assert sniff(text[:-2] + "ж".encode()[:1], "testimony") == ("text/plain", "document")
    assert sniff("emoji 👩‍⚖️ and tabs\t\n".encode(), "x") == ("text/plain", "document")


def test_binary_junk_is_other() -> None:
    assert sniff(bytes(range(256)), "blob") == ("application/octet-stream", "other")
    assert sniff(b"", "empty") == ("application/octet-stream", "other")
    assert sniff(b"\x00\x00\x00", "zeros.txt")[0] == "application/octet-stream"


@pytest.mark.parametrize(
    ("mime", "extension"),
    [
        ("image/jpeg", "jpg"),
        ("IMAGE/JPEG", "jpg"),
        ("image/jpg", "jpg"),
        ("image/png", "png"),
        ("image/heic", "heic"),
        ("video/quicktime", "mov"),
        ("video/mp4", "mp4"),
        ("audio/mp4", "m4a"),
        ("audio/mpeg", "mp3"),
        ("audio/x-wav", "wav"),
        ("audio/ogg; codecs=opus", "ogg"),
        ("application/pdf", "pdf"),
        ("text/plain; charset=utf-8", "txt"),
        ("application/x-something-new", "bin"),
        ("", "bin"),
    ],
)
def test_extension_for(mime: str, extension: str) -> None:
    assert extension_for(mime) == extension


def test_every_known_type_round_trips_through_its_extension() -> None:
    for head, mime, _kind in SIGNATURES:
        ext = extension_for(mime)
        assert ext.isascii() and ext.isalnum()
        # The sniffed type survives a rename to its own extension.
        assert sniff(head, f"item.{ext}")[0] == mime


def test_normalise_and_kind() -> None:
    assert normalise_mime(" Audio/X-WAV ; rate=8000") == "audio/wav"
    assert kind_of("audio/x-wav") == "audio"
    assert kind_of("application/x-unknown") == "other"
