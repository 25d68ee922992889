"""What reading a bundle found: each check and each file, in plain language.

A report is filled in while the bundle streams by.  Reading raises a
``BundleError`` (an ``IntegrityError``) carrying the report when anything
failed, an ``UntrustedBundleSigner`` (an ``UntrustedSigner``) when the
signature held but the signer is not among the verified contacts (reading
stopped there), or a ``ForwardedBundleNotAccepted`` (a ``ForwardedBundle``)
for a bundle made for other recipients; each keeps the report, so a person can
see what held, what did not, and where reading stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kzarchive.errors import ForwardedBundle, IntegrityError, UntrustedSigner
from kzarchive.service.report import Check, Report, Status

if TYPE_CHECKING:
    from kzarchive.bundle.model import VerifiedBundle
    from kzarchive.bundle.stamps import CheckedStamp, TrustedTime

__all__ = ["BundleError", "BundleReport", "Check", "CheckpointInfo", "FileResult",
           "ForwardedBundleNotAccepted", "SignerInfo", "Status", "UntrustedBundleSigner"]


@dataclass
class FileResult:
    """One evidence file: ``status`` is OK only once every byte matched its hash."""

    item_id: str
    path: str
    size: int
    sha256: str
    status: Status
    detail: str
    kind: str = ""  # what ``detail`` says, as data (kzarchive/report.py)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


@dataclass(frozen=True)
class SignerInfo:
    """Who signed: the key, and the fingerprint its keys give (when known)."""

    key_id: str
    minisign_public_key: str
    fingerprint: str | None
    trusted: bool


@dataclass(frozen=True)
class CheckpointInfo:
    vault_id: str
    size: int
    root: bytes


@dataclass
class BundleReport(Report):
    bundle_id: str | None = None
    files: list[FileResult] = field(default_factory=list)
    signer: SignerInfo | None = None
    bag_info: list[tuple[str, str]] = field(default_factory=list)
    bundle_json: dict[str, Any] | None = None
    custody_entries: list[dict[str, Any]] = field(default_factory=list)
    checkpoint: CheckpointInfo | None = None
    payload_bytes: int = 0
    # SHA-256 of the signed tag manifest: the bundle hash the sender's summary shows.
    tag_manifest_sha256: str | None = None
    # Set when reading stopped before the end; the remaining checks were not made.
    stopped: str | None = None
    # The fingerprints the signed bag-info.txt names as recipients.
    recipients: list[str] = field(default_factory=list)
    # True when those do not include the reading vault; None when not checked.
    forwarded: bool | None = None

    # Time-stamps the bundle carries that held, and per incident the earliest trusted
    # time covering its items (kzarchive/bundle/stamps.py).
    stamps: list[CheckedStamp] = field(default_factory=list)
    trusted_times: list[TrustedTime] = field(default_factory=list)

    # Why reading stopped, as data, when it did (kzarchive/report.py).
    stopped_kind: str = ""
    stopped_params: dict[str, Any] = field(default_factory=dict)
    # The verified content, when the reading was asked to build it and it held (a
    # printed report shows it; an import stores only the reading's own model).
    verified: VerifiedBundle | None = None

    @property
    def failures(self) -> list[Check | FileResult]:
        failed: list[Check | FileResult] = list(self.failed_checks)
        failed += [f for f in self.files if f.status is Status.FAILED]
        return failed

    @property
    def intact(self) -> bool:
        """Every check held (the signer may still be unverified)."""
        return self.stopped is None and not self.failures and self.signer is not None

    @property
    def ok(self) -> bool:
        """Every check held and the signer is a verified contact."""
        return self.intact and self.signer is not None and self.signer.trusted

    def summary(self) -> str:
        """Every check and file, one per line, as shown to a person."""
        marks = {
            Status.OK: "ok",
            Status.FAILED: "FAILED",
            Status.UNTRUSTED: "NOT TRUSTED",
            Status.WARNING: "WARNING",
        }
        lines = [f"[{marks[c.status]}] {c.name}: {c.detail}" for c in self.checks]
        lines += [f"[{marks[f.status]}] {f.path}: {f.detail}" for f in self.files]
        if self.stopped:
            lines.append(f"[STOPPED] {self.stopped}")
        return "\n".join(lines)


class BundleError(IntegrityError):
    """A bundle failed a check; ``report`` says which and what else held."""

    message_template = "The bundle failed its checks: {what}"

    def __init__(
        self,
        report: BundleReport,
        what: str,
        *,
        message: str | None = None,
        hint: str | None = None,
    ):
        super().__init__(message, hint=hint, report=report, what=what)
        self.report: BundleReport = report


class UntrustedBundleSigner(UntrustedSigner):
    """The signature held, but the signer is not a verified contact; nothing more was read."""

    def __init__(self, report: BundleReport, who: str):
        super().__init__(report=report, who=who)
        self.report: BundleReport = report


class ForwardedBundleNotAccepted(ForwardedBundle):
    """The bundle names other recipients, and the caller did not accept a forwarded one."""

    def __init__(self, report: BundleReport, who: str):
        super().__init__(report=report, who=who)
        self.report: BundleReport = report
