"""The service API: the one entry point of the command line and the GUI.

An ``Archive`` is an unlocked vault.  It holds the vault master key only as long as
it is open; ``close()`` drops every key and the database connection.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs

from kzarchive.canonical import utc_timestamp
from kzarchive.contacts import ContactsMixin
from kzarchive.crypto.identity import Identity
from kzarchive.crypto.kdf import calibrate, hkdf
from kzarchive.errors import BadInput, IntegrityError, NotAVault, NotFound, VaultLocked
from kzarchive.evidence import EvidenceMixin
from kzarchive.models import Incident, IncidentSummary, Person
from kzarchive.progress import CancelToken, Progress
from kzarchive.records import (
    check_coordinate,
    check_date,
    incident_search_text,
    match_expression,
    new_id,
)
from kzarchive.vault import custody, database, keyslots
from kzarchive.vault.blobs import BlobStore
from kzarchive.vault.lock import VaultLock
from kzarchive.vocabulary import DATE_PRECISIONS, ROLES, STATUSES, VIOLATIONS, check

__all__ = ["Archive", "CancelToken", "Progress"]

_INCIDENT_FIELDS = ("title", "description", "occurred_start", "occurred_end", "date_precision",
                    "place", "latitude", "longitude", "status", "violations", "tags")
_PERSON_FIELDS = ("role", "pseudonym", "real_name", "consent_given", "consent_scope",
                  "consent_date", "notes")


class Archive(EvidenceMixin, ContactsMixin):
    """An open, unlocked vault."""

    def __init__(self, path: Path, keyfile: keyslots.KeyFile, vmk: bytes, lock: VaultLock):
        self.path = path
        self._keyfile = keyfile
        self._vmk: bytes | None = vmk
        self._lock = lock
        self._mutex = threading.RLock()
        self.blobs = BlobStore(path)
        self._db: Any = database.connect(path / database.FILE_NAME,
                                         hkdf(vmk, "kzarchive/v1/sqlcipher"))
        try:
            database.migrate(self._db)
            self.vault_id = keyfile.vault_id
            if self._meta("vault_id") not in (None, self.vault_id):
                raise IntegrityError(what="archive.db belongs to another vault than vault.keys")
            row = self._db.execute("SELECT secret FROM identity WHERE id = 1").fetchone()
            self.identity: Identity | None = Identity.from_secret_bytes(row[0]) if row else None
        except BaseException:
            self._db.close()
            raise

    # -- life cycle ----------------------------------------------------------------

    @staticmethod
    def default_path() -> Path:
        return Path(platformdirs.user_data_dir("kzarchive", appauthor=False)) / "vault"

    @staticmethod
    def is_vault(path: Path) -> bool:
        return (Path(path) / keyslots.FILE_NAME).is_file()

    @classmethod
    def create(
        cls, path: Path, passphrase: str, name: str = "", progress: Progress | None = None
    ) -> tuple[Archive, str]:
        """Creates a vault; returns it open, and the recovery code to show once."""
        path = Path(path)
        if len(passphrase) < 8:
            raise BadInput(what="the passphrase is too short",
                           hint="Use at least 8 characters; a few unrelated words are best.")
        if path.exists() and any(path.iterdir()):
            raise BadInput(what=f"{path} already exists and is not empty",
                           hint="Choose a new folder for the vault.")
        path.mkdir(parents=True, exist_ok=True)
        lock = VaultLock.acquire(path)
        try:
            if progress:
                progress(0, 3)
            vmk = os.urandom(keyslots.VMK_SIZE)
            keyfile = keyslots.KeyFile(vault_id=str(uuid.uuid4()))
            keyfile.set_passphrase(vmk, passphrase, calibrate())
            if progress:
                progress(1, 3)
            recovery_code = keyslots.new_recovery_code()
            keyfile.set_recovery_code(vmk, recovery_code)
            BlobStore(path).prepare()
            archive = cls(path, keyfile, vmk, lock)
            identity = Identity.generate()
            with database.transaction(archive._db) as db:
                db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                    ("vault_id", keyfile.vault_id), ("name", name), ("created", utc_timestamp()),
                ])
                db.execute("INSERT INTO identity (id, secret, created) VALUES (1, ?, ?)",
                           (identity.to_secret_bytes(), utc_timestamp()))
                archive.identity = identity
                archive._log("vault.created", details={"name": name})
            if progress:
                progress(2, 3)
            # vault.keys last: until it exists, the folder is not a vault.
            keyfile.save(path, vmk)
            if progress:
                progress(3, 3)
            return archive, recovery_code
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Archive:
        return cls._open(Path(path), lambda keyfile: keyfile.unlock_with_passphrase(passphrase))

    @classmethod
    def open_with_recovery(cls, path: Path, recovery_code: str) -> Archive:
        return cls._open(Path(path), lambda keyfile: keyfile.unlock_with_recovery(recovery_code))

    @classmethod
    def _open(cls, path: Path, unlock: Any) -> Archive:
        if not cls.is_vault(path):
            raise NotAVault(path=path)
        lock = VaultLock.acquire(path)
        try:
            keyfile = keyslots.load(path)
            vmk = unlock(keyfile)
            archive = cls(path, keyfile, vmk, lock)
            archive._clean_interrupted_writes()
            return archive
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        with self._mutex:
            if self._vmk is None:
                return
            with contextlib.suppress(Exception):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()
            self._vmk = None
            self.identity = None
            self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._vmk is not None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def db(self) -> Any:
        if self._vmk is None:
            raise VaultLocked()
        return self._db

    @property
    def name(self) -> str:
        return self._meta("name") or ""

    @property
    def fingerprint(self) -> str:
        return self._identity().public.fingerprint

    def _identity(self) -> Identity:
        if self.identity is None or self._vmk is None:
            raise VaultLocked()
        return self.identity

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def change_passphrase(self, new_passphrase: str) -> None:
        if len(new_passphrase) < 8:
            raise BadInput(what="the passphrase is too short",
                           hint="Use at least 8 characters; a few unrelated words are best.")
        vmk = self._vmk
        if vmk is None:
            raise VaultLocked()
        self._keyfile.set_passphrase(vmk, new_passphrase, calibrate())
        self._keyfile.save(self.path, vmk)
        with database.transaction(self.db):
            self._log("passphrase.changed")

    def _clean_interrupted_writes(self) -> None:
        """A crash at any instant leaves the whole item or no trace of it."""
        self.blobs.prepare()
        self.blobs.clear_tmp()
        with database.transaction(self.db) as db:
            for (blob_id,) in db.execute("SELECT id FROM pending_blobs").fetchall():
                if db.execute("SELECT 1 FROM blobs WHERE id = ?", (blob_id,)).fetchone() is None:
                    self.blobs.delete(blob_id)
            db.execute("DELETE FROM pending_blobs")

    def _log(self, action: str, incident_id: str | None = None, item_id: str | None = None,
             details: dict[str, Any] | None = None) -> None:
        custody.append(self.db, self.fingerprint, action, incident_id, item_id, details)

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
                k for k in _INCIDENT_FIELDS if v.get(k) not in (None, "", [], ()))})
        return ident

    def update_incident(self, incident_id: str, **fields: Any) -> list[str]:
        """Changes the given fields; returns (and logs) the names of those that changed."""
        unknown = set(fields) - set(_INCIDENT_FIELDS)
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
        where, params = [], []
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
            params.append(check_date(date_from, "date from"))
        if date_to:
            where.append("i.occurred_start <= ?")
            params.append(check_date(date_to, "date to") + "~")
        sql = (
            "SELECT i.id, i.title, i.occurred_start, i.occurred_end, i.place, i.status, "
            "(SELECT group_concat(violation, '\n') FROM incident_violations v "
            " WHERE v.incident_id = i.id), "
            "(SELECT group_concat(tag, '\n') FROM incident_tags t WHERE t.incident_id = i.id), "
            "(SELECT count(*) FROM items it WHERE it.incident_id = i.id), i.updated "
            "FROM incidents i"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(i.occurred_start, i.created) DESC, i.id"
        )
        with self._mutex:
            rows = self.db.execute(sql, params).fetchall()
        return [
            IncidentSummary(r[0], r[1], r[2], r[3], r[4], r[5],
                            sorted(r[6].split("\n")) if r[6] else [],
                            sorted(r[7].split("\n")) if r[7] else [], r[8], r[9])
            for r in rows
        ]

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
        unknown = set(fields) - set(_PERSON_FIELDS)
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

    # -- custody ---------------------------------------------------------------------

    def custody_entries(self, incident_id: str | None = None) -> list[custody.CustodyEntry]:
        with self._mutex:
            return custody.entries(self.db, incident_id)

    def make_checkpoint(self) -> custody.Checkpoint:
        with self._mutex, database.transaction(self.db) as db:
            return custody.make_checkpoint(db, self.vault_id, self._identity().signing_key)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._mutex, database.transaction(self.db) as db:
            yield db

    def log(self, action: str, incident_id: str | None = None, item_id: str | None = None,
            details: dict[str, Any] | None = None) -> None:
        """Records an act of another layer (bundles, contacts) in the custody log."""
        with self._mutex, database.transaction(self.db):
            self._log(action, incident_id, item_id, details)

