"""Writes the golden receipts of format version 1 into tests/bundle/golden/.

    .venv/bin/python tests/bundle/make_receipt_golden.py [--refresh]

The plaintext of each receipt is built here from docs/bundle-format.md ("Receipts")
with json, hashlib, base64 and Ed25519 from cryptography, not with
kzarchive.bundle.receipt, so the golden test compares our code with an independent
construction.  Ed25519 is deterministic, so the plaintexts come out the same on
every run.  The age layer is random; it is made by the age tool when installed
(else by kzarchive's age, itself checked against the C2SP vectors), so the .kzr
files are written only when missing, or with --refresh (which must never be needed
for a released format).  The sender's age key and the partner's contact card are
written next to them, so a person with age and minisign can open and check them.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kzarchive.crypto import age
from kzarchive.crypto.age import X25519Identity
from kzarchive.crypto.identity import ContactCard, PublicIdentity

GOLDEN = Path(__file__).parent / "golden"
SENDER_KEY = GOLDEN / "receipt-v1-sender-key.txt"
PARTNER_CARD = GOLDEN / "receipt-v1-partner-card.txt"
# name: (the .kzr file, its plaintext, the body's fields)
RECEIPTS = {
    "plain": "receipt-v1",
    "token": "receipt-v1-token",
}
TOKEN = b"0\x82\x01\x00opaque RFC 3161 reply bytes, kept as they are\x00\xff"


def _seed(label: str) -> bytes:
    return hashlib.sha256(f"kzarchive receipt golden {label}".encode()).digest()


def partner_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_seed("partner ed25519"))


def partner_public() -> PublicIdentity:
    x25519 = X25519PrivateKey.from_private_bytes(_seed("partner x25519"))
    return PublicIdentity(partner_signing_key().public_key().public_bytes_raw(),
                          x25519.public_key().public_bytes_raw())


def sender_identity() -> X25519Identity:
    return X25519Identity.from_private_bytes(_seed("sender x25519"))


def sender_fingerprint() -> str:
    signing = Ed25519PrivateKey.from_private_bytes(_seed("sender ed25519"))
    return PublicIdentity(signing.public_key().public_bytes_raw(),
                          sender_identity().recipient().public_bytes()).fingerprint


def body(name: str) -> dict[str, Any]:
    token = base64.b64encode(TOKEN).decode() if name == "token" else None
    warnings = 1 if name == "token" else 0
    return {
        "format": "kzarchive-receipt", "version": 1,
        "bundle_id": "kzb-20260102-00112233aabbccdd",
        "tag_manifest_sha256": hashlib.sha256(b"golden tag manifest").hexdigest(),
        "sender_fingerprint": sender_fingerprint(),
        "partner_fingerprint": partner_public().fingerprint,
        "result": {"verdict": "verified_with_warnings" if warnings else "verified",
                   "files": 3, "files_verified": 3, "bytes": 123456, "checks": 14,
                   "warnings": warnings},
        "signed_at": "2026-01-03T04:05:06Z",
        "timestamp_token": token,
    }


def plaintext(name: str) -> bytes:
    body_bytes = json.dumps(body(name), ensure_ascii=False, sort_keys=True,
                            separators=(",", ":")).encode("utf-8")
    key = partner_signing_key()
    public = key.public_key().public_bytes_raw()
    key_id = hashlib.blake2b(b"kzarchive minisign key id" + public, digest_size=32).digest()[:8]
    signature = key.sign(hashlib.blake2b(body_bytes, digest_size=64).digest())
    trusted = b"kzarchive receipt v1"
    global_signature = key.sign(signature + trusted)
    lines = [
        b"kzarchive-receipt v1",
        b"untrusted comment: kzarchive receipt",
        base64.b64encode(b"ED" + key_id + signature),
        b"trusted comment: " + trusted,
        base64.b64encode(global_signature),
    ]
    return b"\n".join(lines) + b"\n" + body_bytes


def _encrypt(data: bytes) -> bytes:
    tool = shutil.which("age")
    recipient = sender_identity().recipient().to_string()
    if tool is None:
        sink = io.BytesIO()
        age.encrypt([sender_identity().recipient()], io.BytesIO(data), sink)
        return sink.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "plaintext"
        source.write_bytes(data)
        return subprocess.run([tool, "-r", recipient, str(source)], check=True,
                              capture_output=True).stdout


def main(refresh: bool) -> None:
    GOLDEN.mkdir(exist_ok=True)
    key = sender_identity()
    SENDER_KEY.write_text(f"# the sender's key of the golden receipts\n"
                          f"# public key: {key.recipient().to_string()}\n{key.to_string()}\n")
    PARTNER_CARD.write_text(ContactCard("Golden partner", partner_public()).to_text(),
                            encoding="utf-8")
    for name, stem in RECEIPTS.items():
        (GOLDEN / f"{stem}.plaintext").write_bytes(plaintext(name))
        kzr = GOLDEN / f"{stem}.kzr"
        if refresh or not kzr.exists():
            kzr.write_bytes(_encrypt(plaintext(name)))


if __name__ == "__main__":
    main("--refresh" in sys.argv[1:])
