"""Helpers for the partner, export/import and settings tests: vaults and file choosers."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.resources import resource_path
from tests.gui.gui_helpers import PASSPHRASE

PHOTO = resource_path("demo", "square.jpg")  # carries EXIF time, camera and GPS
INCIDENT_TITLE = "Detention near the bus station"
PARTNER_NAME = "Legal aid centre"


def answer_file_dialog(path: Path | None) -> list[str]:
    """When Qt's file chooser appears, choose ``path`` (None: cancel); returns its captions."""
    captions: list[str] = []

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, answer)
            return
        dialog = dialogs[0]
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        captions.append(dialog.windowTitle())
        if path is None:
            dialog.reject()
            return
        # As a person would: type the full path into the file name field, press Open/Save.
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_edit is not None
        name_edit.setText(str(path))
        dialog.accept()

    QTimer.singleShot(20, answer)
    return captions


def open_window(controller: AppController, qtbot: QtBot, path: Path) -> MainWindow:
    """Unlock ``path`` in the app and wait for its incident list."""
    controller.vault_opened(Archive.open(path, PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 or not window.controller.vault_tasks.busy)
    return window


def copy_vault(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def make_partner_vault(path: Path) -> Path:
    """A second organisation's vault, with no incident of its own."""
    archive, _code = Archive.create(path, PASSPHRASE, name=PARTNER_NAME)
    archive.close()
    return path


def shown(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window())


def hold_vault_worker(controller: AppController) -> Callable[[], None]:
    """Keep the vault's single worker busy until the returned function is called."""
    release = threading.Event()
    controller.vault_tasks.run(lambda progress, cancel: release.wait(10))
    return release.set
