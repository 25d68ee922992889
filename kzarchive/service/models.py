"""Plain records returned by the service API."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from kzarchive.service.report import Check, Report


class Record:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]


# Not frozen, with slots: a search may build 10,000 of these, and a frozen dataclass
# costs several times as much to create.
@dataclass(slots=True)
class IncidentSummary(Record):
    id: str
    title: str
    occurred_start: str | None
    occurred_end: str | None
    place: str
    status: str
    violations: list[str]
    tags: list[str]
    item_count: int
    updated: str


@dataclass(frozen=True)
class Incident(Record):
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
    violations: list[str]
    tags: list[str]
    created: str
    updated: str
    origin: str


@dataclass(frozen=True)
class Person(Record):
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
class Item(Record):
    id: str
    incident_id: str
    kind: str
    name: str
    mime: str
    size: int
    sha256: str
    captured_at: str | None
    collected_at: str
    collector: str
    source: str
    language: str
    notes: str
    witness: str | None
    derived_from: str | None
    derivation: dict[str, Any] | None
    metadata: dict[str, Any]
    has_thumbnail: bool
    created: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class CustodyEntry(Record):
    seq: int
    ts: str
    actor: str
    action: str
    incident_id: str | None
    item_id: str | None
    details: dict[str, Any]
    incident_prev: str | None
    leaf_hash: str

    @classmethod
    def from_row(cls, entry_json: str, leaf_hash: str) -> CustodyEntry:
        entry = json.loads(entry_json)
        return cls(
            seq=entry["seq"], ts=entry["ts"], actor=entry["actor"], action=entry["action"],
            incident_id=entry.get("incident_id"), item_id=entry.get("item_id"),
            details=entry.get("details", {}), incident_prev=entry.get("incident_prev"),
            leaf_hash=leaf_hash,
        )


# One check of ``Archive.verify``; the same model as a bundle's checks.
CheckResult = Check


@dataclass
class VerifyReport(Report):
    items_checked: int = 0
    bytes_checked: int = 0

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failures(self) -> list[Check]:
        return self.failed_checks


@dataclass(frozen=True)
class Contact(Record):
    id: str
    name: str
    kind: str  # "kzarchive" (a contact card) or "age" (only standard age/minisign keys)
    age_recipient: str
    minisign_public_key: str | None
    fingerprint: str | None
    verified: bool
    verified_at: str | None
    created: str
