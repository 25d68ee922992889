"""Writes the age and identity golden files in tests/crypto/golden/.

    .venv/bin/python tests/crypto/make_age_golden.py [--refresh-tool-file]

Most files are built here straight from the specifications (C2SP age for the
payload and header, docs/formats.md for the fingerprint, contact card and the
stored identity) with the primitives of cryptography, not with kzarchive's own
code, so that the golden tests compare kzarchive with an independent
construction.  Files that need randomness (ephemeral X25519 shares) differ on
each run; the deterministic ones (payload, identity, card) come out the same.

age-kzarchive.age is written by kzarchive's AgeWriter, to keep a file of our own
making readable forever.  age-tool.age is written by the real age program and is
only made when missing, or with --refresh-tool-file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import shutil
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

GOLDEN = Path(__file__).parent / "golden"

# Inputs shared with the tests (they repeat these literals on purpose).
AGE_SECRET = hashlib.sha256(b"kzarchive age golden identity").digest()
OTHER_SECRET = hashlib.sha256(b"kzarchive age golden other identity").digest()
FILE_KEY = hashlib.sha256(b"kzarchive age golden file key").digest()[:16]
NONCE = hashlib.sha256(b"kzarchive age golden nonce").digest()[:16]
SMALL_TEXT = "Testimony 7, page 1: the golden plaintext — ünïcödé ✓\n".encode()
ED25519_SEED = hashlib.sha256(b"kzarchive identity golden ed25519").digest()
X25519_SECRET = hashlib.sha256(b"kzarchive identity golden x25519").digest()
CARD_NAME = "Amal Haddad — أمل حداد"


def pattern(size: int) -> bytes:
    """The plaintext of the multi-chunk golden files."""
    return (bytes(range(256)) * (size // 256 + 1))[:size]


PAYLOAD_PLAINTEXT_SIZE = 65536 + 1000  # two chunks, the last one short


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=info).derive(ikm)


def payload(file_key: bytes, nonce: bytes, plaintext: bytes) -> bytes:
    aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i : i + 65536] for i in range(0, len(plaintext), 65536)] or [b""]
    out = [nonce]
    for counter, chunk in enumerate(chunks):
        last = b"\x01" if counter == len(chunks) - 1 else b"\x00"
        out.append(aead.encrypt(counter.to_bytes(11, "big") + last, chunk, None))
    return b"".join(out)


def stanza(args: str, body: bytes) -> str:
    text = b64(body)
    # Full 64-column lines, then one shorter line (empty if need be).
    lines = [text[i : i + 64] for i in range(0, len(text) + 1, 64)]
    return f"-> {args}\n" + "".join(line + "\n" for line in lines)


def x25519_stanza(file_key: bytes, recipient: bytes) -> str:
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrap_key = hkdf(secret, share + recipient, b"age-encryption.org/v1/X25519")
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    return stanza(f"X25519 {b64(share)}", body)


def header(file_key: bytes, stanzas: str) -> bytes:
    head = f"age-encryption.org/v1\n{stanzas}---".encode()
    mac = hmac.digest(hkdf(file_key, b"", b"header"), head, "sha256")
    return head + b" " + b64(mac).encode() + b"\n"


def bech32(hrp: str, data: bytes) -> str:
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]

    def polymod(values: list[int]) -> int:
        chk = 1
        for value in values:
            top = chk >> 25
            chk = (chk & 0x1FFFFFF) << 5 ^ value
            for i in range(5):
                chk ^= generator[i] if (top >> i) & 1 else 0
        return chk

    bits = "".join(f"{byte:08b}" for byte in data)
    bits += "0" * (-len(bits) % 5)
    groups = [int(bits[i : i + 5], 2) for i in range(0, len(bits), 5)]
    low = hrp.lower()
    expanded = [ord(c) >> 5 for c in low] + [0] + [ord(c) & 31 for c in low]
    mod = polymod(expanded + groups + [0] * 6) ^ 1
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return low + "1" + "".join(charset[g] for g in groups + checksum)


def public_x25519(secret: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes_raw()


def fingerprint(ed25519_public: bytes, x25519_public: bytes) -> str:
    keys = ed25519_public + x25519_public
    digest = (1).to_bytes(2, "big") + b"kzarchive fingerprint" + keys
    for _ in range(5200):
        digest = hashlib.sha512(digest + keys).digest()
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100000 for i in range(0, 60, 5)]
    return " ".join(f"{group:05d}" for group in groups)


def write_age_files() -> None:
    recipient = public_x25519(AGE_SECRET)
    identity_line = bech32("AGE-SECRET-KEY-", AGE_SECRET).upper()
    (GOLDEN / "age-identity.txt").write_text(
        f"# golden key of the kzarchive tests\n"
        f"# public key: {bech32('age', recipient)}\n{identity_line}\n"
    )
    blob = payload(FILE_KEY, NONCE, pattern(PAYLOAD_PLAINTEXT_SIZE))
    (GOLDEN / "age-payload.bin").write_bytes(blob)
    (GOLDEN / "age-empty-payload.bin").write_bytes(payload(FILE_KEY, NONCE, b""))
    stanzas = (
        x25519_stanza(FILE_KEY, public_x25519(OTHER_SECRET))
        + stanza("example.org/unknown-type arg1 arg2", b"opaque body of another type, " * 3)
        + x25519_stanza(FILE_KEY, recipient)
    )
    (GOLDEN / "age-blob.age").write_bytes(header(FILE_KEY, stanzas) + blob)


def write_kzarchive_file() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import io

    from kzarchive.crypto import age

    sink = io.BytesIO()
    recipients = [
        age.X25519Identity.from_private_bytes(AGE_SECRET).recipient(),
        age.X25519Identity.from_private_bytes(OTHER_SECRET).recipient(),
    ]
    with age.AgeWriter(recipients, sink) as writer:
        writer.write(SMALL_TEXT)
    (GOLDEN / "age-kzarchive.age").write_bytes(sink.getvalue())


def write_tool_file(refresh: bool) -> None:
    target = GOLDEN / "age-tool.age"
    if target.exists() and not refresh:
        return
    if shutil.which("age") is None:
        sys.exit("the age program is needed to make age-tool.age")
    recipient = bech32("age", public_x25519(AGE_SECRET))
    made = subprocess.run(["age", "-r", recipient], input=SMALL_TEXT, capture_output=True)
    made.check_returncode()
    target.write_bytes(made.stdout)


def write_identity_files() -> None:
    ed25519_public = Ed25519PrivateKey.from_private_bytes(ED25519_SEED).public_key()
    ed_raw = ed25519_public.public_bytes_raw()
    x_raw = public_x25519(X25519_SECRET)
    (GOLDEN / "identity-secret.bin").write_bytes(b"KZID\x01" + ED25519_SEED + X25519_SECRET)
    key_id = hashlib.blake2b(b"kzarchive minisign key id" + ed_raw, digest_size=32).digest()[:8]
    minisign_key = base64.b64encode(b"Ed" + key_id + ed_raw).decode("ascii")
    (GOLDEN / "identity-card.txt").write_text(
        "kzarchive-contact-card v1\n"
        f"name: {CARD_NAME}\n"
        f"age-recipient: {bech32('age', x_raw)}\n"
        f"minisign-public-key: {minisign_key}\n"
        f"fingerprint: {fingerprint(ed_raw, x_raw)}\n",
        encoding="utf-8",
    )


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    write_age_files()
    write_kzarchive_file()
    write_tool_file("--refresh-tool-file" in sys.argv[1:])
    write_identity_files()


if __name__ == "__main__":
    main()
