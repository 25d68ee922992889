"""Choosing a new passphrase: typed twice, shown on request, with a strength hint.

The one form for creating a vault and for changing its passphrase.  Whether a
passphrase is good enough is one call, ``passphrase_accepted``, so that the rule
can live in one place for the command line and the desktop app alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLayout, QLineEdit, QWidget

from kzarchive.gui.style import label, set_role
from kzarchive.gui.widgets.strength import MIN_LENGTH, Strength, acceptable, passphrase_strength


def passphrase_accepted(passphrase: str) -> bool:
    """Whether a new passphrase may be used: the one policy check of the interface."""
    return acceptable(passphrase)


class PassphraseForm(QWidget):
    """The passphrase rows of a form, after the dialog's ``rows_before``.

    Rows the dialog wants after them go to ``form``.  ``changed`` is emitted on
    every edit, so the dialog can enable its button by ``is_ready()``.
    """

    changed = Signal()

    def __init__(self, passphrase_label: str,
                 rows_before: Sequence[tuple[str, QWidget | QLayout]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One form layout for the dialog's rows and these, so that the labels line up;
        # rows are added in reading order, which is also the order Tab follows.
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for text, field in rows_before:
            self.form.addRow(text, field)
        self.passphrase_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.show_passphrase = QCheckBox(self.tr("Show the passphrase"))
        self.show_passphrase.toggled.connect(self._toggle_echo)
        self.strength_label = label("")
        self.match_label = label("", "error")
        self.form.addRow(passphrase_label, self.passphrase_edit)
        self.form.addRow(self.tr("Repeat it:"), self.repeat_edit)
        self.form.addRow("", self.show_passphrase)
        self.form.addRow("", self.strength_label)
        self.form.addRow("", self.match_label)
        self._update()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def is_ready(self) -> bool:
        """An accepted passphrase, typed the same way twice."""
        passphrase = self.passphrase()
        return passphrase_accepted(passphrase) and self.repeat_edit.text() == passphrase

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.repeat_edit.clear()

    def set_editable(self, editable: bool) -> None:
        self.passphrase_edit.setEnabled(editable)
        self.repeat_edit.setEnabled(editable)

    def focus_next_missing(self) -> None:
        """Focus the field still to fill: the passphrase until it is accepted, then its repeat."""
        ok = passphrase_accepted(self.passphrase())
        (self.repeat_edit if ok else self.passphrase_edit).setFocus()

    def _toggle_echo(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _strength_text(self, strength: Strength) -> str:
        return {
            Strength.TOO_SHORT: self.tr("Too short: use at least {n} characters.").format(
                n=MIN_LENGTH),
            Strength.WEAK: self.tr("Weak: add another word or two."),
            Strength.FAIR: self.tr("Fair: acceptable, but a longer passphrase is safer."),
            Strength.STRONG: self.tr("Strong."),
        }[strength]

    def _update(self) -> None:
        passphrase = self.passphrase()
        strength = passphrase_strength(passphrase)
        self.strength_label.setText(self._strength_text(strength) if passphrase else self.tr(
            "Use at least {n} characters; a few unrelated words are best.").format(n=MIN_LENGTH))
        set_role(self.strength_label, "muted" if strength >= Strength.FAIR or not passphrase
                 else "error")
        self.strength_label.style().polish(self.strength_label)
        repeated = self.repeat_edit.text()
        mismatch = bool(repeated) and repeated != passphrase
        self.match_label.setText(self.tr("The two passphrases are not the same.")
                                 if mismatch else "")
        self.match_label.setVisible(mismatch)
        self.changed.emit()
