"""Custody chains a sender forwards from others ("upstream"), and the sender's own.

A relay forwards, with each incident it received, the custody chain of the
vault it came from: that vault's entries for the incident, its signed
checkpoint and inclusion proofs.  Each block is checked on its own (the keys
give the named origin, the checkpoint is signed by it, every entry is in its
tree and chained), and against the sender's signed statement of each chain's
head (``upstream_heads`` in bundle.json: entry count and last leaf hash per
incident), so that a relay cannot drop the end of a chain unseen.
docs/bundle-format.md, "Upstream custody", states the rules.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kzarchive.bundle import custody, layout
from kzarchive.bundle.bagit import is_sha256_hex
from kzarchive.bundle.fields import Fields, bad
from kzarchive.crypto import merkle, minisign
from kzarchive.crypto.age import X25519Recipient
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError
from kzarchive.util.canonical import canonical_json

MAX_BLOCKS = 10_000
MAX_ENTRIES = 1_000_000
MAX_TEXT = 4_096  # a key, a checkpoint or a signature


@dataclass(frozen=True)
class CustodyChain:
    """One vault's verified custody entries for the incidents of a bundle."""

    origin: str  # fingerprint of the vault whose key signed the checkpoint
    minisign_public_key: str
    age_recipient: str
    checkpoint: str
    checkpoint_signature: str
    entries: tuple[Mapping[str, Any], ...]  # each with its leaf_hash, in seq order
    proofs: Mapping[str, tuple[str, ...]]  # leaf index (seq - 1) -> audit path in hex
    complete: bool  # True when its end is shown (the signer's own log, or a stated head)

    def heads(self) -> dict[str, tuple[int, str]]:
        return chain_heads(self.entries)

    def rows(self) -> Iterator[tuple[int, str | None, str, str]]:
        """(seq, incident id, canonical entry without leaf hash, leaf hash) of each entry."""
        for entry in self.entries:
            body = {key: value for key, value in entry.items() if key != "leaf_hash"}
            yield (entry["seq"], entry.get("incident_id"), canonical_json(body).decode(),
                   entry["leaf_hash"])

    def entries_json(self) -> str:
        return json.dumps([dict(entry) for entry in self.entries])

    def proofs_json(self) -> str:
        return json.dumps({index: list(path) for index, path in self.proofs.items()})


def chain_heads(entries: Sequence[Mapping[str, Any]]) -> dict[str, tuple[int, str]]:
    """Per incident: how many entries its chain has here and the last one's leaf hash."""
    heads: dict[str, tuple[int, str]] = {}
    for entry in entries:
        incident = entry.get("incident_id")
        if isinstance(incident, str):
            count = heads.get(incident, (0, ""))[0]
            heads[incident] = (count + 1, str(entry["leaf_hash"]))
    return heads


