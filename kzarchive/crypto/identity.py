"""The vault identity: one Ed25519 signing key and one X25519 (age) key.

People exchange the public half as a contact card and confirm it out of band by
its fingerprint: 60 decimal digits derived only from the two public keys, so
both sides compute the same number (docs/formats.md, "Fingerprint" and "Contact
card").
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kzarchive.crypto import minisign
from kzarchive.crypto.age import X25519Identity, X25519Recipient
from kzarchive.errors import BadInput, IntegrityError, NewerFormat

KEY_SIZE: Final = 32
FINGERPRINT_VERSION: Final = 1
FINGERPRINT_ITERATIONS: Final = 5200
_FINGERPRINT_LABEL: Final = b"kzarchive fingerprint"
_FINGERPRINT_GROUPS: Final = 12
_GROUP_BYTES: Final = 5

_SECRET_MAGIC: Final = b"KZID"
_SECRET_VERSION: Final = 1
_SECRET_SIZE: Final = len(_SECRET_MAGIC) + 1 + 2 * KEY_SIZE

CARD_FIRST_LINE: Final = "kzarchive-contact-card v1"
_CARD_VERSION_PREFIX: Final = "kzarchive-contact-card v"
_CARD_FIELDS: Final = ("name", "age-recipient", "minisign-public-key", "fingerprint")
_MAX_CARD_SIZE: Final = 4096
_MAX_NAME_LENGTH: Final = 200
# Bidirectional overrides and isolates can make a name display as another name.
_BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")



class InvalidContactCard(BadInput):
    message_template = "This is not a valid kzarchive contact card: {what}"
    hint_template = "Ask the contact to send their contact card file again, unchanged."


class ContactCardMismatch(IntegrityError):
    message_template = "The fingerprint printed on this contact card does not match its keys."
    hint_template = (
        "The card was altered. Do not use it: get a new card from the contact and "
        "compare the fingerprint with them in person or by phone."
    )


def fingerprint(ed25519_public: bytes, x25519_public: bytes) -> str:
    """The 60-digit fingerprint of a pair of public keys, in 12 groups of 5.

    In the manner of Signal's safety numbers: SHA-512 iterated 5200 times over the
    previous digest and both keys; each group is 5 bytes of the final digest, read
    big-endian, modulo 100000.
    """
    if len(ed25519_public) != KEY_SIZE or len(x25519_public) != KEY_SIZE:
        raise ValueError("both public keys are 32 bytes")
    keys = ed25519_public + x25519_public
    digest = FINGERPRINT_VERSION.to_bytes(2, "big") + _FINGERPRINT_LABEL + keys
    for _ in range(FINGERPRINT_ITERATIONS):
        digest = hashlib.sha512(digest + keys).digest()
    groups = (
        int.from_bytes(digest[i * _GROUP_BYTES : (i + 1) * _GROUP_BYTES], "big") % 100000
        for i in range(_FINGERPRINT_GROUPS)
    )
    return " ".join(f"{group:05d}" for group in groups)


def normalize_fingerprint(text: str) -> str:
    """A fingerprint typed or read aloud (any spacing) in its printed form."""
    digits = "".join(text.split())
    if len(digits) != _FINGERPRINT_GROUPS * 5 or not (digits.isascii() and digits.isdigit()):
        raise BadInput(what="a fingerprint is 60 digits")
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


def _ed25519_from_minisign_line(text: str) -> bytes:
    try:
        key = minisign.PublicKey.from_string(text)
    except BadInput as error:
        reason = error.fields.get("what", error.message)
        raise InvalidContactCard(what=f"the minisign public key is refused: {reason}") from None
    # Only our own form is accepted: one canonical line, the key id derived from the key.
    expected = minisign.PublicKey(minisign.key_id_for(key.ed25519_public), key.ed25519_public)
    if key != expected or key.to_base64() != text:
        raise InvalidContactCard(what="the minisign public key is not in kzarchive's form")
    return key.ed25519_public


@dataclass(frozen=True)
class PublicIdentity:
    """The public half of a vault identity, as exchanged with contacts."""

    ed25519_public: bytes
    x25519_public: bytes

    def __post_init__(self) -> None:
        if len(self.ed25519_public) != KEY_SIZE:
            raise BadInput(what="an Ed25519 public key is 32 bytes")
        X25519Recipient.from_public_bytes(self.x25519_public)  # rejects unusable keys

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.ed25519_public, self.x25519_public)

    @property
    def age_recipient(self) -> str:
        return self.x25519_recipient.to_string()

    @property
    def x25519_recipient(self) -> X25519Recipient:
        return X25519Recipient.from_public_bytes(self.x25519_public)

    @property
    def ed25519_public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.ed25519_public)

    def minisign_public_key(self) -> minisign.PublicKey:
        """The signing key as a minisign public key (for signature checks, sender.pub)."""
        return minisign.PublicKey(minisign.key_id_for(self.ed25519_public), self.ed25519_public)

    @property
    def minisign_public_key_base64(self) -> str:
        """The standard minisign public key line (``RW...``)."""
        return self.minisign_public_key().to_base64()


class Identity:
    """A vault's secret keys; ``to_secret_bytes`` is the form stored in the database."""

    __slots__ = ("_age", "_public", "_signing")

    def __init__(self, signing_key: Ed25519PrivateKey, age_identity: X25519Identity):
        self._signing = signing_key
        self._age = age_identity
        self._public = PublicIdentity(
            signing_key.public_key().public_bytes_raw(),
            age_identity.recipient().public_bytes(),
        )

    @classmethod
    def generate(cls) -> Identity:
        return cls(Ed25519PrivateKey.generate(), X25519Identity.generate())

    @classmethod
    def from_secret_bytes(cls, data: bytes) -> Identity:
        """Reads the stored form: ``KZID``, a version byte, the Ed25519 seed, the X25519 key."""
        if data[: len(_SECRET_MAGIC)] != _SECRET_MAGIC:
            raise IntegrityError(what="the stored vault identity is damaged")
        version = data[len(_SECRET_MAGIC)] if len(data) > len(_SECRET_MAGIC) else None
        if version is not None and version > _SECRET_VERSION:
            raise NewerFormat(what="vault identity", found=version, known=_SECRET_VERSION)
        if version != _SECRET_VERSION or len(data) != _SECRET_SIZE:
            raise IntegrityError(what="the stored vault identity is damaged")
        seed_start = len(_SECRET_MAGIC) + 1
        seed = data[seed_start : seed_start + KEY_SIZE]
        return cls(
            Ed25519PrivateKey.from_private_bytes(seed),
            X25519Identity.from_private_bytes(data[seed_start + KEY_SIZE :]),
        )

    def to_secret_bytes(self) -> bytes:
        return (
            _SECRET_MAGIC
            + bytes([_SECRET_VERSION])
            + self._signing.private_bytes_raw()
            + self._age.private_bytes()
        )

    @property
    def public(self) -> PublicIdentity:
        return self._public

    @property
    def fingerprint(self) -> str:
        return self._public.fingerprint

    @property
    def age_identity(self) -> X25519Identity:
        return self._age

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        """The Ed25519 private key that signs bundles and checkpoints."""
        return self._signing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and hmac.compare_digest(
            other.to_secret_bytes(), self.to_secret_bytes()
        )

    def __hash__(self) -> int:
        return hash(self._public)

    def __repr__(self) -> str:
        return f"Identity(fingerprint={self.fingerprint!r})"


