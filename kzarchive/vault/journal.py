"""Recording journals: a stream being recorded, encrypted as it arrives.

A journal is an age payload (``crypto.stream``) under a random file key that is kept
only in the database, written with plain ``os.write`` calls so that every sealed
64 KiB chunk is in the file the moment it is sealed: a killed process loses at
most the chunk it was filling.  It is made durable with an fsync every few seconds.

Reading back stops at the first chunk that does not authenticate: a torn tail is
what a crash leaves, and whatever came before it is exactly what was recorded.
The final chunk (sealed by ``finish``) tells a whole journal from a cut one.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from kzarchive.crypto.stream import (
    ENCRYPTED_CHUNK_SIZE,
    NONCE_SIZE,
    PayloadWriter,
    chunk_nonce,
    payload_key,
)
from kzarchive.util.pipeline import read_full
from kzarchive.vault import private
from kzarchive.vault.blobs import FIXED_TIME
from kzarchive.vault.keyslots import fsync_dir

FOLDER = "recordings"
SUFFIX = ".journal"
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def folder(vault: Path) -> Path:
    return vault / FOLDER


def journal_path(vault: Path, recording_id: str) -> Path:
    if not 16 <= len(recording_id) <= 64 or any(c not in "0123456789abcdef"
                                                for c in recording_id):
        raise ValueError("a recording id is 16 to 64 lower-case hex digits")
    return folder(vault) / f"{recording_id}{SUFFIX}"


class JournalWriter:
    """Appends plaintext; each whole chunk reaches the file as soon as it is sealed."""

    def __init__(self, path: Path, file_key: bytes, sync_interval: float = 2.0):
        private.make_dir(path.parent)
        self.path = path
        self._fd = os.open(path, _WRITE_FLAGS, 0o600)
        self._sync_interval = sync_interval
        self._synced_at = time.monotonic()
        fsync_dir(path.parent)
        try:
            self._payload = PayloadWriter(file_key, cast(BinaryIO, self))
        except BaseException:
            self._close()
            raise

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """The sink of the payload writer (sealed bytes), not for callers."""
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if time.monotonic() - self._synced_at >= self._sync_interval:
            os.fsync(self._fd)
            self._synced_at = time.monotonic()
        return len(data)

    def append(self, plaintext: bytes | bytearray | memoryview) -> None:
        self._payload.write(plaintext)

    def finish(self) -> None:
        """Seals the final chunk and makes the whole journal durable."""
        self._payload.finish()
        os.fsync(self._fd)
        self._close()

    def discard(self) -> None:
        self._close()
        remove(self.path)

    def _close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class JournalContent:
    """The plaintext of a journal, chunk by chunk; ``complete`` once the final chunk read."""

    def __init__(self, path: Path, file_key: bytes):
        self._path = path
        self._file_key = file_key
        self.complete = False
        self.length = 0

    def __iter__(self) -> Iterator[bytes]:
        try:
            handle = open(self._path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            return
        with handle:
            nonce = read_full(handle, NONCE_SIZE)
            if len(nonce) != NONCE_SIZE:
                return
            aead = ChaCha20Poly1305(payload_key(self._file_key, nonce))
            counter = 0
            while sealed := read_full(handle, ENCRYPTED_CHUNK_SIZE):
                chunk = _open_chunk(aead, counter, sealed, last=False)
                if chunk is None:
                    chunk = _open_chunk(aead, counter, sealed, last=True)
                    if chunk is None:
                        return  # a torn or damaged chunk: what follows cannot be trusted
                    self.complete = not handle.read(1)
                    self.length += len(chunk)
                    yield chunk
                    return
                self.length += len(chunk)
                yield chunk
                counter += 1


def _open_chunk(aead: ChaCha20Poly1305, counter: int, sealed: bytes, last: bool) -> bytes | None:
    try:
        return aead.decrypt(chunk_nonce(counter, last), sealed, None)
    except InvalidTag:
        return None


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    if path.parent.exists():
        # Like blobs/: the folder's time must not tell when the last recording ended.
        with contextlib.suppress(OSError):
            os.utime(path.parent, (FIXED_TIME, FIXED_TIME))
        fsync_dir(path.parent)


def leftover_ids(vault: Path) -> set[str]:
    """The recording ids that have a journal file."""
    found = set()
    if folder(vault).is_dir():
        for entry in folder(vault).iterdir():
            if entry.name.endswith(SUFFIX):
                found.add(entry.name[: -len(SUFFIX)])
    return found
