"""age v1 files (C2SP age specification) with X25519 recipients.

An age file is a text header that wraps a random 16-byte file key for each
recipient, closed by an HMAC over the header, followed by the payload
(``kzarchive.crypto.stream``).  Files written here are read by the reference
``age`` tool and the other way round; armor and passphrase (scrypt) files are not
handled.

Parsing is strict, as the specification requires: any deviation from the one
canonical encoding is an ``AgeFormatError``.  Decryption hands out plaintext only
chunk by chunk after each chunk authenticated.  If an error is raised part-way,
the plaintext already handed out is authentic but incomplete: a caller must treat
everything it received as untrusted and discard it (``decrypt`` writes into the
caller's sink, which then holds such an incomplete prefix).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, Final, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kzarchive.crypto import bech32
from kzarchive.crypto.stream import (
    CHUNK_SIZE,
    FILE_KEY_SIZE,
    PayloadWriter,
    iter_payload,
    plaintext_size,
)
from kzarchive.errors import BadInput, IntegrityError, KzError, NewerFormat

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

Progress = Callable[[int, int], None]

VERSION_LINE: Final = b"age-encryption.org/v1"
_VERSION_PREFIX: Final = b"age-encryption.org/"
_ARMOR_BEGIN: Final = b"-----BEGIN AGE ENCRYPTED FILE-----"
_X25519_INFO: Final = b"age-encryption.org/v1/X25519"
_RECIPIENT_HRP: Final = "age"
_IDENTITY_HRP: Final = "AGE-SECRET-KEY-"
_BODY_COLUMNS: Final = 64
_MAC_SIZE: Final = 32
# A header is a few hundred bytes per recipient; the cap only bounds memory on hostile input.
MAX_HEADER_SIZE: Final = 1024 * 1024
_BLOCK: Final = 16 * CHUNK_SIZE
_BASE64_ALPHABET: Final = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)


class AgeFormatError(IntegrityError):
    message_template = "This is not a valid age-encrypted file: {what}"


class HeaderMacError(AgeFormatError):
    message_template = "The header of the encrypted file was altered (its MAC does not match)."


class AgePayloadError(IntegrityError):
    message_template = "The encrypted content is damaged: {what}"


class UnsupportedAgeVersion(NewerFormat):
    message_template = "This encrypted file uses age format {found}; kzarchive reads {known}."


class NoMatchingIdentity(KzError):
    exit_code = 15
    message_template = "None of the available keys can open this encrypted file."
    hint_template = (
        "It was encrypted for someone else. Ask the sender to encrypt it for your age "
        "recipient (the age1... line on your contact card)."
    )


# --- keys -----------------------------------------------------------------------------


def _low_order(public: X25519PublicKey) -> bool:
    # Clamped scalars are multiples of 8, so a low-order point gives the all-zero
    # secret with any scalar; OpenSSL reports that as an error.
    try:
        secret = X25519PrivateKey.generate().exchange(public)
    except ValueError:
        return True
    return secret == bytes(32)


class X25519Recipient:
    """An age X25519 recipient (public key), text form ``age1...``."""

    __slots__ = ("_key",)

    def __init__(self, key: X25519PublicKey):
        if _low_order(key):
            raise BadInput(what="this age recipient is not a usable public key")
        self._key = key

    @classmethod
    def from_public_bytes(cls, data: bytes) -> X25519Recipient:
        if len(data) != 32:
            raise BadInput(what="an age recipient key is 32 bytes")
        return cls(X25519PublicKey.from_public_bytes(data))

    @classmethod
    def from_string(cls, text: str) -> X25519Recipient:
        hrp, data = bech32.decode(text.strip())
        if hrp != _RECIPIENT_HRP:
            raise BadInput(what="an age recipient starts with 'age1' (in lowercase)")
        if len(data) != 32:
            raise BadInput(what="the age recipient has the wrong length")
        return cls.from_public_bytes(data)

    def public_bytes(self) -> bytes:
        return self._key.public_bytes_raw()

    def to_string(self) -> str:
        return bech32.encode(_RECIPIENT_HRP, self.public_bytes())

    def _wrap(self, file_key: bytes) -> _Stanza:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        secret = ephemeral.exchange(self._key)
        wrap_key = _x25519_wrap_key(secret, share, self.public_bytes())
        body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
        return _Stanza(("X25519", _b64encode(share)), body)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other.public_bytes() == self.public_bytes()

    def __hash__(self) -> int:
        return hash(self.public_bytes())

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_string()!r})"


class X25519Identity:
    """An age X25519 identity (secret key), text form ``AGE-SECRET-KEY-1...``."""

    __slots__ = ("_key", "_public")

    def __init__(self, key: X25519PrivateKey):
        self._key = key
        self._public = key.public_key().public_bytes_raw()

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> X25519Identity:
        if len(data) != 32:
            raise BadInput(what="an age secret key is 32 bytes")
        return cls(X25519PrivateKey.from_private_bytes(data))

    @classmethod
    def from_string(cls, text: str) -> X25519Identity:
        hrp, data = bech32.decode(text.strip())
        if hrp != _IDENTITY_HRP:
            raise BadInput(what="an age secret key starts with 'AGE-SECRET-KEY-1' (in uppercase)")
        return cls.from_private_bytes(data)

    def private_bytes(self) -> bytes:
        return self._key.private_bytes_raw()

    def to_string(self) -> str:
        return bech32.encode(_IDENTITY_HRP, self.private_bytes(), upper=True)

    def recipient(self) -> X25519Recipient:
        return X25519Recipient.from_public_bytes(self._public)

    def _unwrap(self, stanza: _Stanza) -> bytes | None:
        """The file key if ``stanza`` (a checked X25519 stanza) is addressed to us."""
        share = _b64decode(stanza.args[1])
        try:
            secret = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            secret = bytes(32)
        if secret == bytes(32):
            raise AgeFormatError(what="a recipient stanza carries a low-order X25519 share")
        wrap_key = _x25519_wrap_key(secret, share, self._public)
        try:
            return ChaCha20Poly1305(wrap_key).decrypt(bytes(12), stanza.body, None)
        except InvalidTag:
            return None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Identity) and hmac.compare_digest(
            other.private_bytes(), self.private_bytes()
        )

    def __hash__(self) -> int:
        return hash(self._public)

    def __repr__(self) -> str:
        # Never the secret: only the public half identifies the object in logs.
        return f"X25519Identity(recipient={self.recipient().to_string()!r})"


def parse_identity_file(text: str) -> list[X25519Identity]:
    """Identities from an age key file (as written by ``age-keygen``): one key per
    line, blank lines and ``#`` comments ignored."""
    identities = [
        X25519Identity.from_string(line)
        for line in (raw.strip() for raw in text.splitlines())
        if line and not line.startswith("#")
    ]
    if not identities:
        raise BadInput(what="the key file contains no age secret key")
    return identities


