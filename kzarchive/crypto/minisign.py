"""minisign public keys and signatures, readable and checkable by minisign 0.11+.

A partner with nothing but the minisign tool must be able to check what
kzarchive signs (DESIGN.md, "Bundle"), so the files follow minisign exactly:

    public key file   untrusted comment: <text>
                      base64("Ed" || key id (8) || Ed25519 public key (32))

    signature file    untrusted comment: <text>
                      base64("ED" || key id (8) || Ed25519(BLAKE2b-512(message)) (64))
                      trusted comment: <text>
                      base64(Ed25519(signature (64) || trusted comment bytes))

Only the prehashed algorithm "ED" is produced, so a message of any size is
streamed through BLAKE2b.  The legacy algorithm "Ed" (the message itself is
signed) is still accepted by default, because ``minisign -V`` accepts it too;
a caller whose format names "ED" (a bundle) passes ``prehashed_only`` and gets
``LegacySignature`` for anything else.

Our keys are derived from the vault identity, so the 8-byte key id is derived
as well (``key_id_for``) instead of drawn at random as minisign does.  A key id
only tells two keys apart in an error message; it is not a fingerprint and
trust never rests on it.

Limits are minisign's own (it reads each line into a fixed buffer): a longer
comment would produce a file that minisign refuses, so we refuse it first.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kzarchive.errors import BadInput, IntegrityError, MissingFile

KEY_ID_SIZE = 8
PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64
PREHASHED = b"ED"
LEGACY = b"Ed"
DEFAULT_UNTRUSTED_COMMENT = "signature from kzarchive"

_KEY_ID_CONTEXT = b"kzarchive minisign key id"
_UNTRUSTED_PREFIX = "untrusted comment: "
_TRUSTED_PREFIX = "trusted comment: "
# minisign reads these lines with fgets() into 1024- and 8192-byte buffers; the
# line, its prefix and its newline must fit, with one byte left for the NUL.
_MAX_UNTRUSTED_LINE = 1023
_MAX_TRUSTED_LINE = 8191
_MAX_SIGNATURE_FILE = 16 * 1024
# A legacy signature covers the message itself, which Ed25519 cannot stream.
_MAX_LEGACY_MESSAGE = 64 * 1024 * 1024
_READ_SIZE = 1024 * 1024
_FIELD_PRIME = 2**255 - 19


class SignatureError(IntegrityError):
    """A minisign signature did not verify; the subclass says why."""

    message_template = "Signature check failed: {what}"
    hint_template = (
        "Do not trust this file as signed. Keep it as it is and ask the sender "
        "for a new copy, or check that you chose the right sender."
    )


class MalformedSignature(SignatureError):
    """The signature file is not a well-formed minisign signature."""


class WrongSigningKey(SignatureError):
    """The signature names another key id than the key it was checked with."""

    hint_template = (
        "Check that you chose the right sender. A file signed by someone else "
        "must not be trusted as coming from this sender."
    )


class BadSignature(SignatureError):
    """The Ed25519 signature over the message does not verify."""


class BadTrustedComment(SignatureError):
    """The signature over the trusted comment does not verify."""


class LegacySignature(SignatureError):
    """A legacy "Ed" signature where the format allows only the prehashed "ED" form."""


def key_id_for(ed25519_public: bytes) -> bytes:
    """The 8-byte minisign key id of one of our keys: a label, not a fingerprint."""
    if len(ed25519_public) != PUBLIC_KEY_SIZE:
        raise ValueError("an Ed25519 public key is 32 bytes")
    digest = hashlib.blake2b(_KEY_ID_CONTEXT + ed25519_public, digest_size=32).digest()
    return digest[:KEY_ID_SIZE]


def key_id_hex(key_id: bytes) -> str:
    """A key id as minisign prints it: the bytes read as a little-endian integer."""
    return key_id[::-1].hex().upper()


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    ed25519_public: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_SIZE or len(self.ed25519_public) != PUBLIC_KEY_SIZE:
            raise ValueError("a minisign key id is 8 bytes and its public key 32 bytes")

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)

    @classmethod
    def from_string(cls, text: str) -> PublicKey:
        """Reads a minisign public key: the two-line .pub file or its base64 line alone."""
        lines = [line.removesuffix("\r") for line in text.strip().split("\n")]
        if len(lines) == 2 and lines[0].startswith(_UNTRUSTED_PREFIX):
            encoded = lines[1]
        elif len(lines) == 1:
            encoded = lines[0]
        else:
            raise _bad_public_key("expected a comment line and a key line, or a key line alone")
        try:
            raw = _strict_b64decode(encoded.encode("ascii"))
        except (UnicodeEncodeError, ValueError):
            raise _bad_public_key("the key line is not valid base64") from None
        if len(raw) != 2 + KEY_ID_SIZE + PUBLIC_KEY_SIZE:
            raise _bad_public_key("the key has the wrong length")
        if raw[:2] != LEGACY:
            raise _bad_public_key("the key is not an Ed25519 minisign key")
        if _is_weak_point(raw[2 + KEY_ID_SIZE :]):
            raise _bad_public_key("the key is a weak key that anyone could sign with")
        return cls(raw[2 : 2 + KEY_ID_SIZE], raw[2 + KEY_ID_SIZE :])

    def to_base64(self) -> str:
        return base64.b64encode(LEGACY + self.key_id + self.ed25519_public).decode("ascii")

    def to_file_text(self, untrusted_comment: str | None = None) -> str:
        comment = untrusted_comment
        if comment is None:
            comment = f"minisign public key {self.key_id_hex}"
        _check_comment(comment, "untrusted comment", _UNTRUSTED_PREFIX, _MAX_UNTRUSTED_LINE)
        return f"{_UNTRUSTED_PREFIX}{comment}\n{self.to_base64()}\n"

    def verify(
        self,
        signature_text: str | bytes,
        message: bytes | BinaryIO,
        *,
        prehashed_only: bool = False,
    ) -> str:
        """Checks a minisign signature of ``message``; returns its trusted comment.

        Raises a ``SignatureError`` subclass naming what failed.  ``message`` may
        be a binary stream, read to its end in pieces.  With ``prehashed_only``
        a legacy "Ed" signature raises ``LegacySignature`` before any key is tried,
        so the reason is named whichever key the caller expected.
        """
        if isinstance(signature_text, str):
            signature_text = signature_text.encode("utf-8")
        parsed = _parse_signature(signature_text)
        if prehashed_only and parsed.algorithm != PREHASHED:
            raise LegacySignature(
                what='it uses minisign\'s legacy algorithm "Ed"; this format accepts only '
                'the prehashed "ED" signatures that kzarchive and minisign 0.8+ make'
            )
        if parsed.key_id != self.key_id:
            found, expected = key_id_hex(parsed.key_id), self.key_id_hex
            raise WrongSigningKey(
                what=f"the file was signed with another key (key id {found}, expected {expected})",
                found=found,
                expected=expected,
            )
        if _is_weak_point(self.ed25519_public):
            raise SignatureError(what="the public key is a weak key that anyone could sign with")
        prehashed = parsed.algorithm == PREHASHED
        signed = _blake2b_512(message) if prehashed else _whole_message(message)
        if not _ed25519_verifies(self.ed25519_public, parsed.signature, signed):
            raise BadSignature(
                what="the signature does not match the file; the file or its signature was altered"
            )
        signed_comment = parsed.signature + parsed.trusted_comment
        if not _ed25519_verifies(self.ed25519_public, parsed.global_signature, signed_comment):
            raise BadTrustedComment(what="the signed comment (trusted comment) was altered")
        return parsed.trusted_comment.decode("utf-8")

    def verify_file(
        self, signature_path: str | os.PathLike[str], path: str | os.PathLike[str]
    ) -> str:
        """Checks the signature file at ``signature_path`` for the file at ``path``."""
        signature_text = _read_signature_file(signature_path)
        try:
            message = open(path, "rb")  # noqa: SIM115 -- closed below; opening is what may fail
        except FileNotFoundError:
            raise MissingFile(path=os.fspath(path)) from None
        with message:
            return self.verify(signature_text, message)


def public_key_for(private_key: Ed25519PrivateKey) -> PublicKey:
    public = private_key.public_key().public_bytes_raw()
    return PublicKey(key_id_for(public), public)


def sign(
    private_key: Ed25519PrivateKey,
    message: bytes | BinaryIO,
    trusted_comment: str,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> str:
    """The text of a minisign signature file ("ED", prehashed) for ``message``.

    The trusted comment is signed; the untrusted comment is not, and anyone
    may change it.  Both must be one printable line.
    """
    trusted = _check_comment(trusted_comment, "trusted comment", _TRUSTED_PREFIX, _MAX_TRUSTED_LINE)
    _check_comment(untrusted_comment, "untrusted comment", _UNTRUSTED_PREFIX, _MAX_UNTRUSTED_LINE)
    key = public_key_for(private_key)
    signature = private_key.sign(_blake2b_512(message))
    global_signature = private_key.sign(signature + trusted)
    return (
        f"{_UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{_b64(PREHASHED + key.key_id + signature)}\n"
        f"{_TRUSTED_PREFIX}{trusted_comment}\n"
        f"{_b64(global_signature)}\n"
    )


def secret_key_file_text(
    private_key: Ed25519PrivateKey, untrusted_comment: str = "minisign secret key"
) -> str:
    """The key as an UNENCRYPTED minisign secret key file (as ``minisign -G -W`` writes).

    The text holds the secret key in clear.  It exists so that the minisign
    tool can sign with one of our keys; never write it outside the vault
    unless the person asked for exactly that.
    """
    _check_comment(untrusted_comment, "untrusted comment", _UNTRUSTED_PREFIX, _MAX_UNTRUSTED_LINE)
    seed = private_key.private_bytes_raw()
    key = public_key_for(private_key)
    # libsodium's 64-byte secret key is the seed followed by the public key.
    keypair = seed + key.ed25519_public
    checksum = hashlib.blake2b(LEGACY + key.key_id + keypair, digest_size=32).digest()
    no_kdf = b"\x00\x00" + b"B2" + bytes(32) + bytes(8) + bytes(8)
    raw = LEGACY + no_kdf + key.key_id + keypair + checksum
    return f"{_UNTRUSTED_PREFIX}{untrusted_comment}\n{_b64(raw)}\n"


@dataclass(frozen=True)
class _ParsedSignature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: bytes
    global_signature: bytes


def _parse_signature(data: bytes) -> _ParsedSignature:
    if len(data) > _MAX_SIGNATURE_FILE:
        raise _malformed("it is far too large to be a signature")
    lines = data.split(b"\n")
    # Four lines; the last newline is optional, as for minisign. Blank lines may follow.
    if len(lines) < 4 or any(rest.strip(b"\r") for rest in lines[4:]):
        raise _malformed("it does not have the four lines of a minisign signature")
    untrusted, encoded_signature, trusted, encoded_global = (
        _without_carriage_return(line) for line in lines[:4]
    )
    if len(lines[0]) + 1 > _MAX_UNTRUSTED_LINE:
        raise _malformed("the untrusted comment is too long")
    if not untrusted.startswith(_UNTRUSTED_PREFIX.encode()):
        raise _malformed("the first line is not an untrusted comment")
    if b"\x00" in untrusted:
        # minisign reads lines as C strings: a NUL would cut the line short.
        raise _malformed("the untrusted comment contains a NUL byte")
    if not trusted.startswith(_TRUSTED_PREFIX.encode()):
        raise _malformed("the third line is not a trusted comment")
    if len(lines[2]) + 1 > _MAX_TRUSTED_LINE:
        raise _malformed("the trusted comment is too long")
    trusted_comment = trusted[len(_TRUSTED_PREFIX) :]
    if not _is_printable(trusted_comment):
        raise _malformed("the trusted comment contains unprintable characters")
    try:
        signature_struct = _strict_b64decode(encoded_signature)
        global_signature = _strict_b64decode(encoded_global)
    except ValueError:
        raise _malformed("a signature line is not valid base64") from None
    if len(signature_struct) != 2 + KEY_ID_SIZE + SIGNATURE_SIZE:
        raise _malformed("the signature line has the wrong length")
    if len(global_signature) != SIGNATURE_SIZE:
        raise _malformed("the comment signature line has the wrong length")
    algorithm = signature_struct[:2]
    if algorithm not in (PREHASHED, LEGACY):
        raise _malformed("unknown signature algorithm")
    return _ParsedSignature(
        algorithm=algorithm,
        key_id=signature_struct[2 : 2 + KEY_ID_SIZE],
        signature=signature_struct[2 + KEY_ID_SIZE :],
        trusted_comment=trusted_comment,
        global_signature=global_signature,
    )


def _malformed(detail: str) -> MalformedSignature:
    return MalformedSignature(what=f"the signature file is damaged ({detail})")


def _ed25519_verifies(public: bytes, signature: bytes, message: bytes) -> bool:
    # libsodium, and so minisign, refuses a small-order R; OpenSSL does not.
    if _is_weak_point(signature[:32]):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _is_weak_point(encoded: bytes) -> bool:
    """True for an encoding libsodium refuses: not canonical, or a point of small order.

    Under a small-order public key, signatures that verify for any message
    are trivial to make, without any secret.
    """
    y = int.from_bytes(encoded, "little") & ((1 << 255) - 1)
    return y >= _FIELD_PRIME or y in _SMALL_ORDER_Y


def _small_order_y() -> frozenset[int]:
    # The eight torsion points of edwards25519 have y in {1, -1, 0} (orders 1, 2, 4)
    # or, for order 8, y**2 = (-1 ± sqrt(1 + d)) / d, from doubling onto y = 0.
    p = _FIELD_PRIME
    d = -121665 * pow(121666, -1, p) % p
    inverse_d = pow(d, -1, p)
    values = {0, 1, p - 1}
    root = _sqrt_mod_p(1 + d)
    if root is None:  # never for edwards25519; refuse to run with a short list
        raise ArithmeticError("edwards25519 constants are wrong")
    for y_squared in ((root - 1) * inverse_d, (-root - 1) * inverse_d):
        y = _sqrt_mod_p(y_squared)
        if y is not None:
            values |= {y, p - y}
    return frozenset(values)


def _sqrt_mod_p(value: int) -> int | None:
    p = _FIELD_PRIME
    value %= p
    candidate = pow(value, (p + 3) // 8, p)
    if candidate * candidate % p != value:
        candidate = candidate * pow(2, (p - 1) // 4, p) % p
    return candidate if candidate * candidate % p == value else None


def _without_carriage_return(line: bytes) -> bytes:
    line = line.removesuffix(b"\r")
    if b"\r" in line:
        raise _malformed("a line contains a stray carriage return")
    return line


def _is_printable(text: bytes) -> bool:
    """minisign's rule for trusted comments: valid UTF-8, tab allowed, no control codes."""
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch == "\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in decoded)


