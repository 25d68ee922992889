"""The rollback anchor: an older connection_of(archive) put back in place is named a rollback.

vault.head records the custody log's size and root under a MAC keyed from the
vault key.  It may lag the database after a crash (allowed), never lead it.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.crypto import kdf, merkle
from kzarchive.crypto.kdf import Argon2Params
from kzarchive.errors import IntegrityError, KzError, NewerFormat, RollbackDetected
from kzarchive.service.models import VerifyReport
from kzarchive.vault import custody, head, keyslots
from tests.connection import connection_of

PASSPHRASE = "correct horse battery"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "vault-v1" / "vault"
GOLDEN_PASSPHRASE = "golden vault v1 — пароль"
DB_FILES = ("archive.db", "archive.db-wal", "archive.db-shm")


@pytest.fixture()
def remembered_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id computed once per distinct input, for loops that open a vault many times."""
    real = kdf.argon2id
    known: dict[tuple[bytes, bytes, Argon2Params, int], bytes] = {}

    def argon2id(secret: bytes, salt: bytes, params: Argon2Params, length: int = 32) -> bytes:
        key = (secret, salt, params, length)
        if key not in known:
            known[key] = real(secret, salt, params, length)
        return known[key]

    monkeypatch.setattr(keyslots, "argon2id", argon2id)


@pytest.fixture()
def vault(tmp_path: Path) -> Iterator[Path]:
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        archive.add_incident("Before the copy")
    yield tmp_path / "vault"


def copy_db(vault: Path, to: Path) -> None:
    to.mkdir()
    for name in DB_FILES:
        if (vault / name).exists():
            shutil.copy2(vault / name, to / name)


def restore_db(vault: Path, frm: Path) -> None:
    for name in DB_FILES:
        (vault / name).unlink(missing_ok=True)
        if (frm / name).exists():
            shutil.copy2(frm / name, vault / name)


def blob_files(vault: Path) -> set[Path]:
    return {p for p in (vault / "blobs").rglob("*") if p.is_file() and "tmp" not in p.parts}


def recorded(vault: Path) -> int:
    size: int = json.loads((vault / head.FILE_NAME).read_bytes())["size"]
    return size


