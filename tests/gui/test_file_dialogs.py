"""Choosing a folder leaves no trail of visited paths in Qt's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from kzarchive.gui.dialogs.file_dialogs import choose_directory


def _accept_when_shown(folder: Path) -> None:
    def accept() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, accept)
            return
        dialog = dialogs[0]
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(str(folder))
        dialog.accept()

    QTimer.singleShot(20, accept)


def test_the_chosen_folder_is_returned_and_its_path_not_remembered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    secret_folder = tmp_path / "evidence-from-the-square"
    secret_folder.mkdir()
    _accept_when_shown(secret_folder)
    assert choose_directory(None, "Choose", tmp_path) == secret_folder

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    assert not [key for key in settings.allKeys() if key.startswith("FileDialog")]
    conf = Path(settings.fileName())
    if conf.exists():
        assert "evidence-from-the-square" not in conf.read_text(encoding="utf-8")


def test_cancelling_returns_none(qtbot: QtBot, tmp_path: Path) -> None:
    def reject() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.reject()
                return
        QTimer.singleShot(20, reject)

    QTimer.singleShot(20, reject)
    assert choose_directory(None, "Choose", tmp_path) is None
