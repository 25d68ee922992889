"""Progress on a terminal: one self-overwriting line on stderr, never in a pipe or log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_MIB = 1024 * 1024
_INTERVAL = 0.1


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


class _Line:
    """One self-overwriting line, redrawn at most every ``_INTERVAL`` (and at the end)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def due(self, done: int, total: int) -> float | None:
        """Seconds since the start if it is time to redraw; None if not yet."""
        now = time.monotonic()
        if now - self._last < _INTERVAL and done != total:
            return None
        self._last = now
        return max(now - self.start, 1e-6)

    def draw(self, text: str) -> None:
        self.stream.write(f"\r{text}\033[K")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def _share(done: int, total: int) -> str:
    return f"{100 * done // total:3d}% " if total else ""


class TerminalProgress:
    """A ``Progress`` callable that draws ``label: 42% 1.2 GiB, 310 MiB/s``."""

    def __init__(self, label: str, stream: TextIO):
        self.label = label
        self._line = _Line(stream)

    def __call__(self, done: int, total: int) -> None:
        elapsed = self._line.due(done, total)
        if elapsed is None:
            return
        rate = done / _MIB / elapsed
        self._line.draw(f"{self.label}: {_share(done, total)}{human_size(done)}, "
                        f"{rate:.0f} MiB/s")

    def finish(self) -> None:
        self._line.finish()


class BatchProgress:
    """``File 3 of 40: 57% 2.8 MiB; all: 12% 48.0 MiB of 400.0 MiB, 2 s left, 210 MiB/s``."""

    def __init__(self, count: int, stream: TextIO):
        self.count = count
        self._line = _Line(stream)
        self._done = self._total = 0

    def overall(self, done: int, total: int) -> None:
        self._done, self._total = done, total

    def file(self, index: int, _path: object, done: int, size: int) -> None:
        elapsed = self._line.due(done, size)
        if elapsed is None:
            return
        rate = self._done / elapsed
        line = f"File {index + 1} of {self.count}: {_share(done, size)}{human_size(done)}"
        if self.count > 1 and self._total:
            left = ""
            if rate > 0 and elapsed > 1:
                left = f", {max(0, round((self._total - self._done) / rate))} s left"
            line += (f"; all: {100 * self._done // self._total}% "
                     f"{human_size(self._done)} of {human_size(self._total)}{left}")
        self._line.draw(f"{line}, {rate / _MIB:.0f} MiB/s")

    def finish(self) -> None:
        self._line.finish()


def batch_progress_for(count: int, stream: TextIO | None = None) -> BatchProgress | None:
    """A progress line for a batch if stderr is a terminal; None otherwise."""
    stream = stream if stream is not None else sys.stderr
    return BatchProgress(count, stream) if stream.isatty() else None


def progress_for(label: str, stream: TextIO | None = None) -> TerminalProgress | None:
    """A progress line if stderr is a terminal; None otherwise (pipes and logs stay clean)."""
    stream = stream if stream is not None else sys.stderr
    return TerminalProgress(label, stream) if stream.isatty() else None


def note(text: str) -> None:
    """A status line for a person at a terminal (not for scripts)."""
    if sys.stderr.isatty():
        print(text, file=sys.stderr)
