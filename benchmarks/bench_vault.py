"""Vault performance: attach throughput and memory, search latency, opening time.

Not part of the test run.  From the repository root:

    .venv/bin/python benchmarks/bench_vault.py            # 100 MiB and 1 GiB files,
                                                           # 10,000 incidents / 100,000 items
    .venv/bin/python benchmarks/bench_vault.py --quick    # 16 and 64 MiB, 1,000 / 10,000

What it measures:

- attach: ``Archive.attach_file`` (read, SHA-256, encrypt, write, fsync) of one file,
  against ``openssl dgst -sha256`` and ``age -r <recipient>`` of the same file (all
  from the page cache), as ratios;
- peak memory: ``kzarchive attach`` run as a separate process, its peak RSS read
  from ``os.wait4``; it must not grow with the file size;
- search: a vault of N incidents and 10 N items (one in ten a testimony text),
  built through the service API; the median and 95th percentile of
  ``list_incidents(search=...)`` over 50 queries;
- opening: the time ``Archive.open`` takes once the key is derived (the Argon2id
  derivation, about a second by design, is reported separately).

The large vault is built on tmpfs (/dev/shm) when there is one: the same API
calls, but its fsyncs cost nothing, which makes building 100,000 items take minutes
instead of an hour.  It is then copied to the work folder (a real disk) before
opening and searching are timed.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzarchive.archive import Archive  # noqa: E402
from kzarchive.crypto.kdf import Argon2Params, argon2id, normalise_passphrase  # noqa: E402
from kzarchive.vault import keyslots  # noqa: E402

MIB = 1024 * 1024
PASSPHRASE = "benchmark passphrase"
# Words documenters would search for; they are mixed into a synthetic vocabulary.
REAL_WORDS = [
    "задержание", "журналиста", "акимат", "полиция", "митинг", "адвокат", "допрос",
    "избиение", "дубинка", "автозак", "изолятор", "свидетель", "фотограф", "ереуіл",
    "мұнайшы", "қамау", "куәгер", "наразылық", "detention", "journalist", "shutdown",
    "Алматы", "Жанаозен", "Астана", "Шымкент", "Актау", "Уральск", "Караганда",
]
_SYLLABLES = ["ка", "ра", "ту", "ме", "ни", "жа", "ол", "ба", "се", "да", "ғы", "қа", "ұл",
              "өз", "ша", "ли", "мо", "ре", "ст", "ви", "ко", "на", "ле", "ар", "ін", "ем"]


class Vocabulary:
    """20,000 made-up words with a Zipf-like frequency, as in natural text."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        made = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randrange(2, 5)))
                for _ in range(size * 2)}
        self.words = sorted(made)[:size]
        rng.shuffle(self.words)
        for rank, word in zip(range(20, 20 + 10 * len(REAL_WORDS), 10), REAL_WORDS,
                              strict=False):
            self.words.insert(rank, word)
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def text(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def settled(action: Callable[[], object], runs: int = 3,
            before: Callable[[], object] | None = None) -> float:
    """Median of ``runs`` timings, each after a sync: writes still being flushed from a
    previous run would otherwise slow the next one by up to half."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        os.sync()
        times.append(timed(action))
    return statistics.median(times)


def source_file(workdir: Path, size: int) -> Path:
    """Random content, made once and kept for later runs."""
    path = workdir / f"source-{size // MIB}MiB.bin"
    if not path.exists() or path.stat().st_size != size:
        partial = path.with_suffix(".partial")
        with open(partial, "wb") as sink:
            for _ in range(size // (8 * MIB)):
                sink.write(os.urandom(8 * MIB))
            sink.write(os.urandom(size % (8 * MIB)))
        partial.rename(path)
    return path


def warm(path: Path) -> None:
    with open(path, "rb") as handle:
        while handle.read(8 * MIB):
            pass


def child_env(vault: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZARCHIVE_")}
    env.update(KZARCHIVE_VAULT=str(vault), KZARCHIVE_PASSPHRASE=PASSPHRASE,
               KZARCHIVE_KDF_TARGET_MS="50", PYTHONPATH=str(ROOT))
    return env


def peak_rss_of_cli_attach(vault: Path, incident_id: str, path: Path) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of ``kzarchive attach`` as its own process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "kzarchive.cli", "attach", incident_id, str(path)],
        env=child_env(vault), stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"kzarchive attach failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss


def bench_attach(workdir: Path, sizes: list[int]) -> None:
    os.environ["KZARCHIVE_KDF_TARGET_MS"] = "50"
    vault = workdir / "attach-vault"
    shutil.rmtree(vault, ignore_errors=True)
    archive, _ = Archive.create(vault, PASSPHRASE)
    with archive:
        incident_id = archive.add_incident("Benchmark")
        assert archive.identity is not None
        recipient = archive.identity.public.age_recipient
    print("\n## Attach (one file, from the page cache)\n")
    print("| size | attach (API) | MiB/s | openssl sha256 | age -r | attach/openssl | "
          "attach/age | kzarchive attach (process) | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    # age writes its output to a real file, as a person would (and as attach does).
    encrypted = workdir / "age-output.age"
    for size in sizes:
        path = source_file(workdir, size)
        warm(path)
        openssl = settled(lambda p=path: subprocess.run(
            ["openssl", "dgst", "-sha256", str(p)], check=True, stdout=subprocess.DEVNULL))
        age = settled(lambda p=path: subprocess.run(
            ["age", "-r", recipient, "-o", str(encrypted), str(p)], check=True),
            before=lambda: encrypted.unlink(missing_ok=True))
        encrypted.unlink(missing_ok=True)
        with Archive.open(vault, PASSPHRASE) as archive:
            def forget_stored(a: Archive = archive) -> None:
                # Equal content is stored once: remove the last run's item for the next.
                with a.transaction() as db:
                    db.execute("DELETE FROM search_index WHERE kind = 'item'")
                    db.execute("UPDATE incidents SET item_count = 0")
                    db.execute("DELETE FROM items")
                    db.execute("DELETE FROM blobs")
                for blob_id in a.blobs.all_ids():
                    a.blobs.delete(blob_id)

            api = settled(lambda p=path, a=archive, i=incident_id: a.attach_file(i, p),
                          before=forget_stored)
        # A second copy of equal content would only be deduplicated: use a fresh vault.
        shutil.rmtree(vault)
        archive, _ = Archive.create(vault, PASSPHRASE)
        with archive:
            incident_id = archive.add_incident("Benchmark")
        warm(path)
        cli_seconds, rss_kib = peak_rss_of_cli_attach(vault, incident_id, path)
        print(f"| {size // MIB} MiB | {api:.2f} s | {size / MIB / api:.0f} | {openssl:.2f} s | "
              f"{age:.2f} s | {api / openssl:.2f} | {api / age:.2f} | {cli_seconds:.2f} s | "
              f"{rss_kib / 1024:.0f} MiB |")
    shutil.rmtree(vault, ignore_errors=True)


def build_vault(path: Path, incidents: int, items_per_incident: int,
                vocabulary: Vocabulary) -> tuple[float, str]:
    rng = vocabulary.rng
    start = time.perf_counter()
    archive, recovery_code = Archive.create(path, PASSPHRASE)
    with archive:
        for n in range(incidents):
            incident_id = archive.add_incident(
                f"{vocabulary.text(4)} {n}", description=vocabulary.text(40),
                place=vocabulary.text(1),
                occurred_start=f"20{rng.randrange(11, 25)}-{rng.randrange(1, 13):02d}-"
                f"{rng.randrange(1, 29):02d}", tags=[vocabulary.text(1)])
            for m in range(items_per_incident):
                if m == 0:
                    archive.add_text(incident_id, vocabulary.text(150), witness=f"W-{n}")
                else:
                    data = rng.randbytes(rng.randrange(200, 2000))
                    archive.store_content(incident_id, io.BytesIO(data), name=f"file-{n}-{m}.bin",
                                          notes=vocabulary.text(5), expected_size=len(data))
            if n and n % max(1, incidents // 10) == 0:
                elapsed = time.perf_counter() - start
                print(f"  built {n} incidents in {elapsed:.0f} s", file=sys.stderr)
    return time.perf_counter() - start, recovery_code


def search(archive: Archive, query: str, **filters: str) -> tuple[float, int]:
    start = time.perf_counter()
    found = archive.list_incidents(search=query, **filters)
    return time.perf_counter() - start, len(found)


def bench_search(workdir: Path, incidents: int) -> None:
    os.environ["KZARCHIVE_KDF_TARGET_MS"] = "1000"
    shm = Path("/dev/shm")
    build_root = Path(tempfile.mkdtemp(dir=shm if shm.is_dir() else workdir))
    built = build_root / "vault"
    items = incidents * 10
    print(f"\nbuilding {incidents} incidents and {items} items ...", file=sys.stderr)
    vocabulary = Vocabulary(random.Random(1))
    seconds, recovery_code = build_vault(built, incidents, 10, vocabulary)
    vault = workdir / "search-vault"
    shutil.rmtree(vault, ignore_errors=True)
    shutil.copytree(built, vault)
    shutil.rmtree(build_root)
    size = sum(f.stat().st_size for f in vault.rglob("*") if f.is_file())

    slot = next(s for s in keyslots.load(vault).slots if s["type"] == "passphrase")
    kdf = slot["kdf"]
    params = Argon2Params(kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    derivation = timed(lambda: argon2id(normalise_passphrase(PASSPHRASE), os.urandom(16), params))
    opened_total = timed(lambda: Archive.open(vault, PASSPHRASE).close())
    # The recovery slot's key comes from HKDF (microseconds): what remains is the opening.
    opened_after_kdf = timed(lambda: Archive.open_with_recovery(vault, recovery_code).close())

    words = vocabulary.words
    rng = random.Random(2)
    queries = [rng.choice(words[2000:]) for _ in range(15)]  # rare words
    queries += [rng.choice(words[100:2000]) for _ in range(15)]  # ordinary words
    queries += [f"{rng.choice(words[:300])} {rng.choice(words[:3000])}" for _ in range(10)]
    queries += [rng.choice(words[:100]) for _ in range(5)]  # very common words
    queries += ["журналист", "мұнайшы", "W-17", "file-123-4", "дубин"]
    with Archive.open(vault, PASSPHRASE) as archive:
        archive.list_incidents(search=words[5000])  # the first query loads the index
        measured = [search(archive, query) for query in queries]
        filtered, _ = search(archive, "журналист", date_from="2020-01-01", tag=words[3])
        listing = timed(lambda: archive.list_incidents())
    latencies = sorted(seconds for seconds, _ in measured)
    hits = [count for _, count in measured]
    latencies.sort()
    p95 = latencies[round(0.95 * (len(latencies) - 1))]
    print(f"\n## Search and opening ({incidents} incidents, {items} items, "
          f"{size / MIB:.0f} MiB on disk; built in {seconds:.0f} s)\n")
    print("| measure | time |")
    print("| --- | --- |")
    print(f"| full-text search, median of {len(queries)} queries | "
          f"{statistics.median(latencies) * 1000:.1f} ms |")
    print(f"| full-text search, 95th percentile | {p95 * 1000:.1f} ms |")
    print(f"| search with a date and a tag filter | {filtered * 1000:.1f} ms |")
    print(f"| list every incident | {listing * 1000:.0f} ms |")
    print(f"| key derivation (Argon2id, {params.memory_kib // 1024} MiB, "
          f"{params.iterations} passes) | {derivation:.2f} s |")
    print(f"| opening with the passphrase, in all | {opened_total:.2f} s |")
    print(f"| opening after key derivation | {opened_after_kdf * 1000:.0f} ms |")
    print(f"\nIncidents found per query: median {statistics.median(hits):.0f}, "
          f"at most {max(hits)}.")
    shutil.rmtree(vault)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="16 and 64 MiB files; 1,000 incidents and 10,000 items")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "kzarchive-bench",
                        help="where the source files and vaults go (kept between runs)")
    parser.add_argument("--skip-attach", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [16 * MIB, 64 * MIB] if args.quick else [100 * MIB, 1024 * MIB]
    print(f"kzarchive benchmark, {time.strftime('%Y-%m-%d')}, {platform.platform()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
          + (" (quick)" if args.quick else ""))
    if not args.skip_attach:
        bench_attach(args.workdir, sizes)
    if not args.skip_search:
        bench_search(args.workdir, 1_000 if args.quick else 10_000)


if __name__ == "__main__":
    main()
