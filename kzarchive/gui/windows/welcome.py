"""The first screen: create a vault, open one, or open the demo vault."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import kzarchive
from kzarchive.archive import Archive
from kzarchive.demo import DEMO_PASSPHRASE, open_demo_vault
from kzarchive.errors import KzError, NotAVault
from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog
from kzarchive.gui.dialogs.file_dialogs import choose_directory
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.style import app_icon, label
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.widgets.language_box import LanguageBox

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController


class WelcomeWindow(QWidget):
    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.controller = controller
        self.setWindowTitle(self.tr("kzarchive"))
        self.setMinimumWidth(620)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(72, 72))
        heading = QVBoxLayout()
        heading.addWidget(label(self.tr("kzarchive"), "title"))
        heading.addWidget(label(self.tr(
            "A secure, offline archive for evidence of human-rights violations."), "muted"))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.create_button = QCommandLinkButton(
            self.tr("Create a new vault"),
            self.tr("Start an encrypted archive on this computer or on an external drive."))
        self.open_button = QCommandLinkButton(
            self.tr("Open a vault"),
            self.tr("Choose the folder of a vault you already have."))
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo vault"),
            self.tr("Try kzarchive with sample records of the January 2022 events."))
        self.create_button.clicked.connect(self.create_vault)
        self.open_button.clicked.connect(self.open_vault)
        self.demo_button.clicked.connect(self.open_demo)

        self.demo_notice = label(self.tr(
            "The demo vault's passphrase is {passphrase}. It is shown to everyone, so never "
            "keep real evidence in the demo vault.").format(passphrase=DEMO_PASSPHRASE), "notice")
        self.error = label("", "error")
        self.error.hide()
        self.busy = BusyIndicator()

        bottom = QHBoxLayout()
        bottom.addWidget(label(self.tr("Version {version}").format(
            version=kzarchive.__version__), "muted"))
        bottom.addStretch(1)
        self.language_box = LanguageBox(controller.language, controller.set_language)
        bottom.addWidget(QLabel(self.tr("Language:")))
        bottom.addWidget(self.language_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 18)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addSpacing(10)
        for button in (self.create_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        layout.addWidget(self.demo_notice)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def _set_enabled(self, enabled: bool) -> None:
        # Leaving this screen while the demo vault opens would orphan the open vault.
        for widget in (self.create_button, self.open_button, self.demo_button,
                       self.language_box):
            widget.setEnabled(enabled)

    def _show_error(self, exc: KzError) -> None:
        self.busy.stop()
        self._set_enabled(True)
        self.error.setText(error_html(exc))
        self.error.show()

    def create_vault(self) -> None:
        self.error.hide()
        dialog = CreateVaultDialog(self.controller, self.controller.vault_opened, self)
        dialog.open()

    def open_vault(self) -> None:
        self.error.hide()
        start = Path(self.controller.config.last_vault or Archive.default_path()).parent
        folder = choose_directory(self, self.tr("Choose the vault folder"), start)
        if folder is None:
            return
        if not Archive.is_vault(folder):
            self._show_error(NotAVault(path=folder))
            return
        self.controller.show_unlock(folder)

    def open_demo(self) -> None:
        self.error.hide()
        self._set_enabled(False)
        language = self.controller.language
        task = self.controller.tasks.run(
            lambda progress, cancel: open_demo_vault(progress=progress, cancel=cancel,
                                                     language=language),
            on_success=self._demo_ready, on_failure=self._show_error)
        self.busy.start(self.tr("Opening the demo vault (the first time, it is built)…"),
                        task, cancellable=True)

    def _demo_ready(self, archive: Any) -> None:
        self.busy.stop()
        self.controller.vault_opened(archive)
