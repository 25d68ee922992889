"""What is made from a picture's pixels after it is stored: ``archive.pictures``.

Intake stores a photo's bytes and its row at the speed of the disk and puts the
item in ``picture_queue`` in the same commit; nothing at intake decodes pixels.
``Pictures.make`` then decodes each queued picture once, scaled down by the JPEG
decoder to what every reader of its pixels needs, and keeps each reader's result:
the thumbnail (a blob) and the perceptual fingerprint (``perceptual_hashes``).  The
app runs it in the background after an unlock and after items land; ``similar``
runs it first, since it needs every fingerprint.  docs/decisions.md, "Pictures made
after intake".

Everything is read from this vault's own stored bytes, imported items included:
nothing a bundle says about a picture is used as this vault's own reading.  A
hostile or broken picture leaves no thumbnail and no fingerprint, and never stops
the others.  A crash at any instant leaves each picture made or still queued: a
thumbnail's blob is durable before the row that names it commits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzarchive.errors import IntegrityError, KzError, from_os_error
from kzarchive.media.imaging import ImageUnavailable, decode_upright, pillow_format
from kzarchive.media.perceptual import Fingerprint
from kzarchive.media.streams import Stream
from kzarchive.service import provenance, rows, similar
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault.blobs import StoredBlob, blob_columns

if TYPE_CHECKING:
    from PIL import Image

    from kzarchive.bundle.model import VerifiedItem
    from kzarchive.service.evidence import Evidence
    from kzarchive.service.session import VaultSession

log = logging.getLogger(__name__)

# The decoded size: JPEG's decoder scales down by up to 8 while decoding, keeping at
# least this on the longer side and DECODE_SHORT_SIDE on the shorter.  It must serve
# every reader below: the thumbnail's 320 pixels, a perceptual hash's 256 x 256.
DECODE_SIDE = 320
DECODE_SHORT_SIDE = 256
# Pictures decoded side by side (Pillow's decoders release Python's lock), and made
# per commit: one durable sync and one transaction for a group.
WORKERS = 2
GROUP = 16

PixelReader = Callable[["Image.Image"], Any]


def _thumbnail(image: Image.Image) -> bytes:
    from kzarchive.media.thumbnails import thumbnail_of

    return thumbnail_of(image)


# (what it makes, function of the decoded upright image).  A new use of a picture's
# pixels is one more entry here, not one more decode.  A reader that fails leaves
# None; the others still run.
PIXEL_READERS: list[tuple[str, PixelReader]] = [
    ("thumbnail", _thumbnail),
    ("fingerprint", similar.fingerprint_image),
]


def has_pixels(mime: str) -> bool:
    """Whether kzarchive decodes pictures of this type (and so queues them)."""
    return pillow_format(mime) is not None


def queue(db: Any, item_id: str, mime: str) -> None:
    """Queues a new item's picture, in the caller's transaction (with the item row)."""
    if has_pixels(mime):
        db.execute("INSERT OR IGNORE INTO picture_queue (item_id) VALUES (?)", (item_id,))


def read_pixels(stream: Stream, mime: str) -> dict[str, Any]:
    """Each pixel reader's result for stored content, from one decode (None where the
    picture cannot be decoded).  Only a failure of the stream itself is raised."""
    made: dict[str, Any] = {key: None for key, _ in PIXEL_READERS}
    try:
        image = decode_upright(stream, mime, draft_side=DECODE_SIDE,
                               draft_short_side=DECODE_SHORT_SIDE)
    except ImageUnavailable:
        return made
    for key, reader in PIXEL_READERS:
        try:
            made[key] = reader(image)
        except KzError:
            raise
        except Exception as exc:  # the pixels were fine for the others
            log.warning("Reading a picture's pixels failed (%s)", type(exc).__name__)
    return made


@dataclass(frozen=True)
class _Queued:
    item_id: str
    mime: str
    has_thumbnail: bool  # a picture queued again keeps the thumbnail it has


@dataclass(frozen=True)
class _Made:
    item_id: str
    thumbnail: bytes | None
    fingerprint: Fingerprint | None


class Pictures:
    """Thumbnails and fingerprints of one open vault's queued pictures."""

    def __init__(self, session: VaultSession, evidence: Evidence):
        self._session = session
        self._evidence = evidence
        self._blobs = session.blobs

    def waiting(self) -> int:
        """How many pictures are queued."""
        with self._session.read() as db:
            return int(db.execute("SELECT count(*) FROM picture_queue").fetchone()[0])

    def make(self, progress: Progress | None = None, cancel: CancelToken | None = None,
             limit: int | None = None) -> list[str]:
        """Makes the queued pictures' thumbnails and fingerprints, oldest first; at most
        ``limit`` of them.  Returns the ids of the items done (a picture that cannot be
        decoded is done too, with neither).  Raises Cancelled (what was made before is
        kept), DiskFull."""
        with self._session.read() as db:
            queued = [_Queued(str(ident), str(mime), bool(has_thumbnail))
                      for ident, mime, has_thumbnail in db.execute(
                          "SELECT q.item_id, i.mime, i.thumbnail_blob_id IS NOT NULL "
                          "FROM picture_queue q JOIN items i ON i.id = q.item_id "
                          "ORDER BY q.rowid" + (" LIMIT ?" if limit is not None else ""),
                          (limit,) if limit is not None else ()).fetchall()]
        done: list[str] = []
        with ThreadPoolExecutor(WORKERS, thread_name_prefix="pictures") as pool:
            for start in range(0, len(queued), GROUP):
                if cancel is not None:
                    cancel.check()
                group = queued[start:start + GROUP]
                made = list(pool.map(self._read, group))
                self._keep(made)
                done += [entry.item_id for entry in made]
                if progress is not None:
                    progress(len(done), len(queued))
        return done

    def _read(self, queued: _Queued) -> _Made:
        try:
            with self._evidence.open_item(queued.item_id) as reader:
                made = read_pixels(reader, queued.mime)
        except IntegrityError:
            # Altered content: verify names it.  Nothing is made from bytes that are
            # not the ones recorded.
            return _Made(queued.item_id, None, None)
        thumbnail = None if queued.has_thumbnail else made["thumbnail"]
        return _Made(queued.item_id, thumbnail, made["fingerprint"])

    def _keep(self, made: list[_Made]) -> None:
        """One group: thumbnails written and made durable, then one transaction."""
        with_thumbnail = [entry for entry in made if entry.thumbnail]
        ids = [self._blobs.new_id() for _ in with_thumbnail]
        if ids:
            with self._session.transaction() as db:
                db.executemany("INSERT INTO pending_blobs (id) VALUES (?)",
                               [(blob_id,) for blob_id in ids])
        written: dict[str, StoredBlob] = {}
        try:
            for blob_id, entry in zip(ids, with_thumbnail, strict=True):
                assert entry.thumbnail is not None
                written[entry.item_id] = self._blobs.write_content(
                    blob_id, entry.thumbnail, durable=False)
            self._blobs.make_durable(blob.id for blob in written.values())
        except OSError as exc:
            for stray in written.values():
                self._blobs.delete(stray.id)
            raise from_os_error(exc, "the vault's drive has no room for the previews") from None
        redundant: list[str] = []
        with self._session.transaction() as db:
            for entry in made:
                thumbnail = written.get(entry.item_id)
                if thumbnail is not None:
                    kept = rows.keep_or_repend(db, thumbnail)
                    if kept != thumbnail.id:
                        redundant.append(thumbnail.id)
                    db.execute("UPDATE items SET thumbnail_blob_id = ? WHERE id = ?",
                               (kept, entry.item_id))
                similar.store_fingerprint(db, entry.item_id, entry.fingerprint)
                db.execute("DELETE FROM picture_queue WHERE item_id = ?", (entry.item_id,))
        for blob_id in redundant:
            self._blobs.delete(blob_id)
        if redundant:
            with self._session.transaction() as db:
                db.executemany("DELETE FROM pending_blobs WHERE id = ?",
                               [(blob_id,) for blob_id in redundant])


