"""Synthetic photographs for the similarity tests: a gradient sky, a blotchy
texture, sensor-like noise and a dozen shapes, all from a seed, so the tests
need no downloaded data.  ``person_at`` adds a figure (head and body) at a
place, for "the same place at another moment"."""

from __future__ import annotations

import functools
import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def scene(
    seed: int, size: tuple[int, int] = (1200, 900), person_at: tuple[int, int] | None = None
) -> Image.Image:
    return _scene(seed, size, person_at).copy()


@functools.lru_cache(maxsize=32)
def _scene(seed: int, size: tuple[int, int], person_at: tuple[int, int] | None) -> Image.Image:
    rng = np.random.default_rng(seed)
    width, height = size
    ys = np.linspace(0, 1, height)[:, None]
    xs = np.linspace(0, 1, width)[None, :]
    start, end = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xs + np.sin(angle) * ys
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    sky = start * (1 - ramp[..., None]) + end * ramp[..., None]
    blotches = rng.normal(0, 40, (height // 40 + 2, width // 40 + 2, 3))
    coarse = Image.fromarray(np.clip(blotches + 128, 0, 255).astype(np.uint8))
    texture = np.asarray(coarse.resize(size, Image.Resampling.BICUBIC), dtype=np.float64) - 128
    grain = rng.normal(0, 12, (height, width, 3))
    image = Image.fromarray(np.clip(sky + texture + grain, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    shapes = random.Random(seed)
    for _ in range(12):
        x0, y0 = shapes.randrange(width), shapes.randrange(height)
        x1 = x0 + shapes.randrange(40, width // 3)
        y1 = y0 + shapes.randrange(40, height // 3)
        colour = (shapes.randrange(256), shapes.randrange(256), shapes.randrange(256))
        shape = draw.rectangle if shapes.random() < 0.5 else draw.ellipse
        shape((x0, y0, x1, y1), fill=colour)
    if person_at is not None:
        px, py = person_at
        draw.ellipse((px, py, px + width // 5, py + height // 4), fill=(230, 30, 30))
        draw.rectangle(
            (px + width // 20, py + height // 4, px + width // 7, py + height // 2),
            fill=(20, 20, 120),
        )
    return image.filter(ImageFilter.GaussianBlur(1))


def reencoded(image: Image.Image, fmt: str, **options: int) -> Image.Image:
    """The image after a round trip through a file of the given format."""
    out = io.BytesIO()
    image.save(out, fmt, **options)
    out.seek(0)
    decoded = Image.open(out)
    decoded.load()
    return decoded
