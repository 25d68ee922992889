"""Blob format 2: the content padded to a size class, its length sealed inside.

The plaintext under STREAM encryption is

    content (L bytes) || zero bytes || "KZBLOBv2" || L (8 bytes, big-endian)

and is exactly ``padme(L + 16)`` bytes long, so a blob file's length shows only
the size class of its content, never its exact size (an exact size confirms a
known photo almost as well as a hash).  The length sits inside the authenticated
plaintext as well as in the blob's database row: a row and a file that disagree
are reported as damage, never read as a shorter or longer item.  See
docs/formats.md, "Vault blobs".
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from kzarchive.crypto.stream import PayloadWriter, SeekablePayloadReader
from kzarchive.errors import IntegrityError

MAGIC = b"KZBLOBv2"
TRAILER = struct.Struct(">8sQ")
_ZEROS = bytes(1024 * 1024)


def padme(length: int) -> int:
    """Padmé (Nikitin et al., PETS 2019): keeps the top bits of the length and rounds
    the rest up, so at most about log log L bits of it show; overhead under 12%."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1  # floor(log2 length)
    low_bits = exponent - exponent.bit_length()  # exponent - floor(log2 exponent) - 1
    mask = (1 << low_bits) - 1
    return (length + mask) & ~mask


def padded_size(length: int) -> int:
    """Plaintext size of a format-2 blob whose content is ``length`` bytes."""
    return padme(length + TRAILER.size)


class PaddedWriter:
    """Encrypts content written in pieces, then its padding and trailer at ``finish``."""

    def __init__(self, file_key: bytes, sink: BinaryIO, nonce: bytes | None = None):
        self._payload = PayloadWriter(file_key, sink, nonce)
        self.length = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._payload.write(data)
        self.length += len(data)

    def finish(self) -> None:
        zeros = padded_size(self.length) - self.length - TRAILER.size
        block = memoryview(_ZEROS)
        while zeros > 0:
            piece = min(zeros, len(block))
            self._payload.write(block[:piece])
            zeros -= piece
        self._payload.write(TRAILER.pack(MAGIC, self.length))
        self._payload.finish()


def size_mismatch(found: int, recorded: int) -> IntegrityError:
    return IntegrityError(what=f"a stored file holds {found} bytes but the database records "
                          f"{recorded}: the database or the file was altered")


def open_padded(reader: SeekablePayloadReader, recorded_size: int) -> SeekablePayloadReader:
    """Checks the trailer against the padded length and the size in the database row,
    then limits ``reader`` to the content."""
    total = reader.size
    if total < TRAILER.size:
        raise IntegrityError(what="a stored file is too short for its format (truncated?)")
    reader.seek(total - TRAILER.size)
    magic, length = TRAILER.unpack(reader.read(TRAILER.size))
    if magic != MAGIC or padded_size(length) != total:
        raise IntegrityError(what="a stored file does not have the layout of its format")
    if length != recorded_size:
        raise size_mismatch(length, recorded_size)
    reader.limit(length)
    reader.seek(0)
    return reader


def iter_padded(reader: SeekablePayloadReader, recorded_size: int) -> Iterator[bytes]:
    """The content of a format-2 blob, in authenticated chunks.

    Every chunk is read and authenticated, padding included, and the padding must be
    zeros: one content has exactly one valid blob under its key.
    """
    open_padded(reader, recorded_size)
    padding_end = padded_size(recorded_size) - TRAILER.size
    offset = 0
    for chunk in reader.iter_chunks():
        end = offset + len(chunk)
        if end <= recorded_size:
            yield chunk
        else:
            cut = max(0, recorded_size - offset)
            if cut:
                yield chunk[:cut]
            padding = chunk[cut : max(cut, padding_end - offset)]
            if padding.count(0) != len(padding):
                raise IntegrityError(what="the padding of a stored file is not zeros")
        offset = end
