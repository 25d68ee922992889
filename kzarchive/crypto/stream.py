"""The age v1 payload: a 16-byte nonce followed by STREAM-encrypted chunks.

Used for vault blobs (a bare payload under a per-blob file key) and inside age
files.  See C2SP age, "Payload":

    payload key = HKDF-SHA-256(ikm=file key, salt=nonce, info="payload")
    chunk i     = ChaCha20-Poly1305(payload key, nonce=i (11 bytes BE) || last flag, plaintext)

Plaintext chunks are 64 KiB; only the last may be shorter, and it may be empty
only when the whole plaintext is empty.  Decryption never releases plaintext of a
chunk before that chunk authenticated, and a reader reports truncation, trailing
data and any altered byte as an ``IntegrityError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kzarchive.errors import IntegrityError
from kzarchive.util.pipeline import read_full

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
FILE_KEY_SIZE = 16
_MAX_COUNTER = 2**88 - 1


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    if len(file_key) != FILE_KEY_SIZE or len(nonce) != NONCE_SIZE:
        raise ValueError("file key and nonce must be 16 bytes")
    return HKDF(hashes.SHA256(), 32, salt=nonce, info=b"payload").derive(file_key)


def _chunk_nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        raise OverflowError("STREAM counter overflow")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def chunk_nonce(counter: int, last: bool) -> bytes:
    """The nonce of chunk ``counter``, for a reader of a stream a crash cut (vault.journal)."""
    return _chunk_nonce(counter, last)


def encrypted_size(plaintext_size: int) -> int:
    """Size of the payload (nonce included) for a plaintext of this size."""
    chunks = max(1, -(-plaintext_size // CHUNK_SIZE))
    return NONCE_SIZE + plaintext_size + chunks * TAG_SIZE


def plaintext_size(payload_size: int) -> int:
    """Inverse of ``encrypted_size``; raises IntegrityError for impossible sizes."""
    body = payload_size - NONCE_SIZE
    if body < TAG_SIZE:
        raise IntegrityError(what="the encrypted data is truncated")
    full, rest = divmod(body, ENCRYPTED_CHUNK_SIZE)
    if rest == 0:
        return full * CHUNK_SIZE
    if rest < TAG_SIZE or (rest == TAG_SIZE and full > 0):
        raise IntegrityError(what="the encrypted data has an impossible length (truncated?)")
    return full * CHUNK_SIZE + rest - TAG_SIZE


class PayloadWriter:
    """Encrypts a plaintext written in pieces of any size into ``sink``.

    The caller must call ``finish()``; until then the last chunk is held back,
    because only at the end is it known which chunk is the last one.
    """

    def __init__(self, file_key: bytes, sink: BinaryIO, nonce: bytes | None = None):
        self._nonce = nonce if nonce is not None else os.urandom(NONCE_SIZE)
        self._aead = ChaCha20Poly1305(payload_key(file_key, self._nonce))
        self._sink = sink
        self._buffer = bytearray()
        self._counter = 0
        self._finished = False
        sink.write(self._nonce)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._finished:
            raise ValueError("write after finish")
        if not data:
            return
        incoming = memoryview(data).cast("B")
        try:
            if self._buffer:
                # Top the held-back part up to a whole chunk; the rest is sealed in place.
                taken = min(len(incoming), CHUNK_SIZE - len(self._buffer))
                self._buffer += incoming[:taken]
                incoming = incoming[taken:]
                if not incoming:
                    return
                with memoryview(self._buffer) as held:
                    self._seal_chunks(held, 1)
                self._buffer.clear()
            # Keep at least one byte back: a full chunk is the last one only if nothing
            # follows.  Whole chunks are sealed straight from the caller's bytes.
            full = (len(incoming) - 1) // CHUNK_SIZE
            if full > 0:
                self._seal_chunks(incoming, full)
            self._buffer += incoming[full * CHUNK_SIZE:]
        finally:
            incoming.release()

    def _seal_chunks(self, plain: memoryview, count: int) -> None:
        """Seals ``count`` whole chunks from the start of ``plain`` into one write."""
        out = bytearray(count * ENCRYPTED_CHUNK_SIZE)
        target = memoryview(out)
        try:
            for i in range(count):
                self._aead.encrypt_into(
                    _chunk_nonce(self._counter, False),
                    plain[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE], None,
                    target[i * ENCRYPTED_CHUNK_SIZE : (i + 1) * ENCRYPTED_CHUNK_SIZE])
                self._counter += 1
        finally:
            target.release()
        self._sink.write(out)

    def finish(self) -> None:
        if self._finished:
            return
        self._sink.write(self._seal(bytes(self._buffer), last=True))
        self._buffer.clear()
        self._finished = True

    def _seal(self, chunk: bytes | memoryview, last: bool) -> bytes:
        sealed = self._aead.encrypt(_chunk_nonce(self._counter, last), chunk, None)
        self._counter += 1
        return sealed


def encrypt_payload(
    file_key: bytes,
    source: BinaryIO,
    sink: BinaryIO,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Encrypts all of ``source`` into ``sink``; returns the plaintext size."""
    writer = PayloadWriter(file_key, sink)
    total = 0
    while block := source.read(16 * CHUNK_SIZE):
        writer.write(block)
        total += len(block)
        if on_progress is not None:
            on_progress(total)
    writer.finish()
    return total


