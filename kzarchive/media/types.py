"""What a file is: its media type (MIME) and kind, from its bytes first.

The first bytes decide (a photo renamed ``.txt`` is still a photo); the file
name only refines what the bytes cannot tell apart (ZIP-based office files,
TIFF-based camera RAW, the brand-neutral MP4 that may hold only sound), and
decides alone for formats without a signature (plain text, CSV).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Kind = Literal["photo", "video", "audio", "document", "other"]

#: How many leading bytes ``sniff`` wants to see; fewer still work, less precisely.
SNIFF_HEAD_SIZE = 512

OCTET_STREAM = "application/octet-stream"

# mime: (extension without dot, kind).  The first extension of a type is the
# one ``extension_for`` gives; further names for the same type are in _ALIASES.
_TYPES: dict[str, tuple[str, Kind]] = {
    "image/jpeg": ("jpg", "photo"),
    "image/png": ("png", "photo"),
    "image/webp": ("webp", "photo"),
    "image/tiff": ("tif", "photo"),
    "image/gif": ("gif", "photo"),
    "image/bmp": ("bmp", "photo"),
    "image/heic": ("heic", "photo"),
    "image/heif": ("heif", "photo"),
    "image/avif": ("avif", "photo"),
    "image/x-adobe-dng": ("dng", "photo"),
    "image/x-canon-cr2": ("cr2", "photo"),
    "image/x-canon-cr3": ("cr3", "photo"),
    "image/x-nikon-nef": ("nef", "photo"),
    "image/x-sony-arw": ("arw", "photo"),
    "image/x-olympus-orf": ("orf", "photo"),
    "image/x-panasonic-rw2": ("rw2", "photo"),
    "image/x-pentax-pef": ("pef", "photo"),
    "image/x-samsung-srw": ("srw", "photo"),
    "image/x-fuji-raf": ("raf", "photo"),
    "video/mp4": ("mp4", "video"),
    "video/quicktime": ("mov", "video"),
    "video/x-m4v": ("m4v", "video"),
    "video/3gpp": ("3gp", "video"),
    "video/3gpp2": ("3g2", "video"),
    "video/x-matroska": ("mkv", "video"),
    "video/webm": ("webm", "video"),
    "video/x-msvideo": ("avi", "video"),
    "video/ogg": ("ogv", "video"),
    "audio/mpeg": ("mp3", "audio"),
    "audio/mp4": ("m4a", "audio"),
    "audio/aac": ("aac", "audio"),
    "audio/wav": ("wav", "audio"),
    "audio/flac": ("flac", "audio"),
    "audio/ogg": ("ogg", "audio"),
    "audio/opus": ("opus", "audio"),
    "audio/amr": ("amr", "audio"),
    "audio/amr-wb": ("awb", "audio"),
    "audio/x-matroska": ("mka", "audio"),
    "audio/webm": ("weba", "audio"),
    "application/pdf": ("pdf", "document"),
    "application/msword": ("doc", "document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "docx",
        "document",
    ),
    "application/vnd.ms-excel": ("xls", "document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx", "document"),
    "application/vnd.ms-powerpoint": ("ppt", "document"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "pptx",
        "document",
    ),
    "application/vnd.oasis.opendocument.text": ("odt", "document"),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods", "document"),
    "application/vnd.oasis.opendocument.presentation": ("odp", "document"),
    "application/rtf": ("rtf", "document"),
    "text/plain": ("txt", "document"),
    "text/markdown": ("md", "document"),
    "text/csv": ("csv", "document"),
    "text/html": ("html", "document"),
    "application/epub+zip": ("epub", "document"),
    "application/zip": ("zip", "other"),
    "application/x-ole-storage": ("bin", "other"),
    OCTET_STREAM: ("bin", "other"),
}

_ALIASES: dict[str, str] = {
    "jpeg": "image/jpeg",
    "jpe": "image/jpeg",
    "tiff": "image/tiff",
    "htm": "text/html",
    "text": "text/plain",
    "log": "text/plain",
    "qt": "video/quicktime",
    "m4b": "audio/mp4",
    "oga": "audio/ogg",
    "wave": "audio/wav",
}

_BY_EXTENSION: dict[str, str] = {ext: mime for mime, (ext, _kind) in _TYPES.items()}
_BY_EXTENSION.update(_ALIASES)
del _BY_EXTENSION["bin"]

# Common spellings of the same types, so that a stored or foreign mime string
# still finds its extension and kind.
_MIME_SYNONYMS: dict[str, str] = {
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "image/x-ms-bmp": "image/bmp",
    "image/heic-sequence": "image/heic",
    "image/heif-sequence": "image/heif",
    "audio/x-wav": "audio/wav",
    "audio/wave": "audio/wav",
    "audio/vnd.wave": "audio/wav",
    "audio/x-flac": "audio/flac",
    "audio/mp3": "audio/mpeg",
    "audio/x-m4a": "audio/mp4",
    "audio/3gpp": "video/3gpp",
    "application/x-pdf": "application/pdf",
    "text/rtf": "application/rtf",
}

_RIFF_FORMS = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}

_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
_HEIF_BRANDS = {b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_M4A_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_M4V_BRANDS = {b"M4V ", b"M4VH", b"M4VP"}
_3GP_PREFIXES = (b"3gp", b"3gs", b"3ge", b"3gg")
_QUICKTIME_FIRST_BOXES = {b"moov", b"mdat", b"wide", b"pnot"}

# Container types whose refinement the file name may choose.
_REFINABLE: dict[str, set[str]] = {
    "image/tiff": {
        "image/x-adobe-dng",
        "image/x-nikon-nef",
        "image/x-sony-arw",
        "image/x-pentax-pef",
        "image/x-samsung-srw",
    },
    "video/mp4": {"audio/mp4", "video/x-m4v", "video/quicktime", "video/3gpp"},
    "video/x-matroska": {"audio/x-matroska"},
    "video/webm": {"audio/webm"},
    "application/zip": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/epub+zip",
    },
    "application/x-ole-storage": {
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
    },
    "audio/mpeg": {"audio/aac"},
}
_REFINABLE["application/zip"] |= {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}

# Types a file name may claim although the bytes did not show their signature:
# text has none, and MPEG audio often starts with junk before its first frame.
_NAME_SUFFICES = {"text/plain", "text/markdown", "text/csv", "text/html", "audio/mpeg", "audio/aac"}

_ODF_MIMETYPE = re.compile(rb"mimetypeapplication/(vnd\.oasis\.opendocument\.[a-z]+|epub\+zip)")
_HTML_START = re.compile(rb"\s*(<!doctype\s+html|<html[\s>]|<head[\s>])", re.IGNORECASE)


def normalise_mime(mime: str) -> str:
    """The bare, lower-case type: parameters dropped, common synonyms unified."""
    bare = mime.split(";", 1)[0].strip().lower()
    return _MIME_SYNONYMS.get(bare, bare)


def is_known_mime(mime: str) -> bool:
    """Whether kzarchive knows this media type (parameters and synonyms aside)."""
    return normalise_mime(mime) in _TYPES


def kind_of(mime: str) -> Kind:
    """The kind of a media type; ``other`` for types kzarchive does not know."""
    entry = _TYPES.get(normalise_mime(mime))
    return entry[1] if entry else "other"


def extension_for(mime: str) -> str:
    """The usual file extension for a media type, without the dot ("jpg").

    Unknown types give "bin", so a name built from an id and this extension is
    always plain ASCII.
    """
    entry = _TYPES.get(normalise_mime(mime))
    return entry[0] if entry else "bin"


def mime_for_extension(filename: str) -> str | None:
    """The media type a file name suggests, or None."""
    _, dot, ext = filename.rpartition(".")
    if not dot:
        return None
    return _BY_EXTENSION.get(ext.lower())


def sniff(head: bytes, filename: str) -> tuple[str, Kind]:
    """The media type and kind of a file from its first bytes and its name.

    ``head`` should be the first ``SNIFF_HEAD_SIZE`` bytes (or the whole file if
    shorter).  Signatures win over the name; the name refines a container the
    bytes cannot pin down and names formats that have no signature.
    """
    by_name = mime_for_extension(filename)
    by_bytes = _from_signature(head)
    if by_bytes is not None:
        if by_name is not None and by_name in _REFINABLE.get(by_bytes, set()):
            by_bytes = by_name
        return by_bytes, kind_of(by_bytes)
    if by_name in _NAME_SUFFICES and _content_fits(by_name, head):
        return by_name, kind_of(by_name)
    if _looks_like_text(head):
        return "text/plain", "document"
    return OCTET_STREAM, "other"


def _content_fits(mime: str, head: bytes) -> bool:
    """A text type named by the file name must at least look like text."""
    return not mime.startswith("text/") or not head or _looks_like_text(head)


def _from_signature(head: bytes) -> str | None:
    for probe in _PROBES:
        found = probe(head)
        if found is not None:
            return found
    return None


def _simple_signature(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/x-canon-cr2" if head[8:10] == b"CR" else "image/tiff"
    if head.startswith((b"IIRO", b"IIRS", b"MMOR")):
        return "image/x-olympus-orf"
    if head.startswith(b"IIU\x00"):
        return "image/x-panasonic-rw2"
    if head.startswith(b"FUJIFILMCCD-RAW"):
        return "image/x-fuji-raf"
    if head.startswith(b"BM") and len(head) > 14 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return "image/bmp"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"#!AMR-WB\n"):
        return "audio/amr-wb"
    if head.startswith(b"#!AMR\n"):
        return "audio/amr"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"{\\rtf"):
        return "application/rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/x-ole-storage"
    return None


def _riff(head: bytes) -> str | None:
    if head[:4] in (b"RIFF", b"RF64") and len(head) >= 12:
        return _RIFF_FORMS.get(head[8:12])
    return None


def _iso_bmff(head: bytes) -> str | None:
    if len(head) < 12:
        return None
    box_type = head[4:8]
    if box_type in _QUICKTIME_FIRST_BOXES:
        return "video/quicktime"
    if box_type != b"ftyp":
        return None
    size = int.from_bytes(head[0:4], "big")
    end = min(max(size, 16), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    major = brands[0]
    brand_set = set(brands)
    if major in _AVIF_BRANDS or (major in _HEIF_BRANDS and brand_set & _AVIF_BRANDS):
        return "image/avif"
    if major in _HEIC_BRANDS or (major in _HEIF_BRANDS and brand_set & _HEIC_BRANDS):
        return "image/heic"
    if major in _HEIF_BRANDS:
        return "image/heif"
    if major == b"crx ":
        return "image/x-canon-cr3"
    if major in _M4A_BRANDS:
        return "audio/mp4"
    if major in _M4V_BRANDS:
        return "video/x-m4v"
    if major == b"qt  ":
        return "video/quicktime"
    if major.startswith(_3GP_PREFIXES):
        return "video/3gpp"
    if major.startswith(b"3g2"):
        return "video/3gpp2"
    return "video/mp4"


def _ebml(head: bytes) -> str | None:
    if not head.startswith(b"\x1a\x45\xdf\xa3"):
        return None
    # The DocType element (0x4282) names the flavour; it sits in the first header.
    return "video/webm" if b"\x42\x82\x84webm" in head[:64] else "video/x-matroska"


def _ogg(head: bytes) -> str | None:
    if not head.startswith(b"OggS"):
        return None
    first_packet = head[28:40]
    if first_packet.startswith(b"OpusHead"):
        return "audio/opus"
    if first_packet.startswith(b"\x80theora"):
        return "video/ogg"
    return "audio/ogg"


def _mpeg_audio(head: bytes) -> str | None:
    if head.startswith(b"ID3"):
        return "audio/mpeg"
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return None
    layer_bits = (head[1] >> 1) & 0b11
    if layer_bits == 0b00:
        # ADTS (AAC) uses 12 sync bits and a zero layer field.
        return "audio/aac" if head[1] & 0xF0 == 0xF0 else None
    version_bits = (head[1] >> 3) & 0b11
    bitrate_index = head[2] >> 4
    rate_index = (head[2] >> 2) & 0b11
    if version_bits == 0b01 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    return "audio/mpeg"


def _zip(head: bytes) -> str | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    # ODF and EPUB store an uncompressed "mimetype" member first, at offset 30.
    match = _ODF_MIMETYPE.match(head, 30)
    if match:
        return "application/" + match.group(1).decode("ascii")
    return "application/zip"


def _text_markup(head: bytes) -> str | None:
    text = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(text):
        return "text/html"
    return None


_PROBES = (_simple_signature, _riff, _iso_bmff, _ebml, _ogg, _mpeg_audio, _zip, _text_markup)


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    sample = head.removeprefix(b"\xef\xbb\xbf")
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the head is still text.
        if error.start < len(sample) - 3 or error.reason != "unexpected end of data":
            return False
        text = sample[: error.start].decode("utf-8")
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text)
