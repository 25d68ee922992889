"""Trusted time in a bundle (``data/custody/stamps/``): the files and their checks.

    stamps/<size>.txt          a checkpoint of the sender's log, exactly as stamped
    stamps/<size>.txt.minisig  its signature by the sender's vault identity
    stamps/<size>.tsr          the authority's whole TimeStampResp over SHA-256(<size>.txt)

proofs.json then also holds, under ``consistency``, an RFC 6962 consistency proof
from each stamped tree to the bundle's checkpoint.  Together they prove that the
first <size> entries of the log the bundle's checkpoint signs existed no later
than the time the authority stated: the token covers the text's bytes, the text
is signed by the sender, and the stamped tree is a prefix of the bundle's tree.

``openssl ts -verify -in <size>.tsr -data <size>.txt -CAfile ca.pem`` checks a token
with standard tools, since the imprint is over the exact file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzarchive.bundle import custody
from kzarchive.bundle.bagit import is_sha256_hex
from kzarchive.bundle.report import CheckpointInfo
from kzarchive.crypto import merkle, minisign, tsp
from kzarchive.errors import IntegrityError, TimestampRefused, UntrustedAuthority

if TYPE_CHECKING:
    from cryptography import x509

FOLDER = "data/custody/stamps"
SUFFIXES = ("txt", "txt.minisig", "tsr")
# A bundle carries at most one stamp per exported entry; far fewer in practice.
MAX_STAMPS = 1024
LIMITS = {"txt": 1024, "txt.minisig": 16 * 1024, "tsr": tsp.MAX_REPLY_BYTES}
_PATH = re.compile(r"data/custody/stamps/([1-9][0-9]{0,18})\.(txt|txt\.minisig|tsr)")
ITEM_ACTIONS = ("item.added", "item.derived")


def paths(size: int) -> tuple[str, str, str]:
    return tuple(f"{FOLDER}/{size}.{suffix}" for suffix in SUFFIXES)  # type: ignore[return-value]


def parse_path(path: str) -> tuple[int, str] | None:
    """(tree size, suffix) of a stamp file's path, or None for any other path."""
    match = _PATH.fullmatch(path)
    return (int(match.group(1)), match.group(2)) if match else None


@dataclass(frozen=True)
class StampExport:
    """One stamp the writer carries: the checkpoint as stamped, signed, and the reply."""

    checkpoint_text: str
    checkpoint_signature: str
    token: bytes
    consistency: Sequence[bytes]  # from this tree to the bundle's checkpoint


@dataclass(frozen=True)
class CheckedStamp:
    tree_size: int
    gen_time: str
    authority: str
    status: str  # tsp.VERIFIED (against a CA the reader gave) or tsp.UNCHECKED


@dataclass(frozen=True)
class TrustedTime:
    """The earliest trusted time by which every covered item of an incident existed."""

    incident_id: str
    gen_time: str
    authority: str
    tree_size: int
    status: str  # tsp.VERIFIED only when every stamp it rests on was verified
    items_covered: int
    items_total: int


def files_of(stamps: Sequence[StampExport]) -> dict[str, bytes]:
    """The stamp files in stream (and manifest) order."""
    files: dict[str, bytes] = {}
    for stamp in sorted(stamps, key=lambda s: custody_size(s.checkpoint_text)):
        size = custody_size(stamp.checkpoint_text)
        text, signature, token = paths(size)
        files[text] = stamp.checkpoint_text.encode("utf-8")
        files[signature] = stamp.checkpoint_signature.encode("utf-8")
        files[token] = stamp.token
    return files


def custody_size(checkpoint_text: str) -> int:
    return custody.parse_checkpoint(checkpoint_text.encode("utf-8")).size


def encode_consistency(stamps: Sequence[StampExport]) -> list[dict[str, Any]]:
    """The ``consistency`` list of proofs.json, in tree order."""
    return [{"tree_size": custody_size(s.checkpoint_text),
             "path": [node.hex() for node in s.consistency]}
            for s in sorted(stamps, key=lambda s: custody_size(s.checkpoint_text))]


