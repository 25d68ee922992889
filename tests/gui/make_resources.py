"""Make the demo vault's photo, ``resources/demo/square.jpg``.

    .venv/bin/python tests/gui/make_resources.py

A drawn winter scene of a city square with a crowd, with EXIF capture time,
camera and GPS, so the demo shows what intake reads from a photo.  Nothing in it
is a real photograph or a real person.  (The icon's PNG sizes are rendered from
its SVG by ``packaging/make_icons.py``.)
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"


def _sky(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    top, bottom = (38, 48, 74), (150, 136, 140)
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)


def _building(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle([300, 210, 980, 520], fill=(200, 196, 188))
    draw.polygon([(280, 210), (640, 120), (1000, 210)], fill=(180, 175, 168))
    for x in range(340, 960, 70):
        draw.rectangle([x, 250, x + 26, 500], fill=(226, 222, 214))
    for x in range(330, 930, 70):
        for y in (262, 340, 418):
            lit = (x // 70 + y) % 3 == 0
            window = (236, 200, 120) if lit else (70, 78, 92)
            draw.rectangle([x + 34, y, x + 58, y + 44], fill=window)
    draw.rectangle([600, 430, 680, 520], fill=(60, 52, 48))
    draw.rectangle([636, 90, 644, 122], fill=(90, 90, 90))
    draw.rectangle([644, 92, 690, 116], fill=(60, 140, 200))


def _ground_and_lamps(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    draw.rectangle([0, 520, width, height], fill=(222, 226, 232))
    for x in (120, 1160):
        draw.rectangle([x, 330, x + 8, 560], fill=(40, 40, 46))
        draw.ellipse([x - 14, 314, x + 22, 346], fill=(255, 226, 150))


def _crowd(draw: ImageDraw.ImageDraw, rng: random.Random, width: int) -> None:
    for row, (y, scale) in enumerate(((560, 0.7), (610, 0.85), (670, 1.0))):
        for _ in range(38 + row * 6):
            x = rng.randint(-20, width + 20)
            shade = rng.randint(25, 70)
            coat = (shade, shade + rng.randint(0, 20), shade + rng.randint(0, 30))
            h = int(95 * scale)
            draw.rounded_rectangle([x - 14 * scale, y - h * 0.7, x + 14 * scale, y + h * 0.3],
                                   radius=int(8 * scale), fill=coat)
            draw.ellipse([x - 9 * scale, y - h * 0.95, x + 9 * scale, y - h * 0.72],
                         fill=(shade + 40, shade + 30, shade + 25))
    # A few raised placards, blank: the scene carries no slogans or names.
    for x, y in ((220, 470), (540, 490), (820, 480), (1040, 470)):
        draw.rectangle([x - 2, y, x + 2, y + 80], fill=(90, 70, 50))
        draw.rectangle([x - 40, y - 40, x + 40, y + 6], fill=(240, 240, 236))


def _snow(image: Image.Image, rng: random.Random) -> Image.Image:
    flakes = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(flakes)
    for _ in range(700):
        x, y = rng.randint(0, image.width), rng.randint(0, image.height)
        r = rng.choice((1, 1, 2, 3))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 200))
    blurred = flakes.filter(ImageFilter.GaussianBlur(0.6))
    return Image.alpha_composite(image.convert("RGBA"), blurred)


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "DemoCam"  # Make
    exif[0x0110] = "Illustration 1"  # Model
    exif[0x0132] = "2022:01:05 16:42:10"  # DateTime
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2022:01:05 16:42:10"  # DateTimeOriginal
    sub[0x9011] = "+06:00"  # OffsetTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (43.0, 14.0, 17.0)  # a public square in central Almaty
    gps[3], gps[4] = "E", (76.0, 56.0, 44.0)
    return exif


def make_demo_photo() -> None:
    width, height = 1280, 800
    rng = random.Random(20220105)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _sky(draw, width, height)
    _building(draw)
    _ground_and_lamps(draw, width, height)
    _crowd(draw, rng, width)
    final = _snow(image, rng).convert("RGB")
    final.save(RESOURCES / "demo" / "square.jpg", quality=85, exif=_exif())


if __name__ == "__main__":
    make_demo_photo()
