"""What every viewer window has: the item's record, its hash, Verify and Extract.

A viewer is a top-level window, so locking closes it with every other window;
closing it releases whatever decrypted data it held.  Work on the vault runs
through the controller's runner (see context.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import KzError
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.file_dialogs import choose_directory, display_path
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label, set_role
from kzarchive.gui.viewers.hash_row import HashRow
from kzarchive.gui.viewers.info import ItemInfoPanel, original_name
from kzarchive.gui.viewers.provenance import CredentialsPanel
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.workers import Job, Task, TaskRunner
from kzarchive.media.types import kind_of
from kzarchive.service.models import Item


class ViewerWindow(QWidget):
    """A window showing one item; subclasses put the content in ``set_content``."""

    def __init__(self, context: VaultContext, item: Item,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.archive, self.item = context.archive, item
        # The vault's own runner: locking cancels a viewer's work and waits for it.
        self.runner: TaskRunner = context.vault_tasks
        self.closed = False
        self.extract_warning: QMessageBox | None = None
        self.setWindowTitle(self.tr("{name} — kzarchive").format(name=item.name))
        resize_within_screen(self, 1200, 760)

        self.info = ItemInfoPanel(item, original_name(self.archive, item))
        self.hash_row = HashRow(self.archive, item, self.runner)
        self.extract_button = QPushButton(self.tr("Extract…"))
        self.extract_button.setToolTip(self.tr("Write the original file to a folder, unencrypted"))
        self.extract_button.clicked.connect(self.extract)
        self.status_label = label("")
        self.status_label.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.info)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.hash_row)
        side_layout.addSpacing(8)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.extract_button)
        self.actions_row.addStretch(1)
        side_layout.addLayout(self.actions_row)
        side_layout.addWidget(self.status_label)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(300)

        self.content_holder = QWidget()
        self.content_layout = QVBoxLayout(self.content_holder)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        # Sections about the item's provenance (copies, credentials), under the content:
        # the side panel keeps its height, so the hash never scrolls out of sight.
        self.extras = QWidget()
        self.extras_layout = QHBoxLayout(self.extras)
        self.extras_layout.setContentsMargins(0, 4, 0, 0)
        self.extras_scroll = QScrollArea()
        self.extras_scroll.setWidgetResizable(True)
        self.extras_scroll.setWidget(self.extras)
        self.extras_scroll.hide()
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(self.content_holder)
        self.left_splitter.addWidget(self.extras_scroll)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setSizes([470, 250])
        self.credentials: CredentialsPanel | None = None
        if kind_of(item.mime) in ("photo", "video") or item.kind in ("photo", "video"):
            self.credentials = CredentialsPanel(item)
            self.add_section(self.credentials)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_splitter)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 340])
        self.busy = BusyIndicator()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.busy)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

    def add_section(self, widget: QWidget) -> None:
        """A section under the content, side by side with the others."""
        self.extras_layout.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)
        self.extras_scroll.show()

    def set_content(self, widget: QWidget) -> None:
        while self.content_layout.count():
            taken = self.content_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        self.content_layout.addWidget(widget)

    def run(self, job: Job, on_success: Any, on_failure: Any = None) -> Task:
        """Run vault work for this window; results arriving after it closed are dropped."""
        return self.runner.run(job, on_success=on_success,
                               on_failure=on_failure or self.show_error)

    def show_status(self, text: str, role: str = "") -> None:
        self.status_label.setTextFormat(
            Qt.TextFormat.RichText if role == "error" else Qt.TextFormat.PlainText)
        set_role(self.status_label, role)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.show()

    def show_error(self, exc: KzError) -> None:
        self.busy.stop()
        self.show_status(error_html(exc), "error")

    # -- extract ----------------------------------------------------------------

    def extract(self) -> None:
        """Warn that the copy will be unencrypted, then ask for a folder and write it."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Extract the original"),
                          self.tr("The file will be written to disk unencrypted."), parent=self)
        box.setInformativeText(self.tr(
            "Anyone who can read that disk or drive can then see it, and deleting it may "
            "not remove it completely. Extract only to a place you trust, and only when "
            "you need the file in another program."))
        proceed = box.addButton(self.tr("Extract…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._extract_answered(box.clickedButton() is proceed))
        self.extract_warning = box
        box.open()

    def _extract_answered(self, proceed: bool) -> None:
        self.extract_warning = None
        if proceed and not self.closed:
            self._extract_confirmed()

    def _extract_confirmed(self) -> None:
        folder = choose_directory(self, self.tr("Choose a folder for the unencrypted copy"))
        if folder is None:
            return
        archive, item_id = self.archive, self.item.id
        task = self.run(
            lambda progress, cancel: archive.extract_item(item_id, folder, progress, cancel),
            on_success=self._extracted)
        self.busy.start(self.tr("Writing the unencrypted copy…"), task, cancellable=True)

    def _extracted(self, path: Path) -> None:
        self.busy.stop()
        self.show_status(self.tr("Written unencrypted to {path}. Delete it when it is no "
                                 "longer needed.").format(path=display_path(path)))

    # -- closing ----------------------------------------------------------------

    def release(self) -> None:
        """Drop decrypted data and open readers; subclasses extend this."""

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        if self.extract_warning is not None:
            self.extract_warning.close()
        self.release()
        super().closeEvent(event)
