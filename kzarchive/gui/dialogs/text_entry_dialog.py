"""Typing, pasting or loading a testimony or a source text for an incident.

The dialog only collects the text and what describes it; the evidence panel
stores it with ``Archive.add_text``.  A loaded file is read into memory, never
copied anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kzarchive.gui import labels
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.file_dialogs import choose_open_file
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label

# A text beyond this is not something to paste into a form; attach it as a file instead.
MAX_TEXT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class TextEntry:
    kind: str
    text: str
    language: str
    witness: str | None
    source: str
    note: str
    name: str | None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        # Cyrillic texts from older Windows programs; any byte string decodes.
        return data.decode("cp1251", errors="replace"), "Windows-1251"


class TextEntryDialog(QDialog):
    def __init__(self, kind: str, people: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        testimony = kind == "testimony"
        self.setWindowTitle(self.tr("Add testimony") if testimony else self.tr("Add source text"))
        resize_within_screen(self, 680, 620)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr("Type the testimony here, or paste it.") if testimony
            else self.tr("Paste the text here, or load it from a file."))
        self.text_edit.textChanged.connect(self._update)
        self.load_button = QPushButton(self.tr("Load from a file…"))
        self.load_button.clicked.connect(self._choose_and_load)
        self.notice = label("", "muted")
        self.notice.hide()

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            self.tr("optional, e.g. testimony-A-3.txt") if testimony
            else self.tr("optional, e.g. ministry-statement-2022-01-10.txt"))
        self.language_box = QComboBox()
        for code, name in self.languages():
            self.language_box.addItem(name, code)
        self.witness_box = QComboBox()
        self.witness_box.setEditable(True)
        self.witness_box.addItem("")
        self.witness_box.addItems(people)
        witness_line = self.witness_box.lineEdit()
        if witness_line is not None:
            witness_line.setPlaceholderText(self.tr("pseudonym, never a real name"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("where it was published or who gave it"))
        self.note_edit = QLineEdit()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Language:"), self.language_box)
        if testimony:
            form.addRow(self.tr("Witness:"), self.witness_box)
        else:
            form.addRow(self.tr("Source:"), self.source_edit)
        form.addRow(self.tr("Note:"), self.note_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("Add to the incident"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.load_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignLeft)
        load_row.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(load_row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        set_default_button(self, self.add_button)  # never "Load from a file…"
        self._update()

    def languages(self) -> list[tuple[str, str]]:
        return [("", self.tr("not stated"))] + [
            (code, labels.language(code)) for code in labels.LANGUAGES]

    def set_language(self, code: str) -> None:
        index = self.language_box.findData(code)
        if index >= 0:
            self.language_box.setCurrentIndex(index)

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    def _choose_and_load(self) -> None:
        path = choose_open_file(self, self.tr("Load a text file"), None,
                                [self.tr("Text files (*.txt *.md *.text)"),
                                 self.tr("All files (*)")])
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Put a text file's content into the editor; False (and a notice) if it cannot be."""
        try:
            size = path.stat().st_size
            if size > MAX_TEXT_BYTES:
                self._notice(self.tr("This file is too large for a text. Attach it as a file "
                                     "instead (Attach files…)."))
                return False
            data = path.read_bytes()
        except OSError:
            self._notice(self.tr("The file could not be read."))
            return False
        text, encoding = decode_text(data)
        self.text_edit.setPlainText(text)
        if not self.name_edit.text().strip():
            self.name_edit.setText(path.name)
        self._notice(self.tr("Loaded {name} (read as {encoding}).").format(
            name=path.name, encoding=encoding))
        return True

    def _notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def entry(self) -> TextEntry:
        witness = self.witness_box.currentText().strip() if self.kind == "testimony" else ""
        return TextEntry(
            kind=self.kind, text=self.text_edit.toPlainText(),
            language=str(self.language_box.currentData() or ""), witness=witness or None,
            source=self.source_edit.text().strip() if self.kind != "testimony" else "",
            note=self.note_edit.text().strip(), name=self.name_edit.text().strip() or None)
