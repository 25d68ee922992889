"""Panic wipe: make a vault unreadable at once, then remove its files.

The keys go first (crypto-shredding): once ``vault.keys`` is overwritten, the
database and every blob are ciphertext under keys that no longer exist, so an
interruption after that first step already leaves nothing readable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from kzarchive.vault import keyslots


def wipe_vault(folder: Path, keep_folder: bool = False) -> None:
    """Removes the vault's files (keys first), then the folder if it is empty and not
    ``keep_folder``; files of the user's own in it stay."""
    folder = Path(folder)
    keys = folder / keyslots.FILE_NAME
    if keys.exists():
        size = max(keys.stat().st_size, 4096)
        with open(keys, "r+b") as handle:
            handle.write(os.urandom(size))
            handle.flush()
            os.fsync(handle.fileno())
        keys.unlink()
        keyslots.fsync_dir(folder)
    # A key change that was interrupted leaves the new keys beside the old.
    pending = folder / "vault.keys.pending"
    if pending.exists():
        with open(pending, "r+b") as handle:
            handle.write(os.urandom(max(pending.stat().st_size, 4096)))
            handle.flush()
            os.fsync(handle.fileno())
        pending.unlink()
    for name in ("archive.db", "archive.db-wal", "archive.db-shm", "vault.head",
                 "vault.head.pending"):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "blobs", ignore_errors=True)
    shutil.rmtree(folder / "recordings", ignore_errors=True)  # journals of recordings under way
    (folder / "vault.lock").unlink(missing_ok=True)
    if keep_folder:
        return
    with contextlib.suppress(OSError):  # other files of the user's own stay untouched
        folder.rmdir()
