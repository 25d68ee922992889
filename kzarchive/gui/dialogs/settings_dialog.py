"""Settings: language, auto-lock time and the export wizard's starting choices.

Everything here applies at once.  Changing the language rebuilds the open
window in the new language (the controller's ``set_language``), so it is done
last, after the other values were saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kzarchive.gui.config import LANGUAGES, MAX_AUTO_LOCK_MINUTES
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.i18n import LANGUAGE_NAMES
from kzarchive.gui.style import label, set_role

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController


class SettingsDialog(QDialog):
    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        config = controller.config
        self.setWindowTitle(self.tr("Settings — kzarchive"))
        self.setMinimumWidth(560)

        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("The system's language"), "")
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(max(self.language_box.findData(config.language), 0))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setValue(config.auto_lock_minutes)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.originals = QCheckBox(self.tr("Send photos as originals, with all their metadata"))
        self.originals.setChecked(config.export_originals)
        self.gps = QCheckBox(self.tr("Include GPS positions in the item descriptions"))
        self.gps.setChecked(config.export_gps)

        general = QGroupBox(self.tr("Interface and locking"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow("", label(self.tr(
            "Applies at once: the window is rebuilt in the new language."), "muted"))
        form.addRow(self.tr("Lock after:"), self.auto_lock)
        form.addRow("", label(self.tr(
            "Minutes without keyboard or mouse input before the vault locks itself. "
            "Applies at once."), "muted"))
        export = QGroupBox(self.tr("Export: starting choices"))
        export_layout = QVBoxLayout(export)
        export_layout.addWidget(self.originals)
        export_layout.addWidget(self.gps)
        export_layout.addWidget(label(self.tr(
            "The export wizard starts with these; you can change them for each bundle. "
            "Real names are never a starting choice: tick them in the wizard when a "
            "person's consent covers it."), "muted"))

        self.save_button = QPushButton(self.tr("Save"))
        set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(export)
        layout.addStretch(1)
        layout.addLayout(buttons)
        set_default_button(self, self.save_button)

    def save(self) -> None:
        controller = self.controller
        controller.config.export_originals = self.originals.isChecked()
        controller.config.export_gps = self.gps.isChecked()
        controller.set_auto_lock_minutes(self.auto_lock.value())  # saves the settings too
        language = str(self.language_box.currentData())
        self.accept()
        if language != controller.config.language:
            # Rebuilding the windows closes this dialog: after it has returned.
            QTimer.singleShot(0, lambda: controller.set_language(language))
