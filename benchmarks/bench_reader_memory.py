"""Peak memory of ``kzarchive verify-bundle`` on hostile bundles (rule 8: under 300 MB).

    .venv/bin/python benchmarks/bench_reader_memory.py [--keep DIR]

Builds a partner vault with a verified sender, then the control bundle and the
hostile ones of tests/bundle/large_bundles.py (a stranger's 60 MB JSON, the
verified sender's 60 MB JSON, 30 MB of JSON values, a bundle.json exactly
within the caps), runs the real command on each in its own process and prints
its exit code, time and peak resident memory (VmHWM). Not part of the test run;
tests/bundle/test_reader_memory.py asserts the same limit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The vault's key derivation is calibrated at creation; keep it short, as the tests do.
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")

from tests.bundle.large_bundles import (  # noqa: E402 -- needs the path above
    MEMORY_LIMIT_MB,
    partner_vault,
    run_verify_bundle,
    write_cases,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kzarchive-reader-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        setting = partner_vault(folder)
        vault = setting.vault
        cases = write_cases(folder, setting)
        print(f"| bundle | size | exit code | time | peak memory (limit {MEMORY_LIMIT_MB} MB) |")
        print("| --- | --- | --- | --- | --- |")
        for case in cases:
            start = time.perf_counter()
            run = run_verify_bundle(vault, case.path, folder / "tmp")
            elapsed = time.perf_counter() - start
            size = case.path.stat().st_size / 2**20
            print(f"| {case.name} | {size:.1f} MiB | {run.exit_code} | {elapsed:.2f} s "
                  f"| {run.peak_mb:.0f} MB |")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
