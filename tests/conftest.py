"""Shared fixtures: fast key derivation (the 64 MiB floor still holds) and vaults."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from kzarchive.archive import Archive

os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery"


@pytest.fixture()
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture()
def archive(tmp_path: Path) -> Iterator[Archive]:
    from kzarchive.archive import Archive

    vault, _code = Archive.create(tmp_path / "vault", PASSPHRASE, name="Test documenter")
    try:
        yield vault
    finally:
        vault.close()
