"""Windows get the open vault explicitly: its work runs where locking stops it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.context import ControllerVaultContext
from kzarchive.gui.controller import AppController
from kzarchive.gui.viewers import PhotoViewer, open_viewer
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.redaction import RedactionWindow
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.viewer_helpers import photo_bytes, store, top_level


def test_the_app_context_is_the_controllers_runner_and_current_settings(
        controller: AppController, vault: tuple[Path, str]) -> None:
    with Archive.open(vault[0], PASSPHRASE) as archive:
        context = ControllerVaultContext(controller, archive)
        assert context.archive is archive
        assert context.vault_tasks is controller.vault_tasks
        controller.set_auto_lock_minutes(7)  # replaces the controller's settings object
        assert context.config is controller.config
        assert context.config.auto_lock_minutes == 7


def test_every_panel_and_window_of_an_open_vault_works_on_the_vault_runner(
        qtbot: QtBot, controller: AppController, vault: tuple[Path, str]) -> None:
    with Archive.open(vault[0], PASSPHRASE) as setup:
        photo = store(setup, photo_bytes("JPEG"), "площадь.jpg")
    controller.vault_opened(Archive.open(vault[0], PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    runner = controller.vault_tasks
    assert window.detail.evidence.runner is runner
    assert window.detail.gallery.runner is runner

    viewer = open_viewer(window.context, photo.id, window)
    assert isinstance(viewer, PhotoViewer)
    assert viewer.runner is runner and viewer.hash_row.runner is runner
    qtbot.waitUntil(lambda: viewer.image is not None, timeout=5000)
    viewer.open_redaction()
    redaction = viewer.redaction
    assert isinstance(redaction, RedactionWindow)
    assert redaction.runner is runner
    assert top_level(PhotoViewer) and top_level(RedactionWindow)

    controller.lock()
    qtbot.waitUntil(lambda: not top_level(PhotoViewer) and not top_level(RedactionWindow),
                    timeout=3000)
