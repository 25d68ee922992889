"""The Content Credentials statements of bundle.json, checked field by field.

An item's metadata may carry ``content_credentials`` (the sender's reading of the
file's C2PA manifest) and ``content_credentials_claimed`` (a claim the sender
itself received); a sanitized copy may carry ``original_content_credentials``,
the validation state of its original's manifest.  All of it is the sender's
statement: the importing vault reads the credentials again from the bytes it
receives.  Each record must have exactly the shape kzarchive writes
(kzarchive/media/credentials.py ``to_record``), with bounded texts and lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kzarchive.bundle.fields import Fields, bad
from kzarchive.util.canonical import canonical_json

KEYS = ("content_credentials", "content_credentials_claimed")
STATES = ("valid", "invalid", "none", "remote")
ORIGINAL_STATES = ("valid", "invalid", "remote")

MAX_TEXT = 300
MAX_LIST = 100
MAX_RECORD = 16 * 1024

_TEXTS = ("signer", "issuer", "signed_at", "claim_generator", "title", "remote_url", "note")
_ACTION = ("action", "software_agent", "when", "digital_source_type")
_INGREDIENT_TEXTS = ("title", "format", "relationship")
_FIELDS = {"state", "trusted", "failures", "actions", "ingredients", *_TEXTS}


def check_metadata(metadata: Mapping[str, Any], where: str) -> None:
    """Every credentials record in an item's metadata is well formed, or IntegrityError."""
    for key in KEYS:
        if key in metadata:
            check_record(metadata[key], f"{where}.{key}")


def check_record(value: object, where: str) -> None:
    record = Fields(value, where)
    unknown = sorted(set(record.raw) - _FIELDS)
    if unknown:
        raise bad(where, f"has the unknown field {unknown[0][:40]!r}")
    if len(canonical_json(dict(record.raw))) > MAX_RECORD:
        raise bad(where, f"is larger than {MAX_RECORD} bytes")
    record.choice("state", STATES)
    if "trusted" in record.raw:
        record.boolean("trusted")
    for key in _TEXTS:
        record.text(key, MAX_TEXT)
    record.list_of("failures", MAX_LIST)
    record.text_list("failures", MAX_TEXT)
    for n, action in enumerate(record.list_of("actions", MAX_LIST)):
        _check_entry(action, f"{where}.actions[{n}]", _ACTION, ())
    for n, ingredient in enumerate(record.list_of("ingredients", MAX_LIST)):
        _check_entry(ingredient, f"{where}.ingredients[{n}]", _INGREDIENT_TEXTS, ("signed",))


def _check_entry(value: object, where: str, texts: tuple[str, ...],
                 flags: tuple[str, ...]) -> None:
    entry = Fields(value, where)
    unknown = sorted(set(entry.raw) - set(texts) - set(flags))
    if unknown:
        raise bad(where, f"has the unknown field {unknown[0][:40]!r}")
    for key in texts:
        entry.text(key, MAX_TEXT)
    for key in flags:
        if key in entry.raw:
            entry.boolean(key)


def original_state(record: Fields, is_copy: bool, metadata: Mapping[str, Any]) -> str | None:
    """A sanitized copy's statement of its original's manifest, checked against the
    credentials its metadata carries."""
    if not record.has("original_content_credentials"):
        return None
    if not is_copy:
        raise bad(record.where, "states the credentials of an original, but it is not a "
                  "sanitized copy")
    state = record.choice("original_content_credentials", ORIGINAL_STATES)
    stated = metadata.get(KEYS[0]) or metadata.get(KEYS[1])
    if isinstance(stated, Mapping) and stated.get("state") != state:
        raise bad(record.where, "states another validation state for its original than "
                  "its metadata")
    return state
