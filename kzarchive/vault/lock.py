"""One process at a time: an exclusive lock on the vault folder.

Opening also removes interrupted writes; a second process doing that while the
first is writing would delete a blob in flight.

Two locks are taken, both with flock(2):

- the vault folder itself.  A folder cannot be deleted while it holds the vault,
  so this lock holds even if someone deletes ``vault.lock`` under a running
  process (a new ``vault.lock`` would be a new file, locked by nobody);
- ``vault.lock``, which earlier versions of kzarchive lock, so that they and this
  one still keep out of each other's way.  Having locked it, we check that the
  file at the path is still the one locked (device and inode): if it was deleted
  or replaced in between, the lock is on a file nobody else will ever look at,
  and we lock the new one instead.  ``check()`` repeats that test before anything
  is deleted.

Folders that cannot be locked (some network file systems) fall back to
``vault.lock`` alone.  Windows has no flock: no lock is taken there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from kzarchive.errors import VaultBusy
from kzarchive.vault import private

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "vault.lock"
# Another process replacing vault.lock again and again is not a race we can win.
_ATTEMPTS = 5


def _replaced() -> VaultBusy:
    return VaultBusy(
        "The vault's lock file (vault.lock) was removed or replaced while the vault was "
        "being opened.",
        hint="Another program may be using the vault. Close every kzarchive window and "
        "command, then try again.")


def _same_file(fd: int, path: Path) -> bool:
    try:
        at_path = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (at_path.st_dev, at_path.st_ino)


def _flock(fd: int) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise VaultBusy() from None
    except BaseException:
        os.close(fd)
        raise


def _lock_folder(folder: Path) -> int | None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise VaultBusy() from None
    except OSError:  # this file system cannot lock folders
        os.close(fd)
        return None
    return fd


def _lock_file(path: Path) -> int:
    for _ in range(_ATTEMPTS):
        fd = private.open_fd(path, os.O_RDWR | os.O_CREAT)
        _flock(fd)
        if _same_file(fd, path):
            return fd
        os.close(fd)
    raise _replaced()


class VaultLock:
    def __init__(self, folder_fd: int | None, file_fd: int | None, path: Path | None = None):
        self._folder_fd = folder_fd
        self._fd = file_fd
        self._path = path

    @classmethod
    def acquire(cls, folder: Path) -> VaultLock:
        if fcntl is None:
            return cls(None, None)
        folder_fd = _lock_folder(folder)
        try:
            path = folder / LOCK_NAME
            return cls(folder_fd, _lock_file(path), path)
        except BaseException:
            if folder_fd is not None:
                os.close(folder_fd)
            raise

    def check(self) -> None:
        """Raises ``VaultBusy`` unless ``vault.lock`` is still the file this lock holds."""
        if self._fd is not None and self._path is not None and not _same_file(
                self._fd, self._path):
            raise _replaced()

    def release(self) -> None:
        for fd in (self._fd, self._folder_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._fd = self._folder_fd = None
