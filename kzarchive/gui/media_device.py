"""A QIODevice over the vault's decrypting reader, for Qt Multimedia, Qt PDF and images.

Qt reads the device wherever it likes: the FFmpeg backend of ``QMediaPlayer``
reads and seeks from its own demuxing thread while the interface thread asks for
the size.  Each read decrypts and authenticates only the chunks it touches, and
nothing is written anywhere; a lock keeps the reader's position consistent
between threads.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QIODevice, QObject

from kzarchive.crypto.stream import SeekablePayloadReader
from kzarchive.errors import KzError
from kzarchive.gui.qt_threads import settle_notify_overrides

log = logging.getLogger(__name__)

#: Upper bound of one read, so a greedy caller cannot make one huge allocation.
MAX_READ = 1024 * 1024


class PayloadDevice(QIODevice):
    """Read-only, random-access device; ``failure`` holds the error that ended reading."""

    def __init__(self, reader: SeekablePayloadReader, parent: QObject | None = None) -> None:
        if parent is None:
            super().__init__()
        else:
            super().__init__(parent)
        self._reader: SeekablePayloadReader | None = reader
        self._size = reader.size
        self._offset = 0
        self._lock = threading.Lock()
        self.failure: KzError | None = None
        settle_notify_overrides(self)

    def open_for_reading(self) -> bool:
        # Unbuffered: Qt's own read-ahead buffer would hold plaintext it does not need.
        return self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def seek(self, pos: int) -> bool:
        if pos < 0 or pos > self._size:
            return False
        with self._lock:
            self._offset = pos
            return super().seek(pos)

    def readData(self, maxlen: int) -> bytes:
        with self._lock:
            reader = self._reader
            if reader is None or self.failure is not None:
                return b""
            wanted = min(maxlen, MAX_READ, self._size - self._offset)
            if wanted <= 0:
                return b""
            try:
                reader.seek(self._offset)
                data = reader.read(wanted)
            except KzError as exc:
                # Damaged or altered content: stop here rather than play past it.
                log.warning("Reading stored content for playback failed: %s", type(exc).__name__)
                self.failure = exc
                self.setErrorString(exc.message)
                return b""
            self._offset += len(data)
            return data

    def writeData(self, data: bytes | bytearray | memoryview, length: int) -> int:
        return -1

    def close(self) -> None:
        """Close the device and the reader under it; later reads return nothing."""
        with self._lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        super().close()
