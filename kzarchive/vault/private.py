"""Files and folders of a vault are the user's alone: folders 0700, files 0600.

Every file or folder kzarchive puts into a vault is made through this module, so
the rule holds whatever the umask (a default umask of 022 would otherwise leave
the database and every blob readable by all local accounts).  Opening a vault
also tightens what an older kzarchive left behind.

On systems without POSIX modes (Windows) and on drives that have none (FAT and
exFAT, where the mount options decide and chmod is refused) these calls change
nothing and never fail: refusing to store evidence there would help no one.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"


def _chmod(path: Path, mode: int) -> None:
    if _POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def _fchmod(fd: int) -> None:
    if _POSIX:
        with contextlib.suppress(OSError):
            if stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
                os.fchmod(fd, FILE_MODE)


def make_dir(path: Path, parents: bool = False) -> bool:
    """Creates a private folder if it is missing; returns whether it was created.

    Missing parents (``parents=True``) are made as any program would: they are the
    user's folders, not the vault's.
    """
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
        return False
    # mkdir's mode passes through the umask, which may also take the owner's bits.
    _chmod(path, DIR_MODE)
    return True


def open_fd(path: Path, flags: int) -> int:
    """``os.open`` that makes a missing file private, and an existing one too."""
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    _fchmod(fd)
    return fd


def create_file(path: Path) -> BinaryIO:
    """A new private file open for writing; fails if ``path`` exists."""
    fd = open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
    try:
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def tighten(path: Path) -> bool:
    """Makes an existing file or folder private; returns whether it was not.

    Symbolic links are left alone: following one could change a file outside
    the vault, and kzarchive never makes them.
    """
    if not _POSIX:
        return False
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(info.st_mode):
        wanted = DIR_MODE
    elif stat.S_ISREG(info.st_mode):
        wanted = FILE_MODE
    else:
        return False
    if stat.S_IMODE(info.st_mode) == wanted:
        return False
    _chmod(path, wanted)
    return True


def tighten_vault(folder: Path, blobs: str = "blobs", everything: bool = False) -> None:
    """Makes the vault folder and what is in it private.

    Every entry of the folder itself, and every folder under ``blobs``, is
    checked at each open (a few hundred entries at most).  The blob files are
    checked only in a blob folder that was not private yet (left by an older
    kzarchive) or when ``everything`` is asked (``verify``, which reads every
    blob anyway): in a private folder nobody else can reach them, and stat-ing
    100,000 files would slow down every opening.
    """
    if not _POSIX:
        return
    root = folder / blobs
    tighten(folder)
    for entry in folder.iterdir():
        if entry != root:
            tighten(entry)
    if root.is_symlink() or not root.is_dir():
        return
    everything = tighten(root) or everything
    for sub in root.iterdir():
        if sub.is_symlink() or not sub.is_dir():
            tighten(sub)
            continue
        if tighten(sub) or everything:
            for blob in sub.iterdir():
                tighten(blob)
