"""The custody files of a bundle: leaf hashes, incident chains, checkpoint and proofs."""

from __future__ import annotations

import base64
import copy
from typing import Any

import pytest

from kzarchive.bundle import custody
from kzarchive.crypto import merkle
from kzarchive.errors import IntegrityError
from kzarchive.util.canonical import canonical_json
from tests.bundle.bundle_factory import SENDER, custody_entries, custody_export

INCIDENTS = ["inc-a", "inc-b"]


@pytest.fixture
def entries() -> list[dict[str, Any]]:
    return custody_entries(SENDER.fingerprint, INCIDENTS, ["item-1", "item-2"])


def relinked(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Recomputes every leaf hash and chain link, as a forger who edits the log would."""
    last: dict[str, str] = {}
    result = []
    for entry in entries:
        body = {k: v for k, v in entry.items() if k != "leaf_hash"}
        incident = body.get("incident_id")
        body["incident_prev"] = last.get(incident) if incident else None
        leaf = custody.leaf_hash_hex(body)
        if incident:
            last[incident] = leaf
        result.append({**body, "leaf_hash": leaf})
    return result


def test_leaf_hash_is_rfc6962_over_the_canonical_entry(entries: list[dict[str, Any]]) -> None:
    body = {k: v for k, v in entries[0].items() if k != "leaf_hash"}
    assert custody.leaf_hash_hex(body) == merkle.leaf_hash(canonical_json(body)).hex()
    assert entries[0]["leaf_hash"] == custody.leaf_hash_hex(body)


def test_entries_round_trip_as_canonical_lines(entries: list[dict[str, Any]]) -> None:
    data = custody.encode_entries(entries)
    assert data.count(b"\n") == len(entries)
    assert custody.parse_entries(data) == entries
    assert custody.parse_entries(b"") == []
    custody.check_entries(entries)
    custody.check_chains(entries)


def test_non_canonical_lines_are_refused(entries: list[dict[str, Any]]) -> None:
    spaced = custody.encode_entries(entries).replace(b'":', b'": ', 1)
    with pytest.raises(IntegrityError, match="canonical form"):
        custody.parse_entries(spaced)
    with pytest.raises(IntegrityError, match="line break"):
        custody.parse_entries(custody.encode_entries(entries)[:-1])
    duplicate_key = b'{"seq":1,"seq":2}\n'
    with pytest.raises(IntegrityError, match="twice"):
        custody.parse_entries(duplicate_key)
    with pytest.raises(IntegrityError, match="fractions"):
        custody.parse_entries(b'{"seq":1.5}\n')


def test_an_altered_entry_no_longer_matches_its_leaf_hash(entries: list[dict[str, Any]]) -> None:
    altered = copy.deepcopy(entries)
    altered[3]["details"]["sha256"] = "0" * 64
    with pytest.raises(IntegrityError, match=r"entry 4 does not match its leaf hash"):
        custody.check_entries(altered)


@pytest.mark.parametrize("change", ["swap", "repeat", "bad-leaf", "bad-prev-type"])
def test_malformed_entry_lists_are_refused(entries: list[dict[str, Any]], change: str) -> None:
    broken = copy.deepcopy(entries)
    if change == "swap":
        broken[2], broken[3] = broken[3], broken[2]
    elif change == "repeat":
        broken.insert(2, broken[1])
    elif change == "bad-leaf":
        broken[1]["leaf_hash"] = "XYZ"
    else:
        broken[1]["incident_prev"] = 7
    with pytest.raises(IntegrityError):
        custody.check_entries(broken)


def test_a_removed_entry_breaks_its_incident_chain(entries: list[dict[str, Any]]) -> None:
    without = entries[:3] + entries[4:]
    custody.check_entries(without)  # every remaining entry is intact...
    with pytest.raises(IntegrityError, match="chain of incident inc-a is broken at entry 5"):
        custody.check_chains(without)  # ...but the chain shows the gap


def test_a_chain_must_start_at_the_incident_s_first_entry(entries: list[dict[str, Any]]) -> None:
    later_only = [e for e in entries if e["incident_id"] != "inc-a" or e["seq"] > 2]
    with pytest.raises(IntegrityError, match="chain of incident inc-a"):
        custody.check_chains(later_only)


def test_checkpoint_parsing(entries: list[dict[str, Any]]) -> None:
    export = custody_export(SENDER, entries)
    checkpoint = custody.parse_checkpoint(export.checkpoint_text.encode())
    leaves = [bytes.fromhex(e["leaf_hash"]) for e in entries]
    assert (checkpoint.size, checkpoint.root) == (len(entries), merkle.root(leaves))
    root_text = base64.b64encode(checkpoint.root).decode()
    for bad in (
        export.checkpoint_text.rstrip("\n"),
        export.checkpoint_text.replace("\n", "\r\n"),
        export.checkpoint_text.replace(f"\n{len(entries)}\n", f"\n0{len(entries)}\n"),
        export.checkpoint_text.replace("kzarchive/", "other/"),
        export.checkpoint_text.replace(root_text, base64.b64encode(b"short").decode()),
        export.checkpoint_text + "extra\n",
    ):
        with pytest.raises(IntegrityError, match="checkpoint"):
            custody.parse_checkpoint(bad.encode())


def test_proofs_round_trip_and_verify(entries: list[dict[str, Any]]) -> None:
    export = custody_export(SENDER, entries)
    checkpoint = custody.parse_checkpoint(export.checkpoint_text.encode())
    data = custody.encode_proofs(entries, export.proofs, checkpoint.size)
    tree_size, proofs = custody.parse_proofs(data)
    assert tree_size == len(entries)
    assert [p.leaf_index for p in proofs] == [e["seq"] - 1 for e in entries]
    custody.check_proofs(entries, tree_size, proofs, checkpoint)


def test_a_subset_of_entries_is_proven_against_the_whole_log(
    entries: list[dict[str, Any]],
) -> None:
    export = custody_export(SENDER, entries)
    checkpoint = custody.parse_checkpoint(export.checkpoint_text.encode())
    subset = [e for e in entries if e["incident_id"] == "inc-b"]
    custody.check_chains(subset)
    tree_size, proofs = custody.parse_proofs(
        custody.encode_proofs(subset, export.proofs, checkpoint.size)
    )
    custody.check_proofs(subset, tree_size, proofs, checkpoint)


def test_proofs_do_not_hold_for_a_rewritten_log(entries: list[dict[str, Any]]) -> None:
    # A forger removes an entry and relinks everything: each entry and chain is
    # consistent again, but not with the signed checkpoint.
    export = custody_export(SENDER, entries)
    checkpoint = custody.parse_checkpoint(export.checkpoint_text.encode())
    forged = relinked(entries[:3] + entries[4:])
    custody.check_entries(forged)
    custody.check_chains(forged)
    tree_size, proofs = custody.parse_proofs(
        custody.encode_proofs(entries, export.proofs, checkpoint.size)
    )
    with pytest.raises(IntegrityError):
        custody.check_proofs(forged, tree_size, proofs[:3] + proofs[4:], checkpoint)


def test_proof_mismatches_are_refused(entries: list[dict[str, Any]]) -> None:
    export = custody_export(SENDER, entries)
    checkpoint = custody.parse_checkpoint(export.checkpoint_text.encode())
    tree_size, proofs = custody.parse_proofs(
        custody.encode_proofs(entries, export.proofs, checkpoint.size)
    )
    with pytest.raises(IntegrityError, match="another log size"):
        custody.check_proofs(entries, tree_size + 1, proofs, checkpoint)
    with pytest.raises(IntegrityError, match="one proof per entry"):
        custody.check_proofs(entries, tree_size, proofs[:-1], checkpoint)
    swapped = [proofs[1], proofs[0], *proofs[2:]]
    with pytest.raises(IntegrityError, match="for another entry"):
        custody.check_proofs(entries, tree_size, swapped, checkpoint)
    wrong_path = [proofs[0], custody.Proof(2, 1, proofs[0].audit_path), *proofs[2:]]
    with pytest.raises(IntegrityError, match="entry 2 is not in the signed log"):
        custody.check_proofs(entries, tree_size, wrong_path, checkpoint)


@pytest.mark.parametrize(
    "document",
    [
        b"[]",
        b'{"hash":"sha256","tree_size":1}',
        b'{"hash":"md5","tree_size":1,"proofs":[]}',
        b'{"hash":"sha256","tree_size":-1,"proofs":[]}',
        b'{"hash":"sha256","tree_size":1,"proofs":[{"seq":1,"leaf_index":0}]}',
        b'{"hash":"sha256","tree_size":1,"proofs":[{"seq":1,"leaf_index":0,"audit_path":["zz"]}]}',
        b'{"hash":"sha256","tree_size":1,"proofs":{}}',
        b'{"hash":"sha256","tree_size":true,"proofs":[]}',
    ],
)
def test_malformed_proofs_files_are_refused(document: bytes) -> None:
    with pytest.raises(IntegrityError):
        custody.parse_proofs(document)


def test_an_entry_without_a_proof_cannot_be_exported(entries: list[dict[str, Any]]) -> None:
    export = custody_export(SENDER, entries)
    proofs = dict(export.proofs)
    del proofs[2]
    with pytest.raises(ValueError, match="no inclusion proof for custody entry 3"):
        custody.encode_proofs(entries, proofs, len(entries))