def _x25519_wrap_key(secret: bytes, share: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=share + recipient, info=_X25519_INFO).derive(secret)


# --- header -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stanza:
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        lines = [b"-> " + " ".join(self.args).encode("ascii")]
        body = _b64encode(self.body).encode("ascii")
        # The body always ends with a line shorter than 64 columns, possibly empty.
        lines += [body[i : i + _BODY_COLUMNS] for i in range(0, len(body) + 1, _BODY_COLUMNS)]
        return b"\n".join(lines) + b"\n"


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _b64decode(text: str | bytes) -> bytes:
    """Strict unpadded base64: only the one canonical encoding is accepted."""
    raw = text.encode("ascii") if isinstance(text, str) else text
    if not set(raw) <= _BASE64_ALPHABET:
        raise AgeFormatError(what="invalid base64 in the header")
    try:
        decoded = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    except binascii.Error:
        raise AgeFormatError(what="invalid base64 in the header") from None
    if base64.b64encode(decoded).rstrip(b"=") != raw:
        raise AgeFormatError(what="non-canonical base64 in the header")
    return decoded


def _header_mac(file_key: bytes, header_up_to_mac: bytes) -> bytes:
    key = HKDF(hashes.SHA256(), 32, salt=b"", info=b"header").derive(file_key)
    return hmac.digest(key, header_up_to_mac, "sha256")


def header_for_file_key(file_key: bytes, recipients: Sequence[X25519Recipient]) -> bytes:
    """The age header (with its MAC) wrapping ``file_key`` for ``recipients``.

    Followed by a payload made under the same file key (such as a vault blob:
    nonce + STREAM), it forms a standard age file; the payload bytes are unchanged.
    """
    if len(file_key) != FILE_KEY_SIZE:
        raise ValueError("the age file key is 16 bytes")
    if not recipients:
        raise BadInput(what="at least one recipient is needed to encrypt")
    head = VERSION_LINE + b"\n" + b"".join(r._wrap(file_key).encode() for r in recipients)
    head += b"---"
    return head + b" " + _b64encode(_header_mac(file_key, head)).encode("ascii") + b"\n"


