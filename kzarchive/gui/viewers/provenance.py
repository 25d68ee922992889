"""Two sections of a viewer's side panel: the picture's copies elsewhere in the vault,
and the file's Content Credentials (C2PA).

Copies are listed, never merged: each opens as its own item with its own custody.
Credentials are this vault's own reading of the bytes it holds; what a partner's
bundle said about them is shown apart, as the sender's claim.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import KzError
from kzarchive.gui.style import label
from kzarchive.service import provenance
from kzarchive.service.models import Item
from kzarchive.service.similar import SimilarItem, SimilarResult

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


class SimilarItemsPanel(QWidget):
    """The items of the whole vault that show the same picture, exact copies first."""

    #: The id of a listed item the person chose to open.
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Similar items"), "subheading")
        self.status_label = label(self.tr("Looking for copies of this picture…"), "muted")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setMinimumHeight(110)
        self.list.setToolTip(self.tr("Double-click to open the item"))
        self.list.itemActivated.connect(self._activated)
        self.list.hide()
        self.result: SimilarResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_label)
        layout.addWidget(self.list)

    def show_result(self, result: SimilarResult) -> None:
        self.result = result
        self.list.clear()
        if not result.matches:
            self.status_label.setText(self.tr("No other item in the vault shows this picture."))
            self.list.hide()
            return
        self.status_label.setText(self.tr(
            "Each copy stays its own item, with its own source and custody."))
        for match in result.matches:
            entry = QListWidgetItem(self.describe(match))
            entry.setData(ITEM_ID_ROLE, match.item.id)
            entry.setToolTip(match.item.id)
            self.list.addItem(entry)
        self.list.show()

    def show_failure(self, exc: KzError) -> None:
        self.status_label.setText(self.tr("Copies could not be looked for: {reason}").format(
            reason=exc.message))

    def describe(self, match: SimilarItem) -> str:
        how = (self.tr("Exact copy (the same bytes)") if match.exact
               else self.tr("Distance {distance} of 256").format(distance=match.distance))
        where = (self.tr("received from a partner") if match.received
                 else self.tr("collected here"))
        return self.tr("{how}: {name}\nIncident: {incident} · {where}").format(
            how=how, name=match.item.name, incident=match.incident_title, where=where)

    def _activated(self, entry: QListWidgetItem) -> None:
        self.open_requested.emit(str(entry.data(ITEM_ID_ROLE)))


class CredentialsPanel(QWidget):
    """The file's C2PA manifest as this vault read it, and a sender's claim apart."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        meta = item.metadata or {}
        own = meta.get(provenance.OWN)
        claimed = meta.get(provenance.CLAIMED)
        self.state = provenance.status(own)
        self.heading = label(self.tr("Content credentials"), "subheading")
        self.state_label = label(self._state_text(self.state, item), self._role(self.state))
        self.rows: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.state_label)
        if isinstance(own, dict):
            self.form = QFormLayout()
            self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._fill(own)
            layout.addLayout(self.form)
        self.claim_label: QLabel | None = None
        if isinstance(claimed, dict):
            self.claim_label = label(self._claim_text(claimed, item), "muted")
            layout.addWidget(self.claim_label)

    def _fill(self, record: dict[str, Any]) -> None:
        signer = ", ".join(filter(None, [str(record.get("signer") or ""),
                                         str(record.get("issuer") or "")]))
        self._add("signer", self.tr("Signed by:"), signer)
        if record.get("state") in ("valid", "invalid"):
            self._add("trusted", self.tr("Signer known:"), self.tr(
                "yes, by a trusted certificate") if record.get("trusted") else self.tr(
                "no: the certificate is not one this vault trusts, so who signed is unproven"))
        self._add("generator", self.tr("Made with:"), record.get("claim_generator"))
        self._add("signed_at", self.tr("Signed at:"), record.get("signed_at"))
        actions = [a for a in record.get("actions") or [] if isinstance(a, dict)]
        self._add("actions", self.tr("Actions:"), "\n".join(
            " — ".join(filter(None, [str(a.get("action") or ""),
                                     str(a.get("software_agent") or "")])) for a in actions))
        ingredients = [i for i in record.get("ingredients") or [] if isinstance(i, dict)]
        self._add("ingredients", self.tr("Made from:"), "\n".join(
            (self.tr("{title} (signed)") if i.get("signed") else "{title}").format(
                title=i.get("title") or i.get("format") or "?") for i in ingredients))
        failures = [str(f) for f in record.get("failures") or []
                    if f != "signingCredential.untrusted"]
        self._add("failures", self.tr("Problems found:"), "\n".join(failures))
        self._add("remote", self.tr("Kept at:"), record.get("remote_url"))

    def _add(self, key: str, caption: str, value: object) -> None:
        if not value:
            return
        widget = label(str(value))
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows[key] = widget
        self.form.addRow(caption, widget)

    @staticmethod
    def _role(state: str) -> str:
        return "error" if state in ("invalid", "tampered") else (
            "notice" if state == "remote" else "")

    def _state_text(self, state: str, item: Item) -> str:
        if state == "valid":
            return self.tr("Valid: the signature checks out and the content is as it was signed.")
        if state == "tampered":
            return self.tr("TAMPERED: the content was changed after it was signed. "
                           "The credentials do not describe this file as it is.")
        if state == "invalid":
            return self.tr("INVALID: the credentials could not be verified. "
                           "Do not rely on what they say.")
        if state == "remote":
            return self.tr("Kept elsewhere: the file points to credentials on a server, "
                           "which kzarchive does not fetch (it works offline).")
        if (item.derivation or {}).get("kind") == "sanitized":
            return self.tr("None in this copy: a sanitized copy carries no credentials.")
        return self.tr("None: this file carries no content credentials.")

    def _claim_text(self, claim: dict[str, Any], item: Item) -> str:
        state = provenance.status(claim)
        words = {"valid": self.tr("valid"), "tampered": self.tr("tampered"),
                 "invalid": self.tr("invalid"), "remote": self.tr("kept elsewhere"),
                 "none": self.tr("none")}[state]
        if (item.derivation or {}).get("kind") == "sanitized":
            return self.tr("The sender states that the original had content credentials: "
                           "{state}. This is the sender's claim; this copy cannot show it."
                           ).format(state=words)
        signer = str(claim.get("signer") or "")
        text = self.tr("The sender's claim: {state}").format(state=words)
        if signer:
            text += self.tr(", signed by {signer}").format(signer=signer)
        return text + "."
