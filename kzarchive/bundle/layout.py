"""The fixed layout of a bundle (format version 1), shared by writer and reader.

Every name a bundle may contain is listed here, in the order the tar stream
holds them: tag files and the signature first, then the bundle description and
the custody files, then the payload files.  docs/bundle-format.md is the prose
form of this module.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import TypeGuard

from kzarchive.util.canonical import utc_timestamp

FORMAT_NAME = "kzarchive-bundle"
# The newest version this kzarchive reads and writes.  A bundle is written as
# version 1 unless it carries trusted time (data/custody/stamps/, version 2), so
# that a reader of version 1 refuses a stamped bundle as newer ("update
# kzarchive") instead of as damaged, and every other bundle stays as it was.
FORMAT_VERSION = 2
FORMAT_VERSION_PLAIN = 1
FORMAT_VERSION_STAMPS = 2
FILE_SUFFIX = ".kzb"

BAGIT_TXT = "bagit.txt"
BAG_INFO_TXT = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.minisig"
SENDER_PUB = "sender.pub"
DATA = "data"
BUNDLE_JSON = "data/bundle.json"
CUSTODY = "data/custody"
ENTRIES = "data/custody/entries.jsonl"
CHECKPOINT = "data/custody/checkpoint.txt"
CHECKPOINT_SIGNATURE = "data/custody/checkpoint.txt.minisig"
PROOFS = "data/custody/proofs.json"
FILES = "data/files"

# (path inside the bag folder, is a folder), in stream order, before the payload files.
LEADING_ENTRIES: tuple[tuple[str, bool], ...] = (
    (BAGIT_TXT, False),
    (BAG_INFO_TXT, False),
    (MANIFEST, False),
    (TAG_MANIFEST, False),
    (SIGNATURE, False),
    (SENDER_PUB, False),
    (DATA, True),
    (BUNDLE_JSON, False),
    (CUSTODY, True),
    (ENTRIES, False),
    (CHECKPOINT, False),
    (CHECKPOINT_SIGNATURE, False),
    (PROOFS, False),
    (FILES, True),
)
# Files the tag manifest lists (all tag files but the tag manifest and its signature).
TAG_MANIFEST_FILES = (BAGIT_TXT, BAG_INFO_TXT, MANIFEST, SENDER_PUB)
# Payload files that every bundle has besides the evidence files, in manifest order.
DESCRIPTION_FILES = (BUNDLE_JSON, ENTRIES, CHECKPOINT, CHECKPOINT_SIGNATURE, PROOFS)

# Files read whole into memory while reading a bundle; anything larger is refused
# before it is read (docs/bundle-format.md, "Limits").  The small tag files hold a
# few lines; the payload manifest one line (about 110 bytes) per file; the JSON
# files are further bounded by the value budget of kzarchive.bundle.jsontext.
MAX_SIGNATURE_FILE = 16 * 1024
MAX_SMALL_FILE = 64 * 1024
MAX_MANIFEST = 16 * 1024 * 1024
MAX_JSON_FILE = 32 * 1024 * 1024
# All the files above together: what the reader holds while it checks them.
MAX_LEADING_TOTAL = 48 * 1024 * 1024
# A leading file not listed here (one a later layout adds) gets MAX_SMALL_FILE.
LEADING_FILE_LIMITS = {
    BAGIT_TXT: MAX_SMALL_FILE,
    BAG_INFO_TXT: MAX_SMALL_FILE,
    MANIFEST: MAX_MANIFEST,
    TAG_MANIFEST: MAX_SMALL_FILE,
    SIGNATURE: MAX_SIGNATURE_FILE,
    SENDER_PUB: MAX_SMALL_FILE,
    BUNDLE_JSON: MAX_JSON_FILE,
    ENTRIES: MAX_JSON_FILE,
    CHECKPOINT: MAX_SMALL_FILE,
    CHECKPOINT_SIGNATURE: MAX_SIGNATURE_FILE,
    PROOFS: MAX_JSON_FILE,
}

# bag-info.txt labels (the RFC's, then kzarchive's own).
LABEL_AGENT = "Bag-Software-Agent"
LABEL_DATE = "Bagging-Date"
LABEL_IDENTIFIER = "External-Identifier"
LABEL_OXUM = "Payload-Oxum"
LABEL_FORMAT = "KZ-Format-Version"
LABEL_CREATED = "KZ-Created"
LABEL_SENDER = "KZ-Sender-Fingerprint"
LABEL_SENDER_AGE = "KZ-Sender-Age-Recipient"
LABEL_RECIPIENTS = "KZ-Recipient-Fingerprints"
SINGLE_LABELS = (
    LABEL_AGENT,
    LABEL_DATE,
    LABEL_IDENTIFIER,
    LABEL_OXUM,
    LABEL_FORMAT,
    LABEL_CREATED,
    LABEL_SENDER,
    LABEL_SENDER_AGE,
)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_EXTENSION = re.compile(r"[a-z0-9]{1,16}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_PAYLOAD = re.compile(r"data/files/([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?:\.([a-z0-9]{1,16}))?")


def is_id(value: object) -> TypeGuard[str]:
    """Bundle and item ids: 1 to 64 ASCII letters, digits, '-' or '_', not starting with '-'/'_'."""
    return isinstance(value, str) and bool(_ID.fullmatch(value))


def is_extension(value: object) -> bool:
    """File extensions: empty, or 1 to 16 lowercase ASCII letters and digits."""
    return value == "" or (isinstance(value, str) and bool(_EXTENSION.fullmatch(value)))


def is_timestamp(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(_TIMESTAMP.fullmatch(value))


def payload_path(item_id: str, extension: str) -> str:
    """``data/files/<item id>.<ext>`` (without the dot when there is no extension)."""
    if not is_id(item_id) or not is_extension(extension):
        raise ValueError(f"invalid item id or extension: {item_id!r}, {extension!r}")
    return f"{FILES}/{item_id}.{extension}" if extension else f"{FILES}/{item_id}"


@dataclass(frozen=True)
class PayloadName:
    item_id: str
    extension: str


def parse_payload_path(path: str) -> PayloadName | None:
    """The item id and extension of a payload file's path, or None for any other path."""
    match = _PAYLOAD.fullmatch(path)
    if not match:
        return None
    return PayloadName(match.group(1), match.group(2) or "")


def new_bundle_id(created: str | None = None) -> str:
    """A fresh id like ``kzb-20250102-3f9c2a7e1b4d6c80``: a date for people, then random."""
    stamp = created or utc_timestamp()
    return f"kzb-{stamp[:10].replace('-', '')}-{secrets.token_hex(8)}"


def trusted_comment(bundle_id: str, created: str, sender_fingerprint: str) -> str:
    """The signed comment ``minisign -V`` prints: what, when, by whom."""
    return f"kzarchive bundle {bundle_id}; signed {created}; sender {sender_fingerprint}"


_TRUSTED_COMMENT = re.compile(
    r"kzarchive bundle ([A-Za-z0-9][A-Za-z0-9_-]{0,63}); "
    r"signed (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z); "
    r"sender ((?:\d{5} ){11}\d{5})"
)


def parse_trusted_comment(text: str) -> tuple[str, str, str] | None:
    """(bundle id, time, sender fingerprint), or None when it is not a bundle's comment."""
    match = _TRUSTED_COMMENT.fullmatch(text)
    return (match.group(1), match.group(2), match.group(3)) if match else None
