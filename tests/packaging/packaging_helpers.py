"""Running a built kzarchive the way a person would: commands in, files out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PASSPHRASE = "correct horse battery"
EVIDENCE = "Детей задержали у акимата в 14:05.\n".encode() + bytes(range(256)) * 300

# With this rule Qt reports each paint of a top-level window on stderr; the first
# "Flushing top level" line means a window was laid out, painted and handed to
# the platform, whatever the window class.
FIRST_WINDOW_RULES = "qt.widgets.painting=true"
FIRST_WINDOW_MARK = "Flushing top level"


@dataclass(frozen=True)
class FrozenBuild:
    """packaging/build-linux.sh's results and what it printed."""

    folder: Path
    tarball: Path
    output: str


@dataclass(frozen=True)
class InstalledWheel:
    """The wheel and sdist of ``python -m build``; the wheel installed in a fresh venv."""

    wheel: Path
    sdist: Path
    bin: Path


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose home, config, data and cache folders are all under ``home``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KZARCHIVE_")}
    for name in ("config", "data", "cache", "state"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        KZARCHIVE_KDF_TARGET_MS="50",
        KZARCHIVE_PASSPHRASE=PASSPHRASE,
        QT_QPA_PLATFORM="offscreen",
        LC_ALL="C.UTF-8",
    )
    env.update(extra)
    return env


def run(command: Sequence[str | Path], env: dict[str, str], timeout: float = 120,
        expect: int = 0, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], env=env, cwd=cwd, timeout=timeout,
                            capture_output=True, text=True, check=False)
    assert result.returncode == expect, (
        f"{' '.join(map(str, command))} exited {result.returncode}, expected {expect}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result


def vault_round_trip(kzarchive: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Create a vault, record an incident, attach a file, verify, extract it again.

    Returns the verify report.  Then damages the stored file and checks that
    verify fails with the integrity exit code, so that a build whose crypto only
    pretends to work cannot pass.
    """
    vault = work / "vault"
    original = work / "photo-0001.bin"
    original.write_bytes(EVIDENCE)
    base: list[str | Path] = [kzarchive, "--vault", vault]

    version = run([kzarchive, "--version"], env)
    assert version.stdout.strip().startswith("kzarchive ")
    run([*base, "init", "--name", "Field office"], env)
    assert (vault / "vault.keys").is_file()
    incident = run([*base, "incident", "add", "--title", "Detention at the akimat"],
                   env).stdout.strip()
    attached = run([*base, "attach", incident, original], env).stdout.split()
    item_id, sha256 = attached[0], attached[1]
    assert len(sha256) == 64

    report: dict[str, Any] = json.loads(run([*base, "verify", "--json"], env).stdout)
    assert all(check["ok"] for check in report["checks"]), report

    extracted = work / "extracted.bin"
    run([*base, "extract", item_id, extracted], env)
    assert extracted.read_bytes() == EVIDENCE

    # The printable report: reportlab, segno and the shipped fonts, as installed.
    pdf = work / "report.pdf"
    written = json.loads(run([*base, "report", incident, "-o", pdf, "--language", "kk",
                              "--json"], env).stdout)["report"]
    assert pdf.read_bytes().startswith(b"%PDF-") and written["pages"] >= 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                              capture_output=True).stdout.decode()
        assert sha256 in text and "Дәлелдемелер туралы есеп" in text

    blobs = [path for path in (vault / "blobs").rglob("*")
             if path.is_file() and "tmp" not in path.relative_to(vault / "blobs").parts]
    assert len(blobs) == 1, blobs
    damaged = bytearray(blobs[0].read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    blobs[0].write_bytes(bytes(damaged))
    failed = run([*base, "verify"], env, expect=6)
    assert "Integrity check failed" in failed.stderr
    return report


def first_window(command: Sequence[str | Path], env: dict[str, str],
                 timeout: float = 60, linger: float = 1.5) -> str:
    """Start a GUI, wait for its first painted window, check it stays up, then end it.

    Returns what it printed on stderr.  Fails if it exits early or shows nothing.
    """
    env = {**env, "QT_LOGGING_RULES": FIRST_WINDOW_RULES}
    process = subprocess.Popen([str(part) for part in command], env=env, text=True,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    lines: list[str] = []
    shown = threading.Event()

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if FIRST_WINDOW_MARK in line:
                shown.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + timeout
        while not shown.is_set() and process.poll() is None and time.monotonic() < deadline:
            shown.wait(0.1)
        assert shown.is_set(), (
            f"no window within {timeout} s (exit code {process.poll()})\n" + "".join(lines[-40:]))
        time.sleep(linger)
        assert process.poll() is None, (
            f"the app exited with {process.returncode} after showing its window\n"
            + "".join(lines[-40:]))
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        reader.join(timeout=10)
    return "".join(lines)


def assert_translated(gui_log: str) -> None:
    """The GUI loaded the translation it was asked for."""
    # The app logs this (to stderr, as logging is left unconfigured) when it cannot
    # load the .qm file of the chosen language.
    assert "stays in English" not in gui_log, gui_log
