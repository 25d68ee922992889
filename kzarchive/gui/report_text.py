"""The bundle report's results in the interface language, from each check's data.

The core's ``detail`` is English for the command line; here every sentence is
built from ``kind`` and ``params`` (kzarchive/report.py) through tr().  A
failure whose cause is technical (an error from deeper down, or a list of a
format's fields) gets a translated sentence saying what that check means; its
English detail is only a tooltip, to be quoted when reporting a problem.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from kzarchive.bundle import BundleReport, Check, FileResult
from kzarchive.gui.formatting import data_size, moment_text


class BundleReportText(QObject):
    """Sentences for one check, one file, or why reading stopped."""

    def check(self, check: Check) -> str:
        text = self._check_sentence(check.kind, check.params)
        return text if text is not None else self._failed(check.name)

    def file(self, result: FileResult) -> str:
        kind, params = result.kind, result.params
        if kind == "file.ok":
            return self.tr("Every byte matches its SHA-256.")
        if kind == "file.size":
            return self.tr("It is {size}, but {recorded} were recorded.").format(
                size=data_size(params["size"]), recorded=data_size(params["recorded"]))
        if kind == "file.missing":
            return self.tr("It is missing from the bundle.")
        return self.tr("Its content does not match its SHA-256: it was altered.")

    def stopped(self, report: BundleReport) -> str:
        kind = report.stopped_kind
        if kind == "stop.untrusted":
            return self.tr("The signer is not a verified contact: the description, the custody "
                           "files and the evidence were not read (they are checked once the "
                           "signer is accepted).")
        if kind == "stop.forwarded":
            return self.tr("The bundle is addressed to other recipients (forwarded): it was not "
                           "read further (it is checked once the forwarded bundle is accepted).")
        if kind == "stop.unauthenticated":
            return self.tr("The bag's own files are not authenticated by a valid signature; "
                           "nothing else was read.")
        return self.tr("The failure above ended the reading; nothing after it was read.")

    def _check_sentence(self, kind: str, params: dict[str, Any]) -> str | None:
        simple = {
            "archive.complete": self.tr(
                "Every encrypted piece is authentic, and the archive is complete and "
                "well-formed."),
            "archive.root": self.tr("The bundle's folder name is not a bundle id."),
            "recipients.this_vault": self.tr("The bundle is addressed to this vault."),
            "bag_info.ok": self.tr("The bag's description is complete and consistent."),
            "signature.form": self.tr("The signature file is not in kzarchive's form."),
            "signature.no_sender": self.tr(
                "It was not made by a verified contact, and the bundle does not say validly "
                "who made it."),
            "signature.comment": self.tr("The signed comment is not a kzarchive bundle's."),
            "signature.other_bundle": self.tr("The signature was made for another bundle."),
            "signature.wrong_sender": self.tr(
                "The sender the bundle names is not the key that signed it."),
            "tag_manifest.ok": self.tr(
                "The bag's own files (bagit.txt, bag-info.txt, the manifest and sender.pub) "
                "match."),
            "manifest.ok": self.tr(
                "The description, the custody files and every evidence file are listed."),
            "custody.chains": self.tr("Every incident's chain is unbroken."),
            "checkpoint.signed": self.tr("Signed by the bundle's signer."),
            "stamps.not_checked": self.tr(
                "The time-stamps were not checked, because the custody files did not hold."),
            "stamps.unexpected_proofs": self.tr(
                "The proofs name time-stamps the bundle does not carry."),
        }
        if kind in simple:
            return simple[kind]
        path = str(params.get("path", ""))
        if kind == "archive.ends":
            return self.tr("The bundle ends before {path}.").format(path=path)
        if kind in ("archive.unexpected", "archive.extra"):
            return self.tr("It holds {found}, which is not a file this bundle describes.").format(
                found=params.get("found", path))
        if kind == "file.too_big":
            return self.tr("It is {size}, more than the {limit} a bundle may hold; it was not "
                           "read.").format(size=data_size(params["size"]),
                                           limit=data_size(params["limit"]))
        if kind == "leading.too_big":
            return self.tr("The bag's tag, description and custody files together are more "
                           "than the {limit} a bundle may hold; they were not read.").format(
                               limit=data_size(params["limit"]))
        if kind == "manifest.unlisted":
            return self.tr("{path} is not listed in the signed manifest; it was not read.").format(
                path=path)
        if kind == "manifest.altered":
            return self.tr("{path} was altered (it does not match the signed manifest); it was "
                           "not read.").format(path=path)
        if kind in ("stamp.verified", "stamp.unchecked", "trusted_time.verified",
                    "trusted_time.unchecked"):
            return self._trusted_time(kind, params)
        return self._counted(kind, params)

    def _trusted_time(self, kind: str, params: dict[str, Any]) -> str:
        authority = str(params.get("authority", ""))
        time = moment_text(str(params.get("time", "")))
        checked = (self.tr("verified against an authority you trust")
                   if kind.endswith(".verified")
                   else self.tr("not yet checked against a trusted authority"))
        if kind.startswith("stamp."):
            return self.tr("The custody log up to entry %n existed by {time} ({authority}; "
                           "{checked}).", "", int(params.get("size", 0))).format(
                time=time, authority=authority, checked=checked)
        covered = self.tr("%n of {total} item(s)", "", int(params.get("covered", 0))).format(
            total=params.get("total", 0))
        return self.tr("Incident {incident}: {covered} existed by {time} ({authority}; "
                       "{checked}).").format(incident=params.get("incident", ""),
                                             covered=covered, time=time,
                                             authority=authority, checked=checked)

    def _counted(self, kind: str, params: dict[str, Any]) -> str | None:
        if kind == "recipients.forwarded":
            return self.tr("Not addressed to this vault: its signer made it for %n other "
                           "recipient(s), and it was passed on (forwarded).", "",
                           params["count"])
        if kind == "signature.verified":
            return self.tr("Made by a verified contact.")
        if kind == "signature.unverified":
            return self.tr("Valid, but made by a key that is not a verified contact.")
        if kind == "bundle_json.ok":
            return self.tr("Describes %n evidence file(s).", "", params["files"])
        if kind == "custody.entries":
            return self.tr("%n entry(s), each matching its hash.", "", params["count"])
        if kind == "custody.proofs":
            return self.tr("Every entry is in the signed log of %n entry(s).", "", params["size"])
        if kind == "content.ok":
            return self.tr("{incidents}, {people} and {items}: every field valid and every item "
                           "bound to its file and its custody entry.").format(
                incidents=self.tr("%n incident(s)", "", params["incidents"]),
                people=self.tr("%n person(s)", "", params["people"]),
                items=self.tr("%n item(s)", "", params["items"]))
        if kind in ("upstream.complete", "upstream.unproven"):
            entries = self.tr("%n entry(s) from {origin}, signed and unbroken", "",
                              params["entries"]).format(origin=params["origin"])
            return (self.tr("{entries}; complete up to the head the sender states.")
                    if kind == "upstream.complete" else self.tr(
                        "{entries}; completeness not shown (an older kzarchive wrote no head "
                        "for this chain).")).format(entries=entries)
        if kind in ("oxum.ok", "oxum.mismatch"):
            counted = self.tr("%n file(s), {size}", "", params["files"]).format(
                size=data_size(params["bytes"]))
            if kind == "oxum.ok":
                return counted
            return self.tr("{counted}, but the bag's description says {declared}.").format(
                counted=counted, declared=self.tr("%n file(s), {size}", "", params[
                    "declared_files"]).format(size=data_size(params["declared_bytes"])))
        return None

    def _failed(self, name: str) -> str:
        """A technical failure: what it means, by check (the cause is in the tooltip)."""
        if name == "decryption and archive":
            return self.tr("It could not be decrypted, or the archive inside is damaged or "
                           "altered.")
        if name == "signature":
            return self.tr("The signature does not hold: the bundle was altered or not signed "
                           "by its sender.")
        if name in ("trusted time", "time-stamp"):
            return self.tr("A time-stamp does not hold: it does not cover the checkpoint it "
                           "comes with, or that checkpoint is not the sender's log.")
        if name.startswith("custody") or name == "upstream custody":
            return self.tr("The custody record is damaged or altered.")
        return self.tr("This check failed: the bundle is damaged or altered, or was not made "
                       "by kzarchive.")
