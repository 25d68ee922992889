"""Bundle benchmark: export and verify-bundle against what a careful person runs by hand.

    .venv/bin/python benchmarks/bench_bundle.py [--size-mib 1024] [--files 4] [--keep DIR]

Prints, for the same evidence bytes:
- export (hash check + sign + tar + encrypt, from the encrypted vault) against
  `age -r` of the same files, as a ratio, with the export's peak RSS;
- verify-bundle (decrypt, check signature, every hash, custody) against the manual
  toolchain a partner would otherwise run: `age -d | tar -x`, then `bagit.py
  --validate`, as a ratio, with peak RSS.
Not part of the test run; the targets are export <= 1.5x age, verify < 1.0x manual,
peak RSS under 150 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PASSPHRASE = "benchmark passphrase"


def run(command: list[str], env: dict[str, str], stdin: int | None = None,
        stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """Runs a command; returns (seconds, peak RSS in MB) of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdin=stdin, stdout=stdout,
                               stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {error}")
    return elapsed, usage.ru_maxrss / 1024


def shell(script: str) -> float:
    start = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", script], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="total evidence size")
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median counts")
    args = parser.parse_args()
    for tool in ("age", "age-keygen", "tar"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (scripts/setup --test installs it)")

    work = args.keep or Path(tempfile.mkdtemp(prefix="kz-bench-bundle-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "KZARCHIVE_KDF_TARGET_MS": "100", "KZARCHIVE_PASSPHRASE": PASSPHRASE}
    kz = str(VENV_BIN / "kzarchive")
    documenter, partner = work / "documenter", work / "partner"

    def cli(vault: Path, *rest: str) -> str:
        return subprocess.run([kz, "--vault", str(vault), *rest], env=env, check=True,
                              capture_output=True, text=True).stdout

    print(f"Preparing {args.size_mib} MiB in {args.files} files under {work} ...")
    cli(documenter, "init", "--name", "Documenter")
    cli(partner, "init", "--name", "Partner")
    cli(documenter, "contact", "export-card", str(work / "documenter.card"))
    cli(partner, "contact", "export-card", str(work / "partner.card"))
    cli(documenter, "contact", "add", str(work / "partner.card"))
    cli(documenter, "contact", "verify", "Partner", "--yes")
    cli(partner, "contact", "add", str(work / "documenter.card"))
    cli(partner, "contact", "verify", "Documenter", "--yes")
    key = work / "investigator.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True,
                               capture_output=True, text=True).stdout.strip()
    cli(documenter, "contact", "add", "--name", "Investigator", "--age-recipient", recipient)
    cli(documenter, "contact", "verify", "Investigator", "--yes")
    incident = cli(documenter, "incident", "add", "--title", "Benchmark").strip()
    sources = []
    per_file = args.size_mib * 1024 * 1024 // args.files
    for index in range(args.files):
        path = work / f"evidence-{index}.bin"
        with open(path, "wb") as handle:
            remaining = per_file
            while remaining:
                block = os.urandom(min(remaining, 8 << 20))
                handle.write(block)
                remaining -= len(block)
        sources.append(path)
    cli(documenter, "attach", incident, *map(str, sources))
    for path in sources:  # warm the page cache equally for both sides
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)

    # Writes of earlier runs are still being flushed to disk and would slow the next
    # one: sync before each timed run, alternate the tools, take the median of 3.
    bundle = work / "bench.kzb"
    manual_dir = work / "manual"
    bagit = VENV_BIN / "bagit.py"
    age_runs, export_runs, manual_runs, verify_runs = [], [], [], []
    export_rss = verify_rss = 0.0
    for _ in range(args.repeat):
        os.sync()
        age_runs.append(sum(shell(f"age -r {recipient} -o {work / 'plain.age'} {path}")
                            for path in sources))
        os.unlink(work / "plain.age")
        bundle.unlink(missing_ok=True)
        os.sync()
        seconds, rss = run(
            [kz, "--vault", str(documenter), "export", incident, "--to", "Partner",
             "--to", "Investigator", "-o", str(bundle)], env)
        export_runs.append(seconds)
        export_rss = max(export_rss, rss)
        shutil.rmtree(manual_dir, ignore_errors=True)
        manual_dir.mkdir()
        os.sync()
        manual = shell(f"age -d -i {key} {bundle} | tar -x -C {manual_dir}")
        bag = next(manual_dir.iterdir())
        manual_runs.append(manual + shell(f"{sys.executable} {bagit} --validate {bag} 2>/dev/null"))
        os.sync()
        seconds, rss = run([kz, "--vault", str(partner), "verify-bundle", str(bundle)], env)
        verify_runs.append(seconds)
        verify_rss = max(verify_rss, rss)
    age_seconds, export_seconds = statistics.median(age_runs), statistics.median(export_runs)
    manual_seconds, verify_seconds = statistics.median(manual_runs), statistics.median(verify_runs)

    size = sum(p.stat().st_size for p in sources)
    print(f"\nEvidence: {size / 2**20:.0f} MiB in {len(sources)} files; bundle "
          f"{bundle.stat().st_size / 2**20:.0f} MiB; median of {args.repeat} runs each")
    print(f"{'age -r (same files)':34} {age_seconds:7.2f} s")
    print(f"{'kzarchive export':34} {export_seconds:7.2f} s  ratio "
          f"{export_seconds / age_seconds:.2f}  peak RSS {export_rss:.0f} MB"
          "   (target <= 1.5, < 150 MB)")
    print(f"{'age -d | tar -x; bagit --validate':34} {manual_seconds:7.2f} s")
    print(f"{'kzarchive verify-bundle':34} {verify_seconds:7.2f} s  ratio "
          f"{verify_seconds / manual_seconds:.2f}  peak RSS {verify_rss:.0f} MB"
          "   (target < 1.0, < 150 MB)")
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
