"""Window sizes that fit the screen the window is on (1366x768 laptops included).

A fixed ``resize(1280, 760)`` is taller than a 1280x720 screen and hides the
bottom of a dialog there; these helpers cap a wanted size by the screen's free
area and grow a dialog to show all of its content.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

# Room for the window manager's title bar and side borders, which
# availableGeometry() still counts (used until the real frame is known).
TITLE_BAR = 32
BORDERS = 8


def free_area(window: QWidget) -> QSize:
    """The largest size a window can take on its screen, title bar included."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return QSize(1366 - BORDERS, 768 - TITLE_BAR)
    area = screen.availableGeometry()
    frame_width, frame_height = BORDERS, TITLE_BAR
    if window.isVisible():
        frame = window.frameGeometry()
        frame_width = max(frame.width() - window.width(), 0)
        frame_height = max(frame.height() - window.height(), 0)
    return QSize(area.width() - frame_width, area.height() - frame_height)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``resize(width, height)``, but never larger than the screen's free area."""
    area = free_area(window)
    window.resize(min(width, area.width()), min(height, area.height()))


def grow_to_content(window: QWidget) -> None:
    """Make ``window`` tall and wide enough for its content, within the screen.

    Wrapped labels need more height at a smaller width: the height is asked for
    the width the window gets (heightForWidth), not taken from the size hint.
    """
    area = free_area(window)
    hint = window.sizeHint()
    width = min(max(window.width(), hint.width()), area.width())
    layout = window.layout()
    height = hint.height()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    height = min(max(window.height(), height, window.minimumSizeHint().height()), area.height())
    window.resize(width, height)
