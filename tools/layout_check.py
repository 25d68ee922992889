"""Finds text the desktop app shows only in part, and windows larger than the screen.

``layout_problems(window)`` looks at every visible widget of a shown window and
names each one that cannot show all of its text:

* a label that does not wrap and is narrower than its text, or a wrapping label
  lower than the height its text needs at its width (``heightForWidth``);
* a button or check box narrower than its size hint (its text plus margins);
* a tab bar whose tab is narrower than its text (elided) or that shows scroll
  arrows (the tabs do not all fit);
* a header section narrower than its title (plus the sort arrow);
* a drop-down narrower than its current entry, a line edit narrower than its
  placeholder, a read-only line edit (a hash, an age recipient) narrower than
  its value;
* a tool bar whose actions overflow behind its extension chevron;
* security-relevant text (role ``code``: recovery code, fingerprint, hashes)
  not wholly on screen inside its window, even where a scroll area would let a
  person scroll to it;
* the window itself larger than the screen's free area.

Used by ``tools/screenshots.py --check`` (every screen the screenshots show, in
each language, on a given screen size) and so by ``tests/gui/test_layout.py``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # pixels of rounding allowed


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget, text: str = "") -> str:
    shown = " ".join(text.split())
    if len(shown) > 60:
        shown = shown[:57] + "…"
    kind = type(widget).__name__
    return f"{kind} {widget.objectName() or ''}{' ' if widget.objectName() else ''}«{shown}»"


def _is_rich(label: QLabel) -> bool:
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())


def _label_text_width(label: QLabel) -> int:
    if _is_rich(label):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(label.text())
        return int(document.idealWidth() + 0.999)
    metrics = QFontMetrics(label.font())
    return max((metrics.horizontalAdvance(line) for line in label.text().split("\n")), default=0)


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return (f"{_name(label, label.text())} wraps to {needed} px "
                    f"but has {label.height()} px")
        return None
    available = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    needed = _label_text_width(label)
    if needed > available + SLACK:
        return f"{_name(label, label.text())} needs {needed} px but has {available} px"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if isinstance(button, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
        needed = button.sizeHint().width()
        if isinstance(button, QCheckBox | QRadioButton) and button.sizePolicy().hasHeightForWidth():
            return None
        if button.width() + SLACK < needed:
            return f"{_name(button, button.text())} needs {needed} px but has {button.width()} px"
    return None


def _tab_problems(bar: QTabBar, window: QWidget) -> list[str]:
    problems = []
    arrows = [b for b in bar.findChildren(QToolButton) if _shown(b, window)]
    if arrows:
        problems.append(f"{_name(bar)} shows scroll arrows: its tabs do not fit")
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        needed, got = bar.tabSizeHint(index).width(), bar.tabRect(index).width()
        if got + SLACK < needed:
            problems.append(f"tab {_name(bar, bar.tabText(index))} is {got} px of {needed} px")
    return problems


def _header_problems(header: QHeaderView) -> list[str]:
    if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
        return []
    problems = []
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    metrics = QFontMetrics(header.font())
    model = header.model()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        needed = metrics.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += arrow + margin
        got = header.sectionSize(section)
        if got + SLACK < needed:
            problems.append(f"header section {_name(header, text)} is {got} px of {needed} px")
    return problems


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = QFontMetrics(combo.font()).horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if field.width() + SLACK < needed:
        return f"{_name(combo, text)} shows {field.width()} px of {needed} px"
    return None


def _line_edit_problem(edit: QLineEdit) -> str | None:
    """A placeholder cut short, or a read-only value (a hash, a key) not shown whole."""
    placeholder = edit.placeholderText()
    shown = placeholder if not edit.text() else edit.text() if edit.isReadOnly() else ""
    if not shown:
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    right = contents.right()
    for side in edit.findChildren(QToolButton):  # the clear button and other actions
        if side.parent() is edit and side.geometry().left() > contents.center().x():
            right = min(right, side.geometry().left())
    margins = edit.textMargins()
    available = right - contents.left() - margins.left() - margins.right() - 4
    needed = QFontMetrics(edit.font()).horizontalAdvance(shown)
    if available + SLACK < needed:
        what = "placeholder" if shown == placeholder else "read-only text"
        return f"{what} of {_name(edit, shown)} shows {available} px of {needed} px"
    return None


def _toolbar_problem(bar: QToolBar, window: QWidget) -> str | None:
    for button in bar.findChildren(QToolButton):
        if button.objectName() == "qt_toolbar_ext_button" and _shown(button, window):
            hidden = [a.text() for a in bar.actions()
                      if not a.isSeparator() and bar.widgetForAction(a) is not None
                      and not bar.widgetForAction(a).isVisible()]
            return f"{_name(bar)} hides actions behind its chevron: {hidden}"
    return None


def _security_text_problem(label: QLabel, window: QWidget) -> str | None:
    if label.property("role") != "code" or not label.text():
        return None
    seen = label.visibleRegion().boundingRect()
    if seen.size() != label.size():
        return (f"{_name(label, label.text())} is only partly on screen "
                f"({seen.width()}x{seen.height()} of {label.width()}x{label.height()})")
    for ancestor in _ancestors(label, window):
        if isinstance(ancestor, QAbstractScrollArea):
            for bar in (ancestor.verticalScrollBar(), ancestor.horizontalScrollBar()):
                if bar.isVisible() and bar.maximum() > 0:
                    return f"{_name(label, label.text())} sits in a scrolled area"
    return None


def _ancestors(widget: QWidget, window: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def window_problem(window: QWidget) -> str | None:
    screen = window.screen()
    if screen is None:
        return None
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > free.width() or frame.height() > free.height():
        return (f"window {window.windowTitle()!r} is {frame.width()}x{frame.height()} "
                f"on a {free.width()}x{free.height()} screen")
    minimum = window.minimumSizeHint()
    if window.layout() is not None and minimum.width() > free.width():
        return (f"window {window.windowTitle()!r} needs {minimum.width()} px "
                f"on a {free.width()} px wide screen")
    return None


def layout_problems(window: QWidget) -> list[str]:
    """Every piece of text of a shown ``window`` that shows only in part (empty: none)."""
    problems: list[str] = []
    outer = window_problem(window)
    if outer:
        problems.append(outer)
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not _shown(widget, window):
            continue
        found: list[str | None] = []
        if isinstance(widget, QLabel):
            found += [_label_problem(widget), _security_text_problem(widget, window)]
        elif isinstance(widget, QTabBar):
            found += list(_tab_problems(widget, window))
        elif isinstance(widget, QHeaderView):
            found += list(_header_problems(widget))
        elif isinstance(widget, QComboBox):
            found.append(_combo_problem(widget))
        elif isinstance(widget, QLineEdit):
            found.append(_line_edit_problem(widget))
        elif isinstance(widget, QToolBar):
            found.append(_toolbar_problem(widget, window))
        elif isinstance(widget, QAbstractButton) and widget.parent() is not None \
                and not isinstance(widget.parent(), QTabBar | QLineEdit):
            found.append(_button_problem(widget))
        problems += [p for p in found if p]
    return problems
