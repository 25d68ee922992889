"""Opening a bundle: verify it completely, show what held, then import it.

Verification runs in a worker with progress and cancel.  The report leads with
one clear state: GOOD (everything held and the signer is a verified contact),
SIGNER NOT VERIFIED (the signature holds, but the key that signed is not one the
person verified: the core reads no further, so the content is checked only by
the import that follows an acceptance), or BAD (something failed; the report
names it).  Import is offered only when everything held, and for an unverified
signer only after an explicit, ticked acknowledgement of the warning; so is a
bundle made for other recipients and passed on (forwarded), whatever the signer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive, ImportResult
from kzarchive.bundle import BundleError, BundleReport, Check, Status
from kzarchive.errors import Cancelled, KzError, UntrustedSigner
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_open_file
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.dialogs.receipt_dialogs import (
    choose_receipt_output,
    made_text,
    show_receipt_error,
    start_making,
)
from kzarchive.gui.dialogs.report_dialog import SaveReportDialog
from kzarchive.gui.formatting import data_size, moment_text, moment_tooltip
from kzarchive.gui.noop import QT_TRANSLATE_NOOP
from kzarchive.gui.report_text import BundleReportText
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.widgets.fingerprint import FingerprintLabel
from kzarchive.gui.workers import Task
from kzarchive.service.receipts import MadeReceipt
from kzarchive.service.report import ERROR, PROBLEMS

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController

# The core's check names, in plain words.
CHECK_NAMES = {
    "decryption and archive": QT_TRANSLATE_NOOP(
        "BundleChecks", "Decryption: every encrypted piece is authentic"),
    "archive": QT_TRANSLATE_NOOP("BundleChecks", "Structure of the bundle"),
    "bag-info.txt": QT_TRANSLATE_NOOP("BundleChecks", "Description of the bag"),
    "signature": QT_TRANSLATE_NOOP("BundleChecks", "Sender's signature"),
    "tag manifest": QT_TRANSLATE_NOOP("BundleChecks", "Signed list of the bag's own files"),
    "manifest": QT_TRANSLATE_NOOP("BundleChecks", "List of every file with its hash"),
    "bundle.json": QT_TRANSLATE_NOOP("BundleChecks", "Description of incidents and items"),
    "custody entries": QT_TRANSLATE_NOOP("BundleChecks", "Custody log entries"),
    "custody chains": QT_TRANSLATE_NOOP("BundleChecks", "Custody chain of each incident"),
    "custody checkpoint": QT_TRANSLATE_NOOP("BundleChecks", "Signed custody checkpoint"),
    "custody proofs": QT_TRANSLATE_NOOP("BundleChecks",
                                        "Each custody entry is in the signed log"),
    "Payload-Oxum": QT_TRANSLATE_NOOP("BundleChecks", "Number of files and total size"),
    "bundle content": QT_TRANSLATE_NOOP(
        "BundleChecks", "Every incident, person and item valid and bound to its custody"),
    "recipients": QT_TRANSLATE_NOOP("BundleChecks", "Addressed to this vault"),
    "upstream custody": QT_TRANSLATE_NOOP("BundleChecks",
                                          "Custody received from earlier senders"),
    "time-stamp": QT_TRANSLATE_NOOP("BundleChecks", "Time-stamp of the custody log"),
    "trusted time": QT_TRANSLATE_NOOP("BundleChecks", "Trusted time"),
}

BANNER_STYLES = {
    "good": "background: #dcf1e0; color: #0d4a1e; border: 2px solid #5fae72;",
    "untrusted": "background: #fff1cc; color: #4a3b00; border: 2px solid #d9a520;",
    "bad": "background: #fbe0dd; color: #6e1610; border: 2px solid #c8493d;",
    "neutral": "background: palette(base); border: 1px solid palette(mid);",
}
STATUS_COLOURS = {Status.OK: "#1d6b31", Status.FAILED: "#a8231c", Status.UNTRUSTED: "#8a6400",
                  Status.WARNING: "#8a6400"}


def _records(document: dict[str, Any] | None, key: str) -> list[dict[str, Any]]:
    """The objects of one list in bundle.json, for display: a hostile shape shows nothing."""
    value = (document or {}).get(key)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def check_name(name: str) -> str:
    words = CHECK_NAMES.get(name)
    return QCoreApplication.translate("BundleChecks", words) if words else name


class State(enum.Enum):
    VERIFYING = "verifying"
    GOOD = "good"
    UNTRUSTED = "untrusted"
    BAD = "bad"
    STOPPED = "stopped"  # cancelled, or not a bundle at all: no report to show


def open_bundle(controller: AppController, archive: Archive,
                on_imported: Callable[[list[str]], None], parent: QWidget) -> QDialog | None:
    """Ask for a bundle file and open the report dialog on it."""
    path = choose_open_file(parent, QCoreApplication.translate("BundleDialog", "Open a bundle"),
                            Path.home(), [
                                QCoreApplication.translate("BundleDialog",
                                                           "kzarchive bundles (*.kzb)"),
                                QCoreApplication.translate("BundleDialog", "All files (*)")])
    if path is None:
        return None
    dialog = BundleDialog(controller, archive, path, on_imported, parent)
    dialog.show()
    return dialog


class BundleDialog(QDialog):
    def __init__(self, controller: AppController, archive: Archive, path: Path,
                 on_imported: Callable[[list[str]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.archive = archive
        self.path = path
        self.on_imported = on_imported
        self.report: BundleReport | None = None
        self.words = BundleReportText(self)
        self.state = State.VERIFYING
        self.import_result: ImportResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Open a bundle — kzarchive"))
        resize_within_screen(self, 900, 680)

        self.banner = label("", wrap=True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.file_label = label(path.name, "muted")
        self.sender_label = label("")
        self.sender_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender_fingerprint = FingerprintLabel()
        self.sender_fingerprint.setAccessibleName(self.tr("The sender's fingerprint"))
        self.tabs = QTabWidget()
        self.checks = self._tree([self.tr("Result"), self.tr("Check"), self.tr("Details")])
        self.files = self._tree([self.tr("Result"), self.tr("Item"), self.tr("Size"),
                                 self.tr("SHA-256"), self.tr("Details")])
        self.custody = self._tree([self.tr("Entry"), self.tr("Time"), self.tr("Action"),
                                   self.tr("By")])
        self.tabs.addTab(self.checks, self.tr("Checks"))
        self.tabs.addTab(self.files, self.tr("Files"))
        self.tabs.addTab(self.custody, self.tr("Custody"))
        self.busy = BusyIndicator()
        self.warning = label(self.tr(
            "The key that signed this bundle is not one you verified. Anyone can make a "
            "bundle that looks like this one. Import it only if you have another reason "
            "to trust it, and compare fingerprints with the sender as soon as you can."),
            "notice")
        self.accept_risk = QCheckBox(self.tr(
            "I understand, and I want to import it from an unverified signer"))
        self.accept_risk.toggled.connect(self._update_buttons)
        self.forwarded_warning = label(self.tr(
            "This bundle was made for other recipients, not for you, and passed on to you. "
            "Its signature holds, but it was not addressed to you: import it only if you "
            "know why it reached you."), "notice")
        self.accept_forwarded = QCheckBox(self.tr(
            "I understand, and I want to import a bundle that was not addressed to me"))
        self.accept_forwarded.toggled.connect(self._update_buttons)
        self.result_label = label("", "notice")
        self.error = label("", "error")
        self.import_button = QPushButton(self.tr("Import"))
        set_role(self.import_button, "primary")
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        # A signed "received and verified" for the sender, once everything held.
        self.receipt_button = QPushButton(self.tr("Make receipt…"))
        self.receipt_button.setToolTip(self.tr(
            "Write a signed receipt for the sender: it confirms that this bundle arrived "
            "complete and verified. Only the sender's vault can open it."))
        self.receipt_button.clicked.connect(self.make_receipt)
        self.report_button = QPushButton(self.tr("Save report…"))
        self.report_button.clicked.connect(self.save_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.file_label)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.sender_fingerprint, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.accept_risk)
        layout.addWidget(self.forwarded_warning)
        layout.addWidget(self.accept_forwarded)
        layout.addWidget(self.busy)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._set_state(State.VERIFYING)
        self._verify()

    @staticmethod
    def _tree(headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)
        return tree

    # -- verifying -------------------------------------------------------------------

    def _verify(self) -> None:
        archive, path = self.archive, self.path
        task = self.controller.vault_tasks.run(
            lambda progress, cancel: archive.verify_bundle(path, progress=progress,
                                                           cancel=cancel),
            on_success=lambda report: self._verified(report, State.GOOD),
            on_failure=self._verify_failed)
        self.task = task
        self.busy.start(self.tr("Checking the bundle: decrypting, the signature, every "
                                "hash and the custody log…"), task, cancellable=True)

    def _answer_arrived(self) -> bool:
        """Stop waiting; False when the vault was locked meanwhile (the answer is dropped)."""
        self.task = None
        self.busy.stop()
        return self.archive.is_open

    def _verify_failed(self, exc: KzError) -> None:
        if not self._answer_arrived():
            return
        report = exc.report
        if isinstance(exc, UntrustedSigner) and isinstance(report, BundleReport):
            self._verified(report, State.UNTRUSTED)
        elif isinstance(exc, BundleError):
            self._verified(exc.report, State.BAD)
        else:
            self.error.setText(error_html(exc))
            self._set_state(State.STOPPED, cancelled=isinstance(exc, Cancelled))

    def _verified(self, report: BundleReport, state: State) -> None:
        if state is State.GOOD and not self._answer_arrived():
            return
        self.report = report
        self._fill_checks(report)
        self._fill_files(report)
        self._fill_custody(report)
        self._fill_sender(report)
        self._set_state(state)

    # -- the report ------------------------------------------------------------------

    def _result_words(self, status: Status) -> str:
        return {Status.OK: self.tr("Holds"), Status.FAILED: self.tr("FAILED"),
                Status.UNTRUSTED: self.tr("Signer not verified"),
                Status.WARNING: self.tr("Warning")}[status]

    def _row(self, tree: QTreeWidget, status: Status, texts: list[str]) -> QTreeWidgetItem:
        row = QTreeWidgetItem([self._result_words(status), *texts])
        for column, text in enumerate(texts, start=1):
            row.setToolTip(column, text)
        row.setForeground(0, QBrush(QColor(STATUS_COLOURS[status])))
        font = row.font(0)
        font.setBold(True)
        row.setFont(0, font)
        tree.addTopLevelItem(row)
        return row

    def _technical(self, row: QTreeWidgetItem, column: int, kind: str, detail: str) -> None:
        """A failure whose cause is technical keeps the core's words, to quote in a report."""
        if kind in (ERROR, PROBLEMS):
            row.setToolTip(column, self.tr("{text}\n\nTechnical detail: {detail}").format(
                text=row.text(column), detail=detail))

    def _fill_checks(self, report: BundleReport) -> None:
        self.checks.clear()
        for check in report.checks:
            row = self._row(self.checks, check.status, [
                check_name(check.name), self.words.check(check)])
            self._technical(row, 2, check.kind, check.detail)
        if report.stopped:
            row = self._row(self.checks, Status.FAILED, [
                self.tr("Reading stopped here; later checks were not made"),
                self.words.stopped(report)])
            self._technical(row, 2, report.stopped_kind, report.stopped)
        self.checks.resizeColumnToContents(0)
        # Check names run longer in Russian and Kazakh: room for them, the rest to details.
        self.checks.resizeColumnToContents(1)
        self.checks.setColumnWidth(1, min(max(self.checks.columnWidth(1), 320), 440))

    def _fill_files(self, report: BundleReport) -> None:
        names = {str(record.get("file")): record.get("name", "")
                 for record in _records(report.bundle_json, "items")}
        self.files.clear()
        size_text = data_size
        for result in report.files:
            self._row(self.files, result.status, [
                str(names.get(result.path) or result.path), size_text(result.size),
                result.sha256, self.words.file(result)])
        self.files.resizeColumnToContents(0)
        self.files.setColumnWidth(1, 220)

    def _fill_custody(self, report: BundleReport) -> None:
        titles = {str(i.get("id")): i.get("title", "")
                  for i in _records(report.bundle_json, "incidents")}
        signer = report.signer.fingerprint if report.signer else None
        groups: dict[str, QTreeWidgetItem] = {}
        self.custody.clear()
        self.custody.setRootIsDecorated(True)
        for entry in report.custody_entries:
            incident = str(entry.get("incident_id") or "")
            group = groups.get(incident)
            if group is None:
                group = QTreeWidgetItem([str(titles.get(incident) or self.tr("Vault events"))])
                group.setFirstColumnSpanned(True)
                groups[incident] = group
                self.custody.addTopLevelItem(group)
            actor = str(entry.get("actor", ""))
            stamp = str(entry.get("ts", ""))
            row = QTreeWidgetItem([
                str(entry.get("seq", "")), moment_text(stamp), str(entry.get("action", "")),
                self.tr("the sender") if actor == signer else actor])
            row.setToolTip(1, moment_tooltip(stamp))
            group.addChild(row)
        for block in _records(report.bundle_json, "upstream_custody"):
            if isinstance(entries := block.get("entries"), list):
                self.custody.addTopLevelItem(QTreeWidgetItem([self.tr(
                    "Received earlier from {origin}: %n entry(s)", "", len(entries)).format(
                        origin=block.get("origin", ""))]))
        self.custody.expandAll()
        self.custody.resizeColumnToContents(1)

    def _contact_name(self, fingerprint: str) -> tuple[str, bool] | None:
        for contact in self.archive.list_contacts():
            if contact.fingerprint == fingerprint:
                return contact.name, contact.verified
        return None

    def _fill_sender(self, report: BundleReport) -> None:
        signer = report.signer
        self.sender_fingerprint.set_fingerprint((signer.fingerprint if signer else None) or "")
        if signer is None or not signer.fingerprint:
            self.sender_label.setText(self.tr("Sender: unknown (the signature could not be "
                                              "tied to a key)."))
            return
        known = self._contact_name(signer.fingerprint)
        if signer.trusted and known:
            who = self.tr("{name}, a verified contact").format(name=known[0])
        elif known:
            who = self.tr("{name}, in your partners but NOT verified").format(name=known[0])
        else:
            who = self.tr("not among your partners")
        self.sender_label.setText(self.tr("Sender: {who}. Their fingerprint:").format(who=who))

    # -- state -----------------------------------------------------------------------

    def _banner(self, word: str, text: str, style: str) -> None:
        self.banner.setText(f"<span style='font-size: 18pt; font-weight: 700'>{word}</span>"
                            f"<br>{text}")
        self.banner.setStyleSheet(f"QLabel {{ {BANNER_STYLES[style]} border-radius: 6px; "
                                  "padding: 10px; }")

    def _set_state(self, state: State, cancelled: bool = False) -> None:
        self.state = state
        if state is State.VERIFYING:
            self._banner(self.tr("Checking…"), self.tr("Nothing is imported while the bundle "
                                                      "is checked."), "neutral")
        elif state is State.GOOD:
            self._banner(self.tr("GOOD"), self.tr(
                "Every check held: the bundle is complete and unaltered, and it was signed "
                "by a verified contact."), "good")
        elif state is State.UNTRUSTED:
            self._banner(self.tr("SIGNER NOT VERIFIED"), self.tr(
                "The signature holds, but the key that signed it is not one of your verified "
                "contacts, so nothing more of the bundle was read. If you import it, every "
                "check is made first, and nothing is stored unless all of them hold."),
                "untrusted")
        elif state is State.BAD:
            self._banner(self.tr("BAD"), self.tr(
                "Do not trust this bundle: a check failed ({what}). Keep the file as it is "
                "and ask the sender for a new copy.").format(what=self._first_failure()),
                "bad")
        else:
            self._banner(self.tr("Not checked") if not cancelled else self.tr("Cancelled"),
                         self.tr("The bundle could not be checked.") if not cancelled
                         else self.tr("Checking was cancelled. Nothing was imported."),
                         "neutral")
        has_report = state in (State.GOOD, State.UNTRUSTED, State.BAD)
        self.tabs.setVisible(has_report)
        self.sender_label.setVisible(has_report)
        self.sender_fingerprint.setVisible(has_report and bool(self.sender_fingerprint.fingerprint))
        self.error.setVisible(state is State.STOPPED and not cancelled)
        self.warning.setVisible(state is State.UNTRUSTED)
        self.accept_risk.setVisible(state is State.UNTRUSTED)
        forwarded = state in (State.GOOD, State.UNTRUSTED) and bool(
            self.report and self.report.forwarded)
        self.forwarded_warning.setVisible(forwarded)
        self.accept_forwarded.setVisible(forwarded)
        self.result_label.hide()
        if state is State.BAD:
            self.tabs.setCurrentIndex(self._first_failed_tab())
        self._update_buttons()

    def _first_failure(self) -> str:
        failures = self.report.failures if self.report else []
        if not failures:
            return self.report.stopped or "" if self.report else ""
        first = failures[0]
        if isinstance(first, Check):
            return check_name(first.name)
        return self.tr("the file {name}").format(name=self._item_name(first.path))

    def _item_name(self, path: str) -> str:
        for record in _records(self.report.bundle_json if self.report else None, "items"):
            if record.get("file") == path:
                return str(record.get("name") or path)
        return path

    def _first_failed_tab(self) -> int:
        if self.report and any(c.status is Status.FAILED for c in self.report.checks):
            return 0
        return 1

    def _update_buttons(self) -> None:
        forwarded_ok = not (self.report and self.report.forwarded) \
            or self.accept_forwarded.isChecked()
        importable = self.import_result is None and forwarded_ok and (
            self.state is State.GOOD
            or (self.state is State.UNTRUSTED and self.accept_risk.isChecked()))
        self.import_button.setVisible(self.state in (State.GOOD, State.UNTRUSTED))
        self.report_button.setVisible(self.report is not None
                                      and self.state in (State.GOOD, State.UNTRUSTED, State.BAD))
        self.import_button.setEnabled(importable and self.task is None)
        self.receipt_button.setVisible(self.state is State.GOOD and not (
            self.report and self.report.forwarded))
        self.receipt_button.setEnabled(self.task is None)
        set_default_button(self, self.import_button if self.import_button.isEnabled()
                           else None if self.task is not None else self.close_button)

    # -- the receipt -----------------------------------------------------------------

    def make_receipt(self, out: Path | None = None) -> None:
        """Asks where to save it (unless ``out``), verifies again and writes the receipt."""
        if not self.receipt_button.isVisible() or not self.receipt_button.isEnabled():
            return
        out = out or choose_receipt_output(self, self.path)
        if out is None:
            return
        self.error.hide()
        self.task = start_making(self.controller, self.archive, self.path, out,
                                 self._receipt_made, self._receipt_failed)
        self.busy.start(self.tr("Checking the bundle again, then writing the receipt…"),
                        self.task, cancellable=True)
        self._update_buttons()

    def _receipt_made(self, made: MadeReceipt) -> None:
        if not self._answer_arrived():
            return
        self.result_label.setText(made_text(made))
        self.result_label.show()
        self._update_buttons()

    def _receipt_failed(self, exc: KzError) -> None:
        if not self._answer_arrived():
            return
        show_receipt_error(self, self.tr("No receipt made"), exc)
        self._update_buttons()

    def save_report(self) -> SaveReportDialog | None:
        """A printable report of what the check found, held or not."""
        if self.report is None:
            return None
        dialog = SaveReportDialog(self.archive, self.controller.vault_tasks,
                                  self.controller.language, bundle_report=self.report,
                                  parent=self)
        dialog.show()
        return dialog

    # -- importing -------------------------------------------------------------------

    def start_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        archive, path = self.archive, self.path
        accept = self.state is State.UNTRUSTED and self.accept_risk.isChecked()
        forwarded = bool(self.report and self.report.forwarded) \
            and self.accept_forwarded.isChecked()
        self.accept_risk.setEnabled(False)
        self.accept_forwarded.setEnabled(False)
        self.error.hide()
        task = self.controller.vault_tasks.run(
            lambda progress, cancel: archive.import_bundle(
                path, progress=progress, cancel=cancel, accept_untrusted_signer=accept,
                accept_forwarded=forwarded),
            on_success=self._imported, on_failure=self._import_failed)
        self.task = task
        self.busy.start(self.tr("Importing: checking everything again while storing it…"),
                        task, cancellable=True)
        self._update_buttons()

    def _imported(self, result: ImportResult) -> None:
        if not self._answer_arrived():
            return
        self.import_result = result
        if result.already_imported:
            text = self.tr("This bundle was imported before; nothing changed.")
        else:
            text = self.tr("Imported: {incidents}, {items}. They are selected in the main "
                           "window.").format(
                incidents=self.tr("%n new incident(s)", "", len(result.incidents_added)),
                items=self.tr("%n new item(s)", "", len(result.items_added)))
        self.result_label.setText(text)
        self.result_label.show()
        self._update_buttons()
        document = result.report.bundle_json if result.report else None
        incidents = result.incidents_added or [
            str(i.get("id")) for i in _records(document, "incidents")]
        self.on_imported(incidents)

    def _import_failed(self, exc: KzError) -> None:
        if not self._answer_arrived():
            return
        if isinstance(exc, BundleError) and not isinstance(exc, UntrustedSigner):
            # An accepted signer's bundle is read in full only now: what failed in it
            # is shown as the report of a bad bundle, as verifying would have.
            self._verified(exc.report, State.BAD)
            return
        self.accept_risk.setEnabled(True)
        self.accept_forwarded.setEnabled(True)
        self.error.setText(error_html(exc))
        self.error.show()
        self._update_buttons()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.task.cancel()  # the core undoes a cancelled import completely
        super().closeEvent(event)
