"""The worker adapter: core callbacks and errors become Qt signals on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kzarchive.errors import Cancelled, KzError, WrongPassphrase
from kzarchive.gui.workers import TaskRunner
from kzarchive.util.progress import CancelToken, Progress


def test_progress_and_result_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int]] = []
    threads: list[object] = []
    worker_thread: list[object] = []

    def job(progress: Progress, cancel: CancelToken) -> str:
        worker_thread.append(threading.get_ident())
        for done in range(1, 4):
            progress(done, 3)
        return "done"

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        threads.append(QThread.currentThread())

    results: list[object] = []
    runner.run(job, on_success=results.append, on_progress=on_progress)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["done"]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert worker_thread[0] != threading.get_ident()
    assert all(t is QThread.currentThread() for t in threads)
    qtbot.waitUntil(lambda: not runner.busy)


def test_a_kzerror_is_passed_on_unchanged(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def job(progress: Progress, cancel: CancelToken) -> None:
        raise WrongPassphrase()

    failures: list[KzError] = []
    runner.run(job, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], WrongPassphrase)


def test_an_unexpected_exception_becomes_a_generic_error_without_its_content(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner()

    def job(progress: Progress, cancel: CancelToken) -> None:
        raise ValueError("secret testimony text")

    failures: list[KzError] = []
    runner.run(job, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    error = failures[0]
    assert type(error) is KzError
    assert "secret" not in error.message and "secret" not in caplog.text


def test_cancel_all_stops_a_running_job_through_its_token(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    started = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        started.set()
        while True:
            cancel.check()
            threading.Event().wait(0.005)

    failures: list[KzError] = []
    runner.run(job, on_failure=failures.append)
    assert started.wait(5)
    assert runner.cancel_all(5000)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)
