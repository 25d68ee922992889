"""Intake speed: a camera roll and one large file, as a person runs them.

Not part of the test run.  From the repository root:

    .venv/bin/python benchmarks/bench_intake.py            # 40 12-MP photos, 1,000 photos
                                                            # of 2 MP, one 1 GiB file
    .venv/bin/python benchmarks/bench_intake.py --quick    # 10 12-MP photos, 100 of 2 MP,
                                                            # one 128 MiB file (about a minute)

Every figure is a whole process, as a user runs it, followed by ``sync``; the two
sides run in turns, three times each (``--runs``), and the medians count:

- ``kzarchive attach INCIDENT FILE...`` as a subprocess (Python's start-up, the
  unlock, intake, its own fsyncs), then ``sync``;
- against ``tar -c photos | age -r KEY > out && sync`` for the photos and
  ``age -r KEY FILE > out && sync`` for the large file.

The unlock's key derivation (Argon2id with the vault's own parameters) is timed
on its own in this process and reported separately: it is a fixed cost by design,
the same for one file or a thousand.  The ratio is (attach - derivation) / baseline.
Intake makes no thumbnail or fingerprint (docs/decisions.md, "Pictures made after
intake"): the time to make them afterwards, as the app does in the background, is
printed beside (``archive.pictures.make()`` in this process, the vault opened).  Peak
memory is the child's
``ru_maxrss`` from ``os.wait4``, next to that of a
process that only unlocks the same vault (``incident list``: the interpreter, the
imports and the derivation's memory); the difference is what intake adds.

The package's bytecode is compiled first, as an installed app ships it.

Photos are made here with Pillow: smooth random shapes plus sensor-like noise, so
that JPEG sizes are those of phone photos (about 5 MB at 12 MP), each with EXIF
(camera, capture time, orientation).  They are made once under the work folder
and reused.
"""

from __future__ import annotations

import argparse
import base64
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzarchive.archive import Archive  # noqa: E402
from kzarchive.crypto.kdf import Argon2Params, argon2id, normalise_passphrase  # noqa: E402
from kzarchive.vault import keyslots  # noqa: E402

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"
# The calibration a vault made on this machine gets by default is about a second;
# the benchmark's own vault uses the same so the reported derivation is realistic.
KDF_TARGET_MS = "1000"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_kib: int = 0


def make_photo(path: Path, width: int, height: int, seed: int) -> None:
    """A JPEG with the size and EXIF of a phone photo, from random smooth content."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (height // 64 + 1, width // 64 + 1, 3), dtype=np.uint8)
    base = Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC)
    pixels = np.asarray(base, dtype=np.int16)
    pixels += rng.integers(-14, 15, pixels.shape, dtype=np.int16)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"  # Make
    exif[0x0110] = "Model 12"  # Model
    exif[0x0112] = 1  # Orientation
    exif[0x0132] = f"2026:11:{1 + seed % 28:02d} 12:{seed % 60:02d}:00"
    exif.get_ifd(0x8769)[0x9003] = f"2026:11:{1 + seed % 28:02d} 12:{seed % 60:02d}:00"
    image.save(path, "JPEG", quality=92, exif=exif.tobytes())


def photo_folder(workdir: Path, count: int, width: int, height: int) -> Path:
    folder = workdir / f"photos-{count}-{width}x{height}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for number in range(count):
            make_photo(folder / f"IMG_{number:04d}.jpg", width, height, number)
        done.touch()
    return folder


def big_file(workdir: Path, size: int) -> Path:
    path = workdir / f"big-{size // MIB}MiB.bin"
    if not path.exists() or path.stat().st_size != size:
        with open(path, "wb") as sink:
            for _ in range(size // (8 * MIB)):
                sink.write(os.urandom(8 * MIB))
    return path


def warm(paths: list[Path]) -> None:
    for path in paths:
        with open(path, "rb") as handle:
            while handle.read(8 * MIB):
                pass


def child_env(vault: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZARCHIVE_")}
    env.update(KZARCHIVE_VAULT=str(vault), KZARCHIVE_PASSPHRASE=PASSPHRASE,
               PYTHONPATH=str(ROOT))
    return env


def run_process(command: list[str], env: dict[str, str] | None = None,
                shell: bool = False) -> Run:
    """Wall time of the command and then ``sync``; the command's peak RSS."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command if not shell else ["sh", "-c", command[0]], env=env,
                               stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{command[0]} failed with exit code {code}")
    os.sync()
    return Run(time.perf_counter() - start, usage.ru_maxrss)


def fresh_vault(workdir: Path) -> tuple[Path, str, str]:
    vault = workdir / "vault"
    shutil.rmtree(vault, ignore_errors=True)
    os.environ["KZARCHIVE_KDF_TARGET_MS"] = KDF_TARGET_MS
    archive, _ = Archive.create(vault, PASSPHRASE)
    with archive:
        incident_id = archive.add_incident("Benchmark")
        assert archive.identity is not None
        recipient = archive.identity.public.age_recipient
    return vault, incident_id, recipient


