"""Editing an incident: every field of the data model, Save and Undo changes.

``IncidentForm`` holds the fields; ``IncidentEditor`` edits a stored incident in
the detail panel (Save goes through ``Archive.update_incident``, which records
the names of the changed fields in the custody log); ``NewIncidentDialog`` makes
a new one with ``Archive.add_incident``.  Checks of dates and coordinates are the
core's own (``kzarchive.service.records``); only their words are the interface's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, KzError
from kzarchive.gui import labels
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label, set_role
from kzarchive.service.models import Incident
from kzarchive.service.records import check_coordinate, check_date
from kzarchive.service.vocabulary import DATE_PRECISIONS, STATUSES, VIOLATIONS

# The precision a typed date shows by its length: 2022, 2022-01, 2022-01-05, 2022-01-05T14:30.
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day", 16: "minute"}


class IncidentForm(QWidget):
    """The fields of one incident; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("What happened, in a few words"))
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        # Patterns, not example dates: an example looks like a value already entered.
        self.start_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end_edit.setToolTip(self.tr("end, if any: YYYY-MM-DD"))
        self.start_edit.editingFinished.connect(self._match_precision)
        self.precision_box = QComboBox()
        for key, text in zip(DATE_PRECISIONS, self.precision_names(), strict=True):
            self.precision_box.addItem(text, key)
        self.place_edit = QLineEdit()
        self.latitude_edit = QLineEdit()
        self.latitude_edit.setPlaceholderText(self.tr("latitude, e.g. 43.2383"))
        self.longitude_edit = QLineEdit()
        self.longitude_edit.setPlaceholderText(self.tr("longitude, e.g. 76.9454"))
        for edit in (self.start_edit, self.end_edit, self.latitude_edit, self.longitude_edit):
            # The placeholder is the only hint of the format: never cut it.
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText())
                                 + 16)
        self.status_box = QComboBox()
        for key in STATUSES:
            self.status_box.addItem(labels.status(key), key)
        self.violations_list = QListWidget()
        for key in VIOLATIONS:
            entry = QListWidgetItem(labels.violation(key))
            entry.setData(Qt.ItemDataRole.UserRole, key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.violations_list.addItem(entry)
        self.violations_list.setMaximumHeight(150)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("separated by commas"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMinimumHeight(120)

        dates = QHBoxLayout()
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit, 1)
        dates.addWidget(self.precision_box)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude_edit, 1)
        coordinates.addWidget(self.longitude_edit, 1)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("When:"), dates)
        form.addRow(self.tr("Where:"), self.place_edit)
        form.addRow(self.tr("Coordinates:"), coordinates)
        form.addRow(self.tr("Status:"), self.status_box)
        form.addRow(self.tr("Violations:"), self.violations_list)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Description:"), self.description_edit)

        for line in (self.title_edit, self.start_edit, self.end_edit, self.place_edit,
                     self.latitude_edit, self.longitude_edit, self.tags_edit):
            line.textChanged.connect(self.changed)
        for box in (self.precision_box, self.status_box):
            box.currentIndexChanged.connect(self.changed)
        self.violations_list.itemChanged.connect(self.changed)
        self.description_edit.textChanged.connect(self.changed)
        self.set_values(None)

    def precision_names(self) -> list[str]:
        return [self.tr("year"), self.tr("month"), self.tr("day"), self.tr("day and time")]

    def _match_precision(self) -> None:
        precision = _PRECISION_BY_LENGTH.get(len(self.start_edit.text().strip()))
        if precision is not None:
            self.precision_box.setCurrentIndex(self.precision_box.findData(precision))

    def set_values(self, incident: Incident | None) -> None:
        """Show a stored incident, or the empty form of a new one."""
        self.blockSignals(True)  # one "changed" for the whole load, not one per field
        try:
            self.title_edit.setText(incident.title if incident else "")
            self.start_edit.setText((incident.occurred_start or "") if incident else "")
            self.end_edit.setText((incident.occurred_end or "") if incident else "")
            precision = incident.date_precision if incident else "day"
            self.precision_box.setCurrentIndex(self.precision_box.findData(precision))
            self.place_edit.setText(incident.place if incident else "")
            self.latitude_edit.setText((incident.latitude or "") if incident else "")
            self.longitude_edit.setText((incident.longitude or "") if incident else "")
            status = incident.status if incident else "draft"
            self.status_box.setCurrentIndex(self.status_box.findData(status))
            chosen = set(incident.violations) if incident else set()
            for row in range(self.violations_list.count()):
                entry = self.violations_list.item(row)
                key = entry.data(Qt.ItemDataRole.UserRole)
                entry.setCheckState(Qt.CheckState.Checked if key in chosen
                                    else Qt.CheckState.Unchecked)
            self.tags_edit.setText(", ".join(incident.tags) if incident else "")
            self.description_edit.setPlainText(incident.description if incident else "")
            for line in (self.title_edit, self.place_edit, self.tags_edit):
                line.setCursorPosition(0)  # long texts show their beginning
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        """The fields as ``add_incident`` and ``update_incident`` take them."""
        violations = [
            str(self.violations_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.violations_list.count())
            if self.violations_list.item(row).checkState() == Qt.CheckState.Checked]
        return {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText(),
            "occurred_start": self.start_edit.text().strip() or None,
            "occurred_end": self.end_edit.text().strip() or None,
            "date_precision": str(self.precision_box.currentData()),
            "place": self.place_edit.text().strip(),
            "latitude": self.latitude_edit.text().strip() or None,
            "longitude": self.longitude_edit.text().strip() or None,
            "status": str(self.status_box.currentData()),
            "violations": sorted(violations),
            "tags": sorted({t.strip() for t in self.tags_edit.text().split(",") if t.strip()}),
        }

    def problem(self) -> str:
        """What keeps the fields from being saved, in plain words; "" when nothing does."""
        values = self.values()
        if not values["title"]:
            return self.tr("Give the incident a title.")
        for key, message in (
            ("occurred_start", self.tr("The start date is not a date. Write it as 2022-01-05, "
                                       "2022-01, 2022 or 2022-01-05T14:30.")),
            ("occurred_end", self.tr("The end date is not a date. Write it as 2022-01-05, "
                                     "2022-01, 2022 or 2022-01-05T14:30.")),
        ):
            try:
                check_date(values[key], key)
            except BadInput:
                return message
        for key, message in (
            ("latitude", self.tr("The latitude must be a number from -90 to 90.")),
            ("longitude", self.tr("The longitude must be a number from -180 to 180.")),
        ):
            try:
                check_coordinate(values[key], key)
            except BadInput:
                return message
        return ""


