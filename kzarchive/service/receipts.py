"""Partner receipts: the hand-off of a bundle, closed and logged.

The partner verifies a bundle and makes a receipt for its sender (``make``); the
sender adds it (``add``), which logs ``bundle.received`` in each incident the bundle
carried.  A receipt is believed only as far as this vault's own log allows: its
signature names who sent it, and the ``bundle.exported`` entries say whether this
vault made that bundle, with that tag-manifest hash, for that partner.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.bundle import BundleReport, Status
from kzarchive.bundle.receipt import (
    OpenedReceipt,
    ReceiptBody,
    ReceiptRefused,
    ReceiptResult,
    make_receipt,
    open_plaintext,
    open_receipt,
    read_receipt_file,
)
from kzarchive.crypto.age import X25519Recipient
from kzarchive.crypto.identity import PublicIdentity
from kzarchive.errors import BadInput, IntegrityError, MissingFile, from_os_error
from kzarchive.service.models import Contact, CustodyEntry, Record
from kzarchive.util.canonical import canonical_json, utc_timestamp

if TYPE_CHECKING:
    from kzarchive.service.contacts import Contacts
    from kzarchive.service.exchange import Exchange
    from kzarchive.service.session import VaultSession
    from kzarchive.util.progress import CancelToken, Progress

RECEIVED = "bundle.received"  # the sender's log: a partner confirmed a bundle
RECEIPT_MADE = "bundle.receipt_made"  # the partner's log: a receipt was made


@dataclass(frozen=True)
class ReceiptRecord(Record):
    """A stored receipt: which bundle, who confirmed it, what their checks found."""

    bundle_id: str
    partner_fingerprint: str
    partner_name: str | None  # the contact's name now; None if the contact was removed
    tag_manifest_sha256: str
    verdict: str
    files: int
    files_verified: int
    payload_bytes: int
    checks: int
    warnings: int
    signed_at: str  # by the partner's clock
    added: str  # by this vault's clock
    timestamp_token: bytes | None  # the partner's RFC 3161 token, not checked here


@dataclass(frozen=True)
class Handoff(Record):
    """One export of an incident: to whom, when, and who confirmed receiving it."""

    bundle_id: str
    exported_at: str
    tag_manifest_sha256: str
    recipients: list[str]  # fingerprints (or age recipients of age-only contacts)
    receipts: list[ReceiptRecord]

    @property
    def unconfirmed(self) -> list[str]:
        confirmed = {r.partner_fingerprint for r in self.receipts}
        return [r for r in self.recipients if r not in confirmed]


@dataclass(frozen=True)
class MadeReceipt:
    path: Path
    bundle_id: str
    sender_fingerprint: str
    sender_name: str
    result: ReceiptResult


@dataclass(frozen=True)
class AddedReceipt:
    receipt: ReceiptRecord
    incidents: list[str]  # where bundle.received was logged
    already_recorded: bool  # the same receipt was added before: nothing changed


# The contact's name as it is now, by the fingerprint the receipt was signed with.
_SELECT = ("SELECT r.bundle_id, r.partner_fingerprint, c.name, r.tag_manifest_sha256, "
           "r.result, r.signed_at, r.added, r.timestamp_token FROM receipts r "
           "LEFT JOIN contacts c ON c.fingerprint = r.partner_fingerprint")


class Receipts:
    """Receipts made for senders and received from partners, for one open vault."""

    def __init__(self, session: VaultSession, contacts: Contacts,
                 exchange: Callable[[], Exchange]):
        # The exchange service (and the bundle reader and writer with it) is asked for
        # only to verify a bundle for a receipt: listing receipts needs none of it.
        self._session = session
        self._contacts = contacts
        self._exchange_of = exchange

    # -- the partner's side ----------------------------------------------------------

    def make(self, bundle_path: Path | str, out_path: Path | str,
             timestamp_token: bytes | None = None, progress: Progress | None = None,
             cancel: CancelToken | None = None) -> MadeReceipt:
        """Verifies the bundle completely, then writes a receipt for its sender.

        Raises what ``verify_bundle`` raises (a receipt is made only when every check
        held and the sender is a verified contact), ReceiptRefused (a bundle made for
        other recipients), BadInput or DiskFull (cannot be written).
        """
        report = self._exchange_of().verify_bundle(bundle_path, progress=progress,
                                                   cancel=cancel)
        if report.forwarded:
            raise ReceiptRefused(
                what="the bundle was made for other recipients and passed on to you; a "
                "receipt confirms a hand-off only to a recipient",
                hint="Ask the person who gave you the bundle; nothing was written.",
                reason="forwarded")
        signer = report.signer
        if signer is None or signer.fingerprint is None or not report.bundle_id \
                or not report.tag_manifest_sha256:  # pragma: no cover - verify raised
            raise IntegrityError(what="the bundle's sender was not established")
        sender = self._verified_contact(signer.fingerprint)
        identity = self._session.own_identity()
        result = result_of(report)
        body = ReceiptBody(
            bundle_id=report.bundle_id, tag_manifest_sha256=report.tag_manifest_sha256,
            sender_fingerprint=signer.fingerprint, partner_fingerprint=identity.fingerprint,
            result=result, signed_at=utc_timestamp(), timestamp_token=timestamp_token)
        try:
            data = make_receipt(body, identity, X25519Recipient.from_string(sender.age_recipient))
        except ValueError as error:  # only a token over the size limit gets here
            raise BadInput(what=str(error)) from None
        out = Path(out_path)
        _write(out, data)
        self._session.log(RECEIPT_MADE, details={
            "bundle_id": body.bundle_id, "tag_manifest_sha256": body.tag_manifest_sha256,
            "sender": body.sender_fingerprint, "verdict": result.verdict})
        return MadeReceipt(out, body.bundle_id, body.sender_fingerprint, sender.name, result)

    def _verified_contact(self, fingerprint: str) -> Contact:
        for contact in self._contacts.list_contacts():
            if contact.fingerprint == fingerprint and contact.verified:
                return contact
        raise ReceiptRefused(  # pragma: no cover - verify_bundle refuses such a signer
            what="the bundle's sender is not a verified contact", reason="unverified")

    # -- the sender's side -------------------------------------------------------------

    def add(self, path: Path | str) -> AddedReceipt:
        """Checks a receipt against this vault's exports and keeps it.

        Raises MissingFile, ReceiptDamaged (altered, cut short, malformed),
        ReceiptRefused (not for this vault, a bundle it never exported, another
        tag-manifest hash, a signer who was not a recipient or is not a verified
        contact, another receipt from that partner already kept), NewerFormat.
        """
        signers = self._signers()
        opened = open_receipt(_read(Path(path)), [self._session.own_identity().age_identity],
                              [identity for identity, _ in signers])
        contact = next(c for i, c in signers if i == opened.signer)
        body = opened.body
        if not contact.verified:
            raise ReceiptRefused(
                what=f"it is signed by the contact '{contact.name}', who is not verified",
                hint="Compare the fingerprint with them in person or by phone, mark the "
                "contact verified, then add the receipt again. Nothing was recorded.",
                reason="unverified", name=contact.name)
        if body.sender_fingerprint != self._session.fingerprint:
            raise ReceiptRefused(what="it confirms a bundle that another vault sent "
                                 f"(sender {body.sender_fingerprint})", reason="other_sender")
        with self._session.transaction() as db:
            exports = _exports(db, bundle_id=body.bundle_id)
            _check_binding(body, exports, contact)
            existing = db.execute(
                "SELECT document FROM receipts WHERE bundle_id = ? AND partner_fingerprint = ?",
                (body.bundle_id, body.partner_fingerprint)).fetchone()
            incidents = sorted({e.incident_id for e in exports if e.incident_id})
            if existing is not None:
                stored = open_plaintext(bytes(existing[0]), [opened.signer])
                if stored.body_bytes != opened.body_bytes:
                    raise ReceiptRefused(
                        what=f"a different receipt from '{contact.name}' for bundle "
                        f"{body.bundle_id} was added before (signed {stored.body.signed_at})",
                        hint="The hand-off is already confirmed; the first receipt is kept. "
                        "Nothing was recorded.", reason="different_receipt",
                        name=contact.name, bundle_id=body.bundle_id)
                return AddedReceipt(_kept(db, body.bundle_id, body.partner_fingerprint),
                                    incidents, already_recorded=True)
            _insert(db, opened)
            for incident_id in incidents:
                self._session.append_log(RECEIVED, incident_id, details={
                    "bundle_id": body.bundle_id,
                    "tag_manifest_sha256": body.tag_manifest_sha256,
                    "partner": body.partner_fingerprint, "verdict": body.result.verdict,
                    "files": body.result.files, "files_verified": body.result.files_verified,
                    "signed_at": body.signed_at})
            record = _kept(db, body.bundle_id, body.partner_fingerprint)
        return AddedReceipt(record, incidents, already_recorded=False)

    def _signers(self) -> list[tuple[PublicIdentity, Contact]]:
        """Every contact with a signing key: the unverified too, to say who it was."""
        with self._session.read() as db:
            rows = db.execute("SELECT id, ed25519_public, x25519_public FROM contacts "
                              "WHERE ed25519_public IS NOT NULL").fetchall()
        return [(PublicIdentity(bytes(r[1]), bytes(r[2])), self._contacts.get_contact(r[0]))
                for r in rows]

    # -- reading -------------------------------------------------------------------------

    def list_receipts(self) -> list[ReceiptRecord]:
        """Every receipt kept, oldest first."""
        with self._session.read() as db:
            return _kept_receipts(db, "", ())

    def for_incident(self, incident_id: str) -> list[ReceiptRecord]:
        """The receipts of the bundles that carried the incident, oldest export first.

        Raises NotFound.  For the exports themselves (to whom, when), see ``exports``.
        """
        return [r for handoff in self.exports(incident_id) for r in handoff.receipts]

    def exports(self, incident_id: str) -> list[Handoff]:
        """Each bundle that carried the incident: to whom, when, and who confirmed it.

        Raises NotFound.
        """
        self._session.require_incident(incident_id)
        with self._session.read() as db:
            handoffs = []
            for entry in _exports(db, incident_id=incident_id):
                bundle_id = str(entry.details.get("bundle_id", ""))
                handoffs.append(Handoff(
                    bundle_id, entry.ts, str(entry.details.get("tag_manifest_sha256", "")),
                    [str(r) for r in entry.details.get("recipients", [])],
                    _kept_receipts(db, "WHERE r.bundle_id = ?", (bundle_id,))))
        return handoffs


def result_of(report: BundleReport) -> ReceiptResult:
    """What a receipt says of a verified bundle: the verdict and the counts."""
    warnings = sum(1 for check in report.checks if check.status is Status.WARNING)
    return ReceiptResult(
        verdict="verified_with_warnings" if warnings else "verified",
        files=len(report.files), files_verified=sum(1 for f in report.files if f.ok),
        bytes=report.payload_bytes, checks=len(report.checks), warnings=warnings)


def _exports(db: Any, *, bundle_id: str | None = None,
             incident_id: str | None = None) -> list[CustodyEntry]:
    """This vault's own ``bundle.exported`` entries: the one source of what it sent."""
    query = "SELECT entry, leaf_hash FROM custody WHERE action = 'bundle.exported'"
    params: list[str] = []
    if bundle_id is not None:
        query += " AND json_extract(entry, '$.details.bundle_id') = ?"
        params.append(bundle_id)
    if incident_id is not None:
        query += " AND incident_id = ?"
        params.append(incident_id)
    rows = db.execute(query + " ORDER BY seq", params).fetchall()
    return [CustodyEntry.from_row(entry, leaf) for entry, leaf in rows]


