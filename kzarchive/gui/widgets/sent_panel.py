"""The "Sent" tab of an incident: each bundle that carried it, to whom, when, and who
confirmed receiving and verifying it (partner receipts)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kzarchive.archive import Archive
from kzarchive.gui.formatting import moment_text, moment_tooltip
from kzarchive.gui.style import label
from kzarchive.service.receipts import Handoff, ReceiptRecord

CONFIRMED_COLOUR = "#1d6b31"
WAITING_COLOUR = "#8a6400"


class SentPanel(QWidget):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.handoffs: list[Handoff] = []
        self.empty_label = label(self.tr(
            "This incident has not been sent to partners yet."), "muted")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("When"),
                                   self.tr("Bundle")])
        self.tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

    def set_incident(self, incident_id: str | None) -> None:
        self.handoffs = [] if incident_id is None else self.archive.receipts.exports(incident_id)
        names = {c.fingerprint or c.age_recipient: c.name
                 for c in self.archive.list_contacts()} if self.handoffs else {}
        self.tree.clear()
        for handoff in self.handoffs:
            group = QTreeWidgetItem([
                self.tr("Sent"), ", ".join(names.get(r, r) for r in handoff.recipients),
                moment_text(handoff.exported_at), handoff.bundle_id])
            group.setToolTip(2, moment_tooltip(handoff.exported_at))
            group.setToolTip(3, self.tr("Bundle hash (SHA-256 of its signed tag manifest): "
                                        "{hash}").format(hash=handoff.tag_manifest_sha256))
            for receipt in handoff.receipts:
                group.addChild(self._confirmed(receipt))
            for recipient in handoff.unconfirmed:
                row = QTreeWidgetItem([self.tr("No receipt yet"), names.get(recipient,
                                                                            recipient)])
                row.setForeground(0, QBrush(QColor(WAITING_COLOUR)))
                group.addChild(row)
            self.tree.addTopLevelItem(group)
        self.tree.expandAll()
        for column in range(3):  # what, who, when in full; the bundle id may be cut
            self.tree.resizeColumnToContents(column)
        self.empty_label.setVisible(not self.handoffs)
        self.tree.setVisible(bool(self.handoffs))

    def _confirmed(self, receipt: ReceiptRecord) -> QTreeWidgetItem:
        if receipt.verdict == "verified":
            verdict = self.tr("Received and verified: %n file(s)", "", receipt.files_verified)
        else:
            verdict = self.tr("Received and verified, with %n warning(s)", "",
                              receipt.warnings)
        row = QTreeWidgetItem([verdict, receipt.partner_name or receipt.partner_fingerprint,
                               moment_text(receipt.signed_at)])
        row.setForeground(0, QBrush(QColor(CONFIRMED_COLOUR)))
        row.setToolTip(1, receipt.partner_fingerprint)
        row.setToolTip(2, moment_tooltip(receipt.signed_at))
        return row

    @property
    def confirmed_count(self) -> int:
        return sum(len(h.receipts) for h in self.handoffs)
