"""Writes the minisign golden files in tests/crypto/golden/.

    .venv/bin/python tests/crypto/make_minisign_golden.py [--refresh-tool-files]

The files for the fixed golden key are built here straight from the minisign
format (hashlib, base64 and Ed25519 from cryptography), not with
kzarchive.crypto.minisign, so that the golden tests compare our code with an
independent construction.  Ed25519 is deterministic: running this again gives
the same bytes.

The minisign-tool-* files are made by the real minisign program (random key),
to prove without the tool installed that we accept what it writes.  They are
only made when missing, or with --refresh-tool-files.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

GOLDEN = Path(__file__).parent / "golden"
SEED = hashlib.sha256(b"kzarchive minisign golden key").digest()
MESSAGE = b"kzarchive golden message\n" + bytes(range(256)) + "Ünïcödé ✓\n".encode()
TRUSTED_COMMENT = "kzarchive golden\tbundle 0001\tsender 12345 67890 — é"
UNTRUSTED_COMMENT = "signature from kzarchive"
TOOL_TRUSTED_COMMENT = "made by the minisign tool\tfor kzarchive"


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def signature_file(key: Ed25519PrivateKey, key_id: bytes, algorithm: bytes, signed: bytes) -> str:
    signature = key.sign(signed)
    global_signature = key.sign(signature + TRUSTED_COMMENT.encode())
    return (
        f"untrusted comment: {UNTRUSTED_COMMENT}\n"
        f"{b64(algorithm + key_id + signature)}\n"
        f"trusted comment: {TRUSTED_COMMENT}\n"
        f"{b64(global_signature)}\n"
    )


def write_fixed_key_files() -> None:
    key = Ed25519PrivateKey.from_private_bytes(SEED)
    public = key.public_key().public_bytes_raw()
    key_id = hashlib.blake2b(b"kzarchive minisign key id" + public, digest_size=32).digest()[:8]
    key_id_hex = key_id[::-1].hex().upper()
    (GOLDEN / "minisign-message.bin").write_bytes(MESSAGE)
    (GOLDEN / "minisign-key.pub").write_text(
        f"untrusted comment: minisign public key {key_id_hex}\n{b64(b'Ed' + key_id + public)}\n"
    )
    prehashed = hashlib.blake2b(MESSAGE, digest_size=64).digest()
    (GOLDEN / "minisign-prehashed.minisig").write_text(
        signature_file(key, key_id, b"ED", prehashed)
    )
    (GOLDEN / "minisign-legacy.minisig").write_text(signature_file(key, key_id, b"Ed", MESSAGE))
    keypair = SEED + public
    checksum = hashlib.blake2b(b"Ed" + key_id + keypair, digest_size=32).digest()
    secret = b"Ed" + b"\0\0" + b"B2" + bytes(48) + key_id + keypair + checksum
    (GOLDEN / "minisign-golden-unencrypted.key").write_text(
        f"untrusted comment: minisign secret key\n{b64(secret)}\n"
    )


def write_tool_files(refresh: bool) -> None:
    pub = GOLDEN / "minisign-tool.pub"
    if pub.exists() and not refresh:
        return
    if shutil.which("minisign") is None:
        sys.exit("the minisign program is needed to make the minisign-tool-* files")
    with tempfile.TemporaryDirectory() as scratch:
        secret = Path(scratch) / "tool.key"
        subprocess.run(
            ["minisign", "-G", "-W", "-f", "-p", str(pub), "-s", str(secret)],
            check=True,
            capture_output=True,
        )
        message = GOLDEN / "minisign-message.bin"
        for name, extra in (
            ("minisign-tool-prehashed.minisig", []),
            ("minisign-tool-legacy.minisig", ["-l"]),
        ):
            subprocess.run(
                [
                    "minisign",
                    "-S",
                    *extra,
                    "-s",
                    str(secret),
                    "-m",
                    str(message),
                    "-x",
                    str(GOLDEN / name),
                    "-t",
                    TOOL_TRUSTED_COMMENT,
                ],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    write_fixed_key_files()
    write_tool_files(refresh="--refresh-tool-files" in sys.argv)