def _scrolling(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class IncidentEditor(QWidget):
    """A stored incident, editable in place; Save and Undo changes act on unsaved edits."""

    saved = Signal(str)  # the incident id, after a save that changed something
    dirty_changed = Signal(bool)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.incident: Incident | None = None
        self._stored: dict[str, Any] = {}
        self._dirty = False
        self.form = IncidentForm()
        self.form.changed.connect(self._edited)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self.tr("Undo changes"))
        self.undo_button.clicked.connect(self.undo)
        self.notice = label("", "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(_scrolling(self.form), 1)
        layout.addLayout(buttons)
        self._edited()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, incident: Incident | None) -> None:
        """Show a stored incident; unsaved edits of the previous one are dropped."""
        self.incident = incident
        self.form.set_values(incident)
        self._stored = self.form.values()
        self._notice("")
        self._edited()

    def _edited(self) -> None:
        dirty = self.incident is not None and self.form.values() != self._stored
        self.save_button.setEnabled(dirty)
        self.undo_button.setEnabled(dirty)
        if dirty:
            self._notice(self.tr("Changes not saved yet."))
        elif self.notice.property("role") == "muted":
            self.notice.clear()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def undo(self) -> None:
        """Put back the stored values of every field."""
        self.load(self.incident)

    def save(self) -> bool:
        """Store the edits; False, with the reason shown, when they cannot be stored."""
        incident = self.incident
        if incident is None:
            return False
        problem = self.form.problem()
        if problem:
            self._error(problem)
            return False
        try:
            changed = self.archive.update_incident(incident.id, **self.form.values())
            stored = self.archive.get_incident(incident.id)
        except KzError as exc:
            message, hint = error_text(exc)
            self._error(f"{message} {hint}".strip())
            return False
        self.load(stored)
        self._notice(self.tr("Saved."))
        if changed:
            self.saved.emit(incident.id)
        return True

    def _error(self, text: str) -> None:
        self._notice(text, "error")

    def _notice(self, text: str, role: str = "muted") -> None:
        self.notice.setText(text)
        set_role(self.notice, role)
        self.notice.style().polish(self.notice)

    def confirm_leave(self) -> bool:
        """Before another incident replaces this one: save, discard or stay (False)."""
        if not self._dirty:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The incident has changes that are not saved yet."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Save them, discard them, or stay to go on editing."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if not self.archive.is_open:  # locked while the question was open
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.undo()
            return True
        return False


class NewIncidentDialog(QDialog):
    """The empty form; "Create incident" stores it and reports the new id."""

    created = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("New incident"))
        resize_within_screen(self, 640, 720)
        self.form = IncidentForm()
        self.error = label("", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Create incident"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolling(self.form), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        set_default_button(self, self.create_button)

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            self._error(problem)
            return
        try:
            incident_id = self.archive.add_incident(**self.form.values())
        except KzError as exc:
            message, hint = error_text(exc)
            self._error(f"{message} {hint}".strip())
            return
        super().accept()
        self.created.emit(incident_id)

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
