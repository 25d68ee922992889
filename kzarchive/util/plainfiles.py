"""Writing evidence in clear, for an explicit extract: private, and only where asked.

A stored name comes from whoever made the item or the bundle, so it is never a
path: ``file_name`` keeps its last part only, without control or format
characters (a right-to-left override can make ``gpj.exe`` look like ``exe.jpg``)
and without leading dots, so ``..``, ``/etc/passwd`` or ``a\\b`` all land inside
the folder given.  Files are created 0600 and folders 0700 whatever the umask,
without following a symbolic link that is already there: a link planted in the
target folder is replaced (with ``overwrite``) or refused, never written through.
"""

from __future__ import annotations

import errno
import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from kzarchive.errors import BadInput, from_os_error

T = TypeVar("T")

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# Most file systems allow 255 bytes for one name.
MAX_NAME_BYTES = 255


def file_name(stored: str, fallback: str) -> str:
    """A name for one file inside a folder, made from ``stored``; ``fallback`` if nothing is left.

    ``fallback`` must itself be a plain name (an item id).
    """
    last = stored.replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(ch for ch in last if unicodedata.category(ch)[0] != "C")
    kept = unicodedata.normalize("NFC", kept).strip().lstrip(".").strip()
    if not kept:
        return fallback
    encoded = kept.encode("utf-8")
    if len(encoded) <= MAX_NAME_BYTES:
        return kept
    _stem, dot, extension = kept.rpartition(".")
    suffix = f".{extension}" if dot and len(extension.encode()) <= 16 else ""
    room = MAX_NAME_BYTES - len(suffix.encode())
    return encoded[:room].decode("utf-8", errors="ignore").rstrip() + suffix


def make_private_folder(path: Path) -> None:
    """Creates ``path`` (not its parents) as 0700; an existing folder or link is refused."""
    os.mkdir(path, FOLDER_MODE)
    os.chmod(path, FOLDER_MODE)


def create_private_file(path: Path) -> BinaryIO:
    """A new file at ``path``, 0600; refused when anything (even a dangling link) is there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "wb")


def private_temp_file(folder: Path) -> tuple[BinaryIO, Path]:
    """A new hidden 0600 file in ``folder`` with a random name, and its path."""
    descriptor, name = tempfile.mkstemp(prefix=".kzarchive-", suffix=".partial", dir=folder)
    try:
        os.fchmod(descriptor, FILE_MODE)
    except BaseException:
        os.close(descriptor)
        os.unlink(name)
        raise
    return os.fdopen(descriptor, "wb"), Path(name)


def place(partial: Path, out: Path, overwrite: bool) -> None:
    """Moves the finished ``partial`` to ``out`` in one step.

    Without ``overwrite``, anything already at ``out`` is kept and ``FileExistsError``
    raised: a hard link is made and fails if ``out`` exists (no check-then-write race);
    where links are not supported (FAT, exFAT), ``out`` is checked just before.
    With ``overwrite``, whatever is at ``out`` (a file or a link, not a folder) is replaced.
    """
    if overwrite:
        os.replace(partial, out)
        return
    try:
        os.link(partial, out)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if os.path.lexists(out):
            raise FileExistsError(errno.EEXIST, "exists", str(out)) from None
        os.replace(partial, out)
        return
    os.unlink(partial)


def write_file(out: Path, write: Callable[[BinaryIO], T], overwrite: bool, no_room: str) -> T:
    """Writes one file in clear at ``out`` and nowhere else; returns what ``write`` gave.

    ``write`` fills a private temporary file beside ``out``, which is made durable and
    then placed in one step: a failure at any point (``write``'s own errors included)
    leaves nothing behind and nothing half-written at ``out``.  Raises BadInput
    (``out`` exists, cannot be written), DiskFull (``no_room`` says what had no room).
    """
    exists = BadInput(what=f"{out} already exists", hint="Choose another name or folder.")
    if os.path.lexists(out) and (not overwrite or out.is_dir()):
        raise exists
    partial: Path | None = None
    try:
        sink, partial = private_temp_file(out.parent)
        with sink:
            result = write(sink)
            sink.flush()
            os.fsync(sink.fileno())
        place(partial, out, overwrite)
    except FileExistsError:
        _discard(partial)
        raise exists from None
    except OSError as exc:
        _discard(partial)
        raise from_os_error(exc, no_room,
                            BadInput(what=f"cannot write {out}: {exc.strerror}")) from None
    except BaseException:
        _discard(partial)
        raise
    return result


def _discard(partial: Path | None) -> None:
    if partial is not None:
        partial.unlink(missing_ok=True)
