"""Partner receipts (``.kzr``): a signed "received and verified" for a bundle's sender.

The format is a contract (docs/bundle-format.md, "Receipts"): an age file for the
sender's X25519 key whose plaintext is

    kzarchive-receipt v1\\n
    a minisign signature file ("ED"), four lines, over the body below
    the body: canonical JSON (bundle id, tag-manifest hash, verdict, counts, ...)

Encryption keeps who received what from anyone but the sender; it proves nothing
about the author, since anyone may encrypt to a public key.  So the signature is
checked before a single byte of the body is parsed, and every byte of the plaintext
is fixed or signed: the untrusted comment of minisign, which is not signed, must be
our fixed text.  This module knows no vault: the caller gives the keys to open with
and the public identities that may have signed; what a receipt may claim about this
vault's exports is checked by the service (``service/receipts.py``).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from kzarchive.bundle.fields import is_fingerprint
from kzarchive.bundle.jsontext import JsonBudget, strict_json
from kzarchive.crypto import age, minisign
from kzarchive.crypto.age import X25519Identity, X25519Recipient
from kzarchive.crypto.identity import Identity, PublicIdentity
from kzarchive.errors import IntegrityError, KzError, NewerFormat
from kzarchive.util.canonical import canonical_json

FILE_SUFFIX = ".kzr"
FORMAT = "kzarchive-receipt"
VERSION = 1
MAGIC = b"kzarchive-receipt v1\n"
UNTRUSTED_COMMENT = "kzarchive receipt"
TRUSTED_COMMENT = "kzarchive receipt v1"
VERDICTS = ("verified", "verified_with_warnings")

# docs/bundle-format.md, "Receipts", states these; docs/decisions.md says why.
MAX_TOKEN = 32 * 1024  # a timestamp token (RFC 3161 TimeStampResp), as raw bytes
MAX_PLAINTEXT = 64 * 1024
MAX_FILE = 80 * 1024  # the age file: the plaintext, one or two chunk tags and a header
_SIGNATURE_LINES = 4
_MAX_COUNT = 2**53  # counts stay exact in every JSON reader

_BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
# One spelling per version (no leading zeros), so that no byte of the line goes unchecked.
_MAGIC_LINE = re.compile(rb"kzarchive-receipt v([1-9][0-9]{0,8})\n")
_COUNTS = ("files", "files_verified", "bytes", "checks", "warnings")
_KEYS = frozenset({"format", "version", "bundle_id", "tag_manifest_sha256",
                   "sender_fingerprint", "partner_fingerprint", "result", "signed_at",
                   "timestamp_token"})


class ReceiptRefused(KzError):
    """A well-formed receipt that this vault does not accept (wrong vault, bundle, signer)."""

    exit_code = 26
    message_template = "The receipt was not accepted: {what}"
    hint_template = "Nothing was recorded. Ask the partner who sent it which bundle it is for."


class ReceiptDamaged(IntegrityError):
    """A receipt whose bytes were altered, cut short or never were a receipt."""

    exit_code = 27
    message_template = "The receipt is damaged or was altered: {what}"
    hint_template = (
        "Nothing was recorded. Ask the partner for a new receipt; do not trust this file."
    )


@dataclass(frozen=True)
class ReceiptResult:
    """What the partner's checks of the bundle found."""

    verdict: str  # one of VERDICTS
    files: int  # evidence files in the bundle
    files_verified: int  # of those, every byte matched its hash
    bytes: int  # payload bytes read
    checks: int  # checks made (signature, manifests, custody, ...)
    warnings: int  # of those, warnings (e.g. completeness not shown)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, **{name: getattr(self, name) for name in _COUNTS}}


@dataclass(frozen=True)
class ReceiptBody:
    """The signed statement; every field is checked when a receipt is opened."""

    bundle_id: str
    tag_manifest_sha256: str
    sender_fingerprint: str  # to whom the receipt is: the bundle's signer
    partner_fingerprint: str  # who received: the receipt's signer
    result: ReceiptResult
    signed_at: str  # UTC, YYYY-MM-DDTHH:MM:SSZ, by the partner's clock
    # The partner's own RFC 3161 token over the tag-manifest hash, kept as opaque
    # bytes: checking it belongs to the timestamp code, not to the receipt format.
    timestamp_token: bytes | None = None

    def to_json(self) -> bytes:
        token = self.timestamp_token
        return canonical_json({
            "format": FORMAT, "version": VERSION, "bundle_id": self.bundle_id,
            "tag_manifest_sha256": self.tag_manifest_sha256,
            "sender_fingerprint": self.sender_fingerprint,
            "partner_fingerprint": self.partner_fingerprint,
            "result": self.result.to_dict(), "signed_at": self.signed_at,
            "timestamp_token": None if token is None else base64.b64encode(token).decode(),
        })