def iter_payload(file_key: bytes, source: BinaryIO) -> Iterator[bytes]:
    """Yields authenticated plaintext chunks of the payload read from ``source``.

    Raises IntegrityError on any damage: a wrong key, an altered byte, truncation,
    trailing data, or an empty last chunk in a non-empty payload.
    """
    nonce = read_full(source, NONCE_SIZE)
    if len(nonce) != NONCE_SIZE:
        raise IntegrityError(what="the encrypted data is truncated (no nonce)")
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    counter = 0
    chunk = read_full(source, ENCRYPTED_CHUNK_SIZE)
    while True:
        if len(chunk) < TAG_SIZE:
            raise IntegrityError(what="the encrypted data is truncated")
        following = read_full(source, 1) if len(chunk) == ENCRYPTED_CHUNK_SIZE else b""
        last = not following
        try:
            plain = aead.decrypt(_chunk_nonce(counter, last), chunk, None)
        except InvalidTag:
            raise _chunk_failure(aead, counter, chunk, last) from None
        if last and not plain and counter > 0:
            raise IntegrityError(what="the encrypted data ends with an empty chunk")
        yield plain
        if last:
            return
        counter += 1
        chunk = following + read_full(source, ENCRYPTED_CHUNK_SIZE - 1)


def _chunk_failure(
    aead: ChaCha20Poly1305, counter: int, chunk: bytes, last: bool
) -> IntegrityError:
    """Names why a chunk failed, for chunks whose position makes the cause knowable."""
    if len(chunk) == ENCRYPTED_CHUNK_SIZE:
        try:
            # A full chunk that authenticates with the other "last" flag was moved:
            # either the payload was cut after it, or data was appended after the end.
            aead.decrypt(_chunk_nonce(counter, not last), chunk, None)
        except InvalidTag:
            pass
        else:
            if last:
                return IntegrityError(what="the encrypted data is truncated")
            return IntegrityError(what="there is extra data after the end of the encrypted data")
        if last:
            # A cut exactly at a chunk boundary looks like this as well.
            return IntegrityError(
                what="the encrypted data is truncated, or does not authenticate "
                "(wrong key or altered)"
            )
    return IntegrityError(what="the encrypted data does not authenticate (wrong key or altered)")


def decrypt_payload(
    file_key: bytes,
    source: BinaryIO,
    sink: BinaryIO,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    total = 0
    for chunk in iter_payload(file_key, source):
        sink.write(chunk)
        total += len(chunk)
        if on_progress is not None:
            on_progress(total)
    return total


class SeekablePayloadReader:
    """Random access to the plaintext of a payload stored in a seekable file.

    Each read decrypts and authenticates only the chunks it touches, so a video
    player can seek in a large encrypted file while nothing is written in clear.
    """

    def __init__(self, file_key: bytes, source: BinaryIO):
        self._source = source
        source.seek(0, os.SEEK_END)
        self._payload_size = source.tell()
        self.size = plaintext_size(self._payload_size)
        source.seek(0)
        nonce = read_full(source, NONCE_SIZE)
        if len(nonce) != NONCE_SIZE:
            raise IntegrityError(what="the encrypted data is truncated (no nonce)")
        self._aead = ChaCha20Poly1305(payload_key(file_key, nonce))
        self._chunk_count = max(1, -(-self.size // CHUNK_SIZE))
        self._cache_index = -1
        self._cache = b""
        self.position = 0
        # The size comes from the file length; it is trusted only once the final
        # chunk proved to be a final chunk (a payload cut at a chunk boundary
        # otherwise looks complete until someone reads its end).
        self._chunk(self._chunk_count - 1)

    def _chunk(self, index: int) -> bytes:
        if index == self._cache_index:
            return self._cache
        self._source.seek(NONCE_SIZE + index * ENCRYPTED_CHUNK_SIZE)
        data = read_full(self._source, ENCRYPTED_CHUNK_SIZE)
        last = index == self._chunk_count - 1
        try:
            plain = self._aead.decrypt(_chunk_nonce(index, last), data, None)
        except InvalidTag:
            raise _chunk_failure(self._aead, index, data, last) from None
        if last and not plain and index > 0:
            raise IntegrityError(what="the encrypted data ends with an empty chunk")
        self._cache_index, self._cache = index, plain
        return plain

    def limit(self, size: int) -> None:
        """Shows only the first ``size`` bytes of the plaintext (the rest is padding).

        Reads and seeks relative to the end then stop at ``size``; ``iter_chunks``
        still goes through the whole payload.
        """
        if not 0 <= size <= self.size:
            raise ValueError("the limit must lie inside the plaintext")
        self.size = size
        self.position = min(self.position, size)

    def iter_chunks(self) -> Iterator[bytes]:
        """Every chunk of the whole payload in order, each authenticated before it is
        yielded, whatever the limit."""
        for index in range(self._chunk_count):
            yield self._chunk(index)

    def tell(self) -> int:
        return self.position

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._source.close()

    def __enter__(self) -> SeekablePayloadReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        bases = {os.SEEK_SET: 0, os.SEEK_CUR: self.position, os.SEEK_END: self.size}
        if whence not in bases:
            raise ValueError(f"invalid whence: {whence}")
        base = bases[whence]
        self.position = max(0, base + offset)
        return self.position

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = self.size - self.position
        parts = []
        while size > 0 and self.position < self.size:
            index, within = divmod(self.position, CHUNK_SIZE)
            piece = self._chunk(index)[within : within + min(size, self.size - self.position)]
            if not piece:
                break
            parts.append(piece)
            self.position += len(piece)
            size -= len(piece)
        return b"".join(parts)
