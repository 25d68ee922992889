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
  was packed once; building the index is reported separately.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzarchive.media.perceptual import (
    CROP_COUNT,
    Fingerprint,
    SimilarityIndex,
    fingerprint,
)


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
        index.add(
            f"{i:016x}",
            Fingerprint(
                rng.randbytes(32), 100, tuple(rng.randbytes(32) for _ in range(CROP_COUNT))
            ),
        )
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


if __name__ == "__main__":
    main()
