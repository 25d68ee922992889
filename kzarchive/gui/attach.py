"""Attaching files to an incident: the one path that drag and drop and "Attach files…" share.

Folders stand for the files inside them, recursively, without hidden files and
folders (``.DS_Store``, ``.git``, editors' swap files).  The files are attached one
by one in a background task with a single progress bar over all their bytes.  The
core stores each file whole or not at all, so after a vanished file, a full disk
or a cancel the vault holds exactly the files reported as attached.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, Cancelled, DiskFull, KzError, VaultLocked
from kzarchive.gui.workers import Task
from kzarchive.service.models import Item
from kzarchive.util.progress import CancelToken, Progress

# Errors after which attaching the remaining files makes no sense.
_STOPPING = (Cancelled, DiskFull, VaultLocked)


@dataclass
class AttachOutcome:
    """What happened to each file found: attached, failed (and why), or never tried."""

    found: int = 0
    attached: list[Item] = field(default_factory=list)
    failed: list[tuple[str, KzError]] = field(default_factory=list)  # (file name, error)
    stopped_by: KzError | None = None  # Cancelled or DiskFull: later files were not tried


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def attach_all(
    archive: Archive, incident_id: str, paths: Iterable[Path],
    progress: Progress | None = None, cancel: CancelToken | None = None,
) -> AttachOutcome:
    """Attach every file of ``paths`` to the incident; one progress over all bytes."""
    outcome = AttachOutcome()
    try:
        files = files_to_attach(paths, cancel)
    except Cancelled as exc:
        outcome.stopped_by = exc
        return outcome
    outcome.found = len(files)
    sizes = [_size(path) for path in files]
    total, before = sum(sizes), 0

    def report(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(before + done, total), total)

    for path, size in zip(files, sizes, strict=True):
        try:
            if cancel is not None:
                cancel.check()
            outcome.attached.append(archive.attach_file(
                incident_id, path, progress=report, cancel=cancel))
        except _STOPPING as exc:
            outcome.stopped_by = exc
            break
        except KzError as exc:
            outcome.failed.append((path.name, exc))
        except OSError as exc:  # a read error of the drive the file is on
            outcome.failed.append((path.name, BadInput(
                f"The file could not be read ({exc.strerror}).",
                hint="Check the drive, then attach the file again. Nothing was stored.")))
        before += size
        report(0, total)
    return outcome


def attach_task(archive: Archive, incident_id: str, paths: list[Path]) -> Task:
    """``attach_all`` as a background task, not yet started (connect to it first)."""
    return Task(lambda progress, cancel: attach_all(archive, incident_id, paths, progress, cancel))


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
