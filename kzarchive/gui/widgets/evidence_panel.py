"""The items of one incident: the list, attaching, adding texts, opening and verifying.

Files come in by drag and drop or by "Attach files…", both through
``EvidencePanel.attach_paths`` and ``attach.attach_task``.  Everything that reads
or writes content runs in the vault's background runner, one task at a time; the
list itself is a small query.
"""

from __future__ import annotations

import time
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzarchive.crypto import tsp
from kzarchive.errors import Cancelled, KzError
from kzarchive.gui import labels
from kzarchive.gui.attach import AttachOutcome, FileDropTarget, FileStep, Landed, attach_task
from kzarchive.gui.audio_capture import InputChoice
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.file_dialogs import choose_open_files
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.dialogs.record_testimony import RecordTestimonyDialog
from kzarchive.gui.dialogs.text_entry_dialog import TextEntry, TextEntryDialog
from kzarchive.gui.formatting import data_size, moment_text, moment_tooltip
from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.workers import Task
from kzarchive.resources import resource_path
from kzarchive.service.models import Item
from kzarchive.service.timestamps import Stamp

ID_ROLE = Qt.ItemDataRole.UserRole
ModelIndex = QModelIndex | QPersistentModelIndex


@cache
def kind_icon(kind: str) -> QIcon:
    """The small picture of an item kind; the style's file icon if the SVG cannot be drawn."""
    path = resource_path("icons", f"kind-{kind}.svg")
    if not path.is_file():
        path = resource_path("icons", "kind-other.svg")
    icon = QIcon(str(path))
    if icon.pixmap(16, 16).isNull():  # no SVG image plugin
        style = QApplication.style()
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    return icon


