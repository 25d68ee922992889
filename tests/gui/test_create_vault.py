"""Creating a vault through the welcome screen, up to its main window."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog, free_vault_location
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.welcome import WelcomeWindow

PASSPHRASE = "lanterns along the frozen river"


def open_create_dialog(controller: AppController, qtbot: QtBot) -> CreateVaultDialog:
    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    welcome.create_button.click()
    dialog = welcome.findChild(CreateVaultDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_create_shows_the_recovery_code_once_and_opens_the_vault(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_create_dialog(controller, qtbot)
    # The suggested folder is the platform default, kept in the user data dir.
    assert Path(dialog.location_edit.text()).expanduser() == Archive.default_path()
    dialog.location_edit.setText(str(tmp_path / "field-vault"))
    qtbot.keyClicks(dialog.name_edit, "Field work")
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE[:-1])
    assert not dialog.create_button.isEnabled()
    assert dialog.match_label.isVisible()
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE[-1])
    assert dialog.create_button.isEnabled()

    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == CreateVaultDialog.RECOVERY,
                    timeout=20_000)
    code = dialog.recovery_code
    assert re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5})+", code), code
    assert len(re.sub(r"\D", "", dialog.fingerprint_label.text())) == 60
    assert dialog.passphrase_edit.text() == ""  # not kept in the widget any longer
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # Escape or close must not skip the code once the vault exists
    assert dialog.isVisible()

    dialog.written_down.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow))
    archive = controller.archive
    assert archive is not None and archive.is_open
    assert archive.path == tmp_path / "field-vault" and archive.name == "Field work"
    assert controller.config.last_vault == str(tmp_path / "field-vault")

    # The code shown is the vault's real recovery code.
    controller.lock()
    Archive.open_with_recovery(tmp_path / "field-vault", code).close()


def test_a_weak_passphrase_cannot_create_a_vault(
    controller: AppController, qtbot: QtBot
) -> None:
    dialog = open_create_dialog(controller, qtbot)
    qtbot.keyClicks(dialog.passphrase_edit, "password1234")
    qtbot.keyClicks(dialog.repeat_edit, "password1234")
    assert not dialog.create_button.isEnabled()
    assert "Weak" in dialog.strength_label.text()


def test_a_failed_creation_returns_to_the_form_with_the_reason(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("not a vault", encoding="utf-8")
    dialog = open_create_dialog(controller, qtbot)
    dialog.location_edit.setText(str(occupied))
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(dialog.form_error.isVisible, timeout=10_000)
    assert dialog.pages.currentIndex() == CreateVaultDialog.FORM
    assert "not empty" in dialog.form_error.text()
    assert controller.archive is None


def test_an_existing_default_folder_is_not_proposed_again(tmp_path: Path) -> None:
    taken = tmp_path / "vault"
    taken.mkdir()
    (taken / "vault.keys").write_text("{}", encoding="utf-8")
    assert free_vault_location(taken) == tmp_path / "vault-2"
    (tmp_path / "empty").mkdir()
    assert free_vault_location(tmp_path / "empty") == tmp_path / "empty"
