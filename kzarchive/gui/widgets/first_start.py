"""What a person sees first in a vault: the main toolbar, and what to do in an empty one.

The toolbar holds the five things people come to do (new incident, attach, export,
open a bundle, lock), with words beside the icons: a new user should not have to
guess what a picture means. An empty vault shows, in place of an empty table, what an
incident is and a clear button to make the first one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kzarchive.gui.style import label, set_role


def _icon(theme_name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    return QIcon.fromTheme(theme_name, QApplication.style().standardIcon(fallback))


class MainToolBar(QToolBar):
    """The main actions, shared with the menus (one action, one enabled state)."""

    def __init__(self, new_incident: QAction, attach: QAction, export: QAction,
                 open_bundle: QAction, lock: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_toolbar")
        self.setWindowTitle(self.tr("Main actions"))
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(20, 20))
        pixmap = QStyle.StandardPixmap
        for action, text, icon in (
            (new_incident, self.tr("New incident"),
             _icon("document-new", pixmap.SP_FileDialogNewFolder)),
            (attach, self.tr("Attach files"), _icon("mail-attachment", pixmap.SP_FileIcon)),
            (export, self.tr("Export bundle"), _icon("document-send", pixmap.SP_DialogSaveButton)),
            (open_bundle, self.tr("Open bundle"), _icon("document-open", pixmap.SP_DirOpenIcon)),
        ):
            self._add(action, text, icon)
        self.addSeparator()
        self._add(lock, self.tr("Lock"), _icon("system-lock-screen", pixmap.SP_BrowserStop))

    def _add(self, action: QAction, text: str, icon: QIcon) -> None:
        # The menu keeps its own words (with accelerator and "…"); the button says less.
        action.setIconText(text)
        if action.icon().isNull():
            action.setIcon(icon)
        self.addAction(action)


class EmptyVaultPanel(QWidget):
    """Shown instead of the incident list while the vault holds no incident."""

    def __init__(self, new_incident: Callable[[], object], open_bundle: Callable[[], object],
                 show_guide: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = label(self.tr("This vault has no incidents yet"), "heading")
        explanation = label(self.tr(
            "An incident is one event you document: what happened, when and where, the "
            "people involved (by pseudonym), and its evidence: photos, videos, documents, "
            "testimony. Everything is encrypted in this vault."))
        self.new_button = QPushButton(self.tr("New incident…"))
        set_role(self.new_button, "primary")
        self.new_button.clicked.connect(lambda: new_incident())
        self.bundle_button = QPushButton(self.tr("Open a bundle from a partner…"))
        self.bundle_button.clicked.connect(lambda: open_bundle())
        self.guide_button = QPushButton(self.tr("Read the user guide"))
        self.guide_button.setFlat(True)
        self.guide_button.clicked.connect(lambda: show_guide())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.bundle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
