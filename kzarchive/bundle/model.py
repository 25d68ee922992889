"""The verified content of a bundle: the only thing an import may store.

``build_model`` runs once the signature, the manifests and the custody files
held, before any evidence streams.  It reads bundle.json's incidents, people
and items field by field (kzarchive/bundle/fields.py), binds every item to the
file this bundle delivers and to its custody entry, binds every incident's
origin to the entry that created it, and checks the upstream chains
(kzarchive/bundle/upstream.py).  What it returns is frozen and complete: the
vault side never looks at bundle.json itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from kzarchive.bundle import credentials, layout, upstream
from kzarchive.bundle.bundlejson import FileRecord
from kzarchive.bundle.fields import LONG_TEXT, Fields, bad
from kzarchive.bundle.stamps import TrustedTime
from kzarchive.bundle.upstream import CustodyChain
from kzarchive.errors import IntegrityError
from kzarchive.media.types import OCTET_STREAM, mime_for_extension
from kzarchive.service.vocabulary import DATE_PRECISIONS, ITEM_KINDS, ROLES, STATUSES, VIOLATIONS

MAX_RECORDS = 1_000_000
SENT = ("original", "sanitized", "withheld")
_BINDING_ACTIONS = ("item.added", "item.derived")


@dataclass(frozen=True)
class VerifiedIncident:
    id: str
    title: str
    description: str
    occurred_start: str | None
    occurred_end: str | None
    date_precision: str
    place: str
    latitude: str | None
    longitude: str | None
    status: str
    violations: tuple[str, ...]
    tags: tuple[str, ...]
    created: str
    updated: str
    origin: str  # the vault that created it, as its custody entry shows


@dataclass(frozen=True)
class VerifiedPerson:
    id: str
    incident_id: str
    role: str
    pseudonym: str
    real_name: str | None
    consent_given: bool
    consent_scope: str
    consent_date: str | None
    notes: str
    created: str


@dataclass(frozen=True)
class VerifiedItem:
    """An item whose content is ``file``, delivered by this bundle and bound to custody."""

    id: str
    incident_id: str
    kind: str
    name: str
    mime: str
    file: FileRecord  # size and sha256 of the content stored
    original_sha256: str  # of the content as collected, as custody records it
    captured_at: str | None
    collected_at: str
    collector: str  # the actor of the custody entry that added the content
    source: str
    language: str
    notes: str
    witness: str | None
    derived_from: str | None
    derivation: Mapping[str, Any] | None
    metadata: Mapping[str, Any]
    custody_origin: str  # whose chain holds that entry
    # A sanitized copy: the sender's statement of its original's C2PA validation state.
    original_credentials: str | None = None


@dataclass(frozen=True)
class WithheldItem:
    """An item the sender kept back (a redacted copy went instead): only its link."""

    id: str
    incident_id: str
    original_sha256: str


@dataclass(frozen=True)
class VerifiedBundle:
    bundle_id: str
    sender: str  # fingerprint of the key that signed
    incidents: tuple[VerifiedIncident, ...]
    people: tuple[VerifiedPerson, ...]
    items: tuple[VerifiedItem, ...]
    withheld: tuple[WithheldItem, ...]
    sender_custody: CustodyChain | None  # None when the custody files were not kept
    upstream: tuple[CustodyChain, ...]
    # Per incident, the earliest trusted time covering its items (bundle/stamps.py).
    trusted_times: tuple[TrustedTime, ...] = ()

    def original_sha256(self, item_id: str) -> str | None:
        """The collected content's hash of an item this bundle describes, if it does."""
        for item in self.items:
            if item.id == item_id:
                return item.original_sha256
        for kept in self.withheld:
            if kept.id == item_id:
                return kept.original_sha256
        return None

    def item_ids(self, incident_id: str) -> list[str]:
        return [item.id for item in self.items if item.incident_id == incident_id]


@dataclass(frozen=True)
class _Binding:
    entry: Mapping[str, Any]
    origin: str


