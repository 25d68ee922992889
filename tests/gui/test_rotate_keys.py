"""The change-passphrase dialog: replacing the vault's key shows a new recovery code once,
and every message says what an old copy of vault.keys still opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.errors import IntegrityError, WrongPassphrase
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
from kzarchive.gui.windows.main_window import MainWindow
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import open_window, shown

NEW_PASSPHRASE = "kettle humming under the mountain"


def open_change_dialog(window: MainWindow) -> ChangePassphraseDialog:
    window.exchange_actions["change_passphrase"].trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, ChangePassphraseDialog)
    return dialog


def submit(dialog: ChangePassphraseDialog, qtbot: QtBot, rotate: bool) -> None:
    qtbot.keyClicks(dialog.passphrase_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE)
    dialog.rotate_check.setChecked(rotate)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ChangePassphraseDialog.DONE,
                    timeout=20_000)


def test_replacing_the_key_shows_a_new_code_once_and_old_keys_stop_working(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    path, old_code = vault
    old_keys = (path / "vault.keys").read_bytes()
    window = open_window(controller, qtbot, path)
    dialog = open_change_dialog(window)
    assert shown(dialog.rotate_check) and not dialog.rotate_check.isChecked()
    submit(dialog, qtbot, rotate=True)

    code = dialog.recovery_code
    assert len(code) == 29 and code != old_code
    assert shown(dialog.code_label) and "open nothing" in dialog.done_text.text()
    # The code cannot be dismissed before it is written down.
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    dialog.written_down.setChecked(True)
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.recovery_code == ""
    controller.lock()

    with pytest.raises(WrongPassphrase):
        Archive.open(path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Archive.open_with_recovery(path, old_code)
    Archive.open(path, NEW_PASSPHRASE).close()
    Archive.open_with_recovery(path, code).close()
    (path / "vault.keys").write_bytes(old_keys)
    with pytest.raises(IntegrityError):
        Archive.open(path, PASSPHRASE)


def test_a_plain_change_says_that_old_copies_still_open(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    path, old_code = vault
    window = open_window(controller, qtbot, path)
    dialog = open_change_dialog(window)
    submit(dialog, qtbot, rotate=False)
    assert "still opens the vault with the old passphrase" in dialog.done_text.text()
    assert not shown(dialog.code_label) and dialog.close_button.isEnabled()
    dialog.close_button.click()
    controller.lock()
    Archive.open_with_recovery(path, old_code).close()
