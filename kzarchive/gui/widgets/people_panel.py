"""The people of an incident: pseudonyms first, real names only on request.

Real names are the most dangerous words in the vault: the list never holds them
until "Show real names" is pressed, and forgets them again when another incident
is shown (and with the window, on lock).  The add/edit dialog keeps the real name
masked unless asked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, KzError
from kzarchive.gui import labels
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.style import label
from kzarchive.service.models import Person
from kzarchive.service.records import check_date
from kzarchive.service.vocabulary import ROLES

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole


class PersonDialog(QDialog):
    """Adds a person to an incident, or edits one; saves on OK and stays open on errors."""

    saved = Signal(str)  # the person's id

    def __init__(self, archive: Archive, incident_id: str, person: Person | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.incident_id = incident_id
        self.person = person
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("Add a person"))
        self.setMinimumWidth(520)

        self.pseudonym_edit = QLineEdit(person.pseudonym if person else "")
        self.role_box = QComboBox()
        for key in ROLES:
            self.role_box.addItem(labels.role(key), key)
        self.role_box.setCurrentIndex(self.role_box.findData(person.role if person else "witness"))
        self.real_name_edit = QLineEdit((person.real_name or "") if person else "")
        self.real_name_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_real_name = QCheckBox(self.tr("Show"))
        self.show_real_name.toggled.connect(lambda shown: self.real_name_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        self.consent_box = QCheckBox(self.tr("Consent given"))
        self.consent_box.setChecked(bool(person and person.consent_given))
        self.scope_edit = QLineEdit(person.consent_scope if person else "")
        self.scope_edit.setPlaceholderText(self.tr("e.g. use in reports, no photos"))
        self.consent_date_edit = QLineEdit((person.consent_date or "") if person else "")
        self.consent_date_edit.setPlaceholderText("2022-01-05")
        self.notes_edit = QPlainTextEdit(person.notes if person else "")
        self.notes_edit.setFixedHeight(80)
        self.error = label("", "error")
        self.error.hide()

        real_name_row = QHBoxLayout()
        real_name_row.addWidget(self.real_name_edit, 1)
        real_name_row.addWidget(self.show_real_name)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Pseudonym:"), self.pseudonym_edit)
        form.addRow("", label(self.tr("The name used everywhere. Never put a real name here."),
                              "muted"))
        form.addRow(self.tr("Role:"), self.role_box)
        form.addRow(self.tr("Real name:"), real_name_row)
        form.addRow("", label(self.tr("Optional. Kept encrypted, hidden in lists, and left out "
                                      "of exports unless chosen."), "muted"))
        form.addRow("", self.consent_box)
        form.addRow(self.tr("Consent scope:"), self.scope_edit)
        form.addRow(self.tr("Consent date:"), self.consent_date_edit)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        set_default_button(self, save)  # never the real name's Show button

    def values(self) -> dict[str, Any]:
        return {
            "role": str(self.role_box.currentData()),
            "pseudonym": self.pseudonym_edit.text().strip(),
            "real_name": self.real_name_edit.text().strip() or None,
            "consent_given": self.consent_box.isChecked(),
            "consent_scope": self.scope_edit.text().strip(),
            "consent_date": self.consent_date_edit.text().strip() or None,
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def _problem(self, values: dict[str, Any]) -> str:
        if not values["pseudonym"]:
            return self.tr("Give a pseudonym.")
        try:
            check_date(values["consent_date"], "consent date")
        except BadInput:
            return self.tr("The consent date is not a date. Write it as 2022-01-05.")
        return ""

    def accept(self) -> None:
        values = self.values()
        problem = self._problem(values)
        if problem:
            self._show_error(problem)
            return
        try:
            if self.person is None:
                person_id = self.archive.add_person(self.incident_id, **values)
            else:
                person_id = self.person.id
                self.archive.update_person(person_id, **values)
        except KzError as exc:
            message, hint = error_text(exc)
            self._show_error(f"{message} {hint}".strip())
            return
        self.saved.emit(person_id)
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class PeoplePanel(QWidget):
    """Emits ``changed`` after a person was added or edited."""

    changed = Signal()
    PSEUDONYM, ROLE, CONSENT, REAL_NAME = range(4)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.incident_id: str | None = None
        self.people: list[Person] = []
        self._rows: list[QTreeWidgetItem] = []
        self.dialog: PersonDialog | None = None

        self.people_list = QTreeWidget()
        self.people_list.setHeaderLabels([self.tr("Pseudonym"), self.tr("Role"),
                                          self.tr("Consent"), self.tr("Real name")])
        self.people_list.setRootIsDecorated(False)
        self.people_list.setAlternatingRowColors(True)
        self.people_list.itemDoubleClicked.connect(lambda _item, _column: self.edit_selected())
        self.people_list.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add person…"))
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.reveal_button = QPushButton(self.tr("Show real names"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._reveal_toggled)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.people_list, 1)
        self._update_buttons()

    @property
    def revealed(self) -> bool:
        return self.reveal_button.isChecked()

    def set_incident(self, incident_id: str | None) -> None:
        if incident_id != self.incident_id:
            self.reveal_button.setChecked(False)  # real names never carry over
        self.incident_id = incident_id
        self.reload()

    def reload(self) -> None:
        selected = self.selected_person()
        self.people = self.archive.list_people(self.incident_id) if self.incident_id else []
        self.people_list.clear()
        self._rows = []
        for person in self.people:
            row = QTreeWidgetItem([person.pseudonym, labels.role(person.role),
                                   self.consent_text(person), ""])
            row.setData(self.PSEUDONYM, PERSON_ID_ROLE, person.id)
            row.setToolTip(self.CONSENT, self.consent_text(person))
            self._rows.append(row)
        self.people_list.addTopLevelItems(self._rows)
        if selected is not None:
            self.select_person(selected.id)
        self._show_real_names(self.revealed)
        for column in (self.PSEUDONYM, self.ROLE):  # consent takes the rest, cut if long
            self.people_list.resizeColumnToContents(column)
        self._update_buttons()

    def consent_text(self, person: Person) -> str:
        if not person.consent_given:
            return self.tr("not given")
        parts = [self.tr("given"), person.consent_date or "", person.consent_scope]
        return ", ".join(part for part in parts if part)

    def _reveal_toggled(self, revealed: bool) -> None:
        self.reveal_button.setText(self.tr("Hide real names") if revealed
                                   else self.tr("Show real names"))
        self._show_real_names(revealed)

    def _show_real_names(self, revealed: bool) -> None:
        for row, person in zip(self._rows, self.people, strict=True):
            row.setText(self.REAL_NAME, (person.real_name or "—") if revealed else "")
        self.people_list.setColumnHidden(self.REAL_NAME, not revealed)

    def real_names_shown(self) -> list[str]:
        """What the real-name column holds now (empty texts while hidden)."""
        return [row.text(self.REAL_NAME) for row in self._rows]

    def selected_person(self) -> Person | None:
        rows = self.people_list.selectedItems()
        if not rows:
            return None
        person_id = rows[0].data(self.PSEUDONYM, PERSON_ID_ROLE)
        return next((p for p in self.people if p.id == person_id), None)

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.incident_id is not None)
        self.edit_button.setEnabled(self.selected_person() is not None)

    def add_person(self) -> None:
        if self.incident_id is not None:
            self._open_dialog(PersonDialog(self.archive, self.incident_id, None, self))

    def edit_selected(self) -> None:
        person = self.selected_person()
        if person is not None and self.incident_id is not None:
            self._open_dialog(PersonDialog(self.archive, self.incident_id, person, self))

    def _open_dialog(self, dialog: PersonDialog) -> None:
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def select_person(self, person_id: str) -> None:
        for row, person in zip(self._rows, self.people, strict=True):
            if person.id == person_id:
                self.people_list.setCurrentItem(row)

    def _saved(self, person_id: str) -> None:
        self.reload()
        self.select_person(person_id)
        self.changed.emit()
