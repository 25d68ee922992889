"""Encrypted blob files: one age payload per stored content.

A blob is written to ``blobs/tmp/``, fsynced, then renamed into
``blobs/<first two chars>/<id>``; only after that does the caller commit the
database row that makes it part of the vault.  Names are random, never content
hashes, so a seized vault cannot confirm that it holds a known photo.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import secrets
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kzarchive.crypto.stream import (
    CHUNK_SIZE,
    FILE_KEY_SIZE,
    PayloadWriter,
    SeekablePayloadReader,
    iter_payload,
)
from kzarchive.errors import DiskFull, IntegrityError
from kzarchive.pipeline import BackgroundSink
from kzarchive.progress import CancelToken, Progress
from kzarchive.vault.keyslots import fsync_dir

READ_BLOCK = 16 * CHUNK_SIZE


@dataclass(frozen=True)
class StoredBlob:
    id: str
    file_key: bytes
    size: int
    sha256: str


class BlobStore:
    def __init__(self, root: Path):
        self.root = root / "blobs"
        self.tmp = self.root / "tmp"

    def prepare(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def clear_tmp(self) -> None:
        """Ciphertext left over by an interrupted write; it never became part of the vault."""
        if self.tmp.exists():
            for leftover in self.tmp.iterdir():
                leftover.unlink(missing_ok=True)

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
    ) -> StoredBlob:
        """Hashes and encrypts ``source`` in one pass into the blob ``blob_id``.

        Reading and hashing run in a second thread while this one encrypts and
        writes, so the two cores overlap; memory is bounded by the queue.
        """
        file_key = os.urandom(FILE_KEY_SIZE)
        tmp_path = self.tmp / blob_id
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
        try:
            with open(tmp_path, "xb") as handle:
                reader.start()
                sink = BackgroundSink(handle)
                writer = PayloadWriter(file_key, sink)  # type: ignore[arg-type]
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
                finally:
                    sink.close()
                handle.flush()
                os.fsync(handle.fileno())
            final = self.path(blob_id)
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp_path, final)
            fsync_dir(final.parent)
        except OSError as exc:
            tmp_path.unlink(missing_ok=True)
            if exc.errno == errno.ENOSPC:
                raise DiskFull(what="the vault's drive has no room for this file") from None
            raise
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        finally:
            stop.set()
            while reader.is_alive():
                try:
                    blocks.get_nowait()
                except queue.Empty:
                    reader.join(0.01)
        return StoredBlob(blob_id, file_key, total, digest.hexdigest())

    def open(self, blob_id: str, file_key: bytes) -> SeekablePayloadReader:
        path = self.path(blob_id)
        try:
            handle = open(path, "rb")  # noqa: SIM115 - the reader owns it
        except FileNotFoundError:
            raise IntegrityError(what="a stored file is missing from the vault") from None
        return SeekablePayloadReader(file_key, handle)

    def iter_plaintext(self, blob_id: str, file_key: bytes) -> Iterator[bytes]:
        try:
            handle = open(self.path(blob_id), "rb")  # noqa: SIM115 - closed by the with below
        except FileNotFoundError:
            raise IntegrityError(what="a stored file is missing from the vault") from None
        with handle:
            yield from iter_payload(file_key, handle)

    def delete(self, blob_id: str) -> None:
        self.path(blob_id).unlink(missing_ok=True)

    def all_ids(self) -> set[str]:
        found: set[str] = set()
        if self.root.exists():
            for folder in self.root.iterdir():
                if folder.name == "tmp" or not folder.is_dir():
                    continue
                found.update(entry.name for entry in folder.iterdir())
        return found

    def total_size(self) -> int:
        return sum(f.stat().st_size for f in self.root.rglob("*") if f.is_file())

    def destroy(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

