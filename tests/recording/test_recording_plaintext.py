"""A recording leaves nothing in clear on disk: no samples, no witness, no notes.

Two recordings are made by processes whose temp folder is scanned too: one stopped
normally, one killed and then recovered by the next command.  Every byte under the
vault and the temp folder is searched for any 32-byte run of the samples (the
synthetic source adds noise, so every run is distinct) and for the names.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.cli.cli_runner import PASSPHRASE, Cli
from tests.cli.test_plaintext_on_disk import all_files, evidence_in, windows
from tests.recording.sine import SineSource
from tests.recording.test_recording_crash import read_until, start_child

WITNESS = "Свидетельница-Жанар"
NOTES = "записано у здания суда в Таразе"


def test_recording_leaves_no_samples_or_names_in_clear(process_vault_cli: Cli) -> None:
    cli = process_vault_cli
    incident = cli("incident", "add", "--title", "Суд").out.strip()
    stopped = start_child(cli, incident, 6, "stop", WITNESS, NOTES)
    read_until(stopped, "stored", time.monotonic() + 120)
    stopped.communicate(timeout=30)
    killed = start_child(cli, incident, 6, "keep", WITNESS, NOTES)
    read_until(killed, "recording", time.monotonic() + 60)
    time.sleep(0.5)
    killed.kill()
    killed.communicate(timeout=30)
    forbidden = windows(SineSource().seconds(6))
    # As the crash left it: the journal of the killed recording is on disk.
    left = all_files(cli.vault, cli.tmpdir)
    assert any(f.parent.name == "recordings" for f in left)
    assert_nothing_in_clear(left, forbidden)

    showing = cli("incident", "show", incident, "--json")  # recovers the second
    shown = showing.json()
    assert "a recording cut short was recovered as item" in showing.err
    assert len(shown["items"]) == 2
    assert {item["witness"] for item in shown["items"]} == {WITNESS}
    files = all_files(cli.vault, cli.tmpdir)
    assert any(f.parent.parent.name == "blobs" for f in files)
    assert not any(f.parent.name == "recordings" for f in files)
    assert_nothing_in_clear(files, forbidden)


def assert_nothing_in_clear(files: list[Path], forbidden: set[bytes]) -> None:
    for path in files:
        found = evidence_in(path.read_bytes(), [WITNESS, NOTES, PASSPHRASE], forbidden)
        assert found is None, f"{found} in clear in {path}"
