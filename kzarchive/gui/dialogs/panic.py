"""Panic wipe: destroy the open vault when the laptop is about to be taken.

The person types a confirmation word (in their language), so that no slip of
the mouse destroys evidence.  The controller then has the core overwrite the
keys first (after that nothing in the vault can be decrypted) and remove the
files, closes every window and shows the welcome screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import display_path
from kzarchive.gui.style import label

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

DANGER_STYLE = ("QPushButton:enabled { background: #a8231c; color: white; font-weight: 600; "
                "padding: 6px 14px; border-radius: 4px; }")


class PanicWipeDialog(QDialog):
    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        archive = controller.archive
        where = display_path(archive.path) if archive is not None else ""
        self.setWindowTitle(self.tr("Panic wipe — kzarchive"))
        self.setMinimumWidth(600)
        # The word to type; translators give one that is easy to type in their script.
        self.word = self.tr("WIPE")
        self.word_edit = QLineEdit()
        self.word_edit.setPlaceholderText(self.word)
        self.word_edit.textChanged.connect(self._update)
        self.wipe_button = QPushButton(self.tr("Destroy the vault now"))
        self.wipe_button.setStyleSheet(DANGER_STYLE)
        self.wipe_button.clicked.connect(self.wipe)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.wipe_button)

        layout = QVBoxLayout(self)
        heading = label(self.tr("Destroy this vault"), "heading")
        heading.setStyleSheet("color: #a8231c;")
        layout.addWidget(heading)
        layout.addWidget(label(self.tr(
            "This destroys the vault in {folder} at once. First its keys are overwritten, "
            "so nothing in it can ever be decrypted again, not even with the passphrase or "
            "the recovery code; then all its files are removed. There is no undo.").format(
                folder=where)))
        layout.addWidget(label(self.tr(
            "Bundles you already sent stay with your partners. Any copy or backup of this "
            "vault elsewhere is not touched."), "muted"))
        layout.addWidget(label(self.tr("To confirm, type {word}:").format(word=self.word),
                               "subheading"))
        layout.addWidget(self.word_edit)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # Typing the word is the confirmation; Enter after it wipes (nothing before it).
        set_default_button(self, self.wipe_button)
        self._update()

    def confirmed(self) -> bool:
        return self.word_edit.text().strip().casefold() == self.word.casefold()

    def _update(self) -> None:
        self.wipe_button.setEnabled(self.confirmed())

    def wipe(self) -> None:
        if not self.confirmed():
            return
        self.accept()
        self.controller.panic_wipe()
