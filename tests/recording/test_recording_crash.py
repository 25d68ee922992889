"""A recording process killed with SIGKILL: whole chunks kept, as a marked item, or nothing.

The recording process is killed at random moments while it records and while it
stores the item.  After each kill the next unlock finds either no item (not one
whole chunk was sealed), the whole recording, or a partial item holding exactly
the first samples recorded, every chunk that was sealed before the kill.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import time
import wave
from pathlib import Path

from kzarchive.archive import Archive
from kzarchive.service.recording import PARTIAL_NOTE
from kzarchive.vault import journal
from tests.cli.cli_runner import PASSPHRASE, Cli
from tests.recording.sine import SineSource

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 64 * 1024


def start_child(cli: Cli, incident: str, seconds: float, mode: str,
                *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.recording.record_child", str(cli.vault), incident,
         str(seconds), mode, *extra],
        cwd=ROOT, env=cli.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def read_until(process: subprocess.Popen[str], prefix: str, deadline: float) -> str:
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith(prefix):
            return line.split()[1]
    raise AssertionError(f"the recording process never printed {prefix!r}")


def samples_of(archive: Archive, item_id: str) -> bytes:
    with archive.open_item(item_id) as reader, wave.open(io.BytesIO(reader.read())) as wav:
        frames: bytes = wav.readframes(wav.getnframes())
        return frames


def test_sigkill_while_recording_keeps_every_sealed_chunk(process_vault_cli: Cli) -> None:
    cli = process_vault_cli
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    incident = cli("incident", "add", "--title", "Crash while recording").out.strip()
    pcm = SineSource().seconds(20)
    for _run in range(4):
        process = start_child(cli, incident, 20, "keep")
        recording_id = read_until(process, "recording", time.monotonic() + 60)
        time.sleep(rng.uniform(0.0, 0.6))
        process.kill()
        assert process.stdout is not None
        reported = [int(line.split()[1]) for line in process.stdout.read().splitlines()
                    if line.startswith("written")]
        process.communicate(timeout=30)
        sealed = (max(reported, default=0) - 1) // CHUNK * CHUNK
        with Archive.open(cli.vault, PASSPHRASE) as archive:
            items = {item.id: item for item in archive.list_items(incident)}
            assert journal.leftover_ids(archive.path) == set()
            assert archive.recordings.under_way() == []
            if recording_id not in items:
                assert sealed <= 0, f"{sealed} bytes were sealed, and nothing was kept"
                continue
            item = items[recording_id]
            kept = samples_of(archive, recording_id)
            assert kept == pcm[: len(kept)], "the kept samples are not what was recorded"
            assert len(kept) % CHUNK == 0 and len(kept) >= sealed
            assert PARTIAL_NOTE in item.notes
            assert archive.custody_entries(incident)[-1].details["recording"]["state"] == (
                "partial, recovered")
    assert cli("verify").code == 0


def test_sigkill_while_storing_leaves_one_whole_item(process_vault_cli: Cli) -> None:
    cli = process_vault_cli
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    incident = cli("incident", "add", "--title", "Crash while storing").out.strip()
    pcm = SineSource().seconds(30)
    for _run in range(3):
        process = start_child(cli, incident, 30, "stop")
        recording_id = read_until(process, "recording", time.monotonic() + 60)
        while True:  # the last write, then a kill somewhere in stop()
            assert process.stdout is not None
            line = process.stdout.readline()
            if line.startswith("written") and int(line.split()[1]) >= len(pcm) - 3200:
                break
        time.sleep(rng.uniform(0.0, 0.25))
        process.kill()
        process.communicate(timeout=30)
        with Archive.open(cli.vault, PASSPHRASE) as archive:
            found = [i for i in archive.list_items(incident) if i.id == recording_id]
            assert len(found) == 1, "the recording is lost or stored twice"
            kept = samples_of(archive, recording_id)
            state = found[0].metadata["recording"]["state"]
            if state in ("complete", "complete, recovered"):
                assert kept == pcm
            else:
                assert state == "partial, recovered" and kept == pcm[: len(kept)]
            assert journal.leftover_ids(archive.path) == set()
    assert cli("verify").code == 0
