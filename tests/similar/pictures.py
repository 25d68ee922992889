"""Photo files for the similarity tests: an original and the copies a documenter
receives from other channels, written as the files people attach."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from tests.media.scenes import scene


def jpeg(image: Image.Image, quality: int = 90) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def crop(image: Image.Image, share: float) -> Image.Image:
    w, h = image.size
    return image.crop((round(w * share), round(h * share), w, h - round(h * share)))


def screenshot(image: Image.Image) -> Image.Image:
    """A phone screenshot of the photo in a messenger: scaled, with bars above and below."""
    return ImageOps.expand(image.resize((800, 600)), border=(0, 70, 0, 110), fill=(250, 250, 250))


def copies(seed: int) -> dict[str, bytes]:
    """File name -> bytes: the original and each kind of copy."""
    original = scene(seed)
    return {
        "original.jpg": jpeg(original),
        "resized.jpg": jpeg(original.resize((400, 300), Image.Resampling.LANCZOS)),
        "recompressed.jpg": jpeg(original, quality=35),
        "cropped.jpg": jpeg(crop(original, 0.025)),
        "screenshot.png": png(screenshot(original)),
    }


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
