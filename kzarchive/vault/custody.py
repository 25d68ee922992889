"""The custody log: an append-only, hash-chained record of every act.

Each entry is canonical JSON; its leaf hash is SHA-256(0x00 || entry) as in
RFC 6962, and all leaves in ``seq`` order form a Merkle tree whose root is signed
in checkpoints.  ``incident_prev`` chains the entries of one incident, so a
partner given only that incident's entries can still see that none is missing.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kzarchive.crypto import merkle, minisign
from kzarchive.errors import IntegrityError
from kzarchive.service.custody_chain import LINK_ALTERED, LINK_OK, chain_links
from kzarchive.service.models import CustodyEntry
from kzarchive.util.canonical import canonical_json, utc_timestamp
from kzarchive.vault.database import Connection


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root: bytes
    text: str
    signature: str


def checkpoint_text(vault_id: str, size: int, root: bytes) -> str:
    return f"kzarchive/{vault_id}\n{size}\n{base64.b64encode(root).decode()}\n"


def leaf_hash_of(entry: dict[str, Any]) -> str:
    return merkle.leaf_hash(canonical_json(entry)).hex()


def append(
    conn: Connection,
    actor: str,
    action: str,
    incident_id: str | None = None,
    item_id: str | None = None,
    details: dict[str, Any] | None = None,
) -> CustodyEntry:
    """Adds one entry; the caller's transaction makes it atomic with the change it records."""
    row = conn.execute("SELECT coalesce(max(seq), 0) FROM custody").fetchone()
    seq = int(row[0]) + 1
    prev = None
    if incident_id is not None:
        found = conn.execute(
            "SELECT leaf_hash FROM custody WHERE incident_id = ? ORDER BY seq DESC LIMIT 1",
            (incident_id,),
        ).fetchone()
        prev = found[0] if found else None
    entry = {
        "seq": seq, "ts": utc_timestamp(), "actor": actor, "action": action,
        "incident_id": incident_id, "item_id": item_id, "details": details or {},
        "incident_prev": prev,
    }
    leaf = leaf_hash_of(entry)
    conn.execute(
        "INSERT INTO custody (seq, ts, actor, action, incident_id, item_id, entry, leaf_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, entry["ts"], actor, action, incident_id, item_id,
         canonical_json(entry).decode(), leaf),
    )
    return CustodyEntry.from_row(canonical_json(entry).decode(), leaf)


def entries(conn: Connection, incident_id: str | None = None) -> list[CustodyEntry]:
    if incident_id is None:
        rows = conn.execute("SELECT entry, leaf_hash FROM custody ORDER BY seq")
    else:
        rows = conn.execute(
            "SELECT entry, leaf_hash FROM custody WHERE incident_id = ? ORDER BY seq",
            (incident_id,),
        )
    return [CustodyEntry.from_row(entry, leaf) for entry, leaf in rows]


def leaf_hashes(conn: Connection, size: int | None = None) -> list[bytes]:
    query = "SELECT leaf_hash FROM custody ORDER BY seq"
    if size is not None:
        query += f" LIMIT {int(size)}"
    return [bytes.fromhex(row[0]) for row in conn.execute(query)]


def make_checkpoint(
    conn: Connection, vault_id: str, signing_key: Ed25519PrivateKey
) -> Checkpoint:
    leaves = leaf_hashes(conn)
    root = merkle.root(leaves)
    text = checkpoint_text(vault_id, len(leaves), root)
    signature = minisign.sign(
        signing_key, text.encode(), trusted_comment=f"kzarchive checkpoint {vault_id} {len(leaves)}"
    )
    conn.execute(
        "INSERT OR REPLACE INTO checkpoints (size, root, text, signature, created) "
        "VALUES (?, ?, ?, ?, ?)",
        (len(leaves), root.hex(), text, signature, utc_timestamp()),
    )
    return Checkpoint(len(leaves), root, text, signature)


def check_chain(entries_in_order: list[dict[str, Any]], leaves: list[str]) -> None:
    """Recomputes each leaf and follows each incident's chain; raises on any break."""
    links = chain_links(entries_in_order, leaves, [leaf_hash_of(e) for e in entries_in_order])
    previous_seq = 0
    for entry, link in zip(entries_in_order, links, strict=True):
        seq = entry.get("seq")
        if not isinstance(seq, int) or seq <= previous_seq:
            raise IntegrityError(what=f"custody log entry order is broken at {seq}")
        previous_seq = seq
        if link == LINK_ALTERED:
            raise IntegrityError(what=f"custody log entry {seq} was altered")
        if link != LINK_OK:
            raise IntegrityError(
                what=f"custody chain of incident {entry.get('incident_id')} is broken at "
                     f"entry {seq}"
            )


def verify_log(conn: Connection, vault_id: str, public_key: minisign.PublicKey) -> int:
    """Checks every entry, the chains, and every stored checkpoint; returns the log size."""
    rows = conn.execute("SELECT seq, entry, leaf_hash FROM custody ORDER BY seq").fetchall()
    parsed = []
    for seq, entry_json, _leaf in rows:
        entry = json.loads(entry_json)
        if entry.get("seq") != seq or canonical_json(entry).decode() != entry_json:
            raise IntegrityError(what=f"custody log entry {seq} was altered")
        parsed.append(entry)
    if rows and rows[-1][0] != len(rows):
        raise IntegrityError(what="custody log entries are missing")
    check_chain(parsed, [row[2] for row in rows])
    leaves = [bytes.fromhex(row[2]) for row in rows]
    for size, root_hex, text, signature in conn.execute(
        "SELECT size, root, text, signature FROM checkpoints ORDER BY size"
    ):
        if size > len(leaves) or merkle.root(leaves[:size]).hex() != root_hex:
            raise IntegrityError(what=f"custody checkpoint at size {size} does not match the log")
        if text != checkpoint_text(vault_id, size, bytes.fromhex(root_hex)):
            raise IntegrityError(what=f"custody checkpoint at size {size} was altered")
        public_key.verify(signature, text.encode())
    return len(rows)


def verify_received(conn: Connection) -> int:
    """Entries received from partners: each still matches the leaf hash it came with."""
    count = 0
    for origin, seq, entry_json, leaf in conn.execute(
        "SELECT origin, seq, entry, leaf_hash FROM foreign_custody ORDER BY origin, seq"
    ):
        if leaf_hash_of(json.loads(entry_json)) != leaf:
            raise IntegrityError(what=f"a custody entry received from {origin} ({seq}) was altered")
        count += 1
    return count
