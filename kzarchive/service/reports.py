"""Printable reports: the model from the vault or a checked bundle, and the PDF written.

``incident_report`` reads every item of the chosen incidents through (each must
match its SHA-256), checks the vault's custody log, signs a checkpoint of it and
proves every custody entry of the incidents to be in it, so that the verdict is
what was checked now, not what was stored.  ``bundle_report`` turns what
reading a bundle found (``BundleReport``, with its verified model when every
check held) into the same model.  ``write`` renders the PDF into a private file
beside the target and moves it into place in one step, as an extract does, and
records ``report.written`` in the custody of every incident it covers (a
bundle's report, in the vault's own log with the bundle id).

No real names and no GPS positions unless the options say so, as for export.
Trusted timestamps and partner receipts are filled in by ``trusted_timestamps``
and ``partner_receipts`` below.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzarchive.bundle.model import VerifiedBundle, VerifiedItem, VerifiedPerson
from kzarchive.bundle.report import BundleReport
from kzarchive.crypto import merkle
from kzarchive.errors import BadInput
from kzarchive.pdf import model as m
from kzarchive.pdf.labels import LANGUAGES
from kzarchive.service.contacts import Contacts
from kzarchive.service.evidence import Evidence
from kzarchive.service.exchange import Exchange
from kzarchive.service.incidents import Incidents
from kzarchive.service.models import Incident, Item, Person
from kzarchive.service.receipts import Receipts
from kzarchive.service.records import new_id
from kzarchive.service.report import Status
from kzarchive.service.session import VaultSession
from kzarchive.service.timestamps import Stamp, Timestamps
from kzarchive.util import plainfiles
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault import custody

REPORT_WRITTEN = "report.written"


@dataclass(frozen=True)
class ReportOptions:
    language: str = "en"  # "en", "ru" or "kk"
    include_names: bool = False  # people's real names (default: pseudonyms only)
    include_gps: bool = False  # coordinates of the incidents and GPS of the items

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise BadInput(what=f"unknown report language '{self.language}'",
                           hint="Choose one of: " + ", ".join(LANGUAGES) + ".")


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    report_id: str
    pages: int
    anchor_sha256: str  # the hash on every page and in the QR code


# -- trusted time and receipts -----------------------------------------------------------

def trusted_timestamps(timestamps: Timestamps, incident_ids: Sequence[str]
                       ) -> tuple[m.TimestampRecord, ...]:
    """The stamps that give the incidents' items their earliest trusted time."""
    found: dict[int, Stamp] = {}
    for incident_id in incident_ids:
        for stamp in timestamps.trusted_times(incident_id).values():
            found[stamp.id] = stamp
    return tuple(m.TimestampRecord(s.gen_time, s.authority, s.tree_size, s.chain_status)
                 for s in sorted(found.values(), key=lambda s: (s.gen_time, s.tree_size)))


def partner_receipts(receipts: Receipts, incident_ids: Sequence[str] = (),
                     bundle_id: str | None = None) -> tuple[m.ReceiptRecord, ...]:
    """Partners' receipts for the bundles that carried these incidents (or for one bundle)."""
    if bundle_id is not None:
        kept = [r for r in receipts.list_receipts() if r.bundle_id == bundle_id]
    else:
        kept = [r for incident_id in incident_ids for r in receipts.for_incident(incident_id)]
    unique = {(r.bundle_id, r.partner_fingerprint): r for r in kept}
    return tuple(m.ReceiptRecord(r.partner_name or r.partner_fingerprint, r.partner_fingerprint,
                                 r.signed_at, r.verdict) for r in unique.values())


def bundle_timestamps(report: BundleReport) -> tuple[m.TimestampRecord, ...]:
    """The stamps a bundle carries, as its reader checked them."""
    return tuple(m.TimestampRecord(s.gen_time, s.authority, s.tree_size, s.status)
                 for s in report.stamps)


# -- building the model ---------------------------------------------------------------

