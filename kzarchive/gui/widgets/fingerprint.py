"""A fingerprint laid out the same way on every screen: three lines of four groups.

People compare fingerprints by eye and read them aloud; when every screen shows the
same shape, "second line, third group" means the same digits everywhere, and no one
has to re-count. The label never wraps or elides: it is as wide as its longest line,
so a layout can make it no smaller.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kzarchive.gui.style import set_role

GROUP = 5
GROUPS_PER_LINE = 4


def fingerprint_lines(fingerprint: str) -> str:
    """A 60-digit fingerprint as three lines of four 5-digit groups."""
    digits = "".join(c for c in fingerprint if c.isdigit())
    groups = [digits[i:i + GROUP] for i in range(0, len(digits), GROUP)]
    return "\n".join(" ".join(groups[i:i + GROUPS_PER_LINE])
                     for i in range(0, len(groups), GROUPS_PER_LINE))


class FingerprintLabel(QLabel):
    """Monospace, selectable, never clipped; ``fingerprint`` is the digits as given."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "code")
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        self.fingerprint = ""
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(fingerprint_lines(fingerprint))
        self.setAccessibleDescription(fingerprint)

    def minimumSizeHint(self) -> QSize:
        # A plain QLabel gives its text size too; said here so no style change loses it.
        return self.sizeHint()
