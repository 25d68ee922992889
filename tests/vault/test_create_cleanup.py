"""A vault whose creation fails leaves nothing behind: no half-made vault stands in the
way of the next attempt, and the user's chosen folder is left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import DiskFull
from kzarchive.vault import keyslots

PASSPHRASE = "correct horse battery staple"


def fail_saving_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise DiskFull(what="test")

    monkeypatch.setattr(keyslots.KeyFile, "save", full)


def test_a_failed_create_removes_the_folder_it_made(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    vault = tmp_path / "new" / "vault"
    fail_saving_keys(monkeypatch)
    with pytest.raises(DiskFull):
        Archive.create(vault, PASSPHRASE)
    assert not vault.exists()
    monkeypatch.undo()
    archive, _ = Archive.create(vault, PASSPHRASE)
    with archive:
        assert archive.list_incidents() == []


def test_a_failed_create_empties_a_chosen_folder_but_keeps_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = tmp_path / "chosen"
    vault.mkdir()
    fail_saving_keys(monkeypatch)
    with pytest.raises(DiskFull):
        Archive.create(vault, PASSPHRASE)
    assert vault.is_dir()
    assert list(vault.iterdir()) == []
    assert not Archive.is_vault(vault)
