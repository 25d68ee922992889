"""Content Credentials (C2PA) of stored items: read at intake and at import, kept in
the item's metadata, summed up for people.

Two metadata keys, never mixed:

- ``content_credentials``: what this vault itself read and validated in the bytes
  it holds (kzarchive/media/credentials.py, offline), at intake or, for an
  imported original, from the received bytes after the bundle was verified.
  Present only when the file has a manifest (or points to one).
- ``content_credentials_claimed``: on imported items, what the sender's bundle
  states about the file (or, for a sanitized copy, about the original it was made
  from).  A claim of the sender: it is shown as such and never taken as this
  vault's own reading.

See docs/decisions.md, "Content Credentials in the vault".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kzarchive.media import credentials as c2pa_reading
from kzarchive.media.streams import Stream
from kzarchive.media.types import kind_of
from kzarchive.util.canonical import canonical_json

OWN = "content_credentials"
CLAIMED = "content_credentials_claimed"

# The stored record fits well inside an item's metadata in a bundle (64 KiB,
# kzarchive/bundle/fields.py), whatever a file's manifest holds.
MAX_RECORD_BYTES = 16 * 1024

# Failure codes of C2PA that mean the content changed after it was signed.
_TAMPERED = ("dataHash.mismatch", "bmffHash.mismatch", "boxesHash.mismatch",
             "collectionHash.mismatch", "hashedURI.mismatch", "signature.mismatch",
             "claimSignature.mismatch")


def read_record(stream: Stream, mime: str) -> dict[str, Any] | None:
    """The record of a photo's or video's manifest; None when it has none.

    Only a failure of the stream itself (the vault's IntegrityError) is raised.
    """
    if kind_of(mime) not in ("photo", "video") or not c2pa_reading.supported(mime):
        return None
    stream.seek(0)
    found = c2pa_reading.read_credentials(stream, mime)
    if found.state == "none":
        return None
    return bounded(found.to_record())


def bounded(record: dict[str, Any]) -> dict[str, Any]:
    """The record, with actions and ingredients dropped from the end until it fits."""
    record = dict(record)
    dropped = 0
    while len(canonical_json(record)) > MAX_RECORD_BYTES:
        longer = "actions" if len(record["actions"]) >= len(record["ingredients"]) else (
            "ingredients")
        if not record[longer]:
            record["failures"] = record["failures"][:10]
            break
        record[longer] = record[longer][:-1]
        dropped += 1
    if dropped:
        extra = f"{dropped} actions or ingredients not kept (too long)"
        record["note"] = f"{record['note']}; {extra}" if record["note"] else extra
    return record


def status(record: Mapping[str, Any] | None) -> str:
    """For people: valid, invalid, tampered (content changed after signing), remote or none."""
    if not record:
        return "none"
    state = record.get("state")
    if state == "invalid":
        failures = record.get("failures") or []
        if any(isinstance(code, str) and code.endswith(_TAMPERED) for code in failures):
            return "tampered"
        return "invalid"
    return state if state in ("valid", "remote") else "none"


def imported_metadata(metadata: Mapping[str, Any], own: dict[str, Any] | None,
                      original_state: str | None) -> dict[str, Any]:
    """An imported item's metadata: the sender's statement kept as its claim, this
    vault's own reading (from the received bytes) as ``content_credentials``.

    ``original_state`` is what a sanitized copy's record says of its original.
    """
    kept = {key: value for key, value in metadata.items() if key not in (OWN, CLAIMED)}
    # The sender's own reading, or, when it had none (it forwards a copy), the claim
    # it received itself.
    claim = metadata.get(OWN) or metadata.get(CLAIMED)
    if claim is None and original_state is not None:
        claim = {"state": original_state}
    if claim is not None:
        kept[CLAIMED] = _plain(claim)
    if own is not None:
        kept[OWN] = own
    return kept


def original_state(metadata: Mapping[str, Any]) -> str | None:
    """For a sanitized copy sent in a bundle: the validation state of the original's
    manifest, or None when the original had none (as far as this vault knows)."""
    record = metadata.get(OWN) or metadata.get(CLAIMED)
    if isinstance(record, Mapping) and record.get("state") in ("valid", "invalid", "remote"):
        return str(record["state"])
    return None


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
