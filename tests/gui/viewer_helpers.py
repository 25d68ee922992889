"""Helpers for the viewer tests: an open vault with one incident, and waiting on viewers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from gui_helpers import PASSPHRASE
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kzarchive.archive import Archive


def wait_until(qtbot: object, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[attr-defined]


def label_texts(widget: QWidget) -> str:
    """All label texts inside a widget, one per line."""
    return "\n".join(child.text() for child in widget.findChildren(QLabel))


def top_level(cls: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def open_archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    """The test vault, unlocked; closed again at the end."""
    archive = Archive.open(vault[0], PASSPHRASE)
    try:
        yield archive
    finally:
        archive.close()


def incident_of(archive: Archive) -> str:
    return archive.list_incidents()[0].id
