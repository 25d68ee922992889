"""Encrypted blob files: one age payload per stored content.

A blob is written to ``blobs/tmp/``, fsynced, then renamed into
``blobs/<first two chars>/<id>``; only after that does the caller commit the
database row that makes it part of the vault.  Names are random, never content
hashes, so a seized vault cannot confirm that it holds a known photo.

New blobs are format 2 (``padding``): padded to a size class, their length sealed
inside.  Format 1 blobs (the bare content, before padding existed) stay readable;
a blob's format is kept in its database row.  Every blob file and blob folder
carries the same fixed modification time, so the folder does not show when each
item was added.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from kzarchive.crypto.stream import (
    CHUNK_SIZE,
    FILE_KEY_SIZE,
    NONCE_SIZE,
    SeekablePayloadReader,
    iter_payload,
)
from kzarchive.errors import IntegrityError, from_os_error
from kzarchive.util.pipeline import BackgroundSink, start_writeback, syncfs
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault import private
from kzarchive.vault.keyslots import fsync_dir
from kzarchive.vault.padding import PaddedWriter, iter_padded, open_padded, size_mismatch

READ_BLOCK = 16 * CHUNK_SIZE
FORMAT_PLAIN = 1
FORMAT_PADDED = 2
# 2000-01-01T00:00:00Z, the fixed time of the entries of a bundle's tar stream too.
FIXED_TIME = 946_684_800
# The blobs row as BlobStore reads it (``StoredBlob``), for queries that join it.
COLUMNS = ("id", "file_key", "size", "sha256", "format")
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class StoredBlob(NamedTuple):
    """A row of the blobs table: the file's id and key, the content's true size and
    SHA-256, and the format the file is written in."""

    id: str
    file_key: bytes
    size: int
    sha256: str
    format: int = FORMAT_PADDED

    @classmethod
    def from_row(cls, row: Any) -> StoredBlob:
        blob_id, key, size, sha256, blob_format = row
        return cls(str(blob_id), bytes(key), int(size), str(sha256), int(blob_format))


def blob_columns(table: str) -> str:
    """``COLUMNS`` for a SELECT, qualified by the table's name or alias."""
    return ", ".join(f"{table}.{name}" for name in COLUMNS)


def insert_blob_row(db: Any, blob: StoredBlob) -> None:
    db.execute(f"INSERT INTO blobs ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?)", blob)


def _fix_time(target: int | Path) -> None:
    if isinstance(target, int) and os.utime not in os.supports_fd:
        return
    # Best effort: a drive that refuses it must not stop evidence from being stored.
    with contextlib.suppress(OSError):
        os.utime(target, (FIXED_TIME, FIXED_TIME))