def state_heads(blocks: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The writer's statement of each forwarded block's chain heads, in block order."""
    return [{
        "origin": block["origin"],
        "chains": {incident: {"entries": count, "last_leaf_hash": leaf}
                   for incident, (count, leaf) in sorted(chain_heads(block["entries"]).items())},
    } for block in blocks]


def read_upstream(document: Mapping[str, Any], incidents: set[str]) -> tuple[CustodyChain, ...]:
    """Every forwarded block, verified; raises ``IntegrityError`` naming the first problem."""
    raw = document.get("upstream_custody")
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_BLOCKS:
        raise bad("upstream_custody", "is not a list of custody blocks")
    stated = _stated_heads(document, len(raw))
    chains = []
    for index, block in enumerate(raw):
        where = f"upstream_custody[{index}]"
        chain = _read_block(Fields(block, where), where, incidents)
        if stated is not None:
            _check_heads(chain, stated[index], where)
            chain = dataclasses.replace(chain, complete=True)
        chains.append(chain)
    return tuple(chains)


def _stated_heads(document: Mapping[str, Any], blocks: int) -> list[Fields] | None:
    raw = document.get("upstream_heads")
    if raw is None:
        return None  # written before senders stated heads: completeness is not shown
    if not isinstance(raw, list) or len(raw) != blocks:
        raise bad("upstream_heads", "does not state one head per upstream custody block")
    return [Fields(item, f"upstream_heads[{n}]") for n, item in enumerate(raw)]


def _check_heads(chain: CustodyChain, stated: Fields, where: str) -> None:
    if stated.fingerprint("origin") != chain.origin:
        raise bad(stated.where, "names another origin than the block it states")
    chains = Fields(stated.raw.get("chains"), f"{stated.where}.chains")
    heads = chain.heads()
    if set(chains.raw) != set(heads):
        raise IntegrityError(
            what=f"{where}: the sender states the chains of other incidents than it forwards")
    for incident, (count, leaf) in heads.items():
        head = Fields(chains.raw[incident], f"{chains.where}.{incident}")
        if head.size("entries") != count or head.sha256("last_leaf_hash") != leaf:
            raise IntegrityError(
                what=f"{where}: the chain of incident {incident} from {chain.origin} has "
                f"{count} entries ending with {leaf[:16]}…, but the sender states "
                f"{head.raw['entries']} entries ending with {str(head.raw['last_leaf_hash'])[:16]}…"
                " (entries were dropped or added)")


def _read_block(block: Fields, where: str, incidents: set[str]) -> CustodyChain:
    origin = block.fingerprint("origin")
    texts = {key: block.text(key, MAX_TEXT, lines=True, default=None)
             for key in ("minisign_public_key", "age_recipient", "checkpoint",
                         "checkpoint_signature")}
    try:
        key = minisign.PublicKey.from_string(texts["minisign_public_key"])
        recipient = X25519Recipient.from_string(texts["age_recipient"])
    except (BadInput, IntegrityError, ValueError):
        raise IntegrityError(what=f"{where}: its keys are invalid") from None
    if PublicIdentity(key.ed25519_public, recipient.public_bytes()).fingerprint != origin:
        raise IntegrityError(what=f"{where}: it names another origin than its keys")
    try:
        key.verify(texts["checkpoint_signature"], texts["checkpoint"].encode(),
                   prehashed_only=True)
    except minisign.SignatureError as error:
        raise IntegrityError(
            what=f"{where}: its checkpoint is not signed by {origin} ({_what(error)})") from None
    entries = _entries(block, where, incidents)
    proofs = _proofs(block, where, entries)
    try:
        checkpoint = custody.parse_checkpoint(texts["checkpoint"].encode())
        custody.check_entries(entries)
        custody.check_chains(entries)
        for entry in entries:
            index = entry["seq"] - 1
            merkle.verify_inclusion(bytes.fromhex(entry["leaf_hash"]), index, checkpoint.size,
                                    [bytes.fromhex(node) for node in proofs[str(index)]],
                                    checkpoint.root)
    except IntegrityError as error:
        raise IntegrityError(what=f"{where} (from {origin}): {_what(error)}") from None
    return CustodyChain(origin, texts["minisign_public_key"], texts["age_recipient"],
                        texts["checkpoint"], texts["checkpoint_signature"], tuple(entries),
                        proofs, complete=False)


def _what(error: IntegrityError) -> str:
    return str(error.fields.get("what", error.message))


def _entries(block: Fields, where: str, incidents: set[str]) -> list[dict[str, Any]]:
    entries = block.list_of("entries", MAX_ENTRIES)
    for number, entry in enumerate(entries):
        place = f"{where}.entries[{number}]"
        if not isinstance(entry, dict):
            raise bad(place, "is not a custody entry")
        incident = entry.get("incident_id")
        if not isinstance(incident, str) or incident not in incidents:
            raise bad(place, "belongs to no incident this bundle carries")
        try:
            canonical_json(entry)
        except (TypeError, ValueError):
            raise bad(place, "cannot be written as canonical JSON") from None
    return entries


def _proofs(block: Fields, where: str, entries: Sequence[Mapping[str, Any]]
            ) -> dict[str, tuple[str, ...]]:
    raw = Fields(block.raw.get("proofs"), f"{where}.proofs").raw
    proofs: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        seq = entry.get("seq")
        if type(seq) is not int or seq < 1:
            raise bad(f"{where}.entries", f"holds an entry without a valid seq ({seq!r:.20})")
        index = str(seq - 1)
        path = raw.get(index)
        if (not isinstance(path, list) or len(path) > 64
                or not all(isinstance(n, str) and is_sha256_hex(n) for n in path)):
            raise bad(f"{where}.proofs", f"has no valid inclusion proof for entry {index}")
        proofs[index] = tuple(path)
    return proofs


def sender_chain(
    origin: str, minisign_public_key: str, age_recipient: str,
    entries: Sequence[Mapping[str, Any]], files: Mapping[str, bytes],
) -> CustodyChain:
    """The signer's own chain, from the custody files the reader already checked."""
    _size, proofs = custody.parse_proofs(files[layout.PROOFS])
    try:
        checkpoint = files[layout.CHECKPOINT].decode("ascii")
        signature = files[layout.CHECKPOINT_SIGNATURE].decode("utf-8")
    except UnicodeDecodeError:
        raise IntegrityError(
            what="custody log: the checkpoint or its signature is not text") from None
    return CustodyChain(
        origin, minisign_public_key, age_recipient, checkpoint, signature, tuple(entries),
        {str(p.leaf_index): tuple(node.hex() for node in p.audit_path) for p in proofs},
        complete=True)

