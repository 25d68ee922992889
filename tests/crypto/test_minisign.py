"""minisign keys and signatures: golden bytes, tampering, truncation, wrong keys, streaming."""

from __future__ import annotations

import base64
import hashlib
import io
import tracemalloc
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kzarchive.crypto import minisign
from kzarchive.crypto.minisign import (
    BadSignature,
    BadTrustedComment,
    MalformedSignature,
    PublicKey,
    SignatureError,
    WrongSigningKey,
)
from kzarchive.errors import BadInput, IntegrityError, MissingFile

GOLDEN = Path(__file__).parent / "golden"
# The same constants as make_minisign_golden.py, which wrote the golden files.
GOLDEN_KEY = Ed25519PrivateKey.from_private_bytes(
    hashlib.sha256(b"kzarchive minisign golden key").digest()
)
GOLDEN_TRUSTED_COMMENT = "kzarchive golden\tbundle 0001\tsender 12345 67890 — é"
TOOL_TRUSTED_COMMENT = "made by the minisign tool\tfor kzarchive"
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def golden_bytes(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


def golden_text(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def message() -> bytes:
    return golden_bytes("minisign-message.bin")


@pytest.fixture(scope="module")
def golden_public() -> PublicKey:
    return PublicKey.from_string(golden_text("minisign-key.pub"))


# --- golden files ------------------------------------------------------------------------


def test_sign_reproduces_the_golden_signature_file(message: bytes) -> None:
    signed = minisign.sign(GOLDEN_KEY, message, GOLDEN_TRUSTED_COMMENT)
    assert signed.encode("utf-8") == golden_bytes("minisign-prehashed.minisig")


def test_sign_from_a_stream_gives_the_same_bytes(message: bytes) -> None:
    signed = minisign.sign(GOLDEN_KEY, io.BytesIO(message), GOLDEN_TRUSTED_COMMENT)
    assert signed.encode("utf-8") == golden_bytes("minisign-prehashed.minisig")


def test_public_key_file_matches_golden(golden_public: PublicKey) -> None:
    ours = minisign.public_key_for(GOLDEN_KEY)
    assert ours == golden_public
    assert ours.to_file_text().encode() == golden_bytes("minisign-key.pub")
    assert PublicKey.from_string(ours.to_base64()) == ours


def test_secret_key_file_matches_golden() -> None:
    text = minisign.secret_key_file_text(GOLDEN_KEY)
    assert text.encode() == golden_bytes("minisign-golden-unencrypted.key")


@pytest.mark.parametrize("name", ["minisign-prehashed.minisig", "minisign-legacy.minisig"])
def test_golden_signatures_verify(name: str, message: bytes, golden_public: PublicKey) -> None:
    assert golden_public.verify(golden_text(name), message) == GOLDEN_TRUSTED_COMMENT
    assert golden_public.verify(golden_bytes(name), io.BytesIO(message)) == GOLDEN_TRUSTED_COMMENT


@pytest.mark.parametrize(
    "name", ["minisign-tool-prehashed.minisig", "minisign-tool-legacy.minisig"]
)
def test_signatures_made_by_the_minisign_tool_verify(name: str, message: bytes) -> None:
    tool_key = PublicKey.from_string(golden_text("minisign-tool.pub"))
    assert tool_key.verify(golden_text(name), message) == TOOL_TRUSTED_COMMENT


def test_key_id_is_shown_as_minisign_shows_it() -> None:
    comment = golden_text("minisign-tool.pub").splitlines()[0]
    shown = comment.rsplit(" ", 1)[1]
    assert PublicKey.from_string(golden_text("minisign-tool.pub")).key_id_hex == shown.zfill(16)


def test_key_id_is_derived_from_the_public_key_alone() -> None:
    public = GOLDEN_KEY.public_key().public_bytes_raw()
    assert minisign.key_id_for(public) == minisign.public_key_for(GOLDEN_KEY).key_id
    assert minisign.key_id_for(public) != minisign.public_key_for(OTHER_KEY).key_id
    with pytest.raises(ValueError):
        minisign.key_id_for(public[:31])


# --- every byte, every length -------------------------------------------------------------


def untrusted_comment_span(signature: bytes) -> range:
    """Positions of the untrusted comment's text: unsigned, so free to change."""
    start = len(b"untrusted comment: ")
    return range(start, signature.index(b"\n"))


@pytest.mark.parametrize("name", ["minisign-prehashed.minisig", "minisign-legacy.minisig"])
@pytest.mark.parametrize("mask", [0x01, 0x20, 0x80])
def test_every_changed_byte_of_the_signature_file_is_detected(
    name: str, mask: int, message: bytes, golden_public: PublicKey
) -> None:
    original = golden_bytes(name)
    unsigned = untrusted_comment_span(original)
    for position in range(len(original)):
        altered = bytearray(original)
        altered[position] ^= mask
        if position in unsigned and altered[position] not in b"\r\n\x00":
            # minisign leaves this comment unsigned; changing it must not matter.
            assert golden_public.verify(bytes(altered), message) == GOLDEN_TRUSTED_COMMENT
            continue
        with pytest.raises(SignatureError):
            golden_public.verify(bytes(altered), message)


@pytest.mark.parametrize("name", ["minisign-prehashed.minisig", "minisign-legacy.minisig"])
def test_every_changed_byte_of_the_message_is_detected(
    name: str, message: bytes, golden_public: PublicKey
) -> None:
    signature = golden_bytes(name)
    for position in range(len(message)):
        altered = bytearray(message)
        altered[position] ^= 0x01
        with pytest.raises(BadSignature):
            golden_public.verify(signature, bytes(altered))


def test_every_truncation_of_the_signature_file_is_detected(
    message: bytes, golden_public: PublicKey
) -> None:
    signature = golden_bytes("minisign-prehashed.minisig")
    for length in range(len(signature) - 1):
        with pytest.raises(MalformedSignature):
            golden_public.verify(signature[:length], message)
    # Only the final newline is optional, as it is for minisign.
    assert golden_public.verify(signature[:-1], message) == GOLDEN_TRUSTED_COMMENT


@pytest.mark.parametrize("name", ["minisign-prehashed.minisig", "minisign-legacy.minisig"])
def test_truncated_or_extended_message_is_detected(
    name: str, message: bytes, golden_public: PublicKey
) -> None:
    signature = golden_bytes(name)
    for length in range(len(message)):
        with pytest.raises(BadSignature):
            golden_public.verify(signature, message[:length])
    with pytest.raises(BadSignature):
        golden_public.verify(signature, message + b"\n")


# --- keys and comments ----------------------------------------------------------------------


def test_another_key_is_named_as_a_key_id_mismatch(message: bytes) -> None:
    other = minisign.public_key_for(OTHER_KEY)
    golden_id = minisign.public_key_for(GOLDEN_KEY).key_id_hex
    with pytest.raises(WrongSigningKey) as caught:
        other.verify(golden_bytes("minisign-prehashed.minisig"), message)
    assert golden_id in caught.value.message
    assert other.key_id_hex in caught.value.message
    assert isinstance(caught.value, IntegrityError)


def test_another_key_carrying_the_same_key_id_is_rejected(message: bytes) -> None:
    impostor = PublicKey(
        minisign.public_key_for(GOLDEN_KEY).key_id, OTHER_KEY.public_key().public_bytes_raw()
    )
    with pytest.raises(BadSignature):
        impostor.verify(golden_bytes("minisign-prehashed.minisig"), message)


def test_altered_trusted_comment_is_detected(message: bytes, golden_public: PublicKey) -> None:
    signature = golden_text("minisign-prehashed.minisig")
    for altered_comment in ("kzarchive golden", GOLDEN_TRUSTED_COMMENT + " ", "x" * 40, ""):
        altered = signature.replace(GOLDEN_TRUSTED_COMMENT, altered_comment)
        with pytest.raises(BadTrustedComment):
            golden_public.verify(altered, message)


def test_comment_signature_of_another_signature_is_rejected(
    message: bytes, golden_public: PublicKey
) -> None:
    lines = golden_text("minisign-prehashed.minisig").splitlines(keepends=True)
    other = minisign.sign(GOLDEN_KEY, b"another file", GOLDEN_TRUSTED_COMMENT)
    lines[3] = other.splitlines(keepends=True)[3]
    with pytest.raises(BadTrustedComment):
        golden_public.verify("".join(lines), message)


def test_non_canonical_base64_is_rejected(message: bytes, golden_public: PublicKey) -> None:
    lines = golden_text("minisign-prehashed.minisig").splitlines(keepends=True)
    raw = base64.b64decode(lines[1])
    encoded = base64.b64encode(raw).decode()
    # 74 bytes leave two unused bits in the last character before the padding.
    last = encoded.index("=") - 1
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    sloppy = alphabet[alphabet.index(encoded[last]) | 0b01]
    assert sloppy != encoded[last]
    assert base64.b64decode(encoded[:last] + sloppy + encoded[last + 1 :]) == raw
    lines[1] = encoded[:last] + sloppy + encoded[last + 1 :] + "\n"
    with pytest.raises(MalformedSignature):
        golden_public.verify("".join(lines), message)


def test_unknown_algorithm_is_rejected(message: bytes, golden_public: PublicKey) -> None:
    lines = golden_text("minisign-prehashed.minisig").splitlines(keepends=True)
    raw = base64.b64decode(lines[1])
    lines[1] = base64.b64encode(b"EX" + raw[2:]).decode() + "\n"
    with pytest.raises(MalformedSignature, match="algorithm"):
        golden_public.verify("".join(lines), message)


def test_windows_line_endings_and_trailing_blank_lines_are_accepted(
    message: bytes, golden_public: PublicKey
) -> None:
    signature = golden_text("minisign-prehashed.minisig")
    crlf = signature.replace("\n", "\r\n")
    assert golden_public.verify(crlf, message) == GOLDEN_TRUSTED_COMMENT
    assert golden_public.verify(signature + "\n\r\n", message) == GOLDEN_TRUSTED_COMMENT


def test_text_after_the_signature_is_rejected(message: bytes, golden_public: PublicKey) -> None:
    signature = golden_text("minisign-prehashed.minisig")
    with pytest.raises(MalformedSignature):
        golden_public.verify(signature + "trusted comment: more\n", message)


def test_trusted_comment_round_trips_any_printable_text() -> None:
    comment = "bundle 01HZX\t2024-05-01T10:00:00Z\tفلسطين 🕊 Україна"
    public = minisign.public_key_for(OTHER_KEY)
    assert public.verify(minisign.sign(OTHER_KEY, b"m", comment), b"m") == comment
    assert public.verify(minisign.sign(OTHER_KEY, b"m", ""), b"m") == ""


@pytest.mark.parametrize(
    "comment", ["two\nlines", "carriage\rreturn", "bell\x07", "escape\x1b[31m", "c1\x85", "del\x7f"]
)
def test_sign_refuses_comments_minisign_cannot_carry(comment: str) -> None:
    with pytest.raises(BadInput):
        minisign.sign(OTHER_KEY, b"m", comment)
    with pytest.raises(BadInput):
        minisign.sign(OTHER_KEY, b"m", "fine", untrusted_comment=comment)


def test_comment_length_limits_are_minisigns() -> None:
    public = minisign.public_key_for(OTHER_KEY)
    longest_trusted, longest_untrusted = "t" * 8173, "u" * 1003
    signed = minisign.sign(OTHER_KEY, b"m", longest_trusted, longest_untrusted)
    assert public.verify(signed, b"m") == longest_trusted
    with pytest.raises(BadInput):
        minisign.sign(OTHER_KEY, b"m", longest_trusted + "t")
    with pytest.raises(BadInput):
        minisign.sign(OTHER_KEY, b"m", "ok", longest_untrusted + "u")
    # A file with a longer line (not made by us) is refused as minisign refuses it.
    with pytest.raises(MalformedSignature):
        public.verify(signed.replace(longest_untrusted, longest_untrusted + "u"), b"m")


def test_unprintable_trusted_comment_in_a_file_is_rejected() -> None:
    signed = minisign.sign(OTHER_KEY, b"m", "plain")
    public = minisign.public_key_for(OTHER_KEY)
    with pytest.raises(MalformedSignature, match="unprintable"):
        public.verify(signed.replace("plain", "pla\x1bn"), b"m")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not base64 at all",
        "untrusted comment: x\nRWQ=\n",
        "untrusted comment: x\n" + base64.b64encode(b"EX" + bytes(40)).decode(),
        "comment without prefix\n" + minisign.public_key_for(OTHER_KEY).to_base64(),
        "a\nb\nc",
    ],
)
def test_malformed_public_keys_are_refused(text: str) -> None:
    with pytest.raises(BadInput):
        PublicKey.from_string(text)


