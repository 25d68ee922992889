"""SIGKILL in the middle of a batch's group commits: every item whole or absent.

A child process runs ``attach_files`` with groups of two items, so that most of
its time is spent between group commits, making durable, committing and writing
the rollback anchor.  After each kill the vault opens (anchor checked against the
log), holds only whole items, in file order, and nothing stray; at the end it
verifies.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from kzarchive.archive import Archive
from tests.conftest import PASSPHRASE
from tests.connection import connection_of

RUNS = 8
FILES = 8
ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys, time
from kzarchive.archive import Archive
from kzarchive.service import intake
intake.GROUP_ITEMS, intake.GROUP_SECONDS = 2, 0.0
with Archive.open(sys.argv[1], sys.argv[2]) as archive:
    print("open", flush=True)
    def landed(files):
        # A pause after each group, so that a kill can land between groups on any machine.
        print("landed", flush=True)
        time.sleep(0.3)
    archive.attach_files(sys.argv[3], sys.argv[4:], on_landed=landed)
"""


def check(vault: Path, incident_id: str, attached: dict[str, bytes]) -> set[str]:
    with Archive.open(vault, PASSPHRASE) as archive:
        items = archive.list_items(incident_id)
        for item in items:
            with archive.open_item(item.id) as reader:
                assert reader.read() == attached[item.sha256]
        db = connection_of(archive)
        assert archive.blobs.all_ids() == {row[0] for row in db.execute("SELECT id FROM blobs")}
        assert db.execute("SELECT count(*) FROM pending_blobs").fetchone()[0] == 0
        assert not any(archive.blobs.tmp.iterdir())
        return {item.sha256 for item in items}


def test_sigkill_between_and_during_group_commits(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    vault = tmp_path / "vault"
    archive, _ = Archive.create(vault, PASSPHRASE)
    with archive:
        incident_id = archive.add_incident("Batch crash")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    attached: dict[str, bytes] = {}
    kept_counts = []
    group = 0.0
    for run in range(RUNS + 1):
        paths = []
        for number in range(FILES):
            data = rng.randbytes(rng.randrange(64 * 1024, 768 * 1024))
            attached[hashlib.sha256(data).hexdigest()] = data
            path = tmp_path / f"run{run}-{number}.bin"
            path.write_bytes(data)
            paths.append(path)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(vault), PASSPHRASE, incident_id, *map(str, paths)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert child.stdout is not None
        assert child.stdout.readline() == b"open\n"
        if run == 0:  # a whole batch, to time the kills of the others
            start = time.monotonic()
            assert child.stdout.readline() == b"landed\n"
            group = time.monotonic() - start
            assert child.wait(timeout=120) == 0
        elif run % 2:
            # Anywhere from the start to about two groups' time: before, between
            # and during commits, whatever the machine's speed.
            time.sleep(rng.uniform(0, 2 * group))
        else:
            # Just after a group landed: at least one group whole, the others under way.
            assert child.stdout.readline() == b"landed\n"
            time.sleep(rng.uniform(0, 0.5))
        child.kill()
        child.communicate(timeout=60)
        present = check(vault, incident_id, attached)
        kept = [hashlib.sha256(path.read_bytes()).hexdigest() in present for path in paths]
        assert kept == sorted(kept, reverse=True), f"seed {seed}: {kept}"
        if run:
            kept_counts.append(sum(kept))
    assert any(0 < count < FILES for count in kept_counts), \
        f"seed {seed}: {kept_counts}: no kill landed within a batch"
    with Archive.open(vault, PASSPHRASE) as archive:
        assert archive.verify().ok
