"""Exporting a bundle: which incidents, for whom, what to include, where to save.

The wizard only collects choices and shows what the core did: the core decides
what each item becomes (original, sanitized copy or withheld), writes the bundle
to a hidden temporary file and renames it into place only when complete, so a
cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kzarchive.archive import Archive, ExportOptions, ExportResult
from kzarchive.errors import Cancelled, KzError
from kzarchive.gui.dialogs.file_dialogs import choose_save_file, display_path
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.formatting import data_size, date_range
from kzarchive.gui.style import label
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.windows.partners import copy_text
from kzarchive.gui.workers import Task
from kzarchive.service.models import IncidentSummary

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

ID_ROLE = Qt.ItemDataRole.UserRole
BUNDLE_SUFFIX = "kzb"


def default_bundle_path(folder: Path, today: datetime.date | None = None) -> Path:
    """``bundle-<date>.kzb`` in ``folder``, numbered if taken.

    The name carries no title, sender or recipient: a file name is what an
    interceptor sees first.
    """
    stem = f"bundle-{(today or datetime.date.today()).isoformat()}"
    candidate, n = folder / f"{stem}.{BUNDLE_SUFFIX}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.{BUNDLE_SUFFIX}"
    return candidate


def checked_data(widget: QListWidget) -> list[str]:
    return [str(widget.item(i).data(ID_ROLE)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class IncidentsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard, preselected: Sequence[str]) -> None:
        super().__init__()
        self._wizard = wizard
        self._preselected = set(preselected)
        self.setTitle(self.tr("Incidents"))
        self.setSubTitle(self.tr("Choose the incidents to send. Each goes with its people, "
                                 "items and custody log."))
        self.list = QListWidget()
        self.list.itemChanged.connect(lambda _item: self.completeChanged.emit())
        self.loading = label(self.tr("Loading the incidents…"), "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.loading)
        layout.addWidget(self.list, 1)

    def load(self) -> None:
        archive = self._wizard.archive
        self._wizard.controller.vault_tasks.run(
            lambda progress, cancel: archive.list_incidents(),
            on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, rows: list[IncidentSummary]) -> None:
        self.loading.hide()
        for row in sorted(rows, key=lambda r: r.occurred_start or "", reverse=True):
            when = date_range(row.occurred_start, row.occurred_end)
            item = QListWidgetItem(f"{row.title}  ({when})" if when else row.title)
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in self._preselected
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.completeChanged.emit()

    def _failed(self, exc: KzError) -> None:
        self.loading.setText(error_html(exc))
        set_error_role(self.loading)

    def chosen(self) -> list[str]:
        return checked_data(self.list)

    def isComplete(self) -> bool:
        return bool(self.chosen())


def set_error_role(widget: QWidget) -> None:
    widget.setProperty("role", "error")
    widget.style().polish(widget)


class RecipientsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._checked: set[str] = set()
        self.setTitle(self.tr("Recipients"))
        self.setSubTitle(self.tr("Only the chosen partners can open the bundle (and you)."))
        self.list = QListWidget()
        self.list.itemChanged.connect(self._changed)
        self.hint = label(self.tr(
            "Only verified partners can receive bundles. To verify one, compare "
            "fingerprints with them in Vault → Partners…"), "muted")
        self.none_notice = label(self.tr(
            "You have no verified partner yet. Add their contact card and compare "
            "fingerprints in Vault → Partners… first."), "notice")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.none_notice)

    def initializePage(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        verified = 0
        for contact in self._wizard.archive.list_contacts():
            item = QListWidgetItem(contact.name)
            item.setData(ID_ROLE, contact.id)
            if contact.verified:
                verified += 1
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if contact.id in self._checked
                                   else Qt.CheckState.Unchecked)
            else:
                item.setText(self.tr("{name} — not verified").format(name=contact.name))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("Compare fingerprints with them in Vault → "
                                        "Partners… to send them bundles."))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.none_notice.setVisible(verified == 0)
        self.completeChanged.emit()

    def _changed(self, item: QListWidgetItem) -> None:
        ident = str(item.data(ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(ident)
        else:
            self._checked.discard(ident)
        self.completeChanged.emit()

    def chosen(self) -> list[str]:
        return checked_data(self.list)

    def chosen_names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def isComplete(self) -> bool:
        return bool(self.chosen())


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        config = wizard.controller.config
        self.setTitle(self.tr("What to include"))
        self.setSubTitle(self.tr("The safe choices are already made; change them only "
                                 "when the recipient needs more."))
        self.originals = QCheckBox(self.tr("Send photos as originals, with all their metadata"))
        self.originals.setChecked(config.export_originals)
        self.real_names = QCheckBox(self.tr("Include people's real names"))
        self.gps = QCheckBox(self.tr("Include GPS positions in the item descriptions"))
        self.gps.setChecked(config.export_gps)
        self.gps_warning = label(self.tr(
            "Warning: these photos hold a GPS position in their own bytes. As originals, "
            "they reveal where they were taken, whatever you choose below:"), "notice")
        self.gps_items = QListWidget()
        self.gps_items.setMaximumHeight(110)
        self.originals.toggled.connect(self._update_warning)
        layout = QVBoxLayout(self)
        layout.addWidget(self.originals)
        layout.addWidget(label(self.tr(
            "Otherwise photos go as sanitized copies: the same picture, upright, with no "
            "camera data, time or position in the file."), "muted"))
        layout.addWidget(self.gps_warning)
        layout.addWidget(self.gps_items)
        layout.addWidget(self.real_names)
        layout.addWidget(label(self.tr(
            "Otherwise only pseudonyms are sent. Send real names only with the person's "
            "consent, and only to whom it covers."), "muted"))
        layout.addWidget(self.gps)
        layout.addWidget(label(self.tr(
            "Otherwise positions read from the files are left out of the bundle's "
            "descriptions."), "muted"))
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._update_warning()

    def _update_warning(self) -> None:
        self.gps_items.clear()
        found = []
        if self.originals.isChecked():
            found = self._wizard.archive.items_with_gps(self._wizard.incidents_page.chosen())
        for item in found:
            self.gps_items.addItem(item.name)
        self.gps_warning.setVisible(bool(found))
        self.gps_items.setVisible(bool(found))

    def options(self) -> ExportOptions:
        return ExportOptions(originals=self.originals.isChecked(),
                             include_real_names=self.real_names.isChecked(),
                             include_gps=self.gps.isChecked())


class TargetPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Save the bundle"))
        self.setSubTitle(self.tr("The bundle is one encrypted file: carry it on a USB stick "
                                 "or send it by any channel."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Export"))
        self.path_edit = QLineEdit(display_path(default_bundle_path(Path.home())))
        self.path_edit.textChanged.connect(self._changed)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.problem = label("", "error")
        self.problem.hide()
        self.review = label("")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("Ready to export"), "subheading"))
        layout.addWidget(self.review)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self._wizard
        options = wizard.options_page.options()
        lines = [
            self.tr("Incidents: {n}").format(n=len(wizard.incidents_page.chosen())),
            self.tr("For: {names}").format(names=", ".join(wizard.recipients_page.chosen_names())),
            self.tr("Photos: originals") if options.originals
            else self.tr("Photos: sanitized copies"),
            self.tr("Real names: included") if options.include_real_names
            else self.tr("Real names: not included"),
            self._gps_line(options),
        ]
        self.review.setText("\n".join(lines))
        self._changed()

    def _gps_line(self, options: ExportOptions) -> str:
        if options.include_gps:
            return self.tr("GPS positions: included")
        # Originals carry their position in their own bytes, whatever the descriptions say.
        carrying = len(self._wizard.archive.items_with_gps(
            self._wizard.incidents_page.chosen())) if options.originals else 0
        if carrying:
            return self.tr("GPS positions: inside %n original photo(s); left out of the "
                           "descriptions", "", carrying)
        return self.tr("GPS positions: not included")

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _choose(self) -> None:
        chosen = choose_save_file(self, self.tr("Save the bundle as"), self.target(),
                                  [self.tr("kzarchive bundles (*.kzb)")], BUNDLE_SUFFIX)
        if chosen is not None:
            self.path_edit.setText(display_path(chosen))

    def _problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("Give the bundle a file name.")
        target = self.target()
        if not target.parent.is_dir():
            return self.tr("That folder does not exist.")
        if target.exists():
            return self.tr("A file of that name exists already; choose another name.")
        return ""

    def _changed(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._problem()


class ExportingPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task | None = None
        self.setTitle(self.tr("Exporting"))
        self.setSubTitle(self.tr("Signing and encrypting. Cancelling leaves no file."))
        self.busy = BusyIndicator()
        self.error = label("", "error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self._wizard
        archive = wizard.archive
        incidents = wizard.incidents_page.chosen()
        recipients = wizard.recipients_page.chosen()
        target = wizard.target_page.target()
        options = wizard.options_page.options()
        self.error.hide()
        task = Task(lambda progress, cancel: archive.export_bundle(
            incidents, recipients, target, options, progress, cancel))
        # Going back cancels a task whose answer may still arrive: answers are
        # taken only from the task this page is waiting for.
        task.signals.succeeded.connect(lambda result: self._done(task, result))
        task.signals.failed.connect(lambda exc: self._failed(task, exc))
        self.task = task
        self.busy.start(self.tr("Writing the bundle…"), task, cancellable=True)
        wizard.controller.vault_tasks.start(task)

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self.busy.stop()

    def _done(self, task: Task, result: ExportResult) -> None:
        if task is not self.task:
            return
        self.task = None
        self.busy.stop()
        self._wizard.export_result = result
        self._wizard.next()

    def _failed(self, task: Task, exc: KzError) -> None:
        if task is not self.task:
            return
        self.task = None
        self.busy.stop()
        self.error.setText(self.tr("Cancelled. No file was written.")
                           if isinstance(exc, Cancelled) else error_html(exc))
        self.error.show()

    def isComplete(self) -> bool:
        return False


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("The bundle is ready"))
        self.setFinalPage(True)
        self.where = label("")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items = QTreeWidget()
        self.items.setHeaderLabels([self.tr("Item"), self.tr("Sent as"),
                                    self.tr("SHA-256 of what was sent")])
        self.items.setRootIsDecorated(False)
        self.items.setColumnWidth(0, 240)
        self.items.setColumnWidth(1, 170)
        self.hash_edit = QLineEdit()
        self.hash_edit.setReadOnly(True)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: copy_text(self.hash_edit.text()))
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.hash_edit, 1)
        hash_row.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.items, 1)
        layout.addWidget(label(self.tr(
            "Bundle hash (SHA-256 of its signed tag manifest). It names this bundle in your "
            "custody log, and in the recipient's once they import it."), "muted"))
        layout.addLayout(hash_row)

    def initializePage(self) -> None:
        result = self._wizard.export_result
        if result is None:
            return
        self.where.setText(self.tr("Saved as {path} ({size}), for {names}.").format(
            path=display_path(result.path), size=data_size(result.size),
            names=", ".join(result.recipients)))
        sent_as = {"original": self.tr("Original"), "sanitized": self.tr("Sanitized copy"),
                   "withheld": self.tr("Withheld: its redacted copy was sent")}
        self.items.clear()
        for entry in result.items:
            self.items.addTopLevelItem(QTreeWidgetItem([
                entry.name, sent_as.get(entry.sent, entry.sent),
                "" if entry.sent == "withheld" else entry.sha256]))
        self.hash_edit.setText(result.tag_manifest_sha256)


class ExportWizard(QWizard):
    INCIDENTS, RECIPIENTS, OPTIONS, TARGET, EXPORTING, SUMMARY = range(6)

    def __init__(self, controller: AppController, archive: Archive,
                 preselected: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.archive = archive
        self.export_result: ExportResult | None = None
        self.setWindowTitle(self.tr("Export a bundle — kzarchive"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(760, 560)
        self.incidents_page = IncidentsPage(self, preselected)
        self.recipients_page = RecipientsPage(self)
        self.options_page = OptionsPage(self)
        self.target_page = TargetPage(self)
        self.exporting_page = ExportingPage(self)
        self.summary_page = SummaryPage(self)
        for ident, page in enumerate((self.incidents_page, self.recipients_page,
                                      self.options_page, self.target_page,
                                      self.exporting_page, self.summary_page)):
            self.setPage(ident, page)
        # Enter is the wizard's Next, Export or Finish, never a page's Choose… or Copy.
        for page in (self.target_page, self.summary_page, self.exporting_page):
            for button in page.findChildren(QPushButton):
                button.setAutoDefault(False)
        self.incidents_page.load()

    def reject(self) -> None:
        # Closing mid-export stops it; the core then removes its partial file.
        self.exporting_page.cancel()
        super().reject()