# --- weak keys and signatures that libsodium (and so minisign) refuses -----------------------

FIELD_PRIME = 2**255 - 19
GROUP_ORDER = 2**252 + 27742317777372353535851937790883648493
# y of a point of order 8 (libsodium, ge25519_has_small_order); the others are 0, 1, p - 1.
ORDER_8_Y = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")
IDENTITY_POINT = b"\x01" + bytes(31)


def key_text(point: bytes) -> str:
    return base64.b64encode(b"Ed" + bytes(8) + point).decode()


def weak_points() -> list[bytes]:
    ys = [0, 1, FIELD_PRIME - 1, int.from_bytes(ORDER_8_Y, "little")]
    ys += [FIELD_PRIME - int.from_bytes(ORDER_8_Y, "little"), FIELD_PRIME, FIELD_PRIME + 1]
    ys += [FIELD_PRIME + 5, 2**255 - 1]  # not canonical at all
    points = [y.to_bytes(32, "little") for y in ys]
    return points + [point[:31] + bytes([point[31] | 0x80]) for point in points]


def signature_text(key_id: bytes, signature: bytes, global_signature: bytes) -> str:
    return (
        "untrusted comment: crafted\n"
        f"{base64.b64encode(b'ED' + key_id + signature).decode()}\n"
        "trusted comment: crafted\n"
        f"{base64.b64encode(global_signature).decode()}\n"
    )