class EvidenceModel(QAbstractTableModel):
    NAME, KIND, SIZE, HASH, CAPTURED, TRUSTED = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._stamps: dict[str, Stamp] = {}

    def set_items(self, items: list[Item], stamps: dict[str, Stamp] | None = None) -> None:
        """``stamps``: per item id, the earliest time-stamp covering its intake."""
        self.beginResetModel()
        self._items = list(items)
        self._stamps = dict(stamps or {})
        self.endResetModel()

    def add_items(self, items: list[Item]) -> None:
        """Items stored since the list was read, at its end."""
        known = {item.id for item in self._items}
        new = [item for item in items if item.id not in known]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._items),
                                 len(self._items) + len(new) - 1)
            self._items.extend(new)
            self.endInsertRows()

    def item_at(self, row: int) -> Item:
        return self._items[row]

    def row_of(self, item_id: str) -> int:
        return next((i for i, item in enumerate(self._items) if item.id == item_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Name"), self.tr("Kind"), self.tr("Size"), self.tr("SHA-256"),
                    self.tr("Captured"), self.tr("Trusted time")][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._items[index.row()], index.column()
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return kind_icon(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.HASH:
                return item.sha256
            if column == self.NAME:
                return f"{item.name}\n{item.mime}"
            if column == self.CAPTURED:
                return moment_tooltip(item.captured_at)
            if column == self.TRUSTED:
                return self._trusted_tooltip(item)
            return self._text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: Item, column: int) -> str:
        if column == self.NAME:
            return item.name
        if column == self.KIND:
            return labels.item_kind(item.kind)
        if column == self.SIZE:
            return data_size(item.size)
        if column == self.HASH:
            return item.short_hash
        if column == self.TRUSTED:
            stamp = self._stamps.get(item.id)
            return moment_text(stamp.gen_time) if stamp else "—"
        return moment_text(item.captured_at)

    def _trusted_tooltip(self, item: Item) -> str:
        stamp = self._stamps.get(item.id)
        if stamp is None:
            return self.tr("Not yet time-stamped: make a request in Vault → Trusted time.")
        checked = (self.tr("verified against an authority you trust")
                   if stamp.chain_status == tsp.VERIFIED
                   else self.tr("not yet checked against a trusted authority"))
        return self.tr("Existed by {time}, time-stamped by {authority} ({checked}).").format(
            time=moment_tooltip(stamp.gen_time), authority=stamp.authority, checked=checked)


class EvidencePanel(QWidget):
    """Emits ``changed`` after items were added, so the list and the custody tab refresh."""

    changed = Signal()
    #: A batch stored some of its items (``attach.Landed``); it goes on.
    items_landed = Signal(object)

    def __init__(self, context: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.archive = context.archive
        self.runner = context.vault_tasks
        self.incident_id: str | None = None
        self.text_dialog: TextEntryDialog | None = None
        self.message_box: QMessageBox | None = None
        self.viewers: list[QWidget] = []
        self._running: Task | None = None
        self._verifying: Item | None = None

        self.model = EvidenceModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Column widths: columns.ColumnFitter, set up by the main window.
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.testimony_button = QPushButton(self.tr("Add testimony…"))
        self.testimony_button.clicked.connect(lambda: self.add_text("testimony"))
        self.record_button = QPushButton(self.tr("Record…"))
        self.record_button.setToolTip(self.tr("Record a testimony from a microphone"))
        self.record_button.clicked.connect(self.record_testimony)
        self.record_dialog: RecordTestimonyDialog | None = None
        self.source_button = QPushButton(self.tr("Add source text…"))
        self.source_button.clicked.connect(lambda: self.add_text("source-text"))
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.verify_action = QAction(self.tr("Verify"), self)
        self.verify_action.triggered.connect(self.verify_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.open_action, self.verify_action])
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr(
            "Read the item and compare it with the SHA-256 recorded when it was collected"))
        self.verify_button.clicked.connect(self.verify_selected)

        self.busy = BusyIndicator()
        self.notice = label("")
        self.notice.hide()
        self.add_anyway_button = QPushButton(self.tr("Add them anyway"))
        self.add_anyway_button.setToolTip(self.tr(
            "Add the skipped files as new items although the incident already holds "
            "the same bytes"))
        self.add_anyway_button.clicked.connect(self._add_skipped_anyway)
        self.add_anyway_button.hide()
        self._skipped: list[Path] = []
        self._intake_start = 0.0
        hint = label(self.tr("Drop files or folders here to attach them."), "muted")

        add_row = QHBoxLayout()
        for button in (self.attach_button, self.testimony_button, self.record_button,
                       self.source_button):
            add_row.addWidget(button)
        add_row.addStretch(1)
        item_row = QHBoxLayout()
        item_row.addWidget(hint, 1)
        item_row.addWidget(self.open_button)
        item_row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(item_row)
        layout.addWidget(self.busy)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.add_anyway_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notice_row)
        self.drop_target = FileDropTarget(self, self.attach_paths, self.can_attach)
        self._update_buttons()

    # -- the list -------------------------------------------------------------------

    def set_incident(self, incident_id: str | None) -> None:
        if incident_id != self.incident_id:
            self._hide_notice()
        self.incident_id = incident_id
        self.reload()

    def reload(self) -> None:
        selected = self.selected_item()
        items = self.archive.list_items(self.incident_id) if self.incident_id else []
        stamps = (self.archive.timestamps.trusted_times(self.incident_id)
                  if self.incident_id else {})
        self.model.set_items(items, stamps)
        if selected is not None:
            self.select_item(selected.id)
        self._update_buttons()

    def selected_item(self) -> Item | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select_item(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def can_attach(self) -> bool:
        return self.incident_id is not None and self._running is None

    def _update_buttons(self) -> None:
        has_item = self.selected_item() is not None
        for widget in (self.open_action, self.verify_action, self.open_button,
                       self.verify_button):
            widget.setEnabled(has_item and self._running is None)
        for button in (self.attach_button, self.testimony_button, self.record_button,
                       self.source_button):
            button.setEnabled(self.can_attach())

    def _alive(self) -> bool:
        return self.archive.is_open  # a result that arrives after locking is dropped

    def _show_notice(self, text: str, error: bool = False) -> None:
        set_role(self.notice, "error" if error else "")
        self.notice.style().polish(self.notice)
        self.notice.setText(text)
        self.notice.show()

    def _start(self, task: Task, text: str, cancellable: bool = False) -> None:
        """Run one task at a time; every signal is connected before the task can finish."""
        self._running = task
        task.signals.finished.connect(self._ended)
        self.busy.start(text, task, cancellable)
        self._update_buttons()
        self.runner.start(task)

    def _ended(self, task: Task) -> None:
        if task is self._running:
            self._running = None
            self._update_buttons()

    # -- attaching files ---------------------------------------------------------------

    def choose_and_attach(self) -> None:
        paths = choose_open_files(self, self.tr("Attach files to the incident"))
        if paths:
            self.attach_paths(paths)

    def attach_paths(self, paths: list[Path], allow_duplicate: bool = False) -> None:
        """Attach files and folders (drag and drop and the chooser both come here)."""
        if not self.can_attach() or self.incident_id is None:
            return
        self._hide_notice()
        task = attach_task(self.archive, self.incident_id, paths, allow_duplicate)
        task.signals.succeeded.connect(self._attached)
        task.signals.failed.connect(self._task_failed)
        task.signals.landed.connect(self._landed)
        task.signals.step.connect(self._step)
        self._intake_start = time.monotonic()
        self._start(task, self.tr("Attaching files…"), cancellable=True)

    def _landed(self, landed: Landed) -> None:
        if not self._alive() or landed.incident_id != self.incident_id:
            return
        self.model.add_items(landed.items)
        self.items_landed.emit(landed)

    def _step(self, step: FileStep) -> None:
        if self.busy.cancel_button.isEnabled():  # not once "Stopping…" is shown
            self.busy.text.setText(self.step_text(step))

    def step_text(self, step: FileStep) -> str:
        """``File 3 of 40: IMG_0003.jpg — 48 MB of 400 MB, about 20 seconds left``."""
        text = self.tr("File {number} of {count}: {name}").format(
            number=step.index + 1, count=step.count, name=step.name)
        if step.overall_total:
            text += " — " + self.tr("{done} of {total}").format(
                done=data_size(step.overall_done), total=data_size(step.overall_total))
        elapsed = time.monotonic() - self._intake_start
        if step.overall_done and step.overall_total and elapsed >= 2:
            left = elapsed * (step.overall_total - step.overall_done) / step.overall_done
            text += ", " + (self.tr("about %n second(s) left", "", max(1, round(left)))
                            if left < 90 else
                            self.tr("about %n minute(s) left", "", round(left / 60)))
        return text

    def _attached(self, outcome: AttachOutcome) -> None:
        if not self._alive():
            return
        lines = [self.tr("Attached: {n} of %n file(s).", "", outcome.found).format(
            n=len(outcome.attached))]
        if outcome.skipped:
            names = ", ".join(path.name for path in outcome.skipped[:5])
            lines.append(self.tr(
                "Already in this incident, not added again: %n file(s) ({names}).", "",
                len(outcome.skipped)).format(names=names + (", …" if len(outcome.skipped) > 5
                                                            else "")))
        if outcome.linked:
            lines.append(self.tr(
                "%n file(s) were already held in other incidents: stored once, and linked "
                "to this incident too.", "", len(outcome.linked)))
        for name, exc in outcome.failed:
            message, hint = error_text(exc)
            lines.append(self.tr("Not attached: {name}. {message} {hint}").format(
                name=name, message=message, hint=hint).strip())
        if outcome.stopped_by is not None:
            message, hint = error_text(outcome.stopped_by)
            stopped = (self.tr("Stopped; the remaining files were not attached.")
                       if isinstance(outcome.stopped_by, Cancelled) else f"{message} {hint}")
            lines.append(stopped.strip())
        problems = bool(outcome.failed) or outcome.stopped_by is not None
        self._show_notice("<br>".join(escape(line) for line in lines), error=problems)
        self._skipped = list(outcome.skipped)
        self.add_anyway_button.setVisible(bool(self._skipped))
        self._after_change(outcome.attached[-1].id if outcome.attached else None)

    def _add_skipped_anyway(self) -> None:
        skipped, self._skipped = self._skipped, []
        if skipped:
            self.attach_paths(skipped, allow_duplicate=True)

    def _hide_notice(self) -> None:
        self.notice.hide()
        self.add_anyway_button.hide()
        self._skipped = []

    def _after_change(self, item_id: str | None) -> None:
        self.reload()
        if item_id is not None:
            self.select_item(item_id)
        self.changed.emit()

    def _task_failed(self, exc: KzError) -> None:
        if self._alive():
            message, hint = error_text(exc)
            self._show_notice(escape(f"{message} {hint}".strip()), error=True)

    # -- texts ------------------------------------------------------------------------

    def add_text(self, kind: str) -> None:
        if not self.can_attach() or self.incident_id is None:
            return
        people = [person.pseudonym for person in self.archive.list_people(self.incident_id)]
        dialog = TextEntryDialog(kind, people, self)
        dialog.accepted.connect(lambda: self._store_text(dialog.entry()))
        dialog.finished.connect(dialog.deleteLater)
        self.text_dialog = dialog
        dialog.open()

    def _store_text(self, entry: TextEntry) -> None:
        incident_id, archive = self.incident_id, self.archive
        if incident_id is None or not self._alive():
            return
        task = Task(lambda progress, cancel: archive.add_text(
            incident_id, entry.text, kind=entry.kind, witness=entry.witness,
            language=entry.language, note=entry.note, name=entry.name, source=entry.source))
        task.signals.succeeded.connect(self._text_added)
        task.signals.failed.connect(self._task_failed)
        self._start(task, self.tr("Storing the text…"))

    def _text_added(self, item: Item) -> None:
        if self._alive():
            self._show_notice(escape(self.tr("Added: {name}").format(name=item.name)))
            self._after_change(item.id)

    def record_testimony(self, inputs: list[InputChoice] | None = None) -> None:
        """The recorder; ``inputs`` replaces the system's microphones (tests, screenshots)."""
        if not self.can_attach() or self.incident_id is None:
            return
        dialog = RecordTestimonyDialog(self.context, self.incident_id, self, inputs)
        dialog.item_stored.connect(self._recorded)
        dialog.finished.connect(dialog.deleteLater)
        self.record_dialog = dialog
        dialog.open()

    def _recorded(self, item: Item) -> None:
        if self._alive():
            self._show_notice(escape(self.tr("Added: {name}").format(name=item.name)))
            self._after_change(item.id)

    # -- one item -------------------------------------------------------------------------

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        from kzarchive.gui.viewers import open_viewer  # loaded when first needed

        try:
            viewer = open_viewer(self.context, item.id, self.window())
        except KzError as exc:
            self._task_failed(exc)
            return
        self.viewers.append(viewer)
        added = getattr(viewer, "item_added", None)  # a redacted copy, saved from the viewer
        if added is not None:
            added.connect(self.item_stored)

    def item_stored(self, item: Item) -> None:
        """An item was stored elsewhere (a viewer): show it, and tell the other views."""
        if self._alive():
            self._after_change(item.id if item.incident_id == self.incident_id else None)

    def verify_selected(self) -> None:
        item = self.selected_item()
        if item is None or self._running is not None:
            return
        archive, self._verifying = self.archive, item
        task = Task(lambda progress, cancel: archive.verify_item(item.id))
        # Bound methods, not lambdas: Qt then delivers the results on this thread.
        task.signals.succeeded.connect(self._verified)
        task.signals.failed.connect(self._verify_failed)
        self._start(task, self.tr("Verifying {name}…").format(name=item.name))

    def _verified(self, _result: object) -> None:
        item = self._verifying
        if item is not None and self._alive():
            self._message(QMessageBox.Icon.Information,
                          self.tr("“{name}” is intact.").format(name=item.name),
                          self.tr("Its content matches the SHA-256 recorded when it was "
                                  "collected:\n{sha256}").format(sha256=item.sha256))

    def _verify_failed(self, exc: KzError) -> None:
        item = self._verifying
        if item is not None and self._alive():
            message, hint = error_text(exc)
            self._message(QMessageBox.Icon.Critical,
                          self.tr("“{name}” failed the check.").format(name=item.name),
                          f"{message}\n{hint}".strip())

    def _message(self, icon: QMessageBox.Icon, text: str, details: str) -> None:
        box = QMessageBox(icon, self.tr("Verify item"), text, QMessageBox.StandardButton.Ok,
                          self)
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
