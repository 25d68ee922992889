"""Batch intake: a camera roll stored at the speed of the disk.

Each file is read once, hashed, encrypted and written.  A file up to
``IN_MEMORY_LIMIT`` (a photo) is read whole ahead of time and stored by one of
``WRITERS`` threads, two at once, so that both cores stay busy however small the
files; a larger one is streamed on the calling thread, which then has threads of
its own.  Each file's description (type, metadata, Content Credentials) runs on a
small thread pool while the next ones are stored.  A photo is described from the
very bytes that were hashed, held in memory until its description is done; a
larger file from the stored ciphertext, as a single attach does.  No pixel is
decoded here: a picture is queued (``picture_queue``) in its item's commit, and its
thumbnail and fingerprint are made after intake (service/pictures.py).

Items are committed in groups (``GROUP_ITEMS`` items, or what landed within
``GROUP_SECONDS``): the group's blobs are made durable together, on a thread of
their own while the next files are stored, then one transaction writes their rows
and custody entries, and the rollback anchor is advanced once.  A crash at any
instant still leaves each item whole or absent:

- every blob id is recorded in ``pending_blobs`` (committed) before its file exists;
- a group's rows commit only after all of its files and folders are on disk;
- a crash before that commit leaves only pending files, which the next open deletes;
- a blob made redundant by equal content already stored is put back in
  ``pending_blobs`` in the very commit that links the item to the older copy, so a
  crash before its file is deleted still cleans it up.

A cancelled batch commits what was streamed whole before the cancel; the file
being streamed at that moment leaves no trace.  docs/decisions.md, "Batch intake".
"""

from __future__ import annotations

import collections
import contextlib
import io
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kzarchive.errors import (
    BadInput,
    Cancelled,
    DiskFull,
    KzError,
    MissingFile,
    VaultLocked,
    from_os_error,
)
from kzarchive.service import pictures, rows
from kzarchive.service.describe import describe
from kzarchive.service.models import Item
from kzarchive.service.records import new_id
from kzarchive.service.session import VaultSession
from kzarchive.service.vocabulary import ITEM_KINDS, check
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault.blobs import StoredBlob

GROUP_ITEMS = 64
# Short enough that a list showing the incident fills in as the items land.
GROUP_SECONDS = 0.5
IN_MEMORY_LIMIT = 16 * 1024 * 1024
# Contents waiting for (or in) a description, at most: memory stays flat whatever
# the number of files.
IN_FLIGHT_BYTES = 32 * 1024 * 1024
IN_FLIGHT_ITEMS = 6
WORKERS = 2
WRITERS = 2
# Files handed to the writers at most: enough that they keep storing while this
# thread commits a group.
WRITES_AHEAD = 6

# Errors after which the remaining files are not tried.
STOPPING = (Cancelled, DiskFull, VaultLocked)

# (index of the file in the batch, its path, bytes done, its size)
FileProgress = Callable[[int, Path, int, int], None]


@dataclass(frozen=True)
class Holder:
    """An item that already holds the same bytes."""

    incident_id: str
    item_id: str


@dataclass
class IntakeFile:
    """What became of one file of a batch."""

    path: Path
    item: Item | None = None
    # Same bytes already in this incident: nothing was added (unless allowed).
    duplicate_of: str | None = None
    # Same bytes in other incidents: stored once, the new item linked to that copy.
    linked_to: tuple[Holder, ...] = ()
    error: KzError | None = None


@dataclass
class IntakeResult:
    files: list[IntakeFile] = field(default_factory=list)
    # Cancelled, DiskFull, VaultLocked, or the first failure with stop_at_failure.
    stopped_by: KzError | None = None

    @property
    def added(self) -> list[Item]:
        return [entry.item for entry in self.files if entry.item is not None]

    @property
    def skipped(self) -> list[IntakeFile]:
        return [entry for entry in self.files if entry.duplicate_of is not None]

    @property
    def failed(self) -> list[IntakeFile]:
        return [entry for entry in self.files if entry.error is not None]

    @property
    def linked(self) -> list[IntakeFile]:
        return [entry for entry in self.files if entry.linked_to and entry.item is not None]


@dataclass
class _Writing:
    """A file held in memory, being stored by a writer thread."""

    entry: IntakeFile
    index: int
    size: int
    # Bytes of the batch before this file, for the overall progress.
    before: int
    blob_id: str
    data: bytes
    stored: Future[StoredBlob]


