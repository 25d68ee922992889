"""After a session nothing outside the vault folder names or quotes the evidence."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from kzarchive.gui.controller import AppController
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.welcome import WelcomeWindow

EVIDENCE_WORDS = ["Уральск", "Almaty", "Задержан", "square.jpg", "показания", "спортзал"]


def files_outside_vaults(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            in_vault = any(Path(parent, "vault.keys").exists() for parent in path.parents)
            if path.is_file() and not in_vault and path.name != "vault.keys":
                found.append(path)
    return found


def test_a_session_leaves_no_evidence_in_settings_or_data_dirs(
    controller: AppController, qtbot: QtBot, isolated_dirs: Path
) -> None:
    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    welcome.demo_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=30_000)
    window = controller.screen
    assert isinstance(window, MainWindow)
    for char in "спортзал":
        window.search_edit.insert(char)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=5_000)
    window.table.selectRow(0)
    controller.lock()

    settings = json.loads((isolated_dirs / "config" / "gui.json").read_text(encoding="utf-8"))
    assert set(settings) == {"language", "auto_lock_minutes", "last_vault",
                             "export_originals", "export_gps", "column_widths"}
    # Remembered column widths are numbers keyed by view and column number, nothing else.
    assert all(isinstance(width, int) and column.isdigit()
               for widths in settings["column_widths"].values()
               for column, width in widths.items())
    roots = [isolated_dirs / "config", isolated_dirs / "data",
             Path(os.environ["XDG_CONFIG_HOME"])]
    for path in files_outside_vaults(*roots):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for word in EVIDENCE_WORDS:
            assert word not in text, (path, word)
