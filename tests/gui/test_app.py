"""The entry point: version, application identity, look, and first screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import kzarchive
from kzarchive.gui.app import APP_ID, create_application
from kzarchive.gui.config import GuiConfig
from kzarchive.gui.controller import AppController
from kzarchive.gui.windows.unlock import UnlockWindow
from kzarchive.gui.windows.welcome import WelcomeWindow


def test_version_is_printed_without_starting_qt() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = ("import sys; from kzarchive.gui.app import main\n"
            "try:\n    main(['kzarchive-gui', '--version'])\n"
            "except SystemExit as e:\n    print('PySide6.QtWidgets' in sys.modules, e.code)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60)
    assert out.stdout.split() == ["kzarchive", kzarchive.__version__, "False", "0"]


def test_application_identity_look_and_icon(qapp: QApplication) -> None:
    app = create_application(["kzarchive-gui"])
    assert app is qapp
    assert QGuiApplication.desktopFileName() == APP_ID == "org.kzarchive.KzArchive"
    assert app.applicationName() == "kzarchive"
    assert app.applicationVersion() == kzarchive.__version__
    assert app.font().pointSize() >= 10
    assert not app.windowIcon().pixmap(64, 64).isNull()


def test_first_start_shows_welcome_then_later_the_last_vault(
    qapp: QApplication, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    first = AppController(GuiConfig(language="en"))
    first.start()
    assert isinstance(first.screen, WelcomeWindow)
    first.dispose()

    second = AppController(GuiConfig(language="en", last_vault=str(vault[0])))
    second.start()
    assert isinstance(second.screen, UnlockWindow) and second.screen.vault_path == vault[0]
    second.dispose()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_switching_language_rebuilds_the_screen_and_is_remembered(
    controller: AppController, qtbot: QtBot
) -> None:
    from kzarchive.gui.config import load_config

    controller.show_welcome()
    controller.set_language("kk")
    screen = controller.screen
    assert isinstance(screen, WelcomeWindow)
    assert screen.create_button.text() == "Жаңа қойма жасау"
    assert load_config().language == "kk"
    controller.set_language("ru")
    screen = controller.screen
    assert isinstance(screen, WelcomeWindow)
    assert screen.create_button.text() == "Создать хранилище"
    controller.set_language("en")
    assert controller.screen.create_button.text() == "Create a new vault"  # type: ignore[union-attr]