class _Custody:
    """Where each item and incident is recorded, in the chains this bundle carries."""

    def __init__(self, chains: Sequence[tuple[str, Sequence[Mapping[str, Any]]]]):
        self.items: dict[str, list[_Binding]] = {}
        self.created: dict[str, list[str]] = {}
        for origin, entries in chains:
            for entry in entries:
                # An entry speaks for the vault whose signed log holds it, and only then.
                if entry.get("actor") != origin:
                    continue
                action, item = entry.get("action"), entry.get("item_id")
                if action in _BINDING_ACTIONS and isinstance(item, str):
                    self.items.setdefault(item, []).append(_Binding(entry, origin))
                elif action == "incident.created" and isinstance(entry.get("incident_id"), str):
                    self.created.setdefault(entry["incident_id"], []).append(origin)

    def bind(self, item_id: str, incident_id: str, sha256: str, size: int | None) -> _Binding:
        found = [binding for binding in self.items.get(item_id, [])
                 if binding.entry.get("incident_id") == incident_id]
        for binding in found:
            details = binding.entry.get("details")
            if not isinstance(details, dict) or details.get("sha256") != sha256:
                continue
            if size is None or details.get("size") in (None, size):
                return binding
        if not found:
            raise IntegrityError(
                what=f"item {item_id} has no custody entry (item.added or item.derived) in "
                f"incident {incident_id}, neither in the sender's custody nor upstream")
        details = found[0].entry.get("details")
        recorded = details.get("sha256") if isinstance(details, dict) else None
        raise IntegrityError(
            what=f"item {item_id}: the bundle's content has SHA-256 {sha256}, but its custody "
            f"entry {found[0].entry.get('seq')} from {found[0].origin} records {recorded!s:.64}")


def build_model(
    document: Mapping[str, Any],
    files: Sequence[FileRecord],
    signer: str,
    signer_key: str,
    signer_age_recipient: str,
    own_entries: Sequence[Mapping[str, Any]],
    custody_files: Mapping[str, bytes] | None,
) -> VerifiedBundle:
    """The verified model of a bundle whose signature and custody files held."""
    bundle_id = document.get("bundle_id")
    if not layout.is_id(bundle_id):
        raise bad("bundle_id", "is not an id")
    incidents = tuple(_incident(Fields(raw, f"incidents[{n}]"))
                      for n, raw in enumerate(_records(document, "incidents")))
    carried = _unique([i.id for i in incidents], "incident")
    chains = upstream.read_upstream(document, carried)
    custody = _Custody([(signer, own_entries), *((c.origin, c.entries) for c in chains)])
    for incident in incidents:
        if incident.origin not in custody.created.get(incident.id, []):
            raise IntegrityError(
                what=f"incident {incident.id}: its origin {incident.origin} is not the vault "
                "whose custody entry created it (no such incident.created entry in this bundle)")
    people = tuple(_person(Fields(raw, f"people[{n}]"), carried)
                   for n, raw in enumerate(_records(document, "people")))
    _unique([p.id for p in people], "person")
    by_id = {record.item_id: record for record in files}
    items: list[VerifiedItem] = []
    withheld: list[WithheldItem] = []
    for n, raw in enumerate(_records(document, "items")):
        item = _item(Fields(raw, f"items[{n}]"), carried, by_id, custody)
        if isinstance(item, WithheldItem):
            withheld.append(item)
        else:
            items.append(item)
    _unique([i.id for i in items] + [w.id for w in withheld], "item")
    described = {i.file.item_id for i in items}
    for file in files:
        if file.item_id not in described:
            raise bad("files", f"lists {file.path}, which no item of the bundle describes")
    own = None
    if custody_files is not None:
        own = upstream.sender_chain(signer, signer_key, signer_age_recipient, own_entries,
                                    custody_files)
    return VerifiedBundle(bundle_id, signer, incidents, people, tuple(items), tuple(withheld),
                          own, chains)


