"""The language chooser shown on the screens before a vault is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from kzarchive.gui.config import LANGUAGES
from kzarchive.gui.i18n import LANGUAGE_NAMES


class LanguageBox(QComboBox):
    def __init__(self, current: str, on_change: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in LANGUAGES:
            self.addItem(LANGUAGE_NAMES[code], code)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.setAccessibleName(self.tr("Language"))
        self._on_change = on_change
        self.currentIndexChanged.connect(self._changed)

    def _changed(self, index: int) -> None:
        self._on_change(str(self.itemData(index)))
