"""The age header: every rule of the C2SP age specification, one case each.

Headers are assembled here as text, with the X25519 stanza and the MAC computed
independently of kzarchive's code, so that each test changes exactly one thing
in an otherwise valid file (and recomputes the MAC, so that the rule itself is
what rejects the file, not the MAC).
"""

from __future__ import annotations

import base64
import hmac
import io
import os
from collections.abc import Callable
from typing import BinaryIO, cast

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kzarchive.crypto import age
from kzarchive.crypto.age import (
    AgeFormatError,
    AgePayloadError,
    HeaderMacError,
    NoMatchingIdentity,
    UnsupportedAgeVersion,
    X25519Identity,
)
from kzarchive.crypto.stream import PayloadWriter
from kzarchive.errors import IntegrityError, NewerFormat

IDENTITY = X25519Identity.generate()
RECIPIENT = IDENTITY.recipient().public_bytes()
FILE_KEY = os.urandom(16)
PLAINTEXT = b"statement of witness 3"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ORDER_8_POINT = bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=info).derive(ikm)


def non_canonical(encoded: str) -> str:
    """The same bytes with an unused low bit set in the last character."""
    return encoded[:-1] + ALPHABET[ALPHABET.index(encoded[-1]) ^ 1]


def x25519_parts(file_key: bytes = FILE_KEY, recipient: bytes = RECIPIENT) -> tuple[str, str]:
    """(share, body) of an X25519 stanza, both base64, per the specification."""
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrap_key = hkdf(secret, share + recipient, b"age-encryption.org/v1/X25519")
    return b64(share), b64(ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None))


def x25519_stanza(file_key: bytes = FILE_KEY, recipient: bytes = RECIPIENT) -> str:
    share, body = x25519_parts(file_key, recipient)
    return f"-> X25519 {share}\n{body}\n"


def mac_of(head: str | bytes, file_key: bytes = FILE_KEY) -> str:
    raw = head.encode() if isinstance(head, str) else head
    return b64(hmac.digest(hkdf(file_key, b"", b"header"), raw, "sha256"))


def payload(file_key: bytes = FILE_KEY) -> bytes:
    sink = io.BytesIO()
    writer = PayloadWriter(file_key, sink)
    writer.write(PLAINTEXT)
    writer.finish()
    return sink.getvalue()


def age_file(stanzas: str, *, version: str = "age-encryption.org/v1") -> bytes:
    """A file with a correct MAC over whatever header text is given."""
    head = f"{version}\n{stanzas}---"
    return f"{head} {mac_of(head)}\n".encode() + payload()


def wrapped(encoded: str) -> list[str]:
    return [encoded[i : i + 64] for i in range(0, len(encoded) + 1, 64)]


def decrypt(data: bytes) -> bytes:
    sink = io.BytesIO()
    age.decrypt([IDENTITY], io.BytesIO(data), sink)
    return sink.getvalue()


# --- valid files ------------------------------------------------------------------


def test_the_reference_construction_is_accepted() -> None:
    assert decrypt(age_file(x25519_stanza())) == PLAINTEXT


@pytest.mark.parametrize(
    "stanza",
    [
        "-> grease\n\n",  # empty body: a single empty final line
        "-> example.org/other a b c\n" + b64(b"x" * 48) + "\n\n",  # one full line, empty final
        "-> other\n" + "".join(f"{line}\n" for line in wrapped(b64(os.urandom(100)))),
        "-> !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`az{|}~ 0\nAA\n",
    ],
)
@pytest.mark.parametrize("ours_first", [True, False])
def test_stanzas_of_other_types_are_skipped(stanza: str, ours_first: bool) -> None:
    stanzas = x25519_stanza() + stanza if ours_first else stanza + x25519_stanza()
    assert decrypt(age_file(stanzas)) == PLAINTEXT


def test_stanzas_for_other_x25519_recipients_are_skipped() -> None:
    others = "".join(x25519_stanza(recipient=os.urandom(32)) for _ in range(3))
    assert decrypt(age_file(others + x25519_stanza())) == PLAINTEXT


def test_any_of_several_identities_opens_the_file() -> None:
    sink = io.BytesIO()
    age.decrypt([X25519Identity.generate(), IDENTITY], io.BytesIO(age_file(x25519_stanza())), sink)
    assert sink.getvalue() == PLAINTEXT


# --- version line -----------------------------------------------------------------


@pytest.mark.parametrize("version", ["age-encryption.org/v2", "age-encryption.org/v1.1"])
def test_an_unknown_version_is_refused_as_a_newer_format(version: str) -> None:
    with pytest.raises(UnsupportedAgeVersion) as caught:
        decrypt(age_file(x25519_stanza(), version=version))
    assert isinstance(caught.value, NewerFormat)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"age-encryption.org/v1",  # no line feed, nothing else
        b"Age-encryption.org/v1\n",
        b"age-encryption.org/v1 \n",
        b"age-encryption.org/\n",
        b"age-encryption.org/v1\r\n",
        b"\x00" * 100,
        b"PK\x03\x04 a zip file, not an age file\n",
    ],
)
def test_data_that_is_not_age_is_refused(data: bytes) -> None:
    with pytest.raises(AgeFormatError):
        decrypt(data)


