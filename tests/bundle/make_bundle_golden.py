"""Writes the golden bundle of format version 1 into tests/bundle/golden/.

    .venv/bin/python tests/bundle/make_bundle_golden.py [--refresh]

The bundle is made once and kept: later kzarchive versions must still read it
(DESIGN.md, "Bundle").  Its keys are fixed (derived from labels), and the
partner's age key and the sender's contact card are written next to it, so the
test and a person with the age, minisign and bagit tools can open it.  The age
layer is random (file key, ephemeral shares), so running this again gives
other bytes; it therefore only writes files that are missing, or all of them
with --refresh (which must never be needed for a released format).

Everything the bundle holds is defined here, independently of the other test
helpers, so that the golden bundle's content stays fixed however they change.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kzarchive.bundle import BundleSpec, CustodyExport, PayloadFile, write_bundle
from kzarchive.crypto import merkle, minisign
from kzarchive.crypto.age import X25519Identity
from kzarchive.crypto.identity import ContactCard, Identity
from kzarchive.util.canonical import canonical_json

GOLDEN = Path(__file__).parent / "golden"
BUNDLE = GOLDEN / "bundle-v1.kzb"
PARTNER_KEY = GOLDEN / "bundle-v1-partner-key.txt"
SENDER_CARD = GOLDEN / "bundle-v1-sender-card.txt"
EXPECTED = GOLDEN / "bundle-v1-expected.json"



def fixed_identity(label: str) -> Identity:
    seed = hashlib.sha256(f"kzarchive golden bundle {label} ed25519".encode()).digest()
    age_key = hashlib.sha256(f"kzarchive golden bundle {label} x25519".encode()).digest()
    return Identity(
        Ed25519PrivateKey.from_private_bytes(seed), X25519Identity.from_private_bytes(age_key)
    )


SENDER = fixed_identity("sender")
PARTNER = fixed_identity("partner")
BUNDLE_ID = "kzb-20250601-0123456789abcdef"
CREATED = "2025-06-01T12:00:00Z"
VAULT_ID = "5d7c2a1e-8b3f-4e6a-9c0d-2f1e4b3a6c5d"
INCIDENT = "4a1b2c3d4e5f6071"
FILES = {
    "1111222233334444": ("jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF golden photo bytes " * 64),
    "5555666677778888": ("txt", "Témoignage : « ils sont arrivés à l'aube ».\n".encode()),
    "9999aaaabbbbcccc": ("", b""),
}
CONTENT: dict[str, Any] = {
    "vault_id": VAULT_ID,
    "incidents": [{"id": INCIDENT, "title": "Arrestation à l'aube", "violations": ["detention"]}],
    "items": [
        {"id": item, "incident_id": INCIDENT, "name": f"original-{n}.{ext or 'bin'}"}
        for n, (item, (ext, _)) in enumerate(FILES.items())
    ],
    "people": [{"id": "7e7e7e7e7e7e7e7e", "incident_id": INCIDENT, "pseudonym": "Witness A"}],
}


ACTS = [
    ("vault.created", None, None, {}),
    ("incident.created", INCIDENT, None, {"fields": ["title"]}),
    *[("item.added", INCIDENT, item, {"sha256": hashlib.sha256(data).hexdigest()})
      for item, (_, data) in FILES.items()],
    ("contact.verified", None, None, {"fingerprint": "partner"}),
    ("incident.updated", INCIDENT, None, {"fields": ["place", "violations"]}),
]


def custody() -> CustodyExport:
    entries: list[dict[str, Any]] = []
    previous: str | None = None
    for seq, (action, incident, item, details) in enumerate(ACTS, start=1):
        entry = {
            "seq": seq, "ts": f"2025-05-{seq:02d}T09:30:00Z", "actor": SENDER.fingerprint,
            "action": action, "incident_id": incident, "item_id": item, "details": details,
            "incident_prev": previous if incident else None,
        }
        leaf = merkle.leaf_hash(canonical_json(entry)).hex()
        previous = leaf if incident else previous
        entries.append({**entry, "leaf_hash": leaf})
    leaves = [bytes.fromhex(entry["leaf_hash"]) for entry in entries]
    root = base64.b64encode(merkle.root(leaves)).decode()
    text = f"kzarchive/{VAULT_ID}\n{len(leaves)}\n{root}\n"
    signature = minisign.sign(
        SENDER.signing_key, text.encode(), f"kzarchive checkpoint {VAULT_ID} {len(leaves)}"
    )
    proofs = merkle.inclusion_proofs(range(len(leaves)), leaves)
    return CustodyExport(entries, text, signature, proofs)


def payload(item: str, extension: str, data: bytes) -> PayloadFile:
    return PayloadFile(
        item, extension, len(data), hashlib.sha256(data).hexdigest(), lambda: iter([data])
    )


def golden_spec() -> BundleSpec:
    return BundleSpec(
        bundle_id=BUNDLE_ID,
        sender=SENDER,
        recipients=[PARTNER.age_identity.recipient()],
        recipient_fingerprints=[PARTNER.fingerprint],
        bundle_json=CONTENT,
        custody=custody(),
        files=[payload(item, ext, data) for item, (ext, data) in FILES.items()],
        created=CREATED,
    )


def main() -> None:
    refresh = "--refresh" in sys.argv[1:]
    GOLDEN.mkdir(exist_ok=True)
    if BUNDLE.exists() and not refresh:
        print(f"{BUNDLE} exists; nothing written (use --refresh to replace it)")
        return
    out = io.BytesIO()
    write_bundle(golden_spec(), out)
    BUNDLE.write_bytes(out.getvalue())
    PARTNER_KEY.write_text(PARTNER.age_identity.to_string() + "\n")
    SENDER_CARD.write_text(ContactCard("Golden Sender", SENDER.public).to_text())
    expected = {
        "bundle_id": BUNDLE_ID,
        "created": CREATED,
        "sender": SENDER.fingerprint,
        "files": {
            payload(item, ext, data).record.path: hashlib.sha256(data).hexdigest()
            for item, (ext, data) in FILES.items()
        },
        "content": CONTENT,
    }
    EXPECTED.write_text(json.dumps(expected, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {BUNDLE}")


if __name__ == "__main__":
    main()
