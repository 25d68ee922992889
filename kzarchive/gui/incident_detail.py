"""The right-hand panel: one incident, its people and its items.

Sections are tabs, so later views (custody log, viewers) add a tab rather than
growing this file.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.gui import labels
from kzarchive.gui.incident_model import date_range
from kzarchive.gui.style import label
from kzarchive.models import Incident, Item, Person

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


class IncidentDetailPanel(QStackedWidget):
    EMPTY, DETAIL = range(2)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.incident_id: str | None = None
        empty = label(self.tr("Select an incident to see it here."), "muted")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(empty)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), self.tr("Overview"))
        self.people_list = QTreeWidget()
        self.people_list.setHeaderLabels([self.tr("Pseudonym"), self.tr("Role"),
                                          self.tr("Consent")])
        self.people_list.setRootIsDecorated(False)
        self.tabs.addTab(self.people_list, self.tr("People"))
        self.items_list = QTreeWidget()
        self.items_list.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Size"),
                                         self.tr("SHA-256"), self.tr("Captured")])
        self.items_list.setRootIsDecorated(False)
        self.tabs.addTab(self.items_list, self.tr("Items"))
        self.addWidget(self.tabs)

    def _overview_tab(self) -> QWidget:
        self.title_label = label("", "heading")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.when_label, self.place_label = QLabel(), label("")
        self.status_label, self.violations_label, self.tags_label = label(""), label(""), label("")
        self.description_label = label("")
        self.description_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.addRow(self.tr("When:"), self.when_label)
        form.addRow(self.tr("Where:"), self.place_label)
        form.addRow(self.tr("Status:"), self.status_label)
        form.addRow(self.tr("Violations:"), self.violations_label)
        form.addRow(self.tr("Tags:"), self.tags_label)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("Description"), "subheading"))
        layout.addWidget(self.description_label)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def clear(self) -> None:
        self.incident_id = None
        for widget in (self.title_label, self.when_label, self.place_label, self.status_label,
                       self.violations_label, self.tags_label, self.description_label):
            widget.clear()
        self.people_list.clear()
        self.items_list.clear()
        self.setCurrentIndex(self.EMPTY)

    def show_incident(self, incident_id: str) -> None:
        """Load and show one incident (small queries: done on the interface thread)."""
        incident = self.archive.get_incident(incident_id)
        self.incident_id = incident_id
        self._fill_overview(incident)
        self._fill_people(self.archive.list_people(incident_id))
        self._fill_items(self.archive.list_items(incident_id))
        self.setCurrentIndex(self.DETAIL)

    def _fill_overview(self, incident: Incident) -> None:
        self.title_label.setText(incident.title)
        when = date_range(incident.occurred_start, incident.occurred_end)
        self.when_label.setText(when or self.tr("not recorded"))
        self.place_label.setText(incident.place or self.tr("not recorded"))
        self.status_label.setText(labels.status(incident.status))
        self.violations_label.setText(
            ", ".join(labels.violation(v) for v in incident.violations) or "—")
        self.tags_label.setText(", ".join(incident.tags) or "—")
        self.description_label.setText(incident.description)

    def _fill_people(self, people: list[Person]) -> None:
        self.people_list.clear()
        for person in people:
            consent = self.tr("given") if person.consent_given else self.tr("not given")
            row = QTreeWidgetItem([person.pseudonym, labels.role(person.role), consent])
            self.people_list.addTopLevelItem(row)
        self.tabs.setTabText(1, self.tr("People ({n})").format(n=len(people)))

    def _fill_items(self, items: list[Item]) -> None:
        self.items_list.clear()
        locale = QLocale()
        for item in items:
            row = QTreeWidgetItem([item.name, labels.item_kind(item.kind),
                                   locale.formattedDataSize(item.size), item.short_hash,
                                   item.captured_at or ""])
            row.setData(0, ITEM_ID_ROLE, item.id)
            row.setToolTip(3, item.sha256)
            self.items_list.addTopLevelItem(row)
        for column in range(self.items_list.columnCount()):
            self.items_list.resizeColumnToContents(column)
        self.tabs.setTabText(2, self.tr("Items ({n})").format(n=len(items)))