class _StopBatch(Exception):
    """The first failure of a batch run with ``stop_at_failure``."""


@dataclass
class _Landing:
    """A file streamed whole, waiting for its description and its commit."""

    entry: IntakeFile
    blob: StoredBlob
    held: int
    described: Future[dict[str, Any]]


def item_values(
    session: VaultSession, incident_id: str, ident: str, name: str, kind: str,
    blob: StoredBlob, blob_id: str, described: dict[str, Any],
    mime: str | None = None, **fields: Any,
) -> dict[str, Any]:
    """The row of a new item: one rule for a single attach and a batch."""
    return {
        "id": ident, "incident_id": incident_id, "kind": kind, "name": name,
        "mime": mime or described["mime"], "size": blob.size, "sha256": blob.sha256,
        "blob_id": blob_id, "captured_at": described["captured_at"],
        "collected_at": fields.pop("collected_at", None) or utc_timestamp(),
        "collector": fields.pop("collector", None) or session.fingerprint,
        "metadata": described["metadata"], "thumbnail_blob_id": None,
        "created": utc_timestamp(), **fields,
    }


def holders_of(db: Any, blob: StoredBlob) -> list[Holder]:
    """Items of the whole vault whose content has these bytes, oldest first."""
    found = db.execute("SELECT incident_id, id FROM items WHERE sha256 = ? AND size = ? "
                       "ORDER BY created, id", (blob.sha256, blob.size)).fetchall()
    return [Holder(str(incident), str(item)) for incident, item in found]


