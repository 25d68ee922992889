"""Our minisign files against the real minisign program, in both directions."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kzarchive.crypto import minisign
from kzarchive.crypto.minisign import BadSignature, PublicKey, SignatureError, WrongSigningKey

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign is not installed"),
]

TRUSTED_COMMENT = "kzarchive bundle 01HZX\t2024-05-01T10:00:00Z\tsender 12345 67890 — ü"


def run_minisign(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["minisign", *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def our_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def message_file(tmp_path: Path) -> Path:
    path = tmp_path / "tagmanifest-sha256.txt"
    path.write_bytes(b"0123abcd  bagit.txt\n" * 5000 + bytes(range(256)))
    return path


@pytest.fixture
def tool_keys(tmp_path: Path) -> tuple[Path, Path]:
    public, secret = tmp_path / "tool.pub", tmp_path / "tool.key"
    result = run_minisign("-G", "-W", "-p", public, "-s", secret)
    assert result.returncode == 0, result.stderr
    return public, secret


def tamper(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_minisign_accepts_our_signature(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path
) -> None:
    public = tmp_path / "our.pub"
    public.write_text(minisign.public_key_for(our_key).to_file_text())
    default_signature = Path(f"{message_file}.minisig")
    default_signature.write_text(minisign.sign(our_key, message_file.read_bytes(), TRUSTED_COMMENT))
    elsewhere = tmp_path / "elsewhere.sig"
    shutil.copy(default_signature, elsewhere)

    plain = run_minisign("-V", "-p", public, "-m", message_file)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines()[-1] == f"Trusted comment: {TRUSTED_COMMENT}"
    quiet = run_minisign("-V", "-Q", "-p", public, "-m", message_file, "-x", elsewhere)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == TRUSTED_COMMENT + "\n"
    inline = run_minisign(
        "-V", "-P", minisign.public_key_for(our_key).to_base64(), "-m", message_file
    )
    assert inline.returncode == 0, inline.stderr
    prehashed_only = run_minisign("-V", "-H", "-p", public, "-m", message_file)
    assert prehashed_only.returncode == 0, prehashed_only.stderr

    tamper(message_file)
    rejected = run_minisign("-V", "-p", public, "-m", message_file)
    assert rejected.returncode != 0
    assert "verification failed" in rejected.stderr


def test_minisign_rejects_our_signature_under_another_key(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path, tool_keys: tuple[Path, Path]
) -> None:
    signature = tmp_path / "file.minisig"
    signature.write_text(minisign.sign(our_key, message_file.read_bytes(), TRUSTED_COMMENT))
    result = run_minisign("-V", "-p", tool_keys[0], "-m", message_file, "-x", signature)
    assert result.returncode != 0
    # minisign 0.11 prints key ids without leading zeros, 0.12 with them.
    assert minisign.public_key_for(our_key).key_id_hex.lstrip("0") in result.stderr


def test_minisign_rejects_an_altered_trusted_comment_of_ours(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path
) -> None:
    public = tmp_path / "our.pub"
    public.write_text(minisign.public_key_for(our_key).to_file_text())
    signature = tmp_path / "file.minisig"
    text = minisign.sign(our_key, message_file.read_bytes(), TRUSTED_COMMENT)
    signature.write_text(text.replace("sender 12345", "sender 99999"))
    result = run_minisign("-V", "-p", public, "-m", message_file, "-x", signature)
    assert result.returncode != 0
    assert "Comment signature verification failed" in result.stderr


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_we_accept_signatures_made_by_minisign(
    tmp_path: Path, message_file: Path, tool_keys: tuple[Path, Path], legacy: bool
) -> None:
    public_path, secret = tool_keys
    signature = tmp_path / "tool.minisig"
    extra = ["-l"] if legacy else []
    made = run_minisign(
        "-S", *extra, "-s", secret, "-m", message_file, "-x", signature, "-t", TRUSTED_COMMENT
    )
    assert made.returncode == 0, made.stderr
    public = PublicKey.from_string(public_path.read_text())
    assert public.verify_file(signature, message_file) == TRUSTED_COMMENT

    tamper(message_file)
    with pytest.raises(BadSignature):
        public.verify_file(signature, message_file)


def test_we_name_the_key_id_mismatch_for_minisigns_signature(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path, tool_keys: tuple[Path, Path]
) -> None:
    signature = tmp_path / "tool.minisig"
    made = run_minisign("-S", "-s", tool_keys[1], "-m", message_file, "-x", signature)
    assert made.returncode == 0, made.stderr
    tool_key_id = PublicKey.from_string(tool_keys[0].read_text()).key_id_hex
    with pytest.raises(WrongSigningKey, match=tool_key_id):
        minisign.public_key_for(our_key).verify_file(signature, message_file)


def test_minisign_signing_with_our_key_gives_our_exact_signature(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path
) -> None:
    secret, public = tmp_path / "our.key", tmp_path / "our.pub"
    secret.write_text(minisign.secret_key_file_text(our_key))
    public.write_text(minisign.public_key_for(our_key).to_file_text())
    signature = tmp_path / "tool.minisig"
    made = run_minisign(
        "-S", "-s", secret, "-p", public, "-m", message_file, "-x", signature,
        "-t", TRUSTED_COMMENT, "-c", minisign.DEFAULT_UNTRUSTED_COMMENT,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    ours = minisign.sign(our_key, message_file.read_bytes(), TRUSTED_COMMENT)
    assert signature.read_text() == ours
    recreated = run_minisign("-R", "-f", "-s", secret, "-p", tmp_path / "recreated.pub")
    assert recreated.returncode == 0, recreated.stderr
    assert PublicKey.from_string((tmp_path / "recreated.pub").read_text()) == (
        minisign.public_key_for(our_key)
    )


def test_longest_comments_we_allow_are_read_by_minisign(
    tmp_path: Path, our_key: Ed25519PrivateKey, message_file: Path
) -> None:
    public = tmp_path / "our.pub"
    public.write_text(minisign.public_key_for(our_key).to_file_text())
    trusted = "é" * 4086 + "t"  # 8173 bytes, the most minisign reads
    signature = tmp_path / "file.minisig"
    signature.write_text(minisign.sign(our_key, message_file.read_bytes(), trusted, "u" * 1003))
    result = run_minisign("-V", "-Q", "-p", public, "-m", message_file, "-x", signature)
    assert result.returncode == 0, result.stderr
    assert result.stdout == trusted + "\n"


IDENTITY_POINT = b"\x01" + bytes(31)
GROUP_ORDER = 2**252 + 27742317777372353535851937790883648493


def crafted_signature_file(key_id: bytes, signature: bytes, global_signature: bytes) -> str:
    return (
        "untrusted comment: crafted\n"
        f"{base64.b64encode(b'ED' + key_id + signature).decode()}\n"
        "trusted comment: crafted\n"
        f"{base64.b64encode(global_signature).decode()}\n"
    )


def test_both_refuse_signatures_that_only_a_lax_ed25519_check_accepts(tmp_path: Path) -> None:
    message = tmp_path / "m.txt"
    message.write_bytes(b"any message")
    digest = hashlib.blake2b(b"any message", digest_size=64).digest()

    # A weak (identity) public key: R = identity, S = 0 "signs" every message.
    weak_pub = tmp_path / "weak.pub"
    weak_pub.write_text(
        "untrusted comment: weak\n" + base64.b64encode(b"Ed" + bytes(8) + IDENTITY_POINT).decode()
    )
    universal = IDENTITY_POINT + bytes(32)
    weak_sig = tmp_path / "weak.minisig"
    weak_sig.write_text(crafted_signature_file(bytes(8), universal, universal))
    assert run_minisign("-V", "-p", weak_pub, "-m", message, "-x", weak_sig).returncode != 0
    with pytest.raises(SignatureError):
        PublicKey(bytes(8), IDENTITY_POINT).verify_file(weak_sig, message)

    # A key holder's signature whose R is the identity point: S = k * a.
    seed = bytes(range(32))
    key = Ed25519PrivateKey.from_private_bytes(seed)
    public = minisign.public_key_for(key)
    scalar = int.from_bytes(hashlib.sha512(seed).digest()[:32], "little")
    scalar = (scalar & ((1 << 254) - 8)) | (1 << 254)
    challenge = hashlib.sha512(IDENTITY_POINT + public.ed25519_public + digest).digest()
    s = int.from_bytes(challenge, "little") % GROUP_ORDER * scalar % GROUP_ORDER
    odd = IDENTITY_POINT + s.to_bytes(32, "little")
    odd_sig = tmp_path / "odd.minisig"
    odd_sig.write_text(crafted_signature_file(public.key_id, odd, key.sign(odd + b"crafted")))
    pub = tmp_path / "k.pub"
    pub.write_text(public.to_file_text())
    assert run_minisign("-V", "-p", pub, "-m", message, "-x", odd_sig).returncode != 0
    with pytest.raises(BadSignature):
        public.verify_file(odd_sig, message)