@pytest.mark.parametrize("point", weak_points())
def test_weak_public_keys_are_refused(point: bytes) -> None:
    with pytest.raises(BadInput, match="weak"):
        PublicKey.from_string(key_text(point))


def test_a_signature_for_every_message_under_a_weak_key_is_rejected() -> None:
    # Under the identity point, R = identity and S = 0 satisfy the Ed25519
    # equation for any message: no secret is needed to make this "signature".
    weak = PublicKey(bytes(8), IDENTITY_POINT)
    universal = IDENTITY_POINT + bytes(32)
    with pytest.raises(SignatureError, match="weak"):
        weak.verify(signature_text(bytes(8), universal, universal), b"any message at all")


def identity_r_signature(seed: bytes, message: bytes) -> bytes:
    """An Ed25519 signature whose R is the identity point: S = k * a satisfies [S]B = R + [k]A."""
    scalar = int.from_bytes(hashlib.sha512(seed).digest()[:32], "little")
    scalar = (scalar & ((1 << 254) - 8)) | (1 << 254)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    challenge = hashlib.sha512(IDENTITY_POINT + public + message).digest()
    s = int.from_bytes(challenge, "little") % GROUP_ORDER * scalar % GROUP_ORDER
    return IDENTITY_POINT + s.to_bytes(32, "little")