def test_armored_files_get_a_helpful_message() -> None:
    with pytest.raises(AgeFormatError, match="armor"):
        decrypt(b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n")


def test_crlf_line_endings_are_refused() -> None:
    head = f"age-encryption.org/v1\r\n{x25519_stanza().replace(chr(10), chr(13) + chr(10))}---"
    with pytest.raises(AgeFormatError):
        decrypt(f"{head} {mac_of(head)}\r\n".encode() + payload())


# --- stanza argument line -----------------------------------------------------------


@pytest.mark.parametrize(
    "arg_line",
    [
        "->X25519 {share}",  # no space after the arrow
        "-> ",  # no arguments
        "->",
        "-> X25519  {share}",  # empty argument
        "-> X25519 {share} ",  # trailing space
        "->  X25519 {share}",  # leading empty argument
        "-> X25519\t{share}",  # tab is not a separator (nor a VCHAR)
        "-> X25519 {share}\r",  # spurious carriage return
        "-> X25519 {share} é",  # not ASCII
        "-> X25519 {share} \x7f",  # DEL is not a VCHAR
        "- > X25519 {share}",
    ],
)
def test_malformed_argument_lines_are_refused(arg_line: str) -> None:
    share, body = x25519_parts()
    with pytest.raises(AgeFormatError):
        decrypt(age_file(f"{arg_line.format(share=share)}\n{body}\n"))


# --- stanza body --------------------------------------------------------------------


def test_a_body_line_longer_than_64_columns_is_refused() -> None:
    body = b64(os.urandom(60))  # 80 characters on one line
    with pytest.raises(AgeFormatError):
        decrypt(age_file(x25519_stanza() + f"-> other\n{body}\n"))


def test_a_body_without_its_final_short_line_is_refused() -> None:
    lines = wrapped(b64(os.urandom(48)))
    assert lines == [lines[0], ""]
    with pytest.raises(AgeFormatError):
        decrypt(age_file(x25519_stanza() + f"-> other\n{lines[0]}\n"))


def test_a_stanza_without_a_body_is_refused() -> None:
    with pytest.raises(AgeFormatError):
        decrypt(age_file(x25519_stanza() + "-> other\n"))


def test_a_short_line_ends_the_body() -> None:
    with pytest.raises(AgeFormatError):
        decrypt(age_file(x25519_stanza() + "-> other\nAAAA\nAAAA\n"))


@pytest.mark.parametrize(
    "body",
    [
        "AAA=",  # padding
        "AA==",
        "AB",  # unused bits set: non-canonical
        "A",  # impossible length
        "AA-A",  # URL-safe alphabet
        "AA A",  # space
        "AAAA\r",  # spurious carriage return
    ],
)
def test_malformed_base64_in_a_body_is_refused(body: str) -> None:
    with pytest.raises(AgeFormatError):
        decrypt(age_file(x25519_stanza() + f"-> other\n{body}\n"))


# --- the X25519 stanza --------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda share, body: f"-> X25519 {share} extra\n{body}\n",
        lambda share, body: f"-> X25519\n{body}\n",
        lambda share, body: f"-> X25519 {non_canonical(share)}\n{body}\n",
        lambda share, body: f"-> X25519 {b64(base64.b64decode(share + '=')[:31])}\n{body}\n",
        lambda share, body: f"-> X25519 {b64(base64.b64decode(share + '=') + bytes(1))}\n{body}\n",
        lambda share, body: f"-> X25519 {share}\n{non_canonical(body)}\n",
        lambda share, body: f"-> X25519 {share}\n{b64(base64.b64decode(body + '=')[:31])}\n",
        lambda share, body: f"-> X25519 {share}\n{b64(base64.b64decode(body + '=') + bytes(1))}\n",
        lambda share, body: f"-> X25519 {share}\n\n",
    ],
    ids=[
        "extra-argument",
        "missing-share",
        "non-canonical-share",
        "short-share",
        "long-share",
        "non-canonical-body",
        "short-body",
        "long-body",
        "empty-body",
    ],
)
def test_malformed_x25519_stanzas_are_refused(make: Callable[[str, str], str]) -> None:
    share, body = x25519_parts()
    with pytest.raises(AgeFormatError):
        decrypt(age_file(make(share, body)))


def test_a_long_file_key_is_refused_before_any_decryption() -> None:
    # A 17-byte file key wrapped correctly: the body has the wrong size, so the
    # stanza is refused on its length (no partitioning oracle), not unwrapped.
    with pytest.raises(AgeFormatError, match="wrong size"):
        decrypt(age_file(x25519_stanza(file_key=os.urandom(17))))


def test_the_stanza_type_is_case_sensitive() -> None:
    share, body = x25519_parts()
    with pytest.raises(NoMatchingIdentity):
        decrypt(age_file(f"-> x25519 {share}\n{body}\n"))


