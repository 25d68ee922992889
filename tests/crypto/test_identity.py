"""The vault identity, its fingerprint and contact cards."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kzarchive.crypto import minisign
from kzarchive.crypto.age import X25519Identity, X25519Recipient
from kzarchive.crypto.identity import (
    ContactCard,
    ContactCardMismatch,
    Identity,
    InvalidContactCard,
    PublicIdentity,
    fingerprint,
    normalize_fingerprint,
)
from kzarchive.errors import BadInput, IntegrityError, KzError, NewerFormat

GOLDEN = Path(__file__).parent / "golden"
# The same inputs as tests/crypto/make_age_golden.py.
ED25519_SEED = hashlib.sha256(b"kzarchive identity golden ed25519").digest()
X25519_SECRET = hashlib.sha256(b"kzarchive identity golden x25519").digest()
CARD_NAME = "Amal Haddad — أمل حداد"
GOLDEN_FINGERPRINT = "97692 21712 14823 58137 36729 04056 85461 20670 86960 57671 59134 70484"
# Fixed keys, fingerprints computed once (regression values for the documented construction).
FIXED = [
    (bytes(range(32)), bytes(range(32, 64)),
     "92497 82796 06558 88015 92187 83779 85306 50056 86729 65851 58499 48745"),
    (b"\x01" * 32, b"\x09" + bytes(31),
     "25693 86139 45051 19291 24705 32205 34927 87932 35996 17078 66815 91105"),
]  # fmt: skip


def public_of(ed25519_seed: bytes, x25519_secret: bytes) -> tuple[bytes, bytes]:
    ed = Ed25519PrivateKey.from_private_bytes(ed25519_seed).public_key().public_bytes_raw()
    x = X25519PrivateKey.from_private_bytes(x25519_secret).public_key().public_bytes_raw()
    return ed, x


def documented_fingerprint(ed25519_public: bytes, x25519_public: bytes) -> str:
    """docs/formats.md, "Fingerprint", step by step."""
    keys = ed25519_public + x25519_public
    digest = b"\x00\x01" + b"kzarchive fingerprint" + keys
    for _ in range(5200):
        digest = hashlib.sha512(digest + keys).digest()
    return " ".join(
        str(int.from_bytes(digest[5 * i : 5 * i + 5], "big") % 100000).zfill(5) for i in range(12)
    )


def golden_identity() -> Identity:
    return Identity.from_secret_bytes((GOLDEN / "identity-secret.bin").read_bytes())


def card_for(name: str = "Témoin Sécurisé") -> ContactCard:
    return ContactCard(name, Identity.generate().public)


# --- fingerprint ------------------------------------------------------------------------


def test_golden_fingerprints_for_fixed_keys() -> None:
    for ed, x, expected in FIXED:
        assert fingerprint(ed, x) == expected
    assert golden_identity().fingerprint == GOLDEN_FINGERPRINT


def test_fingerprint_follows_the_documented_construction() -> None:
    for _ in range(3):
        ed, x = public_of(os.urandom(32), os.urandom(32))
        assert fingerprint(ed, x) == documented_fingerprint(ed, x)


def test_fingerprint_is_60_digits_in_12_groups_of_5() -> None:
    value = Identity.generate().fingerprint
    assert re.fullmatch(r"\d{5}( \d{5}){11}", value)


def test_fingerprint_changes_when_either_key_changes() -> None:
    ed, x, original = FIXED[0]
    seen = {original}
    for position in (0, 13, 31):
        for key in ("ed", "x"):
            changed_ed, changed_x = bytearray(ed), bytearray(x)
            (changed_ed if key == "ed" else changed_x)[position] ^= 0x01
            seen.add(fingerprint(bytes(changed_ed), bytes(changed_x)))
    assert len(seen) == 7
    # The keys are bound to their roles: swapping them gives another fingerprint.
    assert fingerprint(x, ed) != original


def test_both_sides_compute_the_same_fingerprint() -> None:
    mine = Identity.generate()
    theirs_view = ContactCard.from_text(ContactCard("Me", mine.public).to_text())
    assert theirs_view.fingerprint == mine.fingerprint
    assert theirs_view.identity == mine.public


def test_fingerprints_typed_by_people_are_normalized() -> None:
    value = Identity.generate().fingerprint
    assert normalize_fingerprint(value.replace(" ", "")) == value
    assert normalize_fingerprint(" " + value.replace(" ", "  \n") + "\t") == value
    for wrong in (value[:-1], value + "1", value.replace(value[0], "x", 1), "٠" * 60):
        with pytest.raises(BadInput):
            normalize_fingerprint(wrong)


# --- identity -----------------------------------------------------------------------------


def test_golden_secret_form_still_reads_and_is_written_identically() -> None:
    golden = (GOLDEN / "identity-secret.bin").read_bytes()
    identity = Identity.from_secret_bytes(golden)
    ed, x = public_of(ED25519_SEED, X25519_SECRET)
    assert identity.public == PublicIdentity(ed, x)
    assert identity.to_secret_bytes() == golden
    assert identity.age_identity.private_bytes() == X25519_SECRET


def test_secret_form_round_trips() -> None:
    identity = Identity.generate()
    secret = identity.to_secret_bytes()
    assert len(secret) == 69 and secret.startswith(b"KZID\x01")
    again = Identity.from_secret_bytes(secret)
    assert again == identity
    assert again.public == identity.public


def test_damaged_secret_forms_are_refused() -> None:
    secret = Identity.generate().to_secret_bytes()
    for length in range(len(secret)):
        with pytest.raises(IntegrityError):
            Identity.from_secret_bytes(secret[:length])
    with pytest.raises(IntegrityError):
        Identity.from_secret_bytes(secret + b"\x00")
    with pytest.raises(IntegrityError):
        Identity.from_secret_bytes(b"KZIX" + secret[4:])
    with pytest.raises(IntegrityError):
        Identity.from_secret_bytes(b"KZID\x00" + secret[5:])


def test_a_newer_secret_form_says_so() -> None:
    secret = Identity.generate().to_secret_bytes()
    with pytest.raises(NewerFormat):
        Identity.from_secret_bytes(b"KZID\x02" + secret[5:])


def test_the_identity_signs_with_its_public_key_and_decrypts_with_its_age_key() -> None:
    identity = Identity.generate()
    signature = identity.signing_key.sign(b"checkpoint")
    identity.public.ed25519_public_key.verify(signature, b"checkpoint")
    recipient = X25519Recipient.from_string(identity.public.age_recipient)
    assert recipient == identity.age_identity.recipient() == identity.public.x25519_recipient


def test_the_two_keys_are_independent() -> None:
    identity = Identity.generate()
    secret = identity.to_secret_bytes()
    assert secret[5:37] != secret[37:]
    assert identity.public.ed25519_public != identity.public.x25519_public


def test_repr_shows_the_fingerprint_and_no_secret() -> None:
    identity = golden_identity()
    shown = repr(identity)
    assert GOLDEN_FINGERPRINT in shown
    assert ED25519_SEED.hex() not in shown and X25519_SECRET.hex() not in shown
    assert identity.age_identity.to_string() not in shown


def test_public_identity_refuses_bad_keys() -> None:
    ed, x = public_of(os.urandom(32), os.urandom(32))
    with pytest.raises(BadInput):
        PublicIdentity(ed[:31], x)
    with pytest.raises(BadInput):
        PublicIdentity(ed, x + b"\x00")
    with pytest.raises(BadInput):
        PublicIdentity(ed, bytes(32))  # a low-order X25519 point


def test_minisign_public_key_matches_the_minisign_module() -> None:
    public = Identity.generate().public
    key = public.minisign_public_key()
    assert key.ed25519_public == public.ed25519_public
    assert key.key_id == minisign.key_id_for(public.ed25519_public)
    assert key.to_base64() == public.minisign_public_key_base64
    assert minisign.PublicKey.from_string(public.minisign_public_key_base64) == key


# --- contact cards ---------------------------------------------------------------------------


def test_golden_card_reads_and_is_written_identically() -> None:
    text = (GOLDEN / "identity-card.txt").read_text(encoding="utf-8")
    card = ContactCard.from_text(text)
    assert card.name == CARD_NAME
    assert card.identity == golden_identity().public
    assert card.fingerprint == GOLDEN_FINGERPRINT
    assert card.to_text() == text
    assert ContactCard.from_bytes(text.encode("utf-8")) == card


def test_card_layout() -> None:
    card = card_for("Amal")
    lines = card.to_text().split("\n")
    assert lines[0] == "kzarchive-contact-card v1"
    assert lines[1] == "name: Amal"
    assert lines[2] == f"age-recipient: {card.identity.age_recipient}"
    key = base64.b64decode(lines[3].removeprefix("minisign-public-key: "), validate=True)
    assert key[:2] == b"Ed" and key[10:] == card.identity.ed25519_public
    assert lines[4] == f"fingerprint: {card.fingerprint}"
    assert lines[5:] == [""]


@pytest.mark.parametrize("name", ["Amal", "أمل حداد", "Ольга Н.", "李 明", "Ngozi O'Brien-Ọkafor"])
def test_card_round_trip(name: str) -> None:
    card = card_for(name)
    assert ContactCard.from_text(card.to_text()) == card


def test_cards_survive_mail_and_chat_mangling() -> None:
    card = card_for()
    text = card.to_text()
    for variant in (text.replace("\n", "\r\n"), text.removesuffix("\n"), "\ufeff" + text):
        assert ContactCard.from_text(variant) == card


def test_a_changed_fingerprint_digit_is_refused_as_tampering() -> None:
    text = card_for().to_text()
    fingerprint_at = text.index("fingerprint: ") + len("fingerprint: ")
    for offset in (0, 7, 70):
        position = fingerprint_at + offset
        digit = text[position]
        changed = text[:position] + str((int(digit) + 1) % 10) + text[position + 1 :]
        with pytest.raises(ContactCardMismatch):
            ContactCard.from_text(changed)


def test_a_substituted_key_is_refused_as_tampering() -> None:
    original = card_for()
    attacker = Identity.generate().public
    text = original.to_text()
    swapped_age = text.replace(original.identity.age_recipient, attacker.age_recipient)
    swapped_sign = text.replace(
        original.identity.minisign_public_key_base64, attacker.minisign_public_key_base64
    )
    for forged in (swapped_age, swapped_sign):
        with pytest.raises(ContactCardMismatch) as caught:
            ContactCard.from_text(forged)
        assert "in person or by phone" in caught.value.hint


def test_every_changed_character_is_refused_or_changes_only_the_name() -> None:
    card = card_for("Amal")
    text = card.to_text()
    for position in range(len(text)):
        replacement = "b" if text[position] != "b" else "c"
        changed = text[:position] + replacement + text[position + 1 :]
        try:
            parsed = ContactCard.from_text(changed)
        except KzError:
            continue
        # The name is a label, not covered by the fingerprint: only it may change.
        assert parsed.identity == card.identity and parsed.name != card.name


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t.replace("kzarchive-contact-card v1\n", ""),
        lambda t: t + "extra: line\n",
        lambda t: t + "\n",
        lambda t: t.replace("name: ", "name:"),
        lambda t: t.replace("name: ", "Name: "),
        lambda t: t.replace("name: ", "nickname: "),
        lambda t: "\n".join([t.split("\n")[0], *reversed(t.split("\n")[1:-1])]),
        lambda t: re.sub(r"(?<=age-recipient: )\S+", lambda m: m.group(0).upper(), t),
        lambda t: re.sub(r"age-recipient: (\S+)", r"age-recipient: \1 ", t),
        lambda t: t.replace("age-recipient: ", "age-recipient:  "),
        lambda t: t.replace("\nfingerprint", " \nfingerprint"),
        lambda t: re.sub(r"(minisign-public-key: \S+)", r"\1=", t),
        lambda t: t.replace("\n", "\r"),
    ],
)
def test_malformed_cards_are_refused(mangle: Callable[[str], str]) -> None:
    with pytest.raises(InvalidContactCard):
        ContactCard.from_text(mangle(card_for().to_text()))


def test_a_card_with_a_weak_signing_key_is_refused() -> None:
    # The identity point: anyone could make signatures that verify under it.
    weak = PublicIdentity(bytes([1]) + bytes(31), Identity.generate().public.x25519_public)
    with pytest.raises(InvalidContactCard, match="weak"):
        ContactCard.from_text(ContactCard("Mallory", weak).to_text())


def test_a_card_of_a_newer_version_says_so() -> None:
    text = card_for().to_text().replace("contact-card v1", "contact-card v2")
    with pytest.raises(NewerFormat):
        ContactCard.from_text(text)


def test_a_minisign_key_with_a_foreign_key_id_is_refused() -> None:
    card = card_for()
    raw = base64.b64decode(card.identity.minisign_public_key_base64)
    foreign = base64.b64encode(raw[:2] + os.urandom(8) + raw[10:]).decode()
    text = card.to_text().replace(card.identity.minisign_public_key_base64, foreign)
    with pytest.raises(InvalidContactCard):
        ContactCard.from_text(text)


@pytest.mark.parametrize(
    "name",
    [
        "",
        " Amal",
        "Amal ",
        "Am\nal",
        "Am\u0000al",
        "Amal\u202eInnocent",  # right-to-left override spoofing
        "Ame\u0301lie",  # not NFC
        "A" * 201,
        "Amal\u2028",
    ],
)
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidContactCard):
        ContactCard(name, Identity.generate().public)


def test_card_files_must_be_small_utf8() -> None:
    with pytest.raises(InvalidContactCard):
        ContactCard.from_bytes(b"\xff\xfe" + card_for().to_text().encode("utf-16-le"))
    with pytest.raises(InvalidContactCard):
        ContactCard.from_bytes(b"a" * 100_000)


def test_a_card_can_carry_an_age_recipient_that_encrypts_to_its_owner() -> None:
    owner = Identity.generate()
    card = ContactCard.from_text(ContactCard("Partner", owner.public).to_text())
    assert card.identity.x25519_recipient == owner.age_identity.recipient()
    assert isinstance(owner.age_identity, X25519Identity)
