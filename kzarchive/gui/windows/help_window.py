"""The built-in user guide: HTML pages shipped in ``resources/help/<language>/``.

The guide is read from the package, never from the network: a documenter in the
field may have none, and fetching a page would tell someone that kzarchive is in
use. Links between pages work; a link anywhere else is shown, not followed.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kzarchive.gui.config import LANGUAGES
from kzarchive.gui.style import label
from kzarchive.resources import resource_path

# The pages, in reading order; each exists in every language.
TOPICS = ("index", "getting-started", "partners-verify", "staying-safe", "verification",
          "terms")
HELP_SCHEME = "help"


def interface_language() -> str:
    """The language the interface speaks now (``install_language`` sets Qt's default)."""
    code = QLocale().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def help_folder(language: str) -> Path:
    return resource_path("help", language if language in LANGUAGES else "en")


def help_url(language: str, topic: str = "index", anchor: str = "") -> QUrl:
    url = QUrl.fromLocalFile(str(help_folder(language) / f"{topic}.html"))
    if anchor:
        url.setFragment(anchor)
    return url


def help_link(topic: str, anchor: str = "") -> str:
    """A link for rich-text labels elsewhere ("what is this?"), opened by ``open_help_link``."""
    return f"{HELP_SCHEME}:{topic}" + (f"#{anchor}" if anchor else "")


class HelpBrowser(QTextBrowser):
    """Loads only the guide's own files."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self.refused: list[str] = []

    def inside(self, url: QUrl) -> bool:
        if not url.isLocalFile():
            return False
        return Path(url.toLocalFile()).resolve().is_relative_to(self.folder)

    def _follow(self, url: QUrl) -> None:
        if url.isRelative():
            url = self.source().resolved(url)
        if self.inside(url):
            self.setSource(url)
        else:
            self.refused.append(url.toString())

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Images or style sheets named by a page come from the guide's folder, or not at all.
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.isRelative():
            url = self.source().resolved(url)
        return super().loadResource(kind, url) if self.inside(url) else None


class HelpWindow(QDialog):
    def __init__(self, language: str, topic: str = "index", anchor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide — kzarchive"))
        self.resize(820, 640)
        self.language = language if language in LANGUAGES else "en"
        self.browser = HelpBrowser(help_folder(self.language))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton(self.tr("Contents"))
        self.contents_button.clicked.connect(lambda: self.show_topic("index"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Back, self, self.browser.backward)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.contents_button)
        buttons.addStretch(1)
        buttons.addWidget(label(self.tr("This guide is part of the app; it needs no "
                                        "internet."), "muted"))
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.show_topic(topic, anchor)

    def show_topic(self, topic: str, anchor: str = "") -> None:
        self.browser.setSource(help_url(self.language, topic if topic in TOPICS else "index",
                                        anchor))
        if anchor:
            self.browser.scrollToAnchor(anchor)


def open_help_link(link: str, parent: QWidget | None) -> HelpWindow | None:
    """Open the guide at a ``help:topic#anchor`` link; None for any other link."""
    url = QUrl(link)
    if url.scheme() != HELP_SCHEME:
        return None
    window = HelpWindow(interface_language(), url.path(), url.fragment(), parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


class TermLabel(QLabel):
    """A field's caption with a "What is this?" link into the guide."""

    def __init__(self, text: str, topic: str, anchor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        question = self.tr("What is this?")
        self.setText(f"{html.escape(text)} <a href=\"{help_link(topic, anchor)}\">"
                     f"{html.escape(question)}</a>")
        self.setOpenExternalLinks(False)
        self.help_window: HelpWindow | None = None
        self.linkActivated.connect(self.open_link)

    def open_link(self, link: str) -> None:
        self.help_window = open_help_link(link, self.window())


def term_label(text: str, topic: str, anchor: str) -> TermLabel:
    return TermLabel(text, topic, anchor)
