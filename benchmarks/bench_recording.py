"""An hour of testimony recorded into the vault at constant memory.

    .venv/bin/python benchmarks/bench_recording.py [--minutes 1 60] [--rate 48000]
                                                    [--channels 1] [--keep DIR]

Each length is recorded in a process of its own, from the synthetic sine source of
the tests, as fast as the machine allows (a device gives 0.1 s at a time; here
the pieces come without waiting). Printed per length: the time to record (write
into the encrypted journal), the time to stop (the journal read back through the
WAV header into the blob writer, fsync included), the item's size, and the
process's peak resident memory (VmHWM) after opening the vault and at the end.
Memory must not grow with the length: the 60-minute peak matches the 1-minute one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The vault's key derivation is calibrated at creation; keep it short, as the tests do.
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")

PASSPHRASE = "correct horse battery"
PIECE_SECONDS = 0.1


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def record(vault: Path, minutes: float, rate: int, channels: int) -> dict[str, float]:
    from kzarchive.archive import Archive
    from kzarchive.service.recording import AudioFormat
    from tests.recording.sine import SineSource

    with Archive.open(vault, PASSPHRASE) as archive:
        incident = archive.add_incident(title="Benchmark")
        source = SineSource(AudioFormat(rate, channels, 2))
        frames = int(PIECE_SECONDS * rate)
        pieces = int(minutes * 60 / PIECE_SECONDS)
        opened = peak_rss_mb()
        start = time.perf_counter()
        recording = archive.recordings.start(incident, source.format)
        for _ in range(pieces):
            recording.write(source.read(frames))
        recorded = time.perf_counter()
        item = recording.stop()
        stopped = time.perf_counter()
        return {"record_s": recorded - start, "stop_s": stopped - recorded,
                "size_mb": item.size / 1e6, "rss_open_mb": opened, "rss_peak_mb": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[1, 60])
    parser.add_argument("--rate", type=int, default=48_000)
    parser.add_argument("--channels", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(record(args.child, args.minutes[0], args.rate, args.channels)))
        return

    from kzarchive.archive import Archive

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kzarchive-recording-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(f"{args.rate} Hz, {args.channels} channel(s), 16-bit; {os.cpu_count()} cores")
        print("| length | record | stop (store the WAV) | item | peak memory after open "
              "| peak memory at the end |")
        print("| --- | --- | --- | --- | --- | --- |")
        for minutes in args.minutes:
            vault = folder / f"vault-{minutes:g}"
            shutil.rmtree(vault, ignore_errors=True)
            Archive.create(vault, PASSPHRASE, name="bench")[0].close()
            run = subprocess.run(
                [sys.executable, __file__, "--child", str(vault), "--minutes", str(minutes),
                 "--rate", str(args.rate), "--channels", str(args.channels)],
                check=True, capture_output=True, text=True, cwd=ROOT)
            found = json.loads(run.stdout)
            print(f"| {minutes:g} min | {found['record_s']:.1f} s | {found['stop_s']:.1f} s "
                  f"| {found['size_mb']:.0f} MB | {found['rss_open_mb']:.0f} MB "
                  f"| {found['rss_peak_mb']:.0f} MB |")
            shutil.rmtree(vault, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
