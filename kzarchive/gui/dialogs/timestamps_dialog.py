"""Trusted time: make a request file, add the authority's reply, see what is stamped.

The app never goes online: the dialog writes a small ``.tsq`` and shows the one
command to run on a connected machine; the ``.tsr`` it brings back is checked
against the request (and, with the authority's CA certificate, its signature and
chain) before it is kept.  Both steps take milliseconds, so they run here rather
than in a worker.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.crypto import tsp
from kzarchive.errors import KzError
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_open_file, choose_save_file
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.formatting import moment_text, moment_tooltip
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label
from kzarchive.service.timestamps import CURL_COMMAND


class TrustedTimeDialog(QDialog):
    """One vault's time-stamps, and the two steps that add one."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.ca_path: Path | None = None
        self.setWindowTitle(self.tr("Trusted time"))
        intro = label(self.tr(
            "A time-stamping authority can vouch that your custody log existed by a certain "
            "time, so that nobody can argue the evidence was made later. This app never goes "
            "online: make a request file, carry it to a connected computer, and run:"))
        # Wrapped in full, so the whole command is seen and can be checked before it is typed.
        self.command = QPlainTextEdit(CURL_COMMAND)
        self.command.setReadOnly(True)
        self.command.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = self.command.fontMetrics().lineSpacing()
        self.command.setFixedHeight(lines * 3 + 14)
        copy = QPushButton(self.tr("Copy the command"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(CURL_COMMAND))
        after = label(self.tr(
            "Replace TSA-OF-YOUR-CHOICE with the address of an authority you choose, bring "
            "stamp.tsr back and add it here. With the authority's CA certificate its "
            "signature is checked too; without it the time-stamp is kept as not yet checked."),
            "muted")
        self.request_button = QPushButton(self.tr("Make a request file…"))
        self.request_button.clicked.connect(self.make_request)
        self.ca_button = QPushButton(self.tr("CA certificate…"))
        self.ca_button.clicked.connect(self.choose_ca)
        self.add_button = QPushButton(self.tr("Add the reply…"))
        self.add_button.clicked.connect(self.add_reply)
        steps = QHBoxLayout()
        for button in (self.request_button, self.ca_button, self.add_button):
            steps.addWidget(button)
        steps.addStretch(1)
        self.ca_label = label("", "muted")
        self.notice = label("")
        self.notice.hide()
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Entries covered"), self.tr("Stamped time"),
                                    self.tr("Authority"), self.tr("Checked")])
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.pending = label("", "muted")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pending, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        command_row = QHBoxLayout()
        command_row.addWidget(self.command, 1)
        command_row.addWidget(copy)
        layout.addLayout(command_row)
        layout.addWidget(after)
        layout.addLayout(steps)
        layout.addWidget(self.ca_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        set_default_button(self, close)
        self.reload()
        resize_within_screen(self, 760, 480)

    def reload(self) -> None:
        self.table.clear()
        for stamp in self.archive.timestamps.list():
            checked = (self.tr("verified against an authority you trust")
                       if stamp.chain_status == tsp.VERIFIED
                       else self.tr("not yet checked against a trusted authority"))
            row = QTreeWidgetItem([str(stamp.tree_size), moment_text(stamp.gen_time),
                                   stamp.authority, checked])
            row.setToolTip(1, moment_tooltip(stamp.gen_time))
            row.setToolTip(2, stamp.authority)
            self.table.addTopLevelItem(row)
        pending = self.archive.timestamps.pending_requests()
        self.pending.setText(self.tr("%n request(s) not yet answered.", "", pending)
                             if pending else "")

    def _show(self, html: str, error: bool = False) -> None:
        self.notice.setText(html)
        self.notice.setProperty("role", "error" if error else "")
        self.notice.show()

    def make_request(self, out: Path | None = None) -> None:
        target = out or choose_save_file(self, self.tr("Save the request file"),
                                         Path.home() / "stamp.tsq",
                                         [self.tr("Time-stamp requests (*.tsq)")], "tsq")
        if target is None:
            return
        try:
            made = self.archive.timestamps.request(target)
        except KzError as exc:
            self._show(error_html(exc), error=True)
            return
        self._show(escape(self.tr(
            "Saved {path}: a request over the custody log up to entry {size}. Send it from "
            "a connected computer with the command above.").format(
                path=made.path, size=made.tree_size)))
        self.reload()

    def choose_ca(self, path: Path | None = None) -> None:
        chosen = path or choose_open_file(self, self.tr("The authority's CA certificate"),
                                          Path.home(), [self.tr("Certificates (*.pem *.crt)")])
        if chosen is None:
            return
        try:
            verified = self.archive.timestamps.check(chosen)
        except KzError as exc:
            self._show(error_html(exc), error=True)
            return
        self.ca_path = chosen
        self.ca_label.setText(self.tr("Replies are checked against {path}.").format(
            path=chosen.name))
        if verified:
            self._show(escape(self.tr("%n time-stamp(s) kept earlier now verified with this "
                                      "CA certificate.", "", len(verified))))
            self.reload()

    def add_reply(self, reply: Path | None = None) -> None:
        chosen = reply or choose_open_file(self, self.tr("The authority's reply"), Path.home(),
                                           [self.tr("Time-stamp replies (*.tsr)")])
        if chosen is None:
            return
        try:
            stamp = self.archive.timestamps.add(chosen, self.ca_path)
        except KzError as exc:
            self._show(error_html(exc), error=True)
            return
        self._show(escape(self.tr(
            "Kept: the custody log up to entry {size} existed by {time} ({authority}).").format(
                size=stamp.tree_size, time=moment_text(stamp.gen_time),
                authority=stamp.authority)))
        self.reload()
