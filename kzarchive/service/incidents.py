"""Incidents and the people linked to them; full-text search.  Part of ``Archive``."""

from __future__ import annotations

from typing import Any

from kzarchive.errors import BadInput, NotFound
from kzarchive.service.models import Incident, IncidentSummary, Person
from kzarchive.service.records import (
    check_coordinate,
    check_date,
    incident_search_text,
    match_expression,
    new_id,
)
from kzarchive.service.session import VaultSession
from kzarchive.service.vocabulary import DATE_PRECISIONS, ROLES, STATUSES, VIOLATIONS, check
from kzarchive.util.canonical import utc_timestamp
from kzarchive.vault import database

INCIDENT_FIELDS = ("title", "description", "occurred_start", "occurred_end", "date_precision",
                   "place", "latitude", "longitude", "status", "violations", "tags")
PERSON_FIELDS = ("role", "pseudonym", "real_name", "consent_given", "consent_scope",
                 "consent_date", "notes")


class IncidentsMixin(VaultSession):
    # -- incidents -------------------------------------------------------------------

    def resolve_id(self, table: str, prefix: str) -> str:
        """Full id from a unique prefix, as people type ids from a listing."""
        what = {"incidents": "incident", "items": "item", "people": "person"}[table]
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise NotFound(what=what, ident=prefix, hint="Give at least 4 characters of the id.")
        rows = self.db.execute(
            f"SELECT id FROM {table} WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        ).fetchall()
        if len(rows) != 1:
            if rows:
                raise BadInput(what=f"the id '{prefix}' matches several {what}s",
                               hint="Give more characters of the id.")
            raise NotFound(what=what, ident=prefix)
        return str(rows[0][0])

    def _incident_values(self, fields: dict[str, Any]) -> dict[str, Any]:
        values = dict(fields)
        if "title" in values:
            values["title"] = str(values["title"]).strip()
            if not values["title"]:
                raise BadInput(what="an incident needs a title")
        for key in ("occurred_start", "occurred_end", "consent_date"):
            if key in values:
                values[key] = check_date(values[key], key.replace("_", " "))
        if "date_precision" in values and values["date_precision"] not in DATE_PRECISIONS:
            raise BadInput(what=f"unknown date precision '{values['date_precision']}'")
        if "status" in values:
            check(values["status"], STATUSES, "status")
        for key in ("latitude", "longitude"):
            if key in values:
                values[key] = check_coordinate(values[key], key)
        if "violations" in values:
            values["violations"] = sorted({check(v, VIOLATIONS, "violation type")
                                           for v in values["violations"]})
        if "tags" in values:
            values["tags"] = sorted({t.strip() for t in values["tags"] if t.strip()})
        return values

    def add_incident(
        self, title: str, description: str = "", occurred_start: str | None = None,
        occurred_end: str | None = None, date_precision: str = "day", place: str = "",
        latitude: Any = None, longitude: Any = None, violations: Any = (), tags: Any = (),
        status: str = "draft", incident_id: str | None = None,
    ) -> str:
        v = self._incident_values(dict(
            title=title, description=description, occurred_start=occurred_start,
            occurred_end=occurred_end, date_precision=date_precision, place=place,
            latitude=latitude, longitude=longitude, violations=violations, tags=tags,
            status=status))
        ident = incident_id or new_id()
        now = utc_timestamp()
        with self._mutex, database.transaction(self.db) as db:
            db.execute(
                "INSERT INTO incidents (id, title, description, occurred_start, occurred_end, "
                "date_precision, place, latitude, longitude, status, created, updated, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ident, v["title"], v["description"], v["occurred_start"], v["occurred_end"],
                 v["date_precision"], v["place"], v["latitude"], v["longitude"], v["status"],
                 now, now, self.fingerprint))
            self._set_labels(ident, v["violations"], v["tags"])
            self._index_incident(ident)
            self._log("incident.created", ident, details={"fields": sorted(
                k for k in INCIDENT_FIELDS if v.get(k) not in (None, "", [], ()))})
        return ident

    def update_incident(self, incident_id: str, **fields: Any) -> list[str]:
        """Changes the given fields; returns (and logs) the names of those that changed."""
        unknown = set(fields) - set(INCIDENT_FIELDS)
        if unknown:
            raise BadInput(what=f"unknown incident field(s): {', '.join(sorted(unknown))}")
        current = self.get_incident(incident_id).to_dict()
        values = self._incident_values(fields)
        changed = sorted(k for k, value in values.items() if current[k] != value)
        if not changed:
            return []
        with self._mutex, database.transaction(self.db) as db:
            columns = [k for k in changed if k not in ("violations", "tags")]
            if columns:
                db.execute(
                    f"UPDATE incidents SET {', '.join(f'{c} = ?' for c in columns)}, updated = ? "
                    "WHERE id = ?", [values[c] for c in columns] + [utc_timestamp(), incident_id])
            else:
                db.execute("UPDATE incidents SET updated = ? WHERE id = ?",
                           (utc_timestamp(), incident_id))
            self._set_labels(incident_id, values.get("violations", current["violations"]),
                             values.get("tags", current["tags"]))
            self._index_incident(incident_id)
            self._log("incident.updated", incident_id, details={"fields": changed})
        return changed

    def _set_labels(self, incident_id: str, violations: list[str], tags: list[str]) -> None:
        db = self.db
        db.execute("DELETE FROM incident_violations WHERE incident_id = ?", (incident_id,))
        db.execute("DELETE FROM incident_tags WHERE incident_id = ?", (incident_id,))
        db.executemany("INSERT INTO incident_violations VALUES (?, ?)",
                       [(incident_id, v) for v in violations])
        db.executemany("INSERT INTO incident_tags VALUES (?, ?)", [(incident_id, t) for t in tags])
        db.execute("UPDATE incidents SET violations_text = ?, tags_text = ? WHERE id = ?",
                   ("\n".join(sorted(violations)), "\n".join(sorted(tags)), incident_id))

    def _index_incident(self, incident_id: str) -> None:
        incident = self.get_incident(incident_id)
        self.db.execute("DELETE FROM search_index WHERE kind = 'incident' AND ref_id = ?",
                        (incident_id,))
        self.db.execute(
            "INSERT INTO search_index (body, kind, ref_id, incident_id) "
            "VALUES (?, 'incident', ?, ?)",
            (incident_search_text(incident), incident_id, incident_id))

    def get_incident(self, incident_id: str) -> Incident:
        with self._mutex:
            row = self.db.execute(
                "SELECT id, title, description, occurred_start, occurred_end, date_precision, "
                "place, latitude, longitude, status, created, updated, origin "
                "FROM incidents WHERE id = ?", (incident_id,)).fetchone()
            if row is None:
                raise NotFound(what="incident", ident=incident_id)
            violations = [r[0] for r in self.db.execute(
                "SELECT violation FROM incident_violations WHERE incident_id = ? ORDER BY 1",
                (incident_id,))]
            tags = [r[0] for r in self.db.execute(
                "SELECT tag FROM incident_tags WHERE incident_id = ? ORDER BY 1", (incident_id,))]
        return Incident(*row[:10], violations=violations, tags=tags,  # type: ignore[misc]
                        created=row[10], updated=row[11], origin=row[12])

    def list_incidents(
        self, search: str | None = None, violation: str | None = None,
        status: str | None = None, tag: str | None = None,
        date_from: str | None = None, date_to: str | None = None,
    ) -> list[IncidentSummary]:
        where: list[str] = []
        params: list[str] = []
        if search and search.strip():
            expression, like_terms = match_expression(search)
            if expression:
                where.append("i.id IN (SELECT incident_id FROM search_index "
                             "WHERE search_index MATCH ?)")
                params.append(expression)
            for term in like_terms:
                where.append("i.id IN (SELECT incident_id FROM search_index WHERE body LIKE ?)")
                params.append(f"%{term}%")
        if violation:
            where.append("i.id IN (SELECT incident_id FROM incident_violations "
                         "WHERE violation = ?)")
            params.append(violation)
        if tag:
            where.append("i.id IN (SELECT incident_id FROM incident_tags WHERE tag = ?)")
            params.append(tag)
        if status:
            where.append("i.status = ?")
            params.append(status)
        if date_from:
            where.append("coalesce(i.occurred_end, i.occurred_start) >= ?")
            params.append(str(check_date(date_from, "date from")))
        if date_to:
            where.append("i.occurred_start <= ?")
            params.append(f"{check_date(date_to, 'date to')}~")
        sql = (
            "SELECT i.id, i.title, i.occurred_start, i.occurred_end, i.place, i.status, "
            "i.violations_text, i.tags_text, i.item_count, i.updated "
            "FROM incidents i"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(i.occurred_start, i.created) DESC, i.id"
        )
        with self._mutex:
            rows = self.db.execute(sql, params).fetchall()
        return [
            IncidentSummary(r[0], r[1], r[2], r[3], r[4], r[5],
                            r[6].split("\n") if r[6] else [],
                            r[7].split("\n") if r[7] else [], r[8], r[9])
            for r in rows
        ]

    def list_tags(self) -> list[str]:
        """Every tag in use, for choosing a filter."""
        with self._mutex:
            rows = self.db.execute("SELECT DISTINCT tag FROM incident_tags ORDER BY tag").fetchall()
        return [str(row[0]) for row in rows]

    def count_incidents(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM incidents").fetchone()[0])

    # -- people ----------------------------------------------------------------------

    def _person_values(self, fields: dict[str, Any]) -> dict[str, Any]:
        values = dict(fields)
        if "role" in values:
            check(values["role"], ROLES, "role")
        if "pseudonym" in values:
            values["pseudonym"] = str(values["pseudonym"]).strip()
            if not values["pseudonym"]:
                raise BadInput(what="a person needs a pseudonym",
                               hint="Never put a real name in the pseudonym field.")
        if "consent_date" in values:
            values["consent_date"] = check_date(values["consent_date"], "consent date")
        if "consent_given" in values:
            values["consent_given"] = bool(values["consent_given"])
        if values.get("real_name") == "":
            values["real_name"] = None
        return values

    def add_person(
        self, incident_id: str, role: str, pseudonym: str, real_name: str | None = None,
        consent_given: bool = False, consent_scope: str = "", consent_date: str | None = None,
        notes: str = "", person_id: str | None = None,
    ) -> str:
        self.get_incident(incident_id)
        v = self._person_values(dict(role=role, pseudonym=pseudonym, real_name=real_name,
                                     consent_given=consent_given, consent_scope=consent_scope,
                                     consent_date=consent_date, notes=notes))
        ident = person_id or new_id()
        with self._mutex, database.transaction(self.db) as db:
            db.execute(
                "INSERT INTO people (id, incident_id, role, pseudonym, real_name, consent_given, "
                "consent_scope, consent_date, notes, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (ident, incident_id, v["role"], v["pseudonym"], v["real_name"],
                 int(v["consent_given"]), v["consent_scope"], v["consent_date"], v["notes"],
                 utc_timestamp()))
            self._log("person.added", incident_id, details={
                "person_id": ident, "role": v["role"], "consent_given": v["consent_given"]})
        return ident

    def update_person(self, person_id: str, **fields: Any) -> list[str]:
        unknown = set(fields) - set(PERSON_FIELDS)
        if unknown:
            raise BadInput(what=f"unknown person field(s): {', '.join(sorted(unknown))}")
        current = self.get_person(person_id).to_dict()
        values = self._person_values(fields)
        changed = sorted(k for k, value in values.items() if current[k] != value)
        if changed:
            with self._mutex, database.transaction(self.db) as db:
                db.execute(
                    f"UPDATE people SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                    [values[c] for c in changed] + [person_id])
                self._log("person.updated", current["incident_id"],
                          details={"person_id": person_id, "fields": changed})
        return changed

    def get_person(self, person_id: str) -> Person:
        rows = self._people("id = ?", person_id)
        if not rows:
            raise NotFound(what="person", ident=person_id)
        return rows[0]

    def list_people(self, incident_id: str) -> list[Person]:
        return self._people("incident_id = ?", incident_id)

    def _people(self, condition: str, value: str) -> list[Person]:
        with self._mutex:
            rows = self.db.execute(
                "SELECT id, incident_id, role, pseudonym, real_name, consent_given, consent_scope, "
                f"consent_date, notes, created FROM people WHERE {condition} ORDER BY created, id",
                (value,)).fetchall()
        return [Person(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9])
                for r in rows]

