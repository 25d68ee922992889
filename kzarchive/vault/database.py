"""The SQLCipher database: connection, schema and stepwise migrations.

The key is the HKDF-derived raw key, so SQLCipher's own PBKDF2 is skipped.  The
connection refuses to work unless the module really is SQLCipher: a plain SQLite
would silently write the evidence index in clear.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from kzarchive.errors import IntegrityError, KzError, NewerFormat
from kzarchive.vault import private

FILE_NAME = "archive.db"
SCHEMA_VERSION = 6
# Files SQLite makes next to the database (WAL mode; the rollback journal only while
# a migration from an older journal mode runs).
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

Connection = Any  # sqlcipher3 ships no type information
# What the driver raises when a page cannot be read: damage, alteration or a wrong key.
DatabaseError = sqlcipher3.DatabaseError


class NotSQLCipher(KzError):
    exit_code = 14
    message_template = "The database module is plain SQLite, not SQLCipher; refusing to continue."
    hint_template = "Reinstall kzarchive with its dependencies (sqlcipher3)."


SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    secret BLOB NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    occurred_start TEXT,
    occurred_end TEXT,
    date_precision TEXT NOT NULL DEFAULT 'day',
    place TEXT NOT NULL DEFAULT '',
    latitude TEXT,
    longitude TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX incidents_occurred ON incidents (occurred_start);
CREATE TABLE incident_violations (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    violation TEXT NOT NULL,
    PRIMARY KEY (incident_id, violation)
);
CREATE INDEX incident_violations_by_violation ON incident_violations (violation);
CREATE TABLE incident_tags (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (incident_id, tag)
);
CREATE INDEX incident_tags_by_tag ON incident_tags (tag);
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    pseudonym TEXT NOT NULL,
    real_name TEXT,
    consent_given INTEGER NOT NULL DEFAULT 0,
    consent_scope TEXT NOT NULL DEFAULT '',
    consent_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX people_by_incident ON people (incident_id);
CREATE TABLE blobs (
    id TEXT PRIMARY KEY,
    file_key BLOB NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX blobs_by_hash ON blobs (sha256);
CREATE TABLE pending_blobs (id TEXT PRIMARY KEY);
CREATE TABLE items (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    captured_at TEXT,
    collected_at TEXT NOT NULL,
    collector TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    witness TEXT,
    derived_from TEXT REFERENCES items (id),
    derivation TEXT,
    metadata TEXT NOT NULL DEFAULT '{}',
    thumbnail_blob_id TEXT REFERENCES blobs (id),
    created TEXT NOT NULL
);
CREATE INDEX items_by_incident ON items (incident_id);
CREATE INDEX items_by_hash ON items (sha256);
CREATE TABLE custody (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    incident_id TEXT,
    item_id TEXT,
    entry TEXT NOT NULL,
    leaf_hash TEXT NOT NULL
);
CREATE INDEX custody_by_incident ON custody (incident_id, seq);
CREATE TABLE foreign_custody (
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    incident_id TEXT,
    entry TEXT NOT NULL,
    leaf_hash TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
);
CREATE TABLE checkpoints (
    size INTEGER PRIMARY KEY,
    root TEXT NOT NULL,
    text TEXT NOT NULL,
    signature TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    age_recipient TEXT NOT NULL,
    minisign_public_key TEXT,
    ed25519_public BLOB,
    x25519_public BLOB,
    fingerprint TEXT,
    verified INTEGER NOT NULL DEFAULT 0,
    verified_at TEXT,
    created TEXT NOT NULL
);
CREATE TABLE imported_bundles (
    id TEXT PRIMARY KEY,
    sender_fingerprint TEXT NOT NULL,
    tag_manifest_sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5 (
    body, kind UNINDEXED, ref_id UNINDEXED, incident_id UNINDEXED,
    tokenize = 'trigram'
);
"""

# Each step takes the schema from version N-1 to N.  Steps are never edited once
# released: a vault of any earlier version must open.
def _run_script(conn: Connection, script: str) -> None:
    # executescript() would commit the surrounding transaction; run statement by statement.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


# Version 2: the signed custody chains received with bundles, kept so that they
# travel on with the evidence when it is exported again.
SCHEMA_V2 = """
CREATE TABLE received_custody (
    origin TEXT NOT NULL,
    checkpoint_text TEXT NOT NULL,
    minisign_public_key TEXT NOT NULL,
    age_recipient TEXT NOT NULL,
    checkpoint_signature TEXT NOT NULL,
    entries TEXT NOT NULL,
    proofs TEXT NOT NULL,
    PRIMARY KEY (origin, checkpoint_text)
);
"""

# Version 3: what the incident list shows of each incident's labels and items, kept on
# the incident row, so that listing 10,000 incidents reads one table.
SCHEMA_V3 = """
ALTER TABLE incidents ADD COLUMN violations_text TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
UPDATE incidents SET
    violations_text = coalesce((SELECT group_concat(violation, char(10) ORDER BY violation)
                                FROM incident_violations v WHERE v.incident_id = incidents.id), ''),
    tags_text = coalesce((SELECT group_concat(tag, char(10) ORDER BY tag)
                          FROM incident_tags t WHERE t.incident_id = incidents.id), ''),
    item_count = (SELECT count(*) FROM items WHERE items.incident_id = incidents.id);
"""

# Version 4: each blob's file format.  Blobs stored so far are format 1 (the bare
# content); new ones are format 2 (padded, their length sealed inside: vault/padding.py).
# The column's default is the format BlobStore writes, so that a row inserted without
# naming it describes its file truly.
SCHEMA_V4 = """
ALTER TABLE blobs ADD COLUMN format INTEGER NOT NULL DEFAULT 2;
UPDATE blobs SET format = 1;
"""