def _check_binding(body: ReceiptBody, exports: list[CustodyEntry], contact: Contact) -> None:
    if not exports:
        raise ReceiptRefused(what=f"this vault never exported a bundle {body.bundle_id}",
                             reason="never_exported", bundle_id=body.bundle_id)
    if any(e.details.get("tag_manifest_sha256") != body.tag_manifest_sha256 for e in exports):
        raise ReceiptRefused(
            what=f"it names another bundle hash than the bundle {body.bundle_id} this vault "
            f"made (the receipt says {body.tag_manifest_sha256})",
            hint="The partner received a different or altered bundle. Nothing was recorded; "
            "send the bundle again and ask for a new receipt.", reason="other_hash",
            bundle_id=body.bundle_id)
    if not all(contact.fingerprint in e.details.get("recipients", []) for e in exports):
        raise ReceiptRefused(
            what=f"it is signed by '{contact.name}', who was not a recipient of bundle "
            f"{body.bundle_id}", reason="not_recipient", name=contact.name,
            bundle_id=body.bundle_id)


def _insert(db: Any, opened: OpenedReceipt) -> None:
    body = opened.body
    db.execute(
        "INSERT INTO receipts (bundle_id, partner_fingerprint, tag_manifest_sha256, result, "
        "signed_at, timestamp_token, document, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (body.bundle_id, body.partner_fingerprint, body.tag_manifest_sha256,
         canonical_json(body.result.to_dict()).decode(), body.signed_at, body.timestamp_token,
         opened.document, utc_timestamp()))


