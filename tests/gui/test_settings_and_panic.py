"""Settings, changing the passphrase (also after a recovery-code unlock) and the panic wipe."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.export_wizard import ExportWizard
from kzarchive.gui.dialogs.panic import PanicWipeDialog
from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
from kzarchive.gui.dialogs.settings_dialog import SettingsDialog
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.unlock import UnlockWindow
from kzarchive.gui.windows.welcome import WelcomeWindow
from tests.gui.gui_helpers import PASSPHRASE, visible_windows
from tests.gui.partner_helpers import open_window, shown

NEW_PASSPHRASE = "kettle humming under the mountain"


def open_dialog(window: MainWindow, action: str) -> object:
    window.exchange_actions[action].trigger()
    return window.child_windows[-1]


def saved_settings(isolated_dirs: Path) -> dict[str, object]:
    data = json.loads((isolated_dirs / "config" / "gui.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def unlock_with(controller: AppController, qtbot: QtBot, secret: str,
                recovery: bool = False) -> UnlockWindow:
    screen = controller.screen
    assert isinstance(screen, UnlockWindow)
    screen.use_recovery.setChecked(recovery)
    screen.secret_edit.insert(secret)
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.archive is not None or screen.error.isVisible(),
                    timeout=10_000)
    return screen


def test_settings_change_auto_lock_and_export_defaults_at_once(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], isolated_dirs: Path
) -> None:
    window = open_window(controller, qtbot, vault[0])
    dialog = open_dialog(window, "show_settings")
    assert isinstance(dialog, SettingsDialog)
    assert dialog.auto_lock.value() == 5
    assert not dialog.originals.isChecked() and not dialog.gps.isChecked()
    dialog.auto_lock.setValue(7)
    dialog.originals.setChecked(True)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert controller.idle._timer.interval() == 7 * 60_000 and controller.idle.active
    settings = saved_settings(isolated_dirs)
    assert settings["auto_lock_minutes"] == 7 and settings["export_originals"] is True
    assert settings["export_gps"] is False

    wizard = open_dialog(window, "export_bundle")
    assert isinstance(wizard, ExportWizard)
    assert wizard.options_page.originals.isChecked()
    assert not wizard.options_page.real_names.isChecked()  # never a default
    wizard.reject()

    dialog = open_dialog(window, "show_settings")
    assert isinstance(dialog, SettingsDialog)
    dialog.auto_lock.setValue(9)
    dialog.reject()  # cancelled: nothing changes
    assert controller.idle._timer.interval() == 7 * 60_000
    assert saved_settings(isolated_dirs)["auto_lock_minutes"] == 7


def test_settings_switch_the_language_at_once(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], isolated_dirs: Path
) -> None:
    window = open_window(controller, qtbot, vault[0])
    assert window.vault_menu.title() == "&Vault"
    dialog = open_dialog(window, "show_settings")
    assert isinstance(dialog, SettingsDialog)
    notes = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Applies at once: the window is rebuilt in the new language." in notes
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ru"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: controller.screen is not window and controller.language == "ru")
    russian = controller.screen
    assert isinstance(russian, MainWindow) and controller.archive is not None
    assert russian.vault_menu.title() not in ("&Vault", "")
    assert saved_settings(isolated_dirs)["language"] == "ru"
    assert controller.archive.is_open  # the vault stays unlocked


def test_panic_wipe_needs_the_typed_word_and_leaves_no_vault(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], isolated_dirs: Path
) -> None:
    path = vault[0]
    window = open_window(controller, qtbot, path)
    archive = controller.archive
    assert archive is not None
    dialog = open_dialog(window, "panic_wipe")
    assert isinstance(dialog, PanicWipeDialog)
    assert not dialog.wipe_button.isEnabled()
    qtbot.keyClicks(dialog.word_edit, "WIP")
    assert not dialog.wipe_button.isEnabled()
    dialog.wipe()  # refused: the word is not complete
    assert path.is_dir() and archive.is_open
    qtbot.keyClicks(dialog.word_edit, "E")
    assert dialog.wipe_button.isEnabled()
    dialog.wipe_button.click()

    assert not path.exists()
    assert controller.archive is None and not archive.is_open
    assert isinstance(controller.screen, WelcomeWindow)
    assert [type(w) for w in visible_windows()] == [WelcomeWindow]
    assert saved_settings(isolated_dirs)["last_vault"] == ""


def test_panic_wipe_can_be_cancelled(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    dialog = open_dialog(window, "panic_wipe")
    assert isinstance(dialog, PanicWipeDialog)
    qtbot.keyClicks(dialog.word_edit, "wipe")  # case does not matter
    assert dialog.wipe_button.isEnabled()
    dialog.reject()
    assert Archive.is_vault(vault[0]) and controller.archive is not None
    assert controller.screen is window


def change_passphrase(dialog: ChangePassphraseDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.passphrase_edit, "short")
    assert not dialog.change_button.isEnabled() and "Too short" in dialog.strength_label.text()
    dialog.passphrase_edit.setText(NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE[:-1])
    assert not dialog.change_button.isEnabled() and shown(dialog.match_label)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE[-1])
    assert dialog.change_button.isEnabled()
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ChangePassphraseDialog.DONE,
                    timeout=10_000)


def test_change_passphrase_then_lock_and_unlock_with_the_new_one(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    dialog = open_dialog(window, "change_passphrase")
    assert isinstance(dialog, ChangePassphraseDialog)
    change_passphrase(dialog, qtbot)
    controller.lock()

    screen = unlock_with(controller, qtbot, PASSPHRASE)
    assert controller.archive is None and screen.error.isVisible()
    screen.secret_edit.clear()
    unlock_with(controller, qtbot, NEW_PASSPHRASE)
    assert controller.archive is not None and isinstance(controller.screen, MainWindow)
    assert not [w for w in visible_windows() if isinstance(w, ChangePassphraseDialog)]


def test_after_a_recovery_unlock_a_new_passphrase_is_offered_at_once(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    path, code = vault
    controller.show_unlock(path)
    unlock_with(controller, qtbot, code, recovery=True)
    assert isinstance(controller.screen, MainWindow)
    offered = [w for w in visible_windows() if isinstance(w, ChangePassphraseDialog)]
    assert len(offered) == 1
    dialog = offered[0]
    assert dialog.cancel_button.text() == "Later"
    change_passphrase(dialog, qtbot)
    controller.lock()
    unlock_with(controller, qtbot, NEW_PASSPHRASE)
    assert controller.archive is not None
