"""The lock holds: a second process never cleans up the first one's files.

Opening removes interrupted writes (blobs/tmp and blobs without a row).  If a
second process could open a vault that another is writing to, it would delete a
blob in flight; deleting ``vault.lock`` must not make that possible.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import VaultBusy
from kzarchive.vault import keyslots
from kzarchive.vault.lock import LOCK_NAME, VaultLock

fcntl = pytest.importorskip("fcntl", reason="flock(2) only")

PASSPHRASE = "correct horse battery"

# Process A: opens the vault and leaves it mid-write, as during a long attach: a blob
# written and renamed into place but not yet committed, and ciphertext in blobs/tmp.
HOLDER = textwrap.dedent("""
    import io, sys
    from kzarchive.archive import Archive
    archive = Archive.open(sys.argv[1], sys.argv[2])
    blob_id = archive.blobs.new_id()
    with archive.transaction() as db:
        db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob_id,))
    archive.blobs.write(blob_id, io.BytesIO(b"in flight" * 1000))
    (archive.blobs.tmp / ("f" * 32)).write_bytes(b"being written")
    print(blob_id, flush=True)
    sys.stdin.readline()
    archive.close()
""")


@dataclass
class InFlight:
    blob: Path
    partial: Path

    def intact(self) -> bool:
        return self.blob.is_file() and self.partial.is_file()


@pytest.fixture()
def vault(tmp_path: Path) -> Path:
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    archive.close()
    return tmp_path / "vault"


@pytest.fixture()
def holder(vault: Path) -> Iterator[tuple[subprocess.Popen[str], InFlight]]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(vault), PASSPHRASE],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env={**os.environ})
    try:
        assert process.stdout is not None
        blob_id = process.stdout.readline().strip()
        assert len(blob_id) == 32, "the holding process did not start"
        yield process, InFlight(vault / "blobs" / blob_id[:2] / blob_id,
                                vault / "blobs" / "tmp" / ("f" * 32))
    finally:
        if process.poll() is None:
            process.communicate("done\n", timeout=60)


def leave_in_flight(vault: Path) -> InFlight:
    """The state a crash or a running attach leaves: what the next opening removes."""
    with Archive.open(vault, PASSPHRASE) as archive:
        blob_id = archive.blobs.new_id()
        with archive.transaction() as db:
            db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob_id,))
        archive.blobs.write(blob_id, io.BytesIO(b"in flight"))
        partial = archive.blobs.tmp / ("f" * 32)
        partial.write_bytes(b"being written")
        return InFlight(archive.blobs.path(blob_id), partial)


def test_a_second_process_is_refused(
        vault: Path, holder: tuple[subprocess.Popen[str], InFlight]) -> None:
    _process, in_flight = holder
    with pytest.raises(VaultBusy):
        Archive.open(vault, PASSPHRASE)
    assert in_flight.intact()


def test_deleting_vault_lock_under_a_running_process_lets_no_one_in(
        vault: Path, holder: tuple[subprocess.Popen[str], InFlight]) -> None:
    process, in_flight = holder
    (vault / LOCK_NAME).unlink()
    with pytest.raises(VaultBusy):
        Archive.open(vault, PASSPHRASE)
    assert in_flight.intact(), "the second process removed the first one's files"
    # Once the first process is done, the next opening cleans up as always.
    process.communicate("done\n", timeout=60)
    assert process.returncode == 0
    with Archive.open(vault, PASSPHRASE):
        assert not in_flight.blob.exists() and not in_flight.partial.exists()


def test_a_lock_file_replaced_before_the_clean_up_stops_it(
        vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_flight = leave_in_flight(vault)
    real_load = keyslots.load

    def load_while_someone_replaces_the_lock(folder: Path) -> keyslots.KeyFile:
        (folder / LOCK_NAME).unlink()
        (folder / LOCK_NAME).write_bytes(b"")  # as an earlier kzarchive would make it anew
        return real_load(folder)

    monkeypatch.setattr(keyslots, "load", load_while_someone_replaces_the_lock)
    with pytest.raises(VaultBusy, match="removed or replaced"):
        Archive.open(vault, PASSPHRASE)
    assert in_flight.intact()
    monkeypatch.undo()
    with Archive.open(vault, PASSPHRASE):
        assert not in_flight.blob.exists() and not in_flight.partial.exists()


def replacing_flock(path: Path, times: int) -> tuple[Callable[[int, int], None], list[int]]:
    """flock that first swaps a new file in at ``path`` (``times`` times), as a process
    unlinking and re-creating vault.lock between our open and our lock would."""
    real = fcntl.flock
    swaps: list[int] = []

    def flock(fd: Any, operation: int) -> None:
        if os.fstat(fd).st_ino == os.stat(path).st_ino and len(swaps) < times:
            replacement = path.with_name("replacement")
            replacement.write_bytes(b"")
            os.replace(replacement, path)
            swaps.append(fd)
        real(fd, operation)

    return flock, swaps


def test_a_lock_file_replaced_while_being_locked_is_locked_anew(
        vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flock, swaps = replacing_flock(vault / LOCK_NAME, times=2)
    monkeypatch.setattr(fcntl, "flock", flock)
    held = VaultLock.acquire(vault)
    try:
        assert len(swaps) == 2
        held.check()  # the file now at the path is the one held
        monkeypatch.undo()
        with pytest.raises(VaultBusy):
            VaultLock.acquire(vault)
    finally:
        held.release()


def test_a_lock_file_replaced_again_and_again_is_refused(
        vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flock, _swaps = replacing_flock(vault / LOCK_NAME, times=1000)
    monkeypatch.setattr(fcntl, "flock", flock)
    with pytest.raises(VaultBusy, match="removed or replaced"):
        VaultLock.acquire(vault)
    monkeypatch.undo()
    VaultLock.acquire(vault).release()  # nothing was left held


def test_check_notices_a_deleted_lock_file_and_release_frees_the_vault(vault: Path) -> None:
    held = VaultLock.acquire(vault)
    held.check()
    (vault / LOCK_NAME).unlink()
    with pytest.raises(VaultBusy, match="removed or replaced"):
        held.check()
    with pytest.raises(VaultBusy):
        VaultLock.acquire(vault)  # the folder is still locked
    held.release()
    held.release()  # twice is harmless
    with Archive.open(vault, PASSPHRASE) as archive:
        assert archive.is_open
