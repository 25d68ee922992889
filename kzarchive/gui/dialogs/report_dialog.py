"""Save report…: a printable PDF of incidents or of a checked bundle.

The person chooses the report's language (the interface's by default) and
whether real names and GPS positions go in (not by default, as for export),
then where to write it.  The report of incidents checks every item and the
custody log first, in the background; a bundle's report is made from what the
bundle dialog's check found.  The core writes the file and logs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.bundle import BundleReport
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_save_file, display_path
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.i18n import LANGUAGE_NAMES
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.workers import Task, TaskRunner
from kzarchive.pdf.labels import LANGUAGES
from kzarchive.service.reports import ReportOptions, WrittenReport
from kzarchive.util.canonical import utc_timestamp
from kzarchive.util.progress import CancelToken, Progress


class SaveReportDialog(QDialog):
    """For ``incident_ids`` (checked now) or for a ``bundle_report`` (already checked)."""

    def __init__(self, archive: Archive, runner: TaskRunner, language: str, *,
                 incident_ids: Sequence[str] = (), bundle_report: BundleReport | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.incident_ids = list(incident_ids)
        self.bundle_report = bundle_report
        self.task: Task | None = None
        self.written: WrittenReport | None = None
        self.setWindowTitle(self.tr("Save report"))
        if bundle_report is not None:
            what = self.tr("A printable report (PDF) of this bundle and of what its check "
                           "found: the verdict, the signer, every item with its SHA-256, the "
                           "custody timeline, and how to check it all again with standard "
                           "tools.")
        else:
            what = self.tr("A printable report (PDF) of %n incident(s): every item is read "
                           "and compared with its SHA-256 and the custody log is checked "
                           "first. It lists the verdict, every item with its SHA-256, the "
                           "custody timeline and how to check it all again.", "",
                           len(self.incident_ids))
        self.explanation = label(what)
        self.privacy = label(self.tr(
            "The report names the incidents and their items: keep it as carefully as the "
            "evidence. It is written only where you choose, and the custody log records "
            "it."), "muted")
        self.language_box = QComboBox()
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.names_box = QCheckBox(self.tr("Include people's real names (default: pseudonyms "
                                           "only)"))
        self.gps_box = QCheckBox(self.tr("Include GPS positions and coordinates"))
        form = QFormLayout()
        form.addRow(self.tr("Language of the report:"), self.language_box)
        form.addRow(self.names_box)
        form.addRow(self.gps_box)
        self.busy = BusyIndicator()
        self.result_label = label("", "notice")
        self.result_label.hide()
        self.error = label("", "error")
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save report…"))
        set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.privacy)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        set_default_button(self, self.save_button)

    def options(self) -> ReportOptions:
        return ReportOptions(language=str(self.language_box.currentData()),
                             include_names=self.names_box.isChecked(),
                             include_gps=self.gps_box.isChecked())

    def save(self) -> None:
        if self.task is not None:
            return
        # No title or name in the proposed file name: it may end up in "recent files".
        suggested = Path.home() / f"kzarchive-report-{utc_timestamp()[:10]}.pdf"
        path = choose_save_file(self, self.tr("Save the report as"), suggested,
                                [self.tr("PDF files (*.pdf)")], "pdf")
        if path is None:
            return
        options, archive = self.options(), self.archive
        incident_ids, bundle_report = self.incident_ids, self.bundle_report

        def job(progress: Progress, cancel: CancelToken) -> WrittenReport:
            reports = archive.reports
            if bundle_report is not None:
                model = reports.bundle_report(bundle_report, options)
            else:
                model = reports.incident_report(incident_ids, options, progress, cancel)
            # The file chooser has asked before replacing a file already there.
            return reports.write(model, path, overwrite=True)

        self.error.hide()
        self.result_label.hide()
        self.save_button.setEnabled(False)
        self.task = self.runner.run(job, on_success=self._saved, on_failure=self._failed)
        self.busy.start(self.tr("Checking and writing the report…"), self.task,
                        cancellable=True)

    def _done(self) -> bool:
        self.task = None
        self.busy.stop()
        self.save_button.setEnabled(True)
        return self.archive.is_open

    def _saved(self, written: WrittenReport) -> None:
        if not self._done():
            return
        self.written = written
        self.result_label.setText(self.tr(
            "Saved to {path}: %n page(s). Every page carries this hash: {sha}", "",
            written.pages).format(path=display_path(written.path), sha=written.anchor_sha256))
        self.result_label.show()
        set_default_button(self, self.close_button)

    def _failed(self, exc: KzError) -> None:
        if not self._done():
            return
        self.error.setText(error_html(exc))
        self.error.show()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()