def _check_comment(comment: str, what: str, prefix: str, max_line: int) -> bytes:
    encoded = comment.encode("utf-8")
    if not _is_printable(encoded):
        raise BadInput(what=f"the {what} must be one line of printable text")
    if len(prefix) + len(encoded) + 1 > max_line:
        raise BadInput(what=f"the {what} is too long for minisign")
    return encoded


def _strict_b64decode(encoded: bytes) -> bytes:
    """Decodes base64, refusing any other spelling than the canonical one.

    Unused low bits of the last character would otherwise let a changed
    file decode to the same bytes.
    """
    try:
        raw = base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise ValueError("not base64") from error
    if base64.b64encode(raw) != encoded:
        raise ValueError("not canonical base64")
    return raw


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _blake2b_512(message: bytes | BinaryIO) -> bytes:
    hasher = hashlib.blake2b(digest_size=64)
    if isinstance(message, bytes | bytearray | memoryview):
        hasher.update(message)
    else:
        while block := message.read(_READ_SIZE):
            hasher.update(block)
    return hasher.digest()


def _whole_message(message: bytes | BinaryIO) -> bytes:
    if isinstance(message, bytes | bytearray | memoryview):
        data = bytes(message)
    else:
        pieces = bytearray()
        while len(pieces) <= _MAX_LEGACY_MESSAGE and (block := message.read(_READ_SIZE)):
            pieces += block
        data = bytes(pieces)
    if len(data) > _MAX_LEGACY_MESSAGE:
        raise SignatureError(
            what="the file carries an old-style (legacy) minisign signature and is too "
            "large to check that way",
            hint="Ask the sender to sign it again with a current minisign or kzarchive.",
        )
    return data


def _read_signature_file(signature_path: str | os.PathLike[str]) -> bytes:
    try:
        with open(signature_path, "rb") as handle:
            return handle.read(_MAX_SIGNATURE_FILE + 1)
    except FileNotFoundError:
        raise MissingFile(path=os.fspath(signature_path)) from None


def _bad_public_key(why: str) -> BadInput:
    return BadInput(
        what=f"this is not a minisign public key: {why}",
        hint="Copy the whole public key again, exactly as the sender gave it.",
    )


_SMALL_ORDER_Y = _small_order_y()
