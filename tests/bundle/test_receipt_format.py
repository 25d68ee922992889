"""The receipt format (docs/bundle-format.md, "Receipts"): golden files, every byte
covered, cut anywhere, the wrong key, the wrong signer, and the body's rules."""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kzarchive.bundle import receipt
from kzarchive.bundle.receipt import (
    MAX_FILE,
    MAX_TOKEN,
    ReceiptBody,
    ReceiptDamaged,
    ReceiptRefused,
    ReceiptResult,
    make_receipt,
    open_plaintext,
    open_receipt,
    receipt_plaintext,
)
from kzarchive.crypto import age, minisign
from kzarchive.crypto.age import X25519Identity, parse_identity_file
from kzarchive.crypto.identity import ContactCard, Identity, PublicIdentity
from kzarchive.errors import NewerFormat
from kzarchive.util.canonical import canonical_json
from tests.bundle import make_receipt_golden as golden

REFUSED = (ReceiptDamaged, ReceiptRefused, NewerFormat)


@pytest.fixture(scope="module")
def sender_keys() -> list[X25519Identity]:
    return parse_identity_file(golden.SENDER_KEY.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def partner() -> PublicIdentity:
    return ContactCard.from_text(golden.PARTNER_CARD.read_text(encoding="utf-8")).identity


def golden_file(name: str, suffix: str) -> Path:
    return golden.GOLDEN / f"{golden.RECEIPTS[name]}{suffix}"


def body_of(fields: dict[str, Any]) -> ReceiptBody:
    token = fields["timestamp_token"]
    return ReceiptBody(
        bundle_id=fields["bundle_id"], tag_manifest_sha256=fields["tag_manifest_sha256"],
        sender_fingerprint=fields["sender_fingerprint"],
        partner_fingerprint=fields["partner_fingerprint"],
        result=ReceiptResult(**fields["result"]), signed_at=fields["signed_at"],
        timestamp_token=None if token is None else base64.b64decode(token))


def partner_identity() -> Identity:
    return Identity(golden.partner_signing_key(),
                    X25519Identity.from_private_bytes(golden._seed("partner x25519")))


def encrypt(plaintext: bytes, to: X25519Identity) -> bytes:
    sink = io.BytesIO()
    age.encrypt([to.recipient()], io.BytesIO(plaintext), sink)
    return sink.getvalue()


def signed(body_bytes: bytes, *, trusted: str = receipt.TRUSTED_COMMENT,
           untrusted: str = receipt.UNTRUSTED_COMMENT) -> bytes:
    """A plaintext whose signature holds over any body: only the body's rules can refuse."""
    signature = minisign.sign(golden.partner_signing_key(), body_bytes, trusted, untrusted)
    return receipt.MAGIC + signature.encode() + body_bytes


# -- golden files --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(golden.RECEIPTS))
def test_the_golden_receipts_open_and_say_what_they_said(
    name: str, sender_keys: list[X25519Identity], partner: PublicIdentity
) -> None:
    opened = open_receipt(golden_file(name, ".kzr").read_bytes(), sender_keys, [partner])
    assert opened.body == body_of(golden.body(name))
    assert opened.signer == partner
    assert opened.document == golden_file(name, ".plaintext").read_bytes()
    if name == "token":
        assert opened.body.timestamp_token == golden.TOKEN


@pytest.mark.parametrize("name", sorted(golden.RECEIPTS))
def test_format_is_stable(name: str) -> None:
    """The writer makes the golden plaintext byte for byte (Ed25519 is deterministic)."""
    made = receipt_plaintext(body_of(golden.body(name)), partner_identity())
    assert made == golden_file(name, ".plaintext").read_bytes()
    assert made == golden.plaintext(name)


@pytest.mark.skipif(shutil.which("age") is None or shutil.which("minisign") is None,
                    reason="needs the age and minisign tools")
def test_the_standard_tools_open_and_check_a_receipt(tmp_path: Path, partner: PublicIdentity,
                                                     ) -> None:
    """docs/bundle-format.md: age -d, then minisign -V on lines 2-5 and the rest."""
    plaintext = subprocess.run(
        ["age", "-d", "-i", str(golden.SENDER_KEY), str(golden_file("plain", ".kzr"))],
        check=True, capture_output=True).stdout
    lines = plaintext.split(b"\n", 5)
    (tmp_path / "body.json").write_bytes(lines[5])
    (tmp_path / "body.json.minisig").write_bytes(b"\n".join(lines[1:5]) + b"\n")
    checked = subprocess.run(
        ["minisign", "-V", "-P", partner.minisign_public_key_base64,
         "-m", str(tmp_path / "body.json")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "Trusted comment: kzarchive receipt v1" in checked.stdout
    assert json.loads(lines[5])["bundle_id"] == golden.body("plain")["bundle_id"]


# -- every byte, every length, other keys ------------------------------------------------


def test_every_altered_byte_of_the_file_is_refused(
    sender_keys: list[X25519Identity], partner: PublicIdentity
) -> None:
    data = golden_file("plain", ".kzr").read_bytes()
    for position in range(len(data)):
        altered = bytearray(data)
        altered[position] ^= 0x01
        with pytest.raises(REFUSED):
            open_receipt(bytes(altered), sender_keys, [partner])


def test_every_altered_byte_of_the_plaintext_is_refused_though_encrypted_anew(
    sender_keys: list[X25519Identity], partner: PublicIdentity
) -> None:
    """Anyone can encrypt to the sender: the plaintext itself must be covered, all of it."""
    plaintext = golden_file("token", ".plaintext").read_bytes()
    for position in range(len(plaintext)):
        for flip in (0x01, 0x20):
            altered = bytearray(plaintext)
            altered[position] ^= flip
            with pytest.raises(REFUSED):
                open_plaintext(bytes(altered), [partner])
    # The same through the age layer, for a sample of the positions.
    for position in range(0, len(plaintext), 97):
        altered = bytearray(plaintext)
        altered[position] ^= 0x01
        with pytest.raises(REFUSED):
            open_receipt(encrypt(bytes(altered), sender_keys[0]), sender_keys, [partner])


def test_a_receipt_cut_anywhere_is_damaged(sender_keys: list[X25519Identity],
                                          partner: PublicIdentity) -> None:
    data = golden_file("plain", ".kzr").read_bytes()
    for length in range(len(data)):
        with pytest.raises(REFUSED):
            open_receipt(data[:length], sender_keys, [partner])
    plaintext = golden_file("plain", ".plaintext").read_bytes()
    for length in range(len(plaintext)):
        with pytest.raises(REFUSED):
            open_plaintext(plaintext[:length], [partner])


def test_the_first_line_has_one_spelling(partner: PublicIdentity) -> None:
    plaintext = golden_file("plain", ".plaintext").read_bytes()
    for line in (b"kzarchive-receipt v01\n", b"kzarchive-receipt v0\n",
                 b"kzarchive-receipt  v1\n", b"kzarchive-receipt v1 \n"):
        with pytest.raises(ReceiptDamaged, match="does not start as"):
            open_plaintext(plaintext.replace(receipt.MAGIC, line, 1), [partner])


def test_extra_bytes_after_the_body_are_damage(partner: PublicIdentity) -> None:
    plaintext = golden_file("plain", ".plaintext").read_bytes()
    for extra in (b"\n", b" ", b"{}", b"\x00"):
        with pytest.raises(ReceiptDamaged):
            open_plaintext(plaintext + extra, [partner])


def test_a_receipt_for_another_vault_is_refused(partner: PublicIdentity) -> None:
    data = golden_file("plain", ".kzr").read_bytes()
    with pytest.raises(ReceiptRefused, match="not encrypted for this vault"):
        open_receipt(data, [X25519Identity.generate()], [partner])


def test_a_receipt_signed_by_none_of_the_contacts_is_refused(
    sender_keys: list[X25519Identity]
) -> None:
    data = golden_file("plain", ".kzr").read_bytes()
    with pytest.raises(ReceiptRefused, match="none of your contacts"):
        open_receipt(data, sender_keys, [Identity.generate().public])
    with pytest.raises(ReceiptRefused, match="none of your contacts"):
        open_receipt(data, sender_keys, [])


def test_a_file_larger_than_a_receipt_is_refused_unread(
    sender_keys: list[X25519Identity], partner: PublicIdentity
) -> None:
    with pytest.raises(ReceiptDamaged, match="larger than a receipt"):
        open_receipt(b"age-encryption.org/v1\n" + bytes(MAX_FILE), sender_keys, [partner])
    with pytest.raises(ReceiptDamaged, match="larger than a receipt"):
        receipt.read_receipt_file(io.BytesIO(bytes(MAX_FILE + 1)))
    assert receipt.read_receipt_file(io.BytesIO(b"abc")) == b"abc"


# -- the body's rules, under a signature that holds ------------------------------------------


def golden_fields(**changes: Any) -> dict[str, Any]:
    fields = golden.body("plain")
    fields.update(changes)
    return fields


@pytest.mark.parametrize("fields", [
    golden_fields(extra="x"),
    {k: v for k, v in golden_fields().items() if k != "signed_at"},
    golden_fields(format="something-else"),
    golden_fields(bundle_id="../etc"),
    golden_fields(tag_manifest_sha256="A" * 64),
    golden_fields(sender_fingerprint="12345"),
    golden_fields(signed_at="yesterday"),
    golden_fields(timestamp_token="not base64!"),
    golden_fields(timestamp_token=""),
    golden_fields(timestamp_token="QR=="),  # unused bits set: not canonical
    golden_fields(result={"verdict": "verified"}),
    golden_fields(result={**golden_fields()["result"], "verdict": "probably"}),
    golden_fields(result={**golden_fields()["result"], "files_verified": 4}),
    golden_fields(result={**golden_fields()["result"], "warnings": 2}),
    golden_fields(result={**golden_fields()["result"], "bytes": -1}),
    golden_fields(result={**golden_fields()["result"], "files": True}),
    golden_fields(version=0),
    ["a list"],
], ids=lambda fields: str(len(json.dumps(fields))))
def test_a_signed_body_that_breaks_a_rule_is_damaged(fields: Any,
                                                     partner: PublicIdentity) -> None:
    with pytest.raises(ReceiptDamaged):
        open_plaintext(signed(canonical_json(fields)), [partner])


def test_a_body_not_in_canonical_json_is_damaged(partner: PublicIdentity) -> None:
    canonical = canonical_json(golden_fields())
    for variant in (json.dumps(golden_fields()).encode(),  # spaces
                    canonical + b"\n",
                    canonical.replace(b'"version":1', b'"version":1.0'),
                    canonical[:-1] + b',"version":1}'):  # a key twice
        with pytest.raises(ReceiptDamaged):
            open_plaintext(signed(variant), [partner])


def test_a_newer_version_is_named_as_such(partner: PublicIdentity) -> None:
    with pytest.raises(NewerFormat):
        open_plaintext(signed(canonical_json(golden_fields(version=2))), [partner])
    plaintext = golden_file("plain", ".plaintext").read_bytes()
    with pytest.raises(NewerFormat):
        open_plaintext(plaintext.replace(b"receipt v1\n", b"receipt v2\n", 1), [partner])


def test_other_comments_and_legacy_signatures_are_damaged(partner: PublicIdentity) -> None:
    body_bytes = canonical_json(golden_fields())
    with pytest.raises(ReceiptDamaged, match="signed comment"):
        open_plaintext(signed(body_bytes, trusted="kzarchive checkpoint x 3"), [partner])
    with pytest.raises(ReceiptDamaged, match="comment"):
        open_plaintext(signed(body_bytes, untrusted="signature from kzarchive"), [partner])
    crlf = signed(body_bytes).replace(b"\n", b"\r\n", 5).replace(b"v1\r\n", b"v1\n", 1)
    with pytest.raises(ReceiptDamaged, match="CR LF"):
        open_plaintext(crlf, [partner])


def test_a_body_that_names_another_partner_than_its_signer_is_refused(
    partner: PublicIdentity
) -> None:
    other = Identity.generate().fingerprint
    with pytest.raises(ReceiptRefused, match="names the partner"):
        open_plaintext(signed(canonical_json(golden_fields(partner_fingerprint=other))),
                       [partner])


def test_the_writer_refuses_what_the_reader_would() -> None:
    good = body_of(golden.body("plain"))
    identity = partner_identity()
    with pytest.raises(ValueError, match="timestamp token"):
        receipt_plaintext(ReceiptBody(**{**good.__dict__, "timestamp_token": bytes(
            MAX_TOKEN + 1)}), identity)
    with pytest.raises(ValueError, match="partner"):
        receipt_plaintext(good, Identity.generate())
    with pytest.raises(ValueError, match="verdict"):
        receipt_plaintext(ReceiptBody(**{**good.__dict__, "result": ReceiptResult(
            "verified", 3, 3, 1, 4, 1)}), identity)


def test_the_largest_token_fits_and_round_trips(sender_keys: list[X25519Identity]) -> None:
    identity = partner_identity()
    body = ReceiptBody(**{**body_of(golden.body("plain")).__dict__,
                          "timestamp_token": bytes(range(256)) * (MAX_TOKEN // 256)})
    data = make_receipt(body, identity, sender_keys[0].recipient())
    assert len(data) <= MAX_FILE
    assert open_receipt(data, sender_keys, [identity.public]).body == body
