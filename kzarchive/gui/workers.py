"""Running core operations off the interface thread.

The core reports progress through plain callables and stops when its
``CancelToken`` is cancelled.  ``Task`` is the adapter: it runs one callable in
Qt's thread pool and turns its progress, result and ``KzError`` into Qt signals,
which Qt delivers on the interface thread.  Nothing else in the GUI emits signals
for core work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kzarchive.errors import KzError
from kzarchive.util.progress import CancelToken, Progress

log = logging.getLogger(__name__)

# The callable a Task runs: it receives the progress callback and the cancel token.
Job = Callable[[Progress, CancelToken], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # always a KzError
    finished = Signal(object)  # the Task, after succeeded or failed


class Task(QRunnable):
    """One core operation; connect to ``signals`` before ``TaskRunner.start``."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side owns it; see TaskRunner
        self.job = job
        self.token = CancelToken()
        self.signals = TaskSignals()

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self.job(self._report, self.token)
        except KzError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug, not a user error: never show or log content
            log.error("Unexpected %s in a background task", type(exc).__name__)
            self.signals.failed.emit(KzError())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit(self)

    def _report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)


class TaskRunner(QObject):
    """Starts tasks, keeps them alive while they run, and can stop them all."""

    finished = Signal()  # a task ended (after its own signals)

    def __init__(self, parent: QObject | None = None, max_threads: int = 0) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def start(self, task: Task) -> Task:
        self._running.add(task)
        task.signals.finished.connect(self._forget)
        self._pool.start(task)
        return task

    def run(
        self,
        job: Job,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[KzError], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(job)
        if on_success is not None:
            task.signals.succeeded.connect(on_success)
        if on_failure is not None:
            task.signals.failed.connect(on_failure)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        return self.start(task)

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        self.finished.emit()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self, wait_ms: int = 10_000) -> bool:
        """Cancel every running task and wait for them; True if all stopped."""
        for task in list(self._running):
            task.cancel()
        return self._pool.waitForDone(wait_ms)