class Reports:
    """Reports of incidents and of bundles, for one open vault."""

    def __init__(self, session: VaultSession, incidents: Incidents, evidence: Evidence,
                 contacts: Contacts, exchange: Exchange, timestamps: Timestamps,
                 receipts: Receipts):
        self._session = session
        self._timestamps = timestamps
        self._receipts = receipts
        self._incidents = incidents
        self._evidence = evidence
        self._contacts = contacts
        self._exchange = exchange

    def incident_report(
        self, incident_ids: Sequence[str], options: ReportOptions | None = None,
        progress: Progress | None = None, cancel: CancelToken | None = None,
    ) -> m.ReportModel:
        """The report of the incidents, after checking everything it states.

        Raises BadInput (none chosen), NotFound, IntegrityError (an item does not
        match its hash, the custody log was altered), Cancelled.
        """
        options = options or ReportOptions()
        if not incident_ids:
            raise BadInput(what="choose at least one incident for the report")
        incidents = [self._incidents.get_incident(i) for i in dict.fromkeys(incident_ids)]
        items = {incident.id: self._evidence.list_items(incident.id) for incident in incidents}
        total = sum(item.size for found in items.values() for item in found)
        done = 0
        for found in items.values():
            for item in found:
                if cancel is not None:
                    cancel.check()
                self._evidence.verify_item(item.id)
                done += item.size
                if progress is not None:
                    progress(done, total)
        session = self._session
        public_key = session.own_identity().public.minisign_public_key()
        with session.read() as db:
            custody.verify_log(db, session.vault_id, public_key)
            earlier = db.execute("SELECT size, root FROM checkpoints ORDER BY size DESC "
                                 "LIMIT 1").fetchone()
        session.anchor_status()  # raises RollbackDetected when the log was rolled back
        point = session.make_checkpoint()
        public_key.verify(point.signature, point.text.encode())
        with session.read() as db:
            leaves = custody.leaf_hashes(db, point.size)
        own = {incident.id: session.custody_entries(incident.id) for incident in incidents}
        indices = [entry.seq - 1 for entries in own.values() for entry in entries]
        proofs = merkle.inclusion_proofs(indices, leaves)
        for index, proof in proofs.items():
            merkle.verify_inclusion(leaves[index], index, point.size, proof, point.root)
        consistency, since = "proof.consistency_first", 0
        if earlier is not None and int(earlier[0]) > 0:
            since = int(earlier[0])
            merkle.verify_consistency(since, point.size, bytes.fromhex(earlier[1]), point.root,
                                      merkle.consistency_proof(since, leaves))
            consistency = "proof.consistency_ok"
        by_id = {item.id: item for found in items.values() for item in found}
        sections = tuple(self._section(incident, items[incident.id], own[incident.id], by_id,
                                       options) for incident in incidents)
        identity = session.own_identity()
        item_count = sum(len(found) for found in items.values())
        report = m.ReportModel(
            kind=m.INCIDENTS, report_id=new_id(), created=utc_timestamp(),
            language=options.language, anchor=m.ANCHOR_CONTENT,
            verdict=m.Verdict(m.VERDICT_OK, "verdict.incidents_ok",
                              {"items": item_count, "size": point.size}),
            signer=m.Signer(identity.fingerprint, public_key.key_id_hex, "signer.own_vault"),
            incidents=sections, checks=(),
            checkpoint=m.CheckpointInfo(
                session.vault_id, point.size, base64.b64encode(point.root).decode(), True,
                "proof.inclusion_ok" if indices else "proof.inclusion_none", len(indices),
                consistency, since),
            timestamps=trusted_timestamps(self._timestamps, [i.id for i in incidents]),
            receipts=partner_receipts(self._receipts, [i.id for i in incidents]),
            include_names=options.include_names, include_gps=options.include_gps)
        return report.with_anchor()

    def _section(self, incident: Incident, items: Sequence[Item], entries: Sequence[Any],
                 by_id: dict[str, Item], options: ReportOptions) -> m.IncidentSection:
        rows = [m.CustodyRow(e.seq, e.ts, e.action, e.actor, e.item_id or "", e.leaf_hash,
                             self._session.fingerprint) for e in entries]
        for origin, chain in self._exchange.received_custody(incident.id):
            rows += [_custody_row(entry, origin) for entry in chain]
        return m.IncidentSection(
            id=incident.id, title=incident.title,
            occurred=_occurred(incident.occurred_start, incident.occurred_end),
            place=incident.place,
            coordinates=_coordinates(incident.latitude, incident.longitude, options),
            status=incident.status, violations=tuple(incident.violations),
            people=tuple(_person(p, options) for p in self._incidents.list_people(incident.id)),
            items=tuple(_vault_item(item, by_id, options) for item in items),
            withheld=(), custody=tuple(rows))

    def bundle_report(self, report: BundleReport, options: ReportOptions | None = None
                      ) -> m.ReportModel:
        """The report of a bundle as reading it found: held, not trusted, or failed.

        ``report.verified`` (the verified model) gives the incidents and items; a
        bundle that failed its checks is reported with its checks only.
        """
        options = options or ReportOptions()
        signer = report.signer
        contact = None
        if signer is not None and signer.fingerprint:
            contact = next((c for c in self._contacts.list_contacts()
                            if c.fingerprint == signer.fingerprint), None)
        if signer is None:
            how = "signer.unknown"
        elif signer.trusted:
            how = "signer.verified_contact"
        else:
            how = "signer.unverified"
        if report.ok:
            verdict = m.Verdict(m.VERDICT_OK, "verdict.bundle_ok")
        elif report.intact:
            verdict = m.Verdict(m.VERDICT_UNTRUSTED, "verdict.bundle_untrusted")
        elif signer is not None and not signer.trusted and not report.failures:
            # Reading stops at a signer who is not a verified contact, unless accepted.
            verdict = m.Verdict(m.VERDICT_UNTRUSTED, "verdict.bundle_stopped_untrusted",
                                technical=report.stopped or "")
        else:
            verdict = m.Verdict(m.VERDICT_FAILED, "verdict.bundle_failed",
                                technical=_first_failure(report))
        verified = report.verified if report.intact else None
        checks = tuple(m.CheckRow(c.name, c.status.value, c.detail) for c in report.checks)
        checks += tuple(m.CheckRow(f.path, f.status.value, f.detail) for f in report.files
                        if f.status is not Status.OK)
        point = report.checkpoint
        proved = next((c for c in report.checks if c.name == "custody proofs"), None)
        signed = next((c for c in report.checks if c.name == "custody checkpoint"), None)
        checkpoint = None if point is None else m.CheckpointInfo(
            point.vault_id, point.size, base64.b64encode(point.root).decode(),
            signed is not None and signed.ok,
            "proof.inclusion_ok" if proved is not None and proved.ok else "proof.inclusion_none",
            len(report.custody_entries) if proved is not None and proved.ok else 0,
            "proof.consistency_none")
        model = m.ReportModel(
            kind=m.BUNDLE, report_id=new_id(), created=utc_timestamp(),
            language=options.language, anchor=m.ANCHOR_TAG_MANIFEST, verdict=verdict,
            signer=m.Signer(
                (signer.fingerprint or "") if signer else "", signer.key_id if signer else "",
                how, contact.name if contact else "",
                (contact.verified_at or "") if contact and contact.verified else ""),
            incidents=_bundle_sections(verified, report, options) if verified else (),
            checks=checks, checkpoint=checkpoint, timestamps=bundle_timestamps(report),
            receipts=partner_receipts(self._receipts, bundle_id=report.bundle_id),
            bundle_id=report.bundle_id or "",
            tag_manifest_sha256=report.tag_manifest_sha256 or "",
            include_names=options.include_names, include_gps=options.include_gps)
        return model.with_anchor()

    # -- writing ------------------------------------------------------------------------

    def write(self, report: m.ReportModel, out_path: Path | str,
              overwrite: bool = False) -> WrittenReport:
        """Renders the PDF to ``out_path`` (0600, placed in one step) and logs report.written.

        Raises BadInput (exists, a folder, cannot be written), DiskFull, ReportUnavailable.
        """
        from kzarchive.pdf import render

        out = Path(out_path)
        if out.is_dir():
            raise BadInput(what=f"{out} is a folder", hint="Give the report's file name.")
        pages = plainfiles.write_file(out, lambda sink: render.render(report, sink), overwrite,
                                      "no room for the report")
        details = {"report_id": report.report_id, "sha256": report.anchor_sha256,
                   "language": report.language, "pages": pages,
                   "include_names": report.include_names, "include_gps": report.include_gps}
        with self._session.transaction():
            if report.kind == m.INCIDENTS:
                for incident in report.incidents:
                    self._session.append_log(REPORT_WRITTEN, incident.id, details=details)
            else:
                self._session.append_log(REPORT_WRITTEN, details={
                    **details, "bundle_id": report.bundle_id})
        return WrittenReport(out, report.report_id, pages, report.anchor_sha256)


