"""Whole age files: writing, reading, streaming, golden files and damage."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import tracemalloc
from pathlib import Path

import pytest

from kzarchive.crypto import age
from kzarchive.crypto.age import (
    AgeFormatError,
    AgePayloadError,
    AgeWriter,
    NoMatchingIdentity,
    X25519Identity,
    header_for_file_key,
    open_decrypting_reader,
    parse_identity_file,
)
from kzarchive.crypto.stream import CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE, PayloadWriter
from kzarchive.errors import BadInput, IntegrityError, KzError

GOLDEN = Path(__file__).parent / "golden"
# The same inputs as tests/crypto/make_age_golden.py.
GOLDEN_FILE_KEY = hashlib.sha256(b"kzarchive age golden file key").digest()[:16]
GOLDEN_OTHER = hashlib.sha256(b"kzarchive age golden other identity").digest()
SMALL_TEXT = "Testimony 7, page 1: the golden plaintext — ünïcödé ✓\n".encode()
GOLDEN_SIZE = 65536 + 1000

IDENTITY = X25519Identity.generate()


def pattern(size: int) -> bytes:
    return (bytes(range(256)) * (size // 256 + 1))[:size]


def golden_identity() -> X25519Identity:
    (identity,) = parse_identity_file((GOLDEN / "age-identity.txt").read_text())
    return identity


def seal(plaintext: bytes, *identities: X25519Identity) -> bytes:
    sink = io.BytesIO()
    recipients = [i.recipient() for i in identities or (IDENTITY,)]
    age.encrypt(recipients, io.BytesIO(plaintext), sink)
    return sink.getvalue()


def unseal(data: bytes, *identities: X25519Identity) -> bytes:
    sink = io.BytesIO()
    age.decrypt(list(identities or (IDENTITY,)), io.BytesIO(data), sink)
    return sink.getvalue()


def header_size(data: bytes) -> int:
    return data.index(b"\n---") + len(b"\n--- ") + 43 + 1


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 9]
)
def test_round_trip_at_chunk_edges(size: int) -> None:
    plaintext = os.urandom(size)
    data = seal(plaintext)
    assert data.startswith(b"age-encryption.org/v1\n-> X25519 ")
    assert unseal(data) == plaintext
    assert open_decrypting_reader([IDENTITY], io.BytesIO(data)).read() == plaintext


def test_every_recipient_can_decrypt_and_nobody_else() -> None:
    identities = [X25519Identity.generate() for _ in range(4)]
    data = seal(b"for our partners", *identities)
    assert data.count(b"\n-> X25519 ") == 4
    for identity in identities:
        assert unseal(data, identity) == b"for our partners"
    with pytest.raises(NoMatchingIdentity):
        unseal(data, X25519Identity.generate())


def test_each_file_has_a_fresh_file_key_share_and_nonce() -> None:
    first, second = seal(b"same"), seal(b"same")
    prefix = len(b"age-encryption.org/v1\n-> X25519 ")
    assert first[:prefix] == second[:prefix]
    assert first[prefix : prefix + 43] != second[prefix : prefix + 43]  # ephemeral shares
    assert first[header_size(first) :][:16] != second[header_size(second) :][:16]  # nonces


def test_the_writer_streams_pieces_of_any_size() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 17)
    sink = io.BytesIO()
    with AgeWriter([IDENTITY.recipient()], sink) as writer:
        for start in range(0, len(plaintext), 10_007):
            assert writer.write(plaintext[start : start + 10_007]) == len(
                plaintext[start : start + 10_007]
            )
    assert unseal(sink.getvalue()) == plaintext


def test_a_writer_left_by_an_exception_produces_a_file_that_is_rejected() -> None:
    sink = io.BytesIO()
    with pytest.raises(RuntimeError), AgeWriter([IDENTITY.recipient()], sink) as writer:
        writer.write(b"partial data")
        raise RuntimeError("disk unplugged")
    with pytest.raises(AgePayloadError, match="truncated"):
        unseal(sink.getvalue())


def test_encrypting_needs_a_recipient_and_decrypting_an_identity() -> None:
    with pytest.raises(BadInput):
        age.encrypt([], io.BytesIO(b"x"), io.BytesIO())
    with pytest.raises(BadInput):
        age.decrypt([], io.BytesIO(seal(b"x")), io.BytesIO())


def test_progress_reports_bytes_done_and_total() -> None:
    plaintext = os.urandom(40 * CHUNK_SIZE + 5)
    calls: list[tuple[int, int]] = []
    sink = io.BytesIO()
    recipients = [IDENTITY.recipient()]
    age.encrypt(recipients, io.BytesIO(plaintext), sink, progress=lambda *a: calls.append(a))
    assert calls[-1] == (len(plaintext), len(plaintext))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    calls.clear()
    source = io.BytesIO(sink.getvalue())
    age.decrypt([IDENTITY], source, io.BytesIO(), progress=lambda *a: calls.append(a))
    assert calls[-1] == (len(plaintext), len(plaintext))
    assert all(total == len(plaintext) for _, total in calls)


# --- golden files -------------------------------------------------------------------


def test_golden_file_written_by_kzarchive_still_decrypts() -> None:
    data = (GOLDEN / "age-kzarchive.age").read_bytes()
    assert unseal(data, golden_identity()) == SMALL_TEXT
    assert unseal(data, X25519Identity.from_private_bytes(GOLDEN_OTHER)) == SMALL_TEXT


def test_golden_file_written_by_the_age_tool_decrypts() -> None:
    assert unseal((GOLDEN / "age-tool.age").read_bytes(), golden_identity()) == SMALL_TEXT


def test_golden_file_built_from_the_specification_decrypts() -> None:
    # Three stanzas: another X25519 recipient, an unknown type, then ours.
    data = (GOLDEN / "age-blob.age").read_bytes()
    assert b"-> example.org/unknown-type" in data
    assert unseal(data, golden_identity()) == pattern(GOLDEN_SIZE)


def test_a_vault_blob_becomes_an_age_file_by_prepending_a_header() -> None:
    blob = (GOLDEN / "age-payload.bin").read_bytes()
    assert (GOLDEN / "age-blob.age").read_bytes().endswith(blob)
    partner = X25519Identity.generate()
    header = header_for_file_key(GOLDEN_FILE_KEY, [partner.recipient(), IDENTITY.recipient()])
    assert unseal(header + blob, partner) == pattern(GOLDEN_SIZE)
    assert unseal(header + blob, IDENTITY) == pattern(GOLDEN_SIZE)


def test_a_fresh_blob_with_a_header_is_an_age_file() -> None:
    file_key = os.urandom(16)
    blob = io.BytesIO()
    writer = PayloadWriter(file_key, blob)
    writer.write(b"photo bytes")
    writer.finish()
    data = header_for_file_key(file_key, [IDENTITY.recipient()]) + blob.getvalue()
    assert unseal(data) == b"photo bytes"
    with pytest.raises(ValueError):
        header_for_file_key(os.urandom(17), [IDENTITY.recipient()])


# --- damage -----------------------------------------------------------------------------


def test_every_flipped_byte_of_a_small_file_is_detected_and_nothing_is_released() -> None:
    data = (GOLDEN / "age-kzarchive.age").read_bytes()
    identity = golden_identity()
    for index in range(len(data)):
        for bit in (0x01, 0x80):
            damaged = bytearray(data)
            damaged[index] ^= bit
            sink = io.BytesIO()
            with pytest.raises(KzError):
                age.decrypt([identity], io.BytesIO(bytes(damaged)), sink)
            assert sink.getvalue() == b""


def test_truncation_anywhere_in_a_small_file_is_detected() -> None:
    data = seal(b"short")
    for length in range(len(data)):
        with pytest.raises((AgeFormatError, AgePayloadError)):
            unseal(data[:length])


def test_truncation_at_every_chunk_boundary_is_detected() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 50)
    data = seal(plaintext)
    start = header_size(data)
    cuts = [start, start + 16] + [start + 16 + n * ENCRYPTED_CHUNK_SIZE for n in (1, 2, 3)]
    for cut in cuts:
        with pytest.raises(AgePayloadError, match="truncated"):
            unseal(data[:cut])
    assert unseal(data) == plaintext


@pytest.mark.parametrize("extra", [b"\n", b"x" * 100, os.urandom(ENCRYPTED_CHUNK_SIZE)])
def test_trailing_data_is_rejected(extra: bytes) -> None:
    with pytest.raises(AgePayloadError):
        unseal(seal(os.urandom(CHUNK_SIZE)) + extra)
    with pytest.raises(AgePayloadError):
        unseal(seal(b"small") + extra)


def test_wrong_identity_is_no_matching_identity() -> None:
    with pytest.raises(NoMatchingIdentity):
        unseal(seal(b"evidence"), X25519Identity.generate(), X25519Identity.generate())


# --- the streaming reader -----------------------------------------------------------------


def test_the_reader_hands_out_only_authenticated_chunks_then_keeps_failing() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 10)
    data = bytearray(seal(plaintext))
    second_chunk = header_size(bytes(data)) + 16 + ENCRYPTED_CHUNK_SIZE
    data[second_chunk + 5] ^= 1
    reader = open_decrypting_reader([IDENTITY], io.BytesIO(bytes(data)))
    assert reader.read(CHUNK_SIZE) == plaintext[:CHUNK_SIZE]
    with pytest.raises(AgePayloadError):
        reader.read(1)
    with pytest.raises(AgePayloadError):
        reader.read(1)


def test_the_reader_checks_the_header_when_opened() -> None:
    with pytest.raises(NoMatchingIdentity):
        open_decrypting_reader([X25519Identity.generate()], io.BytesIO(seal(b"x")))
    damaged = bytearray(seal(b"x"))
    damaged[-40] ^= 1  # inside the MAC line
    with pytest.raises(IntegrityError):
        open_decrypting_reader([IDENTITY], io.BytesIO(bytes(damaged)))


def test_tarfile_streams_through_the_reader() -> None:
    members = {"bag/data/photo.jpg": os.urandom(200_000), "bag/bagit.txt": b"BagIt-Version: 1.0\n"}
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    reader = open_decrypting_reader([IDENTITY], io.BytesIO(seal(tar_bytes.getvalue())))
    found = {}
    with tarfile.open(fileobj=reader, mode="r|") as tar:
        for member in tar:
            extracted = tar.extractfile(member)
            assert extracted is not None
            found[member.name] = extracted.read()
    assert found == members


def test_257_chunks_stream_in_flat_memory(tmp_path: Path) -> None:
    block = os.urandom(CHUNK_SIZE)
    digest = hashlib.sha256()
    path = tmp_path / "large.age"
    tracemalloc.start()
    try:
        with path.open("wb") as sealed, AgeWriter([IDENTITY.recipient()], sealed) as writer:
            for _ in range(256):
                writer.write(block)
                digest.update(block)
            writer.write(b"last")
            digest.update(b"last")
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        readback = hashlib.sha256()
        with path.open("rb") as opened:
            reader = open_decrypting_reader([IDENTITY], opened)
            while piece := reader.read(100_000):
                readback.update(piece)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    header = header_size(path.read_bytes()[:1000])
    assert path.stat().st_size == header + 16 + 256 * ENCRYPTED_CHUNK_SIZE + len(b"last") + 16
    assert readback.digest() == digest.digest()
    # A few chunks at a time, never the 16 MiB file.
    assert write_peak < 1024 * 1024
    assert read_peak < 1024 * 1024
