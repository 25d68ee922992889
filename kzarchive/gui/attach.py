"""Attaching files to an incident: the one path that drag and drop and "Attach files…" share.

Folders stand for the files inside them, recursively, without hidden files and
folders (``.DS_Store``, ``.git``, editors' swap files).  The files are attached as
one batch in a background task, with progress per file and over all their bytes;
items are handed to the interface as each group of them is stored.  The core
stores each file whole or not at all, so after a vanished file, a full disk or a
cancel the vault holds exactly the files reported as attached.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from kzarchive.archive import Archive
from kzarchive.errors import Cancelled, KzError
from kzarchive.gui.workers import Task, TaskSignals
from kzarchive.service.intake import IntakeFile
from kzarchive.service.models import Item
from kzarchive.util.progress import CancelToken, Progress

# Seconds between two "which file" updates sent to the interface thread.
STEP_INTERVAL = 0.1
PROGRESS_STEPS = 10_000


@dataclass
class AttachOutcome:
    """What happened to each file found: attached, failed (and why), or never tried."""

    found: int = 0
    attached: list[Item] = field(default_factory=list)
    failed: list[tuple[str, KzError]] = field(default_factory=list)  # (file name, error)
    stopped_by: KzError | None = None  # Cancelled or DiskFull: later files were not tried
    # Files whose bytes the incident already held: not added (unless asked again).
    skipped: list[Path] = field(default_factory=list)
    # Names of files whose bytes other incidents held: stored once, linked.
    linked: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FileStep:
    """Where a batch is: the file being stored, and the whole batch's bytes."""

    index: int
    count: int
    name: str
    done: int
    size: int
    overall_done: int
    overall_total: int


def _hidden(name: str) -> bool:
    return name.startswith(".")


def files_to_attach(paths: Iterable[Path], cancel: CancelToken | None = None) -> list[Path]:
    """The given files, and the files inside the given folders; each once, in order."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)  # a missing one is reported when it is attached
            continue
        for folder, subfolders, names in os.walk(path):
            if cancel is not None:
                cancel.check()
            subfolders[:] = sorted(d for d in subfolders if not _hidden(d))
            found.extend(Path(folder, name) for name in sorted(names) if not _hidden(name))
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.absolute(), None)
    return list(unique)


def attach_all(
    archive: Archive, incident_id: str, paths: Iterable[Path],
    progress: Progress | None = None, cancel: CancelToken | None = None,
    allow_duplicate: bool = False, on_step: Callable[[FileStep], None] | None = None,
    on_landed: Callable[[list[Item]], None] | None = None,
) -> AttachOutcome:
    """Attach every file of ``paths`` to the incident as one batch (``service.intake``).

    ``on_landed`` gets each group of items as soon as it is stored, so that lists fill
    in while the batch runs; ``on_step`` says which file is being stored.
    """
    outcome = AttachOutcome()
    try:
        files = files_to_attach(paths, cancel)
    except Cancelled as exc:
        outcome.stopped_by = exc
        return outcome
    outcome.found = len(files)
    overall = [0, 0]

    def report(done: int, total: int) -> None:
        overall[:] = [done, total]
        if progress is not None:
            progress(done, total)

    def step(index: int, path: Path, done: int, size: int) -> None:
        if on_step is not None:
            on_step(FileStep(index, len(files), path.name, done, size, *overall))

    def landed(entries: list[IntakeFile]) -> None:
        if on_landed is not None:
            on_landed([entry.item for entry in entries if entry.item is not None])

    result = archive.attach_files(incident_id, files, progress=report, cancel=cancel,
                                  allow_duplicate=allow_duplicate, file_progress=step,
                                  on_landed=landed)
    outcome.attached = result.added
    outcome.failed = [(entry.path.name, entry.error) for entry in result.failed
                      if entry.error is not None]
    outcome.stopped_by = result.stopped_by
    outcome.skipped = [entry.path for entry in result.skipped]
    outcome.linked = [entry.path.name for entry in result.linked]
    return outcome


@dataclass(frozen=True)
class Landed:
    """Items just stored (their pictures' thumbnails are made after, ``gui/pictures.py``)."""

    incident_id: str
    items: list[Item]


class AttachSignals(TaskSignals):
    landed = Signal(object)  # Landed, as each group is stored
    step = Signal(object)  # FileStep


class AttachTask(Task):
    """``attach_all`` in the background: items and per-file steps as Qt signals."""

    def __init__(self, archive: Archive, incident_id: str, paths: list[Path],
                 allow_duplicate: bool = False) -> None:
        super().__init__(lambda progress, cancel: attach_all(
            archive, incident_id, paths, progress, cancel, allow_duplicate,
            on_step=self._step, on_landed=self._landed))
        self.signals: AttachSignals = AttachSignals()
        self._archive = archive
        self._incident_id = incident_id
        self._last_step = 0.0

    def _report(self, done: int, total: int) -> None:
        # A camera roll easily passes 2 GiB, more than a Qt int signal carries: the bar
        # gets parts of ten thousand instead of bytes.
        if total > 0:
            self.signals.progress.emit(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total),
                                       PROGRESS_STEPS)
        else:
            self.signals.progress.emit(0, 0)

    def _step(self, step: FileStep) -> None:
        # A thousand small files must not flood the interface thread with events.
        now = time.monotonic()
        if now - self._last_step >= STEP_INTERVAL or step.done == 0:
            self._last_step = now
            self.signals.step.emit(step)

    def _landed(self, items: list[Item]) -> None:
        self.signals.landed.emit(Landed(self._incident_id, items))


def attach_task(archive: Archive, incident_id: str, paths: list[Path],
                allow_duplicate: bool = False) -> AttachTask:
    """``attach_all`` as a background task, not yet started (connect to it first)."""
    return AttachTask(archive, incident_id, paths, allow_duplicate)


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries (links to web pages are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDropTarget(QObject):
    """Makes a widget take dropped files and folders and hand them to ``on_paths``.

    An event filter rather than a subclass, so the detail panel and the evidence
    list accept drops the same way.
    """

    def __init__(self, widget: QWidget, on_paths: Callable[[list[Path]], None],
                 enabled: Callable[[], bool] = lambda: True) -> None:
        super().__init__(widget)
        self._on_paths = on_paths
        self._enabled = enabled
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if self._enabled() and local_paths(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = local_paths(event.mimeData())
            if not (self._enabled() and paths):
                event.ignore()
                return True
            event.acceptProposedAction()
            self._on_paths(paths)
            return True
        return super().eventFilter(watched, event)