@dataclass(frozen=True)
class OpenedReceipt:
    body: ReceiptBody
    signer: PublicIdentity
    body_bytes: bytes  # exactly the bytes the signature covers
    document: bytes  # the whole plaintext: magic, signature and body, to keep and re-check


def receipt_plaintext(body: ReceiptBody, partner: Identity) -> bytes:
    """The plaintext of a receipt: magic line, signature, body; checked as it is read."""
    _check_body(body)
    if body.partner_fingerprint != partner.fingerprint:
        raise ValueError("the receipt must name its signer as the partner")
    body_bytes = body.to_json()
    signature = minisign.sign(partner.signing_key, body_bytes, TRUSTED_COMMENT,
                              UNTRUSTED_COMMENT)
    plaintext = MAGIC + signature.encode("ascii") + body_bytes
    if len(plaintext) > MAX_PLAINTEXT:
        raise ValueError("a receipt is at most MAX_PLAINTEXT bytes")
    return plaintext


def make_receipt(body: ReceiptBody, partner: Identity, sender: X25519Recipient) -> bytes:
    """The bytes of a ``.kzr`` file: the signed receipt, encrypted to the sender."""
    sink = io.BytesIO()
    age.encrypt([sender], io.BytesIO(receipt_plaintext(body, partner)), sink)
    return sink.getvalue()


def read_receipt_file(source: BinaryIO) -> bytes:
    """At most ``MAX_FILE`` bytes of ``source``; a longer file is refused unread."""
    data = source.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise ReceiptDamaged(what=f"it is larger than a receipt can be ({MAX_FILE:,} bytes)")
    return data


def open_receipt(data: bytes, identities: Sequence[X25519Identity],
                 signers: Sequence[PublicIdentity]) -> OpenedReceipt:
    """Decrypts, checks the signature against ``signers``, then parses the body.

    Raises ReceiptRefused (not for these keys, signed by none of ``signers``),
    ReceiptDamaged (altered, cut short, malformed) or NewerFormat.  The body is
    checked for shape only: whether its claims are true is the caller's question.
    """
    plaintext = _decrypt(data, identities)
    return open_plaintext(plaintext, signers)


def open_plaintext(plaintext: bytes, signers: Sequence[PublicIdentity]) -> OpenedReceipt:
    """``open_receipt`` after decryption: for a stored document, checked again."""
    if len(plaintext) > MAX_PLAINTEXT:
        raise ReceiptDamaged(what="its content is larger than a receipt can be")
    magic = _MAGIC_LINE.match(plaintext)
    if magic is None:
        raise ReceiptDamaged(what="it does not start as a kzarchive receipt")
    _check_version(int(magic.group(1)))
    signature, body_bytes = _split(plaintext[magic.end():])
    signer = _signer(signature, body_bytes, signers)
    body = _parse_body(body_bytes)
    if body.partner_fingerprint != signer.fingerprint:
        raise ReceiptRefused(
            what=f"it names the partner {body.partner_fingerprint} but was signed by "
            f"{signer.fingerprint}", reason="signer_mismatch")
    return OpenedReceipt(body, signer, body_bytes, plaintext)


def _decrypt(data: bytes, identities: Sequence[X25519Identity]) -> bytes:
    if len(data) > MAX_FILE:
        raise ReceiptDamaged(what=f"it is larger than a receipt can be ({MAX_FILE:,} bytes)")
    sink = io.BytesIO()
    try:
        age.decrypt(identities, io.BytesIO(data), sink)
    except age.NoMatchingIdentity:
        raise ReceiptRefused(
            what="it was not encrypted for this vault (or its header was damaged)",
            hint="A receipt opens only in the vault that sent the bundle. Nothing was "
            "recorded.", reason="other_vault") from None
    except NewerFormat:
        raise
    except IntegrityError as error:
        raise ReceiptDamaged(what=error.message) from None
    return sink.getvalue()


def _split(rest: bytes) -> tuple[bytes, bytes]:
    """The signature's four lines and the body after them."""
    position = 0
    for _ in range(_SIGNATURE_LINES):
        end = rest.find(b"\n", position)
        if end < 0:
            raise ReceiptDamaged(what="it was cut short inside its signature")
        position = end + 1
    signature = rest[:position]
    # minisign forgives a CR before each LF; the format does not, so no byte goes unsigned.
    if b"\r" in signature:
        raise ReceiptDamaged(what="its signature lines end in CR LF")
    first_line = f"untrusted comment: {UNTRUSTED_COMMENT}\n".encode()
    if not signature.startswith(first_line):
        raise ReceiptDamaged(what="its signature does not carry the receipt's comment")
    return signature, rest[position:]


