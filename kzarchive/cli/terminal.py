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


class TerminalProgress:
    """A ``Progress`` callable that draws ``label: 42% 1.2 GiB, 310 MiB/s``."""

    def __init__(self, label: str, stream: TextIO):
        self.label = label
        self.stream = stream
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < _INTERVAL and done != total:
            return
        self._last = now
        elapsed = max(now - self._start, 1e-6)
        share = f"{100 * done // total:3d}% " if total else ""
        rate = done / _MIB / elapsed
        self.stream.write(f"\r{self.label}: {share}{human_size(done)}, {rate:.0f} MiB/s\033[K")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


class BatchProgress:
    """``File 3 of 40: 57% 2.8 MiB; all: 12% 48.0 MiB of 400.0 MiB, 2 s left, 210 MiB/s``."""

    def __init__(self, count: int, stream: TextIO):
        self.count = count
        self.stream = stream
        self._start = time.monotonic()
        self._last = 0.0
        self._done = self._total = 0
        self._drawn = False

    def overall(self, done: int, total: int) -> None:
        self._done, self._total = done, total

    def file(self, index: int, _path: object, done: int, size: int) -> None:
        now = time.monotonic()
        if now - self._last < _INTERVAL and done != size:
            return
        self._last = now
        elapsed = max(now - self._start, 1e-6)
        share = f"{100 * done // size:3d}% " if size else ""
        rate = self._done / elapsed
        line = f"\rFile {index + 1} of {self.count}: {share}{human_size(done)}"
        if self.count > 1 and self._total:
            left = ""
            if rate > 0 and elapsed > 1:
                left = f", {max(0, round((self._total - self._done) / rate))} s left"
            line += (f"; all: {100 * self._done // self._total}% "
                     f"{human_size(self._done)} of {human_size(self._total)}{left}")
        self.stream.write(f"{line}, {rate / _MIB:.0f} MiB/s\033[K")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


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
