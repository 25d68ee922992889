"""Unlocking a vault with its passphrase, or with the recovery code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.demo import DEMO_PASSPHRASE
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.file_dialogs import display_path
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.screen_fit import grow_to_content
from kzarchive.gui.style import app_icon, label, set_role
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.widgets.language_box import LanguageBox

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController


class UnlockWindow(QWidget):
    def __init__(self, controller: AppController, vault_path: Path, is_demo: bool = False) -> None:
        super().__init__()
        self.controller = controller
        self.vault_path = vault_path
        self.setWindowTitle(self.tr("Unlock — kzarchive"))
        self.setMinimumWidth(560)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(56, 56))
        heading = QVBoxLayout()
        heading.addWidget(label(self.tr("Unlock the vault"), "title"))
        where = label(display_path(vault_path), "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading.addWidget(where)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.prompt = QLabel()
        self.secret_edit = QLineEdit()
        self.prompt.setBuddy(self.secret_edit)
        self.secret_edit.returnPressed.connect(self.unlock)
        self.use_recovery = QCheckBox(self.tr("I lost the passphrase: use the recovery code"))
        self.use_recovery.toggled.connect(self._mode_changed)
        self.error = label("", "error")
        self.error.hide()
        self.busy = BusyIndicator()

        self.unlock_button = QPushButton(self.tr("Unlock"))
        set_role(self.unlock_button, "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.other_button = QPushButton(self.tr("Other vault…"))
        self.other_button.clicked.connect(controller.show_welcome)
        self.language_box = LanguageBox(controller.language, controller.set_language)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Language:")))
        buttons.addWidget(self.language_box)
        buttons.addStretch(1)
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addSpacing(6)
        if is_demo:
            layout.addWidget(label(self.tr(
                "This is the demo vault. Its passphrase is {passphrase}.").format(
                    passphrase=DEMO_PASSPHRASE), "notice"))
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret_edit)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._mode_changed(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_content(self)  # a long title wraps in Russian and Kazakh

    def _mode_changed(self, recovery: bool) -> None:
        self.prompt.setText(self.tr("Recovery code:") if recovery else self.tr("Passphrase:"))
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(
            self.tr("The code you wrote down when the vault was created") if recovery else "")
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        # Leaving this screen mid-derivation would orphan the vault the worker opens.
        for widget in (self.secret_edit, self.use_recovery, self.unlock_button,
                       self.other_button, self.language_box):
            widget.setEnabled(not busy)

    def unlock(self) -> None:
        secret = self.secret_edit.text()
        if not secret or not self.unlock_button.isEnabled():
            return
        path, recovery = self.vault_path, self.use_recovery.isChecked()
        self.error.hide()
        self._set_busy(True)
        open_vault = Archive.open_with_recovery if recovery else Archive.open
        task = self.controller.tasks.run(
            lambda progress, cancel: open_vault(path, secret),
            on_success=self._unlocked, on_failure=self._failed)
        self.busy.start(self.tr("Checking the passphrase…"), task)

    def _failed(self, exc: KzError) -> None:
        self.busy.stop()
        self._set_busy(False)
        self.error.setText(error_html(exc))
        self.error.show()
        grow_to_content(self)
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()

    def _unlocked(self, archive: Any) -> None:
        self.busy.stop()
        self.secret_edit.clear()
        self.controller.vault_opened(archive)
