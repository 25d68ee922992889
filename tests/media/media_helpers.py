"""Helpers for the media tests: real photos, and the real exiftool.

Test data is made here, in memory; exiftool reads and writes through pipes,
so nothing is written to disk.
"""

from __future__ import annotations

import atexit
import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

EXIFTOOL = shutil.which("exiftool")


class _ExifToolSession:
    """One long-lived exiftool (``-stay_open``): starting Perl per call costs ~0.4 s.

    Files go through a private temporary folder, as the stay-open protocol
    reads its commands from standard input; the data is synthetic test data.
    """

    def __init__(self) -> None:
        assert EXIFTOOL is not None
        self.folder = Path(tempfile.mkdtemp(prefix="kz-media-test-"))
        self.count = 0
        self.process = subprocess.Popen(
            [EXIFTOOL, "-stay_open", "True", "-@", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        atexit.register(self.close)

    def run(self, *args: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n".join([*args, "-execute", ""]))
        self.process.stdin.flush()
        lines = []
        while (line := self.process.stdout.readline()) != "{ready}\n":
            assert line, "exiftool stopped"
            lines.append(line)
        return "".join(lines)

    def file(self, data: bytes, name: str = "item") -> Path:
        self.count += 1
        path = self.folder / f"{self.count}-{name}"
        path.write_bytes(data)
        return path

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("-stay_open\nFalse\n")
            self.process.stdin.close()
            self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


_session: _ExifToolSession | None = None


def _exiftool() -> _ExifToolSession:
    global _session
    if _session is None:
        _session = _ExifToolSession()
    return _session


def exiftool_write(data: bytes, *assignments: str) -> bytes:
    """The file with exiftool's tag assignments applied (``-Tag=value`` ...)."""
    session = _exiftool()
    source = session.file(data)
    target = source.with_name(source.name + "-out")
    session.run(*assignments, "-o", str(target), str(source))
    assert target.exists(), f"exiftool refused {assignments}"
    return target.read_bytes()


def exiftool_read(data: bytes, *options: str, name: str = "item") -> dict[str, Any]:
    """All tags exiftool finds, as "Group:Tag" -> value (``-j -G1 -a``)."""
    session = _exiftool()
    found = json.loads(session.run("-j", "-G1", "-a", *options, str(session.file(data, name))))
    assert isinstance(found, list) and len(found) == 1
    result: dict[str, Any] = found[0]
    return result


def gradient(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A photo-like test image: red grows to the right, green downwards."""
    vertical = Image.linear_gradient("L")
    red = vertical.transpose(Image.Transpose.ROTATE_90)
    image = Image.merge(
        "RGB",
        (
            red.resize((width, height), Image.Resampling.BILINEAR),
            vertical.resize((width, height), Image.Resampling.BILINEAR),
            Image.new("L", (width, height), 128),
        ),
    )
    return image.convert(mode)


def quadrants(width: int, height: int) -> Image.Image:
    """Four flat colours, so that every rotation and mirror looks different."""
    image = Image.new("RGB", (width, height), (220, 30, 30))
    image.paste((30, 200, 30), (width // 2, 0, width, height // 2))
    image.paste((30, 30, 220), (0, height // 2, width // 2, height))
    image.paste((240, 240, 40), (width // 2, height // 2, width, height))
    return image


def encoded(image: Image.Image, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(width: int = 64, height: int = 48, **options: Any) -> bytes:
    return encoded(gradient(width, height), "JPEG", quality=95, **options)


class CountingStream:
    """A read-only stream of ``prefix`` + ``gap`` zero bytes + ``suffix`` that never
    holds the gap in memory, and counts what is read: proof that parsers seek."""

    def __init__(self, prefix: bytes, gap: int, suffix: bytes) -> None:
        self.prefix, self.gap, self.suffix = prefix, gap, suffix
        self.size = len(prefix) + gap + len(suffix)
        self.position = 0
        self.bytes_read = 0

    def read(self, size: int = -1, /) -> bytes:
        if size < 0:
            size = self.size - self.position
        end = min(self.position + size, self.size)
        out = bytearray()
        for offset in range(self.position, end) if end - self.position < 1 << 20 else ():
            out.append(self._byte(offset))
        if end - self.position >= 1 << 20:
            raise AssertionError(f"a parser tried to read {end - self.position} bytes at once")
        self.bytes_read += len(out)
        self.position = end
        return bytes(out)

    def _byte(self, offset: int) -> int:
        if offset < len(self.prefix):
            return self.prefix[offset]
        offset -= len(self.prefix) + self.gap
        return self.suffix[offset] if offset >= 0 else 0

    def seek(self, offset: int, whence: int = 0, /) -> int:
        base = {0: 0, 1: self.position, 2: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def tell(self) -> int:
        return self.position


def exiftool_path(data: bytes, name: str = "item") -> str:
    """A file exiftool can take a value from (``-ThumbnailImage<=path``)."""
    return str(_exiftool().file(data, name))


# What exiftool may still find in a file that carries nothing but pixels.
PIXELS_ONLY_GROUPS = {"SourceFile", "ExifTool", "System", "File", "JFIF", "PNG", "Composite"}
PIXELS_ONLY_PNG_TAGS = {
    "ImageWidth",
    "ImageHeight",
    "BitDepth",
    "ColorType",
    "Compression",
    "Filter",
    "Interlace",
}


def leftover_metadata(data: bytes) -> dict[str, Any]:
    """Every tag exiftool finds beyond the bare description of the pixels."""
    return {key: value for key, value in exiftool_read(data).items() if not _describes_pixels(key)}


def _describes_pixels(key: str) -> bool:
    group, _, tag = key.partition(":")
    if group == "PNG":
        return tag in PIXELS_ONLY_PNG_TAGS
    if group == "Composite":
        return tag in ("ImageSize", "Megapixels")
    if group == "File":
        return "Comment" not in tag and "Thumbnail" not in tag
    return group in PIXELS_ONLY_GROUPS


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    assert first.size == second.size
    a, b = first.convert("RGB").tobytes(), second.convert("RGB").tobytes()
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


def srgb_icc() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