class BlobStore:
    def __init__(self, root: Path):
        self.root = root / "blobs"
        self.tmp = self.root / "tmp"
        # Blob folders known to exist: most writes then need no mkdir.
        self._folders: set[Path] = set()

    def prepare(self) -> None:
        private.make_dir(self.root)
        private.make_dir(self.tmp)

    def clear_tmp(self) -> None:
        """Ciphertext left over by an interrupted write; it never became part of the vault."""
        if self.tmp.exists():
            for leftover in self.tmp.iterdir():
                leftover.unlink(missing_ok=True)
            _fix_time(self.tmp)

    @staticmethod
    def new_id() -> str:
        return secrets.token_hex(16)

    def path(self, blob_id: str) -> Path:
        if len(blob_id) != 32 or any(c not in "0123456789abcdef" for c in blob_id):
            raise IntegrityError(what="a blob id in the database is malformed")
        return self.root / blob_id[:2] / blob_id

    def write(
        self,
        blob_id: str,
        source: BinaryIO,
        expected_size: int = 0,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        durable: bool = True,
    ) -> StoredBlob:
        """Hashes and encrypts ``source`` in one pass into the blob ``blob_id``.

        Reading and hashing run in a second thread while this one encrypts and a
        third writes, so the two cores overlap; memory is bounded by the queues.  The
        padding is written after the content, so its size need not be known first.
        With ``durable=False`` the file and its folder are not fsynced: the caller
        makes a whole group durable at once (``make_durable``) before committing
        the rows that refer to it.
        """
        digest = hashlib.sha256()
        blocks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
        stop = threading.Event()

        def read_and_hash() -> None:
            try:
                while not stop.is_set():
                    block = source.read(READ_BLOCK)
                    if not block:
                        break
                    digest.update(block)
                    blocks.put(block)
                blocks.put(None)
            except BaseException as exc:  # handed to the writing thread
                blocks.put(exc)

        reader = threading.Thread(target=read_and_hash, daemon=True)
        total = 0

        def encrypt(handle: BinaryIO) -> None:
            nonlocal total
            reader.start()
            sink = BackgroundSink(handle)
            writer = PaddedWriter(file_key, sink)  # type: ignore[arg-type]
            try:
                while (block := blocks.get()) is not None:
                    if isinstance(block, BaseException):
                        raise block
                    if cancel is not None:
                        cancel.check()
                    writer.write(block)
                    total += len(block)
                    if progress is not None:
                        progress(total, expected_size)
                writer.finish()
                reader.join()  # the digest is whole
            finally:
                sink.close()

        file_key = os.urandom(FILE_KEY_SIZE)
        try:
            self._store(blob_id, encrypt, durable)
        finally:
            stop.set()
            while reader.is_alive():
                try:
                    blocks.get_nowait()
                except queue.Empty:
                    reader.join(0.01)
        return StoredBlob(blob_id, file_key, total, digest.hexdigest(), FORMAT_PADDED)

    def write_content(self, blob_id: str, content: bytes, durable: bool = True) -> StoredBlob:
        """``write`` for content already in memory (a photo of a batch, a thumbnail).

        All on the calling thread, with no hand-over between threads: the hashing,
        the encryption and the write system calls let go of Python's lock, so a
        caller gets both cores busy by writing two contents at once.
        """
        keys = os.urandom(FILE_KEY_SIZE + NONCE_SIZE)
        file_key = keys[:FILE_KEY_SIZE]

        def encrypt(handle: BinaryIO) -> None:
            writer = PaddedWriter(file_key, handle, nonce=keys[FILE_KEY_SIZE:])
            writer.write(content)
            writer.finish()

        self._store(blob_id, encrypt, durable)
        return StoredBlob(blob_id, file_key, len(content), hashlib.sha256(content).hexdigest(),
                          FORMAT_PADDED)

    def _store(self, blob_id: str, encrypt: Callable[[BinaryIO], None], durable: bool) -> None:
        """A new blob file: written by ``encrypt`` under blobs/tmp, then put in place."""
        tmp_path = self.tmp / blob_id
        try:
            with private.create_file(tmp_path) as handle:
                encrypt(handle)
                handle.flush()
                _fix_time(handle.fileno())
                if durable:
                    os.fsync(handle.fileno())
                elif start_writeback is not None:
                    # A group is made durable together: each file already on its way
                    # to the disk leaves that one flush less to wait for.
                    start_writeback(handle.fileno(), 0, 0)
            final = self.path(blob_id)
            try:
                self._place(tmp_path, final, durable)
            except FileNotFoundError:  # its folder was removed behind this store's back
                self._folders.discard(final.parent)
                self._place(tmp_path, final, durable)
            self._settle(final.parent, durable)
            _fix_time(self.tmp)
        except OSError as exc:
            tmp_path.unlink(missing_ok=True)
            raise from_os_error(exc, "the vault's drive has no room for this file") from None
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise

    def _place(self, tmp_path: Path, final: Path, durable: bool) -> None:
        if final.parent not in self._folders:
            if private.make_dir(final.parent):
                self._settle(self.root, durable)
            self._folders.add(final.parent)
        os.replace(tmp_path, final)

    def _settle(self, folder: Path, durable: bool = True) -> None:
        """A folder whose entries changed gets the fixed time again, then is made durable."""
        _fix_time(folder)
        if durable:
            fsync_dir(folder)

    def make_durable(self, blob_ids: Iterable[str]) -> None:
        """Blobs written with ``durable=False``, and their folders, safely on disk.

        One syncfs for the vault's file system where there is one (a group of files
        costs one flush of the drive, not two per file); else an fsync of each file,
        of each folder, and of blobs/ itself.
        """
        paths = [self.path(blob_id) for blob_id in blob_ids]
        if not paths:
            return
        if syncfs is not None:
            fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                syncfs(fd)
            finally:
                os.close(fd)
            return
        for path in paths:
            fd = os.open(path, _READ_FLAGS)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for folder in {path.parent for path in paths}:
            fsync_dir(folder)
        fsync_dir(self.root)

    def _open_file(self, blob: StoredBlob) -> BinaryIO:
        path = self.path(blob.id)
        if blob.format not in (FORMAT_PLAIN, FORMAT_PADDED):
            raise IntegrityError(what=f"a stored file has an unknown format ({blob.format})")
        try:
            # Reading must not leave the time of the last viewing on the file either.
            try:
                fd = os.open(path, _READ_FLAGS | getattr(os, "O_NOATIME", 0))
            except PermissionError:  # O_NOATIME is for the file's owner only
                fd = os.open(path, _READ_FLAGS)
        except FileNotFoundError:
            raise IntegrityError(what="a stored file is missing from the vault") from None
        return os.fdopen(fd, "rb")

    def _reader(self, blob: StoredBlob) -> SeekablePayloadReader:
        handle = self._open_file(blob)
        try:
            return SeekablePayloadReader(blob.file_key, handle)
        except BaseException:
            handle.close()
            raise

    def open(self, blob: StoredBlob) -> SeekablePayloadReader:
        """Random access to the content, checked against the row's size before any read."""
        reader = self._reader(blob)
        try:
            if blob.format == FORMAT_PADDED:
                return open_padded(reader, blob.size)
            if reader.size != blob.size:
                raise size_mismatch(reader.size, blob.size)
            return reader
        except BaseException:
            reader.close()
            raise

    def iter_plaintext(self, blob: StoredBlob) -> Iterator[bytes]:
        """The content in authenticated chunks, the whole file read and checked."""
        if blob.format == FORMAT_PADDED:
            with self._reader(blob) as reader:
                yield from iter_padded(reader, blob.size)
            return
        with self._open_file(blob) as handle:
            length = 0
            for chunk in iter_payload(blob.file_key, handle):
                length += len(chunk)
                yield chunk
        if length != blob.size:
            raise size_mismatch(length, blob.size)

    def delete(self, blob_id: str) -> None:
        path = self.path(blob_id)
        path.unlink(missing_ok=True)
        _fix_time(path.parent)

    def all_ids(self) -> set[str]:
        found: set[str] = set()
        if self.root.exists():
            for folder in self.root.iterdir():
                if folder.name == "tmp" or not folder.is_dir():
                    continue
                found.update(entry.name for entry in folder.iterdir())
        return found