class BatchIntake:
    """One batch of files into one incident; use ``run`` once."""

    def __init__(
        self, session: VaultSession, incident_id: str, kind: str | None = None,
        note: str = "", source: str = "", language: str = "",
        allow_duplicate: bool = False, stop_at_failure: bool = False,
        progress: Progress | None = None, file_progress: FileProgress | None = None,
        cancel: CancelToken | None = None,
        on_landed: Callable[[list[IntakeFile]], None] | None = None,
    ) -> None:
        session.require_incident(incident_id)
        if kind is not None:
            check(kind, ITEM_KINDS, "item kind")
        self._session = session
        self._total = 0
        self._blobs = session.blobs
        self._incident_id = incident_id
        self._fields = {"kind": kind, "notes": note, "source": source, "language": language}
        self._allow_duplicate = allow_duplicate
        self._stop_at_failure = stop_at_failure
        self._progress = progress
        self._file_progress = file_progress
        self._cancel = cancel
        self._on_landed = on_landed
        self._reserved: collections.deque[str] = collections.deque()
        self._writing: collections.deque[_Writing] = collections.deque()
        # A group being made durable, committed once that is done.
        self._flushing: tuple[list[_Landing], Future[None]] | None = None
        self._flusher: ThreadPoolExecutor
        self._landing: collections.deque[_Landing] = collections.deque()
        # Blob ids whose files are gone or were never made: cleared from pending_blobs
        # with the next commit.
        self._released: list[str] = []
        # Content of this batch not yet committed, as (sha256, size): duplicates within it.
        self._in_batch: set[tuple[str, int]] = set()
        self._last_commit = time.monotonic()

    def run(self, paths: Sequence[Path | str]) -> IntakeResult:
        result = IntakeResult()
        files = [Path(path) for path in paths]
        sizes = [_size(path) for path in files]
        self._total, before = sum(sizes), 0
        with ThreadPoolExecutor(WORKERS, thread_name_prefix="intake") as pool, \
                ThreadPoolExecutor(WRITERS, thread_name_prefix="intake-write") as writers, \
                ThreadPoolExecutor(1, thread_name_prefix="intake-read") as reads, \
                ThreadPoolExecutor(1, thread_name_prefix="intake-flush") as self._flusher:
            # The next file is opened and read (if small) while this one is encrypted.
            ahead = reads.submit(_read, files[0]) if files else None
            try:
                for index, path in enumerate(files):
                    if self._cancel is not None:
                        self._cancel.check()
                    entry = IntakeFile(path)
                    result.files.append(entry)
                    opened, ahead = ahead, (reads.submit(_read, files[index + 1])
                                            if index + 1 < len(files) else None)
                    try:
                        assert opened is not None
                        self._stream(pool, writers, index, entry, before, opened.result())
                    except KzError as exc:
                        if self._stop_at_failure:
                            # The files before this one are kept, as if stored one by one.
                            self._collect_writes(pool, 0)
                        self._failed(entry, exc)
                    before += sizes[index]
                    self._land(wait=False)
                self._collect_writes(pool, 0)
            except _StopBatch as stop:
                result.stopped_by = stop.args[0]
            except STOPPING as exc:
                result.stopped_by = exc
            finally:
                _close_unused(ahead)
                self._finish(result)
        return result

    def _failed(self, entry: IntakeFile, exc: KzError) -> None:
        if isinstance(exc, STOPPING):
            raise exc
        entry.error = exc
        if self._stop_at_failure:
            raise _StopBatch(exc)

    # -- storing, on the calling thread and the writers -----------------------------------

    def _report(self, index: int, path: Path, before: int, done: int, size: int) -> None:
        if self._progress is not None:
            self._progress(min(before + done, self._total), self._total)
        if self._file_progress is not None:
            self._file_progress(index, path, done, size)

    def _stream(self, pool: ThreadPoolExecutor, writers: ThreadPoolExecutor, index: int,
                entry: IntakeFile, before: int, opened: _Opened) -> None:
        path = entry.path
        handle, size, data = opened
        if data is not None:
            handle.close()
            self._collect_writes(pool, WRITES_AHEAD - 1)
            self._make_room(len(data))
            blob_id = self._take_id()
            self._writing.append(_Writing(entry, index, size, before, blob_id, data, writers.submit(
                self._blobs.write_content, blob_id, data, durable=False)))
            return
        with handle:
            # A large file: the ones held in memory first, then this one alone.
            self._collect_writes(pool, 0)
            blob_id = self._take_id()
            self._report(index, path, before, 0, size)
            try:
                blob = self._blobs.write(
                    blob_id, handle, size,
                    lambda done, _size: self._report(index, path, before, done, size),
                    self._cancel, durable=False)
            except OSError as exc:
                self._released.append(blob_id)
                raise _unreadable(path, exc) from None
            except BaseException:
                self._released.append(blob_id)
                raise
        self._stored(pool, entry, blob, None)

    def _collect_writes(self, pool: ThreadPoolExecutor, keep: int) -> None:
        """Waits for the oldest writes until at most ``keep`` are still running.

        A file held in memory is reported (started, then done) only here, in the
        order of the batch, so that a cancel keeps exactly the files shown as done:
        the writes not collected yet are removed (``_finish``).
        """
        while len(self._writing) > keep:
            writing = self._writing[0]
            try:
                blob = writing.stored.result()
            except BaseException as exc:
                self._writing.popleft()
                self._released.append(writing.blob_id)
                if not isinstance(exc, KzError):
                    raise
                self._failed(writing.entry, exc)
                continue
            self._report(writing.index, writing.entry.path, writing.before, 0, writing.size)
            if self._cancel is not None:
                self._cancel.check()
            self._writing.popleft()
            self._report(writing.index, writing.entry.path, writing.before, writing.size,
                         writing.size)
            self._stored(pool, writing.entry, blob, writing.data)

    def _stored(self, pool: ThreadPoolExecutor, entry: IntakeFile, blob: StoredBlob,
                data: bytes | None) -> None:
        """A file stored whole: skipped as a duplicate, or on its way to its commit."""
        try:
            duplicate = self._is_duplicate(entry, blob)
        except BaseException:
            self._drop(blob.id)
            raise
        if duplicate:
            self._drop(blob.id)
            return
        held = len(data) if data is not None else 0
        self._in_batch.add((blob.sha256, blob.size))
        self._landing.append(_Landing(entry, blob, held, pool.submit(
            self._describe, blob, data, entry.path.name)))

    def _is_duplicate(self, entry: IntakeFile, blob: StoredBlob) -> bool:
        if (blob.sha256, blob.size) in self._in_batch:
            # The same bytes earlier in this batch: committed first, they are found below.
            self._land_all()
        with self._session.read() as db:
            holders = holders_of(db, blob)
        here = [holder for holder in holders if holder.incident_id == self._incident_id]
        entry.linked_to = tuple(holder for holder in holders
                                if holder.incident_id != self._incident_id)
        if self._allow_duplicate:
            return False
        if here:
            entry.duplicate_of = here[0].item_id
            return True
        return False

    def _make_room(self, size: int) -> None:
        """Waits until holding ``size`` more bytes stays within the in-flight budget.

        Only contents being stored or described hold memory; described ones wait
        for their group's commit with just their description.
        """
        writing = sum(len(entry.data) for entry in self._writing)
        while True:
            busy = [landing for landing in self._landing if not landing.described.done()]
            held = writing + sum(landing.held for landing in busy)
            if not busy or (len(busy) < IN_FLIGHT_ITEMS and held + size <= IN_FLIGHT_BYTES):
                return
            busy[0].described.exception()  # waits; its error is handled at its commit

    def _take_id(self) -> str:
        if not self._reserved:
            ids = [self._blobs.new_id() for _ in range(GROUP_ITEMS)]
            with self._session.transaction() as db:
                self._clear_released(db)
                db.executemany("INSERT INTO pending_blobs (id) VALUES (?)",
                               [(blob_id,) for blob_id in ids])
            self._reserved.extend(ids)
        return self._reserved.popleft()

    # -- describing, on the pool ------------------------------------------------------

    def _describe(self, blob: StoredBlob, data: bytes | None, name: str) -> dict[str, Any]:
        if data is not None:
            return describe(io.BytesIO(data), name)
        with self._blobs.open(blob) as reader:
            return describe(reader, name)

    # -- committing, on the calling thread ----------------------------------------------

    def _land(self, wait: bool) -> None:
        """Takes up to a group of the described items at the front, once due (or ``wait``).

        A group is made durable on a thread of its own while the next files are
        stored, and committed by a later call once that is done; with ``wait``, at
        once.  One group is made durable at a time, so groups commit in file order.
        """
        if self._flushing is not None and (wait or self._flushing[1].done()):
            self._commit(*self._take_flushing())
        ready = 0
        for landing in self._landing:
            if ready == GROUP_ITEMS or not (wait or landing.described.done()):
                break
            ready += 1
        due = ready >= GROUP_ITEMS or (ready and time.monotonic() - self._last_commit
                                       >= GROUP_SECONDS)
        if ready and (wait or due):
            if self._flushing is not None:
                self._commit(*self._take_flushing())
            group = [self._landing.popleft() for _ in range(ready)]
            self._flushing = (group, self._flusher.submit(
                self._blobs.make_durable, [landing.blob.id for landing in group]))
            self._last_commit = time.monotonic()
            if wait:
                self._commit(*self._take_flushing())

    def _land_all(self) -> None:
        while self._landing or self._flushing is not None:
            self._land(wait=True)

    def _take_flushing(self) -> tuple[list[_Landing], Future[None]]:
        assert self._flushing is not None
        flushing, self._flushing = self._flushing, None
        return flushing

    def _commit(self, group: list[_Landing], durable: Future[None]) -> None:
        """The group's rows in one transaction, once its files are durable."""
        described: list[tuple[_Landing, dict[str, Any]]] = []
        try:
            for landing in group:
                try:
                    info = landing.described.result()
                except KzError as exc:  # the stored file could not be read back
                    landing.entry.error = exc
                    self._drop(landing.blob.id)
                    continue
                described.append((landing, info))
            try:
                idents, redundant = self._insert(described, durable)
            except BaseException:
                for landing, _info in described:
                    self._drop(landing.blob.id)
                raise
        finally:
            for landing in group:
                self._in_batch.discard((landing.blob.sha256, landing.blob.size))
            self._last_commit = time.monotonic()
        # Committed: from here on nothing of the group may be deleted but redundant copies.
        for blob_id in redundant:
            self._blobs.delete(blob_id)
        self._released += redundant
        with self._session.read() as db:
            for (landing, _), ident in zip(described, idents, strict=True):
                row = db.execute(f"SELECT {rows.item_select()} FROM items WHERE id = ?",
                                 (ident,)).fetchone()
                landing.entry.item = rows.item(row)
        if self._on_landed is not None and idents:
            self._on_landed([landing.entry for landing, _ in described])

    def _insert(
        self, described: list[tuple[_Landing, dict[str, Any]]], durable: Future[None],
    ) -> tuple[list[str], list[str]]:
        """One transaction for the group; returns the new item ids and the redundant blobs."""
        try:
            durable.result()  # no row may refer to a file that is not on disk
        except OSError as exc:
            raise from_os_error(exc, "the vault's drive has no room for these files") from None
        if not described:
            return [], []
        redundant: list[str] = []
        idents: list[str] = []
        with self._session.transaction() as db:
            self._clear_released(db)
            for landing, info in described:
                stored = rows.keep_or_repend(db, landing.blob)
                if stored != landing.blob.id:
                    redundant.append(landing.blob.id)
                ident = new_id()
                kind = self._fields["kind"] or info["kind"]
                name = landing.entry.path.name
                rows.insert_item(db, item_values(
                    self._session, self._incident_id, ident, name, kind, landing.blob, stored,
                    info, source=self._fields["source"],
                    language=self._fields["language"], notes=self._fields["notes"]),
                    [name, self._fields["notes"], self._fields["source"]])
                pictures.queue(db, ident, info["mime"])
                self._session.append_log("item.added", self._incident_id, ident, {
                    "sha256": landing.blob.sha256, "size": landing.blob.size, "kind": kind})
                idents.append(ident)
        return idents, redundant

    def _drop(self, *blob_ids: str) -> None:
        for blob_id in blob_ids:
            self._blobs.delete(blob_id)
        self._released += blob_ids

    def _clear_released(self, db: Any) -> None:
        db.executemany("DELETE FROM pending_blobs WHERE id = ?",
                       [(blob_id,) for blob_id in self._released])
        self._released = []

    def _finish(self, result: IntakeResult) -> None:
        """Commits every file streamed whole; leaves no reserved id behind."""
        # Writes still running when the batch stopped early: their files are removed.
        futures.wait([writing.stored for writing in self._writing])
        while self._writing:
            self._drop(self._writing.popleft().blob_id)
        try:
            self._land_all()
        except KzError as exc:
            result.stopped_by = result.stopped_by or exc
            if self._flushing is not None:
                group, durable = self._take_flushing()
                futures.wait([durable])
                self._landing.extendleft(reversed(group))
            for landing in self._landing:
                self._drop(landing.blob.id)
            self._landing.clear()
        self._released += self._reserved
        self._reserved.clear()
        if self._released:
            try:
                with self._session.transaction() as db:
                    self._clear_released(db)
            except KzError:
                pass  # still pending: the next open clears them, files and rows


