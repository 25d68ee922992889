"""The printable report as plain data: what a PDF says, before any layout.

A report is built from the vault (``kzarchive.service.reports.incident_report``)
or from a checked bundle (``bundle_report``) and rendered by
``kzarchive.pdf.render``.  The model holds values and label keys, never
sentences in one language: the renderer looks every label up in the report's
language (``kzarchive.pdf.labels``).  Technical details that come from deeper
down (a parser's message on a failed check) stay in English, as the command
line prints them, and are marked as such in the PDF.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from kzarchive.util.canonical import canonical_json

# What the report is about.
INCIDENTS = "incidents"
BUNDLE = "bundle"

# The verdict: every check held (and the signer is a verified contact), all held
# but the signer is not verified, or something failed.
VERDICT_OK = "ok"
VERDICT_UNTRUSTED = "untrusted"
VERDICT_FAILED = "failed"

# What the hash on every page is.
ANCHOR_TAG_MANIFEST = "tag_manifest"  # a bundle: SHA-256 of its signed tag manifest
ANCHOR_CONTENT = "content"  # an incident report: SHA-256 of its own canonical content


@dataclass(frozen=True)
class Verdict:
    status: str  # VERDICT_*
    reason: str  # a label key saying why, e.g. "verdict.bundle_ok"
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    technical: str = ""  # the English cause of a failure, as the CLI prints it


@dataclass(frozen=True)
class Signer:
    """Who signed what the report covers, and how that was established."""

    fingerprint: str  # the 60-digit fingerprint, "" when unknown
    minisign_key_id: str
    how: str  # a label key: "signer.own_vault", "signer.verified_contact", "signer.unverified"
    contact_name: str = ""  # the contact as this vault knows them
    verified_at: str = ""  # when the contact's fingerprint was confirmed


@dataclass(frozen=True)
class CheckRow:
    """One check made while verifying, as the reader reported it."""

    name: str  # the check's name in English (a label key "check.<name>" when known)
    status: str  # "ok", "failed", "untrusted", "warning"
    technical: str  # the reader's English detail


@dataclass(frozen=True)
class ItemRow:
    id: str
    name: str
    kind: str
    mime: str
    size: int
    sha256: str  # of the content the report vouches for (stored, or delivered)
    captured_at: str | None
    collected_at: str
    collector: str  # fingerprint of the vault that added the content
    sent: str = ""  # for a bundle: "original" or "sanitized"; "" for the vault's own items
    original_sha256: str = ""  # the content as collected, when it differs from sha256
    derived_from: str = ""  # the item it was made from
    derivation: str = ""  # "redaction", "sanitized" or "" (none)
    redacted_boxes: int = 0
    gps: str = ""  # "lat, lon" only when the user chose to include positions
    verified: bool = True  # the content was read through and matched sha256


@dataclass(frozen=True)
class PersonRow:
    role: str
    pseudonym: str
    real_name: str = ""  # only when the user chose to include real names
    consent_given: bool = False


@dataclass(frozen=True)
class CustodyRow:
    seq: int
    ts: str
    action: str
    actor: str
    item_id: str
    leaf_hash: str
    chain: str  # fingerprint of the vault whose log holds the entry


@dataclass(frozen=True)
class IncidentSection:
    id: str
    title: str
    occurred: str  # start, or "start – end"
    place: str
    coordinates: str  # only when the user chose to include positions
    status: str
    violations: tuple[str, ...]
    people: tuple[PersonRow, ...]
    items: tuple[ItemRow, ...]
    withheld: tuple[str, ...]  # original hashes the sender kept back (a redacted copy went)
    custody: tuple[CustodyRow, ...]


@dataclass(frozen=True)
class CheckpointInfo:
    """The signed log the custody entries are proved against."""

    vault_id: str
    size: int
    root: str  # base64, as in the checkpoint text
    signed: bool  # its minisign signature was checked
    inclusion: str  # a label key: "proof.inclusion_ok", "proof.inclusion_none"
    included: int  # how many entries were proved to be in it
    consistency: str  # a label key: "proof.consistency_ok", "proof.consistency_first", ...
    consistency_from: int = 0  # the size of the earlier log shown to be its prefix


@dataclass(frozen=True)
class TimestampRecord:
    """One trusted timestamp (RFC 3161) over a checkpoint."""

    time: str
    authority: str
    tree_size: int
    status: str  # a short status as the timestamp service gives it


@dataclass(frozen=True)
class ReceiptRecord:
    """One partner's signed receipt for a bundle."""

    partner: str
    fingerprint: str
    time: str
    result: str


@dataclass(frozen=True)
class ReportModel:
    kind: str  # INCIDENTS or BUNDLE
    report_id: str
    created: str  # UTC, as DESIGN.md writes times
    language: str  # "en", "ru", "kk"
    anchor: str  # ANCHOR_*
    verdict: Verdict
    signer: Signer
    incidents: tuple[IncidentSection, ...]
    checks: tuple[CheckRow, ...]
    checkpoint: CheckpointInfo | None
    timestamps: tuple[TimestampRecord, ...]
    receipts: tuple[ReceiptRecord, ...]
    bundle_id: str = ""
    tag_manifest_sha256: str = ""
    include_names: bool = False
    include_gps: bool = False
    # Set by ``with_anchor``: the hash every page and the QR code carry.
    anchor_sha256: str = ""

    def content_sha256(self) -> str:
        """SHA-256 of the canonical JSON of everything the report says, but this hash."""
        content = dataclasses.asdict(self)
        content.pop("anchor_sha256")
        return hashlib.sha256(canonical_json(content)).hexdigest()

    def with_anchor(self) -> ReportModel:
        """The same report with the page hash filled in, as ``anchor`` says."""
        if self.anchor == ANCHOR_TAG_MANIFEST:
            return dataclasses.replace(self, anchor_sha256=self.tag_manifest_sha256)
        return dataclasses.replace(self, anchor_sha256=self.content_sha256())

    @property
    def item_count(self) -> int:
        return sum(len(incident.items) for incident in self.incidents)
