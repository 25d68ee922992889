"""Copies of the same picture are found; different pictures are not."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable

import pytest
from PIL import Image, ImageOps

from kzarchive.errors import BadInput
from kzarchive.media.perceptual import (
    CROP_COUNT,
    DEFAULT_THRESHOLD,
    Fingerprint,
    SimilarityIndex,
    distance,
    fingerprint,
    is_match,
)
from kzarchive.util.canonical import canonical_json
from tests.media.scenes import reencoded, scene

SEEDS = range(4)


def _crop(image: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = image.size
    return image.crop(
        (round(w * left), round(h * top), w - round(w * right), h - round(h * bottom))
    )


def _screenshot(image: Image.Image) -> Image.Image:
    # A phone screenshot of a photo in a messenger: scaled, with bars above and
    # below, saved as PNG.
    shown = ImageOps.expand(image.resize((800, 600)), border=(0, 70, 0, 110), fill=(250, 250, 250))
    return reencoded(shown, "PNG")


COPIES: dict[str, Callable[[Image.Image], Image.Image]] = {
    "resized to a third": lambda im: im.resize(
        (im.width // 3, im.height // 3), Image.Resampling.LANCZOS
    ),
    "recompressed as JPEG q 40": lambda im: reencoded(im, "JPEG", quality=40),
    "re-encoded as PNG": lambda im: reencoded(im, "PNG"),
    "cropped 3 % on the left": lambda im: _crop(im, 0.03, 0, 0, 0),
    "cropped 2 % on every side": lambda im: _crop(im, 0.02, 0.02, 0.02, 0.02),
    "cropped 3 % top and right": lambda im: _crop(im, 0, 0.03, 0.03, 0),
    "screenshotted with bars": _screenshot,
    "letterboxed in black, then JPEG": lambda im: reencoded(
        ImageOps.expand(im.resize((640, 480)), border=(80, 0, 80, 0), fill=(0, 0, 0)),
        "JPEG",
        quality=75,
    ),
    "resized, cropped and recompressed": lambda im: reencoded(
        _crop(im, 0.01, 0.02, 0.0, 0.01).resize((600, 440)), "JPEG", quality=50
    ),
}


@pytest.mark.parametrize("name", list(COPIES))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_copy_matches_its_original_at_the_default_threshold(name: str, seed: int) -> None:
    original = fingerprint(scene(seed))
    copy = fingerprint(COPIES[name](scene(seed)))
    assert original.reliable and copy.reliable
    assert distance(original, copy) <= DEFAULT_THRESHOLD, name
    assert is_match(original, copy) and is_match(copy, original)


def test_random_light_crops_match() -> None:
    choose = random.Random(12)
    for seed in SEEDS:
        image = scene(seed)
        sides = [choose.uniform(0, 0.03) for _ in range(4)]
        assert is_match(fingerprint(image), fingerprint(_crop(image, *sides))), (seed, sides)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_place_at_another_moment_does_not_match(seed: int) -> None:
    before = fingerprint(scene(seed, person_at=(100, 150)))
    after = fingerprint(scene(seed, person_at=(800, 500)))
    assert distance(before, after) > DEFAULT_THRESHOLD
    assert not is_match(before, after)


def test_different_scenes_do_not_match() -> None:
    prints = [fingerprint(scene(seed)) for seed in range(100, 108)]
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert distance(a, b) > 2 * DEFAULT_THRESHOLD


def test_the_distance_is_symmetric_and_zero_for_the_same_picture() -> None:
    a = fingerprint(scene(1))
    b = fingerprint(_crop(scene(1), 0.03, 0, 0, 0.01))
    assert distance(a, a) == 0
    assert distance(a, b) == distance(b, a)


def test_every_image_mode_is_hashed_as_it_is_seen() -> None:
    image = scene(2)
    rgb = fingerprint(image)
    # Transparency is shown on white, as a viewer shows it.
    rgba = image.convert("RGBA")
    assert distance(rgb, fingerprint(rgba)) <= 4
    assert distance(rgb, fingerprint(image.convert("L"))) <= DEFAULT_THRESHOLD
    assert distance(rgb, fingerprint(image.convert("P"))) <= DEFAULT_THRESHOLD


def test_a_flat_picture_is_hashed_but_never_matched() -> None:
    black = fingerprint(Image.new("RGB", (640, 480)))
    also_black = fingerprint(Image.new("RGB", (320, 240)))
    assert not black.reliable
    assert not is_match(black, also_black)
    index = SimilarityIndex()
    assert index.add("black", black) is False
    assert len(index) == 0
    assert index.query(also_black) == []


def test_tiny_images_are_hashed() -> None:
    for size in ((1, 1), (3, 200), (200, 3), (9, 9)):
        made = fingerprint(scene(0).resize(size))
        assert len(made.pdq) == 32 and len(made.crops) == CROP_COUNT


def test_an_image_without_pixels_is_refused() -> None:
    with pytest.raises(BadInput):
        fingerprint(Image.new("RGB", (0, 5)))


def test_the_pdq_part_is_the_standard_hash_of_the_picture() -> None:
    # PDQ's own implementation hashes the luma of the whole image; the
    # fingerprint's first hash is the same picture to PDQ (within the bits
    # that pre-scaling to 256 pixels costs, well under the threshold), so it
    # can be compared with what other tools compute.
    import numpy as np
    import pdqhash

    image = scene(3)
    bits, _quality = pdqhash.compute(np.asarray(image))
    reference = np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes()
    ours = fingerprint(image).pdq
    differing = (int.from_bytes(reference, "big") ^ int.from_bytes(ours, "big")).bit_count()
    assert differing <= 20


def test_records_round_trip_and_hostile_records_are_refused() -> None:
    made = fingerprint(scene(0))
    record = made.to_record()
    assert record["algorithm"] == "pdq" and len(record["pdq"]) == 64
    assert Fingerprint.from_record(record) == made
    stored = json.loads(canonical_json(record))
    assert Fingerprint.from_record(stored) == made
    bad_records: list[object] = [
        {**record, "algorithm": "phash"},
        {**record, "pdq": record["pdq"][:-2]},
        {**record, "pdq": "zz" + record["pdq"][2:]},
        {**record, "pdq": 5},
        {**record, "quality": 101},
        {**record, "quality": -1},
        {**record, "quality": True},
        {**record, "quality": "100"},
        {**record, "crops": record["crops"][:-1]},
        {**record, "crops": [*record["crops"], record["pdq"]]},
        {**record, "crops": "nope"},
        {**record, "extra": 1},
        {k: v for k, v in record.items() if k != "crops"},
        ["not", "a", "mapping"],
    ]
    for bad in bad_records:
        with pytest.raises(BadInput):
            Fingerprint.from_record(bad)  # type: ignore[arg-type]


def test_the_index_finds_the_copies_nearest_first_and_nothing_else() -> None:
    original = scene(5)
    index = SimilarityIndex()
    index.add("original", fingerprint(original))
    index.add("recompressed", fingerprint(reencoded(original, "JPEG", quality=40)))
    index.add("cropped", fingerprint(_crop(original, 0.03, 0, 0, 0.02)))
    index.add("moved", fingerprint(scene(5, person_at=(700, 400))))
    for seed in range(200, 240):
        index.add(f"other-{seed}", fingerprint(scene(seed, size=(300, 225))))
    found = index.query(fingerprint(_screenshot(original)))
    assert {m.key for m in found} == {"original", "recompressed", "cropped"}
    assert [m.distance for m in found] == sorted(m.distance for m in found)
    own = index.query(fingerprint(original), exclude="original")
    assert "original" not in {m.key for m in own}
    assert index.query(fingerprint(original), threshold=0)[0].key == "original"
    with pytest.raises(BadInput):
        index.query(fingerprint(original), threshold=257)


def test_the_index_agrees_with_the_pairwise_distance() -> None:
    prints = [fingerprint(scene(seed, size=(320, 240))) for seed in range(300, 320)]
    prints += [
        fingerprint(_crop(scene(300 + i, size=(320, 240)), 0.02, 0, 0, 0.03)) for i in range(5)
    ]
    index = SimilarityIndex((str(i), p) for i, p in enumerate(prints))
    query = prints[2]
    expected = {str(i): distance(query, p) for i, p in enumerate(prints)}
    for match in index.query(query, threshold=256):
        assert match.distance == expected[match.key]
    assert len(index.query(query, threshold=256)) == len(prints)


def test_a_query_over_100000_fingerprints_is_fast() -> None:
    rng = random.Random(7)
    quality = 100

    def random_print() -> Fingerprint:
        return Fingerprint(
            rng.randbytes(32), quality, tuple(rng.randbytes(32) for _ in range(CROP_COUNT))
        )

    target = fingerprint(scene(6))
    index = SimilarityIndex((f"n{i}", random_print()) for i in range(100_000))
    index.add("target", target)
    index.query(target)  # packs the arrays once
    copy = fingerprint(reencoded(scene(6), "JPEG", quality=40))
    # The best of three: what the code can do, not what two shared cores
    # happened to allow at that instant.
    elapsed = []
    for _ in range(3):
        started = time.perf_counter()
        found = index.query(copy)
        elapsed.append(time.perf_counter() - started)
    assert [m.key for m in found] == ["target"]
    # The bound is 200 ms; measured here about 45 ms (benchmarks/bench_similar.py).
    assert min(elapsed) < 0.2
