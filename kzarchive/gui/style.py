"""The app's look: Fusion, a readable font size, a few named styles."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from kzarchive.resources import resource_path

BASE_POINT_SIZE = 10

STYLE_SHEET = """
QLabel[role="title"] { font-size: 20pt; font-weight: 600; }
QLabel[role="heading"] { font-size: 14pt; font-weight: 600; }
QLabel[role="subheading"] { font-weight: 600; }
QLabel[role="muted"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: #a8231c; }
QLabel[role="code"] {
    font-family: "DejaVu Sans Mono", monospace; font-size: 15pt;
    background: palette(base); border: 1px solid palette(mid); border-radius: 4px; padding: 10px;
}
QLabel[role="notice"] {
    background: #fff4d6; color: #4a3b00; border: 1px solid #e5c86b; border-radius: 4px;
    padding: 6px;
}
QPushButton[role="primary"] { font-weight: 600; padding: 6px 14px; }
QCommandLinkButton {
    border: 1px solid palette(mid); border-radius: 6px; background: palette(base); padding: 6px;
}
QCommandLinkButton:hover { border-color: palette(highlight); }
QCommandLinkButton:disabled { background: palette(window); }
"""


def app_icon() -> QIcon:
    """The SVG, plus every rendered PNG size for when the SVG plugin is missing."""
    icon = QIcon()
    icons = resource_path("icons")
    icon.addFile(str(icons / "kzarchive.svg"))
    for png in sorted(icons.glob("kzarchive-*.png")):
        icon.addFile(str(png))
    return icon


def apply_style(app: QApplication) -> None:
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    font = app.font()
    if font.pointSize() < BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(app_icon())


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give a widget one of the named styles above."""
    widget.setProperty("role", role)
    return widget


def label(text: str, role: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        set_role(widget, role)
    return widget
