"""Ctrl-C exits with 130 and leaves nothing half-written.

The signal is sent only once the command is visibly in the middle of its work
(ciphertext growing in blobs/tmp/, or a partial extract growing next to OUT), so
the test always interrupts a write, never a start or an end.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.cli.cli_runner import Cli

MIB = 1024 * 1024


def interrupt_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not ready():
        assert process.poll() is None, "the command ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    process.send_signal(signal.SIGINT)


def big_file(path: Path, size: int) -> Path:
    # Sparse: reading it is fast and it costs no disk space, so encryption sets the pace.
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def growing(folder: Path, pattern: str) -> Callable[[], bool]:
    return lambda: any(p.stat().st_size > MIB for p in folder.glob(pattern) if p.is_file())


def test_ctrl_c_during_attach_stores_nothing(vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = vault_cli("incident", "add", "--title", "Interrupted").out.strip()
    source = big_file(tmp_path / "large.bin", 2048 * MIB)
    process = vault_cli.popen("attach", incident_id, source)
    interrupt_when(process, growing(vault_cli.vault / "blobs" / "tmp", "*"))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().strip().endswith("kzarchive: interrupted. Nothing was half-written.")
    # The command cleaned up after itself, before any later open could.
    blob_files = [p for p in (vault_cli.vault / "blobs").rglob("*") if p.is_file()]
    assert blob_files == []
    assert vault_cli("incident", "show", incident_id, "--json").json()["items"] == []
    assert vault_cli("verify", "--json").json()["ok"] is True


def test_ctrl_c_during_extract_leaves_no_file(vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = vault_cli("incident", "add", "--title", "Interrupted").out.strip()
    source = big_file(tmp_path / "large.bin", 96 * MIB)
    item_id = vault_cli("attach", incident_id, source).out.split()[0]
    out = tmp_path / "out"
    out.mkdir()
    process = vault_cli.popen("extract", item_id, out)
    interrupt_when(process, growing(out, ".*.partial"))
    process.communicate(timeout=60)
    assert process.returncode == 130
    assert list(out.iterdir()) == []
    entries = vault_cli("log", "--json").json()["entries"]
    assert "item.extracted" not in [e["action"] for e in entries]


def test_ctrl_c_during_init_leaves_no_half_made_vault(cli: Cli) -> None:
    process = cli.popen("init", env={"KZARCHIVE_KDF_TARGET_MS": "1000"})
    interrupt_when(process, (cli.vault / "vault.lock").exists)
    process.communicate(timeout=60)
    assert process.returncode == 130
    assert not cli.vault.exists()
    cli.init()  # nothing blocks a new attempt
    assert (cli.vault / "vault.keys").is_file()
