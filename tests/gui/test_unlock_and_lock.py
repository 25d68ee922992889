"""Unlocking with a wrong then the right secret; locking by hand and by idle time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.errors import VaultLocked
from kzarchive.gui.config import GuiConfig
from kzarchive.gui.controller import AppController
from kzarchive.gui.widgets.incident_detail import IncidentDetailPanel
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.unlock import UnlockWindow
from tests.gui.gui_helpers import PASSPHRASE, close_all_windows, visible_windows

INCIDENT_TITLE = "Detention near the bus station"


def unlock_screen(controller: AppController, path: Path) -> UnlockWindow:
    controller.config.last_vault = str(path)
    controller.start()
    screen = controller.screen
    assert isinstance(screen, UnlockWindow) and screen.isVisible()
    return screen


def type_and_submit(qtbot: QtBot, screen: UnlockWindow, secret: str) -> None:
    screen.secret_edit.clear()
    screen.secret_edit.insert(secret)  # QTest can only type ASCII; insert() takes any text
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)


def open_main(controller: AppController, qtbot: QtBot, path: Path) -> MainWindow:
    controller.vault_opened(Archive.open(path, PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.table.selectRow(0)
    assert window.detail.title_label.text() == INCIDENT_TITLE
    return window


def assert_locked(controller: AppController, archive: Archive, window: MainWindow) -> None:
    """Keys dropped, every evidence widget gone, only the unlock screen showing."""
    assert controller.archive is None
    assert not archive.is_open
    with pytest.raises(VaultLocked):
        archive.list_incidents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    assert not [w for w in QApplication.allWidgets()
                if isinstance(w, MainWindow | IncidentDetailPanel)]
    shown = visible_windows()
    assert len(shown) == 1 and isinstance(shown[0], UnlockWindow)
    texts = [w.text() for w in QApplication.allWidgets() if isinstance(w, QLabel)]
    assert not [t for t in texts if INCIDENT_TITLE in t]


def test_wrong_passphrase_is_explained_then_the_right_one_opens(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    path, _code = vault
    screen = unlock_screen(controller, path)
    type_and_submit(qtbot, screen, "not the passphrase")
    # While the key is derived, nothing can leave the screen and orphan the vault.
    assert not screen.other_button.isEnabled() and not screen.language_box.isEnabled()
    qtbot.waitUntil(screen.error.isVisible, timeout=10_000)
    assert screen.other_button.isEnabled()
    assert "The passphrase is not correct for this vault." in screen.error.text()
    assert controller.archive is None
    assert screen.secret_edit.isEnabled() and screen.secret_edit.hasSelectedText()

    type_and_submit(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=10_000)
    assert controller.archive is not None and controller.archive.path == path


def test_the_recovery_code_also_unlocks(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    path, code = vault
    screen = unlock_screen(controller, path)
    screen.use_recovery.setChecked(True)
    assert screen.prompt.text() == "Recovery code:"
    type_and_submit(qtbot, screen, code.lower())
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=10_000)


@pytest.fixture()
def russian_controller(qapp: QApplication) -> Iterator[AppController]:
    ctrl = AppController(GuiConfig(language="ru"))
    try:
        yield ctrl
    finally:
        ctrl.dispose()
        close_all_windows(qapp)
        ctrl.set_language("en")
        close_all_windows(qapp)


def test_the_wrong_passphrase_message_is_in_the_interface_language(
    russian_controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    screen = unlock_screen(russian_controller, vault[0])
    assert screen.unlock_button.text() == "Разблокировать"
    type_and_submit(qtbot, screen, "неверная фраза")
    qtbot.waitUntil(screen.error.isVisible, timeout=10_000)
    assert "Неверная парольная фраза" in screen.error.text()


def test_ctrl_l_locks_and_closes_every_window_showing_evidence(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    archive = controller.archive
    assert archive is not None
    window.show_about()  # a (window-modal) dialog of the vault's window is open too
    about = window.findChild(QMessageBox)
    assert about is not None and about.isVisible()
    about.activateWindow()
    qtbot.waitUntil(about.isActiveWindow)
    qtbot.keyClick(about, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_locked(controller, archive, window)

    screen = controller.screen
    assert isinstance(screen, UnlockWindow) and screen.vault_path == vault[0]
    type_and_submit(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=10_000)


def test_auto_lock_after_idle_time(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    controller.set_auto_lock_ms(300)
    window = open_main(controller, qtbot, vault[0])
    archive = controller.archive
    assert archive is not None and controller.idle.active
    qtbot.waitUntil(lambda: controller.archive is None, timeout=5_000)
    assert_locked(controller, archive, window)
    assert not controller.idle.active


def test_input_postpones_auto_lock(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    controller.set_auto_lock_ms(400)
    window = open_main(controller, qtbot, vault[0])
    for _ in range(8):  # 800 ms of typing: twice the idle time
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Shift)
        qtbot.wait(100)
    assert controller.archive is not None
    qtbot.waitUntil(lambda: controller.archive is None, timeout=5_000)


def test_closing_the_vault_returns_to_the_welcome_screen(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    archive = controller.archive
    assert archive is not None
    controller.close_vault()
    assert not archive.is_open
    shown = visible_windows()
    assert len(shown) == 1 and type(shown[0]).__name__ == "WelcomeWindow"
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)


