"""Start-up: what a command costs before it does its work, as whole processes.

Not part of the test run.  From the repository root:

    .venv/bin/python benchmarks/bench_startup.py            # median of 5 runs each
    .venv/bin/python benchmarks/bench_startup.py --runs 11

Each line is ``python -m kzarchive.cli ...`` started as a person's shell starts it:
wall time from the start of the process to its exit, the median of the runs after
one that is not counted, with a ``sync`` before each run (outside the time); beside
it ``python -c pass`` (the interpreter alone) and ``age --version`` (a native tool).
``incident list`` and ``attach`` open a vault made here; the vault's own Argon2id
derivation is timed on its own in this process and shown beside them, so that what
is left is start-up, imports and the work.  The modules column counts what the
process imported (``-X importtime``), the interpreter's own start-up included.  The
package's bytecode is written by the uncounted run and read by the others, as in an
installed copy (a checkout run with ``PYTHONDONTWRITEBYTECODE`` compiles every
module at every start instead).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_intake import PASSPHRASE, child_env, key_derivation  # noqa: E402

from kzarchive.archive import Archive  # noqa: E402

# The smallest derivation a vault may have (the 64 MiB floor, one pass): the
# figures are about start-up, and the derivation is reported apart anyway.
KDF_TARGET_MS = "1"


def wall_time(command: list[str], env: dict[str, str]) -> float:
    os.sync()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {done.returncode}")
    return elapsed


def modules_imported(command: list[str], env: dict[str, str]) -> int:
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    return sum(1 for line in done.stderr.splitlines()
               if line.startswith("import time:") and "cumulative" not in line)


def photo(path: Path, seed: int) -> Path:
    # A new picture each run, so that attach stores it rather than skipping a copy.
    image = Image.new("RGB", (640, 480), (seed % 256, (seed * 7) % 256, (seed * 13) % 256))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "kzarchive-bench-startup")
    args = parser.parse_args()
    workdir: Path = args.workdir
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    vault = workdir / "vault"
    os.environ["KZARCHIVE_KDF_TARGET_MS"] = KDF_TARGET_MS
    archive, _ = Archive.create(vault, PASSPHRASE)
    with archive:
        incident_id = archive.add_incident("Start-up")
    env = child_env(vault)
    # As installed (pip and PyInstaller ship bytecode): the first run of each command
    # below writes what it imports as .pyc, and the timed runs read it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    kdf_seconds = statistics.median(key_derivation(vault)[0] for _ in range(args.runs))

    python = sys.executable
    cli = [python, "-m", "kzarchive.cli"]
    commands: list[tuple[str, list[str], bool]] = [
        ("python -c pass", [python, "-c", "pass"], False),
        ("age --version", ["age", "--version"], False),
        ("kzarchive --version", [*cli, "--version"], False),
        ("kzarchive --help", [*cli, "--help"], False),
        ("kzarchive incident list", [*cli, "incident", "list"], True),
        ("kzarchive attach (one 640x480 photo)", [*cli, "attach", incident_id], True),
    ]
    print(f"{platform.system()} {platform.release()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}; median of {args.runs}\n")
    print("| command | wall time | of it key derivation | without it | / python -c pass "
          "| / age --version | modules imported |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    measured: list[tuple[str, float, float, int]] = []
    for label, command, unlocks in commands:
        attach = "attach" in label
        wall_time(command + ([str(photo(workdir / "photo-warm.jpg", 998))] if attach else []),
                  env)
        times = [wall_time(command + ([str(photo(workdir / f"photo-{run}.jpg", run))]
                                      if attach else []), env)
                 for run in range(args.runs)]
        count = 0
        if command[0] == python:
            count = modules_imported(
                command + ([str(photo(workdir / "photo-count.jpg", 999))] if attach else []),
                env)
        measured.append((label, statistics.median(times), kdf_seconds if unlocks else 0.0,
                         count))
    python_alone, age_alone = measured[0][1], measured[1][1]
    for label, seconds, kdf, count in measured:
        net = seconds - kdf
        print(f"| {label} | {seconds * 1000:.0f} ms | "
              f"{f'{kdf * 1000:.0f} ms' if kdf else '-'} | {net * 1000:.0f} ms | "
              f"{net / python_alone:.1f} | {net / age_alone:.1f} | {count or '-'} |")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
