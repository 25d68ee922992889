"""Fixed keys and small bundles for the bundle tests (and the golden-bundle script).

The keys are derived from fixed labels, so every run (and the golden bundle)
uses the same identities.  Custody data is built the way the vault builds it:
canonical entries, RFC 6962 leaf hashes, a signed checkpoint and inclusion
proofs, without a database.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kzarchive.bundle import BundleSpec, CustodyExport, PayloadFile, bagit, write_bundle
from kzarchive.bundle.tarstream import TarWriter
from kzarchive.crypto import age, merkle, minisign
from kzarchive.crypto.age import X25519Identity
from kzarchive.crypto.identity import Identity
from kzarchive.util.canonical import canonical_json

VAULT_ID = "0b5e7c1a-4f2d-4c3e-9a8b-1d2e3f4a5b6c"
CREATED = "2025-03-04T05:06:07Z"
BUNDLE_ID = "kzb-20250304-00112233aabbccdd"


def fixed_identity(label: str) -> Identity:
    seed = hashlib.sha256(f"kzarchive test identity {label} ed25519".encode()).digest()
    age_key = hashlib.sha256(f"kzarchive test identity {label} x25519".encode()).digest()
    return Identity(
        Ed25519PrivateKey.from_private_bytes(seed), X25519Identity.from_private_bytes(age_key)
    )


SENDER = fixed_identity("sender")
PARTNER = fixed_identity("partner")
STRANGER = fixed_identity("stranger")


def custody_entries(
    actor: str, incidents: Sequence[str], items: Sequence[str]
) -> list[dict[str, Any]]:
    """A small log as the vault writes it: a vault entry, then per incident its acts."""
    raw: list[dict[str, Any]] = [
        {"action": "vault.created", "incident_id": None, "item_id": None, "details": {}}
    ]
    for incident in incidents:
        raw.append({"action": "incident.created", "incident_id": incident, "item_id": None,
                    "details": {"fields": ["title"]}})
        for item in items:
            raw.append({"action": "item.added", "incident_id": incident, "item_id": item,
                        "details": {"sha256": hashlib.sha256(item.encode()).hexdigest()}})
        raw.append({"action": "incident.updated", "incident_id": incident, "item_id": None,
                    "details": {"fields": ["place", "tags"]}})
    entries = []
    last: dict[str, str] = {}
    for seq, partial in enumerate(raw, start=1):
        entry = {"seq": seq, "ts": f"2025-03-0{1 + seq % 3}T10:00:{seq % 60:02d}Z",
                 "actor": actor, **partial}
        incident = partial["incident_id"]
        entry["incident_prev"] = last.get(incident) if incident else None
        leaf = merkle.leaf_hash(canonical_json(entry)).hex()
        if incident:
            last[incident] = leaf
        entries.append({**entry, "leaf_hash": leaf})
    return entries


def custody_export(
    identity: Identity, entries: Sequence[Mapping[str, Any]], vault_id: str = VAULT_ID
) -> CustodyExport:
    leaves = [bytes.fromhex(entry["leaf_hash"]) for entry in entries]
    root = merkle.root(leaves)
    text = f"kzarchive/{vault_id}\n{len(leaves)}\n{base64.b64encode(root).decode()}\n"
    signature = minisign.sign(
        identity.signing_key, text.encode(), f"kzarchive checkpoint {vault_id} {len(leaves)}"
    )
    proofs = merkle.inclusion_proofs(range(len(leaves)), leaves)
    return CustodyExport(list(entries), text, signature, proofs)


def chunked(data: bytes, size: int = 40_000) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def payload(item_id: str, extension: str, data: bytes) -> PayloadFile:
    return PayloadFile(
        item_id, extension, len(data), hashlib.sha256(data).hexdigest(), lambda: chunked(data)
    )


DEFAULT_FILES = {
    "a1b2c3d4e5f60718": ("jpg", b"\xff\xd8\xff\xe0 not really a photo " * 40),
    "0f1e2d3c4b5a6978": ("txt", "Testimony: the witness saw … (UTF-8)\n".encode()),
    "9988776655443322": ("", b""),
}


def make_spec(
    files: Mapping[str, tuple[str, bytes]] | None = None,
    sender: Identity = SENDER,
    partners: Sequence[Identity] = (PARTNER,),
    bundle_id: str = BUNDLE_ID,
    created: str | None = CREATED,
    custody: CustodyExport | None = None,
    content: Mapping[str, Any] | None = None,
) -> BundleSpec:
    files = DEFAULT_FILES if files is None else files
    incidents = ["inc0000000000001", "inc0000000000002"]
    if custody is None:
        custody = custody_export(
            sender, custody_entries(sender.fingerprint, incidents, list(files)[:2])
        )
    if content is None:
        content = {
            "vault_id": VAULT_ID,
            "incidents": [{"id": i, "title": f"Incident {n} — détention"}
                          for n, i in enumerate(incidents)],
            "items": [{"id": item, "incident_id": incidents[0], "name": f"original name {n}"}
                      for n, item in enumerate(files)],
            "people": [],
        }
    return BundleSpec(
        bundle_id=bundle_id,
        sender=sender,
        recipients=[p.age_identity.recipient() for p in partners],
        recipient_fingerprints=[p.fingerprint for p in partners],
        bundle_json=content,
        custody=custody,
        files=[payload(item, ext, data) for item, (ext, data) in files.items()],
        created=created,
    )


def bundle_bytes(spec: BundleSpec | None = None) -> bytes:
    out = io.BytesIO()
    write_bundle(spec or make_spec(), out)
    return out.getvalue()


# --- taking a bundle apart, as someone who can encrypt to the partner but not sign ---------


def plaintext_of(data: bytes, identity: Identity = PARTNER) -> bytes:
    out = io.BytesIO()
    age.decrypt([identity.age_identity], io.BytesIO(data), out)
    return out.getvalue()


def encrypted(plain: bytes, *to: Identity) -> bytes:
    out = io.BytesIO()
    age.encrypt([i.age_identity.recipient() for i in (to or (PARTNER,))], io.BytesIO(plain), out)
    return out.getvalue()


def members_of(plain: bytes) -> tuple[str, dict[str, bytes | None]]:
    """The root folder and every entry (path below it → content, None for folders), in order."""
    entries: dict[str, bytes | None] = {}
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as archive:
        root = archive.getmembers()[0].name
        for member in archive.getmembers()[1:]:
            path = member.name[len(root) + 1 :]
            handle = archive.extractfile(member) if member.isfile() else None
            entries[path] = handle.read() if handle is not None else None
    return root, entries


def packed(root: str, entries: Mapping[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    writer = TarWriter(out)
    writer.add_directory(root)
    for path, content in entries.items():
        if content is None:
            writer.add_directory(f"{root}/{path}")
        else:
            writer.add_file(f"{root}/{path}", len(content), [content])
    writer.close()
    return out.getvalue()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remanifest(entries: dict[str, bytes | None]) -> None:
    """Recomputes manifest and tag manifest hashes after files changed (signature unchanged)."""
    for name, is_payload in (("manifest-sha256.txt", True), ("tagmanifest-sha256.txt", False)):
        listed = bagit.parse_manifest(entries[name] or b"", name, payload=is_payload)
        fresh = [(path, sha256_hex(entries[path] or b"")) for path in listed if path in entries]
        entries[name] = bagit.format_manifest(fresh, payload=is_payload)


def resign(entries: dict[str, bytes | None], signer: Identity, comment: str | None = None) -> None:
    """Re-hashes the manifests and signs the tag manifest again with ``signer``'s key."""
    remanifest(entries)
    tag_manifest = entries["tagmanifest-sha256.txt"] or b""
    old = (entries["tagmanifest-sha256.txt.minisig"] or b"").decode().split("\n")[2]
    trusted = comment if comment is not None else old.removeprefix("trusted comment: ")
    entries["tagmanifest-sha256.txt.minisig"] = minisign.sign(
        signer.signing_key, tag_manifest, trusted
    ).encode()


def altered_bundle(
    change: Callable[[dict[str, bytes | None]], None], data: bytes | None = None
) -> bytes:
    """The bundle after ``change`` edited its entries, re-packed and encrypted to the partner."""
    root, entries = members_of(plaintext_of(data if data is not None else bundle_bytes()))
    change(entries)
    return encrypted(packed(root, entries))


def legacy_signature(identity: Identity, message: bytes, comment: str) -> bytes:
    """A valid minisign signature in the legacy "Ed" form (the message itself signed)."""
    key = minisign.public_key_for(identity.signing_key)
    signature = identity.signing_key.sign(message)
    over_comment = identity.signing_key.sign(signature + comment.encode())
    encode = base64.b64encode
    return (
        f"untrusted comment: {minisign.DEFAULT_UNTRUSTED_COMMENT}\n"
        f"{encode(minisign.LEGACY + key.key_id + signature).decode()}\n"
        f"trusted comment: {comment}\n{encode(over_comment).decode()}\n"
    ).encode()
