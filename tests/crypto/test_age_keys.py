"""age key strings: bech32, age1... recipients and AGE-SECRET-KEY-1... identities."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kzarchive.crypto import bech32
from kzarchive.crypto.age import X25519Identity, X25519Recipient, parse_identity_file
from kzarchive.errors import BadInput

# From the C2SP age specification, "The X25519 recipient type".
SPEC_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

# Low-order points of Curve25519 (and non-canonical encodings of them).
LOW_ORDER_POINTS = [
    bytes(32),
    bytes([1]) + bytes(31),
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    bytes.fromhex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
    bytes.fromhex("ec" + "ff" * 30 + "7f"),
    bytes.fromhex("ed" + "ff" * 30 + "7f"),
    bytes.fromhex("ee" + "ff" * 30 + "7f"),
]


def raw_bech32(hrp: str, groups: list[int]) -> str:
    """Encodes 5-bit groups as given (padding bits included), with a valid checksum."""
    generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    for value in [*expanded, *groups, 0, 0, 0, 0, 0, 0]:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ value
        for i in range(5):
            if (top >> i) & 1:
                chk ^= generator[i]
    mod = chk ^ 1
    checksum = [(mod >> (5 * (5 - i))) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[g] for g in groups + checksum)


def groups_of(data: bytes) -> list[int]:
    bits = "".join(f"{byte:08b}" for byte in data)
    bits += "0" * (-len(bits) % 5)
    return [int(bits[i : i + 5], 2) for i in range(0, len(bits), 5)]


def test_specification_example_keys() -> None:
    identity = X25519Identity.from_string(SPEC_IDENTITY)
    assert identity.private_bytes() == b"\x42" * 32
    assert identity.recipient().to_string() == SPEC_RECIPIENT
    assert identity.to_string() == SPEC_IDENTITY
    assert X25519Recipient.from_string(SPEC_RECIPIENT) == identity.recipient()


def test_generated_keys_round_trip_through_their_text_forms() -> None:
    identity = X25519Identity.generate()
    text = identity.to_string()
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    assert X25519Identity.from_string(text) == identity
    recipient = identity.recipient().to_string()
    assert recipient.startswith("age1") and recipient == recipient.lower()
    assert X25519Recipient.from_string(recipient) == identity.recipient()
    expected = X25519PrivateKey.from_private_bytes(identity.private_bytes()).public_key()
    assert identity.recipient().public_bytes() == expected.public_bytes_raw()


def test_surrounding_whitespace_is_ignored() -> None:
    assert X25519Recipient.from_string(f"  {SPEC_RECIPIENT}\n").to_string() == SPEC_RECIPIENT
    assert X25519Identity.from_string(f"{SPEC_IDENTITY}\r\n").to_string() == SPEC_IDENTITY


def test_case_rules_follow_the_reference_implementation() -> None:
    with pytest.raises(BadInput):
        X25519Recipient.from_string(SPEC_RECIPIENT.upper())
    with pytest.raises(BadInput):
        X25519Identity.from_string(SPEC_IDENTITY.lower())
    with pytest.raises(BadInput, match="mixes upper and lower case"):
        X25519Recipient.from_string(SPEC_RECIPIENT[:10] + SPEC_RECIPIENT[10:].upper())


def test_a_key_of_the_other_kind_is_refused() -> None:
    with pytest.raises(BadInput):
        X25519Recipient.from_string(SPEC_IDENTITY)
    with pytest.raises(BadInput):
        X25519Identity.from_string(SPEC_RECIPIENT)
    with pytest.raises(BadInput):
        X25519Recipient.from_string(bech32.encode("age1pq", bytes(32)))


def test_every_single_character_typo_is_caught() -> None:
    data_start = SPEC_RECIPIENT.index("1") + 1
    for position in range(data_start, len(SPEC_RECIPIENT)):
        for replacement in "qz7":
            if SPEC_RECIPIENT[position] == replacement:
                continue
            typo = SPEC_RECIPIENT[:position] + replacement + SPEC_RECIPIENT[position + 1 :]
            with pytest.raises(BadInput):
                X25519Recipient.from_string(typo)


def test_wrong_lengths_are_refused() -> None:
    for size in (0, 31, 33, 64):
        with pytest.raises(BadInput):
            X25519Recipient.from_string(bech32.encode("age", bytes(range(size))))
        with pytest.raises(BadInput):
            X25519Identity.from_string(bech32.encode("AGE-SECRET-KEY-", b"\x01" * size, upper=True))


def test_non_zero_padding_bits_are_refused() -> None:
    groups = groups_of(b"\x42" * 32)
    assert len(groups) == 52  # 260 bits for 256: four padding bits
    canonical = raw_bech32("age", groups)
    assert bech32.decode(canonical) == ("age", b"\x42" * 32)
    groups[-1] |= 1
    with pytest.raises(BadInput, match="padding"):
        bech32.decode(raw_bech32("age", groups))
    # A whole spare group (5 padding bits, here after 30 bytes) is not canonical either.
    assert len(groups_of(bytes(30))) == 48
    with pytest.raises(BadInput, match="padding"):
        bech32.decode(raw_bech32("age", [*groups_of(bytes(30)), 0]))


@pytest.mark.parametrize(
    "text",
    [
        "A12UEL5L",
        "a12uel5l",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl",
    ],
)
def test_valid_bip173_strings_decode(text: str) -> None:
    hrp, _ = bech32.decode(text)
    assert hrp == text[: text.rfind("1")]


@pytest.mark.parametrize(
    "text",
    [
        "pzry9x0s0muk",  # no separator
        "1pzry9x0s0muk",  # empty human-readable part
        "x1b4n0q5v",  # invalid data character
        "li1dgmt3",  # checksum too short
        "A1G7SGD8",  # checksum computed over the upper-case string
        "10a06t8",  # empty human-readable part
        "\x201nwldj5",  # invalid human-readable character
    ],
)
def test_invalid_bip173_strings_are_refused(text: str) -> None:
    with pytest.raises(BadInput):
        bech32.decode(text)


def test_encoding_has_no_length_limit() -> None:
    data = bytes(range(256)) * 4
    text = bech32.encode("age1pq", data)
    assert len(text) > 90
    assert bech32.decode(text) == ("age1pq", data)


@pytest.mark.parametrize("point", LOW_ORDER_POINTS)
def test_low_order_recipients_are_refused(point: bytes) -> None:
    with pytest.raises(BadInput):
        X25519Recipient.from_public_bytes(point)


def test_identity_file_with_comments() -> None:
    other = X25519Identity.generate()
    text = (
        "# created: 2024-01-01T00:00:00Z\n"
        f"# public key: {SPEC_RECIPIENT}\n"
        f"{SPEC_IDENTITY}\n\n"
        f"  {other.to_string()}  \n"
    )
    assert parse_identity_file(text) == [X25519Identity.from_string(SPEC_IDENTITY), other]
    with pytest.raises(BadInput):
        parse_identity_file("# only a comment\n")
    with pytest.raises(BadInput):
        parse_identity_file(f"{SPEC_IDENTITY}\nnot a key\n")


def test_repr_never_shows_the_secret_key() -> None:
    identity = X25519Identity.from_string(SPEC_IDENTITY)
    shown = repr(identity)
    assert SPEC_RECIPIENT in shown
    assert SPEC_IDENTITY not in shown and SPEC_IDENTITY.lower() not in shown.lower()
    assert "42" * 8 not in shown


def test_equality_and_hashing() -> None:
    first = X25519Identity.from_string(SPEC_IDENTITY)
    second = X25519Identity.from_private_bytes(b"\x42" * 32)
    assert first == second and hash(first) == hash(second)
    assert first != X25519Identity.generate()
    assert {first.recipient(), second.recipient()} == {X25519Recipient.from_string(SPEC_RECIPIENT)}
