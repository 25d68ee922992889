"""The right-hand panel: one incident, its people and its items.

A short header names the incident on every tab; the sections are tabs (details,
editable; people; items; custody log), each a widget of its own module, so later
views add a tab rather than growing this file.  Files dropped anywhere on the
panel are attached to the incident shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kzarchive.gui import labels
from kzarchive.gui.attach import FileDropTarget
from kzarchive.gui.context import VaultContext
from kzarchive.gui.formatting import date_range, moment_tooltip
from kzarchive.gui.style import label
from kzarchive.gui.widgets.evidence_panel import EvidencePanel
from kzarchive.gui.widgets.gallery import GalleryView
from kzarchive.gui.widgets.incident_editor import IncidentEditor
from kzarchive.gui.widgets.people_panel import PeoplePanel
from kzarchive.gui.widgets.sent_panel import SentPanel
from kzarchive.gui.windows.custody_view import CustodyData, CustodyView, load_custody
from kzarchive.service.models import Incident


class IncidentDetailPanel(QStackedWidget):
    """Emits ``incident_changed`` when the incident, its people or its items changed."""

    EMPTY, DETAIL = range(2)
    DETAILS_TAB, PEOPLE_TAB, ITEMS_TAB, CUSTODY_TAB = range(4)
    incident_changed = Signal(str)

    def __init__(self, context: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        archive = self.archive = context.archive
        self.incident_id: str | None = None
        empty = label(self.tr("Select an incident to see it here."), "muted")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(empty)
        self.editor = IncidentEditor(archive)
        self.editor.saved.connect(self._changed)
        self.people = PeoplePanel(archive)
        self.people.changed.connect(self._changed)
        self.people_list = self.people.people_list
        self.evidence = EvidencePanel(context)
        self.evidence.changed.connect(self._items_changed)
        self.items_list = self.evidence.view
        self.custody = CustodyView()
        self.sent = SentPanel(archive)
        self.tabs = QTabWidget()
        # Every tab shows its whole title: the panel is at least as wide as the tabs.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self.editor, self.tr("Details"))
        self.tabs.addTab(self.people, self.tr("People"))
        self.tabs.addTab(self.evidence, self.tr("Items"))
        self.tabs.addTab(self._custody_and_sent(), self.tr("Custody log"))
        self.gallery = GalleryView(context)
        self.gallery.attach_to(self.tabs)
        self.gallery.item_added.connect(self.evidence.item_stored)
        self.evidence.items_landed.connect(self.gallery.add_items)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header())
        layout.addWidget(self.tabs, 1)
        self.addWidget(page)
        self.drop_target = FileDropTarget(page, self.evidence.attach_paths,
                                          self.evidence.can_attach)

    def _custody_and_sent(self) -> QSplitter:
        """The custody log, and beneath it each export: to whom, and who confirmed it."""
        self.sent_box = QGroupBox(self.tr("Sent to partners"))
        box_layout = QVBoxLayout(self.sent_box)
        box_layout.addWidget(self.sent)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.custody)
        splitter.addWidget(self.sent_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _header(self) -> QVBoxLayout:
        self.title_label = label("", "heading")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.when_label, self.status_label = label("", wrap=False), label("", wrap=False)
        self.place_label = label("")
        self.violations_label = label("", "muted")
        facts = QHBoxLayout()
        facts.addWidget(self.when_label)
        facts.addWidget(self.place_label, 1)
        facts.addWidget(self.status_label)
        header = QVBoxLayout()
        header.setContentsMargins(4, 0, 4, 4)
        header.addWidget(self.title_label)
        header.addLayout(facts)
        header.addWidget(self.violations_label)
        return header

    def clear(self) -> None:
        self.incident_id = None
        for widget in (self.title_label, self.when_label, self.place_label, self.status_label,
                       self.violations_label):
            widget.clear()
        self.editor.load(None)
        self.people.set_incident(None)
        self.evidence.set_incident(None)
        self.gallery.clear()
        self.custody.show_data(CustodyData([], []))
        self.sent.set_incident(None)
        self.setCurrentIndex(self.EMPTY)

    def show_incident(self, incident_id: str) -> None:
        """Load and show one incident (small queries: done on the interface thread).

        Showing the incident already shown (the list was refreshed) keeps unsaved edits.
        """
        incident = self.archive.get_incident(incident_id)
        same = incident_id == self.incident_id
        self.incident_id = incident_id
        self._fill_header(incident)
        if not same or (not self.editor.dirty and incident != self.editor.incident):
            self.editor.load(incident)
        self.people.set_incident(incident_id)
        self.evidence.set_incident(incident_id)
        self.gallery.set_incident(incident_id)
        self._fill_counts_and_custody()
        self.setCurrentIndex(self.DETAIL)

    def has_unsaved_edits(self) -> bool:
        return self.editor.dirty

    def confirm_leave(self) -> bool:
        """Ask about unsaved edits before the incident shown changes; False to stay."""
        return self.editor.confirm_leave()

    def refresh(self) -> None:
        """Show the current incident again as stored (after an import, say); edits stay."""
        if self.incident_id is not None and self.archive.is_open:
            self.show_incident(self.incident_id)

    def _items_changed(self) -> None:
        self.gallery.refresh()
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self.incident_id is None or not self.archive.is_open:
            return
        self._fill_header(self.archive.get_incident(self.incident_id))
        self._fill_counts_and_custody()
        self.incident_changed.emit(self.incident_id)

    def _fill_header(self, incident: Incident) -> None:
        self.title_label.setText(incident.title)
        when = date_range(incident.occurred_start, incident.occurred_end)
        self.when_label.setText(when or self.tr("date not recorded"))
        self.when_label.setToolTip("\n".join(filter(None, [
            moment_tooltip(incident.occurred_start), moment_tooltip(incident.occurred_end)])))
        self.place_label.setText("· " + (incident.place or self.tr("place not recorded")))
        self.status_label.setText(labels.status(incident.status))
        self.violations_label.setText(
            ", ".join(labels.violation(v) for v in incident.violations) or "—")

    def _fill_counts_and_custody(self) -> None:
        self.custody.show_data(load_custody(self.archive, self.incident_id))
        self.sent.set_incident(self.incident_id)
        self.tabs.setTabText(self.PEOPLE_TAB,
                             self.tr("People ({n})").format(n=len(self.people.people)))
        self.tabs.setTabText(self.ITEMS_TAB,
                             self.tr("Items ({n})").format(n=self.evidence.model.rowCount()))
