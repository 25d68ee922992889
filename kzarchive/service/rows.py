"""The one place where rows of incidents, items, people, blobs and the search index are
written, and where records are built from rows, by column name.

Every function takes the connection of a ``VaultSession.transaction()`` (or ``read()``
for the readers); none opens one, so that the caller's act commits as one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kzarchive.service.models import Incident, IncidentSummary, Item, Person
from kzarchive.service.records import incident_search_text
from kzarchive.util.canonical import canonical_json
from kzarchive.vault.blobs import StoredBlob, insert_blob_row

INCIDENT_COLUMNS = ("id", "title", "description", "occurred_start", "occurred_end",
                    "date_precision", "place", "latitude", "longitude", "status", "created",
                    "updated", "origin")
SUMMARY_COLUMNS = ("id", "title", "occurred_start", "occurred_end", "place", "status",
                   "violations_text", "tags_text", "item_count", "updated")
PERSON_COLUMNS = ("id", "incident_id", "role", "pseudonym", "real_name", "consent_given",
                  "consent_scope", "consent_date", "notes", "created")
ITEM_COLUMNS = ("id", "incident_id", "kind", "name", "mime", "size", "sha256", "blob_id",
                "captured_at", "collected_at", "collector", "source", "language", "notes",
                "witness", "derived_from", "derivation", "metadata", "thumbnail_blob_id",
                "created")
# What an Item is read from: the stored columns it shows, and whether it has a thumbnail.
_ITEM_READ = tuple(c for c in ITEM_COLUMNS if c not in ("blob_id", "thumbnail_blob_id"))


def select(columns: Sequence[str], alias: str = "") -> str:
    """The column list of a SELECT whose rows ``named`` reads."""
    return ", ".join(f"{alias}.{c}" if alias else c for c in columns)


def named(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(columns, row, strict=True))


def _insert(db: Any, table: str, values: Mapping[str, Any]) -> None:
    columns = list(values)
    db.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})", [values[c] for c in columns])


# -- incidents -------------------------------------------------------------------------

def insert_incident(db: Any, values: Mapping[str, Any], violations: Iterable[str],
                    tags: Iterable[str]) -> None:
    """An incident row with its labels and its search entry."""
    _insert(db, "incidents", {c: values[c] for c in INCIDENT_COLUMNS})
    set_labels(db, values["id"], list(violations), list(tags))
    index_incident(db, values["id"])


def set_labels(db: Any, incident_id: str, violations: list[str], tags: list[str]) -> None:
    db.execute("DELETE FROM incident_violations WHERE incident_id = ?", (incident_id,))
    db.execute("DELETE FROM incident_tags WHERE incident_id = ?", (incident_id,))
    db.executemany("INSERT INTO incident_violations VALUES (?, ?)",
                   [(incident_id, v) for v in violations])
    db.executemany("INSERT INTO incident_tags VALUES (?, ?)", [(incident_id, t) for t in tags])
    db.execute("UPDATE incidents SET violations_text = ?, tags_text = ? WHERE id = ?",
               ("\n".join(sorted(violations)), "\n".join(sorted(tags)), incident_id))


def index_incident(db: Any, incident_id: str) -> None:
    """The incident's search entry, made anew from its row."""
    incident = read_incident(db, incident_id)
    if incident is None:
        return
    db.execute("DELETE FROM search_index WHERE kind = 'incident' AND ref_id = ?",
               (incident_id,))
    _insert_search(db, incident_search_text(incident), "incident", incident_id, incident_id)


def read_incident(db: Any, incident_id: str) -> Incident | None:
    row = db.execute(f"SELECT {select(INCIDENT_COLUMNS)} FROM incidents WHERE id = ?",
                     (incident_id,)).fetchone()
    if row is None:
        return None
    violations = [r[0] for r in db.execute(
        "SELECT violation FROM incident_violations WHERE incident_id = ? ORDER BY 1",
        (incident_id,))]
    tags = [r[0] for r in db.execute(
        "SELECT tag FROM incident_tags WHERE incident_id = ? ORDER BY 1", (incident_id,))]
    return Incident(**named(INCIDENT_COLUMNS, row), violations=violations, tags=tags)


def summary(row: Sequence[Any]) -> IncidentSummary:
    values = named(SUMMARY_COLUMNS, row)
    violations, tags = values.pop("violations_text"), values.pop("tags_text")
    return IncidentSummary(**values, violations=violations.split("\n") if violations else [],
                           tags=tags.split("\n") if tags else [])


# -- people ----------------------------------------------------------------------------

def insert_person(db: Any, values: Mapping[str, Any]) -> None:
    _insert(db, "people", {c: (int(values[c]) if c == "consent_given" else values[c])
                           for c in PERSON_COLUMNS})


def person(row: Sequence[Any]) -> Person:
    values = named(PERSON_COLUMNS, row)
    values["consent_given"] = bool(values["consent_given"])
    return Person(**values)


# -- items -----------------------------------------------------------------------------

def insert_item(db: Any, values: Mapping[str, Any], search_text: Iterable[str | None]) -> None:
    """An item row, its incident's count and its search entry.

    ``derivation`` and ``metadata`` are given as dicts and stored as canonical JSON.
    """
    row: dict[str, Any] = {c: values.get(c) for c in ITEM_COLUMNS}
    row["derivation"] = canonical_json(row["derivation"]).decode() if row["derivation"] else None
    row["metadata"] = canonical_json(dict(row["metadata"] or {})).decode()
    _insert(db, "items", row)
    db.execute("UPDATE incidents SET item_count = item_count + 1 WHERE id = ?",
               (row["incident_id"],))
    _insert_search(db, "\n".join(filter(None, search_text)), "item", row["id"],
                   row["incident_id"])


def item_select(alias: str = "") -> str:
    """The columns ``item`` reads."""
    prefix = f"{alias}." if alias else ""
    return f"{select(_ITEM_READ, alias)}, {prefix}thumbnail_blob_id IS NOT NULL"


def item(row: Sequence[Any]) -> Item:
    values = named((*_ITEM_READ, "has_thumbnail"), row)
    values["derivation"] = json.loads(values["derivation"]) if values["derivation"] else None
    values["metadata"] = json.loads(values["metadata"])
    values["has_thumbnail"] = bool(values["has_thumbnail"])
    return Item(**values)


# -- blobs -----------------------------------------------------------------------------

def keep_blob(db: Any, blob: StoredBlob) -> str:
    """Row for a written blob, no longer pending; returns the id to use (an existing one
    for equal content, whose new copy the caller then deletes)."""
    row = db.execute("SELECT id FROM blobs WHERE sha256 = ? AND size = ? LIMIT 1",
                     (blob.sha256, blob.size)).fetchone()
    db.execute("DELETE FROM pending_blobs WHERE id = ?", (blob.id,))
    if row is not None:
        return str(row[0])
    insert_blob_row(db, blob)
    return blob.id


def keep_or_repend(db: Any, blob: StoredBlob) -> str:
    """``keep_blob``; a new copy made redundant by equal content goes back into
    ``pending_blobs`` in the same commit, so that a crash before the caller deletes its
    file still cleans it up."""
    kept = keep_blob(db, blob)
    if kept != blob.id:
        db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob.id,))
    return kept


def _insert_search(db: Any, body: str, kind: str, ref_id: str, incident_id: str) -> None:
    db.execute("INSERT INTO search_index (body, kind, ref_id, incident_id) VALUES (?, ?, ?, ?)",
               (body, kind, ref_id, incident_id))
