"""Export to partners and import from them: the vault side of bundles.

The bundle package knows the format and nothing of the vault; ``archive.exchange``
chooses what goes into a bundle, streams the content from the
encrypted blobs into it, and on import stores what a verified bundle carries.
Custody travels with the evidence: the sender's chain of each incident with a
signed checkpoint and inclusion proofs, and the chains the sender had itself
received ("upstream"), so a second partner can still trace every item to the
documenter who collected it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.bundle import (
    BundleReport,
    BundleSpec,
    CustodyExport,
    FileRecord,
    PayloadFile,
    extract_verified,
    new_bundle_id,
    write_bundle_file,
)
from kzarchive.bundle.model import (
    VerifiedBundle,
    VerifiedIncident,
    VerifiedItem,
    VerifiedPerson,
)
from kzarchive.bundle.reader import BundleReading
from kzarchive.bundle.stamps import custody_size as checkpoint_size_of
from kzarchive.bundle.upstream import state_heads
from kzarchive.crypto import merkle
from kzarchive.crypto.age import X25519Recipient
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError, MissingFile
from kzarchive.service import pictures, provenance, rows
from kzarchive.service.contacts import Contacts
from kzarchive.service.evidence import Evidence
from kzarchive.service.incidents import Incidents
from kzarchive.service.models import CustodyEntry, Item
from kzarchive.service.session import VaultSession
from kzarchive.service.timestamps import Timestamps
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.pipeline import prefetched
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault.blobs import StoredBlob

if TYPE_CHECKING:
    from cryptography import x509

SANITIZABLE = ("image/jpeg", "image/png", "image/webp", "image/tiff", "image/gif")


@dataclass(frozen=True)
class ExportOptions:
    originals: bool = False  # photos as they were collected, metadata and all
    include_real_names: bool = False
    include_gps: bool = False  # GPS positions in bundle.json's item metadata
    prefer_redacted: bool = True  # a redacted copy replaces its original


@dataclass(frozen=True)
class ExportedItem:
    item_id: str
    name: str
    sent: str  # "original", "sanitized" or "withheld"
    sha256: str  # of what was sent (the original's when withheld)
    original_sha256: str


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    path: Path
    size: int
    tag_manifest_sha256: str
    items: list[ExportedItem]
    recipients: list[str]


@dataclass
class ImportResult:
    bundle_id: str
    sender: str
    already_imported: bool
    incidents_added: list[str] = field(default_factory=list)
    items_added: list[str] = field(default_factory=list)
    report: BundleReport | None = None


class _ChunkReader(io.RawIOBase):
    """A file-like view of an iterator of byte pieces, for the blob store."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _strip_gps(metadata: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in metadata.items() if key != "gps"}


