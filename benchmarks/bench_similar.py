"""Copies of the same picture: fingerprinting time and query time over many items.

Not part of the test run.  From the repository root:

    .venv/bin/python benchmarks/bench_similar.py            # 100,000 fingerprints
    .venv/bin/python benchmarks/bench_similar.py --items 10000

What it measures:

- fingerprint: ``kzarchive.media.perceptual.fingerprint`` of a decoded 12-megapixel
  photo (PDQ of the picture and of its 15 crops), and of a 320-pixel image as
  intake's shared decode gives it;
- query: ``SimilarityIndex.query`` over N fingerprints (random ones, with one
  true copy among them), the median and the worst of 50 queries, after the index
  was packed once; building the index is reported separately;
- service: ``archive.similar.find`` in a real vault (on tmpfs) holding N items
  with fingerprints, as the command line and the app call it: the first query
  of the session (reading every fingerprint from the encrypted database into
  the index), then the median and the worst of 50 (exact copies looked up, the
  index scanned, the matches read back as items).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzarchive.archive import Archive
from kzarchive.media.perceptual import (
    CROP_COUNT,
    Fingerprint,
    SimilarityIndex,
    fingerprint,
)
from kzarchive.service import rows, similar
from kzarchive.service.records import new_id
from kzarchive.util.canonical import utc_timestamp


def _photo(width: int, height: int, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (height // 64 + 1, width // 64 + 1, 3), dtype=np.uint8)
    image = Image.fromarray(small, "RGB").resize((width, height), Image.Resampling.BICUBIC)
    noise = rng.integers(-10, 10, (height, width, 3))
    return Image.fromarray(
        np.clip(np.asarray(image, dtype=np.int16) + noise, 0, 255).astype(np.uint8)
    )


def _time(run: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def _random_print(rng: random.Random) -> Fingerprint:
    return Fingerprint(rng.randbytes(32), 100, tuple(rng.randbytes(32) for _ in range(CROP_COUNT)))


def service_benchmark(items: int, photo: Image.Image) -> tuple[float, list[float], int]:
    """(first query s, later query times s, matches) for ``archive.similar.find``."""
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    folder = Path(tempfile.mkdtemp(prefix="kzarchive-bench-similar-", dir=base))
    os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")
    try:
        archive, _code = Archive.create(folder / "vault", "bench passphrase kept here",
                                        name="Bench")
        with archive:
            incident = archive.add_incident("Benchmark")
            out = io.BytesIO()
            photo.save(out, "JPEG", quality=90)
            original = archive.store_content(incident, io.BytesIO(out.getvalue()), "orig.jpg")
            copy = photo.resize((photo.width // 3, photo.height // 3))
            out = io.BytesIO()
            copy.save(out, "JPEG", quality=50)
            archive.store_content(incident, io.BytesIO(out.getvalue()), "copy.jpg")
            blob = archive.get_item(original.id)
            rng = random.Random(5)
            now = utc_timestamp()
            with archive.transaction() as db:
                blob_id = db.execute("SELECT blob_id FROM items WHERE id = ?",
                                     (blob.id,)).fetchone()[0]
                for n in range(items - 2):
                    ident = new_id()
                    rows.insert_item(db, {
                        "id": ident, "incident_id": incident, "kind": "photo",
                        "name": f"IMG_{n:06}.jpg", "mime": "image/jpeg", "size": blob.size,
                        "sha256": f"{n:064x}", "blob_id": blob_id, "collected_at": now,
                        "collector": archive.fingerprint, "source": "", "language": "",
                        "notes": "", "metadata": {}, "created": now,
                    }, [f"IMG_{n:06}.jpg"])
                    similar.store_fingerprint(db, ident, _random_print(rng))
            started = time.perf_counter()
            found = archive.similar.find(original.id)
            first = time.perf_counter() - started
            times = _time(lambda: archive.similar.find(original.id), 50)
            assert [m.item.name for m in found.matches] == ["copy.jpg"], found.matches
            return first, times, len(found.matches)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()

    big = _photo(4000, 3000, 1)
    small = big.copy()
    small.thumbnail((320, 320))
    big_ms = statistics.median(_time(lambda: fingerprint(big), 5)) * 1000
    small_ms = statistics.median(_time(lambda: fingerprint(small), 20)) * 1000

    rng = random.Random(3)
    target = fingerprint(small)
    started = time.perf_counter()
    index = SimilarityIndex()
    for i in range(args.items - 1):
        index.add(f"{i:016x}", _random_print(rng))
    index.add("copy", target)
    index.query(target)
    build_s = time.perf_counter() - started
    query = fingerprint(big)
    times = _time(lambda: index.query(query), 50)
    found = [m.key for m in index.query(query)]
    assert found == ["copy"], found

    print(f"fingerprint of a 12-megapixel photo (already decoded): {big_ms:.1f} ms")
    print(f"fingerprint of a 320-pixel decode:                     {small_ms:.1f} ms")
    print(f"index of {args.items:,} fingerprints, built and packed:  {build_s:.2f} s")
    print(
        f"query over {args.items:,}: median {statistics.median(times) * 1000:.1f} ms, "
        f"worst {max(times) * 1000:.1f} ms (target < 200 ms)"
    )
    first, later, _found = service_benchmark(args.items, big)
    print(f"archive.similar.find in a vault of {args.items:,} fingerprinted items:")
    print(f"  first query of the session (index read from the database): {first:.2f} s")
    print(
        f"  later queries: median {statistics.median(later) * 1000:.1f} ms, "
        f"worst {max(later) * 1000:.1f} ms (target < 200 ms)"
    )


if __name__ == "__main__":
    main()