def key_derivation(vault: Path) -> tuple[float, int]:
    """Seconds and KiB of the vault's own passphrase derivation."""
    keyfile = keyslots.load(vault)
    kdf = next(slot["kdf"] for slot in keyfile.slots if slot.get("type") == "passphrase")
    params = Argon2Params(kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    salt = base64.b64decode(kdf["salt"])
    start = time.perf_counter()
    argon2id(normalise_passphrase(PASSPHRASE), salt, params)
    return time.perf_counter() - start, params.memory_kib


def attach_run(workdir: Path, files: list[Path]) -> tuple[Run, Run, float, int, float]:
    """The attach process; an unlock-only process on the same vault (its peak RSS is
    the interpreter and the derivation); the derivation's own time and memory; the
    time to make the thumbnails and fingerprints afterwards, as the app does in the
    background once the vault's worker is idle."""
    vault, incident_id, _ = fresh_vault(workdir)
    unlock = run_process([sys.executable, "-m", "kzarchive.cli", "incident", "list"],
                         env=child_env(vault))
    warm(files)
    run = run_process([sys.executable, "-m", "kzarchive.cli", "attach", incident_id,
                       *map(str, files)], env=child_env(vault))
    kdf_seconds, kdf_kib = key_derivation(vault)
    with Archive.open(vault, PASSPHRASE) as archive:
        stored = len(archive.list_items(incident_id))
        start = time.perf_counter()
        archive.pictures.make()
        pictures = time.perf_counter() - start
    if stored != len(files):
        raise SystemExit(f"{stored} items stored of {len(files)}")
    return run, unlock, kdf_seconds, kdf_kib, pictures


def compare(label: str, workdir: Path, files: list[Path], baseline: str, runs: int) -> None:
    """Baseline and attach in turns, ``runs`` times each; the medians are printed."""
    recipient = fresh_vault(workdir)[2]
    out = workdir / "baseline.age"
    bases, attaches = [], []
    for _ in range(runs):
        warm(files)
        bases.append(run_process([baseline.format(recipient=recipient, out=out)], shell=True))
        out.unlink(missing_ok=True)
        attaches.append(attach_run(workdir, files))
    base = statistics.median(run.seconds for run in bases)
    # The median attach by its time less its own derivation.
    attaches.sort(key=lambda a: a[0].seconds - a[2])
    run, unlock, kdf, kdf_kib, pictures = attaches[len(attaches) // 2]
    size = sum(path.stat().st_size for path in files)
    net = run.seconds - kdf
    print(f"| {label} | {size / MIB:.0f} MiB | {base:.2f} s | {run.seconds:.2f} s | "
          f"{kdf:.2f} s | {net:.2f} s | **{net / base:.2f}** | "
          f"{run.peak_rss_kib / 1024:.0f} MiB | {unlock.peak_rss_kib / 1024:.0f} MiB "
          f"({kdf_kib / 1024:.0f} MiB Argon2id) | "
          f"{(run.peak_rss_kib - unlock.peak_rss_kib) / 1024:+.0f} MiB | {pictures:.2f} s |",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, the median counts")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "kzarchive-bench-intake")
    args = parser.parse_args()
    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    # As installed (pip and PyInstaller ship bytecode): where PYTHONDONTWRITEBYTECODE is
    # set, a checkout would otherwise compile every module in each attach process.
    compileall.compile_dir(ROOT / "kzarchive", quiet=1)
    big_photos = 10 if args.quick else 40
    small_photos = 100 if args.quick else 1000
    large = (128 if args.quick else 1024) * MIB
    print(f"{platform.system()} {platform.release()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print("| batch | size | baseline + sync | kzarchive attach + sync | of it key derivation "
          "| attach - derivation | ratio | peak RSS | peak RSS of the unlock alone "
          "| attach - unlock | then thumbnails and fingerprints (background) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    tar_age = ("tar -c -C {folder} . | age -r {{recipient}} > {{out}} && sync")
    folder = photo_folder(workdir, big_photos, 4000, 3000)
    compare(f"{big_photos} photos of 12 MP", workdir, sorted(folder.glob("*.jpg")),
            tar_age.format(folder=folder), args.runs)
    folder = photo_folder(workdir, small_photos, 1600, 1200)
    compare(f"{small_photos} photos of 2 MP", workdir, sorted(folder.glob("*.jpg")),
            tar_age.format(folder=folder), args.runs)
    path = big_file(workdir, large)
    compare(f"one file of {large // MIB} MiB", workdir, [path],
            f"age -r {{recipient}} {path} > {{out}} && sync", args.runs)
    shutil.rmtree(workdir / "vault", ignore_errors=True)


if __name__ == "__main__":
    main()