def run_cli(vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZARCHIVE_")}
    env.update(KZARCHIVE_VAULT=str(vault), KZARCHIVE_PASSPHRASE=PASSPHRASE,
               KZARCHIVE_KDF_TARGET_MS="50")
    return subprocess.run([sys.executable, "-m", "kzarchive.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_each_commit_that_appends_to_the_log_advances_the_anchor(vault: Path) -> None:
    with Archive.open(vault, PASSPHRASE) as archive:
        before = recorded(vault)
        incident = archive.add_incident("Another")
        assert recorded(vault) == before + 1
        archive.add_text(incident, "testimony")
        entries = archive.custody_entries()
        assert recorded(vault) == len(entries)
        leaves = custody.leaf_hashes(connection_of(archive))
        assert archive._vmk is not None
        anchor = head.read(vault, archive.vault_id, archive._vmk)
        assert anchor == head.Head(len(leaves), merkle.root(leaves))


def test_a_restored_older_database_fails_open_and_verify_naming_a_rollback(
        vault: Path, tmp_path: Path) -> None:
    copy_db(vault, tmp_path / "old-db")
    old_blobs = blob_files(vault)
    source = tmp_path / "photo.jpg"
    source.write_bytes(os.urandom(5000))
    with Archive.open(vault, PASSPHRASE) as archive:
        incident = archive.add_incident("After the copy")
        archive.attach_file(incident, source)
    restore_db(vault, tmp_path / "old-db")
    for newer in blob_files(vault) - old_blobs:
        newer.unlink()

    with pytest.raises(RollbackDetected) as caught:
        Archive.open(vault, PASSPHRASE)
    assert "Rollback detected" in caught.value.message
    assert caught.value.exit_code == 17

    done = run_cli(vault, "verify")
    assert done.returncode == 17
    assert done.stderr.startswith("kzarchive: Rollback detected: the custody log has")
    # The refused vault was not written to: the anchor still records the newer log.
    assert recorded(vault) > 2


def test_a_database_with_a_different_history_of_the_same_length_is_a_rollback(
        vault: Path, tmp_path: Path) -> None:
    copy_db(vault, tmp_path / "old-db")
    old_head = (vault / head.FILE_NAME).read_bytes()
    with Archive.open(vault, PASSPHRASE) as archive:
        archive.add_incident("The real history")
    real_head = (vault / head.FILE_NAME).read_bytes()
    # Go back (database and anchor together), and write another history of the same length.
    restore_db(vault, tmp_path / "old-db")
    (vault / head.FILE_NAME).write_bytes(old_head)
    with Archive.open(vault, PASSPHRASE) as archive:
        archive.add_incident("A different history")
    assert json.loads(real_head)["size"] == recorded(vault)
    (vault / head.FILE_NAME).write_bytes(real_head)
    with pytest.raises(RollbackDetected, match="differ from the ones this vault recorded"):
        Archive.open(vault, PASSPHRASE)


def test_a_deleted_anchor_is_not_silently_accepted(vault: Path, tmp_path: Path) -> None:
    copy_db(vault, tmp_path / "old-db")
    with Archive.open(vault, PASSPHRASE) as archive:
        archive.add_incident("After the copy")
    # The attack: an older database, and the anchor that would betray it removed.
    restore_db(vault, tmp_path / "old-db")
    (vault / head.FILE_NAME).unlink()
    with pytest.raises(RollbackDetected, match=r"vault\.head.*missing"):
        Archive.open(vault, PASSPHRASE)
    # The same with the current database: still refused, vault.keys promises an anchor.
    assert keyslots.load(vault).anchored


def test_verify_names_a_rollback_found_while_open(vault: Path) -> None:
    with Archive.open(vault, PASSPHRASE) as archive:
        assert archive._vmk is not None
        leaves = custody.leaf_hashes(connection_of(archive))
        ahead = head.Head(len(leaves) + 1, merkle.root([*leaves, bytes(32)]))
        head.write(vault, archive.vault_id, ahead, archive._vmk)
        with pytest.raises(RollbackDetected) as caught:
            archive.verify()
        report = caught.value.report
        assert isinstance(report, VerifyReport)
        failed = {check.name: check.detail for check in report.failures}
        assert list(failed) == ["rollback anchor"]
        assert "recorded" in failed["rollback anchor"]


def test_a_crash_between_the_commit_and_the_anchor_still_opens(
        vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive.open(vault, PASSPHRASE) as archive:
        lagging = recorded(vault)

        def crash(*_args: object, **_kwargs: object) -> None:
            raise OSError(5, "power lost")
        with monkeypatch.context() as patch:
            patch.setattr(head, "write", crash)
            incident = archive.add_incident("Committed, not anchored")
        assert recorded(vault) == lagging
    with Archive.open(vault, PASSPHRASE) as archive:
        assert archive.get_incident(incident).title == "Committed, not anchored"
        assert recorded(vault) == len(archive.custody_entries()) == lagging + 1
        assert archive.verify().ok


def test_an_older_anchor_alone_is_a_lag_not_a_rollback(vault: Path) -> None:
    older = (vault / head.FILE_NAME).read_bytes()
    with Archive.open(vault, PASSPHRASE) as archive:
        archive.add_incident("Later")
        archive.add_incident("Later still")
    (vault / head.FILE_NAME).write_bytes(older)
    with Archive.open(vault, PASSPHRASE) as archive:
        assert recorded(vault) == len(archive.custody_entries())


def test_a_rolled_back_transaction_never_advances_the_anchor(vault: Path) -> None:
    with Archive.open(vault, PASSPHRASE) as archive:
        before = recorded(vault)
        with pytest.raises(RuntimeError), archive.transaction():
            archive.append_log("incident.created", details={})
            raise RuntimeError("undone")
        assert recorded(vault) == before == len(archive.custody_entries())
        archive.add_incident("Next")
        assert recorded(vault) == before + 1


@pytest.mark.usefixtures("remembered_kdf")
def test_every_byte_of_the_anchor_is_checked(vault: Path) -> None:
    path = vault / head.FILE_NAME
    original = path.read_bytes()
    for position in range(len(original)):
        for flip in (0x01, 0x20):
            damaged = bytearray(original)
            damaged[position] ^= flip
            path.write_bytes(bytes(damaged))
            with pytest.raises(KzError) as caught:
                Archive.open(vault, PASSPHRASE).close()
            assert isinstance(caught.value, IntegrityError | NewerFormat), position
    path.write_bytes(original)
    Archive.open(vault, PASSPHRASE).close()


@pytest.mark.usefixtures("remembered_kdf")
def test_a_second_spelling_of_the_root_is_refused(vault: Path) -> None:
    path = vault / head.FILE_NAME
    root: str = json.loads(path.read_bytes())["root"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    # 32 bytes are 43 characters and "=": the last character carries 2 spare bits.
    other = alphabet[alphabet.index(root[-2]) ^ 0x01]
    spelled = root[:-2] + other + "="
    assert base64.b64decode(spelled) == base64.b64decode(root)
    path.write_bytes(path.read_bytes().replace(root.encode(), spelled.encode()))
    with pytest.raises(IntegrityError):
        Archive.open(vault, PASSPHRASE)


@pytest.mark.usefixtures("remembered_kdf")
def test_a_truncated_or_padded_anchor_is_refused(vault: Path) -> None:
    path = vault / head.FILE_NAME
    original = path.read_bytes()
    for damaged in [original[:n] for n in (0, 1, len(original) // 2, len(original) - 1)] + [
            original + b"\n", original + b" " * 5000]:
        path.write_bytes(damaged)
        with pytest.raises(IntegrityError):
            Archive.open(vault, PASSPHRASE).close()


def test_an_anchor_from_another_vault_is_refused(vault: Path, tmp_path: Path) -> None:
    other, _ = Archive.create(tmp_path / "other", PASSPHRASE)
    other.close()
    shutil.copy2(tmp_path / "other" / head.FILE_NAME, vault / head.FILE_NAME)
    with pytest.raises(IntegrityError, match=r"vault\.head"):
        Archive.open(vault, PASSPHRASE)


def test_an_anchor_under_the_right_format_but_a_guessed_key_is_refused(vault: Path) -> None:
    with Archive.open(vault, PASSPHRASE) as archive:
        vault_id = archive.vault_id
        leaves = custody.leaf_hashes(connection_of(archive))
    forged = head.to_bytes(vault_id, head.Head(len(leaves), merkle.root(leaves)), bytes(32))
    (vault / head.FILE_NAME).write_bytes(forged)
    with pytest.raises(IntegrityError, match="checksum"):
        Archive.open(vault, PASSPHRASE)


def test_a_format_1_vault_opens_and_gets_its_anchor(tmp_path: Path) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(GOLDEN, copy)
    assert not (copy / head.FILE_NAME).exists()
    assert json.loads((copy / "vault.keys").read_bytes())["version"] == 1
    with Archive.open(copy, GOLDEN_PASSPHRASE) as archive:
        size = len(archive.custody_entries())
    assert recorded(copy) == size
    assert json.loads((copy / "vault.keys").read_bytes())["version"] == 2
    # From now on the anchor is part of the vault: deleting it is refused.
    (copy / head.FILE_NAME).unlink()
    with pytest.raises(RollbackDetected):
        Archive.open(copy, GOLDEN_PASSPHRASE)