def _check_name(name: str) -> None:
    if not name or name != name.strip() or len(name) > _MAX_NAME_LENGTH:
        raise InvalidContactCard(what="the name is empty, too long or has spaces around it")
    if name != unicodedata.normalize("NFC", name):
        raise InvalidContactCard(what="the name is not in normalized (NFC) form")
    for char in name:
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):
            raise InvalidContactCard(what="the name contains a control character")
        if char in _BIDI_CONTROLS:
            raise InvalidContactCard(what="the name contains a text-direction override")


@dataclass(frozen=True)
class ContactCard:
    """A person's name and public identity, as a small UTF-8 text file."""

    name: str
    identity: PublicIdentity

    def __post_init__(self) -> None:
        _check_name(self.name)

    @property
    def fingerprint(self) -> str:
        return self.identity.fingerprint

    def to_text(self) -> str:
        return (
            f"{CARD_FIRST_LINE}\n"
            f"name: {self.name}\n"
            f"age-recipient: {self.identity.age_recipient}\n"
            f"minisign-public-key: {self.identity.minisign_public_key_base64}\n"
            f"fingerprint: {self.identity.fingerprint}\n"
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> ContactCard:
        if len(data) > _MAX_CARD_SIZE:
            raise InvalidContactCard(what="the file is far too large for a contact card")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidContactCard(what="the file is not UTF-8 text") from None
        return cls.from_text(text)

    @classmethod
    def from_text(cls, text: str) -> ContactCard:
        """Parses a card strictly; raises ContactCardMismatch if its fingerprint is wrong."""
        if len(text) > _MAX_CARD_SIZE:
            raise InvalidContactCard(what="the text is far too large for a contact card")
        # Cards travel by mail and chat: tolerate a byte-order mark, CRLF line ends
        # and a missing final newline, nothing else.
        lines = text.removeprefix("\ufeff").replace("\r\n", "\n").removesuffix("\n").split("\n")
        version = lines[0].removeprefix(_CARD_VERSION_PREFIX)
        if lines[0] != CARD_FIRST_LINE and version.isascii() and version.isdigit():
            raise NewerFormat(what="contact card", found=f"v{version[:10]}", known="v1")
        if lines[0] != CARD_FIRST_LINE:
            raise InvalidContactCard(what=f"the first line must be '{CARD_FIRST_LINE}'")
        if len(lines) != 1 + len(_CARD_FIELDS):
            raise InvalidContactCard(what="the card must have exactly five lines")
        values = {}
        for field, line in zip(_CARD_FIELDS, lines[1:], strict=True):
            prefix = f"{field}: "
            if not line.startswith(prefix):
                raise InvalidContactCard(what=f"expected the '{field}:' line")
            values[field] = line[len(prefix) :]
        ed25519_public = _ed25519_from_minisign_line(values["minisign-public-key"])
        try:
            recipient = X25519Recipient.from_string(values["age-recipient"])
        except BadInput:
            recipient = None
        if recipient is None or recipient.to_string() != values["age-recipient"]:
            raise InvalidContactCard(what="the age recipient is not a valid age1... key")
        card = cls(values["name"], PublicIdentity(ed25519_public, recipient.public_bytes()))
        if values["fingerprint"] != card.fingerprint:
            raise ContactCardMismatch()
        return card
