"""A camera roll dropped on an incident: the app stays responsive, items land as they are
stored, progress names the file and the time left, cancel keeps what was stored, and
bytes already held are named, with a way to add them anyway."""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui import pictures as gui_pictures
from kzarchive.gui.attach import PROGRESS_STEPS, AttachTask, FileStep
from kzarchive.gui.controller import AppController
from kzarchive.service import intake
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.test_evidence_workflow import PHOTO, open_incident, shown_rows, wait_idle
from tests.media.media_helpers import jpeg

PHOTOS = 400


def camera_roll(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"IMG_{number:04d}.jpg").write_bytes(jpeg(48 + number % 97, 36 + number // 97))
    return folder


def test_a_large_batch_fills_the_list_and_gallery_as_it_goes_and_cancel_keeps_them(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(intake, "GROUP_ITEMS", 8)
    roll = camera_roll(tmp_path / "DCIM", PHOTOS)
    window, panel = open_incident(controller, qtbot, vault[0])
    gallery = window.detail.gallery
    archive = controller.archive
    assert archive is not None
    # The interface thread's longest stall while the batch runs.
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)

    panel.attach_paths([roll])
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 24, timeout=30_000)
    # Items are listed while the batch still runs, in the list and in the gallery.
    assert not panel.can_attach() and panel.busy.isVisible()
    qtbot.waitUntil(lambda: gallery.model.rowCount() >= 8)
    first = gallery.model.items[0].id
    # Thumbnails wait until the vault's worker is idle: intake is not slowed by them.
    assert not gallery.model.has_thumbnail_shown(first)
    assert panel.busy.text.text().startswith("File ")
    assert f" of {PHOTOS}: IMG_" in panel.busy.text.text()

    panel.busy.cancel_button.click()
    wait_idle(panel, qtbot)
    timer.stop()
    stored = archive.list_items(str(window.detail.incident_id))
    assert 24 <= len(stored) < PHOTOS
    assert sorted(row[0] for row in shown_rows(panel)) == sorted(item.name for item in stored)
    assert gallery.model.rowCount() == len(stored)
    assert f"Attached: {len(stored)} of {PHOTOS} files." in panel.notice.text()
    assert "Stopped; the remaining files were not attached." in panel.notice.text()
    assert archive.verify().ok
    # Then they are made in the background, and shown as they come.
    qtbot.waitUntil(lambda: archive.pictures.waiting() == 0, timeout=60_000)
    qtbot.waitUntil(lambda: all(gallery.model.has_thumbnail_shown(item.id)
                                for item in gallery.model.items))
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert gaps and max(gaps) < 1.5, f"the interface stalled for {max(gaps):.2f} s"


def test_progress_names_the_file_and_the_time_left(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    mib = 1024 * 1024
    panel._intake_start = time.monotonic() - 10  # ten seconds in, a quarter done
    text = panel.step_text(FileStep(2, 40, "IMG_0003.jpg", mib, 5 * mib, 100 * mib, 400 * mib))
    assert text.startswith("File 3 of 40: IMG_0003.jpg — 100")
    assert text.endswith("about 30 seconds left")
    panel._intake_start = time.monotonic() - 100
    text = panel.step_text(FileStep(2, 40, "IMG_0003.jpg", mib, 5 * mib, 100 * mib, 400 * mib))
    assert text.endswith("about 5 minutes left")


def test_bytes_already_in_the_incident_are_named_and_can_be_added_anyway(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path,
) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    copy = tmp_path / "same-photo-again.jpg"
    shutil.copy(PHOTO, copy)
    panel.attach_paths([PHOTO])
    wait_idle(panel, qtbot)
    assert not panel.add_anyway_button.isVisible()

    panel.attach_paths([copy])
    wait_idle(panel, qtbot)
    assert panel.model.rowCount() == 1
    assert ("Already in this incident, not added again: 1 file (same-photo-again.jpg)."
            in panel.notice.text())
    assert panel.add_anyway_button.isVisible()

    panel.add_anyway_button.click()
    wait_idle(panel, qtbot)
    assert panel.model.rowCount() == 2
    assert not panel.add_anyway_button.isVisible()
    assert "Attached: 1 of 1 file." in panel.notice.text()


def test_bytes_held_by_another_incident_are_linked_and_the_person_is_told(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    archive = controller.archive
    assert archive is not None
    other = archive.add_incident("Another incident")
    archive.attach_file(other, PHOTO)
    panel.attach_paths([PHOTO])
    wait_idle(panel, qtbot)
    assert panel.model.rowCount() == 1
    assert ("1 file was already held in other incidents: stored once, and linked to this "
            "incident too." in panel.notice.text())


def test_the_progress_of_a_batch_larger_than_2_gib_stays_within_the_bar(
    qtbot: QtBot, archive: Archive,
) -> None:
    # Qt's int signals carry 32 bits: a batch's bytes would wrap around.
    task = AttachTask(archive, archive.add_incident("Large roll"), [])
    seen: list[tuple[int, int]] = []
    task.signals.progress.connect(lambda done, total: seen.append((done, total)))
    gib = 1024 ** 3
    task._report(3 * gib, 6 * gib)
    task._report(6 * gib, 6 * gib)
    assert seen == [(PROGRESS_STEPS // 2, PROGRESS_STEPS), (PROGRESS_STEPS, PROGRESS_STEPS)]


def test_locking_stops_the_background_thumbnails_and_the_next_unlock_makes_the_rest(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui_pictures, "SLICE", 2)
    window, _panel = open_incident(controller, qtbot, vault[0])
    archive = controller.archive
    assert archive is not None and controller.pictures is not None
    roll = sorted(camera_roll(tmp_path / "DCIM", 40).iterdir())
    archive.attach_files(str(window.detail.incident_id), roll)
    controller.pictures.kick()
    qtbot.waitUntil(lambda: archive.pictures.waiting() <= 38, timeout=30_000)
    controller.lock()  # waits for the slice under way, then drops the keys
    assert controller.pictures is None and controller.archive is None
    with Archive.open(vault[0], PASSPHRASE) as reopened:
        left = reopened.pictures.waiting()
        assert 0 < left <= 38
        assert len(reopened.pictures.make()) == left
        assert reopened.verify().ok


def test_pictures_stored_while_a_slice_runs_are_made_after_it(
    qtbot: QtBot, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kzarchive.gui.pictures import PictureMaker
    from kzarchive.gui.workers import TaskRunner

    vault_tasks = TaskRunner()
    maker = PictureMaker(archive, vault_tasks)
    make = archive.pictures.make
    release = threading.Event()
    first: list[bool] = []

    def slow_first_slice(*args: Any, **kwargs: Any) -> list[str]:
        done = make(*args, **kwargs)
        if not first:
            first.append(True)
            release.wait(10)  # looked at the queue before the photos below landed
        return done

    monkeypatch.setattr(archive.pictures, "make", slow_first_slice)
    maker.kick()
    qtbot.waitUntil(lambda: bool(first))
    incident = archive.add_incident("Landed during a slice")
    added = archive.attach_files(incident, sorted(camera_roll(tmp_path / "DCIM", 3).iterdir()))
    maker.kick()  # while the first slice still runs
    with qtbot.waitSignal(maker.made, timeout=10_000) as made:
        release.set()
    assert made.args == [[item.id for item in added.added]]
    assert archive.pictures.waiting() == 0
    assert maker.stop()
