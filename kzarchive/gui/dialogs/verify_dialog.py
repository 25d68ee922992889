"""Verify vault: every check of ``Archive.verify`` in plain words, good or bad.

The check runs in the background with a progress bar over the bytes read and can
be cancelled.  The result lists each check; a failure names the damaged item and
its incident, so the documenter knows what to restore from a backup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import Cancelled, KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.formatting import data_size
from kzarchive.gui.style import label
from kzarchive.gui.workers import Task, TaskRunner
from kzarchive.service.models import CheckResult, VerifyReport
from kzarchive.service.report import ERROR


class VerifyDialog(QDialog):
    """Starts checking as soon as it is created; Close stays available throughout."""

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("Verify vault"))
        self.resize(720, 480)
        self.heading = label(self.tr("Checking the vault…"), "heading")
        self.explanation = label(self.tr(
            "Every stored file is read and compared with the SHA-256 recorded when it was "
            "collected; the key file, the database and the custody log are checked too."),
            "muted")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        # One row per check: an icon, what was checked, and the result beneath it,
        # wrapped, so long names of items and long translations are never cut.
        self.rows: list[tuple[QLabel, QLabel]] = []
        rows_box = QWidget()
        self.rows_layout = QVBoxLayout(rows_box)
        self.rows_layout.addStretch(1)
        self.results = QScrollArea()
        self.results.setWidgetResizable(True)
        self.results.setWidget(rows_box)
        self.results.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.bar)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        set_default_button(self, None)  # Enter never stops the check; Escape does

        self.task = Task(lambda progress, cancel: archive.verify(progress, cancel))
        self.task.signals.progress.connect(self._progress)
        self.task.signals.succeeded.connect(self._passed)
        self.task.signals.failed.connect(self._failed)
        runner.start(self.task)

    @property
    def running(self) -> bool:
        return not self.cancel_button.isHidden()

    def cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.heading.setText(self.tr("Stopping…"))

    def reject(self) -> None:
        self.task.cancel()  # closing while it runs stops the check too
        super().reject()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _finish(self, heading: str) -> None:
        self.heading.setText(heading)
        self.bar.hide()
        self.explanation.hide()
        self.cancel_button.hide()
        set_default_button(self, self.close_button)

    def _passed(self, report: VerifyReport) -> None:
        self.report = report
        self._finish(self.tr("Everything checked is intact."))
        self._show_report(report)

    def _failed(self, exc: KzError) -> None:
        report = exc.report
        if isinstance(report, VerifyReport):
            self.report = report
            self._finish(self.tr("Problems found: {n}").format(n=len(report.failures)))
            self._show_report(report)
            return
        message, hint = error_text(exc)
        self._finish(self.tr("The check was stopped.") if isinstance(exc, Cancelled)
                     else self.tr("The check could not be completed."))
        self.explanation.setText(f"{message} {hint}".strip())
        self.explanation.show()

    # -- the report in plain words ---------------------------------------------------

    def _show_report(self, report: VerifyReport) -> None:
        good = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        bad = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        for check in sorted(report.checks, key=lambda c: c.ok):  # failures first
            name, result = self.describe(check, report)
            icon = QLabel()
            icon.setPixmap((good if check.ok else bad).pixmap(20, 20))
            name_label = label(name, "subheading")
            result_label = label(result, "" if check.ok else "error")
            if check.detail and not check.ok:  # the core's words, to quote in a report
                result_label.setToolTip(self.tr("Technical detail: {detail}").format(
                    detail=check.detail))
            for text in (name_label, result_label):
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts = QVBoxLayout()
            texts.setSpacing(0)
            texts.addWidget(name_label)
            texts.addWidget(result_label)
            row = QHBoxLayout()
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            row.addLayout(texts, 1)
            self.rows_layout.insertLayout(self.rows_layout.count() - 1, row)
            self.rows.append((name_label, result_label))
        self.results.show()

    def describe(self, check: CheckResult, report: VerifyReport) -> tuple[str, str]:
        """(what was checked, the result) for one check, in the interface language.

        Rendered from the check's kind, subject and values; its English detail is
        only the tooltip, for someone reporting the problem.
        """
        kind, params = check.kind, check.params
        if check.name == "vault.keys":
            return self.tr("Key file (vault.keys)"), (
                self.tr("intact") if check.ok else self.tr("damaged or altered"))
        if check.name == "database":
            return self.tr("Database"), (
                self.tr("intact") if check.ok else self.tr("damaged"))
        if check.name == "custody log":
            return self.tr("Custody log"), (
                self.tr("complete and unaltered (%n entry(s))", "", params["count"])
                if kind == "custody.count" else self.tr("altered or incomplete"))
        if check.name == "rollback anchor":
            if kind == "anchor.extends":
                return self.tr("Rollback anchor"), self.tr(
                    "the custody log's %n entry(s) extend what was last recorded", "",
                    params["entries"])
            if kind == "anchor.none":
                return self.tr("Rollback anchor"), self.tr("none yet (made at the next change)")
            return self.tr("Rollback anchor"), self.tr(
                "the database is older than this vault last recorded, or altered")
        if check.name == "received custody":
            return self.tr("Custody received from partners"), (
                self.tr("unaltered (%n entry(s))", "", params["count"])
                if kind == "custody.received" else self.tr("altered"))
        if check.name == "stored files":
            if kind == "blobs.counted":
                size = data_size(params["size"])
                if report.ok:
                    return self.tr("Stored files"), self.tr(
                        "%n item(s) read, {size}, each matching its SHA-256", "",
                        params["items"]).format(size=size)
                # the damaged items have rows of their own
                return self.tr("Stored files"), self.tr(
                    "%n item(s) read, {size}; no file the vault does not know", "",
                    params["items"]).format(size=size)
            if kind == "blobs.strays":
                return self.tr("Stored files"), self.tr(
                    "%n file(s) found that the vault does not know", "", params["count"])
            return self.tr("Stored files"), self.tr("their list could not be read")
        if kind in ("item.mismatch", ERROR) and check.subject and check.name.startswith("item "):
            return self._item_name(check.subject), self.tr(
                "damaged: the content does not match its recorded SHA-256")
        if kind in ("blob.mismatch", ERROR) and check.subject:
            return self.tr("Preview image {ident}").format(ident=check.subject), self.tr(
                "damaged")
        return check.name, (self.tr("good") if check.ok else self.tr("failed"))

    def _item_name(self, item_id: str) -> str:
        try:
            item = self.archive.get_item(item_id)
            title = self.archive.get_incident(item.incident_id).title
        except KzError:
            return self.tr("Item {ident}").format(ident=item_id)
        return self.tr("Item “{name}” of the incident “{title}”").format(
            name=item.name, title=title)
