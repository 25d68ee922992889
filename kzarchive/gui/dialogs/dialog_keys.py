"""Enter does the obvious thing in every dialog: it presses the one default button.

Qt makes every ``QPushButton`` in a dialog "auto-default": when the intended
default button is disabled (Create, before the passphrases match), the first
enabled auto-default button takes Enter instead, so Enter in the create form
opened the folder chooser.  ``set_default_button`` leaves exactly one button
that Enter can press; while it is disabled, Enter does nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def set_default_button(container: QWidget, default: QPushButton | None) -> None:
    """Make ``default`` the only button of ``container`` that Enter presses.

    ``None``: Enter presses nothing (while a check runs, Enter must not stop it).
    """
    for button in container.findChildren(QPushButton):
        if button is not default:
            button.setDefault(False)
            button.setAutoDefault(False)
    if default is not None:
        default.setAutoDefault(True)
        default.setDefault(True)


def default_button(container: QWidget) -> QPushButton | None:
    """The button Enter presses in ``container`` (the visible default), if any."""
    for button in container.findChildren(QPushButton):
        if button.isDefault() and button.isVisible():
            return button
    return None
