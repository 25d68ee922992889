"""Key rotation on disk: the new ``vault.keys`` and ``vault.head`` wait beside the old.

A rotation writes ``vault.keys.pending`` and ``vault.head.pending`` under the new
vault key, re-keys the database (one SQLCipher transaction), then renames both
into place.  A crash at any instant leaves a vault that one of the two keys files
opens: ``VaultSession`` tries the current one and the pending one, keeps the one
whose key decrypts the database, and finishes or abandons the rotation
accordingly (docs/formats.md, "Key rotation").
"""

from __future__ import annotations

import os
from pathlib import Path

from kzarchive.vault import head, keyslots

PENDING_KEYS = "vault.keys.pending"


def pending(folder: Path) -> bool:
    return (folder / PENDING_KEYS).exists()


def finish(folder: Path) -> None:
    """The database is under the new key: the new anchor, then the new keys, take over."""
    if (folder / head.PENDING_NAME).exists():
        os.replace(folder / head.PENDING_NAME, folder / head.FILE_NAME)
        keyslots.fsync_dir(folder)
    os.replace(folder / PENDING_KEYS, folder / keyslots.FILE_NAME)
    keyslots.fsync_dir(folder)


def abandon(folder: Path) -> None:
    """The database is still under the old key: the rotation never took effect."""
    (folder / head.PENDING_NAME).unlink(missing_ok=True)
    (folder / PENDING_KEYS).unlink(missing_ok=True)
    keyslots.fsync_dir(folder)
