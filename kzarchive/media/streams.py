"""Bounded access to the seekable streams the media layer is given.

The vault hands out decrypting readers with ``read``/``seek``/``tell`` and
nothing else; tests hand in ``io.BytesIO``.  Parsers here never slurp a stream:
they seek to what they need and read at most a stated number of bytes.
"""

from __future__ import annotations

import io
import os
from typing import Protocol

from kzarchive.util.pipeline import read_full


class Stream(Protocol):
    """What the media layer needs from a stream: a seekable binary reader."""

    def read(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int: ...

    def tell(self) -> int: ...


def stream_size(stream: Stream) -> int:
    """The length of the stream in bytes (the position is moved to its end)."""
    return stream.seek(0, os.SEEK_END)


def read_at(stream: Stream, offset: int, size: int) -> bytes:
    """Up to ``size`` bytes at ``offset``; fewer only at the end of the stream."""
    if offset < 0 or size < 0:
        return b""
    stream.seek(offset)
    return read_full(stream, size)


class UnclosableReader(io.RawIOBase):
    """A read-only view of a stream that a library cannot close or write through.

    Pillow closes the file object of an image it opened when the image is
    closed; the caller's stream must stay open and unchanged, so Pillow only
    ever sees this view.
    """

    def __init__(self, stream: Stream) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def read(self, size: int | None = -1, /) -> bytes:
        return self._stream.read(-1 if size is None else size)

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def close(self) -> None:
        # Deliberately leaves the wrapped stream open: it belongs to the caller.
        super().close()


class ParseError(Exception):
    """A container cannot be read further; ``note`` says why, in plain words."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


TRUNCATED = "the file ends early (it may have been cut off while recording or copying)"
MALFORMED = "the file's structure is damaged"


class Budget:
    """A cap on how many structures a parser visits, so hostile files stay cheap."""

    def __init__(self, limit: int) -> None:
        self.remaining = limit

    def spend(self) -> None:
        self.remaining -= 1
        if self.remaining < 0:
            raise ParseError("the file has an implausible number of parts; it was not read fully")


def read_exact(stream: Stream, offset: int, size: int) -> bytes:
    """Exactly ``size`` bytes at ``offset``, or ParseError(TRUNCATED)."""
    data = read_at(stream, offset, size)
    if len(data) != size:
        raise ParseError(TRUNCATED)
    return data
