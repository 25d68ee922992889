"""Export to partners and import from them: the vault side of bundles.

The bundle package knows the format and nothing of the vault; this part of
``Archive`` chooses what goes into a bundle, streams the content from the
encrypted blobs into it, and on import stores what a verified bundle carries.
Custody travels with the evidence: the sender's chain of each incident with a
signed checkpoint and inclusion proofs, and the chains the sender had itself
received ("upstream"), so a second partner can still trace every item to the
documenter who collected it.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kzarchive.bundle import (
    BundleError,
    BundleReport,
    BundleSpec,
    CustodyExport,
    FileRecord,
    PayloadFile,
    extract_verified,
    layout,
    new_bundle_id,
    write_bundle_file,
)
from kzarchive.bundle import custody as bundle_custody
from kzarchive.bundle.reader import BundleReading
from kzarchive.canonical import canonical_json, utc_timestamp
from kzarchive.contacts import ContactsMixin
from kzarchive.crypto import minisign
from kzarchive.crypto.age import X25519Recipient
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError, KzError, MissingFile
from kzarchive.evidence import EvidenceMixin
from kzarchive.incidents import IncidentsMixin
from kzarchive.models import Item
from kzarchive.pipeline import prefetched
from kzarchive.progress import CancelToken, Progress
from kzarchive.vault import merkle

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


class ExchangeMixin(IncidentsMixin, EvidenceMixin, ContactsMixin):
    # -- export ----------------------------------------------------------------------

    def items_with_gps(self, incident_ids: Sequence[str]) -> list[Item]:
        """Items whose own bytes hold a GPS position: a warning before originals leave."""
        found = []
        for incident_id in incident_ids:
            found += [item for item in self.list_items(incident_id)
                      if item.metadata.get("gps")]
        return found

    def export_bundle(
        self, incident_ids: Sequence[str], recipients: Sequence[str], out_path: Path | str,
        options: ExportOptions | None = None, progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        options = options or ExportOptions()
        if not incident_ids:
            raise BadInput(what="choose at least one incident to export")
        contacts = [self.get_contact(name) for name in recipients]
        if not contacts:
            raise BadInput(what="choose at least one recipient",
                           hint="Add and verify a partner's contact card first.")
        for contact in contacts:
            if not contact.verified:
                raise BadInput(
                    what=f"the contact '{contact.name}' is not verified",
                    hint="Compare the fingerprint with them in person or by phone, then "
                    "mark the contact verified. Bundles go only to verified contacts.")
        incidents = [self.get_incident(i) for i in incident_ids]
        identity = self._identity()
        bundle_id = new_bundle_id()
        files, records, exported = self._payloads(incidents, options)
        people = []
        for incident in incidents:
            for person in self.list_people(incident.id):
                entry = person.to_dict()
                if not options.include_real_names:
                    entry["real_name"] = None
                people.append(entry)
        content = {
            "vault_id": self.vault_id,
            "sender_name": self.name,
            "options": {"originals": options.originals,
                        "include_real_names": options.include_real_names,
                        "include_gps": options.include_gps},
            "incidents": [incident.to_dict() for incident in incidents],
            "people": people,
            "items": records,
            "upstream_custody": self._upstream_custody({i.id for i in incidents}),
        }
        spec = BundleSpec(
            bundle_id=bundle_id, sender=identity,
            recipients=[X25519Recipient.from_string(c.age_recipient) for c in contacts],
            recipient_fingerprints=[c.fingerprint for c in contacts if c.fingerprint],
            bundle_json=content, custody=self._custody_export({i.id for i in incidents}),
            files=files)
        written = write_bundle_file(spec, out_path, progress, cancel)
        out = Path(out_path)
        sent_to = [c.fingerprint or c.age_recipient for c in contacts]
        with self.transaction():
            for incident in incidents:
                self._log("bundle.exported", incident.id, details={
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
            items = self.list_items(incident.id)
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
                            self.iter_content(item_id)),
                        authenticated=True)
                record["sent"] = sent
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
            with self.open_item(item.id) as reader:
                return sanitize_image(reader, item.mime).data

        # Sanitizing is deterministic: made once here for its hash, again while
        # writing so that at most one copy is in memory; the writer rehashes it.
        with self.open_item(item.id) as reader:
            first = sanitize_image(reader, item.mime)
        return PayloadFile(item.id, first.extension, len(first.data),
                           hashlib.sha256(first.data).hexdigest(), lambda: [make()])

    def _custody_export(self, incident_ids: set[str]) -> CustodyExport:
        checkpoint = self.make_checkpoint()
        rows = self.db.execute(
            "SELECT entry, leaf_hash, incident_id FROM custody WHERE seq <= ? ORDER BY seq",
            (checkpoint.size,)).fetchall()
        leaves = [bytes.fromhex(row[1]) for row in rows]
        entries = []
        for entry_json, leaf, incident_id in rows:
            if incident_id in incident_ids:
                entries.append({**json.loads(entry_json), "leaf_hash": leaf})
        proofs = merkle.inclusion_proofs([e["seq"] - 1 for e in entries], leaves)
        return CustodyExport(entries, checkpoint.text, checkpoint.signature, proofs)

    def _upstream_custody(self, incident_ids: set[str]) -> list[dict[str, Any]]:
        """The custody chains this vault received with the exported incidents."""
        blocks = []
        for origin, key, recipient, text, signature, entries_json, proofs_json in self.db.execute(
            "SELECT origin, minisign_public_key, age_recipient, checkpoint_text, "
            "checkpoint_signature, entries, proofs FROM received_custody ORDER BY rowid"
        ).fetchall():
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
        rows = self.db.execute(
            "SELECT ed25519_public, x25519_public FROM contacts "
            "WHERE verified = 1 AND ed25519_public IS NOT NULL").fetchall()
        return [PublicIdentity(bytes(r[0]), bytes(r[1])) for r in rows]

    def verify_bundle(
        self, path: Path | str, extract_to: Path | str | None = None,
        progress: Progress | None = None, cancel: CancelToken | None = None,
        accept_untrusted_signer: bool = False,
    ) -> BundleReport:
        """Checks a bundle completely; raises (BundleError, UntrustedSigner...) unless all held."""
        source = _open_bundle(path)
        with source:
            identities = [self._identity().age_identity]
            # Verifying reports a forwarded bundle as a warning; only importing refuses it.
            own = self._identity().fingerprint
            if extract_to is not None:
                extracted = extract_verified(
                    source, identities, self._trusted_signers(), extract_to, progress, cancel,
                    accept_untrusted_signer=accept_untrusted_signer, own_fingerprint=own)
                report = extracted.report
            else:
                reading = BundleReading(identities, self._trusted_signers(), None, progress,
                                        cancel, accept_untrusted_signer, own_fingerprint=own,
                                        accept_forwarded=True)
                report = reading.run(source)
        _check_upstream(report)
        return report

    def import_bundle(
        self, path: Path | str, progress: Progress | None = None,
        cancel: CancelToken | None = None, accept_untrusted_signer: bool = False,
        accept_forwarded: bool = False,
    ) -> ImportResult:
        """Verifies, then stores what is new; the same bundle twice changes nothing.

        A bundle not addressed to this vault raises ``ForwardedBundle`` unless
        ``accept_forwarded`` (after the person was warned).
        """
        leading: dict[str, bytes] = {}
        stored: dict[str, tuple[str, bytes, int]] = {}  # sha256 -> (blob id, key, size)

        def keep(name: str, data: bytes) -> None:
            leading[name] = data

        def store(record: FileRecord, chunks: Iterator[bytes]) -> None:
            if cancel is not None:
                cancel.check()
            existing = self.db.execute("SELECT 1 FROM blobs WHERE sha256 = ? AND size = ?",
                                       (record.sha256, record.size)).fetchone()
            if existing is not None or record.sha256 in stored:
                for _ in chunks:  # still read, so the hash is still checked
                    pass
                return
            blob_id = self.blobs.new_id()
            with self.transaction() as db:
                db.execute("INSERT INTO pending_blobs (id) VALUES (?)", (blob_id,))
            blob = self.blobs.write(blob_id, io.BufferedReader(_ChunkReader(chunks)),
                                    record.size)
            stored[blob.sha256] = (blob.id, blob.file_key, blob.size)
            if blob.sha256 != record.sha256:
                raise IntegrityError(what=f"{record.path} does not match its recorded hash")

        try:
            source = _open_bundle(path)
            with source:
                reading = BundleReading(
                    [self._identity().age_identity], self._trusted_signers(), store, progress,
                    cancel, accept_untrusted_signer, on_leading_file=keep,
                    own_fingerprint=self._identity().fingerprint,
                    accept_forwarded=accept_forwarded)
                report = reading.run(source)
            _check_upstream(report)
            return self._store_import(report, leading, stored)
        except BaseException:
            for blob_id, _key, _size in stored.values():
                self.blobs.delete(blob_id)
            raise

    def _store_import(self, report: BundleReport, leading: dict[str, bytes],
                      stored: dict[str, tuple[str, bytes, int]]) -> ImportResult:
        document = report.bundle_json or {}
        bundle_id = str(report.bundle_id)
        sender = report.signer.fingerprint if report.signer and report.signer.fingerprint else ""
        tag_hash = hashlib.sha256(leading[layout.TAG_MANIFEST]).hexdigest()
        result = ImportResult(bundle_id, sender, already_imported=False, report=report)
        if self.db.execute("SELECT 1 FROM imported_bundles WHERE id = ?",
                           (bundle_id,)).fetchone():
            result.already_imported = True
            for blob_id, _key, _size in stored.values():
                self.blobs.delete(blob_id)
            return result
        with self.transaction() as db:
            for blob_id, key, size in stored.values():
                digest = next(sha for sha, value in stored.items() if value[0] == blob_id)
                db.execute("INSERT INTO blobs (id, file_key, size, sha256) VALUES (?, ?, ?, ?)",
                           (blob_id, key, size, digest))
                db.execute("DELETE FROM pending_blobs WHERE id = ?", (blob_id,))
            for incident in document.get("incidents", []):
                if self._import_incident(incident):
                    result.incidents_added.append(incident["id"])
            for person in document.get("people", []):
                self._import_person(person)
            records = document.get("items", [])
            by_id = {record.get("id"): record for record in records}
            # Originals first, so that a copy can link to its original when both came.
            for record in sorted(records, key=lambda r: bool(r.get("derived_from"))):
                if self._import_item(record, by_id):
                    result.items_added.append(record["id"])
            self._store_received_custody(report, leading, document)
            db.execute("INSERT INTO imported_bundles (id, sender_fingerprint, "
                       "tag_manifest_sha256, imported_at) VALUES (?, ?, ?, ?)",
                       (bundle_id, sender, tag_hash, utc_timestamp()))
            for incident in document.get("incidents", []):
                self._log("bundle.imported", incident["id"], details={
                    "bundle_id": bundle_id, "sender": sender, "tag_manifest_sha256": tag_hash,
                    "items": [r["id"] for r in document.get("items", [])
                              if r.get("incident_id") == incident["id"]
                              and r.get("sent") != "withheld"]})
        return result

    def _import_incident(self, incident: dict[str, Any]) -> bool:
        db = self.db
        if db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident["id"],)).fetchone():
            return False
        db.execute(
            "INSERT INTO incidents (id, title, description, occurred_start, occurred_end, "
            "date_precision, place, latitude, longitude, status, created, updated, origin) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tuple(incident[k] for k in (
                "id", "title", "description", "occurred_start", "occurred_end",
                "date_precision", "place", "latitude", "longitude", "status", "created",
                "updated", "origin")))
        self._set_labels(incident["id"], incident.get("violations", []),
                         incident.get("tags", []))
        self._index_incident(incident["id"])
        return True

    def _import_person(self, person: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO people (id, incident_id, role, pseudonym, real_name, "
            "consent_given, consent_scope, consent_date, notes, created) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [int(bool(person[k])) if k == "consent_given" else person[k] for k in (
                "id", "incident_id", "role", "pseudonym", "real_name", "consent_given",
                "consent_scope", "consent_date", "notes", "created")])

    def _import_item(self, record: dict[str, Any], by_id: dict[Any, dict[str, Any]]) -> bool:
        db = self.db
        if record.get("sent") == "withheld":
            return False
        if db.execute("SELECT 1 FROM items WHERE id = ?", (record["id"],)).fetchone():
            return False
        blob = db.execute("SELECT id FROM blobs WHERE sha256 = ? AND size = ?",
                          (record["file_sha256"], record["file_size"])).fetchone()
        if blob is None:
            raise IntegrityError(what=f"the content of item {record['id']} was not in the bundle")
        derivation = record.get("derivation")
        derived_from = record.get("derived_from")
        if derived_from and not db.execute("SELECT 1 FROM items WHERE id = ?",
                                           (derived_from,)).fetchone():
            # The original stayed with the sender (e.g. a redacted copy was sent instead):
            # keep the link by id and hash in the derivation.
            original = by_id.get(derived_from, {})
            derivation = {**(derivation or {}), "original_item_id": derived_from,
                          "original_sha256": original.get("original_sha256")}
            derived_from = None
        if record["sent"] == "sanitized":
            # Keep the link to the collected original across several hops.
            earliest = (derivation or {}).get("original_sha256") or record["original_sha256"]
            derivation = {**(derivation or {}), "kind": "sanitized", "original_sha256": earliest}
        db.execute(
            "INSERT INTO items (id, incident_id, kind, name, mime, size, sha256, blob_id, "
            "captured_at, collected_at, collector, source, language, notes, witness, "
            "derived_from, derivation, metadata, thumbnail_blob_id, created) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (record["id"], record["incident_id"], record["kind"], record["name"],
             record["mime"] if record["sent"] == "original" else _sanitized_mime(record),
             record["file_size"], record["file_sha256"], blob[0], record.get("captured_at"),
             record["collected_at"], record["collector"], record.get("source", ""),
             record.get("language", ""), record.get("notes", ""), record.get("witness"),
             derived_from,
             canonical_json(derivation).decode() if derivation else None,
             canonical_json(record.get("metadata") or {}).decode(), None, utc_timestamp()))
        db.execute("UPDATE incidents SET item_count = item_count + 1 WHERE id = ?",
                   (record["incident_id"],))
        db.execute("INSERT INTO search_index (body, kind, ref_id, incident_id) "
                   "VALUES (?, 'item', ?, ?)",
                   ("\n".join(filter(None, [record["name"], record.get("notes"),
                                            record.get("source"), record.get("witness")])),
                    record["id"], record["incident_id"]))
        return True

    def _store_received_custody(self, report: BundleReport, leading: dict[str, bytes],
                                document: dict[str, Any]) -> None:
        """Keeps the sender's signed chains, so they can travel on with the evidence."""
        signer = report.signer
        entries = bundle_custody.parse_entries(leading[layout.ENTRIES])
        _size, proofs = bundle_custody.parse_proofs(leading[layout.PROOFS])
        bag_info = dict(report.bag_info)
        blocks = [{
            "origin": signer.fingerprint if signer else "",
            "minisign_public_key": signer.minisign_public_key if signer else "",
            "age_recipient": bag_info.get(layout.LABEL_SENDER_AGE, ""),
            "checkpoint": leading[layout.CHECKPOINT].decode(),
            "checkpoint_signature": leading[layout.CHECKPOINT_SIGNATURE].decode(),
            "entries": entries,
            "proofs": {str(p.leaf_index): [n.hex() for n in p.audit_path] for p in proofs},
        }, *document.get("upstream_custody", [])]
        for block in blocks:
            self.db.execute(
                "INSERT OR IGNORE INTO received_custody (origin, checkpoint_text, "
                "minisign_public_key, age_recipient, checkpoint_signature, entries, proofs) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (block["origin"], block["checkpoint"], block["minisign_public_key"],
                 block["age_recipient"], block["checkpoint_signature"],
                 json.dumps(block["entries"]), json.dumps(block["proofs"])))
            for entry in block["entries"]:
                body = {k: v for k, v in entry.items() if k != "leaf_hash"}
                self.db.execute(
                    "INSERT OR IGNORE INTO foreign_custody (origin, seq, incident_id, entry, "
                    "leaf_hash) VALUES (?, ?, ?, ?, ?)",
                    (block["origin"], entry["seq"], entry.get("incident_id"),
                     canonical_json(body).decode(), entry["leaf_hash"]))

    def received_custody(self, incident_id: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """The custody chains of other vaults for an incident: (origin, entries with leaf hash)."""
        by_origin: dict[str, list[dict[str, Any]]] = {}
        for origin, entry, leaf in self.db.execute(
            "SELECT origin, entry, leaf_hash FROM foreign_custody WHERE incident_id = ? "
            "ORDER BY origin, seq", (incident_id,)):
            by_origin.setdefault(origin, []).append({**json.loads(entry), "leaf_hash": leaf})
        return list(by_origin.items())


def _sanitized_mime(record: dict[str, Any]) -> str:
    from kzarchive.media.types import mime_for_extension

    return mime_for_extension(str(record.get("file", ""))) or "application/octet-stream"


def _open_bundle(path: Path | str) -> Any:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except IsADirectoryError:
        raise BadInput(what=f"{path} is a folder, not a bundle") from None


def _check_upstream(report: BundleReport) -> None:
    """The chains the sender received from others: each signed and complete."""
    blocks = (report.bundle_json or {}).get("upstream_custody", [])
    if not isinstance(blocks, list):
        raise IntegrityError(what="bundle.json: upstream_custody is malformed")
    for block in blocks:
        try:
            _check_upstream_block(block)
        except (KeyError, TypeError, ValueError):
            report.add("upstream custody", False, "a received custody chain is malformed")
            raise BundleError(report, "a received custody chain is malformed") from None
        except KzError as error:
            detail = str(error.fields.get("what", error.message))
            report.add("upstream custody", False, detail)
            raise BundleError(report, f"upstream custody: {detail}") from None
        report.add("upstream custody", True,
                   f"{len(block['entries'])} entries from {block['origin']}, signed and complete")


def _check_upstream_block(block: dict[str, Any]) -> None:
    key = minisign.PublicKey.from_string(block["minisign_public_key"])
    recipient = X25519Recipient.from_string(block["age_recipient"])
    origin = PublicIdentity(key.ed25519_public, recipient.public_bytes())
    if origin.fingerprint != block["origin"]:
        raise IntegrityError(what="a received custody chain names another origin than its keys")
    key.verify(block["checkpoint_signature"], block["checkpoint"].encode())
    checkpoint = bundle_custody.parse_checkpoint(block["checkpoint"].encode())
    entries = block["entries"]
    bundle_custody.check_entries(entries)
    bundle_custody.check_chains(entries)
    for entry in entries:
        index = entry["seq"] - 1
        merkle.verify_inclusion(bytes.fromhex(entry["leaf_hash"]), index, checkpoint.size,
                                [bytes.fromhex(n) for n in block["proofs"][str(index)]],
                                checkpoint.root)
