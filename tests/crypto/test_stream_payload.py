"""The age payload (nonce + STREAM): vault blobs and the body of every age file."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from kzarchive.crypto.stream import (
    CHUNK_SIZE,
    ENCRYPTED_CHUNK_SIZE,
    NONCE_SIZE,
    TAG_SIZE,
    PayloadWriter,
    SeekablePayloadReader,
    decrypt_payload,
    encrypt_payload,
    encrypted_size,
    iter_payload,
    plaintext_size,
)
from kzarchive.errors import IntegrityError

GOLDEN = Path(__file__).parent / "golden"
# The same inputs as tests/crypto/make_age_golden.py.
GOLDEN_FILE_KEY = hashlib.sha256(b"kzarchive age golden file key").digest()[:16]
GOLDEN_NONCE = hashlib.sha256(b"kzarchive age golden nonce").digest()[:16]
GOLDEN_SIZE = 65536 + 1000

KEY = bytes(range(16))
EDGE_SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 7]


def pattern(size: int) -> bytes:
    return (bytes(range(256)) * (size // 256 + 1))[:size]


def seal(plaintext: bytes, key: bytes = KEY, nonce: bytes | None = None) -> bytes:
    sink = io.BytesIO()
    writer = PayloadWriter(key, sink, nonce=nonce)
    writer.write(plaintext)
    writer.finish()
    return sink.getvalue()


def open_all(payload: bytes, key: bytes = KEY) -> bytes:
    return b"".join(iter_payload(key, io.BytesIO(payload)))


def reference_chunk(key: bytes, nonce: bytes, counter: int, last: bool, plaintext: bytes) -> bytes:
    """One chunk as the C2SP age specification defines it, built independently."""
    payload_key = HKDF(hashes.SHA256(), 32, salt=nonce, info=b"payload").derive(key)
    chunk_nonce = counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
    return ChaCha20Poly1305(payload_key).encrypt(chunk_nonce, plaintext, None)


@pytest.mark.parametrize("size", EDGE_SIZES)
def test_round_trip_and_sizes_at_chunk_edges(size: int) -> None:
    plaintext = os.urandom(size)
    payload = seal(plaintext)
    assert len(payload) == encrypted_size(size)
    assert plaintext_size(len(payload)) == size
    assert open_all(payload) == plaintext
    reader = SeekablePayloadReader(KEY, io.BytesIO(payload))
    assert reader.size == size
    assert reader.read() == plaintext


def test_output_does_not_depend_on_how_the_plaintext_was_split() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 5)
    nonce = os.urandom(NONCE_SIZE)
    whole = seal(plaintext, nonce=nonce)
    sink = io.BytesIO()
    writer = PayloadWriter(KEY, sink, nonce=nonce)
    position = 0
    for step in [1, CHUNK_SIZE - 1, 2, CHUNK_SIZE, 17, 10**6]:
        writer.write(plaintext[position : position + step])
        position += step
    writer.finish()
    assert sink.getvalue() == whole


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
                                 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 7]), max_size=6),
       st.sampled_from([bytes, bytearray, memoryview]))
def test_any_split_in_any_buffer_type_gives_the_same_payload(
    steps: list[int], kind: type,
) -> None:
    plaintext = os.urandom(sum(steps))
    nonce = os.urandom(NONCE_SIZE)
    sink = io.BytesIO()
    writer = PayloadWriter(KEY, sink, nonce=nonce)
    position = 0
    for step in steps:
        piece = bytearray(plaintext[position : position + step])
        writer.write(kind(piece) if kind is not bytearray else piece)
        # Whole chunks are sealed from the caller's buffer: none of it may stay held.
        piece.clear()
        position += step
    writer.finish()
    assert sink.getvalue() == seal(plaintext, nonce=nonce)


def test_chunks_follow_the_specification() -> None:
    plaintext = os.urandom(CHUNK_SIZE + 10)
    nonce = os.urandom(NONCE_SIZE)
    payload = seal(plaintext, nonce=nonce)
    assert payload == (
        nonce
        + reference_chunk(KEY, nonce, 0, False, plaintext[:CHUNK_SIZE])
        + reference_chunk(KEY, nonce, 1, True, plaintext[CHUNK_SIZE:])
    )


def test_golden_payload_still_decrypts_and_encrypts_to_the_same_bytes() -> None:
    golden = (GOLDEN / "age-payload.bin").read_bytes()
    assert open_all(golden, GOLDEN_FILE_KEY) == pattern(GOLDEN_SIZE)
    assert seal(pattern(GOLDEN_SIZE), GOLDEN_FILE_KEY, GOLDEN_NONCE) == golden
    empty = (GOLDEN / "age-empty-payload.bin").read_bytes()
    assert open_all(empty, GOLDEN_FILE_KEY) == b""
    assert seal(b"", GOLDEN_FILE_KEY, GOLDEN_NONCE) == empty


def test_encrypt_and_decrypt_payload_stream_files_and_report_progress() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 3)
    sealed = io.BytesIO()
    seen: list[int] = []
    assert encrypt_payload(KEY, io.BytesIO(plaintext), sealed, seen.append) == len(plaintext)
    assert seen[-1] == len(plaintext)
    sealed.seek(0)
    out = io.BytesIO()
    done: list[int] = []
    assert decrypt_payload(KEY, sealed, out, done.append) == len(plaintext)
    assert out.getvalue() == plaintext
    assert done == sorted(done) and done[-1] == len(plaintext)


def test_every_flipped_byte_of_a_small_payload_is_detected() -> None:
    payload = seal(b"a short testimony")
    for index in range(len(payload)):
        damaged = bytearray(payload)
        damaged[index] ^= 0x01
        with pytest.raises(IntegrityError):
            open_all(bytes(damaged))
        with pytest.raises(IntegrityError):
            SeekablePayloadReader(KEY, io.BytesIO(bytes(damaged))).read()


def test_flips_at_the_edges_of_every_chunk_are_detected() -> None:
    payload = seal(os.urandom(2 * CHUNK_SIZE + 100))
    chunk_starts = [NONCE_SIZE + i * ENCRYPTED_CHUNK_SIZE for i in range(3)]
    positions = {0, NONCE_SIZE - 1, len(payload) - 1}
    for start in chunk_starts:
        positions |= {start, start + 1, start + CHUNK_SIZE - 1, start + CHUNK_SIZE}
        positions |= {start + ENCRYPTED_CHUNK_SIZE - 1}
    for index in sorted(p for p in positions if p < len(payload)):
        damaged = bytearray(payload)
        damaged[index] ^= 0x80
        with pytest.raises(IntegrityError):
            open_all(bytes(damaged))


def test_truncation_anywhere_in_a_small_payload_is_detected() -> None:
    payload = seal(b"x" * 100)
    for length in range(len(payload)):
        with pytest.raises(IntegrityError):
            open_all(payload[:length])
        with pytest.raises(IntegrityError):
            SeekablePayloadReader(KEY, io.BytesIO(payload[:length]))


def test_truncation_at_every_chunk_boundary_is_detected() -> None:
    payload = seal(os.urandom(3 * CHUNK_SIZE + 100))
    for chunks in range(4):
        cut = payload[: NONCE_SIZE + chunks * ENCRYPTED_CHUNK_SIZE]
        with pytest.raises(IntegrityError, match="truncated"):
            open_all(cut)
        # The seekable reader must not trust a size computed from the file length.
        with pytest.raises(IntegrityError):
            SeekablePayloadReader(KEY, io.BytesIO(cut))


def test_a_payload_that_is_exactly_full_chunks_is_complete() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE)
    payload = seal(plaintext)
    assert len(payload) == NONCE_SIZE + 2 * ENCRYPTED_CHUNK_SIZE
    assert open_all(payload) == plaintext


@pytest.mark.parametrize("extra", [b"\x00", os.urandom(TAG_SIZE), os.urandom(ENCRYPTED_CHUNK_SIZE)])
@pytest.mark.parametrize("size", [10, CHUNK_SIZE])
def test_data_after_the_final_chunk_is_rejected(size: int, extra: bytes) -> None:
    with pytest.raises(IntegrityError):
        open_all(seal(os.urandom(size)) + extra)


def test_data_after_a_full_final_chunk_is_named_as_such() -> None:
    with pytest.raises(IntegrityError, match="extra data after the end"):
        open_all(seal(os.urandom(CHUNK_SIZE)) + b"!")


def test_a_second_final_chunk_is_rejected() -> None:
    nonce = os.urandom(NONCE_SIZE)
    first = reference_chunk(KEY, nonce, 0, True, os.urandom(CHUNK_SIZE))
    second = reference_chunk(KEY, nonce, 1, True, b"more")
    with pytest.raises(IntegrityError):
        open_all(nonce + first + second)


def test_an_empty_final_chunk_after_data_is_rejected() -> None:
    nonce = os.urandom(NONCE_SIZE)
    payload = (
        nonce
        + reference_chunk(KEY, nonce, 0, False, os.urandom(CHUNK_SIZE))
        + reference_chunk(KEY, nonce, 1, True, b"")
    )
    with pytest.raises(IntegrityError, match="empty chunk"):
        open_all(payload)
    with pytest.raises(IntegrityError):
        plaintext_size(len(payload))
    with pytest.raises(IntegrityError):
        SeekablePayloadReader(KEY, io.BytesIO(payload))


def test_short_chunks_before_the_last_are_rejected() -> None:
    nonce = os.urandom(NONCE_SIZE)
    payload = (
        nonce
        + reference_chunk(KEY, nonce, 0, False, b"short")
        + reference_chunk(KEY, nonce, 1, True, b"final")
    )
    with pytest.raises(IntegrityError):
        open_all(payload)


def test_reordered_chunks_are_rejected() -> None:
    payload = seal(os.urandom(3 * CHUNK_SIZE + 1))
    first = slice(NONCE_SIZE, NONCE_SIZE + ENCRYPTED_CHUNK_SIZE)
    second = slice(first.stop, first.stop + ENCRYPTED_CHUNK_SIZE)
    swapped = bytearray(payload)
    swapped[first], swapped[second] = payload[second], payload[first]
    with pytest.raises(IntegrityError):
        open_all(bytes(swapped))


def test_wrong_key_is_rejected() -> None:
    payload = seal(b"evidence")
    with pytest.raises(IntegrityError):
        open_all(payload, bytes(16))


def test_plaintext_is_released_only_chunk_by_chunk_after_authentication() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 5)
    damaged = bytearray(seal(plaintext))
    damaged[NONCE_SIZE + ENCRYPTED_CHUNK_SIZE + 3] ^= 1  # inside the second chunk
    chunks = iter_payload(KEY, io.BytesIO(bytes(damaged)))
    assert next(chunks) == plaintext[:CHUNK_SIZE]
    with pytest.raises(IntegrityError):
        next(chunks)

    damaged_first = bytearray(seal(plaintext))
    damaged_first[NONCE_SIZE] ^= 1
    with pytest.raises(IntegrityError):
        next(iter_payload(KEY, io.BytesIO(bytes(damaged_first))))


def test_257_chunks_use_the_full_counter() -> None:
    block = os.urandom(CHUNK_SIZE)
    nonce = os.urandom(NONCE_SIZE)
    sink = io.BytesIO()
    writer = PayloadWriter(KEY, sink, nonce=nonce)
    for _ in range(257):
        writer.write(block)
    writer.finish()
    payload = sink.getvalue()
    chunk_256 = payload[NONCE_SIZE + 256 * ENCRYPTED_CHUNK_SIZE :]
    # Counter 256 needs the second-to-last byte of the counter: check it against the spec.
    assert chunk_256 == reference_chunk(KEY, nonce, 256, True, block)
    count = 0
    for chunk in iter_payload(KEY, io.BytesIO(payload)):
        assert chunk == block
        count += 1
    assert count == 257


def test_seekable_reader_reads_any_range() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 123)
    reader = SeekablePayloadReader(KEY, io.BytesIO(seal(plaintext)))
    for start, size in [(0, 10), (CHUNK_SIZE - 3, 7), (2 * CHUNK_SIZE, CHUNK_SIZE + 500), (5, 0)]:
        assert reader.seek(start) == start
        assert reader.read(size) == plaintext[start : start + size]
        assert reader.tell() == start + len(plaintext[start : start + size])
    assert reader.seek(-5, os.SEEK_END) == len(plaintext) - 5
    assert reader.read() == plaintext[-5:]
    assert reader.read(10) == b""
    reader.seek(CHUNK_SIZE)
    reader.seek(-1, os.SEEK_CUR)
    assert reader.read(2) == plaintext[CHUNK_SIZE - 1 : CHUNK_SIZE + 1]
    with pytest.raises(ValueError):
        reader.seek(0, 7)


def test_seekable_reader_detects_damage_in_the_chunk_it_reads() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 1)
    damaged = bytearray(seal(plaintext))
    damaged[NONCE_SIZE + 10] ^= 1  # first chunk
    reader = SeekablePayloadReader(KEY, io.BytesIO(bytes(damaged)))
    reader.seek(CHUNK_SIZE)
    assert reader.read(CHUNK_SIZE) == plaintext[CHUNK_SIZE : 2 * CHUNK_SIZE]
    reader.seek(0)
    with pytest.raises(IntegrityError):
        reader.read(1)