def _records(document: Mapping[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_RECORDS:
        raise bad(key, "is not a list of records")
    return value


def _unique(ids: Sequence[str], what: str) -> set[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise IntegrityError(what=f"bundle.json: the {what} id {ident} is used twice")
        seen.add(ident)
    return seen


def _incident(record: Fields) -> VerifiedIncident:
    return VerifiedIncident(
        id=record.ident("id"),
        title=record.text("title", default=None),
        description=record.text("description", LONG_TEXT, lines=True),
        occurred_start=record.date("occurred_start"),
        occurred_end=record.date("occurred_end"),
        date_precision=record.choice("date_precision", DATE_PRECISIONS),
        place=record.text("place"),
        latitude=record.coordinate("latitude"),
        longitude=record.coordinate("longitude"),
        status=record.choice("status", STATUSES),
        violations=record.choices("violations", VIOLATIONS),
        tags=tuple(sorted(set(record.text_list("tags", 200)))),
        created=record.timestamp("created"),
        updated=record.timestamp("updated"),
        origin=record.fingerprint("origin"),
    )


def _carried(record: Fields, carried: set[str]) -> str:
    incident = record.ident("incident_id")
    if incident not in carried:
        raise bad(record.where, f"belongs to incident {incident}, which this bundle does not carry")
    return incident


def _person(record: Fields, carried: set[str]) -> VerifiedPerson:
    return VerifiedPerson(
        id=record.ident("id"),
        incident_id=_carried(record, carried),
        role=record.choice("role", ROLES),
        pseudonym=record.text("pseudonym", default=None),
        real_name=record.optional_text("real_name"),
        consent_given=record.boolean("consent_given"),
        consent_scope=record.text("consent_scope", LONG_TEXT, lines=True),
        consent_date=record.date("consent_date"),
        notes=record.text("notes", LONG_TEXT, lines=True),
        created=record.timestamp("created"),
    )


def _item(record: Fields, carried: set[str], files: Mapping[str, FileRecord],
          custody: _Custody) -> VerifiedItem | WithheldItem:
    ident = record.ident("id")
    incident = _carried(record, carried)
    sent = record.choice("sent", SENT)
    original = record.sha256("original_sha256")
    size = record.size("size")
    file = files.get(ident)
    if sent == "withheld":
        if file is not None:
            raise bad(record.where, "is withheld, yet the bundle carries a file for it")
        custody.bind(ident, incident, original, size)
        return WithheldItem(ident, incident, original)
    if file is None:
        raise bad(record.where, f"is sent as {sent}, but the bundle carries no file for it")
    if (record.text("file", 100, default=None) != file.path
            or record.sha256("file_sha256") != file.sha256
            or record.size("file_size") != file.size):
        raise bad(record.where, "describes another file than the one listed in files")
    derivation = record.json_object("derivation")
    derived_copy = (derivation or {}).get("kind") == "sanitized"
    if sent == "sanitized" or derived_copy:
        # A copy made for sending: custody knows the collected content, the derivation
        # (or the record, at the first hop) carries its hash.
        earliest = (derivation or {}).get("original_sha256") if derived_copy else original
        if not isinstance(earliest, str):
            raise bad(f"{record.where}.derivation", "has no original_sha256")
        binding = custody.bind(ident, incident, earliest, None)
        derivation = {**(derivation or {}), "kind": "sanitized", "original_sha256": earliest}
        original = earliest
    else:
        binding = custody.bind(ident, incident, file.sha256, file.size)
        if original != file.sha256:
            raise bad(record.where, "has an original_sha256 that is not its file's SHA-256")
    details = binding.entry.get("details")
    derived_from = record.optional_ident("derived_from")
    recorded_from = details.get("derived_from") if isinstance(details, dict) else None
    # A relay that lacked the original keeps the link in the derivation instead.
    linked = derived_from or (derivation or {}).get("original_item_id")
    if binding.entry.get("action") == "item.derived" and recorded_from != linked:
        raise bad(record.where, "names another original than its item.derived custody entry")
    _check_original_link(record, derivation, incident, custody)
    collector = record.fingerprint("collector")
    if collector != binding.origin:
        raise bad(record.where, f"names the collector {collector}, but its custody entry was "
                  f"made by {binding.origin}")
    mime = record.mime("mime")
    if sent == "sanitized":
        mime = mime_for_extension(file.path) or OCTET_STREAM
    metadata = record.json_object("metadata") or {}
    credentials.check_metadata(metadata, f"{record.where}.metadata")
    original_credentials = credentials.original_state(
        record, sent == "sanitized" or derived_copy, metadata)
    return VerifiedItem(
        id=ident, incident_id=incident, kind=record.choice("kind", ITEM_KINDS),
        name=record.file_name("name"), mime=mime, file=file, original_sha256=original,
        captured_at=record.moment("captured_at"),
        collected_at=record.timestamp("collected_at"), collector=collector,
        source=record.text("source", LONG_TEXT, lines=True),
        language=record.language("language"),
        notes=record.text("notes", LONG_TEXT, lines=True),
        witness=record.optional_text("witness"),
        derived_from=derived_from,
        derivation=MappingProxyType(derivation) if derivation else None,
        metadata=MappingProxyType(metadata),
        custody_origin=binding.origin,
        original_credentials=original_credentials,
    )


def _check_original_link(record: Fields, derivation: Mapping[str, Any] | None, incident: str,
                         custody: _Custody) -> None:
    """A derivation's hash of an original the bundle does not carry must match its custody."""
    original_id = (derivation or {}).get("original_item_id")
    original_sha = (derivation or {}).get("original_sha256")
    if original_id is None:
        return
    if not layout.is_id(original_id) or not isinstance(original_sha, str):
        raise bad(f"{record.where}.derivation", "links to its original by an invalid id or hash")
    if original_id in custody.items:
        custody.bind(original_id, incident, original_sha, None)


def content_summary(model: VerifiedBundle) -> str:
    return (f"{len(model.incidents)} incident(s), {len(model.people)} person(s) and "
            f"{len(model.items)} item(s), every field valid and every item bound to its file "
            "and its custody entry")


def upstream_summary(chain: CustodyChain) -> str:
    entries = f"{len(chain.entries)} entries from {chain.origin}, signed and unbroken"
    if chain.complete:
        return f"{entries}; complete up to the head the sender states"
    return (f"{entries}; completeness not shown (the bundle states no head for this chain: "
            "it was written by an older kzarchive)")
