"""Incidents and the people linked to them; full-text search (``archive.incidents``)."""

from __future__ import annotations

from typing import Any

from kzarchive.errors import BadInput, NotFound
from kzarchive.service import rows
from kzarchive.service.models import Incident, IncidentSummary, Person
from kzarchive.service.records import (
    check_coordinate,
    check_date,
    match_expression,
    new_id,
)
from kzarchive.service.session import VaultSession
from kzarchive.service.vocabulary import DATE_PRECISIONS, ROLES, STATUSES, VIOLATIONS, check
from kzarchive.util.canonical import utc_timestamp

INCIDENT_FIELDS = ("title", "description", "occurred_start", "occurred_end", "date_precision",
                   "place", "latitude", "longitude", "status", "violations", "tags")
PERSON_FIELDS = ("role", "pseudonym", "real_name", "consent_given", "consent_scope",
                 "consent_date", "notes")


class Incidents:
    """Incidents and people of one open vault."""

    def __init__(self, session: VaultSession):
        self._session = session

    # -- incidents -------------------------------------------------------------------

    def resolve_id(self, table: str, prefix: str) -> str:
        """Full id from a unique prefix, as people type ids from a listing.

        Raises NotFound (none, or under 4 characters), BadInput (several match).
        """
        what = {"incidents": "incident", "items": "item", "people": "person"}[table]
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise NotFound(what=what, ident=prefix, hint="Give at least 4 characters of the id.")
        with self._session.read() as db:
            found = db.execute(
                f"SELECT id FROM {table} WHERE id >= ? AND id < ? LIMIT 2",
                (prefix, prefix + "g")).fetchall()
        if len(found) != 1:
            if found:
                raise BadInput(what=f"the id '{prefix}' matches several {what}s",
                               hint="Give more characters of the id.")
            raise NotFound(what=what, ident=prefix)
        return str(found[0][0])

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
        """Adds an incident; returns its id.  Raises BadInput for an invalid field."""
        v = self._incident_values(dict(
            title=title, description=description, occurred_start=occurred_start,
            occurred_end=occurred_end, date_precision=date_precision, place=place,
            latitude=latitude, longitude=longitude, violations=violations, tags=tags,
            status=status))
        ident = incident_id or new_id()
        now = utc_timestamp()
        with self._session.transaction() as db:
            rows.insert_incident(db, {**v, "id": ident, "created": now, "updated": now,
                                      "origin": self._session.fingerprint},
                                 v["violations"], v["tags"])
            self._session.append_log("incident.created", ident, details={"fields": sorted(
                k for k in INCIDENT_FIELDS if v.get(k) not in (None, "", [], ()))})
        return ident

    def update_incident(self, /, incident_id: str, **fields: Any) -> list[str]:
        """Changes the given fields; returns (and logs) the names of those that changed.

        Raises NotFound, BadInput (an unknown or invalid field).
        """
        unknown = set(fields) - set(INCIDENT_FIELDS)
        if unknown:
            raise BadInput(what=f"unknown incident field(s): {', '.join(sorted(unknown))}")
        current = self.get_incident(incident_id).to_dict()
        values = self._incident_values(fields)
        changed = sorted(k for k, value in values.items() if current[k] != value)
        if not changed:
            return []
        with self._session.transaction() as db:
            columns = [k for k in changed if k not in ("violations", "tags")]
            if columns:
                db.execute(
                    f"UPDATE incidents SET {', '.join(f'{c} = ?' for c in columns)}, updated = ? "
                    "WHERE id = ?", [values[c] for c in columns] + [utc_timestamp(), incident_id])
            else:
                db.execute("UPDATE incidents SET updated = ? WHERE id = ?",
                           (utc_timestamp(), incident_id))
            rows.set_labels(db, incident_id, values.get("violations", current["violations"]),
                            values.get("tags", current["tags"]))
            rows.index_incident(db, incident_id)
            self._session.append_log("incident.updated", incident_id, details={"fields": changed})
        return changed

    def get_incident(self, incident_id: str) -> Incident:
        """Raises NotFound."""
        with self._session.read() as db:
            incident = rows.read_incident(db, incident_id)
        if incident is None:
            raise NotFound(what="incident", ident=incident_id)
        return incident

    def list_incidents(
        self, search: str | None = None, violation: str | None = None,
        status: str | None = None, tag: str | None = None,
        date_from: str | None = None, date_to: str | None = None,
    ) -> list[IncidentSummary]:
        """Incidents matching every filter given, newest first.  Raises BadInput (a date)."""
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
            f"SELECT {rows.select(rows.SUMMARY_COLUMNS, 'i')} FROM incidents i"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(i.occurred_start, i.created) DESC, i.id"
        )
        with self._session.read() as db:
            found = db.execute(sql, params).fetchall()
        return [rows.summary(r) for r in found]

    def list_tags(self) -> list[str]:
        """Every tag in use, for choosing a filter."""
        with self._session.read() as db:
            found = db.execute("SELECT DISTINCT tag FROM incident_tags ORDER BY tag").fetchall()
        return [str(row[0]) for row in found]

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
        """Adds a person to an incident; returns the id.  Raises NotFound, BadInput."""
        self.get_incident(incident_id)
        v = self._person_values(dict(role=role, pseudonym=pseudonym, real_name=real_name,
                                     consent_given=consent_given, consent_scope=consent_scope,
                                     consent_date=consent_date, notes=notes))
        ident = person_id or new_id()
        with self._session.transaction() as db:
            rows.insert_person(db, {**v, "id": ident, "incident_id": incident_id,
                                    "created": utc_timestamp()})
            self._session.append_log("person.added", incident_id, details={
                "person_id": ident, "role": v["role"], "consent_given": v["consent_given"]})
        return ident

    def update_person(self, /, person_id: str, **fields: Any) -> list[str]:
        """Changes the given fields; returns the names of those that changed.

        Raises NotFound, BadInput (an unknown or invalid field).
        """
        unknown = set(fields) - set(PERSON_FIELDS)
        if unknown:
            raise BadInput(what=f"unknown person field(s): {', '.join(sorted(unknown))}")
        current = self.get_person(person_id).to_dict()
        values = self._person_values(fields)
        changed = sorted(k for k, value in values.items() if current[k] != value)
        if changed:
            with self._session.transaction() as db:
                db.execute(
                    f"UPDATE people SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                    [values[c] for c in changed] + [person_id])
                self._session.append_log("person.updated", current["incident_id"],
                                         details={"person_id": person_id, "fields": changed})
        return changed

    def get_person(self, person_id: str) -> Person:
        """Raises NotFound."""
        found = self._people("id = ?", person_id)
        if not found:
            raise NotFound(what="person", ident=person_id)
        return found[0]

    def list_people(self, incident_id: str) -> list[Person]:
        return self._people("incident_id = ?", incident_id)

    def _people(self, condition: str, value: str) -> list[Person]:
        with self._session.read() as db:
            found = db.execute(
                f"SELECT {rows.select(rows.PERSON_COLUMNS)} FROM people WHERE {condition} "
                "ORDER BY created, id", (value,)).fetchall()
        return [rows.person(r) for r in found]
