"""The main window of an unlocked vault: incident list, search, incident detail.

Menus are built in one place per menu so later work (attach, export, custody,
settings) adds actions to ``vault_menu`` / ``incident_menu`` and tabs to the
detail panel without reshaping the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import kzarchive
from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui import labels
from kzarchive.gui.config import LANGUAGES
from kzarchive.gui.context import ControllerVaultContext
from kzarchive.gui.dialogs.bundle_dialog import open_bundle
from kzarchive.gui.dialogs.export_wizard import ExportWizard
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.dialogs.panic import PanicWipeDialog
from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
from kzarchive.gui.dialogs.receipt_dialogs import add_receipt
from kzarchive.gui.dialogs.report_dialog import SaveReportDialog
from kzarchive.gui.dialogs.settings_dialog import SettingsDialog
from kzarchive.gui.dialogs.timestamps_dialog import TrustedTimeDialog
from kzarchive.gui.dialogs.verify_dialog import VerifyDialog
from kzarchive.gui.i18n import LANGUAGE_NAMES
from kzarchive.gui.models.columns import ColumnFitter, SavedWidths
from kzarchive.gui.models.incident_model import ID_ROLE, IncidentSortModel, IncidentTableModel
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.widgets.evidence_panel import EvidenceModel
from kzarchive.gui.widgets.filter_bar import FilterBar
from kzarchive.gui.widgets.fingerprint import fingerprint_lines
from kzarchive.gui.widgets.first_start import EmptyVaultPanel, MainToolBar
from kzarchive.gui.widgets.incident_detail import IncidentDetailPanel
from kzarchive.gui.widgets.incident_editor import NewIncidentDialog
from kzarchive.gui.windows.custody_view import CustodyWindow
from kzarchive.gui.windows.help_window import HelpWindow
from kzarchive.gui.windows.partners import PartnersWindow
from kzarchive.service.models import IncidentSummary
from kzarchive.service.vocabulary import STATUSES

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

SEARCH_DELAY_MS = 300


class MainWindow(QMainWindow):
    def __init__(self, controller: AppController, archive: Archive) -> None:
        super().__init__()
        self.controller = controller
        self.archive = archive
        self.context = ControllerVaultContext(controller, archive)
        self._search_generation = 0
        self._wanted_selection: list[str] = []  # incidents to select when the list arrives
        self._refresh_detail = False  # show the selected incident anew when the list arrives
        self.child_windows: list[QWidget] = []
        self.setWindowTitle(self.tr("kzarchive"))
        resize_within_screen(self, 1366, 800)

        self.model = IncidentTableModel(self)
        self.proxy = IncidentSortModel(self.model, self)
        self.detail = IncidentDetailPanel(self.context)
        # A change shown in the detail panel: the list (title, item count) and the
        # vault's custody log window follow at once.
        self.detail.incident_changed.connect(self._vault_changed)
        self.setCentralWidget(self._central())
        self._build_menus()
        self.toolbar = self._build_toolbar()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.vault_label = QLabel(archive.name or archive.path.name)
        self.statusBar().addPermanentWidget(self.vault_label)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.run_search()

    # -- layout -----------------------------------------------------------------

    def _central(self) -> QWidget:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search titles, places, testimony and notes…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search_changed)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for key in STATUSES:
            self.status_filter.addItem(labels.status(key), key)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.status_filter)
        self.filters = FilterBar()
        self.filters.changed.connect(self._search_changed)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IncidentTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Widths from the rows on screen only: sizing to 10,000 rows would delay the
        # first paint by most of a second.
        saved = SavedWidths(lambda: self.controller.config, self.controller.save_settings)
        self.table_columns = ColumnFitter(
            self.table, "incidents", [IncidentTableModel.TITLE], saved,
            caps={IncidentTableModel.PLACE: 170, IncidentTableModel.VIOLATIONS: 200})
        self.items_columns = ColumnFitter(
            self.detail.items_list, "items", [EvidenceModel.NAME], saved,
            caps={EvidenceModel.HASH: 120, EvidenceModel.CAPTURED: 190,
                  EvidenceModel.TRUSTED: 190})
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.filters)
        self.empty_panel = EmptyVaultPanel(self.new_incident, self.open_bundle, self.show_guide)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_panel)
        left_layout.addWidget(self.list_stack)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # The list gets most: the detail panel takes no more than its tabs need.
        splitter.setSizes([820, 540])
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter)
        return container

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.vault_menu = bar.addMenu(self.tr("&Vault"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(self.controller.lock_key.sequence)
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.controller.lock)
        self.vault_menu.addAction(self.lock_action)
        close_vault = QAction(self.tr("&Close vault"), self)
        close_vault.triggered.connect(self.controller.close_vault)
        self.vault_menu.addAction(close_vault)
        self.vault_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.vault_menu.addAction(quit_action)

        self.incident_menu = bar.addMenu(self.tr("&Incident"))
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search_edit.setFocus)
        self.incident_menu.addAction(find)
        self._add_exchange_actions(quit_action)
        self._add_evidence_actions(find)

        view_menu = bar.addMenu(self.tr("V&iew"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self, checkable=True)
            action.setChecked(code == self.controller.language)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._language_chosen)

        help_menu = bar.addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(lambda: self.show_guide())
        help_menu.addAction(guide)
        about = QAction(self.tr("&About kzarchive"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- search -------------------------------------------------------------------

    def _search_changed(self) -> None:
        self.search_timer.start()

    def _status_changed(self) -> None:
        self.proxy.set_status_filter(str(self.status_filter.currentData()))
        self._update_count()

    def run_search(self) -> None:
        """List the incidents matching the search box, in the background."""
        self.search_timer.stop()
        self._search_generation += 1
        generation, text = self._search_generation, self.search_edit.text().strip()
        archive, criteria = self.archive, self.filters.criteria()

        def search(progress: Any, cancel: Any) -> Any:
            return generation, archive.list_incidents(search=text or None, **criteria), \
                archive.list_tags()

        self.controller.vault_tasks.run(
            search, on_success=self._search_done, on_failure=self._search_failed)

    def _search_done(self, result: Any) -> None:
        generation, rows, tags = result
        if generation != self._search_generation:
            return  # an older search finished after a newer one started
        self.filters.set_tags(tags)
        self._show_incidents(rows)

    def _search_failed(self, exc: KzError) -> None:
        message, hint = error_text(exc)
        self.statusBar().showMessage(f"{message} {hint}".strip(), 8000)

    def _show_incidents(self, rows: list[IncidentSummary]) -> None:
        wanted, self._wanted_selection = self._wanted_selection, []
        refresh, self._refresh_detail = self._refresh_detail, False
        selected = self.detail.incident_id
        self.model.set_incidents(rows)
        self._update_count()
        if wanted:
            self._select_ids(wanted)
            if refresh and self.detail.incident_id == selected:
                # The selection did not change, so nothing else reloads the detail.
                self._refresh_shown_incident()
            return
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
        elif not self.detail.has_unsaved_edits():  # edits stay shown when the search hides them
            self.detail.clear()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        searching = (bool(self.search_edit.text().strip()) or shown != total
                     or self.filters.is_active())
        self.count_label.setText(
            self.tr("Incidents found: {n}").format(n=shown) if searching
            else self.tr("Incidents: {n}").format(n=total))
        self.list_stack.setCurrentWidget(
            self.empty_panel if total == 0 and not searching else self.table)

    # -- selection and detail ------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        incident_id = str(self.proxy.data(indexes[0], ID_ROLE))
        if incident_id != self.detail.incident_id and self.detail.has_unsaved_edits():
            # Asked once the click is over, not inside the selection change.
            QTimer.singleShot(0, self, lambda: self._leave_edits_for(incident_id))
            return
        self._show_detail(incident_id)

    def _show_detail(self, incident_id: str) -> None:
        try:
            self.detail.show_incident(incident_id)
        except KzError as exc:
            self._search_failed(exc)

    def _leave_edits_for(self, incident_id: str) -> None:
        edited = self.detail.incident_id
        if self.detail.confirm_leave():
            self._show_detail(incident_id)
        elif edited is not None and self.archive.is_open:
            self._select_ids([edited])  # stay on the incident being edited

    def _vault_changed(self, *_args: object) -> None:
        self.run_search()
        for window in self.child_windows:
            if isinstance(window, CustodyWindow) and window.isVisible():
                window.reload()

    def _refresh_shown_incident(self) -> None:
        try:
            self.detail.refresh()
        except KzError as exc:
            self._search_failed(exc)

    def incidents_imported(self, incident_ids: list[str]) -> None:
        """After an import: the list, the detail and the custody log show it at once."""
        self._refresh_detail = True
        self.select_incidents(incident_ids)
        for window in self.child_windows:
            if isinstance(window, CustodyWindow) and window.isVisible():
                window.reload()

    def selected_incident_ids(self) -> list[str]:
        return [str(self.proxy.data(index, ID_ROLE))
                for index in self.table.selectionModel().selectedRows()]

    def select_incidents(self, incident_ids: list[str]) -> None:
        """Show these incidents selected (after an import): unfiltered, freshly listed."""
        self._wanted_selection = list(incident_ids)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.run_search()

    def _select_ids(self, incident_ids: list[str]) -> None:
        selection = QItemSelection()
        for incident_id in incident_ids:
            row = self.model.row_of(incident_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, index)
        if selection.isEmpty():
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().select(selection, flags)
        self.table.scrollTo(selection.indexes()[0])

    # -- partners, bundles and the vault's safety ----------------------------------------

    def _add_exchange_actions(self, before: QAction) -> None:
        """Vault menu entries above Quit; panic wipe set apart from the rest."""
        entries: list[tuple[str, Callable[[], object]] | None] = [
            (self.tr("&Partners…"), self.show_partners),
            (self.tr("&Export bundle…"), self.export_bundle),
            (self.tr("&Open bundle…"), self.open_bundle),
            (self.tr("Add &receipt…"), self.add_receipt),
            None,
            (self.tr("C&hange passphrase…"), self.change_passphrase),
            (self.tr("&Settings…"), self.show_settings),
            None,
            (self.tr("Panic &wipe…"), self.panic_wipe),
            None,
        ]
        self.exchange_actions: dict[str, QAction] = {}
        for entry in entries:
            if entry is None:
                self.vault_menu.insertSeparator(before)
                continue
            text, slot = entry
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.vault_menu.insertAction(before, action)
            self.exchange_actions[slot.__name__] = action
        export_selected = QAction(self.tr("E&xport selected incidents…"), self)
        export_selected.triggered.connect(self.export_bundle)
        self.incident_menu.addAction(export_selected)
        self.save_report_action = QAction(self.tr("Save &report…"), self)
        self.save_report_action.triggered.connect(self.save_report)
        self.incident_menu.addAction(self.save_report_action)
        self.incident_menu.aboutToShow.connect(
            lambda: self.save_report_action.setEnabled(bool(self.selected_incident_ids())))

    def _child(self, dialog: QWidget) -> QWidget:
        # Kept as a child, so locking (which deletes this window) deletes it too.
        self.child_windows = [w for w in self.child_windows if w.isVisible()]
        self.child_windows.append(dialog)
        dialog.show()
        return dialog

    def show_partners(self) -> QWidget:
        return self._child(PartnersWindow(self.archive, self))

    def export_bundle(self) -> QWidget:
        return self._child(ExportWizard(self.controller, self.archive,
                                        self.selected_incident_ids(), self))

    def save_report(self) -> QWidget | None:
        incident_ids = self.selected_incident_ids()
        if not incident_ids:
            return None
        return self._child(SaveReportDialog(self.archive, self.controller.vault_tasks,
                                            self.controller.language,
                                            incident_ids=incident_ids, parent=self))

    def open_bundle(self) -> QWidget | None:
        dialog = open_bundle(self.controller, self.archive, self.incidents_imported, self)
        return self._child(dialog) if dialog is not None else None

    def add_receipt(self) -> None:
        """A partner's receipt: checked, kept, and shown in the incidents it confirms."""
        add_receipt(self.controller, self.archive, self, self._receipt_added)

    def _receipt_added(self, _added: object) -> None:
        self._refresh_detail = True  # the incident's "Sent" tab shows the confirmation
        self._vault_changed()

    def change_passphrase(self) -> QWidget:
        return self._child(ChangePassphraseDialog(self.controller, self.archive, parent=self))

    def show_settings(self) -> QWidget:
        return self._child(SettingsDialog(self.controller, self))

    def panic_wipe(self) -> QWidget:
        return self._child(PanicWipeDialog(self.controller, self))

    # -- incidents, evidence, custody and verification -------------------------------------

    def _add_evidence_actions(self, find: QAction) -> None:
        """New incident and adding evidence (Incident menu); verify and custody (Vault menu)."""
        self.new_incident_action = QAction(self.tr("&New incident…"), self)
        self.new_incident_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_incident_action.triggered.connect(self.new_incident)
        self.incident_menu.insertAction(find, self.new_incident_action)
        evidence = self.detail.evidence
        self.evidence_actions: list[QAction] = []
        for text, slot in ((self.tr("&Attach files…"), evidence.choose_and_attach),
                           (self.tr("Add &testimony…"), lambda: evidence.add_text("testimony")),
                           (self.tr("&Record testimony…"), lambda: evidence.record_testimony()),
                           (self.tr("Add &source text…"),
                            lambda: evidence.add_text("source-text"))):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.evidence_actions.append(action)
        actions = self.incident_menu.actions()
        if find is actions[-1]:
            self.incident_menu.addSeparator()
            self.incident_menu.addActions(self.evidence_actions)
        else:  # between Find and what follows it, set apart on both sides
            after_find = actions[actions.index(find) + 1]
            self.incident_menu.insertSeparator(after_find)
            self.incident_menu.insertActions(after_find, self.evidence_actions)
            self.incident_menu.insertSeparator(after_find)
        self.incident_menu.aboutToShow.connect(self._update_evidence_actions)

        self.verify_action = QAction(self.tr("&Verify vault…"), self)
        self.verify_action.triggered.connect(self.verify_vault)
        self.custody_action = QAction(self.tr("C&ustody log…"), self)
        self.custody_action.triggered.connect(self.show_custody_log)
        self.trusted_time_action = QAction(self.tr("&Trusted time…"), self)
        self.trusted_time_action.triggered.connect(self.show_trusted_time)
        first_separator = next(a for a in self.vault_menu.actions() if a.isSeparator())
        self.vault_menu.insertSeparator(first_separator)
        self.vault_menu.insertActions(first_separator, [self.verify_action, self.custody_action,
                                                        self.trusted_time_action])

    def _update_evidence_actions(self) -> None:
        for action in self.evidence_actions:
            action.setEnabled(self.detail.evidence.can_attach())

    def new_incident(self) -> QWidget | None:
        if not self.detail.confirm_leave():
            return None
        dialog = NewIncidentDialog(self.archive, self)
        dialog.created.connect(lambda incident_id: self.select_incidents([incident_id]))
        return self._child(dialog)

    def verify_vault(self) -> QWidget:
        return self._child(VerifyDialog(self.archive, self.controller.vault_tasks, self))

    def show_custody_log(self) -> QWidget:
        return self._child(CustodyWindow(self.archive, self.controller.vault_tasks, self))

    def show_trusted_time(self) -> QWidget:
        dialog = TrustedTimeDialog(self.archive, self)
        dialog.finished.connect(lambda _result: self.detail.evidence.reload())
        return self._child(dialog)

    # -- other -----------------------------------------------------------------------

    def _build_toolbar(self) -> MainToolBar:
        self.toolbar_attach = QAction(self.tr("&Attach files…"), self)
        self.toolbar_attach.triggered.connect(self.detail.evidence.choose_and_attach)
        self.toolbar_attach.setEnabled(False)
        self.detail.currentChanged.connect(
            lambda _index: self.toolbar_attach.setEnabled(self.detail.evidence.can_attach()))
        toolbar = MainToolBar(self.new_incident_action, self.toolbar_attach,
                              self.exchange_actions["export_bundle"],
                              self.exchange_actions["open_bundle"], self.lock_action, self)
        self.addToolBar(toolbar)
        return toolbar

    def show_guide(self, topic: str = "index", anchor: str = "") -> QWidget:
        return self._child(HelpWindow(self.controller.language, topic, anchor, self))

    def _language_chosen(self, action: QAction) -> None:
        code = str(action.data())
        if code != self.controller.language:
            QTimer.singleShot(0, lambda: self.controller.set_language(code))

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About kzarchive"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(self.tr("kzarchive {version}").format(version=kzarchive.__version__))
        box.setInformativeText(self.tr(
            "A secure, offline evidence archive for human-rights documenters.\n\n"
            "This vault's fingerprint:\n{fingerprint}").format(
                fingerprint=fingerprint_lines(self.archive.fingerprint)))
        box.open()
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        # Quitting asks about unsaved edits; locking (another screen already current) never waits.
        asking = self.controller.screen is self and self.archive.is_open
        if asking and not self.detail.confirm_leave():
            event.ignore()
            return
        self.search_timer.stop()
        super().closeEvent(event)
