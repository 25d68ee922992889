"""A crash at any instant leaves the whole item or no trace of it.

``kzarchive attach`` is killed with SIGKILL (no clean-up code runs) at random
moments, most of them while it opens the vault, hashes, encrypts, renames and
commits.  After every kill the vault opens; every item in it is complete; nothing
stray is left in blobs/.  At the end ``verify`` passes and every item extracts to
exactly the bytes that were attached.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from pathlib import Path

from kzarchive.archive import Archive
from tests.cli.cli_runner import PASSPHRASE, Cli
from tests.connection import connection_of

RUNS = 25
MIB = 1024 * 1024


def timed(cli: Cli, *args: str | Path) -> float:
    start = time.monotonic()
    cli(*args)
    return time.monotonic() - start


def check_after_crash(vault: Path, incident_id: str, attached: dict[str, bytes]) -> set[str]:
    """Opens the vault as the next command would; returns the hashes of the items in it."""
    with Archive.open(vault, PASSPHRASE) as archive:
        items = archive.list_items(incident_id)
        for item in items:
            assert item.sha256 in attached, f"item {item.id} holds content never attached"
            assert item.size == len(attached[item.sha256])
        known = {row[0] for row in connection_of(archive).execute("SELECT id FROM blobs")}
        assert archive.blobs.all_ids() == known, "stray files in blobs/"
        assert not any(archive.blobs.tmp.iterdir()), "leftovers in blobs/tmp/"
        pending = connection_of(archive).execute("SELECT count(*) FROM pending_blobs")
        assert pending.fetchone()[0] == 0
        return {item.sha256 for item in items}


def test_sigkill_during_attach_leaves_whole_items_or_none(
        process_vault_cli: Cli, tmp_path: Path) -> None:
    # The kill delays are timed on whole processes, start-up included: so are the runs.
    cli = process_vault_cli
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    incident_id = cli("incident", "add", "--title", "Crash test").out.strip()
    inputs = tmp_path / "inputs"
    inputs.mkdir()

    def new_file(number: int) -> tuple[Path, bytes]:
        data = rng.randbytes(rng.randrange(3 * MIB, 6 * MIB))
        path = inputs / f"file-{number}.bin"
        path.write_bytes(data)
        return path, data

    first_path, first_data = new_file(0)
    attached = {hashlib.sha256(first_data).hexdigest(): first_data}
    full = timed(cli, "attach", incident_id, first_path)
    opening = timed(cli, "incident", "list")

    outcomes = []
    for run in range(1, RUNS + 1):
        path, data = new_file(run)
        attached[hashlib.sha256(data).hexdigest()] = data
        # Most kills land between the vault being open and the command ending.
        delay = (rng.uniform(0, full) if run % 5 == 0
                 else rng.uniform(0.9 * opening, 1.05 * full))
        process = cli.popen("attach", incident_id, path)
        time.sleep(delay)
        process.kill()
        process.communicate(timeout=60)
        present = check_after_crash(cli.vault, incident_id, attached)
        outcomes.append(hashlib.sha256(data).hexdigest() in present)

    assert any(outcomes), f"seed {seed}: no attach ever completed; delays are too short"
    assert not all(outcomes), f"seed {seed}: no attach was ever interrupted"
    report = cli("verify", "--json").json()
    assert report["ok"] is True
    out = tmp_path / "out"
    items = cli("incident", "show", incident_id, "--json").json()["items"]
    assert len(items) == 1 + sum(outcomes)
    for item in items:
        target = out / item["id"]
        target.parent.mkdir(exist_ok=True)
        cli("extract", item["id"], target)
        assert target.read_bytes() == attached[item["sha256"]], f"seed {seed}"


BATCH_RUNS = 8
BATCH_FILES = 6


def test_sigkill_during_a_batch_attach_leaves_each_item_whole_or_absent(
        process_vault_cli: Cli, tmp_path: Path) -> None:
    # A batch commits in groups: a kill keeps the groups committed before it, in
    # the order of the files, and nothing of the group being written.
    cli = process_vault_cli
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    incident_id = cli("incident", "add", "--title", "Batch crash test").out.strip()
    attached: dict[str, bytes] = {}

    def new_batch(run: int) -> list[Path]:
        folder = tmp_path / f"batch-{run}"
        folder.mkdir()
        paths = []
        for number in range(BATCH_FILES):
            data = rng.randbytes(rng.randrange(MIB // 2, 2 * MIB))
            attached[hashlib.sha256(data).hexdigest()] = data
            path = folder / f"file-{number}.bin"
            path.write_bytes(data)
            paths.append(path)
        return paths

    full = timed(cli, "attach", incident_id, *new_batch(0))
    opening = timed(cli, "incident", "list")
    stored_counts = []
    for run in range(1, BATCH_RUNS + 1):
        paths = new_batch(run)
        hashes = [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
        process = cli.popen("attach", incident_id, *paths)
        if run % 2:
            # Anywhere from the unlock to the end: before, during and after commits.
            time.sleep(rng.uniform(0.9 * opening, 1.05 * full))
        else:
            # Just after a group was committed (its items are printed then), while the
            # next is written or made durable, if there is one.
            assert process.stdout is not None
            process.stdout.readline()
            time.sleep(rng.uniform(0, 0.2))
        process.kill()
        process.communicate(timeout=60)
        present = check_after_crash(cli.vault, incident_id, attached)
        kept = [sha in present for sha in hashes]
        # Whole groups, committed in file order: what is kept is a prefix of the batch.
        assert kept == sorted(kept, reverse=True), f"seed {seed}: {kept}"
        stored_counts.append(sum(kept))

    assert all(stored_counts[1::2]), f"seed {seed}: {stored_counts}: a kill after a commit lost it"
    assert any(count < BATCH_FILES for count in stored_counts), \
        f"seed {seed}: no batch was ever interrupted"
    assert cli("verify", "--json").json()["ok"] is True
    out = tmp_path / "out"
    out.mkdir()
    for item in cli("incident", "show", incident_id, "--json").json()["items"]:
        target = out / item["id"]
        cli("extract", item["id"], target)
        assert target.read_bytes() == attached[item["sha256"]], f"seed {seed}"
