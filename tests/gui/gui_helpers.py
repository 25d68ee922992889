"""Helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

PASSPHRASE = "snow over the square at dusk"


def close_all_windows(qapp: QApplication) -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qapp.processEvents()


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]
