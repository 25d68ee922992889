"""One error hierarchy for the whole of kzarchive.

Every error a person can see is a ``KzError``: it carries a message a documenter
understands, a hint saying what to do next, and an exit code the command line
returns.  Codes are part of the documented interface (README, "Exit codes").
Messages never contain evidence: no titles, texts or decrypted content.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from kzarchive.service.report import Report


class KzError(Exception):
    """Base of every error kzarchive reports to a person."""

    exit_code: ClassVar[int] = 1
    message_template: ClassVar[str] = "Something went wrong."
    hint_template: ClassVar[str] = ""

    def __init__(self, message: str | None = None, *, hint: str | None = None,
                 report: Report | None = None, **fields: Any):
        self.fields = fields
        # What held and what did not, when the error ends a run of checks; the one
        # typed place for it, so no caller has to guess with getattr.
        self.report = report
        self.message = message if message is not None else self.message_template.format(**fields)
        self.hint = hint if hint is not None else self.hint_template.format(**fields)
        super().__init__(self.message)

    def diagnostics(self) -> str:
        """The message and the hint, as shown to a person."""
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class BadInput(KzError):
    exit_code = 2
    message_template = "Invalid input: {what}"
    hint_template = "Check the command and try again (--help lists the options)."


class WrongPassphrase(KzError):
    exit_code = 3
    message_template = "The passphrase is not correct for this vault."
    hint_template = (
        "Check the keyboard layout and Caps Lock. If the passphrase is lost, "
        "open the vault with the recovery code (passwd --recovery)."
    )


class NotAVault(KzError):
    exit_code = 4
    message_template = "{path} is not a kzarchive vault."
    hint_template = "Give the folder that holds vault.keys, or create a vault there with 'init'."


class NewerFormat(KzError):
    exit_code = 5
    message_template = (
        "This {what} uses format version {found}, newer than this kzarchive ({known})."
    )
    hint_template = "Update kzarchive to open it. Nothing was changed."


class IntegrityError(KzError):
    exit_code = 6
    message_template = "Integrity check failed: {what}"
    hint_template = (
        "The data was damaged or altered. Do not trust it; keep the file as it is "
        "and compare with a backup or ask the sender for a new copy."
    )


class RollbackDetected(IntegrityError):
    exit_code = 17
    message_template = "Rollback detected: {what}"
    hint_template = (
        "The database is older than this vault last recorded: an earlier copy of "
        "archive.db was put in its place, or its newest changes were removed. Do not "
        "add anything to this vault; keep the folder as it is and compare it with your "
        "backups."
    )


class MissingFile(KzError):
    exit_code = 7
    message_template = "File not found: {path}"
    hint_template = "Check the path. Nothing was changed."


class DiskFull(KzError):
    exit_code = 8
    message_template = "The disk is full: {what}"
    hint_template = "Free some space and try again. Nothing was lost: the operation was undone."


class Cancelled(KzError):
    exit_code = 9
    message_template = "Cancelled. Nothing was changed."


class UntrustedSigner(KzError):
    exit_code = 10
    message_template = "The bundle is signed by {who}, who is not a verified contact."
    hint_template = (
        "Compare the sender's fingerprint with them in person or by phone, then mark "
        "the contact verified (contact verify)."
    )


class ForwardedBundle(KzError):
    """A validly signed bundle that does not name this vault among its recipients."""

    exit_code = 16
    message_template = (
        "The bundle was not addressed to this vault: {who} made it for other "
        "recipients, and it was passed on to you (forwarded)."
    )
    hint_template = (
        "Import it only if you know why it reached you; ask the sender. To import it "
        "anyway, confirm the warning (import --accept-forwarded)."
    )


class AlreadyInIncident(KzError):
    """Files whose bytes the incident already holds: nothing was added for them."""

    exit_code = 18
    message_template = "{count} file(s) are already in this incident; nothing was added for them."
    hint_template = "They are listed above. To add them again anyway, use --allow-duplicate."


class NotFound(KzError):
    exit_code = 11
    message_template = "No {what} with id {ident}."
    hint_template = "List what exists with the 'list' commands."


class VaultLocked(KzError):
    exit_code = 12
    message_template = "The vault is locked."
    hint_template = "Unlock it with the passphrase first."


class VaultBusy(KzError):
    exit_code = 13
    message_template = "The vault is open in another kzarchive process."
    hint_template = "Close the other window or command, then try again."



class RecordingTooLong(KzError):
    """A recording reached the largest size its file format can describe."""

    exit_code = 22
    message_template = (
        "The recording reached the longest a WAV file can hold ({hours} hours at this "
        "quality); it was stopped there and nothing recorded is lost."
    )
    hint_template = "Save it, then start a new recording to go on."


class NoAudioInput(KzError):
    exit_code = 23
    message_template = "No microphone is available: {what}."
    hint_template = (
        "Connect a microphone (or allow this app to use it in the system's privacy "
        "settings), then try again. A testimony can also be typed (Add testimony)."
    )


class TimestampRefused(KzError):
    """A time-stamp reply that does not answer a request of this vault, or is malformed."""

    exit_code = 24
    message_template = "The time-stamp reply was refused: {what}"
    hint_template = (
        "Nothing was stored. Make sure the .tsr is the authority's answer to a .tsq this "
        "vault made (timestamp request), and send the request again if in doubt."
    )


class UntrustedAuthority(KzError):
    """A time-stamp whose signature or chain does not check against the CA the user gave."""

    exit_code = 25
    message_template = "The time-stamp authority could not be verified: {what}"
    hint_template = (
        "Nothing was stored. Check that --ca names the authority's CA certificate "
        "(PEM) as published by the authority, or add the reply without --ca to keep it "
        "as not yet checked."
    )


class ReportUnavailable(KzError):
    """The printable report cannot be made: this installation lacks what it needs."""

    exit_code = 28
    message_template = "The report cannot be made: {what}"
    hint_template = (
        "This copy of kzarchive is incomplete (its fonts ship in resources/fonts). "
        "Reinstall it; nothing was written."
    )


# A full drive and an exhausted quota mean the same to the person: no room.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})


def from_os_error(error: OSError, no_room: str,
                  otherwise: KzError | None = None) -> BaseException:
    """The error to raise for ``error``: ``DiskFull(what=no_room)`` when the drive has no
    room, else ``otherwise``, else ``error`` itself.  The one place that reads errno.

    Use as ``raise from_os_error(exc, "...") from None``.
    """
    if error.errno in _NO_ROOM:
        return DiskFull(what=no_room)
    return otherwise if otherwise is not None else error
