"""Testimony and source texts, shown as plain text.

HTML source texts are shown as their source, never rendered: rendering could
fetch remote content and would show what the page wants rather than what it holds.
"""

from __future__ import annotations

import codecs

from PySide6.QtGui import QFont, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from kzarchive.archive import Archive
from kzarchive.gui.context import VaultContext
from kzarchive.gui.style import label
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.service.models import Item

#: Texts longer than this are shown in part; the rest is a click on Extract away.
TEXT_LIMIT = 4 * 1024 * 1024


def read_text_prefix(archive: Archive, item_id: str) -> tuple[str, bool]:
    """The item's text (at most ``TEXT_LIMIT`` bytes of it) and whether it was cut."""
    limit = TEXT_LIMIT
    with archive.open_item(item_id) as reader:
        data = reader.read(limit + 1)
    cut = len(data) > limit
    # Not final: a character split by the cut is dropped rather than shown as garbage.
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    return decoder.decode(data[:limit], final=not cut), cut


class TextViewer(ViewerWindow):
    def __init__(self, context: VaultContext, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(context, item, parent)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setReadOnly(True)
        self.text_edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = self.text_edit.font()
        font.setPointSize(max(font.pointSize(), 11))
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.text_edit.setFont(font)
        self.text_edit.setPlaceholderText(self.tr("Loading…"))
        self.cut_label = label(self.tr("This text is long: only its beginning is shown. "
                                       "Extract it to read all of it."), "notice")
        self.cut_label.hide()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cut_label)
        layout.addWidget(self.text_edit, 1)
        self.set_content(content)
        archive, item_id = self.archive, item.id
        self.run(lambda progress, cancel: read_text_prefix(archive, item_id),
                 on_success=self._loaded)

    def _loaded(self, result: tuple[str, bool]) -> None:
        if self.closed:
            return
        text, cut = result
        self.text_edit.setPlainText(text)
        self.cut_label.setVisible(cut)

    def release(self) -> None:
        self.text_edit.clear()
