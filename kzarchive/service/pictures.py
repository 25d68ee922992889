"""What is learnt from a picture's stored bytes besides its metadata: the perceptual
fingerprint (for finding copies) and the Content Credentials (C2PA).

Called at intake with the stored content, and at import with the received bytes
once the bundle was verified; nothing a bundle states about either is used as
this vault's own reading.  Hostile files never stop intake: only the vault's
own stream failure (an altered blob) is raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzarchive.errors import KzError
from kzarchive.media.perceptual import Fingerprint
from kzarchive.media.streams import Stream
from kzarchive.service import provenance, similar
from kzarchive.vault.blobs import StoredBlob, blob_columns

if TYPE_CHECKING:
    from kzarchive.bundle.model import VerifiedItem
    from kzarchive.service.session import VaultSession


@dataclass(frozen=True)
class PictureReading:
    fingerprint: Fingerprint | None
    credentials: dict[str, Any] | None  # this vault's own reading; None: no manifest


def describe_picture(stream: Stream, mime: str) -> tuple[Fingerprint | None,
                                                         dict[str, Any] | None]:
    """Fingerprint and credentials record of stored content (None where there is none)."""
    fingerprint = credentials = None
    try:
        fingerprint = similar.fingerprint_stream(stream, mime)
    except KzError:
        raise
    except Exception:  # a hostile picture must never stop intake
        fingerprint = None
    try:
        credentials = provenance.read_record(stream, mime)
    except KzError:
        raise
    except Exception:
        credentials = None
    stream.seek(0)
    return fingerprint, credentials


def read_received(session: VaultSession, items: Iterable[VerifiedItem],
                  written: dict[str, StoredBlob]) -> dict[str, PictureReading]:
    """Readings of the received, verified bytes of imported items, by item id.

    ``written`` holds the blobs this import wrote, by SHA-256; content the vault
    already held is read from its own blob.  A sanitized copy carries no manifest
    by construction: only its fingerprint is made.
    """
    readings: dict[str, PictureReading] = {}
    for item in items:
        blob = written.get(item.file.sha256) or _held_blob(session, item)
        if blob is None:
            continue
        with session.blobs.open(blob) as reader:
            fingerprint, credentials = describe_picture(reader, item.mime)
        if (item.derivation or {}).get("kind") == "sanitized":
            credentials = None
        readings[item.id] = PictureReading(fingerprint, credentials)
    return readings


def _held_blob(session: VaultSession, item: VerifiedItem) -> StoredBlob | None:
    with session.read() as db:
        row = db.execute(f"SELECT {blob_columns('b')} FROM blobs b WHERE b.sha256 = ? "
                         "AND b.size = ? LIMIT 1", (item.file.sha256, item.file.size)).fetchone()
    return None if row is None else StoredBlob.from_row(row)