def _first_failure(report: BundleReport) -> str:
    if report.stopped:
        return report.stopped
    failures = report.failures
    if not failures:
        return ""
    first = failures[0]
    where = getattr(first, "name", None) or getattr(first, "path", "")
    return f"{where}: {first.detail}"


def _occurred(start: str | None, end: str | None) -> str:
    if start and end and end != start:
        return f"{start} – {end}"
    return start or end or ""


def _coordinates(latitude: str | None, longitude: str | None, options: ReportOptions) -> str:
    if not options.include_gps or latitude is None or longitude is None:
        return ""
    return f"{latitude}, {longitude}"


def _gps(metadata: Any, options: ReportOptions) -> str:
    gps = metadata.get("gps") if options.include_gps and hasattr(metadata, "get") else None
    if isinstance(gps, dict) and "latitude" in gps and "longitude" in gps:
        return f"{gps['latitude']}, {gps['longitude']}"
    return ""


def _person(person: Person | VerifiedPerson, options: ReportOptions) -> m.PersonRow:
    real = person.real_name if options.include_names and person.real_name else ""
    return m.PersonRow(person.role, person.pseudonym, real, bool(person.consent_given))


def _derivation(derivation: Any) -> tuple[str, int]:
    if not hasattr(derivation, "get"):
        return "", 0
    kind = derivation.get("kind")
    boxes = derivation.get("boxes")
    return (kind if kind in ("redaction", "sanitized") else "",
            len(boxes) if isinstance(boxes, list | tuple) else 0)


