"""Creating a vault: name, folder, passphrase; then the recovery code, shown once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_directory, display_path
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.screen_fit import grow_to_content
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.fingerprint import FingerprintLabel
from kzarchive.gui.widgets.passphrase_form import PassphraseForm

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

VAULT_FOLDER_NAME = "kzarchive-vault"


def free_vault_location(wanted: Path) -> Path:
    """``wanted`` if it is missing or an empty folder, else the first free ``wanted-N``."""
    candidate, n = wanted, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        n += 1
        candidate = wanted.with_name(f"{wanted.name}-{n}")
    return candidate


class CreateVaultDialog(QDialog):
    FORM, WORKING, RECOVERY = range(3)

    def __init__(self, controller: AppController, on_ready: Callable[[Archive], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._on_ready = on_ready
        self.archive: Archive | None = None
        self.setWindowTitle(self.tr("Create a new vault"))
        self.setModal(True)
        self.setMinimumWidth(600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(self._page_shown)
        self._page_shown(self.FORM)
        self._update_form()

    def _page_shown(self, index: int) -> None:
        set_default_button(self, self.continue_button if index == self.RECOVERY
                           else self.create_button)

    # -- page 1: the form ---------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("For example: Field work 2024"))
        self.location_edit = QLineEdit(display_path(free_vault_location(Archive.default_path())))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_location)
        location = QHBoxLayout()
        location.addWidget(self.location_edit, 1)
        location.addWidget(choose)
        self.passphrase_form = PassphraseForm(self.tr("Passphrase:"), rows_before=[
            (self.tr("Vault name:"), self.name_edit), (self.tr("Folder:"), location)])
        self.passphrase_form.changed.connect(self._update_form)
        # The dialog's own names for the form's fields.
        self.passphrase_edit = self.passphrase_form.passphrase_edit
        self.repeat_edit = self.passphrase_form.repeat_edit
        self.strength_label = self.passphrase_form.strength_label
        self.match_label = self.passphrase_form.match_label
        self.form_error = label("", "error")
        self.form_error.hide()

        self.create_button = QPushButton(self.tr("Create the vault"))
        set_role(self.create_button, "primary")
        self.create_button.clicked.connect(self._create)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(page)
        layout.addWidget(label(self.tr("Create a new vault"), "heading"))
        layout.addWidget(label(self.tr(
            "Everything in the vault is encrypted with a key that only your passphrase "
            "unlocks. Nobody can recover a forgotten passphrase, so choose one you will "
            "remember: several unrelated words are strong and easy to type."), "muted"))
        layout.addWidget(self.passphrase_form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _update_form(self) -> None:
        self.create_button.setEnabled(self.passphrase_form.is_ready())

    def _choose_location(self) -> None:
        current = Path(self.location_edit.text()).expanduser()
        folder = choose_directory(self, self.tr("Choose where to keep the vault"), current.parent)
        if folder is None:
            return
        empty = folder.is_dir() and not any(folder.iterdir())
        target = folder if empty else free_vault_location(folder / VAULT_FOLDER_NAME)
        self.location_edit.setText(display_path(target))

    # -- page 2: deriving keys ---------------------------------------------------------

    def _working_page(self) -> QWidget:
        page = QWidget()
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(label(self.tr("Creating the vault…"), "heading"))
        layout.addWidget(label(self.tr(
            "Deriving the encryption keys from your passphrase. This takes a moment on "
            "purpose: it makes guessing the passphrase slow for anyone else.")))
        layout.addWidget(bar)
        layout.addStretch(1)
        return page

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        path = Path(self.location_edit.text().strip()).expanduser()
        name = self.name_edit.text().strip()
        passphrase = self.passphrase_form.passphrase()
        self.form_error.hide()
        self.pages.setCurrentIndex(self.WORKING)
        self.controller.tasks.run(
            lambda progress, cancel: Archive.create(path, passphrase, name=name, progress=progress),
            on_success=self._created, on_failure=self._failed)

    def _failed(self, exc: KzError) -> None:
        self.form_error.setText(error_html(exc))
        self.form_error.show()
        self.pages.setCurrentIndex(self.FORM)

    def _created(self, result: Any) -> None:
        archive, recovery_code = result
        self.archive = archive
        self.passphrase_form.clear()
        self.code_label.setText(recovery_code)
        self.fingerprint_label.set_fingerprint(archive.fingerprint)
        self.pages.setCurrentIndex(self.RECOVERY)
        self._show_all_of_recovery_page()

    def _show_all_of_recovery_page(self) -> None:
        """Grow the dialog until the code, the fingerprint and their words all show.

        A person copies both onto paper: a clipped group would be written down
        wrong.  On a screen too small for the page, it scrolls instead.
        """
        scroll = self.recovery_scroll
        content = self.recovery_content
        viewport = scroll.viewport().width()
        needed = content.heightForWidth(viewport) if content.hasHeightForWidth() else -1
        needed = max(needed, content.minimumSizeHint().height())
        extra = needed - scroll.viewport().height()
        if extra > 0:
            self.resize(self.width(), self.height() + extra)
        grow_to_content(self)

    # -- page 3: the recovery code -----------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.code_label = label("", "code", wrap=False)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint_label = FingerprintLabel()
        self.written_down = QCheckBox(self.tr("I have written the recovery code down."))
        self.continue_button = QPushButton(self.tr("Continue"))
        set_role(self.continue_button, "primary")
        self.continue_button.setEnabled(False)
        self.written_down.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.written_down, 1)
        buttons.addWidget(self.continue_button)

        self.recovery_content = QWidget()
        layout = QVBoxLayout(self.recovery_content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Your recovery code"), "heading"))
        layout.addWidget(label(self.tr(
            "This code opens the vault if the passphrase is ever lost. It is shown only "
            "now. Write it on paper and keep it in a safe place away from this computer: "
            "anyone who has it can open the vault.")))
        layout.addWidget(self.code_label)
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("Vault fingerprint"), "heading"))
        layout.addWidget(label(self.tr(
            "Partners compare these digits with you, in person or by phone, before they "
            "trust what you send them."), "muted"))
        layout.addWidget(self.fingerprint_label)
        layout.addStretch(1)
        self.recovery_scroll = QScrollArea()
        self.recovery_scroll.setWidgetResizable(True)
        self.recovery_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.recovery_scroll.setWidget(self.recovery_content)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.recovery_scroll, 1)
        page_layout.addLayout(buttons)
        return page

    @property
    def recovery_code(self) -> str:
        return self.code_label.text()

    def _finish(self) -> None:
        if self.archive is None or not self.written_down.isChecked():
            return
        archive, self.archive = self.archive, None
        self.code_label.clear()
        self.accept()
        self._on_ready(archive)

    # -- the vault exists from page 2 on: the dialog cannot be dismissed without it ------

    def reject(self) -> None:
        if self.pages.currentIndex() == self.FORM:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pages.currentIndex() == self.FORM:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.pages.currentIndex() != self.FORM:
            return
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.pages.currentIndex() == self.FORM
                and not self.create_button.isEnabled()):
            # Not ready to create: Enter leads to the passphrase field still to fill.
            self.passphrase_form.focus_next_missing()
            return
        super().keyPressEvent(event)