@pytest.mark.parametrize("point", [bytes(32), bytes([1]) + bytes(31), ORDER_8_POINT])
def test_low_order_shares_are_refused(point: bytes) -> None:
    _, body = x25519_parts()
    with pytest.raises(AgeFormatError, match="low-order"):
        decrypt(age_file(f"-> X25519 {b64(point)}\n{body}\n"))


def test_a_wrong_tag_means_the_stanza_is_not_ours() -> None:
    share, body = x25519_parts()
    damaged = bytearray(base64.b64decode(body + "="))
    damaged[-1] ^= 1
    with pytest.raises(NoMatchingIdentity):
        decrypt(age_file(f"-> X25519 {share}\n{b64(bytes(damaged))}\n"))


def test_no_matching_identity_is_a_clear_error() -> None:
    with pytest.raises(NoMatchingIdentity) as caught:
        decrypt(age_file(x25519_stanza(recipient=os.urandom(32))))
    assert "age1" in caught.value.hint
    assert not isinstance(caught.value, IntegrityError)


# --- scrypt ---------------------------------------------------------------------------


SCRYPT = f"-> scrypt {b64(os.urandom(16))} 18\n{b64(os.urandom(32))}\n"


@pytest.mark.parametrize(
    "stanzas", [SCRYPT + x25519_stanza(), x25519_stanza() + SCRYPT, SCRYPT * 2]
)
def test_a_passphrase_stanza_must_be_alone(stanzas: str) -> None:
    with pytest.raises(AgeFormatError, match="scrypt"):
        decrypt(age_file(stanzas))


def test_a_passphrase_file_is_named_as_such() -> None:
    with pytest.raises(NoMatchingIdentity, match="passphrase"):
        decrypt(age_file(SCRYPT))


# --- the MAC line -------------------------------------------------------------------


def header_with_mac_line(mac_line: str) -> bytes:
    return f"age-encryption.org/v1\n{x25519_stanza()}{mac_line}\n".encode() + payload()


@pytest.mark.parametrize(
    "make_line",
    [
        lambda mac: f"---{mac}",  # no space
        lambda mac: f"---  {mac}",  # two spaces
        lambda mac: f"--- {mac} ",  # trailing space
        lambda mac: f"--- {mac[:-1]}",  # truncated
        lambda mac: f"--- {mac}A",  # too long
        lambda mac: f"--- {non_canonical(mac)}",
        lambda mac: f"--- {mac}=",
        lambda mac: "---",
        lambda mac: "--- ",
        lambda mac: f"---- {mac}",
    ],
)
def test_malformed_mac_lines_are_refused(make_line: Callable[[str], str]) -> None:
    head = f"age-encryption.org/v1\n{x25519_stanza()}---"
    with pytest.raises(AgeFormatError):
        decrypt(head.encode()[: -len("---")] + f"{make_line(mac_of(head))}\n".encode() + payload())


def test_a_missing_mac_line_is_refused() -> None:
    head = f"age-encryption.org/v1\n{x25519_stanza()}".encode()
    with pytest.raises(AgeFormatError):
        decrypt(head)
    with pytest.raises(AgeFormatError):
        decrypt(head + payload())


def test_a_header_without_stanzas_is_refused() -> None:
    with pytest.raises(AgeFormatError, match="no recipients"):
        decrypt(age_file(""))


def test_a_wrong_mac_is_refused() -> None:
    head = f"age-encryption.org/v1\n{x25519_stanza()}---"
    with pytest.raises(HeaderMacError):
        decrypt(f"{head} {mac_of(head, os.urandom(16))}\n".encode() + payload())


def test_the_mac_covers_stanzas_of_other_types() -> None:
    original = age_file(x25519_stanza() + "-> other one\nAAAA\n")
    altered = original.replace(b"-> other one\n", b"-> other two\n")
    assert decrypt(original) == PLAINTEXT
    with pytest.raises(HeaderMacError):
        decrypt(altered)


# --- what follows the header ------------------------------------------------------------


def test_a_header_without_payload_is_a_truncated_payload() -> None:
    with pytest.raises(AgePayloadError, match="truncated"):
        decrypt(age_file(x25519_stanza())[: -len(payload())])


class EndlessSource(io.RawIOBase):
    """A hostile stream: a start, then one block repeated forever."""

    def __init__(self, start: bytes, block: bytes):
        self.pending = start
        self.block = block
        self.served = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        out, self.pending = (self.pending or self.block), b""
        self.served += len(out)
        return out


@pytest.mark.parametrize(
    "start, block",
    [
        (b"age-encryption.org/v1\n-> x ", b"A" * 4000),  # one endless line
        (b"age-encryption.org/v1\n", b"-> grease\n\n" * 300),  # endless valid stanzas
    ],
)
def test_an_endless_header_is_refused_after_a_bounded_read(start: bytes, block: bytes) -> None:
    source = EndlessSource(start, block)
    with pytest.raises(AgeFormatError, match="too large"):
        age.decrypt([IDENTITY], cast(BinaryIO, source), io.BytesIO())
    assert source.served <= age.MAX_HEADER_SIZE + 2 * len(block) + len(start)
