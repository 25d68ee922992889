"""The custody files of a bundle (``data/custody/``): encoding and checks.

    entries.jsonl   one custody entry per line, canonical JSON, with its leaf_hash
    checkpoint.txt  "kzarchive/<vault id>\\n<size>\\n<base64 root>\\n", as the vault signs it
    checkpoint.txt.minisig
    proofs.json     an RFC 6962 inclusion proof of every entry in that checkpoint's tree

The checks need nothing from the vault: a leaf hash is recomputed from the
entry's canonical JSON (RFC 6962: SHA-256 of 0x00 and the bytes), each
incident's entries must chain through ``incident_prev`` from the incident's
first entry on, and each entry must be leaf ``seq - 1`` of the signed tree.
Each check raises an ``IntegrityError`` naming the first problem it met.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kzarchive.bundle.bagit import is_sha256_hex
from kzarchive.bundle.jsontext import JsonBudget, pretty_json, strict_json
from kzarchive.bundle.report import CheckpointInfo
from kzarchive.crypto import merkle
from kzarchive.errors import IntegrityError
from kzarchive.service.custody_chain import first_break
from kzarchive.util.canonical import canonical_json

_CHECKPOINT = re.compile(
    rb"kzarchive/([A-Za-z0-9._-]{1,64})\n(0|[1-9][0-9]{0,18})\n([A-Za-z0-9+/]{43}=)\n"
)
PROOF_HASH = "sha256"


def _bad(what: str) -> IntegrityError:
    return IntegrityError(what=f"custody log: {what}")


def leaf_hash_hex(entry: Mapping[str, Any]) -> str:
    """The leaf hash of an entry given without its ``leaf_hash`` field."""
    return merkle.leaf_hash(canonical_json(dict(entry))).hex()


# --- entries.jsonl -------------------------------------------------------------------


def encode_entries(entries: Sequence[Mapping[str, Any]]) -> bytes:
    return b"".join(canonical_json(dict(entry)) + b"\n" for entry in entries)


def parse_entries(data: bytes, budget: JsonBudget | None = None) -> list[dict[str, Any]]:
    """The entries of entries.jsonl; each line must be exactly its canonical JSON."""
    budget = budget if budget is not None else JsonBudget()
    if not data:
        return []
    if not data.endswith(b"\n"):
        raise _bad("entries.jsonl does not end with a line break")
    entries = []
    for number, line in enumerate(data[:-1].split(b"\n"), start=1):
        entry = strict_json(line, f"entries.jsonl line {number}", budget)
        if not isinstance(entry, dict) or canonical_json(entry) != line:
            raise _bad(f"entries.jsonl line {number} is not a custody entry in canonical form")
        entries.append(entry)
    return entries


def check_entries(entries: Sequence[Mapping[str, Any]]) -> None:
    """Every entry well-formed, in increasing ``seq`` order, its leaf hash recomputed."""
    previous = 0
    for entry in entries:
        seq = entry.get("seq")
        if type(seq) is not int or seq <= previous:
            raise _bad(f"the entries are not in increasing order (at {seq!r})")
        previous = seq
        leaf = entry.get("leaf_hash")
        if not isinstance(leaf, str) or not is_sha256_hex(leaf):
            raise _bad(f"entry {seq} has no valid leaf_hash")
        for key in ("incident_id", "incident_prev"):
            if entry.get(key) is not None and not isinstance(entry.get(key), str):
                raise _bad(f"entry {seq} has an invalid {key}")
        body = {key: value for key, value in entry.items() if key != "leaf_hash"}
        if leaf_hash_hex(body) != leaf:
            raise _bad(f"entry {seq} does not match its leaf hash (it was altered)")


def check_chains(entries: Sequence[Mapping[str, Any]]) -> None:
    """Each incident's entries link to the previous one, from the incident's first entry."""
    found = first_break(entries, [entry["leaf_hash"] for entry in entries])
    if found is not None:
        entry = entries[found[0]]
        raise _bad(
            f"the chain of incident {entry.get('incident_id')} is broken at entry "
            f"{entry.get('seq')} (an entry is missing or was altered)"
        )


# --- checkpoint.txt ------------------------------------------------------------------


def parse_checkpoint(data: bytes) -> CheckpointInfo:
    match = _CHECKPOINT.fullmatch(data)
    if not match:
        raise _bad("checkpoint.txt is not a kzarchive checkpoint")
    try:
        root = base64.b64decode(match.group(3), validate=True)
    except binascii.Error:
        raise _bad("checkpoint.txt has an invalid root") from None
    if base64.b64encode(root) != match.group(3) or len(root) != merkle.HASH_SIZE:
        raise _bad("checkpoint.txt has an invalid root")
    return CheckpointInfo(match.group(1).decode("ascii"), int(match.group(2)), root)


# --- proofs.json ---------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    seq: int
    leaf_index: int
    audit_path: tuple[bytes, ...]


def encode_proofs(
    entries: Sequence[Mapping[str, Any]], proofs: Mapping[int, Sequence[bytes]], tree_size: int,
    consistency: Sequence[Mapping[str, Any]] = (),
) -> bytes:
    """proofs.json for ``entries``; ``proofs`` maps leaf index (seq - 1) to audit path.

    ``consistency`` (kzarchive/bundle/stamps.py) is written only when the bundle
    carries stamps, so that a bundle without them is byte for byte as before."""
    listed = []
    for entry in entries:
        index = int(entry["seq"]) - 1
        if index not in proofs:
            raise ValueError(f"no inclusion proof for custody entry {entry['seq']}")
        path = [node.hex() for node in proofs[index]]
        listed.append({"seq": entry["seq"], "leaf_index": index, "audit_path": path})
    document: dict[str, Any] = {"hash": PROOF_HASH, "tree_size": tree_size, "proofs": listed}
    if consistency:
        document["consistency"] = [dict(proof) for proof in consistency]
    return pretty_json(document)


_PROOF_FIELDS = {"hash", "tree_size", "proofs"}


def parse_proofs(data: bytes, budget: JsonBudget | None = None) -> tuple[int, list[Proof]]:
    tree_size, proofs, _consistency = parse_proofs_document(data, budget)
    return tree_size, proofs


def parse_proofs_document(
    data: bytes, budget: JsonBudget | None = None
) -> tuple[int, list[Proof], object]:
    """As ``parse_proofs``, and the raw ``consistency`` value (None when absent)."""
    document = strict_json(data, "proofs.json", budget)
    if not isinstance(document, dict) or set(document) - {"consistency"} != _PROOF_FIELDS:
        raise _bad("proofs.json does not have the fields hash, tree_size and proofs")
    tree_size, listed = document["tree_size"], document["proofs"]
    if document["hash"] != PROOF_HASH or type(tree_size) is not int or tree_size < 0:
        raise _bad("proofs.json has an invalid hash name or tree size")
    if not isinstance(listed, list):
        raise _bad("proofs.json has no list of proofs")
    proofs = []
    for item in listed:
        if not isinstance(item, dict) or set(item) != {"seq", "leaf_index", "audit_path"}:
            raise _bad("a proof in proofs.json is malformed")
        seq, index, path = item["seq"], item["leaf_index"], item["audit_path"]
        if type(seq) is not int or type(index) is not int or not isinstance(path, list):
            raise _bad("a proof in proofs.json is malformed")
        if not all(isinstance(node, str) and is_sha256_hex(node) for node in path):
            raise _bad(f"the proof of entry {seq} contains an invalid hash")
        proofs.append(Proof(seq, index, tuple(bytes.fromhex(node) for node in path)))
    return tree_size, proofs, document.get("consistency")


def check_proofs(
    entries: Sequence[Mapping[str, Any]],
    tree_size: int,
    proofs: Sequence[Proof],
    checkpoint: CheckpointInfo,
) -> None:
    """Every entry is in the checkpoint's tree, at the position its ``seq`` gives."""
    if tree_size != checkpoint.size:
        raise _bad("proofs.json is for another log size than the checkpoint")
    if len(proofs) != len(entries):
        raise _bad("proofs.json does not have exactly one proof per entry")
    for entry, proof in zip(entries, proofs, strict=True):
        seq = entry["seq"]
        if proof.seq != seq or proof.leaf_index != seq - 1:
            raise _bad(f"the proof for entry {seq} is for another entry")
        try:
            merkle.verify_inclusion(
                bytes.fromhex(entry["leaf_hash"]),
                proof.leaf_index,
                checkpoint.size,
                proof.audit_path,
                checkpoint.root,
            )
        except IntegrityError as error:
            reason = error.fields.get("what", "")
            raise _bad(f"entry {seq} is not in the signed log: {reason}") from None