def parse_consistency(value: object) -> dict[int, tuple[bytes, ...]]:
    if not isinstance(value, list) or len(value) > MAX_STAMPS:
        raise _bad("the consistency proofs in proofs.json are not a list")
    found: dict[int, tuple[bytes, ...]] = {}
    for item in value:
        if not isinstance(item, dict) or set(item) != {"tree_size", "path"}:
            raise _bad("a consistency proof in proofs.json is malformed")
        size, path = item["tree_size"], item["path"]
        if (type(size) is not int or size <= 0 or size in found or not isinstance(path, list)
                or len(path) > 128
                or not all(isinstance(n, str) and is_sha256_hex(n) for n in path)):
            raise _bad("a consistency proof in proofs.json is malformed")
        found[size] = tuple(bytes.fromhex(node) for node in path)
    return found


def check_stamps(
    files: Mapping[str, bytes],
    consistency: Mapping[int, Sequence[bytes]],
    signer_key: minisign.PublicKey,
    checkpoint: CheckpointInfo,
    roots: Sequence[x509.Certificate] = (),
) -> list[CheckedStamp]:
    """Each stamp: its text a checkpoint of the bundle's log, signed by the signer,
    covered by its token, and consistent with the bundle's checkpoint.  Raises
    IntegrityError naming the first stamp that fails."""
    sizes = sorted({parsed[0] for path in files if (parsed := parse_path(path))})
    if set(consistency) != set(sizes):
        raise _bad("proofs.json does not have exactly one consistency proof per stamp")
    checked = []
    for size in sizes:
        text_path, signature_path, token_path = paths(size)
        if not {text_path, signature_path, token_path} <= set(files):
            raise _bad(f"the stamp of the log at {size} entries is incomplete")
        text = files[text_path]
        stamped = custody.parse_checkpoint(text)
        if stamped.size != size or stamped.vault_id != checkpoint.vault_id:
            raise _bad(f"stamps/{size}.txt is not the checkpoint of this log at {size} entries")
        if size > checkpoint.size:
            raise _bad(f"stamps/{size}.txt is later than the bundle's checkpoint")
        try:
            signer_key.verify(files[signature_path], text, prehashed_only=True)
        except IntegrityError:
            raise _bad(f"stamps/{size}.txt is not signed by the bundle's signer") from None
        merkle.verify_consistency(size, checkpoint.size, stamped.root, checkpoint.root,
                                  consistency[size])
        checked.append(_check_token(size, files[token_path], text, roots))
    return checked


def _check_token(size: int, token: bytes, text: bytes,
                 roots: Sequence[x509.Certificate]) -> CheckedStamp:
    try:
        found = tsp.check_reply(token, text, None, None)
    except TimestampRefused as error:
        raise _bad(f"stamps/{size}.tsr: {error.fields.get('what', error.message)}") from None
    status = tsp.UNCHECKED
    if roots:
        try:
            status = tsp.check_reply(token, text, None, list(roots)).status
        except UntrustedAuthority:
            status = tsp.UNCHECKED  # another authority than the ones this reader trusts
    return CheckedStamp(size, found.gen_time, found.authority, status)


def trusted_times(entries: Sequence[Mapping[str, Any]],
                  stamps: Sequence[CheckedStamp]) -> list[TrustedTime]:
    """Per incident of ``entries``: for each item the earliest stamp covering its intake
    entry, and the latest of those times (all covered items existed by then)."""
    by_time = sorted(stamps, key=lambda s: (s.gen_time, s.tree_size))
    items: dict[str, dict[str, int]] = {}
    for entry in entries:
        incident, item, seq = entry.get("incident_id"), entry.get("item_id"), entry.get("seq")
        if not isinstance(incident, str) or type(seq) is not int:
            continue
        found = items.setdefault(incident, {})
        if entry.get("action") in ITEM_ACTIONS and isinstance(item, str):
            found.setdefault(item, seq)
    times = []
    for incident, seqs in items.items():
        earliest = [next((s for s in by_time if seq <= s.tree_size), None)
                    for seq in seqs.values()]
        used = [s for s in earliest if s is not None]
        if not used:
            continue
        last = max(used, key=lambda s: (s.gen_time, s.tree_size))
        status = tsp.VERIFIED if all(s.status == tsp.VERIFIED for s in used) else tsp.UNCHECKED
        times.append(TrustedTime(incident, last.gen_time, last.authority, last.tree_size,
                                 status, len(used), len(seqs)))
    return times


def _bad(what: str) -> IntegrityError:
    return IntegrityError(what=f"trusted time: {what}")
