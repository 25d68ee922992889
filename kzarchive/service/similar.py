"""Copies of the same picture across the whole vault: ``archive.similar.find``.

Every photo gets a PDQ fingerprint (kzarchive/media/perceptual.py), computed
from the stored bytes, imported items included: a
fingerprint a bundle might carry is never used, since a hostile sender could
make any two items look alike or keep a copy from being found.  The
fingerprints live in the encrypted database (``perceptual_hashes``); for the
open session they are also held in one in-memory ``SimilarityIndex`` that
learns the rows added since it was built, so a query is one scan.

Fingerprints are made after intake with the thumbnails, from one decode
(``archive.pictures``, service/pictures.py); a query first makes those still
queued, so that every picture of the vault is compared.  Corroboration is shown,
never merged: each copy stays its own item with its own provenance and custody.
See docs/decisions.md, "Copies of the same picture in the vault".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzarchive.errors import BadInput, KzError
from kzarchive.media import perceptual
from kzarchive.media.perceptual import DEFAULT_THRESHOLD, Fingerprint, SimilarityIndex
from kzarchive.service import rows
from kzarchive.service.models import Item
from kzarchive.util.progress import CancelToken, Progress

if TYPE_CHECKING:
    from PIL import Image

    from kzarchive.service.evidence import Evidence
    from kzarchive.service.pictures import Pictures
    from kzarchive.service.session import VaultSession


def fingerprint_image(image: Image.Image) -> Fingerprint | None:
    """The fingerprint of a decoded, upright picture; None if it has no pixels.

    One of the readers of a picture's one decode (service/pictures.py).
    """
    try:
        return perceptual.fingerprint(image)
    except KzError:
        return None


def _to_blob(value: Fingerprint) -> bytes:
    return value.pdq + b"".join(value.crops)


def _from_blob(blob: bytes, quality: int) -> Fingerprint:
    size = perceptual.HASH_BYTES
    parts = [bytes(blob[i:i + size]) for i in range(0, len(blob), size)]
    return Fingerprint(parts[0], quality, tuple(parts[1:]))


def store_fingerprint(db: Any, item_id: str, value: Fingerprint | None) -> None:
    """The item's fingerprint row, in the caller's transaction (with the item row)."""
    if value is None:
        return
    db.execute("INSERT OR REPLACE INTO perceptual_hashes (item_id, algorithm, fingerprint, "
               "quality) VALUES (?, ?, ?, ?)",
               (item_id, perceptual.ALGORITHM, _to_blob(value), value.quality))


@dataclass(frozen=True)
class SimilarItem:
    """One item that shows the same picture, with what a person needs to weigh it."""

    item: Item
    distance: int  # bits of 256 that differ; 0 for an exact copy
    exact: bool  # the same bytes (SHA-256)
    incident_title: str
    received: bool  # collected by another vault and received in a bundle


@dataclass(frozen=True)
class SimilarResult:
    item: Item
    threshold: int
    fingerprinted: bool  # False: not a picture kzarchive decodes (only exact copies found)
    matches: list[SimilarItem]


class Similar:
    """Copies of a picture in one open vault."""

    def __init__(self, session: VaultSession, evidence: Evidence, pictures: Pictures):
        self._session = session
        self._evidence = evidence
        self._pictures = pictures
        self._lock = threading.Lock()
        self._index = SimilarityIndex()
        self._seen_rowid = 0

    def find(
        self, item_id: str, threshold: int = DEFAULT_THRESHOLD,
        progress: Progress | None = None, cancel: CancelToken | None = None,
    ) -> SimilarResult:
        """Every other item that shows the same picture: exact copies first, then by
        distance.  Raises NotFound, BadInput (a threshold outside 0..256)."""
        if isinstance(threshold, bool) or not 0 <= threshold <= perceptual.HASH_BITS:
            raise BadInput(what=f"the threshold lies between 0 and {perceptual.HASH_BITS} "
                           f"bits, not {threshold}",
                           hint=f"The default, {DEFAULT_THRESHOLD}, finds resized, recompressed "
                           "and lightly cropped copies.")
        item = self._evidence.get_item(item_id)
        self._pictures.make(progress, cancel)
        own = self._fingerprint_of(item)
        found: dict[str, int] = {}
        with self._session.read() as db:
            for (other,) in db.execute("SELECT id FROM items WHERE sha256 = ? AND id != ? "
                                       "ORDER BY created, id", (item.sha256, item.id)):
                found[other] = 0
        exact = set(found)
        if own is not None:
            with self._lock:
                self._catch_up()
                matches = self._index.query(own, threshold, exclude=item.id)
            for match in matches:
                found.setdefault(match.key, match.distance)
        return SimilarResult(item, threshold, own is not None,
                             self._describe(found, exact))

    def _fingerprint_of(self, item: Item) -> Fingerprint | None:
        with self._session.read() as db:
            row = db.execute("SELECT fingerprint, quality FROM perceptual_hashes "
                             "WHERE item_id = ?", (item.id,)).fetchone()
        return None if row is None else _from_blob(row[0], int(row[1]))

    def _catch_up(self) -> None:
        """Bring the in-memory index up to the table: the rows added since, by rowid.

        Nothing deletes rows while a vault is open (items are never deleted), and new
        rows get rowids above every existing one; a row replaced for the same item
        leaves its old entry behind, which a query reports once, by key.
        """
        with self._session.read() as db:
            fresh = db.execute(
                "SELECT rowid, item_id, fingerprint, quality FROM perceptual_hashes "
                "WHERE rowid > ? ORDER BY rowid", (self._seen_rowid,)).fetchall()
        for rowid, item_id, blob, quality in fresh:
            self._seen_rowid = max(self._seen_rowid, int(rowid))
            if int(quality) >= perceptual.MIN_QUALITY:
                self._index.add(item_id, _from_blob(blob, int(quality)))

    def _describe(self, found: dict[str, int], exact: set[str]) -> list[SimilarItem]:
        if not found:
            return []
        own = self._session.fingerprint
        ids = list(found)
        items: dict[str, tuple[Item, str]] = {}
        with self._session.read() as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for row in db.execute(
                        f"SELECT {rows.item_select('i')}, n.title FROM items i "
                        f"JOIN incidents n ON n.id = i.incident_id WHERE i.id IN ({marks})",
                        chunk):
                    record = rows.item(row[:-1])
                    items[record.id] = (record, str(row[-1]))
        # A row of the index whose item is gone is left out.
        listed = [SimilarItem(record, found[ident], ident in exact, title,
                              record.collector != own)
                  for ident, (record, title) in items.items()]
        listed.sort(key=lambda s: (not s.exact, s.distance, s.item.created, s.item.id))
        return listed
