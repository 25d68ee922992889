"""An unlocked vault: keys, database, blob store and custody log.

``VaultSession`` holds the vault master key only while it is open; ``close()``
drops every key and the database connection.  The parts of the service API
(``Incidents``, ``Evidence``, ``Contacts``, ``Exchange``) are built over it and reach
the database only through ``read()`` and ``transaction()``, which take the session's
lock and turn a damaged database into ``IntegrityError``; ``kzarchive.archive.Archive``
builds them.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

import platformdirs

from kzarchive.crypto import merkle
from kzarchive.crypto.identity import Identity
from kzarchive.crypto.kdf import calibrate, hkdf
from kzarchive.errors import (
    BadInput,
    IntegrityError,
    KzError,
    NotAVault,
    NotFound,
    RollbackDetected,
    VaultLocked,
    WrongPassphrase,
)
from kzarchive.service.models import CustodyEntry
from kzarchive.service.passphrase_policy import check_new_passphrase
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.progress import Progress
from kzarchive.vault import custody, database, head, keyslots, private, rotation
from kzarchive.vault.blobs import BlobStore
from kzarchive.vault.lock import VaultLock
from kzarchive.vault.wipe import wipe_vault


class VaultSession:
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
        # The custody log's head as committed, kept up to date after each commit that
        # appends to it and written to vault.head (the rollback anchor).
        self._frontier = merkle.Frontier()
        self._appended = False
        database.set_after_commit(self._db, self._after_commit)

    def _close_db(self) -> None:
        database.set_after_commit(self._db, None)
        self._db.close()

    # -- life cycle ----------------------------------------------------------------

    @staticmethod
    def default_path() -> Path:
        """Where a vault lives unless the person chooses another folder."""
        return Path(platformdirs.user_data_dir("kzarchive", appauthor=False)) / "vault"

    @staticmethod
    def is_vault(path: Path) -> bool:
        """Whether the folder holds a vault (its vault.keys); never raises."""
        return (Path(path) / keyslots.FILE_NAME).is_file()

    @classmethod
    def create(
        cls, path: Path, passphrase: str, name: str = "", progress: Progress | None = None
    ) -> tuple[Self, str]:
        """Creates a vault; returns it open, and the recovery code to show once.

        Raises BadInput (a short passphrase, a folder not empty), VaultBusy, OSError.
        On any failure, what was made of the vault is removed again.
        """
        path = Path(path)
        check_new_passphrase(passphrase)
        if path.exists() and any(path.iterdir()):
            raise BadInput(what=f"{path} already exists and is not empty",
                           hint="Choose a new folder for the vault.")
        existed = path.exists()
        private.make_dir(path, parents=True)
        private.tighten(path)  # an empty folder chosen by the user
        lock = VaultLock.acquire(path)
        archive: Self | None = None
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
            with archive.transaction() as db:
                db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                    ("vault_id", keyfile.vault_id), ("name", name), ("created", utc_timestamp()),
                ])
                db.execute("INSERT INTO identity (id, secret, created) VALUES (1, ?, ?)",
                           (identity.to_secret_bytes(), utc_timestamp()))
                archive.identity = identity
                archive.append_log("vault.created", details={"name": name})
            if progress:
                progress(2, 3)
            # vault.keys last: until it exists, the folder is not a vault.
            keyfile.save(path, vmk)
            if progress:
                progress(3, 3)
            return archive, recovery_code
        except BaseException:
            if archive is not None:
                archive._close_db()
            lock.release()
            # Nothing was a vault yet (vault.keys comes last): a half-made one would only
            # stand in the way of the next attempt.
            with contextlib.suppress(OSError):
                wipe_vault(path, keep_folder=existed)
            raise

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Self:
        """Unlocks a vault.  Raises NotAVault, WrongPassphrase, VaultBusy, NewerFormat,
        RollbackDetected, IntegrityError (a damaged or altered vault)."""
        return cls._open(Path(path), lambda keyfile: keyfile.unlock_with_passphrase(passphrase))

    @classmethod
    def open_with_recovery(cls, path: Path, recovery_code: str) -> Self:
        """Unlocks a vault with its recovery code; raises what ``open`` raises."""
        return cls._open(Path(path), lambda keyfile: keyfile.unlock_with_recovery(recovery_code))

    @classmethod
    def _open(cls, path: Path, unlock: Any) -> Self:
        if not cls.is_vault(path):
            raise NotAVault(path=path)
        lock = VaultLock.acquire(path)
        try:
            private.tighten_vault(path)
            archive = cls._unlock(path, unlock, lock)
            try:
                # Before any write: a rolled-back database must not be cleaned up as if sound.
                archive._check_anchor_at_open()
                archive._clean_interrupted_writes()
            except BaseException:
                archive._close_db()
                raise
            return archive
        except database.DatabaseError as exc:
            lock.release()
            raise IntegrityError(what=f"archive.db is damaged or was altered ({exc})") from None
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _unlock(cls, path: Path, unlock: Any, lock: VaultLock) -> Self:
        keyfile = keyslots.load(path)
        if not rotation.pending(path):
            return cls(path, keyfile, unlock(keyfile), lock)
        # An interrupted key rotation: the keys file whose key decrypts the database wins.
        candidates = [(keyfile, False), (keyslots.load(path, rotation.PENDING_KEYS), True)]
        unlocked: list[bool] = []
        for candidate, is_new in candidates:
            try:
                vmk = unlock(candidate)
            except WrongPassphrase:
                continue
            unlocked.append(is_new)
            try:
                database.connect(path / database.FILE_NAME,
                                 hkdf(vmk, "kzarchive/v1/sqlcipher")).close()
            except IntegrityError:
                continue
            if is_new:
                rotation.finish(path)
            else:
                rotation.abandon(path)
            return cls(path, candidate, vmk, lock)
        if not unlocked:
            raise WrongPassphrase()
        if unlocked == [True]:
            raise WrongPassphrase(
                "This is the new passphrase (or recovery code) of a key change that was "
                "interrupted before it took effect.",
                hint="Unlock with the old passphrase; then change it again.")
        if unlocked == [False]:
            raise WrongPassphrase(
                "This is the old passphrase (or recovery code): a key change was interrupted "
                "after the database had been re-keyed.",
                hint="Unlock with the new passphrase given to the change; then make a new "
                "recovery code (passwd --new-recovery-code).")
        raise IntegrityError(what="archive.db cannot be decrypted: it was damaged or altered, "
                             "or it does not belong to this vault.keys")

    def close(self) -> None:
        """Drops every key and the connection, releases the lock; closing twice is a no-op."""
        with self._mutex:
            if self._vmk is None:
                return
            with contextlib.suppress(Exception):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._close_db()
            self._vmk = None
            self.identity = None
            self._lock.release()

    def panic_wipe(self) -> None:
        """Destroys the vault: keys first, then every file. Irreversible."""
        path = self.path
        self.close()
        wipe_vault(path)

    @property
    def is_open(self) -> bool:
        return self._vmk is not None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _connection(self) -> Any:
        if self._vmk is None:
            raise VaultLocked()
        return self._db

    @contextlib.contextmanager
    def read(self) -> Iterator[Any]:
        """The connection for reading, under the session's lock.

        Raises VaultLocked once closed, IntegrityError for a damaged database.
        """
        with self._mutex, _database_errors():
            yield self._connection()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic write under the session's lock (nested use joins the outer one).

        Raises VaultLocked once closed, IntegrityError for a damaged database.
        """
        with self._mutex, _database_errors(), database.transaction(self._connection()) as db:
            yield db

    @property
    def name(self) -> str:
        """The vault's name as given at create; raises VaultLocked once closed."""
        return self._meta("name") or ""

    @property
    def fingerprint(self) -> str:
        """This vault's 60-digit fingerprint; raises VaultLocked once closed."""
        return self.own_identity().public.fingerprint

    def own_identity(self) -> Identity:
        """This vault's keys; raises VaultLocked once closed."""
        if self.identity is None or self._vmk is None:
            raise VaultLocked()
        return self.identity

    def _meta(self, key: str) -> str | None:
        with self.read() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def change_passphrase(self, new_passphrase: str) -> None:
        """A new passphrase for the same vault key.  Raises BadInput (too short or too
        easy to guess), VaultLocked, OSError (vault.keys cannot be written)."""
        check_new_passphrase(new_passphrase)
        vmk = self._vmk
        if vmk is None:
            raise VaultLocked()
        self._keyfile.set_passphrase(vmk, new_passphrase, calibrate())
        self._keyfile.save(self.path, vmk)
        with self.transaction():
            self.append_log("passphrase.changed")

    def rotate_keys(self, new_passphrase: str) -> str:
        """A new vault key: the database re-keyed, a new vault.keys with a new recovery code.

        Returns the new recovery code, to show once.  Old copies of vault.keys no longer
        open this vault, with the old passphrase or the old code.
        """
        check_new_passphrase(new_passphrase)
        if self._vmk is None:
            raise VaultLocked()
        new_vmk = os.urandom(keyslots.VMK_SIZE)
        code = keyslots.new_recovery_code()
        keyfile = keyslots.KeyFile(vault_id=self.vault_id)
        keyfile.set_passphrase(new_vmk, new_passphrase, calibrate())
        keyfile.set_recovery_code(new_vmk, code)
        with self._mutex:
            leaves = custody.leaf_hashes(self._connection())
        try:
            with self._mutex:
                head.write(self.path, self.vault_id, head.Head(len(leaves), merkle.root(leaves)),
                           new_vmk, head.PENDING_NAME)
                keyfile.save(self.path, new_vmk, rotation.PENDING_KEYS)
                database.rekey(self._db, hkdf(new_vmk, "kzarchive/v1/sqlcipher"))
        except Exception:
            # Not re-keyed (rekey is one transaction): the old keys stay the vault's.
            rotation.abandon(self.path)
            raise
        with self._mutex:
            self._vmk, self._keyfile = new_vmk, keyfile
            # The database is under the new key already: should the renames fail, the
            # next open finds the pending files, sees that their key decrypts it, and
            # finishes them.
            with contextlib.suppress(OSError):
                rotation.finish(self.path)
        self.log("keys.rotated")
        return code

    def renew_recovery_code(self) -> str:
        """A new recovery code in vault.keys; the old one no longer opens it."""
        vmk = self._vmk
        if vmk is None:
            raise VaultLocked()
        code = keyslots.new_recovery_code()
        with self._mutex:
            self._keyfile.set_recovery_code(vmk, code)
            self._keyfile.save(self.path, vmk)
        self.log("recovery_code.changed")
        return code

    def check_keys_file(self) -> None:
        """Raises a KzError unless vault.keys on disk is intact and holds this vault's key."""
        vmk = self._vmk
        if vmk is None:
            raise VaultLocked()
        keyslots.load(self.path).check_mac(vmk)

    # -- rollback anchor ---------------------------------------------------------------

    def _verified_anchor(self, leaves: list[bytes]) -> tuple[head.Head | None, merkle.Frontier]:
        """vault.head checked against the log (None only for a vault that never had one),
        and the log's tree, each leaf hashed once."""
        vmk = self._vmk
        if vmk is None:
            raise VaultLocked()
        anchor = head.read(self.path, self.vault_id, vmk)
        if anchor is None and self._keyfile.anchored:
            raise RollbackDetected(
                what="vault.head, this vault's record of its custody log, is missing",
                hint="Without it, an older archive.db put in place cannot be told from "
                "the real one. Restore vault.head from the same backup as archive.db; "
                "do not add anything to this vault before.")
        frontier = merkle.Frontier()
        anchored_size = anchor.size if anchor is not None else 0
        for leaf in leaves[:anchored_size]:
            frontier.add(leaf)
        if anchor is not None:
            head.check(anchor, len(leaves), frontier.root())
        for leaf in leaves[anchored_size:]:
            frontier.add(leaf)
        return anchor, frontier

    def _check_anchor_at_open(self) -> None:
        anchor, self._frontier = self._verified_anchor(custody.leaf_hashes(self._connection()))
        # A vault of format 1 gets its anchor now; one that lags after a crash catches up.
        if anchor is None or anchor.size < self._frontier.size:
            self._advance_anchor()

    def anchor_status(self) -> tuple[str, str, dict[str, Any]]:
        """For verify: raises RollbackDetected or IntegrityError, or says what was checked.

        The answer is the sentence, its kind and its values (kzarchive/report.py).
        """
        with self._mutex:
            leaves = custody.leaf_hashes(self._connection())
            anchor, _ = self._verified_anchor(leaves)
        if anchor is None:
            return "none yet (made at the next change)", "anchor.none", {}
        return (f"the log's {len(leaves)} entries extend the {anchor.size} recorded",
                "anchor.extends", {"entries": len(leaves), "recorded": anchor.size})

    def _after_commit(self) -> None:
        if self._appended:
            self._appended = False
            self._advance_anchor()

    def _advance_anchor(self) -> None:
        vmk = self._vmk
        if vmk is None:
            return
        try:
            rows = self._db.execute("SELECT leaf_hash FROM custody ORDER BY seq LIMIT -1 OFFSET ?",
                                    (self._frontier.size,)).fetchall()
            for (leaf,) in rows:
                self._frontier.add(bytes.fromhex(leaf))
            head.write(self.path, self.vault_id,
                       head.Head(self._frontier.size, self._frontier.root()), vmk)
            if not self._keyfile.anchored:
                # After vault.head exists: vault.keys never promises an anchor that is not there.
                self._keyfile.save(self.path, vmk)
        except (OSError, KzError, database.DatabaseError, ValueError):
            # The commit stands.  An anchor that lags is allowed (it never leads); the next
            # commit or open brings it up to date.
            pass

    def _clean_interrupted_writes(self) -> None:
        """A crash at any instant leaves the whole item or no trace of it."""
        # Only the holder of the lock may delete: if vault.lock was removed or replaced
        # since it was taken, another process may be writing these very files.
        self._lock.check()
        self.blobs.prepare()
        self.blobs.clear_tmp()
        with self.transaction() as db:
            for (blob_id,) in db.execute("SELECT id FROM pending_blobs").fetchall():
                if db.execute("SELECT 1 FROM blobs WHERE id = ?", (blob_id,)).fetchone() is None:
                    self.blobs.delete(blob_id)
            db.execute("DELETE FROM pending_blobs")

    def append_log(self, action: str, incident_id: str | None = None,
                   item_id: str | None = None, details: dict[str, Any] | None = None) -> None:
        """Appends to the custody log; only inside ``transaction()``, so that the act and
        its record commit together."""
        with self._mutex:
            custody.append(self._connection(), self.fingerprint, action, incident_id, item_id,
                           details)
            self._appended = True

    def require_incident(self, incident_id: str) -> None:
        """Raises NotFound unless the incident exists."""
        with self.read() as db:
            row = db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            raise NotFound(what="incident", ident=incident_id)

    # -- custody ---------------------------------------------------------------------

    def custody_entries(self, incident_id: str | None = None) -> list[CustodyEntry]:
        """The vault's own custody log (of one incident); raises VaultLocked, IntegrityError."""
        with self.read() as db:
            return custody.entries(db, incident_id)

    def make_checkpoint(self) -> custody.Checkpoint:
        """A signed checkpoint of the log as it is; raises VaultLocked, IntegrityError."""
        with self.transaction() as db:
            return custody.make_checkpoint(db, self.vault_id, self.own_identity().signing_key)

    def log(self, action: str, incident_id: str | None = None, item_id: str | None = None,
            details: dict[str, Any] | None = None) -> None:
        """Records an act in the custody log, in a transaction of its own."""
        with self.transaction():
            self.append_log(action, incident_id, item_id, details)


@contextlib.contextmanager
def _database_errors() -> Iterator[None]:
    # One mapping for every use of the connection: a page damaged after the vault
    # opened is an integrity problem, named the same way wherever it shows.
    try:
        yield
    except database.DatabaseError as exc:
        raise IntegrityError(what=f"archive.db is damaged or was altered ({exc})") from None


