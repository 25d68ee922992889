"""Partners: this vault's identity to hand out, and the contacts bundles go to.

A contact counts for sending and receiving only once the person compared the
fingerprints out of band (in person or by phone) and confirmed it here, in the
compare dialog.  Adding, renaming and removing contacts are quick database
calls and run on the interface thread; the core checks every card and key.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_open_file, choose_save_file
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.fingerprint import FingerprintLabel
from kzarchive.gui.windows.help_window import term_label
from kzarchive.service.models import Contact

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole
CARD_SUFFIX = "kzcard"


def copy_text(text: str) -> None:
    """Put text on the clipboard; locking clears it again."""
    QGuiApplication.clipboard().setText(text)


def card_file_name(vault_name: str) -> str:
    """A file name for my card from the vault's name, safe on every file system."""
    stem = re.sub(r"[^\w.-]+", "-", vault_name, flags=re.UNICODE).strip("-.")
    return f"{stem or 'contact'}.{CARD_SUFFIX}"


def code_label(text: str, selectable: bool = True) -> QLabel:
    widget = label(text, "code", wrap=False)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


class PartnersWindow(QDialog):
    """My identity on top, the list of partners beneath."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Partners — kzarchive"))
        self.setMinimumSize(760, 640)
        self.confirm_box: QMessageBox | None = None
        self.child_dialog: QDialog | None = None

        self.error = label("", "error")
        self.error.hide()
        self.notice = label("", "notice")
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self._identity_box())
        layout.addWidget(self._contacts_box(), 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        set_default_button(self, close)  # never "Copy fingerprint" or "Remove…"
        self.refresh()

    # -- my identity -----------------------------------------------------------------

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your identity"))
        self.fingerprint_label = FingerprintLabel(self.archive.fingerprint)
        self.fingerprint_label.setAccessibleName(self.tr("Your fingerprint"))
        self.recipient_edit = QLineEdit(self.archive.my_card().identity.age_recipient)
        self.recipient_edit.setReadOnly(True)
        # A key is compared character by character: never scrolled out of sight.
        self.recipient_edit.setMinimumWidth(
            self.recipient_edit.fontMetrics().horizontalAdvance(self.recipient_edit.text()) + 16)
        copy_fingerprint = QPushButton(self.tr("Copy fingerprint"))
        copy_fingerprint.clicked.connect(lambda: copy_text(self.archive.fingerprint))
        copy_recipient = QPushButton(self.tr("Copy"))
        copy_recipient.clicked.connect(lambda: copy_text(self.recipient_edit.text()))
        self.export_card_button = QPushButton(self.tr("Export contact card…"))
        set_role(self.export_card_button, "primary")
        self.export_card_button.clicked.connect(self.export_card)

        recipient_row = QHBoxLayout()
        recipient_row.addWidget(term_label(self.tr("Your encryption key (age recipient):"),
                                           "terms", "age-recipient"))
        recipient_row.addWidget(self.recipient_edit, 1)
        recipient_row.addWidget(copy_recipient)
        buttons = QHBoxLayout()
        buttons.addWidget(copy_fingerprint)
        buttons.addStretch(1)
        buttons.addWidget(self.export_card_button)
        layout = QVBoxLayout(box)
        layout.addWidget(label(self.tr(
            "Partners compare this fingerprint with you, in person or by phone, before "
            "they trust bundles you send. Give them your contact card."), "muted"))
        layout.addWidget(self.fingerprint_label)
        layout.addLayout(recipient_row)
        layout.addLayout(buttons)
        return box

    def export_card(self) -> None:
        suggested = Path.home() / card_file_name(self.archive.name)
        target = choose_save_file(self, self.tr("Save your contact card"), suggested,
                                  [self.tr("Contact cards (*.kzcard)")], CARD_SUFFIX)
        if target is None:
            return
        try:
            self.archive.export_card(target)
        except (KzError, OSError) as exc:
            self._show_error(exc)
            return
        self._show_notice(self.tr(
            "Your contact card was saved as {name}. It holds only public keys: give it to "
            "your partners on a USB stick or by any channel.").format(name=target.name))

    # -- contacts --------------------------------------------------------------------

    def _contacts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Partners"))
        self.contacts = QTreeWidget()
        self.contacts.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Trust")])
        self.contacts.setRootIsDecorated(False)
        # Narrow enough that the trust column reads in full in Russian and Kazakh too.
        self.contacts.setColumnWidth(0, 220)
        self.contacts.setColumnWidth(1, 175)
        self.contacts.itemSelectionChanged.connect(self._update_buttons)
        self.contacts.itemDoubleClicked.connect(self.compare_selected)
        self.import_button = QPushButton(self.tr("Import contact card…"))
        self.import_button.clicked.connect(self.import_card)
        self.add_age_button = QPushButton(self.tr("Add partner with only age…"))
        self.add_age_button.clicked.connect(self.add_age_contact)
        self.compare_button = QPushButton(self.tr("Compare and verify…"))
        set_role(self.compare_button, "primary")
        self.compare_button.clicked.connect(self.compare_selected)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        column = QVBoxLayout()
        for button in (self.import_button, self.add_age_button, self.compare_button,
                       self.rename_button, self.remove_button):
            column.addWidget(button)
        column.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addWidget(self.contacts, 1)
        layout.addLayout(column)
        return box

    def refresh(self, select_id: str | None = None) -> None:
        select_id = select_id or self.selected_id()
        self.contacts.clear()
        for contact in self.archive.list_contacts():
            kind = (self.tr("kzarchive contact card") if contact.kind == "kzarchive"
                    else self.tr("age keys only"))
            trust = self.tr("Verified") if contact.verified else self.tr("Not verified")
            row = QTreeWidgetItem([contact.name, kind, trust])
            row.setData(0, CONTACT_ID_ROLE, contact.id)
            row.setForeground(2, QBrush(QColor("#1d6b31" if contact.verified else "#8a6400")))
            if not contact.verified:
                row.setToolTip(2, self.tr("Compare the fingerprint with them before you "
                                          "send them anything or trust what they send."))
            self.contacts.addTopLevelItem(row)
            if contact.id == select_id:
                self.contacts.setCurrentItem(row)
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.contacts.currentItem()
        return str(item.data(0, CONTACT_ID_ROLE)) if item is not None else None

    def selected_contact(self) -> Contact | None:
        ident = self.selected_id()
        return self.archive.get_contact(ident) if ident else None

    def _update_buttons(self) -> None:
        chosen = self.contacts.currentItem() is not None
        for button in (self.compare_button, self.rename_button, self.remove_button):
            button.setEnabled(chosen)

    def _show_error(self, exc: KzError | OSError) -> None:
        self.notice.hide()
        self.error.setText(error_html(exc if isinstance(exc, KzError)
                                      else KzError(str(exc.strerror or exc))))
        self.error.show()

    def _show_notice(self, text: str) -> None:
        self.error.hide()
        self.notice.setText(text)
        self.notice.show()

    def contact_added(self, contact: Contact) -> None:
        self.refresh(contact.id)
        self._show_notice(self.tr(
            "{name} was added, not yet verified. Compare the fingerprints with them in "
            "person or by phone: select them and choose Compare and verify.").format(
                name=contact.name))

    def import_card(self) -> None:
        path = choose_open_file(self, self.tr("Choose a partner's contact card"), Path.home(),
                                # The command line writes a card under any name it is given.
                                [self.tr("Contact cards, any file name (*)"),
                                 self.tr("Contact cards named by kzarchive (*.kzcard)")])
        if path is None:
            return
        try:
            contact = self.archive.add_contact_card(path)
        except KzError as exc:
            self._show_error(exc)
            return
        self.contact_added(contact)

    def add_age_contact(self) -> None:
        self._open_child(AddAgeContactDialog(self.archive, self))

    def compare_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None:
            return
        dialog = CompareDialog(self.archive, contact, self)
        dialog.accepted.connect(lambda: self._verified(contact))
        self._open_child(dialog)

    def _verified(self, contact: Contact) -> None:
        self.refresh(contact.id)
        self._show_notice(self.tr("{name} is verified. You can now send them bundles and "
                                  "trust bundles they sign.").format(name=contact.name))

    def rename_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None:
            return
        dialog = RenameContactDialog(self.archive, contact, self)
        dialog.accepted.connect(lambda: self.refresh(contact.id))
        self._open_child(dialog)

    def remove_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove partner"), self.tr(
            "Remove {name} from your partners?").format(name=contact.name),
            QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "You will no longer be able to send them bundles, and bundles they sign will "
            "no longer count as from a verified contact. Evidence already received stays."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self._remove(contact) if button is remove else None)
        self.confirm_box = box
        box.open()

    def _remove(self, contact: Contact) -> None:
        try:
            self.archive.remove_contact(contact.id)
        except KzError as exc:
            self._show_error(exc)
            return
        self.refresh()
        self._show_notice(self.tr("{name} was removed.").format(name=contact.name))

    def _open_child(self, dialog: QDialog) -> None:
        self.child_dialog = dialog
        dialog.open()


class AddAgeContactDialog(QDialog):
    """A partner who uses only the standard tools: age-keygen, and minisign to sign."""

    def __init__(self, archive: Archive, parent: PartnersWindow) -> None:
        super().__init__(parent)
        self.archive = archive
        self.on_added = parent.contact_added
        self.setWindowTitle(self.tr("Add a partner with only age"))
        self.setMinimumWidth(620)
        self.name_edit = QLineEdit()
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText("age1…")
        self.minisign_edit = QLineEdit()
        self.minisign_edit.setPlaceholderText(self.tr("Optional"))
        self.minisign_edit.setToolTip(self.tr("Optional: needed to accept their bundles"))
        self.error = label("", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(term_label(self.tr("Their encryption key (age recipient):"), "terms",
                               "age-recipient"), self.recipient_edit)
        form.addRow(term_label(self.tr("Their signing key (minisign):"), "terms", "minisign"),
                    self.minisign_edit)
        self.add_button = QPushButton(self.tr("Add partner"))
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self._add)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "For a partner without kzarchive: they make a key with age-keygen and give you "
            "the line starting with age1. If they will send bundles back, also ask for "
            "their minisign public key."), "muted"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        set_default_button(self, self.add_button)

    def _add(self) -> None:
        try:
            contact = self.archive.add_contact_age(
                self.name_edit.text(), self.recipient_edit.text(),
                self.minisign_edit.text().strip() or None)
        except KzError as exc:
            self.error.setText(error_html(exc))
            self.error.show()
            return
        self.accept()
        self.on_added(contact)


class CompareDialog(QDialog):
    """Both fingerprints side by side; confirming marks the contact verified."""

    def __init__(self, archive: Archive, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.contact = contact
        self.setWindowTitle(self.tr("Compare fingerprints"))
        self.setMinimumWidth(820)
        self.mine = FingerprintLabel(archive.fingerprint)
        if contact.fingerprint:
            theirs_title = self.tr("{name}'s fingerprint").format(name=contact.name)
            self.theirs: QLabel = FingerprintLabel(contact.fingerprint)
            how = self.tr(
                "Compare with {name} in person or by phone. Read your fingerprint aloud "
                "while they look at theirs in kzarchive, then let them read theirs while you "
                "look here. Every digit must be the same. Never compare over the channel "
                "that carried the card.").format(name=contact.name)
        else:
            theirs_title = self.tr("{name}'s keys").format(name=contact.name)
            self.theirs = code_label("\n".join(filter(None, [
                _wrap(contact.age_recipient), _wrap(contact.minisign_public_key or "")])))
            how = self.tr(
                "{name} uses only age. Compare with them in person or by phone: their age "
                "recipient (and minisign key), character by character, with what they see "
                "on their own computer.").format(name=contact.name)
        grid = QGridLayout()
        grid.addWidget(label(self.tr("Your fingerprint"), "subheading"), 0, 0)
        grid.addWidget(label(theirs_title, "subheading"), 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        self.confirm_button = QPushButton(self.tr("They match: mark as verified"))
        set_role(self.confirm_button, "primary")
        self.confirm_button.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("They differ, or not now"))
        cancel.clicked.connect(self.reject)
        self.error = label("", "error")
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Compare before you trust"), "heading"))
        self.instructions = label(how)
        layout.addWidget(self.instructions)
        layout.addLayout(grid)
        layout.addWidget(label(self.tr(
            "If anything differs, do not verify: someone may have swapped the card. Ask "
            "{name} for a new one.").format(name=contact.name), "muted"))
        if contact.verified:
            layout.addWidget(label(self.tr("{name} is already verified.").format(
                name=contact.name), "notice"))
            self.confirm_button.setEnabled(False)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # Marking a partner verified is a deliberate click, never a stray Enter.
        set_default_button(self, cancel)

    def _confirm(self) -> None:
        try:
            self.archive.verify_contact(self.contact.id)
        except KzError as exc:
            self.error.setText(error_html(exc))
            self.error.show()
            return
        self.accept()


def _wrap(text: str, width: int = 32) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


class RenameContactDialog(QDialog):
    def __init__(self, archive: Archive, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.contact = contact
        self.setWindowTitle(self.tr("Rename partner"))
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit(contact.name)
        self.name_edit.selectAll()
        self.error = label("", "error")
        self.error.hide()
        self.rename_button = QPushButton(self.tr("Rename"))
        set_role(self.rename_button, "primary")
        self.rename_button.clicked.connect(self._rename)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("New name:"), self.name_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        set_default_button(self, self.rename_button)

    def _rename(self) -> None:
        try:
            self.archive.rename_contact(self.contact.id, self.name_edit.text())
        except KzError as exc:
            self.error.setText(error_html(exc))
            self.error.show()
            return
        self.accept()
