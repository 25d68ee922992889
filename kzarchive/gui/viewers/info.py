"""What is known about an item: its record and the metadata read at intake."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui import labels
from kzarchive.gui.formatting import data_size, moment_text, moment_tooltip
from kzarchive.gui.noop import QT_TRANSLATE_NOOP
from kzarchive.gui.style import label
from kzarchive.media.imaging import DAMAGED, NOT_DECODED, TOO_LARGE
from kzarchive.service.models import Item

# The core writes these notes in English; known ones are shown translated.
NOTES = {
    NOT_DECODED:
        QT_TRANSLATE_NOOP("Viewer", "this format cannot be decoded; the original is kept as it is"),
    TOO_LARGE:
        QT_TRANSLATE_NOOP("Viewer", "the image is too large to decode safely"),
    DAMAGED:
        QT_TRANSLATE_NOOP("Viewer", "the image data is damaged or is not in the format its "
                          "type claims"),
    "metadata could not be read": QT_TRANSLATE_NOOP("Viewer", "metadata could not be read"),
    "the metadata is damaged and could not be read completely":
        QT_TRANSLATE_NOOP("Viewer", "the metadata is damaged and could not be read completely"),
}


def translated_note(note: str) -> str:
    # Notes are joined with "; ", which some notes contain: replace, do not split.
    for english, words in NOTES.items():
        note = note.replace(english, QCoreApplication.translate("Viewer", words))
    return note


def duration_text(milliseconds: int) -> str:
    seconds = milliseconds // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


def gps_text(gps: dict[str, Any]) -> str:
    text = f"{gps.get('latitude')}, {gps.get('longitude')}"
    if gps.get("altitude") is not None:
        text += QCoreApplication.translate("Viewer", ", altitude {metres} m").format(
            metres=gps["altitude"])
    return text


def original_name(archive: Archive, item: Item) -> str:
    """The file name of the item a copy was made from; "" when this vault does not hold it."""
    if not item.derived_from:
        return ""
    try:
        return archive.get_item(item.derived_from).name
    except KzError:
        return ""


class ItemInfoPanel(QWidget):
    """The item's record as a form, with a warning when the file says where it was made."""

    def __init__(self, item: Item, original: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        meta = item.metadata or {}
        self.name_label = label(item.name, "subheading")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rows: dict[str, QLabel] = {}
        self._add("kind", self.tr("Kind:"), labels.item_kind(item.kind))
        self._add("type", self.tr("File type:"), item.mime)
        self._add("size", self.tr("Size:"), data_size(item.size))
        captured = item.captured_at or meta.get("captured_at")
        self._add("captured", self.tr("Captured:"), moment_text(captured), moment_tooltip(captured))
        self._add("collected", self.tr("Collected:"), moment_text(item.collected_at),
                  moment_tooltip(item.collected_at))
        camera = " ".join(filter(None, [meta.get("make"), meta.get("model")]))
        self._add("camera", self.tr("Camera:"), camera)
        width = meta.get("display_width") or meta.get("width")
        height = meta.get("display_height") or meta.get("height")
        if width and height:
            self._add("dimensions", self.tr("Dimensions:"),
                      self.tr("{width} × {height} pixels").format(width=width, height=height))
        if meta.get("duration_ms"):
            self._add("duration", self.tr("Duration:"), duration_text(int(meta["duration_ms"])))
        gps = meta.get("gps")
        if gps:
            self._add("location", self.tr("Location:"), gps_text(gps))
        self._add("witness", self.tr("Witness:"), item.witness)
        self._add("language", self.tr("Language:"), labels.language(item.language or ""))
        self._add("source", self.tr("Source:"), item.source)
        self._add("notes", self.tr("Notes:"), item.notes)
        if item.derived_from:
            # By the original's file name, as people know it; the id when it is not here
            # (a partner may have sent only the redacted copy).
            self._add("derived", self.tr("Derived:"), self._derived_text(item, original),
                      item.derived_from)
        if meta.get("note"):
            self._add("note", self.tr("Note:"), translated_note(str(meta["note"])))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        self.location_warning: QLabel | None = None
        if gps:
            text = (self.tr("This photo contains its location. Anyone who gets the original "
                            "file can see where it was taken.") if item.kind == "photo"
                    else self.tr("This file contains its location. Anyone who gets the original "
                                 "file can see where it was made."))
            self.location_warning = label(text, "notice")
            layout.addWidget(self.location_warning)
        layout.addLayout(self.form)

    def _derived_text(self, item: Item, original: str) -> str:
        redaction = (item.derivation or {}).get("kind") == "redaction"
        if original:
            return (self.tr("redacted copy of {name}") if redaction
                    else self.tr("copy made from {name}")).format(name=original)
        return (self.tr("redacted copy of item {ident}") if redaction
                else self.tr("copy made from item {ident}")).format(ident=item.derived_from)

    def _add(self, key: str, caption: str, value: object, tooltip: str = "") -> None:
        if value is None or value == "":
            return
        widget = label(str(value))
        widget.setToolTip(tooltip)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows[key] = widget
        self.form.addRow(caption, widget)
