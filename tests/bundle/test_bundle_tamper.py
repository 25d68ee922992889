"""Every single-byte change and every truncation of a bundle is refused.

Two adversaries: one who alters the encrypted file (the age layer catches
them), and one who can decrypt and encrypt again to the partner but has not the
sender's key (age does not authenticate senders; the signature, the
manifests and the strict tar reader must catch them).  Only kzarchive errors
may come out: a crash of any other kind would be a bug an attacker could use.
"""

from __future__ import annotations

import io

import pytest

from kzarchive.bundle import BundleError, read_bundle
from kzarchive.crypto.age import NoMatchingIdentity
from kzarchive.crypto.stream import ENCRYPTED_CHUNK_SIZE, NONCE_SIZE
from kzarchive.errors import NewerFormat
from tests.bundle.bundle_factory import (
    PARTNER,
    SENDER,
    bundle_bytes,
    encrypted,
    make_spec,
    plaintext_of,
)

REFUSALS = (BundleError, NewerFormat, NoMatchingIdentity)


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return bundle_bytes()


def refused(data: bytes) -> bool:
    try:
        read_bundle(io.BytesIO(data), [PARTNER.age_identity], [SENDER.public])
    except REFUSALS:
        return True
    return False


def header_length(data: bytes) -> int:
    return data.index(b"\n", data.index(b"\n---") + 1) + 1


def test_the_untouched_bundle_is_accepted(bundle: bytes) -> None:
    # The control: the refusals below come from the changes, not from the setup.
    assert not refused(bundle)
    assert not refused(encrypted(plaintext_of(bundle)))


def test_every_byte_of_the_age_header_and_a_spread_of_the_payload(bundle: bytes) -> None:
    header = header_length(bundle)
    positions = [*range(header), *range(header, len(bundle), 61), len(bundle) - 1]
    accepted = []
    for number, position in enumerate(positions):
        changed = bytearray(bundle)
        changed[position] ^= 1 << (number % 8)
        if not refused(bytes(changed)):
            accepted.append(position)
    assert len(positions) > 500
    assert accepted == []


def test_a_spread_of_plaintext_flips_encrypted_again(bundle: bytes) -> None:
    plain = plaintext_of(bundle)
    # All positions of the signature file's first line (unsigned in minisign), and
    # a spread over the rest: headers, tag files, custody, evidence, padding.
    signature_at = plain.index(b"untrusted comment: signature from kzarchive")
    positions = sorted({*range(signature_at, signature_at + 44), *range(0, len(plain), 53)})
    accepted = []
    for number, position in enumerate(positions):
        changed = bytearray(plain)
        changed[position] ^= 0xFF if number % 3 == 0 else 1 << (number % 8)
        if not refused(encrypted(bytes(changed))):
            accepted.append(position)
    assert len(positions) > 600
    assert accepted == []


def test_truncation_at_every_chunk_boundary_is_refused() -> None:
    files = {"bbbb000000000001": ("bin", bytes(range(256)) * 900)}  # several 64 KiB chunks
    data = bundle_bytes(make_spec(files=files))
    start = header_length(data) + NONCE_SIZE
    chunks = -(-(len(data) - start) // ENCRYPTED_CHUNK_SIZE)
    assert chunks >= 4
    cuts = [0, 10, header_length(data), start]
    cuts += [start + i * ENCRYPTED_CHUNK_SIZE for i in range(1, chunks)]
    cuts += [start + i * ENCRYPTED_CHUNK_SIZE - 1 for i in range(1, chunks)]
    cuts += [len(data) - 1]
    for cut in cuts:
        assert refused(data[:cut]), cut


def test_a_truncated_plaintext_encrypted_again_is_refused(bundle: bytes) -> None:
    plain = plaintext_of(bundle)
    for cut in [*range(0, len(plain), 512), len(plain) // 3, len(plain) - 1]:
        assert refused(encrypted(plain[:cut])), cut


def test_appended_data_is_refused(bundle: bytes) -> None:
    assert refused(bundle + b"\0")
    assert refused(encrypted(plaintext_of(bundle) + bytes(512)))
    assert refused(encrypted(plaintext_of(bundle) + bytes(10240)))
