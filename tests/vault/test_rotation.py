"""Key rotation: after it, an old copy of vault.keys is useless; a crash at any step
leaves a vault that opens with one of the two passphrases."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, IntegrityError, KzError, WrongPassphrase
from kzarchive.vault import database, head, keyslots, rotation

OLD = "correct horse battery"
NEW = "a wholly different passphrase"


class Crash(BaseException):
    """The power goes out: nothing after this point runs, no clean-up either."""


@pytest.fixture()
def vault(tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    source = tmp_path / "photo.jpg"
    source.write_bytes(os.urandom(70_000))
    archive, code = Archive.create(tmp_path / "vault", OLD)
    with archive:
        incident = archive.add_incident("Before the rotation")
        item = archive.attach_file(incident, source)
    yield tmp_path / "vault", code, item.id


def opens(path: Path, passphrase: str) -> bool:
    try:
        Archive.open(path, passphrase).close()
    except KzError:
        return False
    return True


def test_after_rotation_an_old_copy_of_vault_keys_opens_nothing(
        vault: tuple[Path, str, str], tmp_path: Path) -> None:
    path, old_code, item_id = vault
    old_keys = (path / "vault.keys").read_bytes()
    old_head = (path / head.FILE_NAME).read_bytes()
    with Archive.open(path, OLD) as archive:
        # Some writes still in the WAL when the database is re-keyed.
        archive.add_incident("Written just before")
        new_code = archive.rotate_keys(NEW)
        assert new_code != old_code
        assert archive.custody_entries()[-1].action == "keys.rotated"
        assert archive.verify().ok
    assert not rotation.pending(path) and not (path / head.PENDING_NAME).exists()

    # The current vault.keys: only the new passphrase and the new code.
    with pytest.raises(WrongPassphrase):
        Archive.open(path, OLD)
    with pytest.raises(WrongPassphrase):
        Archive.open_with_recovery(path, old_code)
    with Archive.open(path, NEW) as archive:
        assert archive.verify().ok
        assert len(b"".join(archive.iter_content(item_id))) == 70_000
    Archive.open_with_recovery(path, new_code).close()

    # An old copy of vault.keys put back: its key no longer decrypts the database.
    current = (path / "vault.keys").read_bytes()
    (path / "vault.keys").write_bytes(old_keys)
    with pytest.raises(IntegrityError, match="cannot be decrypted"):
        Archive.open(path, OLD)
    with pytest.raises(IntegrityError, match="cannot be decrypted"):
        Archive.open_with_recovery(path, old_code)
    (path / "vault.keys").write_bytes(current)

    # The anchor's MAC key changed with the vault key: the old anchor is refused.
    assert (path / head.FILE_NAME).read_bytes() != old_head
    (path / head.FILE_NAME).write_bytes(old_head)
    with pytest.raises(IntegrityError, match="checksum"):
        Archive.open(path, NEW)


def test_rotation_may_keep_the_same_passphrase_and_still_shuts_out_old_copies(
        vault: tuple[Path, str, str]) -> None:
    path, _, _ = vault
    old_keys = (path / "vault.keys").read_bytes()
    with Archive.open(path, OLD) as archive:
        archive.rotate_keys(OLD)
    Archive.open(path, OLD).close()
    (path / "vault.keys").write_bytes(old_keys)
    assert not opens(path, OLD)


def test_a_short_passphrase_is_refused_before_anything_changes(
        vault: tuple[Path, str, str]) -> None:
    path, _, _ = vault
    keys = (path / "vault.keys").read_bytes()
    with Archive.open(path, OLD) as archive, pytest.raises(BadInput):
        archive.rotate_keys("short")
    assert (path / "vault.keys").read_bytes() == keys
    assert opens(path, OLD)


def test_a_crash_before_the_database_is_rekeyed_keeps_the_old_keys(
        vault: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, old_code, _ = vault
    archive = Archive.open(path, OLD)
    with monkeypatch.context() as patch:
        def crash(*_args: object) -> None:
            raise Crash()
        patch.setattr(database, "rekey", crash)
        with pytest.raises(Crash):
            archive.rotate_keys(NEW)
    archive.close()
    assert rotation.pending(path) and (path / head.PENDING_NAME).exists()
    with pytest.raises(WrongPassphrase, match="before it took effect"):
        Archive.open(path, NEW)
    with Archive.open(path, OLD) as reopened:
        assert reopened.verify().ok
    assert not rotation.pending(path) and not (path / head.PENDING_NAME).exists()
    Archive.open_with_recovery(path, old_code).close()


def test_a_crash_after_the_rekey_opens_with_the_new_passphrase(
        vault: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, old_code, item_id = vault
    archive = Archive.open(path, OLD)
    with monkeypatch.context() as patch:
        def crash(_folder: Path) -> None:
            raise Crash()
        patch.setattr(rotation, "finish", crash)
        with pytest.raises(Crash):
            archive.rotate_keys(NEW)
    archive.close()
    with pytest.raises(WrongPassphrase, match="re-keyed"):
        Archive.open(path, OLD)
    with pytest.raises(WrongPassphrase):
        Archive.open_with_recovery(path, old_code)
    with Archive.open(path, NEW) as reopened:
        assert reopened.verify().ok
        assert len(b"".join(reopened.iter_content(item_id))) == 70_000
    assert not rotation.pending(path)
    assert opens(path, NEW) and not opens(path, OLD)


def test_a_crash_between_the_two_renames_opens_with_the_new_passphrase(
        vault: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _, _ = vault
    real_replace = os.replace
    calls: list[str] = []

    def replace_once(src: str | Path, dst: str | Path) -> None:
        if str(src).endswith(".pending"):  # the renames of finish(), not the atomic writes
            calls.append(str(dst))
            if len(calls) > 1:
                raise Crash()
        real_replace(src, dst)

    archive = Archive.open(path, OLD)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", replace_once)
        with pytest.raises(Crash):
            archive.rotate_keys(NEW)
    archive.close()
    assert calls[0].endswith(head.FILE_NAME) and rotation.pending(path)
    assert not opens(path, OLD)
    with Archive.open(path, NEW) as reopened:
        assert reopened.verify().ok
    assert not rotation.pending(path)


def test_a_new_recovery_code_replaces_the_old_one(vault: tuple[Path, str, str],
                                                  tmp_path: Path) -> None:
    path, old_code, _ = vault
    old_keys = tmp_path / "old-keys"
    old_keys.mkdir()
    shutil.copy2(path / "vault.keys", old_keys / "vault.keys")
    with Archive.open(path, OLD) as archive:
        new_code = archive.renew_recovery_code()
        assert archive.custody_entries()[-1].action == "recovery_code.changed"
    assert new_code != old_code
    with pytest.raises(WrongPassphrase):
        Archive.open_with_recovery(path, old_code)
    Archive.open_with_recovery(path, new_code).close()
    Archive.open(path, OLD).close()
    # What the messages say: an old copy of vault.keys still knows the old code.
    assert keyslots.load(old_keys).unlock_with_recovery(old_code)


def test_a_plain_passphrase_change_leaves_old_copies_working_as_the_message_says(
        vault: tuple[Path, str, str]) -> None:
    path, _, _ = vault
    old_keys = (path / "vault.keys").read_bytes()
    with Archive.open(path, OLD) as archive:
        archive.change_passphrase(NEW)
    assert not opens(path, OLD) and opens(path, NEW)
    (path / "vault.keys").write_bytes(old_keys)
    assert opens(path, OLD)


def test_panic_wipe_destroys_the_keys_of_an_interrupted_rotation_too(
        vault: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _, _ = vault
    archive = Archive.open(path, OLD)
    with monkeypatch.context() as patch:
        def crash(_folder: Path) -> None:
            raise Crash()
        patch.setattr(rotation, "finish", crash)
        with pytest.raises(Crash):
            archive.rotate_keys(NEW)
    assert rotation.pending(path)
    archive.panic_wipe()
    assert not path.exists()