def attach_files(
    session: VaultSession, incident_id: str, paths: Iterable[Path | str], **options: Any,
) -> IntakeResult:
    """Stores files as new items of the incident, as a batch (``BatchIntake``).

    Raises NotFound (the incident), BadInput (a kind) before anything is stored;
    everything else is reported per file in the result, or as its ``stopped_by``.
    """
    return BatchIntake(session, incident_id, **options).run(list(paths))


# An open file, its size, and its bytes if small enough to be held (else None).
_Opened = tuple[BinaryIO, int, bytes | None]


def _read(path: Path) -> _Opened:
    """Opens a file of the batch and reads it whole if it is small (on the read thread)."""
    handle = _open(path)
    try:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(IN_MEMORY_LIMIT + 1) if size <= IN_MEMORY_LIMIT else None
        if data is not None and len(data) > IN_MEMORY_LIMIT:
            data = None  # it grew while being read: stream it like a large file
            handle.seek(0)
    except OSError as exc:
        handle.close()
        raise _unreadable(path, exc) from None
    return handle, size, data


def _unreadable(path: Path, exc: OSError) -> KzError:
    """A file of the batch that failed while it was read: gone, or the drive failed."""
    if isinstance(exc, FileNotFoundError):
        return MissingFile(path=path, hint="The file vanished while it was read. "
                           "Nothing was stored; attach it again.")
    return BadInput(f"{path.name} could not be read ({exc.strerror}).",
                    hint="Check the drive, then attach the file again. Nothing was stored.")


def _close_unused(ahead: Future[_Opened] | None) -> None:
    """The file read ahead for a batch that stopped before it."""
    if ahead is not None:
        with contextlib.suppress(KzError):  # its error belongs to a file not tried
            ahead.result()[0].close()


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except IsADirectoryError:
        raise BadInput(what=f"{path} is a folder", hint="Attach the files inside it.") from None
    except PermissionError:
        raise BadInput(what=f"{path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
