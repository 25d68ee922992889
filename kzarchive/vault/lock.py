"""One process at a time: an exclusive lock on the vault folder.

Opening also removes interrupted writes; a second process doing that while the
first is writing would delete a blob in flight.
"""

from __future__ import annotations

import os
from pathlib import Path

from kzarchive.errors import VaultBusy

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "vault.lock"


class VaultLock:
    def __init__(self, fd: int | None):
        self._fd = fd

    @classmethod
    def acquire(cls, folder: Path) -> VaultLock:
        if fcntl is None:
            return cls(None)
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultBusy() from None
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
