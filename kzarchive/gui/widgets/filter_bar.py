"""Filters of the incident list: violation type, tag and a date range.

The search box and the status filter sit above; these narrow the search the core
runs (``Archive.list_incidents``), so they work on 10,000 incidents as fast as the
search itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import BadInput
from kzarchive.gui import labels
from kzarchive.service.records import check_date
from kzarchive.service.vocabulary import VIOLATIONS


def _width_for_first_entry(box: QComboBox) -> int:
    """The width at which ``box`` shows its first entry whole."""
    probe = QComboBox()
    probe.setFont(box.font())
    probe.addItem(box.itemText(0))
    probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    width = probe.sizeHint().width()
    probe.deleteLater()
    return width


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.violation = QComboBox()
        self.violation.addItem(self.tr("All violation types"), "")
        for key in VIOLATIONS:
            self.violation.addItem(labels.violation(key), key)
        # May be narrower than its longest entry, so the date fields keep their width,
        # but always as wide as "All violation types", which it shows most of the time.
        self.violation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.violation.setMinimumContentsLength(1)
        self.violation.setMinimumWidth(_width_for_first_entry(self.violation))
        self.tag = QComboBox()
        self.tag.addItem(self.tr("All tags"), "")
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setToolTip(self.tr("A year (2022), a month (2022-01) or a day (2022-01-05)"))
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(150)
            # Wide enough for the date pattern in every language, and the clear button.
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)
            edit.textChanged.connect(self._dates_edited)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.violation.currentIndexChanged.connect(self.changed)
        self.tag.currentIndexChanged.connect(self.changed)
        # Two rows: in one, Kazakh words made the window wider than a 1366 px screen.
        kinds = QHBoxLayout()
        kinds.addWidget(self.violation, 2)
        kinds.addWidget(self.tag, 1)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kinds)
        layout.addLayout(dates)

    def set_tags(self, tags: list[str]) -> None:
        """Offer the vault's tags, keeping the current choice when it still exists."""
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def criteria(self) -> dict[str, Any]:
        """Keyword arguments for ``Archive.list_incidents``; unreadable dates are left out."""
        return {
            "violation": self.violation.currentData() or None,
            "tag": self.tag.currentData() or None,
            "date_from": self._date(self.date_from),
            "date_to": self._date(self.date_to),
        }

    def is_active(self) -> bool:
        return any(self.criteria().values())

    def clear(self) -> None:
        for widget in (self.violation, self.tag):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._dates_edited()

    def _date(self, edit: QLineEdit) -> str | None:
        try:
            return check_date(edit.text(), "date")
        except BadInput:
            return None

    def _dates_edited(self) -> None:
        for edit in (self.date_from, self.date_to):
            unreadable = bool(edit.text().strip()) and self._date(edit) is None
            edit.setStyleSheet("border: 1px solid #c0392b;" if unreadable else "")
        self.changed.emit()
