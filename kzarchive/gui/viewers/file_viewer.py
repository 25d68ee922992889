"""Files kzarchive does not show itself: their record, and Extract with its warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStyle, QVBoxLayout, QWidget

from kzarchive.gui.context import VaultContext
from kzarchive.gui.style import label
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.service.models import Item


def placeholder(window: ViewerWindow, text: str) -> QWidget:
    """A calm explanation in place of content, with the Extract button beneath it."""
    content = QWidget()
    icon = label("")
    icon.setPixmap(window.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(64, 64))
    icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message = label(text)
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message.setMaximumWidth(520)
    button = QPushButton(window.tr("Extract…"))
    button.clicked.connect(window.extract)
    layout = QVBoxLayout(content)
    layout.addStretch(1)
    layout.addWidget(icon)
    # Centred by stretches, not by alignment: an aligned wrapped label gets one line's
    # height, and longer translations were cut off.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(message, 4)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    content.setProperty("extract_button", button)
    return content


class FileViewer(ViewerWindow):
    def __init__(self, context: VaultContext, item: Item, parent: QWidget | None = None,
                 reason: str = "") -> None:
        super().__init__(context, item, parent)
        self.reason = reason or self.tr(
            "kzarchive cannot show this kind of file. To open it in another program, "
            "extract it: it will then be written to disk unencrypted.")
        self.set_content(placeholder(self, self.reason))
