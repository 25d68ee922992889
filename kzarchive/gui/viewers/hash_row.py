"""The item's full SHA-256, a button to copy it, and Verify, which re-checks the content."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.style import label, set_role
from kzarchive.gui.workers import TaskRunner
from kzarchive.service.models import Item


def grouped_hash(sha256: str) -> str:
    """Groups of eight, so the hash wraps and can be read aloud in pieces."""
    return " ".join(sha256[i : i + 8] for i in range(0, len(sha256), 8))


class HashRow(QWidget):
    verified = Signal(bool)

    def __init__(self, archive: Archive, item: Item, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.item, self.runner = archive, item, runner
        self.hash_label = label(grouped_hash(item.sha256), "code")
        self.hash_label.setStyleSheet("font-size: 10pt; padding: 4px;")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setToolTip(item.sha256)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the SHA-256 to the clipboard"))
        self.copy_button.clicked.connect(self.copy_hash)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Read the stored content again and compare it "
                                              "with its SHA-256"))
        self.verify_button.clicked.connect(self.verify)
        self.result_label = label("")
        self.result_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("SHA-256"), "subheading"))
        layout.addWidget(self.hash_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)

    def copy_hash(self) -> None:
        QGuiApplication.clipboard().setText(self.item.sha256)
        self._show(self.tr("The SHA-256 was copied."), "")

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self._show(self.tr("Checking…"), "")
        archive, item_id = self.archive, self.item.id
        self.runner.run(lambda progress, cancel: archive.verify_item(item_id),
                        on_success=self._verified, on_failure=self._not_verified)

    def _verified(self, _result: object) -> None:
        self.verify_button.setEnabled(True)
        self._show(self.tr("Verified: the stored content matches this SHA-256."), "")
        self.verified.emit(True)

    def _not_verified(self, exc: KzError) -> None:
        self.verify_button.setEnabled(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self._show(error_html(exc), "error")
        self.verified.emit(False)

    def _show(self, text: str, role: str) -> None:
        if not role:
            self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.result_label, role)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(text)
        self.result_label.show()