def test_a_signature_with_a_small_order_r_is_rejected_as_minisign_does() -> None:
    seed = bytes(range(32))
    key = Ed25519PrivateKey.from_private_bytes(seed)
    public = minisign.public_key_for(key)
    digest = hashlib.blake2b(b"m", digest_size=64).digest()
    odd = identity_r_signature(seed, digest)
    key.public_key().verify(odd, digest)  # a plain Ed25519 check accepts it
    with pytest.raises(BadSignature):
        public.verify(signature_text(public.key_id, odd, key.sign(odd + b"crafted")), b"m")
    regular = key.sign(digest)
    odd_global = identity_r_signature(seed, regular + b"crafted")
    with pytest.raises(BadTrustedComment):
        public.verify(signature_text(public.key_id, regular, odd_global), b"m")


# --- files and streams ------------------------------------------------------------------------


def test_verify_file_and_missing_files(tmp_path: Path, golden_public: PublicKey) -> None:
    message_path = GOLDEN / "minisign-message.bin"
    signature_path = GOLDEN / "minisign-prehashed.minisig"
    assert golden_public.verify_file(signature_path, message_path) == GOLDEN_TRUSTED_COMMENT
    with pytest.raises(MissingFile):
        golden_public.verify_file(tmp_path / "absent.minisig", message_path)
    with pytest.raises(MissingFile):
        golden_public.verify_file(signature_path, tmp_path / "absent.bin")


