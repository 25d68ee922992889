"""Perceptual hashes: finding the same picture again after it was resized,
recompressed, cropped a little or screenshotted.

The hash is PDQ (Meta's open perceptual hash, the one trust-and-safety and
archival tools exchange to match images at scale), computed by the reference
C++ code through the ``pdqhash`` binding.  A PDQ hash is 256 bits; two pictures
are "the same" when the Hamming distance between their hashes is at most a
threshold.

PDQ alone tolerates about 1 % of cropping: it keeps 16x16 DCT coefficients of
a 64x64 reduction, and a crop shifts all of them.  So a picture's
``Fingerprint`` is its PDQ hash plus the PDQ hashes of 15 crops (``CROP_STEP``
off each combination of sides), and the distance of two fingerprints is the
smallest distance between one's whole picture and the other's whole picture
or crops.  That finds copies cropped by up to about 3 % on any sides, while a
photo of the same place at another moment stays far above the threshold.
Uniform borders (a screenshot's padding, letterboxing) are trimmed before
hashing.  PDQ also gives a quality score (0-100): a nearly flat picture (a
black frame, a blank wall) has too little structure for its hash to mean
anything, so such fingerprints are kept but never matched.

Everything works on an already decoded, upright Pillow image: intake decodes a
photo once for everything that needs pixels.  Nothing is written anywhere.
See docs/media.md, "Copies of the same picture".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzarchive.errors import BadInput

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

# numpy, pdqhash and Pillow are imported by the functions that compute: the
# constants and records here serve commands that never hash a picture.

ALGORITHM = "pdq"
HASH_BITS = 256
HASH_BYTES = HASH_BITS // 8

# Meta's published operating point for PDQ is a distance of about 31 of 256
# bits.  Measured on the tests' copies (resize, JPEG q 40, crops up to 3 %,
# screenshots with a border) every copy stays at 24 or less, photos of the
# same place with a person elsewhere at 40 or more, other scenes above 100.
DEFAULT_THRESHOLD = 31

# Below this PDQ quality a hash is noise (PDQ's own recommendation is 50).
MIN_QUALITY = 50

# The fraction cut from a side for the crop hashes; PDQ's own tolerance of
# about 1 % on each side of a crop hash covers the gaps between them.
CROP_STEP = 0.025
CROP_COUNT = 15

# PDQ reduces every picture to 64x64 luma with its own filters: a 256-pixel
# input is four times that, changes the hash by a few bits at most, and makes
# the 16 hashes of a photo cost about 30 ms together.
_HASH_INPUT_SIDE = 256

# A border row or column: nearly all its pixels within this many levels (of
# 255) of the border's colour.  JPEG ringing at the picture's edge is allowed
# for by the share.
_BORDER_TOLERANCE = 12
_BORDER_SHARE = 0.97
_MAX_BORDER = 0.34


def _check_digest(value: bytes) -> bytes:
    if len(value) != HASH_BYTES:
        raise BadInput(what=f"a PDQ hash has {HASH_BYTES} bytes, not {len(value)}")
    return value


@dataclass(frozen=True)
class Fingerprint:
    """What is kept of a picture to find its copies: PDQ of it and of 15 crops.

    ``pdq`` is the standard PDQ hash of the (border-trimmed) picture, the value
    other PDQ tools would compute and exchange; ``quality`` is PDQ's.
    """

    pdq: bytes
    quality: int
    crops: tuple[bytes, ...]

    def __post_init__(self) -> None:
        _check_digest(self.pdq)
        for crop in self.crops:
            _check_digest(crop)
        if len(self.crops) != CROP_COUNT:
            raise BadInput(
                what=f"a fingerprint has {CROP_COUNT} crop hashes, not {len(self.crops)}"
            )
        if isinstance(self.quality, bool) or not 0 <= self.quality <= 100:
            raise BadInput(what=f"a PDQ quality lies between 0 and 100, not {self.quality}")

    @property
    def reliable(self) -> bool:
        """Whether the picture had enough structure for its hash to be matched."""
        return self.quality >= MIN_QUALITY

    def to_record(self) -> dict[str, Any]:
        """Canonical-JSON-ready form for the item's metadata (hex, no floats)."""
        return {
            "algorithm": ALGORITHM,
            "pdq": self.pdq.hex(),
            "quality": self.quality,
            "crops": [crop.hex() for crop in self.crops],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Fingerprint:
        """Read a stored or received record; anything malformed is a ``BadInput``."""
        if not isinstance(record, Mapping) or record.get("algorithm") != ALGORITHM:
            raise BadInput(what="a perceptual hash record must name the algorithm 'pdq'")
        if set(record) != {"algorithm", "pdq", "quality", "crops"}:
            raise BadInput(what="a perceptual hash record has unknown or missing fields")
        crops = record["crops"]
        quality = record["quality"]
        if not isinstance(crops, list) or not isinstance(quality, int):
            raise BadInput(what="a perceptual hash record has fields of the wrong type")
        return cls(_from_hex(record["pdq"]), quality, tuple(_from_hex(c) for c in crops))


def _from_hex(text: object) -> bytes:
    if not isinstance(text, str) or len(text) != 2 * HASH_BYTES:
        raise BadInput(what="a PDQ hash must be 64 hex digits")
    try:
        return bytes.fromhex(text)
    except ValueError as error:
        raise BadInput(what="a PDQ hash must be 64 hex digits") from error


def fingerprint(image: Image.Image) -> Fingerprint:
    """The fingerprint of a decoded, upright image (any mode, any size)."""
    import numpy as np
    from PIL import Image

    # The same rule as thumbnails: transparency is seen on white, as viewers show it.
    from kzarchive.media.thumbnails import flatten

    if image.width < 1 or image.height < 1:
        raise BadInput(what="an image without pixels has no perceptual hash")
    rgb = flatten(image)
    if rgb.mode != "RGB":
        rgb = rgb.convert("RGB")
    if max(rgb.size) > _HASH_INPUT_SIDE:
        rgb = rgb.copy()
        rgb.thumbnail((_HASH_INPUT_SIDE, _HASH_INPUT_SIDE), Image.Resampling.BOX)
    pixels = _trim_borders(np.asarray(rgb, dtype=np.uint8))
    whole, quality = _pdq(pixels)
    height, width = pixels.shape[:2]
    crops = []
    for left, top, right, bottom in _CROP_SIDES:
        x0, y0 = round(width * left), round(height * top)
        x1, y1 = width - round(width * right), height - round(height * bottom)
        crops.append(_pdq(pixels[y0 : max(y1, y0 + 1), x0 : max(x1, x0 + 1)])[0])
    return Fingerprint(whole, quality, tuple(crops))


_CROP_SIDES = [sides for sides in itertools.product((0.0, CROP_STEP), repeat=4) if any(sides)]


def _pdq(pixels: np.ndarray) -> tuple[bytes, int]:
    import numpy as np
    import pdqhash

    bits, quality = pdqhash.compute(np.ascontiguousarray(pixels))
    # The binding gives 256 0/1 values, most significant first, as PDQ's hex form.
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes(), int(quality)


def _trim_borders(pixels: np.ndarray) -> np.ndarray:
    """The picture without uniform margins of the colour of its corners."""
    import numpy as np

    luma = pixels.astype(np.int16).mean(axis=2)
    height, width = luma.shape
    if height < 8 or width < 8:
        return pixels

    def is_border(line: np.ndarray, level: float) -> bool:
        return float(np.mean(np.abs(line - level) <= _BORDER_TOLERANCE)) >= _BORDER_SHARE

    def depth(lines: Iterable[np.ndarray], limit: int) -> int:
        count = 0
        level: float | None = None
        for line in lines:
            if level is None:
                level = float(np.median(line))
            if count >= limit or not is_border(line, level):
                break
            count += 1
        return count

    top = depth(luma, int(height * _MAX_BORDER))
    bottom = depth(luma[::-1], int(height * _MAX_BORDER))
    left = depth(luma.T, int(width * _MAX_BORDER))
    right = depth(luma.T[::-1], int(width * _MAX_BORDER))
    return pixels[top : height - bottom, left : width - right]


def _distance(a: bytes, b: bytes) -> int:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()


def distance(a: Fingerprint, b: Fingerprint) -> int:
    """How many of 256 bits differ between the nearest views of two pictures."""
    best = _distance(a.pdq, b.pdq)
    for crop in a.crops:
        best = min(best, _distance(crop, b.pdq))
    for crop in b.crops:
        best = min(best, _distance(a.pdq, crop))
    return best


def is_match(a: Fingerprint, b: Fingerprint, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Whether two fingerprints show the same picture (both must be reliable)."""
    return a.reliable and b.reliable and distance(a, b) <= threshold


@dataclass(frozen=True)
class Match:
    key: str
    distance: int


_BLOCK = 16384  # items compared at once: bounds the temporary arrays to a few MB


def _words(digests: Iterable[bytes]) -> np.ndarray:
    """Hashes as rows of four big-endian 64-bit words."""
    import numpy as np

    return np.frombuffer(b"".join(digests), dtype=">u8").astype(np.uint64).reshape(-1, 4)


def _bits_differing(stored: list[np.ndarray], query: list[np.ndarray]) -> np.ndarray:
    """Hamming distances, word by word on contiguous arrays (numpy's fast path)."""
    import numpy as np

    total: np.ndarray = np.bitwise_count(stored[0] ^ query[0]).astype(np.uint16)
    for word in range(1, 4):
        total += np.bitwise_count(stored[word] ^ query[word])
    return total


class SimilarityIndex:
    """Fingerprints of many pictures, queried by distance.

    A brute-force scan over packed numpy arrays: 100,000 fingerprints take
    16 MB and a query compares them all in tens of milliseconds
    (benchmarks/bench_similar.py), simpler and more predictable than a
    multi-index structure at the sizes a documenter's vault reaches.
    Unreliable fingerprints are not indexed.
    """

    def __init__(self, entries: Iterable[tuple[str, Fingerprint]] = ()) -> None:
        import numpy as np

        self._keys: list[str] = []
        self._pending: list[Fingerprint] = []
        # Word w of every item's whole-picture hash, and of its crop hashes.
        self._whole = [np.zeros(0, dtype=np.uint64) for _ in range(4)]
        self._crops = [np.zeros((0, CROP_COUNT), dtype=np.uint64) for _ in range(4)]
        for key, value in entries:
            self.add(key, value)

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, value: Fingerprint) -> bool:
        """Index a fingerprint under a key (an item id); False if it is unreliable."""
        if not value.reliable:
            return False
        self._keys.append(key)
        self._pending.append(value)
        return True

    def query(
        self,
        value: Fingerprint,
        threshold: int = DEFAULT_THRESHOLD,
        exclude: str | None = None,
    ) -> list[Match]:
        """Every indexed key within ``threshold``, nearest first (then by key)."""
        if isinstance(threshold, bool) or not 0 <= threshold <= HASH_BITS:
            raise BadInput(what=f"a PDQ threshold lies between 0 and {HASH_BITS}, not {threshold}")
        if not value.reliable:
            return []
        import numpy as np

        self._pack()
        whole_q = _words([value.pdq])[0]
        crops_q = _words(value.crops)
        whole_query = [whole_q[w] for w in range(4)]
        crops_query = [crops_q[:, w][None, :] for w in range(4)]
        matches: list[Match] = []
        for start in range(0, len(self._keys), _BLOCK):
            stop = start + _BLOCK
            whole = [self._whole[w][start:stop] for w in range(4)]
            crops = [self._crops[w][start:stop] for w in range(4)]
            best = _bits_differing(whole, whole_query)
            # Their crops against our picture: we hold a cropped copy of theirs.
            np.minimum(best, _bits_differing(crops, whole_query).min(axis=1), out=best)
            # Our crops against their picture: they hold a cropped copy of ours.
            column = [word[:, None] for word in whole]
            np.minimum(best, _bits_differing(column, crops_query).min(axis=1), out=best)
            for i in np.flatnonzero(best <= threshold).tolist():
                key = self._keys[start + i]
                if key != exclude:
                    matches.append(Match(key, int(best[i])))
        matches.sort(key=lambda m: (m.distance, m.key))
        return matches

    def _pack(self) -> None:
        if not self._pending:
            return
        import numpy as np

        whole = _words(f.pdq for f in self._pending)
        crops = _words(c for f in self._pending for c in f.crops).reshape(-1, CROP_COUNT, 4)
        for w in range(4):
            self._whole[w] = np.concatenate([self._whole[w], whole[:, w]])
            self._crops[w] = np.ascontiguousarray(np.concatenate([self._crops[w], crops[:, :, w]]))
        self._pending.clear()