def _kept_receipts(db: Any, where: str, params: tuple[str, ...]) -> list[ReceiptRecord]:
    rows = db.execute(f"{_SELECT} {where} ORDER BY r.added, r.bundle_id, "
                      "r.partner_fingerprint", params).fetchall()
    return [_record(row) for row in rows]


def _kept(db: Any, bundle_id: str, partner: str) -> ReceiptRecord:
    return _kept_receipts(db, "WHERE r.bundle_id = ? AND r.partner_fingerprint = ?",
                          (bundle_id, partner))[0]


def _record(row: Any) -> ReceiptRecord:
    bundle_id, partner, name, tag_hash, result_json, signed_at, added, token = row
    result = json.loads(result_json)
    return ReceiptRecord(
        bundle_id=bundle_id, partner_fingerprint=partner, partner_name=name,
        tag_manifest_sha256=tag_hash, verdict=result["verdict"], files=result["files"],
        files_verified=result["files_verified"], payload_bytes=result["bytes"],
        checks=result["checks"], warnings=result["warnings"], signed_at=signed_at,
        added=added, timestamp_token=None if token is None else bytes(token))


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as source:
            return read_receipt_file(source)
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except IsADirectoryError:
        raise BadInput(what=f"{path} is a folder, not a receipt") from None


def _write(out: Path, data: bytes) -> None:
    try:
        with open(out, "wb") as sink:
            sink.write(data)
    except FileNotFoundError:
        raise BadInput(what=f"the folder of {out} does not exist") from None
    except IsADirectoryError:
        raise BadInput(what=f"{out} is a folder; give a file name for the receipt") from None
    except OSError as error:
        raise from_os_error(error, f"the receipt {out} could not be written") from None