def read_received_credentials(session: VaultSession, items: Iterable[VerifiedItem],
                              written: dict[str, StoredBlob]) -> dict[str, dict[str, Any]]:
    """This vault's own reading of the Content Credentials of imported items, from the
    received, verified bytes, by item id (items without a manifest are left out).

    ``written`` holds the blobs this import wrote, by SHA-256; content the vault
    already held is read from its own blob.  A sanitized copy carries no manifest
    by construction.  Thumbnails and fingerprints are queued, as for any new item.
    """
    readings: dict[str, dict[str, Any]] = {}
    for item in items:
        if (item.derivation or {}).get("kind") == "sanitized":
            continue
        blob = written.get(item.file.sha256) or _held_blob(session, item)
        if blob is None:
            continue
        with session.blobs.open(blob) as reader:
            try:
                record = provenance.read_record(reader, item.mime)
            except KzError:
                raise
            except Exception:  # a hostile manifest must never stop the import
                record = None
        if record is not None:
            readings[item.id] = record
    return readings


def _held_blob(session: VaultSession, item: VerifiedItem) -> StoredBlob | None:
    with session.read() as db:
        row = db.execute(f"SELECT {blob_columns('b')} FROM blobs b WHERE b.sha256 = ? "
                         "AND b.size = ? LIMIT 1", (item.file.sha256, item.file.size)).fetchone()
    return None if row is None else StoredBlob.from_row(row)