class _HeaderSource:
    """Reads header lines from a stream, keeping what it read beyond the header."""

    def __init__(self, source: BinaryIO):
        self._source = source
        self._buffer = bytearray()
        self.raw = bytearray()

    def line(self) -> bytes:
        """The next line without its LF."""
        start = 0
        while (end := self._buffer.find(b"\n", start)) < 0:
            start = len(self._buffer)
            if len(self.raw) + start > MAX_HEADER_SIZE:
                raise AgeFormatError(what="the header is too large")
            block = self._source.read(4096)
            if not block:
                raise AgeFormatError(what="the header is incomplete")
            self._buffer += block
        line = bytes(self._buffer[:end])
        self.raw += self._buffer[: end + 1]
        del self._buffer[: end + 1]
        return line

    def rest(self) -> bytes:
        return bytes(self._buffer)


class _Prefixed(io.RawIOBase):
    """``prefix`` followed by the rest of ``source``, as one stream."""

    def __init__(self, prefix: bytes, source: BinaryIO):
        self._prefix = prefix
        self._source = source

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            cut = len(self._prefix) if size < 0 else size
            piece, self._prefix = self._prefix[:cut], self._prefix[cut:]
            return piece
        return self._source.read(size)


def _is_vchar_text(raw: bytes) -> bool:
    return bool(raw) and all(0x21 <= byte <= 0x7E for byte in raw)


def _parse_stanza(arg_line: bytes, header: _HeaderSource) -> _Stanza:
    raw_args = arg_line[3:].split(b" ")
    if not all(_is_vchar_text(arg) for arg in raw_args):
        raise AgeFormatError(what="a recipient stanza has a malformed argument line")
    body_lines = []
    while True:
        line = header.line()
        if len(line) > _BODY_COLUMNS or not set(line) <= _BASE64_ALPHABET:
            raise AgeFormatError(what="a recipient stanza has a malformed body line")
        body_lines.append(line)
        if len(line) < _BODY_COLUMNS:
            break
    return _Stanza(tuple(a.decode("ascii") for a in raw_args), _b64decode(b"".join(body_lines)))


def _parse_header(header: _HeaderSource) -> tuple[list[_Stanza], bytes, bytes]:
    """Returns (stanzas, header bytes covered by the MAC, MAC)."""
    version = header.line()
    if version != VERSION_LINE:
        if version.startswith(_ARMOR_BEGIN):
            raise AgeFormatError(what="it is ASCII-armored; remove the armor with 'age -d'")
        found = version[len(_VERSION_PREFIX) :]
        if not version.startswith(_VERSION_PREFIX) or not _is_vchar_text(found):
            raise AgeFormatError(what="it does not start with an age header")
        raise UnsupportedAgeVersion(what="encrypted file", found=found[:20].decode(), known="v1")
    stanzas = []
    while True:
        line = header.line()
        if line.startswith(b"-> "):
            stanzas.append(_parse_stanza(line, header))
        elif line.startswith(b"---"):
            break
        else:
            raise AgeFormatError(what="the header contains an unexpected line")
    covered = bytes(header.raw[: len(header.raw) - len(line) - 1 + 3])
    if not line.startswith(b"--- ") or len(line) != 4 + 43:
        raise AgeFormatError(what="the header MAC line is malformed")
    mac = _b64decode(line[4:])
    if not stanzas:
        raise AgeFormatError(what="the header has no recipients")
    _check_stanzas(stanzas)
    return stanzas, covered, mac


def _check_stanzas(stanzas: list[_Stanza]) -> None:
    if any(s.args[0] == "scrypt" for s in stanzas) and len(stanzas) > 1:
        raise AgeFormatError(what="a passphrase (scrypt) stanza must be the only one")
    for stanza in stanzas:
        if stanza.args[0] != "X25519":
            continue  # other recipient types are for other identities
        if len(stanza.args) != 2 or len(_b64decode(stanza.args[1])) != 32:
            raise AgeFormatError(what="an X25519 recipient stanza is malformed")
        # The length is checked before any decryption (partitioning oracle attacks).
        if len(stanza.body) != FILE_KEY_SIZE + 16:
            raise AgeFormatError(what="an X25519 recipient stanza has a body of the wrong size")


def _unwrap_file_key(stanzas: list[_Stanza], identities: Sequence[X25519Identity]) -> bytes:
    for stanza in stanzas:
        if stanza.args[0] != "X25519":
            continue
        for identity in identities:
            file_key = identity._unwrap(stanza)
            if file_key is not None:
                return file_key
    if stanzas[0].args[0] == "scrypt":
        raise NoMatchingIdentity(
            "This encrypted file is protected by a passphrase, not by a key.",
            hint="Open it with the age tool ('age -d'); kzarchive only uses keys.",
        )
    raise NoMatchingIdentity()


