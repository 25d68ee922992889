"""Helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem, QWidget

PASSPHRASE = "snow over the square at dusk"


def close_all_windows(qapp: QApplication) -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qapp.processEvents()


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def top_item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    """Row ``row`` of ``tree`` (Qt gives None for a missing row; mypy needs it said)."""
    item = tree.topLevelItem(row)
    assert item is not None, f"the tree has no row {row}"
    return item
