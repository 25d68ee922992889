"""Changing the vault's passphrase; also offered right after a recovery-code unlock.

By default only the passphrase keyslot is rewrapped (the vault's key and the
recovery code stay, so an old copy of vault.keys still opens with the old
passphrase, and the dialog says so).  With "replace the vault's key" checked, the
key is rotated: the database is re-keyed and a new recovery code is shown once,
like at creation.  Deriving the new key takes about a second on purpose, so it
runs in a worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.widgets.passphrase_form import PassphraseForm
from kzarchive.gui.workers import Task

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController


class ChangePassphraseDialog(QDialog):
    FORM, DONE = range(2)

    def __init__(self, controller: AppController, archive: Archive,
                 after_recovery: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.archive = archive
        self.task: Task | None = None
        self.rotated = False
        self.setWindowTitle(self.tr("Change the passphrase — kzarchive"))
        self.setMinimumWidth(600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(after_recovery))
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(
            lambda index: set_default_button(self, self.close_button if index else
                                             self.change_button))
        set_default_button(self, self.change_button)
        self._update_form()

    def _form_page(self, after_recovery: bool) -> QWidget:
        page = QWidget()
        self.rotate_check = QCheckBox(self.tr("Also replace the vault's key and the recovery code"))
        self.rotate_note = label(self.tr(
            "Then old copies of vault.keys open nothing; a new recovery code is shown once."),
            "muted")
        self.error = label("", "error")
        self.error.hide()
        self.busy = BusyIndicator()
        self.passphrase_form = PassphraseForm(self.tr("New passphrase:"))
        self.passphrase_form.changed.connect(self._update_form)
        # The dialog's own names for the form's fields.
        self.passphrase_edit = self.passphrase_form.passphrase_edit
        self.repeat_edit = self.passphrase_form.repeat_edit
        self.strength_label = self.passphrase_form.strength_label
        self.match_label = self.passphrase_form.match_label
        form = self.passphrase_form.form
        form.addRow("", self.rotate_check)
        form.addRow("", self.rotate_note)

        self.change_button = QPushButton(self.tr("Change the passphrase"))
        set_role(self.change_button, "primary")
        self.change_button.clicked.connect(self.change)
        self.cancel_button = QPushButton(self.tr("Later") if after_recovery
                                         else self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)

        layout = QVBoxLayout(page)
        if after_recovery:
            layout.addWidget(label(self.tr("Choose a new passphrase now"), "heading"))
            layout.addWidget(label(self.tr(
                "You unlocked the vault with the recovery code. If the passphrase is lost, "
                "or someone else may know it, set a new one now."), "notice"))
        else:
            layout.addWidget(label(self.tr("Change the passphrase"), "heading"))
            layout.addWidget(label(self.tr(
                "The new passphrase replaces the old one in vault.keys at once. A copy of "
                "the old vault.keys (in a backup, for example) still opens the vault with "
                "the old passphrase unless you also replace the vault's key."), "muted"))
        layout.addWidget(self.passphrase_form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.close_button = QPushButton(self.tr("Close"))
        set_role(self.close_button, "primary")
        self.close_button.clicked.connect(self.accept)
        self.done_heading = label("", "heading")
        self.done_text = label("")
        self.code_heading = label(self.tr("Your new recovery code"), "heading")
        self.code_label = label("", "code", wrap=False)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_note = label(self.tr(
            "It is shown only now. Write it on paper, keep it away from this computer and "
            "destroy the old one: the old code no longer opens the vault."))
        self.written_down = QCheckBox(self.tr("I have written the new recovery code down."))
        self.written_down.toggled.connect(self._update_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.written_down, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_heading)
        layout.addWidget(self.done_text)
        for widget in (self.code_heading, self.code_label, self.code_note):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_done(self, recovery_code: str | None) -> None:
        self.rotated = recovery_code is not None
        if self.rotated:
            self.done_heading.setText(self.tr("The vault's key was replaced"))
            self.done_text.setText(self.tr(
                "Only the new passphrase and the new recovery code below open the vault now; "
                "copies of the old vault.keys open nothing. A backup of the whole vault made "
                "before now still opens with the old passphrase."))
        else:
            self.done_heading.setText(self.tr("The passphrase was changed"))
            self.done_text.setText(self.tr(
                "From now on, unlock the vault with the new passphrase. A copy of the old "
                "vault.keys (in a backup, for example) still opens the vault with the old "
                "passphrase; to make old copies useless, change the passphrase again with "
                "\"Also replace the vault's key\" checked."))
        self.code_label.setText(recovery_code or "")
        for widget in (self.code_heading, self.code_label, self.code_note, self.written_down):
            widget.setVisible(self.rotated)
        self._update_close()
        self.pages.setCurrentIndex(self.DONE)

    def _update_close(self) -> None:
        self.close_button.setEnabled(not self.rotated or self.written_down.isChecked())

    @property
    def recovery_code(self) -> str:
        return self.code_label.text()

    def accept(self) -> None:
        if not self.close_button.isEnabled() and self.pages.currentIndex() == self.DONE:
            return
        self.code_label.clear()
        super().accept()

    def reject(self) -> None:
        # The new recovery code is shown only once: it cannot be dismissed unseen.
        if self.pages.currentIndex() == self.DONE and not self.close_button.isEnabled():
            return
        super().reject()

    def _update_form(self) -> None:
        self.change_button.setEnabled(self.task is None and self.passphrase_form.is_ready())

    def change(self) -> None:
        if not self.change_button.isEnabled():
            return
        archive, passphrase = self.archive, self.passphrase_form.passphrase()
        self.error.hide()
        if self.rotate_check.isChecked():
            self.task = self.controller.vault_tasks.run(
                lambda progress, cancel: archive.rotate_keys(passphrase),
                on_success=self._changed, on_failure=self._failed)
            self.busy.start(self.tr("Replacing the vault's key and re-encrypting the "
                                    "database…"), self.task)
        else:
            self.task = self.controller.vault_tasks.run(
                lambda progress, cancel: archive.change_passphrase(passphrase),
                on_success=self._changed, on_failure=self._failed)
            self.busy.start(self.tr("Deriving the new key from the passphrase…"), self.task)
        self.passphrase_form.set_editable(False)
        for widget in (self.cancel_button, self.rotate_check):
            widget.setEnabled(False)
        self._update_form()

    def _finished(self) -> None:
        self.task = None
        self.busy.stop()
        self.passphrase_form.set_editable(True)
        for widget in (self.cancel_button, self.rotate_check):
            widget.setEnabled(True)

    def _changed(self, result: object) -> None:
        self._finished()
        self.passphrase_form.clear()
        self._show_done(result if isinstance(result, str) else None)

    def _failed(self, exc: KzError) -> None:
        self._finished()
        self.error.setText(error_html(exc))
        self.error.show()
        self._update_form()
