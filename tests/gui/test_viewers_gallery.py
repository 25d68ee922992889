"""The Gallery tab: thumbnails loaded in the background; double-click opens the viewer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.context import FixedVaultContext
from kzarchive.gui.controller import AppController
from kzarchive.gui.viewers import MediaViewer, PhotoViewer, ViewerWindow
from kzarchive.gui.widgets.gallery import ITEM_ID_ROLE, GalleryView
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.redaction import RedactionWindow
from kzarchive.gui.windows.unlock import UnlockWindow
from kzarchive.gui.workers import TaskRunner
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.viewer_helpers import incident_of, open_archive, photo_bytes, store

CLIP = (Path(__file__).resolve().parent / "media" / "clip.mp4").read_bytes()


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


@pytest.fixture()
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    """The vault's runner, drained before the vault closes (as locking does)."""
    tasks = TaskRunner(max_threads=1)
    yield tasks
    tasks.cancel_all()
    qapp.processEvents()


def _gallery(qtbot: QtBot, archive: Archive, runner: TaskRunner) -> GalleryView:
    archive.pictures.make()  # as the app does in the background after intake
    gallery = GalleryView(FixedVaultContext(archive, runner))
    qtbot.addWidget(gallery)
    gallery.resize(800, 600)
    gallery.show()
    qtbot.waitExposed(gallery)
    return gallery


def _viewers() -> list[ViewerWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ViewerWindow) and w.isVisible()]


def _double_click(gallery: GalleryView, row: int) -> None:
    index = gallery.model.index(row)
    centre = gallery.list.visualRect(index).center()
    # As a mouse does it: a click, then the second press that makes it a double-click.
    QTest.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(gallery.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, centre)


def test_photos_and_videos_show_as_thumbnails_and_open_on_double_click(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    first = store(archive, photo_bytes("JPEG"), "first.jpg")
    archive.add_text(incident_of(archive), "Показания: не картинка")
    second = store(archive, photo_bytes("PNG", gps=False), "second.png")
    video = store(archive, CLIP, "clip.mp4")
    gallery = _gallery(qtbot, archive, runner)
    with qtbot.waitSignal(gallery.count_changed) as counted:
        gallery.set_incident(incident_of(archive))
    assert counted.args == [3]
    rows = {gallery.model.data(gallery.model.index(row), ITEM_ID_ROLE): row for row in range(3)}
    assert set(rows) == {first.id, second.id, video.id}
    assert gallery.model.data(gallery.model.index(rows[second.id])) == "second.png"
    qtbot.waitUntil(lambda: gallery.model.has_thumbnail_shown(first.id)
                    and gallery.model.has_thumbnail_shown(second.id), timeout=5000)
    assert not gallery.model.has_thumbnail_shown(video.id)  # a placeholder icon instead
    _double_click(gallery, rows[second.id])
    qtbot.waitUntil(lambda: len(_viewers()) == 1, timeout=3000)
    viewer = _viewers()[0]
    assert isinstance(viewer, PhotoViewer) and viewer.item.id == second.id
    viewer.close()

    gallery.list.setCurrentIndex(gallery.model.index(rows[video.id]))
    QTest.keyClick(gallery.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_viewers()) == 1, timeout=3000)
    player = _viewers()[0]
    assert isinstance(player, MediaViewer) and player.item.id == video.id
    player.close()


def test_an_incident_without_pictures_says_so(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    archive.add_text(incident_of(archive), "Только текст")
    gallery = _gallery(qtbot, archive, runner)
    gallery.set_incident(incident_of(archive))
    assert gallery.currentIndex() == GalleryView.EMPTY
    assert gallery.empty_label.isVisible()


def test_thumbnails_of_a_previous_incident_never_land_in_the_next(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    store(archive, photo_bytes("JPEG"), "old.jpg")
    other = archive.add_incident("Другой инцидент")
    newer = archive.store_content(other, io.BytesIO(photo_bytes("PNG")),
                                  name="new.png")
    gallery = _gallery(qtbot, archive, runner)
    gallery.set_incident(incident_of(archive))
    gallery.set_incident(other)  # before the first incident's thumbnails arrived
    qtbot.waitUntil(lambda: gallery.model.has_thumbnail_shown(newer.id), timeout=5000)
    qtbot.wait(50)
    shown = [gallery.model.data(gallery.model.index(r), ITEM_ID_ROLE)
             for r in range(gallery.model.rowCount())]
    assert shown == [newer.id]


def test_a_redacted_copy_appears_in_the_gallery(
        qtbot: QtBot, archive: Archive, runner: TaskRunner) -> None:
    store(archive, photo_bytes("PNG"), "faces.png")
    gallery = _gallery(qtbot, archive, runner)
    gallery.set_incident(incident_of(archive))
    _double_click(gallery, 0)
    qtbot.waitUntil(lambda: len(_viewers()) == 1, timeout=3000)
    viewer = _viewers()[0]
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitUntil(viewer.redact_action.isEnabled, timeout=5000)
    viewer.redact_action.trigger()
    window = cast(RedactionWindow | None, viewer.redaction)
    assert window is not None
    window.canvas.add_box(window.canvas.sceneRect().adjusted(10, 10, -60, -40))
    with qtbot.waitSignal(gallery.count_changed, timeout=5000) as counted:
        window.save_button.click()
    assert counted.args == [2]
    viewer.close()


def test_in_the_app_the_gallery_tab_opens_viewers_and_locking_closes_them(
        qtbot: QtBot, controller: AppController, vault: tuple[Path, str]) -> None:
    with Archive.open(vault[0], PASSPHRASE) as setup:
        photo = store(setup, photo_bytes("JPEG"), "площадь.jpg")
    controller.vault_opened(Archive.open(vault[0], PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)
    window.table.selectRow(0)
    detail = window.detail
    gallery = detail.gallery
    detail.tabs.setCurrentWidget(gallery)
    assert detail.tabs.tabText(detail.tabs.indexOf(gallery)) == "Gallery (1)"
    qtbot.waitUntil(lambda: gallery.model.has_thumbnail_shown(photo.id), timeout=5000)

    _double_click(gallery, 0)
    qtbot.waitUntil(lambda: len(_viewers()) == 1, timeout=3000)
    viewer = _viewers()[0]
    assert isinstance(viewer, PhotoViewer) and viewer.item.id == photo.id
    assert viewer.runner is controller.vault_tasks
    qtbot.waitUntil(lambda: viewer.image is not None, timeout=5000)
    assert viewer.info.location_warning is not None

    controller.lock()
    qtbot.waitUntil(lambda: not _viewers(), timeout=3000)
    assert isinstance(controller.screen, UnlockWindow)