def _vault_item(item: Item, by_id: dict[str, Item], options: ReportOptions) -> m.ItemRow:
    kind, boxes = _derivation(item.derivation)
    original = by_id.get(item.derived_from or "")
    return m.ItemRow(
        id=item.id, name=item.name, kind=item.kind, mime=item.mime, size=item.size,
        sha256=item.sha256, captured_at=item.captured_at, collected_at=item.collected_at,
        collector=item.collector, original_sha256=original.sha256 if original else "",
        derived_from=item.derived_from or "", derivation=kind, redacted_boxes=boxes,
        gps=_gps(item.metadata, options))


def _bundle_item(item: VerifiedItem, options: ReportOptions) -> m.ItemRow:
    kind, boxes = _derivation(item.derivation)
    sanitized = item.file.sha256 != item.original_sha256 and kind != "redaction"
    return m.ItemRow(
        id=item.id, name=item.name, kind=item.kind, mime=item.mime, size=item.file.size,
        sha256=item.file.sha256, captured_at=item.captured_at, collected_at=item.collected_at,
        collector=item.collector, sent="sanitized" if sanitized else "original",
        original_sha256=item.original_sha256, derived_from=item.derived_from or "",
        derivation=kind, redacted_boxes=boxes, gps=_gps(item.metadata, options))


def _custody_row(entry: Any, chain: str) -> m.CustodyRow:
    return m.CustodyRow(
        int(entry.get("seq", 0)), str(entry.get("ts", "")), str(entry.get("action", "")),
        str(entry.get("actor", "")), str(entry.get("item_id") or ""),
        str(entry.get("leaf_hash", "")), chain)


def _bundle_sections(model: VerifiedBundle, report: BundleReport,
                     options: ReportOptions) -> tuple[m.IncidentSection, ...]:
    own = [{**entry, "leaf_hash": custody.leaf_hash_of(entry)} for entry in report.custody_entries]
    sections = []
    for incident in model.incidents:
        people = [p for p in model.people if p.incident_id == incident.id]
        rows = [_custody_row(e, model.sender) for e in own if e.get("incident_id") == incident.id]
        for chain in model.upstream:
            rows += [_custody_row({**e, "leaf_hash": custody.leaf_hash_of(dict(e))},
                                  chain.origin)
                     for e in chain.entries if e.get("incident_id") == incident.id]
        sections.append(m.IncidentSection(
            id=incident.id, title=incident.title,
            occurred=_occurred(incident.occurred_start, incident.occurred_end),
            place=incident.place,
            coordinates=_coordinates(incident.latitude, incident.longitude, options),
            status=incident.status, violations=tuple(incident.violations),
            people=tuple(_person(p, options) for p in people),
            items=tuple(_bundle_item(i, options) for i in model.items
                        if i.incident_id == incident.id),
            withheld=tuple(w.original_sha256 for w in model.withheld
                           if w.incident_id == incident.id),
            custody=tuple(rows)))
    return tuple(sections)