def _open(identities: Sequence[X25519Identity], source: BinaryIO) -> tuple[bytes, BinaryIO, int]:
    """Reads and authenticates the header: (file key, payload stream, header size)."""
    if not identities:
        raise BadInput(what="at least one key is needed to decrypt")
    header = _HeaderSource(source)
    stanzas, covered, mac = _parse_header(header)
    file_key = _unwrap_file_key(stanzas, identities)
    if not hmac.compare_digest(_header_mac(file_key, covered), mac):
        raise HeaderMacError()
    # The payload reader only calls read(n), which _Prefixed provides.
    payload = cast(BinaryIO, _Prefixed(header.rest(), source))
    return file_key, payload, len(header.raw)


def _authenticated_chunks(file_key: bytes, payload: BinaryIO) -> Iterator[bytes]:
    try:
        yield from iter_payload(file_key, payload)
    except AgePayloadError:
        raise
    except IntegrityError as error:
        raise AgePayloadError(what=error.fields.get("what", "it does not authenticate")) from None


def _remaining_size(source: BinaryIO) -> int | None:
    try:
        if not source.seekable():
            return None
        here = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(here)
    except (OSError, ValueError):
        return None
    return end - here


# --- public operations ---------------------------------------------------------------


class AgeWriter:
    """Streams an age file into ``sink``: ``write()`` pieces, then ``finish()``.

    Used as a context manager, the file is finished only when the block ends
    without an exception; otherwise the output stays incomplete, and any reader
    rejects it as truncated.
    """

    def __init__(self, recipients: Sequence[X25519Recipient], sink: BinaryIO):
        file_key = os.urandom(FILE_KEY_SIZE)
        sink.write(header_for_file_key(file_key, recipients))
        self._payload = PayloadWriter(file_key, sink)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._payload.write(data)
        return len(data)

    def finish(self) -> None:
        self._payload.finish()

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.finish()


def encrypt(
    recipients: Sequence[X25519Recipient],
    source: BinaryIO,
    sink: BinaryIO,
    progress: Progress | None = None,
) -> None:
    """Encrypts all of ``source`` for ``recipients`` into ``sink`` as an age file."""
    total = _remaining_size(source) or 0
    done = 0
    with AgeWriter(recipients, sink) as writer:
        while block := source.read(_BLOCK):
            writer.write(block)
            done += len(block)
            if progress is not None:
                progress(done, max(total, done))


def decrypt(
    identities: Sequence[X25519Identity],
    source: BinaryIO,
    sink: BinaryIO,
    progress: Progress | None = None,
) -> None:
    """Decrypts the age file in ``source`` into ``sink``.

    Raises NoMatchingIdentity, AgeFormatError (header) or AgePayloadError.  After
    an error, ``sink`` holds an incomplete plaintext that must be discarded.
    """
    remaining = _remaining_size(source)
    file_key, payload, header_size = _open(identities, source)
    total = 0
    if remaining is not None:
        try:
            total = plaintext_size(remaining - header_size)
        except IntegrityError:
            total = 0  # the damage is reported by the payload reader below
    done = 0
    for chunk in _authenticated_chunks(file_key, payload):
        sink.write(chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, max(total, done))


class AgeReader(io.RawIOBase):
    """The plaintext of an age file, read front to back (e.g. by ``tarfile`` "r|").

    Each chunk is released only after it authenticated; once an error was raised,
    every further read raises it again.
    """

    def __init__(self, file_key: bytes, payload: BinaryIO):
        self._chunks = _authenticated_chunks(file_key, payload)
        self._current = memoryview(b"")
        self._error: KzError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self._error is not None:
            raise self._error
        while not self._current:
            try:
                self._current = memoryview(next(self._chunks))
            except StopIteration:
                return 0
            except KzError as error:
                self._error = error
                raise
        target = memoryview(buffer).cast("B")
        count = min(len(target), len(self._current))
        target[:count] = self._current[:count]
        self._current = self._current[count:]
        return count


def open_decrypting_reader(identities: Sequence[X25519Identity], source: BinaryIO) -> AgeReader:
    """Checks the header now and returns a reader over the plaintext.

    A caller that gets an exception while reading must treat all it read so far
    as untrusted.
    """
    file_key, payload, _ = _open(identities, source)
    return AgeReader(file_key, payload)
