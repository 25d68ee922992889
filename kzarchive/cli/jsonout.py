"""The ``--json`` output: stable shapes, documented in README "JSON output".

Each shape lists its fields explicitly, so that a change to the internal records
cannot silently change what scripts rely on.  Fields may be added; none is renamed
or removed within format version 1.  Output is UTF-8, keys sorted, one document.
"""

from __future__ import annotations

import base64
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kzarchive.service.models import (
        CustodyEntry,
        Incident,
        IncidentSummary,
        Item,
        Person,
        VerifyReport,
    )
    from kzarchive.service.receipts import Handoff, ReceiptRecord

JSON_VERSION = 1


def emit(document: dict[str, Any]) -> None:
    text = json.dumps({"json_version": JSON_VERSION, **document}, ensure_ascii=False,
                      indent=2, sort_keys=True)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def incident_summary(summary: IncidentSummary) -> dict[str, Any]:
    return {
        "id": summary.id, "title": summary.title, "occurred_start": summary.occurred_start,
        "occurred_end": summary.occurred_end, "place": summary.place, "status": summary.status,
        "violations": list(summary.violations), "tags": list(summary.tags),
        "item_count": summary.item_count, "updated": summary.updated,
    }


def incident(record: Incident) -> dict[str, Any]:
    return {
        "id": record.id, "title": record.title, "description": record.description,
        "occurred_start": record.occurred_start, "occurred_end": record.occurred_end,
        "date_precision": record.date_precision, "place": record.place,
        "latitude": record.latitude, "longitude": record.longitude, "status": record.status,
        "violations": list(record.violations), "tags": list(record.tags),
        "created": record.created, "updated": record.updated, "origin": record.origin,
    }


def person(record: Person) -> dict[str, Any]:
    # Real names stay in the vault: the command line never prints them.
    return {
        "id": record.id, "role": record.role, "pseudonym": record.pseudonym,
        "consent_given": record.consent_given, "consent_scope": record.consent_scope,
        "consent_date": record.consent_date,
    }


def item(record: Item) -> dict[str, Any]:
    return {
        "id": record.id, "incident_id": record.incident_id, "kind": record.kind,
        "name": record.name, "mime": record.mime, "size": record.size, "sha256": record.sha256,
        "captured_at": record.captured_at, "collected_at": record.collected_at,
        "collector": record.collector, "source": record.source, "language": record.language,
        "notes": record.notes, "witness": record.witness, "derived_from": record.derived_from,
        "derivation": record.derivation, "metadata": record.metadata,
        "has_thumbnail": record.has_thumbnail, "created": record.created,
    }


def custody_entry(entry: CustodyEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq, "ts": entry.ts, "actor": entry.actor, "action": entry.action,
        "incident_id": entry.incident_id, "item_id": entry.item_id, "details": entry.details,
        "incident_prev": entry.incident_prev, "leaf_hash": entry.leaf_hash,
    }


def verify_report(report: VerifyReport) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in report.checks],
        "items_checked": report.items_checked, "bytes_checked": report.bytes_checked,
    }


def receipt(record: ReceiptRecord) -> dict[str, Any]:
    token = record.timestamp_token
    return {
        "bundle_id": record.bundle_id, "partner": record.partner_fingerprint,
        "partner_name": record.partner_name,
        "tag_manifest_sha256": record.tag_manifest_sha256,
        "result": {"verdict": record.verdict, "files": record.files,
                   "files_verified": record.files_verified, "bytes": record.payload_bytes,
                   "checks": record.checks, "warnings": record.warnings},
        "signed_at": record.signed_at, "added": record.added,
        "timestamp_token": None if token is None else base64.b64encode(token).decode("ascii"),
    }


def handoff(record: Handoff) -> dict[str, Any]:
    return {
        "bundle_id": record.bundle_id, "exported_at": record.exported_at,
        "tag_manifest_sha256": record.tag_manifest_sha256,
        "recipients": list(record.recipients), "unconfirmed": record.unconfirmed,
        "receipts": [receipt(r) for r in record.receipts],
    }
