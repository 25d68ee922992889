"""Our age files and keys against the real age and age-keygen programs, both ways."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kzarchive.crypto import age, bech32
from kzarchive.crypto.age import (
    AgePayloadError,
    X25519Identity,
    X25519Recipient,
    header_for_file_key,
    parse_identity_file,
)
from kzarchive.crypto.identity import Identity
from kzarchive.crypto.stream import CHUNK_SIZE, PayloadWriter
from kzarchive.errors import KzError

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(
        shutil.which("age") is None or shutil.which("age-keygen") is None,
        reason="the age and age-keygen programs are not installed (Debian package 'age')",
    ),
]

SIZES = [0, 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 77]


def run(*args: str | Path, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(arg) for arg in args], input=data, capture_output=True, timeout=60, check=False
    )


def tool_decrypt(key_file: Path, data: bytes) -> bytes:
    result = run("age", "-d", "-i", key_file, data=data)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def tool_encrypt(*recipients: str, data: bytes) -> bytes:
    result = run("age", *(arg for r in recipients for arg in ("-r", r)), data=data)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def our_decrypt(identity: X25519Identity, data: bytes) -> bytes:
    sink = io.BytesIO()
    age.decrypt([identity], io.BytesIO(data), sink)
    return sink.getvalue()


def our_encrypt(recipients: list[X25519Recipient], data: bytes) -> bytes:
    sink = io.BytesIO()
    age.encrypt(recipients, io.BytesIO(data), sink)
    return sink.getvalue()


@pytest.fixture
def our_key(tmp_path: Path) -> tuple[X25519Identity, Path]:
    identity = X25519Identity.generate()
    path = tmp_path / "key.txt"
    path.write_text(f"# kzarchive test key\n{identity.to_string()}\n")
    return identity, path


@pytest.fixture
def tool_key(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "tool-key.txt"
    made = run("age-keygen", "-o", path)
    assert made.returncode == 0, made.stderr.decode()
    recipient = run("age-keygen", "-y", path)
    assert recipient.returncode == 0, recipient.stderr.decode()
    return path, recipient.stdout.decode().strip()


@pytest.mark.parametrize("size", SIZES)
def test_age_decrypts_our_files(our_key: tuple[X25519Identity, Path], size: int) -> None:
    identity, key_file = our_key
    plaintext = os.urandom(size)
    others = [X25519Identity.generate().recipient() for _ in range(2)]
    data = our_encrypt([others[0], identity.recipient(), others[1]], plaintext)
    assert tool_decrypt(key_file, data) == plaintext


@pytest.mark.parametrize("size", SIZES)
def test_we_decrypt_files_made_by_age(
        our_key: tuple[X25519Identity, Path], tool_key: tuple[Path, str], size: int) -> None:
    identity, _ = our_key
    _, their_recipient = tool_key
    plaintext = os.urandom(size)
    data = tool_encrypt(their_recipient, identity.recipient().to_string(), data=plaintext)
    assert our_decrypt(identity, data) == plaintext


def test_257_chunks_both_ways(our_key: tuple[X25519Identity, Path]) -> None:
    identity, key_file = our_key
    plaintext = os.urandom(CHUNK_SIZE) * 256 + b"the 257th chunk"
    assert tool_decrypt(key_file, our_encrypt([identity.recipient()], plaintext)) == plaintext
    made_by_age = tool_encrypt(identity.recipient().to_string(), data=plaintext)
    assert our_decrypt(identity, made_by_age) == plaintext


def test_age_decrypts_a_vault_blob_turned_into_an_age_file(
        our_key: tuple[X25519Identity, Path]) -> None:
    identity, key_file = our_key
    file_key = os.urandom(16)
    blob = io.BytesIO()
    writer = PayloadWriter(file_key, blob)
    plaintext = os.urandom(2 * CHUNK_SIZE + 5)
    writer.write(plaintext)
    writer.finish()
    data = header_for_file_key(file_key, [identity.recipient()]) + blob.getvalue()
    assert tool_decrypt(key_file, data) == plaintext


def test_keys_made_by_age_keygen_work_with_us(tool_key: tuple[Path, str]) -> None:
    key_file, their_recipient = tool_key
    (identity,) = parse_identity_file(key_file.read_text())
    assert identity.recipient().to_string() == their_recipient
    assert X25519Recipient.from_string(their_recipient) == identity.recipient()
    # We encrypt to their key, they decrypt; they encrypt, we decrypt.
    data = our_encrypt([X25519Recipient.from_string(their_recipient)], b"to the partner")
    assert tool_decrypt(key_file, data) == b"to the partner"
    assert our_decrypt(identity, tool_encrypt(their_recipient, data=b"back")) == b"back"


def test_age_keygen_accepts_our_identity_strings(our_key: tuple[X25519Identity, Path]) -> None:
    identity, key_file = our_key
    converted = run("age-keygen", "-y", key_file)
    assert converted.returncode == 0, converted.stderr.decode()
    assert converted.stdout.decode().strip() == identity.recipient().to_string()


def test_the_vault_identity_age_recipient_works_with_age(tmp_path: Path) -> None:
    vault = Identity.generate()
    key_file = tmp_path / "vault-key.txt"
    key_file.write_text(vault.age_identity.to_string() + "\n")
    data = tool_encrypt(vault.public.age_recipient, data=b"bundle")
    assert our_decrypt(vault.age_identity, data) == b"bundle"
    assert tool_decrypt(key_file, our_encrypt([vault.public.x25519_recipient], b"x")) == b"x"


def test_both_refuse_a_damaged_file(our_key: tuple[X25519Identity, Path]) -> None:
    identity, key_file = our_key
    for data in (
        our_encrypt([identity.recipient()], b"evidence" * 100),
        tool_encrypt(identity.recipient().to_string(), data=b"evidence" * 100),
    ):
        for position in (10, len(data) // 2, len(data) - 1):
            damaged = bytearray(data)
            damaged[position] ^= 0x20
            assert run("age", "-d", "-i", key_file, data=bytes(damaged)).returncode != 0
            with pytest.raises(KzError):
                our_decrypt(identity, bytes(damaged))


def test_both_refuse_a_file_cut_at_a_chunk_boundary(our_key: tuple[X25519Identity, Path]) -> None:
    identity, key_file = our_key
    data = tool_encrypt(identity.recipient().to_string(), data=os.urandom(2 * CHUNK_SIZE + 1))
    cut = data[: len(data) - (1 + 16)]  # drop the short last chunk: ends on a boundary
    assert run("age", "-d", "-i", key_file, data=cut).returncode != 0
    with pytest.raises(AgePayloadError, match="truncated"):
        our_decrypt(identity, cut)


def test_age_refuses_what_we_refuse_for_a_low_order_recipient() -> None:
    result = run("age", "-r", bech32.encode("age", bytes(32)), data=b"x")
    assert result.returncode != 0
    with pytest.raises(KzError):
        X25519Recipient.from_string(bech32.encode("age", bytes(32)))
