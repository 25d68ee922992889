"""The desktop app and the command line run the same flows on the same vaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog
from kzarchive.gui.widgets.incident_editor import NewIncidentDialog
from kzarchive.gui.windows.main_window import MainWindow
from tests.gui.test_create_vault import PASSPHRASE, open_create_dialog
from tests.gui.test_unlock_and_lock import type_and_submit, unlock_screen


def cli(vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KZARCHIVE_PASSPHRASE": PASSPHRASE, "KZARCHIVE_KDF_TARGET_MS": "50"}
    return subprocess.run([sys.executable, "-m", "kzarchive.cli", "--vault", str(vault), *args],
                          env=env, capture_output=True, text=True, check=True)


def test_a_vault_made_on_the_command_line_opens_in_the_app(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    vault = tmp_path / "cli-vault"
    cli(vault, "init", "--name", "Made on the command line")
    incident = json.loads(cli(vault, "incident", "add", "--title", "Задержание у акимата",
                              "--json").stdout)["incident"]["id"]
    evidence = tmp_path / "протокол.txt"
    evidence.write_text("Протокол задержания", encoding="utf-8")
    cli(vault, "attach", incident, str(evidence))

    screen = unlock_screen(controller, vault)
    type_and_submit(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=20_000)
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.table.selectRow(0)
    assert window.detail.title_label.text() == "Задержание у акимата"
    assert [item.name for item in window.archive.list_items(incident)] == ["протокол.txt"]


def test_a_vault_made_in_the_app_is_read_and_verified_on_the_command_line(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_create_dialog(controller, qtbot)
    vault = tmp_path / "app-vault"
    dialog.location_edit.setText(str(vault))
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == CreateVaultDialog.RECOVERY,
                    timeout=20_000)
    dialog.written_down.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow))
    window = controller.screen
    assert isinstance(window, MainWindow)
    new = window.new_incident()
    assert isinstance(new, NewIncidentDialog)
    new.form.title_edit.setText("Избиение журналиста")
    new.create_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    controller.lock()

    listed = json.loads(cli(vault, "incident", "list", "--json").stdout)["incidents"]
    assert [incident["title"] for incident in listed] == ["Избиение журналиста"]
    assert "All checks passed" in cli(vault, "verify").stdout