def _signer(signature: bytes, body: bytes, signers: Sequence[PublicIdentity]) -> PublicIdentity:
    failure: KzError | None = None
    for candidate in signers:
        try:
            comment = candidate.minisign_public_key().verify(signature, body,
                                                             prehashed_only=True)
        except minisign.WrongSigningKey:
            continue
        except minisign.SignatureError as error:
            failure = error
            continue
        if comment != TRUSTED_COMMENT:
            raise ReceiptDamaged(what="its signed comment is not that of a receipt")
        return candidate
    if failure is not None:
        raise ReceiptDamaged(what=failure.message)
    raise ReceiptRefused(
        what="it was signed by a key that is none of your contacts",
        hint="Receipts are accepted only from the partners a bundle was sent to. Nothing "
        "was recorded.", reason="unknown_signer")


def _parse_body(body_bytes: bytes) -> ReceiptBody:
    try:
        value = strict_json(body_bytes, "the receipt", JsonBudget(values=64, depth=3))
    except IntegrityError as error:
        raise ReceiptDamaged(what=error.message) from None
    if not isinstance(value, dict):
        raise _bad("is not a JSON object")
    if value.get("format") != FORMAT:
        raise _bad("does not name the receipt format")
    version = value.get("version")
    if type(version) is not int:
        raise _bad("has no format version")
    _check_version(version)
    if set(value) != _KEYS:
        raise _bad("has other fields than a receipt of version 1")
    if canonical_json(value) != body_bytes:
        raise _bad("is not in canonical JSON")
    body = ReceiptBody(
        bundle_id=value["bundle_id"], tag_manifest_sha256=value["tag_manifest_sha256"],
        sender_fingerprint=value["sender_fingerprint"],
        partner_fingerprint=value["partner_fingerprint"],
        result=_parse_result(value["result"]), signed_at=value["signed_at"],
        timestamp_token=_parse_token(value["timestamp_token"]))
    _check_body(body, _bad)
    return body


def _parse_result(value: Any) -> ReceiptResult:
    if not isinstance(value, dict) or set(value) != {"verdict", *_COUNTS}:
        raise _bad("has a malformed result")
    counts = [value[name] for name in _COUNTS]
    if any(type(count) is not int for count in counts):
        raise _bad("has a result count that is not a whole number")
    return ReceiptResult(value["verdict"], *counts)


def _parse_token(value: Any) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 4 * ((MAX_TOKEN + 2) // 3):
        raise _bad("has a timestamp token that is not base64 within "
                   f"{MAX_TOKEN:,} bytes")
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise _bad("has a timestamp token that is not base64") from None
    if base64.b64encode(raw).decode() != value or not raw:
        raise _bad("has a timestamp token that is not canonical base64")
    return raw


def _check_body(body: ReceiptBody, fail: Callable[[str], Exception] | None = None) -> None:
    """The one rule for a body's fields, for making (ValueError) and for opening."""
    def bad(what: str) -> Exception:
        return fail(what) if fail is not None else ValueError(f"the receipt {what}")

    if not isinstance(body.bundle_id, str) or not _BUNDLE_ID.fullmatch(body.bundle_id):
        raise bad("has a malformed bundle id")
    if not isinstance(body.tag_manifest_sha256, str) or not _SHA256.fullmatch(
            body.tag_manifest_sha256):
        raise bad("has a malformed tag-manifest hash")
    for fingerprint in (body.sender_fingerprint, body.partner_fingerprint):
        if not is_fingerprint(fingerprint):
            raise bad("has a malformed fingerprint")
    if not isinstance(body.signed_at, str) or not _TIME.fullmatch(body.signed_at):
        raise bad("has a malformed time")
    result = body.result
    if result.verdict not in VERDICTS:
        raise bad("has an unknown verdict")
    if any(not 0 <= getattr(result, name) < _MAX_COUNT for name in _COUNTS):
        raise bad("has a result count out of range")
    if result.files_verified > result.files or result.warnings > result.checks:
        raise bad("has result counts that contradict each other")
    if (result.verdict == "verified") != (result.warnings == 0):
        raise bad("has a verdict that contradicts its warnings")
    token = body.timestamp_token
    if token is not None and not 0 < len(token) <= MAX_TOKEN:
        raise bad(f"has a timestamp token larger than {MAX_TOKEN:,} bytes")


def _check_version(version: int) -> None:
    if version > VERSION:
        raise NewerFormat(what="receipt", found=version, known=VERSION)
    if version != VERSION:
        raise ReceiptDamaged(what=f"it names format version {version}, which never existed")


def _bad(what: str) -> ReceiptDamaged:
    return ReceiptDamaged(what=f"its content {what}")