class Exchange:
    """Bundles to and from partners, for one open vault."""

    def __init__(self, session: VaultSession, incidents: Incidents, evidence: Evidence,
                 contacts: Contacts):
        self._session = session
        self._incidents = incidents
        self._evidence = evidence
        self._contacts = contacts

    # -- export ----------------------------------------------------------------------

    def export_bundle(
        self, incident_ids: Sequence[str], recipients: Sequence[str], out_path: Path | str,
        options: ExportOptions | None = None, progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Writes a bundle of the incidents for the recipients (verified contacts).

        Raises BadInput (nothing chosen, an unverified contact, cannot be written),
        NotFound, DiskFull, IntegrityError (stored content altered), Cancelled.
        """
        options = options or ExportOptions()
        if not incident_ids:
            raise BadInput(what="choose at least one incident to export")
        contacts = [self._contacts.get_contact(name) for name in recipients]
        if not contacts:
            raise BadInput(what="choose at least one recipient",
                           hint="Add and verify a partner's contact card first.")
        for contact in contacts:
            if not contact.verified:
                raise BadInput(
                    what=f"the contact '{contact.name}' is not verified",
                    hint="Compare the fingerprint with them in person or by phone, then "
                    "mark the contact verified. Bundles go only to verified contacts.")
        incidents = [self._incidents.get_incident(i) for i in incident_ids]
        identity = self._session.own_identity()
        bundle_id = new_bundle_id()
        files, records, exported = self._payloads(incidents, options)
        people = []
        for incident in incidents:
            for person in self._incidents.list_people(incident.id):
                entry = person.to_dict()
                if not options.include_real_names:
                    entry["real_name"] = None
                people.append(entry)
        upstream = self._upstream_custody({i.id for i in incidents})
        content = {
            "vault_id": self._session.vault_id,
            "sender_name": self._session.name,
            "options": {"originals": options.originals,
                        "include_real_names": options.include_real_names,
                        "include_gps": options.include_gps},
            "incidents": [incident.to_dict() for incident in incidents],
            "people": people,
            "items": records,
            "upstream_custody": upstream,
            # Signed with the rest: a relay cannot drop the end of a chain unseen.
            "upstream_heads": state_heads(upstream),
        }
        custody = self._custody_export({i.id for i in incidents})
        spec = BundleSpec(
            bundle_id=bundle_id, sender=identity,
            recipients=[X25519Recipient.from_string(c.age_recipient) for c in contacts],
            recipient_fingerprints=[c.fingerprint for c in contacts if c.fingerprint],
            bundle_json=content, custody=custody, files=files,
            stamps=Timestamps(self._session).export_stamps(
                (int(e["seq"]) for e in custody.entries),
                checkpoint_size_of(custody.checkpoint_text)))
        written = write_bundle_file(spec, out_path, progress, cancel)
        out = Path(out_path)
        sent_to = [c.fingerprint or c.age_recipient for c in contacts]
        with self._session.transaction():
            for incident in incidents:
                self._session.append_log("bundle.exported", incident.id, details={
                    "bundle_id": bundle_id, "tag_manifest_sha256": written.tag_manifest_sha256,
                    "recipients": sent_to,
                    "items": [r["id"] for r in records
                              if r["incident_id"] == incident.id and r["sent"] != "withheld"],
                })
        return ExportResult(bundle_id, out, out.stat().st_size, written.tag_manifest_sha256,
                            exported, [c.name for c in contacts])

    def _payloads(
        self, incidents: Sequence[Any], options: ExportOptions,
    ) -> tuple[list[PayloadFile], list[dict[str, Any]], list[ExportedItem]]:
        from kzarchive.media.types import extension_for

        files: list[PayloadFile] = []
        records: list[dict[str, Any]] = []
        exported: list[ExportedItem] = []
        for incident in incidents:
            items = self._evidence.list_items(incident.id)
            redacted = {i.derived_from for i in items
                        if i.derived_from and (i.derivation or {}).get("kind") == "redaction"}
            for item in items:
                record = item.to_dict()
                record.pop("has_thumbnail", None)
                if not options.include_gps:
                    record["metadata"] = _strip_gps(item.metadata)
                if options.prefer_redacted and item.id in redacted:
                    sent, payload = "withheld", None
                elif (not options.originals and item.kind == "photo"
                      and item.mime in SANITIZABLE
                      and (item.derivation or {}).get("kind") not in ("sanitized", "redaction")):
                    sent, payload = "sanitized", self._sanitized_payload(item)
                else:
                    sent = "original"
                    payload = PayloadFile(
                        item.id, extension_for(item.mime), item.size, item.sha256,
                        lambda item_id=item.id: prefetched(  # type: ignore[misc]
                            self._evidence.iter_content(item_id)),
                        authenticated=True)
                record["sent"] = sent
                copy = sent == "sanitized" or (item.derivation or {}).get("kind") == "sanitized"
                stated = provenance.original_state(item.metadata) if copy else None
                if stated is not None and sent != "withheld":
                    record["original_content_credentials"] = stated
                record["original_sha256"] = item.sha256
                if payload is not None:
                    files.append(payload)
                    record["file"] = FileRecord(payload.item_id, payload.extension,
                                                payload.size, payload.sha256).path
                    record["file_sha256"] = payload.sha256
                    record["file_size"] = payload.size
                records.append(record)
                exported.append(ExportedItem(item.id, item.name, sent,
                                             payload.sha256 if payload else item.sha256,
                                             item.sha256))
        return files, records, exported

    def _sanitized_payload(self, item: Item) -> PayloadFile:
        from kzarchive.media.sanitize import sanitize_image

        def make() -> bytes:
            with self._evidence.open_item(item.id) as reader:
                return sanitize_image(reader, item.mime).data

        # Sanitizing is deterministic: made once here for its hash, again while
        # writing so that at most one copy is in memory; the writer rehashes it.
        with self._evidence.open_item(item.id) as reader:
            first = sanitize_image(reader, item.mime)
        return PayloadFile(item.id, first.extension, len(first.data),
                           hashlib.sha256(first.data).hexdigest(), lambda: [make()])

    def _custody_export(self, incident_ids: set[str]) -> CustodyExport:
        with self._session.read() as db:
            checkpoint = self._session.make_checkpoint()
            logged = db.execute(
                "SELECT entry, leaf_hash, incident_id FROM custody WHERE seq <= ? ORDER BY seq",
                (checkpoint.size,)).fetchall()
        leaves = [bytes.fromhex(row[1]) for row in logged]
        entries = []
        for entry_json, leaf, incident_id in logged:
            if incident_id in incident_ids:
                entries.append({**json.loads(entry_json), "leaf_hash": leaf})
        proofs = merkle.inclusion_proofs([e["seq"] - 1 for e in entries], leaves)
        return CustodyExport(entries, checkpoint.text, checkpoint.signature, proofs)

    def _upstream_custody(self, incident_ids: set[str]) -> list[dict[str, Any]]:
        """The custody chains this vault received with the exported incidents."""
        blocks = []
        with self._session.read() as db:
            received = db.execute(
                "SELECT origin, minisign_public_key, age_recipient, checkpoint_text, "
                "checkpoint_signature, entries, proofs FROM received_custody ORDER BY rowid"
            ).fetchall()
        for origin, key, recipient, text, signature, entries_json, proofs_json in received:
            entries = [e for e in json.loads(entries_json) if e.get("incident_id") in incident_ids]
            if not entries:
                continue
            proofs = json.loads(proofs_json)
            blocks.append({
                "origin": origin, "minisign_public_key": key, "age_recipient": recipient,
                "checkpoint": text, "checkpoint_signature": signature, "entries": entries,
                "proofs": {str(e["seq"] - 1): proofs[str(e["seq"] - 1)] for e in entries},
            })
        return blocks

    # -- verify and import -------------------------------------------------------------

    def _trusted_signers(self) -> list[PublicIdentity]:
        with self._session.read() as db:
            signers = db.execute(
                "SELECT ed25519_public, x25519_public FROM contacts "
                "WHERE verified = 1 AND ed25519_public IS NOT NULL").fetchall()
        return [PublicIdentity(bytes(r[0]), bytes(r[1])) for r in signers]

    def verify_bundle(
        self, path: Path | str, extract_to: Path | str | None = None,
        progress: Progress | None = None, cancel: CancelToken | None = None,
        accept_untrusted_signer: bool = False, tsa_roots: Sequence[x509.Certificate] = (),
    ) -> BundleReport:
        """Checks a bundle completely; raises (BundleError, UntrustedSigner...) unless all held.

        Also raises MissingFile, BadInput (a folder), DiskFull and BadInput while extracting.
        """
        source = _open_bundle(path)
        with source:
            identity = self._session.own_identity()
            identities = [identity.age_identity]
            # Verifying reports a forwarded bundle as a warning; only importing refuses it.
            own = identity.fingerprint
            if extract_to is not None:
                extracted = extract_verified(
                    source, identities, self._trusted_signers(), extract_to, progress, cancel,
                    accept_untrusted_signer=accept_untrusted_signer, own_fingerprint=own,
                    build_model=True, tsa_roots=tsa_roots)
                report = extracted.report
            else:
                reading = BundleReading(identities, self._trusted_signers(), None, progress,
                                        cancel, accept_untrusted_signer, own_fingerprint=own,
                                        accept_forwarded=True, build_model=True,
                                        tsa_roots=tsa_roots)
                report = reading.run(source)
        return report

    def import_bundle(
        self, path: Path | str, progress: Progress | None = None,
        cancel: CancelToken | None = None, accept_untrusted_signer: bool = False,
        accept_forwarded: bool = False, tsa_roots: Sequence[x509.Certificate] = (),
    ) -> ImportResult:
        """Verifies, then stores what is new; the same bundle twice changes nothing.

        A bundle not addressed to this vault raises ``ForwardedBundle`` unless
        ``accept_forwarded`` (after the person was warned).  Raises what ``verify_bundle``
        raises, and IntegrityError when the bundle contradicts what this vault holds.
        """
        stored: dict[str, StoredBlob] = {}  # by sha256
        delivered: set[FileRecord] = set()  # every byte read and matched its hash

        def store(record: FileRecord, chunks: Iterator[bytes]) -> None:
            if cancel is not None:
                cancel.check()
            with self._session.read() as db:
                existing = db.execute("SELECT 1 FROM blobs WHERE sha256 = ? AND size = ?",
                                      (record.sha256, record.size)).fetchone()
            if existing is not None or record.sha256 in stored:
                for _ in chunks:  # read to the end: the iterator raises there if altered
                    pass
                delivered.add(record)
                return
            blob_id = self._session.blobs.new_id()
            with self._session.transaction() as db:
                db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob_id,))
            blob = self._session.blobs.write(blob_id, io.BufferedReader(_ChunkReader(chunks)),
                                            record.size)
            stored[blob.sha256] = blob
            if blob.sha256 != record.sha256 or blob.size != record.size:
                raise IntegrityError(what=f"{record.path} does not match its recorded hash")
            delivered.add(record)

        try:
            source = _open_bundle(path)
            with source:
                identity = self._session.own_identity()
                reading = BundleReading(
                    [identity.age_identity], self._trusted_signers(), store, progress,
                    cancel, accept_untrusted_signer, own_fingerprint=identity.fingerprint,
                    accept_forwarded=accept_forwarded, build_model=True, tsa_roots=tsa_roots)
                report = reading.run(source)
            if reading.model is None:  # pragma: no cover - run() raises before this
                raise IntegrityError(what="the bundle's content was not verified")
            return self._store_import(report, reading.model, stored, delivered)
        except BaseException:
            for blob in stored.values():
                self._session.blobs.delete(blob.id)
            raise

    def _store_import(self, report: BundleReport, model: VerifiedBundle,
                      stored: dict[str, StoredBlob],
                      delivered: set[FileRecord]) -> ImportResult:
        tag_hash = report.tag_manifest_sha256 or ""
        result = ImportResult(model.bundle_id, model.sender, already_imported=False,
                              report=report)
        with self._session.read() as db:
            seen = db.execute("SELECT 1 FROM imported_bundles WHERE id = ?",
                              (model.bundle_id,)).fetchone()
        if seen:
            result.already_imported = True
            for blob in stored.values():
                self._session.blobs.delete(blob.id)
            return result
        # Read from the received bytes, after they were verified; never from the bundle.
        credentials = pictures.read_received_credentials(self._session, model.items, stored)
        with self._session.transaction() as db:
            for blob in stored.values():
                rows.keep_blob(db, blob)
            new_items = [item for item in model.items if _is_new_item(db, item)]
            new_people = [person for person in model.people if _is_new_person(db, person)]
            touched = {i.incident_id for i in new_items} | {p.incident_id for p in new_people}
            for incident_id in sorted(touched):
                self._check_may_receive(db, incident_id, model.sender)
            for incident in model.incidents:
                if _import_incident(db, incident):
                    result.incidents_added.append(incident.id)
            for person in new_people:
                rows.insert_person(db, dataclasses.asdict(person))
            # Originals first, so that a copy can link to its original when both came.
            for item in sorted(new_items, key=lambda i: i.derived_from is not None):
                if item.file not in delivered:
                    raise IntegrityError(
                        what=f"the content of item {item.id} was not delivered by the bundle")
                _import_item(db, item, model, credentials.get(item.id))
                result.items_added.append(item.id)
            _store_received_custody(db, model)
            db.execute("INSERT INTO imported_bundles (id, sender_fingerprint, "
                       "tag_manifest_sha256, imported_at) VALUES (?, ?, ?, ?)",
                       (model.bundle_id, model.sender, tag_hash, utc_timestamp()))
            for incident in model.incidents:
                self._session.append_log("bundle.imported", incident.id, details={
                    "bundle_id": model.bundle_id, "sender": model.sender,
                    "tag_manifest_sha256": tag_hash, "items": model.item_ids(incident.id),
                    "items_added": [i for i in result.items_added
                                    if i in model.item_ids(incident.id)]})
        return result

    def _check_may_receive(self, db: Any, incident_id: str, sender: str) -> None:
        """New items and people go into an incident already here only from whom it came."""
        row = db.execute("SELECT origin FROM incidents WHERE id = ?",
                              (incident_id,)).fetchone()
        if row is None:
            return  # carried by the bundle and new here
        # Read from this vault's own signed log, never from anything a bundle says.
        first = db.execute("SELECT entry, leaf_hash FROM custody WHERE incident_id = ? "
                                "ORDER BY seq LIMIT 1", (incident_id,)).fetchone()
        received_from = None
        if row[0] != self._session.fingerprint and first is not None:
            entry = CustodyEntry.from_row(first[0], first[1])
            if entry.action == "bundle.imported":
                received_from = entry.details.get("sender")
        if received_from != sender:
            where = ("was created in this vault" if received_from is None
                     else f"was received from {received_from}")
            raise IntegrityError(
                what=f"the bundle adds items or people to incident {incident_id}, which "
                f"{where}; only its own sender may add to it. Nothing was imported",
                hint="Ask the sender why its bundle names an incident it did not send you; "
                "do not trust this bundle.")

    def received_custody(self, incident_id: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """The custody chains of other vaults for an incident: (origin, entries with leaf hash)."""
        by_origin: dict[str, list[dict[str, Any]]] = {}
        with self._session.read() as db:
            chains = db.execute(
                "SELECT origin, entry, leaf_hash FROM foreign_custody WHERE incident_id = ? "
                "ORDER BY origin, seq", (incident_id,)).fetchall()
        for origin, entry, leaf in chains:
            by_origin.setdefault(origin, []).append({**json.loads(entry), "leaf_hash": leaf})
        return list(by_origin.items())


def _open_bundle(path: Path | str) -> Any:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except IsADirectoryError:
        raise BadInput(what=f"{path} is a folder, not a bundle") from None


def _is_new_item(db: Any, item: VerifiedItem) -> bool:
    """False for the same item again; an id held by another item is refused."""
    row = db.execute("SELECT incident_id, sha256 FROM items WHERE id = ?",
                          (item.id,)).fetchone()
    if row is None:
        return True
    if row[0] == item.incident_id and row[1] in (item.file.sha256, item.original_sha256):
        return False
    raise IntegrityError(
        what=f"the item id {item.id} already belongs to a different item in this vault "
        f"(SHA-256 {row[1]}); the bundle's item {item.id} has SHA-256 {item.file.sha256}. "
        "Nothing was imported")


def _is_new_person(db: Any, person: VerifiedPerson) -> bool:
    row = db.execute("SELECT incident_id FROM people WHERE id = ?",
                          (person.id,)).fetchone()
    if row is None:
        return True
    if row[0] == person.incident_id:
        return False
    raise IntegrityError(
        what=f"the person id {person.id} already belongs to a person of another incident "
        "in this vault. Nothing was imported")


def _import_incident(db: Any, incident: VerifiedIncident) -> bool:
    if db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident.id,)).fetchone():
        return False
    rows.insert_incident(db, dataclasses.asdict(incident), incident.violations, incident.tags)
    return True


def _import_item(db: Any, item: VerifiedItem, model: VerifiedBundle,
                 credentials: dict[str, Any] | None) -> None:
    blob = db.execute("SELECT id FROM blobs WHERE sha256 = ? AND size = ?",
                      (item.file.sha256, item.file.size)).fetchone()
    if blob is None:
        raise IntegrityError(what=f"the content of item {item.id} was not in the bundle")
    derivation = dict(item.derivation) if item.derivation else None
    derived_from = item.derived_from
    if derived_from and not db.execute("SELECT 1 FROM items WHERE id = ?",
                                       (derived_from,)).fetchone():
        # The original stayed with the sender (e.g. a redacted copy was sent instead):
        # keep the link by id and hash in the derivation.
        derivation = {**(derivation or {}), "original_item_id": derived_from,
                      "original_sha256": model.original_sha256(derived_from)}
        derived_from = None
    rows.insert_item(db, {
        "id": item.id, "incident_id": item.incident_id, "kind": item.kind, "name": item.name,
        "mime": item.mime, "size": item.file.size, "sha256": item.file.sha256,
        "blob_id": blob[0], "captured_at": item.captured_at,
        "collected_at": item.collected_at, "collector": item.collector,
        "source": item.source, "language": item.language, "notes": item.notes,
        "witness": item.witness, "derived_from": derived_from, "derivation": derivation,
        "metadata": provenance.imported_metadata(
            item.metadata, credentials, item.original_credentials),
        "thumbnail_blob_id": None, "created": utc_timestamp(),
    }, [item.name, item.notes, item.source, item.witness])
    # Its thumbnail and fingerprint are made from the received bytes, as for any item.
    pictures.queue(db, item.id, item.mime)


def _store_received_custody(db: Any, model: VerifiedBundle) -> None:
    """Keeps the sender's signed chains, so they can travel on with the evidence."""
    chains = [model.sender_custody, *model.upstream] if model.sender_custody else [
        *model.upstream]
    for chain in chains:
        db.execute(
            "INSERT OR IGNORE INTO received_custody (origin, checkpoint_text, "
            "minisign_public_key, age_recipient, checkpoint_signature, entries, proofs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (chain.origin, chain.checkpoint, chain.minisign_public_key,
             chain.age_recipient, chain.checkpoint_signature, chain.entries_json(),
             chain.proofs_json()))
        for seq, incident_id, body, leaf in chain.rows():
            db.execute(
                "INSERT OR IGNORE INTO foreign_custody (origin, seq, incident_id, entry, "
                "leaf_hash) VALUES (?, ?, ?, ?, ?)",
                (chain.origin, seq, incident_id, body, leaf))