# Version 5: trusted time, partner receipts and perceptual hashes.
#   checkpoint_stamps  RFC 3161 replies over checkpoints of the custody log (the exact
#                      checkpoint text, the whole TimeStampResp, the authority's
#                      certificates as the reply carried them, and whether their chain
#                      was checked against a CA the user trusts)
#   stamp_requests     requests made and not yet answered (the nonce binds the reply)
#   receipts           signed receipts from partners for bundles this vault exported
#   perceptual_hashes  a picture's PDQ fingerprint, computed here from the stored bytes
#                      (never taken from a bundle), for finding copies
SCHEMA_V5 = """
CREATE TABLE stamp_requests (
    nonce TEXT PRIMARY KEY,
    tree_size INTEGER NOT NULL REFERENCES checkpoints (size),
    created TEXT NOT NULL
);
CREATE TABLE checkpoint_stamps (
    id INTEGER PRIMARY KEY,
    tree_size INTEGER NOT NULL REFERENCES checkpoints (size),
    token BLOB NOT NULL,
    gen_time TEXT NOT NULL,
    authority TEXT NOT NULL,
    certificates BLOB NOT NULL,
    chain_status TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX checkpoint_stamps_by_size ON checkpoint_stamps (tree_size);
CREATE TABLE receipts (
    bundle_id TEXT NOT NULL,
    partner_fingerprint TEXT NOT NULL,
    tag_manifest_sha256 TEXT NOT NULL,
    result TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    timestamp_token BLOB,
    document BLOB NOT NULL,
    added TEXT NOT NULL,
    PRIMARY KEY (bundle_id, partner_fingerprint)
);
CREATE TABLE perceptual_hashes (
    item_id TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    algorithm TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    quality INTEGER NOT NULL
);
"""

# Version 6: pictures whose thumbnail and perceptual fingerprint are still to be made
# (service/pictures.py).  Intake stores a photo's bytes and row at the speed of the
# disk and queues it here in the same commit; the pixels are decoded later, off the
# intake path.  Photos stored before (and those older vaults never fingerprinted,
# which version 5 did once at the first ``similar``) join the queue now.
SCHEMA_V6 = """
CREATE TABLE picture_queue (
    item_id TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE
);
INSERT INTO picture_queue (item_id)
    SELECT id FROM items WHERE mime LIKE 'image/%'
    AND (thumbnail_blob_id IS NULL OR id NOT IN (SELECT item_id FROM perceptual_hashes))
    ORDER BY created, id;
DELETE FROM meta WHERE key = 'perceptual_pass';
"""

MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: lambda conn: _run_script(conn, SCHEMA_V1),
    2: lambda conn: _run_script(conn, SCHEMA_V2),
    3: lambda conn: _run_script(conn, SCHEMA_V3),
    4: lambda conn: _run_script(conn, SCHEMA_V4),
    5: lambda conn: _run_script(conn, SCHEMA_V5),
    6: lambda conn: _run_script(conn, SCHEMA_V6),
}


def _make_private(path: Path) -> None:
    """The database file exists, private, before SQLite opens it.

    SQLite creates it under the umask (world-readable with the usual 022), but gives
    the -wal and -shm files it makes later the database file's own mode: a private
    database file keeps them private too, even those made long after opening.
    """
    if not path.exists():
        os.close(private.open_fd(path, os.O_RDWR | os.O_CREAT | os.O_EXCL))
    for companion in (path, *(path.with_name(path.name + s) for s in COMPANION_SUFFIXES)):
        private.tighten(companion)


def connect(path: Path, key: bytes) -> Connection:
    """Opens (or creates) the database with the raw 32-byte key."""
    _make_private(path)
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise NotSQLCipher()
        # Damage is reported as IntegrityError; SQLCipher's own lines on stderr would
        # only confuse the person reading the message.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            # Before any other pragma that reads the schema: a wrong key is named as such.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise IntegrityError(
                what="archive.db cannot be decrypted: it was damaged or altered, "
                "or it does not belong to this vault.keys"
            ) from None
        # Temporary tables and sort files would otherwise go to /tmp unencrypted.
        conn.execute("PRAGMA temp_store = MEMORY")
        # Every page read from disk is decrypted; a larger cache decrypts each once.
        # With SQLite's 2 MB default, listing 10,000 incidents decrypted pages again and
        # again and took half as long again.
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def rekey(conn: Connection, key: bytes) -> None:
    """Re-encrypts every page under the raw ``key``: one transaction, so a crash leaves
    the database under the old key or the new one, never a mix."""
    with _write_lock:
        if conn.in_transaction:
            raise RuntimeError("rekey inside a transaction")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
        # The re-keyed pages go from the WAL into the database file at once.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> None:
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise NewerFormat(what="vault database", found=current, known=SCHEMA_VERSION)
    for target in range(current + 1, SCHEMA_VERSION + 1):
        with transaction(conn):
            MIGRATIONS[target](conn)
            conn.execute(f"PRAGMA user_version = {target}")


_write_lock = threading.RLock()
_after_commit: dict[int, Callable[[], None]] = {}


def set_after_commit(conn: Connection, callback: Callable[[], None] | None) -> None:
    """``callback`` runs after each outermost commit on ``conn`` (the rollback anchor)."""
    if callback is None:
        _after_commit.pop(id(conn), None)
    else:
        _after_commit[id(conn)] = callback


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One atomic write; nested use joins the outer transaction."""
    with _write_lock:
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        hook = _after_commit.get(id(conn))
        if hook is not None:
            hook()


def integrity_problems(conn: Connection) -> list[str]:
    """Every page's HMAC (SQLCipher) and SQLite's own structure check."""
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:  # a page too damaged for the check itself to read
        rows = [f"the structure check stopped: {exc}"]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems
