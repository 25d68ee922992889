"""Items of evidence: intake, reading, extraction and verification.

``archive.evidence``, built over a ``VaultSession``.  Intake is one streaming pass
(read, hash, encrypt, write); metadata is then read from the stored ciphertext, so
it describes exactly the bytes whose hash was recorded, and nothing decrypted
touches the disk.  A picture's thumbnail and fingerprint are made later from the
same stored bytes (``archive.pictures``).
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kzarchive.crypto.stream import SeekablePayloadReader
from kzarchive.errors import (
    BadInput,
    IntegrityError,
    KzError,
    MissingFile,
    NotFound,
    RollbackDetected,
    VaultLocked,
    from_os_error,
)
from kzarchive.service import pictures, rows
from kzarchive.service.describe import describe
from kzarchive.service.intake import (
    FileProgress,
    IntakeFile,
    IntakeResult,
    attach_files,
    item_values,
)
from kzarchive.service.models import Item, VerifyReport
from kzarchive.service.records import new_id
from kzarchive.service.report import ERROR
from kzarchive.service.session import VaultSession
from kzarchive.service.vocabulary import ITEM_KINDS, check
from kzarchive.util import plainfiles
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault import custody, database, private
from kzarchive.vault.blobs import StoredBlob, blob_columns

if TYPE_CHECKING:
    from kzarchive.media.redact import Box

_TEXT_KINDS = ("testimony", "source-text")

__all__ = ["Evidence", "describe"]


class Evidence:
    """Items of evidence of one open vault."""

    def __init__(self, session: VaultSession):
        self._session = session
        self._blobs = session.blobs

    # -- intake ----------------------------------------------------------------------

    def attach_file(
        self, incident_id: str, path: Path | str, kind: str | None = None,
        note: str = "", source: str = "", language: str = "",
        progress: Progress | None = None, cancel: CancelToken | None = None,
    ) -> Item:
        """Stores a file as a new item of the incident.

        Raises NotFound, MissingFile, BadInput (a folder, unreadable, a bad kind),
        DiskFull, Cancelled.
        """
        path = Path(path)
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise MissingFile(path=path) from None
        except IsADirectoryError:
            raise BadInput(what=f"{path} is a folder", hint="Attach the files inside it.") from None
        except PermissionError:
            raise BadInput(what=f"{path} cannot be read (permission denied)") from None
        with handle:
            size = os.fstat(handle.fileno()).st_size
            return self.store_content(
                incident_id, handle, name=path.name, kind=kind, notes=note,
                source_description=source,
                language=language, expected_size=size, progress=progress, cancel=cancel)

    def add_text(
        self, incident_id: str, text: str, kind: str = "testimony",
        witness: str | None = None, language: str = "", note: str = "", name: str | None = None,
        source: str = "", extra_metadata: dict[str, Any] | None = None,
    ) -> Item:
        """Stores typed text (a testimony) as a new item.  Raises NotFound, BadInput, DiskFull."""
        if kind not in _TEXT_KINDS:
            raise BadInput(what=f"'{kind}' is not a text kind",
                           hint="Use testimony or source-text.")
        if not text.strip():
            raise BadInput(what="the text is empty")
        data = text.encode("utf-8")
        name = name or f"{kind}-{utc_timestamp()[:10]}.txt"
        return self.store_content(
            incident_id, io.BytesIO(data), name=name, kind=kind, notes=note, language=language,
            witness=witness, source_description=source, expected_size=len(data), text=text,
            mime="text/plain; charset=utf-8", extra_metadata=extra_metadata)

    def add_derived_item(
        self, original_id: str, source: BinaryIO, name: str, mime: str,
        derivation: dict[str, Any],
    ) -> Item:
        """A new item made from another, linked to it.  Raises NotFound, DiskFull."""
        original = self.get_item(original_id)
        item = self.store_content(
            original.incident_id, source, name=name, kind=original.kind, mime=mime,
            derived_from=original.id, derivation=derivation, action="item.derived")
        return item

    def redact_item(self, item_id: str, boxes: Sequence[Box]) -> Item:
        """A new item: the photo with every box filled solid black, linked to its original.

        Boxes are in pixels of the upright image (as a viewer shows it).  The
        original is not touched; the copy carries no metadata at all.  Raises NotFound,
        BadInput (not a photo, boxes outside it), DiskFull.
        """
        from kzarchive.media.redact import redact_image
        from kzarchive.media.types import kind_of

        original = self.get_item(item_id)
        if kind_of(original.mime) != "photo":
            raise BadInput(what=f"item {item_id} is not a photo", hint="Only photos can be "
                           "redacted.")
        with self.open_item(item_id) as reader:
            redacted = redact_image(reader, original.mime, boxes)
        stem = Path(original.name).stem or "photo"
        return self.add_derived_item(
            item_id, io.BytesIO(redacted.data), f"{stem}-redacted.{redacted.extension}",
            redacted.mime,
            {"kind": "redaction", "boxes": [box.to_dict() for box in redacted.boxes]})

    def store_content(
        self, incident_id: str, source: BinaryIO, name: str, kind: str | None = None,
        notes: str = "", source_description: str = "", language: str = "",
        witness: str | None = None, expected_size: int = 0, progress: Progress | None = None,
        cancel: CancelToken | None = None, text: str | None = None, mime: str | None = None,
        derived_from: str | None = None, derivation: dict[str, Any] | None = None,
        action: str = "item.added", item_id: str | None = None,
        collected_at: str | None = None, collector: str | None = None,
        expected_sha256: str | None = None, log_details: dict[str, Any] | None = None,
        extra_metadata: dict[str, Any] | None = None,
    ) -> Item:
        """Stores one content and its item row; the whole item, or no trace of it.

        ``extra_metadata`` is added to what is read from the content, ``log_details``
        to the custody entry (a recording says there how it was made).

        Raises NotFound, BadInput (a kind), MissingFile, IntegrityError (not the expected
        hash), DiskFull, Cancelled.
        """
        self._session.require_incident(incident_id)
        if kind is not None:
            check(kind, ITEM_KINDS, "item kind")
        blob_id = self._blobs.new_id()
        with self._session.transaction() as db:
            db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob_id,))
        written: list[str] = []
        try:
            try:
                blob = self._blobs.write(blob_id, source, expected_size, progress, cancel)
            except FileNotFoundError:
                raise MissingFile(path=name, hint="The file vanished while it was read. "
                                  "Nothing was stored; attach it again.") from None
            written.append(blob_id)
            if expected_sha256 is not None and blob.sha256 != expected_sha256:
                raise IntegrityError(what=f"content of {name} does not match its recorded hash")
            with self._blobs.open(blob) as reader:
                described = describe(reader, name)
            final_kind = kind or ("source-text" if text is not None else described["kind"])
            ident = item_id or new_id()
            with self._session.transaction() as db:
                stored = rows.keep_blob(db, blob)
                if extra_metadata:
                    described = {**described,
                                 "metadata": {**described["metadata"], **extra_metadata}}
                rows.insert_item(db, item_values(
                    self._session, incident_id, ident, name, final_kind, blob, stored,
                    described, mime=mime, collected_at=collected_at, collector=collector,
                    source=source_description, language=language, notes=notes,
                    witness=witness, derived_from=derived_from, derivation=derivation,
                ), [name, notes, source_description, witness, text])
                pictures.queue(db, ident, mime or described["mime"])
                details: dict[str, Any] = {"sha256": blob.sha256, "size": blob.size,
                                           "kind": final_kind}
                if derived_from:
                    details["derived_from"] = derived_from
                details.update(log_details or {})
                self._session.append_log(action, incident_id, ident, details)
            # Equal content already stored: keep one copy.
            if stored != blob.id:
                self._blobs.delete(blob.id)
            return self.get_item(ident)
        except BaseException as exc:
            for leftover in written:
                self._blobs.delete(leftover)
            if isinstance(exc, OSError):
                raise from_os_error(exc, "the vault's drive has no room") from None
            raise

    def attach_files(
        self, incident_id: str, paths: Sequence[Path | str], kind: str | None = None,
        note: str = "", source: str = "", language: str = "",
        progress: Progress | None = None, cancel: CancelToken | None = None,
        allow_duplicate: bool = False, file_progress: FileProgress | None = None,
        on_landed: Callable[[list[IntakeFile]], None] | None = None,
        stop_at_failure: bool = False,
    ) -> IntakeResult:
        """Stores many files as new items, as one batch (``service.intake``).

        Bytes already in the incident are skipped unless ``allow_duplicate``; bytes
        held elsewhere are linked, not stored twice.  ``on_landed`` is called with the
        files of each group as soon as their items are committed.  Raises NotFound, BadInput (a
        kind) before anything is stored; the rest is reported in the result.
        """
        return attach_files(self._session, incident_id, paths, kind=kind, note=note,
                            source=source, language=language, progress=progress,
                            cancel=cancel, allow_duplicate=allow_duplicate,
                            file_progress=file_progress, on_landed=on_landed,
                            stop_at_failure=stop_at_failure)

    # -- reading ---------------------------------------------------------------------

    def get_item(self, item_id: str) -> Item:
        """Raises NotFound."""
        with self._session.read() as db:
            row = db.execute(f"SELECT {rows.item_select()} FROM items WHERE id = ?",
                             (item_id,)).fetchone()
        if row is None:
            raise NotFound(what="item", ident=item_id)
        return rows.item(row)

    def list_items(self, incident_id: str) -> list[Item]:
        """The incident's items, oldest first (none for an unknown incident)."""
        with self._session.read() as db:
            found = db.execute(
                f"SELECT {rows.item_select()} FROM items WHERE incident_id = ? "
                "ORDER BY created, id", (incident_id,)).fetchall()
        return [rows.item(row) for row in found]

    def items_with_gps(self, incident_ids: Sequence[str]) -> list[Item]:
        """Items whose own bytes hold a GPS position: a warning before originals leave."""
        found = []
        for incident_id in incident_ids:
            found += [item for item in self.list_items(incident_id)
                      if item.metadata.get("gps")]
        return found

    def blob_of(self, item_id: str, column: str = "blob_id") -> StoredBlob:
        """Where the item's content (or thumbnail) is stored.  Raises NotFound."""
        with self._session.read() as db:
            row = db.execute(
                f"SELECT {blob_columns('b')} FROM items i JOIN blobs b ON b.id = i.{column} "
                "WHERE i.id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(what="item" if column == "blob_id" else "thumbnail", ident=item_id)
        return StoredBlob.from_row(row)

    def open_item(self, item_id: str) -> SeekablePayloadReader:
        """A read/seek view of the original content; nothing is written anywhere.

        Raises NotFound; reading raises IntegrityError for altered content.
        """
        return self._blobs.open(self.blob_of(item_id))

    def read_thumbnail(self, item_id: str) -> bytes:
        """Raises NotFound (no item, or no thumbnail), IntegrityError."""
        with self._blobs.open(self.blob_of(item_id, "thumbnail_blob_id")) as reader:
            return reader.read()

    def read_text(self, item_id: str) -> str:
        """Raises NotFound, IntegrityError."""
        with self.open_item(item_id) as reader:
            return reader.read().decode("utf-8", errors="replace")

    def iter_content(self, item_id: str) -> Any:
        """Authenticated plaintext chunks of an item, streamed (for export).

        Raises NotFound; the iteration raises IntegrityError for altered content.
        """
        return self._blobs.iter_plaintext(self.blob_of(item_id))

    def extract_item(
        self, item_id: str, out_path: Path | str, progress: Progress | None = None,
        cancel: CancelToken | None = None, overwrite: bool = False,
    ) -> Path:
        """Writes the original, in clear, to ``out_path`` (an explicit act, logged).

        When ``out_path`` is a folder, the file goes inside it under the item's
        name made safe (``plainfiles.file_name``): never outside it, whatever the
        stored name.  The file is 0600 whatever the umask.  Raises NotFound, BadInput
        (exists, cannot be written), DiskFull, IntegrityError, Cancelled.
        """
        item = self.get_item(item_id)
        out = Path(out_path)
        if out.is_dir():
            out = out / plainfiles.file_name(item.name, item.id)

        def copy(sink: BinaryIO) -> None:
            digest, done = hashlib.sha256(), 0
            for chunk in self.iter_content(item_id):
                if cancel is not None:
                    cancel.check()
                digest.update(chunk)
                sink.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, item.size)
            if digest.hexdigest() != item.sha256:
                raise IntegrityError(what=f"item {item.id} does not match its recorded SHA-256")

        plainfiles.write_file(out, copy, overwrite, "no room for the extracted file")
        self._session.log("item.extracted", item.incident_id, item.id, {"sha256": item.sha256})
        return out

    # -- verification ----------------------------------------------------------------

    def verify_item(self, item_id: str) -> None:
        """Reads the item through; raises NotFound, IntegrityError unless it is intact."""
        item = self.get_item(item_id)
        digest, size = hashlib.sha256(), 0
        for chunk in self.iter_content(item_id):
            digest.update(chunk)
            size += len(chunk)
        if digest.hexdigest() != item.sha256 or size != item.size:
            raise IntegrityError(what=f"item {item.id} ({item.name}) does not match its SHA-256")

    def verify(
        self, progress: Progress | None = None, cancel: CancelToken | None = None,
    ) -> VerifyReport:
        """Checks everything: keys file, database pages, custody log, every blob.

        Returns the report when all held; raises IntegrityError carrying it otherwise.
        """
        report = VerifyReport()
        session = self._session
        if not session.is_open:
            raise VaultLocked()
        try:
            session.check_keys_file()
            report.add("vault.keys", True, kind="keys.intact")
        except KzError as exc:
            report.add("vault.keys", False, exc.message, ERROR)
        with session.read() as db:
            problems = database.integrity_problems(db)
        report.add("database", not problems, "; ".join(problems[:5]),
                   "database.problems" if problems else "database.intact")
        public_key = session.own_identity().public.minisign_public_key()

        def own_log(db: Any) -> tuple[str, str, dict[str, Any]]:
            count = custody.verify_log(db, session.vault_id, public_key)
            return f"{count} entries", "custody.count", {"count": count}

        def received(db: Any) -> tuple[str, str, dict[str, Any]]:
            count = custody.verify_received(db)
            return f"{count} entries from partners", "custody.received", {"count": count}

        self._check(report, "custody log", own_log)
        self._check(report, "rollback anchor", lambda db: session.anchor_status())
        self._check(report, "received custody", received)
        try:
            self._verify_blobs(report, progress, cancel)
        except database.DatabaseError as exc:
            report.add("stored files", False, f"their list could not be read ({exc})",
                       "blobs.unreadable")
        if not report.ok:
            failed = ", ".join(check.name for check in report.failures[:5])
            rolled_back = any(check.name == "rollback anchor" for check in report.failures)
            raise (RollbackDetected if rolled_back else IntegrityError)(
                report=report, what=f"{len(report.failures)} check(s) failed: {failed}")
        return report

    def _check(self, report: VerifyReport, name: str,
               check: Callable[[Any], tuple[str, str, dict[str, Any]]]) -> None:
        with self._session.read() as db:
            # The database error is caught here, inside read(), so that the report names
            # it as such rather than as the IntegrityError read() would make of it.
            try:
                detail, kind, params = check(db)
            except KzError as exc:
                report.add(name, False, exc.message, ERROR)
            except database.DatabaseError as exc:  # a damaged page, also named "database"
                report.add(name, False, f"it could not be read ({exc})", "unreadable")
            else:
                report.add(name, True, detail, kind, **params)

    def _verify_blobs(self, report: VerifyReport, progress: Progress | None,
                      cancel: CancelToken | None) -> None:
        # Listed before the rows are read: a file being written now (by the background
        # thumbnails, say) had its id committed in pending_blobs before it existed, so
        # it is known below, and not taken for a stray.
        on_disk = self._blobs.all_ids()
        with self._session.read() as db:
            try:
                found = db.execute(
                    f"SELECT i.id, i.name, i.sha256, i.size, {blob_columns('b')} "
                    "FROM items i JOIN blobs b ON b.id = i.blob_id ORDER BY i.created, i.id"
                ).fetchall()
                thumbs = [StoredBlob.from_row(row) for row in db.execute(
                    f"SELECT {blob_columns('b')} FROM blobs b "
                    "WHERE b.id NOT IN (SELECT blob_id FROM items)").fetchall()]
                known = {row[0] for row in db.execute(
                    "SELECT id FROM blobs UNION SELECT id FROM pending_blobs")}
            except database.DatabaseError as exc:
                report.add("stored files", False, f"their list could not be read ({exc})")
                return
        private.tighten_vault(self._session.path, everything=True)
        total = sum(row[3] for row in found)
        done = 0
        for item_id, name, sha, size, *blob_row in found:
            if cancel is not None:
                cancel.check()
            blob = StoredBlob.from_row(blob_row)
            digest, length = hashlib.sha256(), 0
            try:
                for chunk in self._blobs.iter_plaintext(blob):
                    digest.update(chunk)
                    length += len(chunk)
                ok = digest.hexdigest() == sha == blob.sha256 and length == size
                detail = "" if ok else "content does not match its SHA-256"
                kind = "item.mismatch"
            except KzError as exc:
                ok, detail, kind = False, exc.message, ERROR
            report.items_checked += 1
            report.bytes_checked += length
            if not ok:
                report.add(f"item {item_id} ({name})", False, detail, kind, item_id)
            done += size
            if progress is not None:
                progress(done, total)
        for thumb in thumbs:
            try:
                digest = hashlib.sha256()
                for chunk in self._blobs.iter_plaintext(thumb):
                    digest.update(chunk)
                if digest.hexdigest() != thumb.sha256:
                    report.add(f"stored file {thumb.id[:8]}", False, "does not match its SHA-256",
                               "blob.mismatch", thumb.id[:8])
            except KzError as exc:
                report.add(f"stored file {thumb.id[:8]}", False, exc.message, ERROR, thumb.id[:8])
        strays = on_disk - known
        if strays:
            report.add("stored files", False,
                       f"{len(strays)} file(s) in blobs/ that the database does not know",
                       "blobs.strays", count=len(strays))
        else:
            report.add("stored files", True,
                       f"{report.items_checked} items, {report.bytes_checked} bytes",
                       "blobs.counted", items=report.items_checked, size=report.bytes_checked)

