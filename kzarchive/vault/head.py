"""``vault.head``: the rollback anchor, the custody log's head kept outside the database.

The database is one file that can be swapped for an older copy of itself; the log
inside it would still be consistent.  So after each commit that appends to the log,
its size and RFC 6962 root are written here under a MAC keyed from the vault master
key.  The anchor may lag the database (the database commits first; a crash in
between loses only the anchor's update), never lead it: at open and in ``verify`` the
log must be at least as long as the anchor, and its tree at the anchor's size must
have the anchor's root.

The file is canonical JSON, read strictly like ``vault.keys``: any other byte
sequence is an alteration.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzarchive.crypto import merkle
from kzarchive.crypto.kdf import hkdf
from kzarchive.errors import IntegrityError, NewerFormat, RollbackDetected
from kzarchive.util.canonical import canonical_json
from kzarchive.vault.keyslots import atomic_write

FORMAT = "kzarchive-vault-head"
VERSION = 1
FILE_NAME = "vault.head"
# Written before a key rotation re-keys the database, under the new key (formats.md).
PENDING_NAME = "vault.head.pending"
MAC_INFO = "kzarchive/v2/vault-head-mac"
_MAX_FILE_BYTES = 4096
_FIELDS = {"format", "version", "vault_id", "size", "root", "mac"}


@dataclass(frozen=True)
class Head:
    size: int
    root: bytes


def _body(vault_id: str, head: Head) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "vault_id": vault_id, "size": head.size,
            "root": base64.b64encode(head.root).decode("ascii")}


def _mac(vmk: bytes, body: dict[str, Any]) -> str:
    return hmac.new(hkdf(vmk, MAC_INFO), canonical_json(body), "sha256").hexdigest()


def to_bytes(vault_id: str, head: Head, vmk: bytes) -> bytes:
    body = _body(vault_id, head)
    return canonical_json({**body, "mac": _mac(vmk, body)}) + b"\n"


def write(folder: Path, vault_id: str, head: Head, vmk: bytes, name: str = FILE_NAME) -> None:
    atomic_write(folder / name, to_bytes(vault_id, head, vmk))


def read(folder: Path, vault_id: str, vmk: bytes, name: str = FILE_NAME) -> Head | None:
    """The anchor, checked against its MAC; None if there is no such file."""
    try:
        with open(folder / name, "rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    return parse(raw, vault_id, vmk)


def parse(raw: bytes, vault_id: str, vmk: bytes) -> Head:
    if len(raw) > _MAX_FILE_BYTES:
        raise IntegrityError(what="vault.head is damaged (far too large)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise IntegrityError(what="vault.head is damaged (not readable JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IntegrityError(what="vault.head is damaged (unknown format)")
    version = data.get("version")
    if type(version) is int and version > VERSION:
        raise NewerFormat(what="vault's rollback anchor", found=version, known=VERSION)
    if set(data) != _FIELDS or version != VERSION or type(version) is not int:
        raise IntegrityError(what="vault.head is damaged (unexpected fields)")
    size, root_text, mac = data["size"], data["root"], data["mac"]
    if type(size) is not int or size < 0 or not isinstance(root_text, str) \
            or not isinstance(mac, str) or not isinstance(data["vault_id"], str):
        raise IntegrityError(what="vault.head is damaged (bad fields)")
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError):
        raise IntegrityError(what="vault.head is damaged (bad root)") from None
    head = Head(size, root)
    # Base64 has spare bits in its last character: only one spelling is accepted.
    if len(root) != merkle.HASH_SIZE or base64.b64encode(root).decode("ascii") != root_text:
        raise IntegrityError(what="vault.head is damaged (bad root)")
    if canonical_json(data) + b"\n" != raw:
        raise IntegrityError(what="vault.head was altered (not in its canonical form)")
    if not hmac.compare_digest(_mac(vmk, _body(data["vault_id"], head)), mac):
        raise IntegrityError(what="vault.head was altered (its checksum does not match)")
    if data["vault_id"] != vault_id:
        raise IntegrityError(what="vault.head belongs to another vault")
    return head


def check(head: Head, log_size: int, root_at_head_size: bytes) -> None:
    """The log must extend the anchored one: at least as long, the same tree at its size.

    ``root_at_head_size`` is the root of the log's first ``head.size`` leaves (of all of
    them when there are fewer; the size check comes first).
    """
    if log_size < head.size:
        raise RollbackDetected(
            what=f"the custody log has {log_size} entries, but this vault had already "
            f"recorded {head.size}")
    if root_at_head_size != head.root:
        raise RollbackDetected(
            what=f"the first {head.size} custody log entries differ from the ones this "
            "vault recorded")