class PatternStream(io.RawIOBase):
    """A long, deterministic byte stream that is never held in memory at once."""

    def __init__(self, size: int, flip_at: int | None = None) -> None:
        self._size, self._position, self._flip_at = size, 0, flip_at
        self._block = hashlib.sha512(b"pattern").digest() * 1025

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        start = self._position
        count = min(len(buffer), 64 * 1024, self._size - start)
        piece = bytearray(self._block[start % 64 : start % 64 + count])
        if self._flip_at is not None and start <= self._flip_at < start + count:
            piece[self._flip_at - start] ^= 0x01
        buffer[:count] = piece
        self._position += count
        return count


def test_large_message_streams_with_flat_memory() -> None:
    size = 20 * 1024 * 1024
    public = minisign.public_key_for(OTHER_KEY)
    tracemalloc.start()
    try:
        signed = minisign.sign(OTHER_KEY, io.BufferedReader(PatternStream(size)), "large")
        assert public.verify(signed, io.BufferedReader(PatternStream(size))) == "large"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024
    with pytest.raises(BadSignature):
        public.verify(signed, io.BufferedReader(PatternStream(size, flip_at=size - 1)))
    with pytest.raises(BadSignature):
        public.verify(signed, io.BufferedReader(PatternStream(size - 1)))


def test_legacy_signature_over_a_huge_file_is_refused_not_loaded(
    monkeypatch: pytest.MonkeyPatch, message: bytes, golden_public: PublicKey
) -> None:
    monkeypatch.setattr(minisign, "_MAX_LEGACY_MESSAGE", len(message) - 1)
    with pytest.raises(SignatureError, match="legacy"):
        golden_public.verify(golden_bytes("minisign-legacy.minisig"), io.BytesIO(message))


@pytest.mark.parametrize(
    "key_name, name",
    [("minisign-key.pub", "minisign-legacy.minisig"),
     ("minisign-tool.pub", "minisign-tool-legacy.minisig")],
)
def test_prehashed_only_refuses_a_valid_legacy_signature_naming_why(
    key_name: str, name: str, message: bytes
) -> None:
    key = PublicKey.from_string(golden_text(key_name))
    key.verify(golden_text(name), message)  # valid in itself
    with pytest.raises(minisign.LegacySignature, match='legacy algorithm "Ed"'):
        key.verify(golden_text(name), message, prehashed_only=True)
    stranger = minisign.public_key_for(Ed25519PrivateKey.generate())
    with pytest.raises(minisign.LegacySignature):  # named before any key id is compared
        stranger.verify(golden_text(name), message, prehashed_only=True)


def test_prehashed_only_accepts_the_prehashed_form(
    message: bytes, golden_public: PublicKey
) -> None:
    text = golden_text("minisign-prehashed.minisig")
    assert golden_public.verify(text, message, prehashed_only=True) == GOLDEN_TRUSTED_COMMENT
