"""Overlapping the stages of a stream on the machine's cores.

Hashing, decryption and the write system calls release Python's global lock, so
a stage in a thread of its own really runs beside the others.  Queues are short:
memory stays bounded whatever the size of the stream.
"""

from __future__ import annotations

import ctypes
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, Protocol

_DONE = object()
WRITEBACK_STEP = 16 * 1024 * 1024
_SYNC_FILE_RANGE_WRITE = 2


def _load_sync_file_range() -> Callable[[int, int, int], None] | None:
    """Linux's sync_file_range(2), to start writing to disk without waiting for it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]

    def start_writeback(fd: int, offset: int, length: int) -> None:
        function(fd, offset, length, _SYNC_FILE_RANGE_WRITE)

    return start_writeback


# None where there is no sync_file_range: writes then reach the disk when the system likes.
start_writeback = _load_sync_file_range()


def _load_syncfs() -> Callable[[int], None] | None:
    """Linux's syncfs(2): everything written to one file system made durable at once."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int

    def sync_file_system(fd: int) -> None:
        if function(fd) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))

    return sync_file_system


# None where there is no syncfs: callers then fsync each file and folder.
syncfs = _load_syncfs()


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


def read_full(source: _Readable, size: int) -> bytes:
    """``size`` bytes, fewer only at the end of the stream (``read`` may return less)."""
    parts = []
    remaining = size
    while remaining > 0:
        part = source.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


class BackgroundSink:
    """A write-only file that hands its writes to a thread of their own."""

    def __init__(self, handle: BinaryIO, depth: int = 8):
        self._handle = handle
        self._queue: queue.Queue[bytes | bytearray | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        written = flushed = 0
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._handle.write(data)
                    written += len(data)
                    if written - flushed >= WRITEBACK_STEP:
                        self._write_back(flushed, written - flushed)
                        flushed = written
                except BaseException as exc:  # re-raised in the producing thread
                    self._error = exc

    def _write_back(self, offset: int, length: int) -> None:
        # The final fsync then finds most of the file on disk already, instead of
        # waiting for all of it at the end.
        if start_writeback is None:
            return
        try:
            fd = self._handle.fileno()
        except (AttributeError, OSError, ValueError):
            return
        self._handle.flush()
        start_writeback(fd, offset, length)

    def write(self, data: bytes | bytearray) -> int:
        """Queues ``data``; a bytearray is taken as it is: the caller must not change it."""
        if self._error is not None:
            raise self._error
        self._queue.put(data if isinstance(data, bytes | bytearray) else bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to do until close(): ordering is kept by the queue."""

    def close(self) -> None:
        """Waits for every pending write; raises the first write error."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error


def prefetched(source: Iterable[bytes], depth: int = 8) -> Iterator[bytes]:
    """The items of ``source``, produced ahead in a thread; its errors re-raised here."""
    pieces: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for piece in source:
                if stop.is_set():
                    return
                pieces.put(piece)
            pieces.put(_DONE)
        except BaseException as exc:
            pieces.put(exc)

    worker = threading.Thread(target=produce, daemon=True)
    worker.start()
    try:
        while (piece := pieces.get()) is not _DONE:
            if isinstance(piece, BaseException):
                raise piece
            yield piece  # type: ignore[misc]
    finally:
        stop.set()
        while worker.is_alive():
            try:
                pieces.get_nowait()
            except queue.Empty:
                worker.join(0.01)
