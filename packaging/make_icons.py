"""Render the app icon's PNG sizes from its SVG.

    .venv/bin/python packaging/make_icons.py           write every size
    .venv/bin/python packaging/make_icons.py --check   fail if a size is missing or stale

Desktops pick the nearest size from the icon theme, and Windows and macOS icons
(.ico, .icns) are made from the largest PNG, so each size is rendered from the
vector source rather than scaled from another bitmap.  The PNGs are committed so
that a checkout, a wheel and a frozen build carry them without a Qt step.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG_NAME = "kzarchive.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Renderers of different Qt versions anti-alias edges slightly differently; a
# stale icon differs by far more than this in at least one channel.
TOLERANCE = 8


def png_path(size: int, icon_dir: Path = ICON_DIR) -> Path:
    return icon_dir / f"kzarchive-{size}.png"


def _ensure_gui_application() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def render(svg: Path, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels as PNG bytes (transparent background)."""
    _ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time, though its stubs say bytes.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def max_channel_difference(png_a: bytes, png_b: bytes) -> int:
    """The largest difference of any channel of any pixel; sizes must match."""
    _ensure_gui_application()
    from PySide6.QtGui import QImage

    a, b = QImage.fromData(png_a), QImage.fromData(png_b)
    if a.isNull() or b.isNull():
        raise ValueError("not a PNG image")
    if a.size() != b.size():
        return 255
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    bytes_a, bytes_b = bytes(a.constBits()), bytes(b.constBits())
    return max((abs(x - y) for x, y in zip(bytes_a, bytes_b, strict=True)), default=0)


def stale_sizes(icon_dir: Path = ICON_DIR) -> list[int]:
    """Sizes whose PNG is missing or no longer matches the SVG."""
    stale = []
    for size in SIZES:
        path = png_path(size, icon_dir)
        fresh = render(icon_dir / SVG_NAME, size)
        if not path.exists() or max_channel_difference(path.read_bytes(), fresh) > TOLERANCE:
            stale.append(size)
    return stale


def write_all(icon_dir: Path = ICON_DIR) -> list[Path]:
    written = []
    for size in SIZES:
        path = png_path(size, icon_dir)
        path.write_bytes(render(icon_dir / SVG_NAME, size))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make_icons.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="report missing or stale sizes instead of writing them")
    parser.add_argument("--icon-dir", type=Path, default=ICON_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_sizes(args.icon_dir)
        if stale:
            names = ", ".join(png_path(size, args.icon_dir).name for size in stale)
            print(f"Missing or stale icons: {names}. Run packaging/make_icons.py.",
                  file=sys.stderr)
            return 1
        return 0
    for path in write_all(args.icon_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
