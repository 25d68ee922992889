"""Altered or damaged vault files are detected, and the failure names what failed.

Loops run in-process through the service API (fast); test_tamper_seen_by_the_cli
checks what a person sees from the command line.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.crypto import kdf
from kzarchive.crypto.kdf import Argon2Params
from kzarchive.crypto.stream import CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE, NONCE_SIZE, TAG_SIZE
from kzarchive.errors import IntegrityError, KzError, NewerFormat, WrongPassphrase
from kzarchive.service.models import VerifyReport
from kzarchive.vault import keyslots
from tests.cli.in_process import run_main
from tests.connection import connection_of

PASSPHRASE = "correct horse battery"
PAGE_SIZE = 4096


@dataclass
class Vault:
    path: Path
    item_id: str
    blob: Path
    content: bytes

    def open(self) -> Archive:
        return Archive.open(self.path, PASSPHRASE)


@pytest.fixture()
def vault(tmp_path: Path) -> Iterator[Vault]:
    content = os.urandom(3 * CHUNK_SIZE + 1000)
    source = tmp_path / "evidence.bin"
    source.write_bytes(content)
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        incident = archive.add_incident("Tamper test", description="описание")
        item = archive.attach_file(incident, source)
        archive.add_text(incident, "Показания свидетеля " * 50, witness="W-1")
        archive.make_checkpoint()
        blob_id = connection_of(archive).execute("SELECT blob_id FROM items WHERE id = ?",
                                     (item.id,)).fetchone()[0]
        blob = archive.blobs.path(blob_id)
    yield Vault(tmp_path / "vault", item.id, blob, content)


@pytest.fixture()
def remembered_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id computed once per distinct input: the loops below open the vault
    hundreds of times with the same passphrase.  Still the real function."""
    real = kdf.argon2id
    known: dict[tuple[bytes, bytes, Argon2Params, int], bytes] = {}

    def argon2id(secret: bytes, salt: bytes, params: Argon2Params, length: int = 32) -> bytes:
        key = (secret, salt, params, length)
        if key not in known:
            known[key] = real(secret, salt, params, length)
        return known[key]

    monkeypatch.setattr(keyslots, "argon2id", argon2id)


def failed_report(archive: Archive) -> VerifyReport:
    with pytest.raises(IntegrityError) as caught:
        archive.verify()
    report = caught.value.report
    assert isinstance(report, VerifyReport)
    assert not report.ok
    return report


def blob_positions(size: int, rng: random.Random) -> list[int]:
    """First and last byte, both sides of every chunk boundary, and random bytes."""
    positions = {0, NONCE_SIZE - 1, size - 1}
    for start in range(NONCE_SIZE, size, ENCRYPTED_CHUNK_SIZE):
        positions.update({start, start - 1, start + ENCRYPTED_CHUNK_SIZE - TAG_SIZE})
    positions.update(rng.randrange(size) for _ in range(12))
    return sorted(p for p in positions if 0 <= p < size)


def test_flipping_any_byte_of_a_blob_fails_verify_and_extract(
        vault: Vault, tmp_path: Path) -> None:
    original = vault.blob.read_bytes()
    rng = random.Random(os.urandom(8))
    with vault.open() as archive:
        for position in blob_positions(len(original), rng):
            damaged = bytearray(original)
            damaged[position] ^= 0x80
            vault.blob.write_bytes(bytes(damaged))
            report = failed_report(archive)
            assert [c.name for c in report.failures] == [f"item {vault.item_id} (evidence.bin)"]
            assert report.failures[0].detail, f"no reason given at byte {position}"
            out = tmp_path / f"out-{position}"
            with pytest.raises(IntegrityError):
                archive.extract_item(vault.item_id, out)
            assert not out.exists() and not list(tmp_path.glob(f".out-{position}*"))
        vault.blob.write_bytes(original)
        assert archive.verify().ok


def test_a_truncated_or_missing_blob_fails_verify(vault: Vault) -> None:
    original = vault.blob.read_bytes()
    lengths = [0, 1, NONCE_SIZE - 1, NONCE_SIZE, NONCE_SIZE + 1,
               NONCE_SIZE + ENCRYPTED_CHUNK_SIZE,  # whole chunks only: the end is missing
               NONCE_SIZE + 2 * ENCRYPTED_CHUNK_SIZE, len(original) - TAG_SIZE,
               len(original) - 1]
    with vault.open() as archive:
        for length in lengths:
            vault.blob.write_bytes(original[:length])
            report = failed_report(archive)
            assert [c.name for c in report.failures] == [f"item {vault.item_id} (evidence.bin)"]
        vault.blob.write_bytes(original + b"\x00")
        assert "trailing" in failed_report(archive).failures[0].detail.lower() or (
            failed_report(archive).failures[0].name.startswith(f"item {vault.item_id}"))
        vault.blob.unlink()
        assert "missing" in failed_report(archive).failures[0].detail
        vault.blob.write_bytes(original)
        assert archive.verify().ok


def test_a_stray_file_in_blobs_is_named(vault: Vault) -> None:
    stray = vault.blob.parent / ("0" * 32)
    stray.write_bytes(b"not ours")
    with vault.open() as archive:
        report = failed_report(archive)
    assert [c.name for c in report.failures] == ["stored files"]
    assert "1 file(s) in blobs/" in report.failures[0].detail


@pytest.mark.usefixtures("remembered_kdf")
def test_flipping_any_byte_of_vault_keys_stops_the_opening(vault: Vault) -> None:
    path = vault.path / "vault.keys"
    original = path.read_bytes()
    # Bytes bound into the passphrase slot (its own fields and the vault id in its
    # associated data) make the passphrase fail to unwrap the key, which is all a
    # damaged slot can show; every other byte is named as damage to vault.keys.
    slot_start = original.index(b'{"kdf":{"alg":"argon2id"')
    slot_end = original.index(b'},{"kdf"', slot_start) + 1
    id_start = original.index(b'"vault_id":"') + len(b'"vault_id":"')
    bound_to_slot = {*range(slot_start, slot_end), *range(id_start, id_start + 36)}
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        with pytest.raises(KzError) as caught:
            vault.open().close()
        error = caught.value
        if isinstance(error, WrongPassphrase):
            assert position in bound_to_slot, f"byte {position}: {error.message}"
        else:
            assert isinstance(error, IntegrityError | NewerFormat), (position, error)
            assert "vault.keys" in error.message or "format version" in error.message, (
                position, error.message)
    path.write_bytes(original)
    with vault.open() as archive:
        assert archive.verify().ok


def database_positions(size: int, rng: random.Random) -> list[int]:
    """A byte in every page (anywhere in it), the file header, its middle and its end."""
    positions = {page + rng.randrange(PAGE_SIZE) for page in range(0, size, PAGE_SIZE)}
    positions.update({0, 15, 16, 17, 100, size // 2, size - 1})
    return sorted(p for p in positions if p < size)


@pytest.mark.usefixtures("remembered_kdf")
def test_flipping_a_byte_in_any_page_of_the_database_is_detected(vault: Vault) -> None:
    path = vault.path / "archive.db"
    original = path.read_bytes()
    assert len(original) >= 8 * PAGE_SIZE
    rng = random.Random(os.urandom(8))
    for position in database_positions(len(original), rng):
        damaged = bytearray(original)
        damaged[position] ^= 0x04
        path.write_bytes(bytes(damaged))
        try:
            archive = vault.open()
        except KzError as error:
            assert isinstance(error, IntegrityError), (position, error)
            assert "archive.db" in error.message, (position, error.message)
        else:
            with archive:
                failures = {c.name: c.detail for c in failed_report(archive).failures}
            assert "database" in failures, (position, failures)
            page = position // PAGE_SIZE + 1
            assert f"page {page}" in failures["database"], (position, failures)
        # Opening may have written (WAL, clean-up): restore the whole file.
        path.write_bytes(original)
        for extra in ("archive.db-wal", "archive.db-shm"):
            (vault.path / extra).unlink(missing_ok=True)
    with vault.open() as archive:
        assert archive.verify().ok


def run_cli(vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line, run in this process as if in its own (tests/cli/in_process.py)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZARCHIVE_")}
    env.update(KZARCHIVE_VAULT=str(vault), KZARCHIVE_PASSPHRASE=PASSPHRASE)
    ran = run_main(list(args), env)
    return subprocess.CompletedProcess(["kzarchive", *args], ran.code,
                                       ran.out.decode("utf-8"), ran.err.decode("utf-8"))


def test_tamper_seen_by_the_cli(vault: Vault, tmp_path: Path) -> None:
    backup = tmp_path / "backup"
    shutil.copytree(vault.path, backup)
    damaged = bytearray(vault.blob.read_bytes())
    damaged[NONCE_SIZE + ENCRYPTED_CHUNK_SIZE] ^= 0x01
    vault.blob.write_bytes(bytes(damaged))
    done = run_cli(vault.path, "verify")
    assert done.returncode == 6
    assert f"FAILED  item {vault.item_id} (evidence.bin)" in done.stdout
    assert done.stderr.startswith("kzarchive: Integrity check failed: 1 check(s) failed: item")
    out = tmp_path / "out"
    out.mkdir()
    done = run_cli(vault.path, "extract", vault.item_id, str(out))
    assert done.returncode == 6 and list(out.iterdir()) == []

    keys = vault.path / "vault.keys"
    keys.write_bytes(keys.read_bytes().replace(b'"mac":"', b'"mac":"0', 1)[:-1])
    done = run_cli(vault.path, "verify", "--json")
    assert done.returncode == 6 and done.stdout == ""
    assert "vault.keys" in done.stderr

    shutil.rmtree(vault.path)
    shutil.copytree(backup, vault.path)
    database = vault.path / "archive.db"
    data = bytearray(database.read_bytes())
    data[5 * PAGE_SIZE + 100] ^= 0x01
    database.write_bytes(bytes(data))
    done = run_cli(vault.path, "verify", "--json")
    assert done.returncode == 6, done.stderr
    assert "archive.db" in done.stderr or "database" in done.stderr
