"""Screenshots of every screen of the desktop app, in English and Russian.

    .venv/bin/python tools/screenshots.py [--languages en ru kk] [--out docs/screenshots]

Runs offscreen with throw-away settings and data folders (the demo vault is built
in a temporary folder, never in the user's), drives the real windows and saves
``<language>-<screen>.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN_PASSPHRASE = "winter evening over the square"


def _prepare_environment(scratch: Path) -> None:
    # A stand-in home folder, so paths on screen read ~/.local/share/kzarchive/...
    home = scratch / "home" / "documenter"
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(home)
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["KZARCHIVE_GUI_CONFIG"] = str(home / ".config" / "kzarchive" / "gui.json")
    os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "100")
    sys.path.insert(0, str(ROOT))


def _wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: object, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def shoot(language: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication, QDialog
    from screens_evidence import shoot_evidence
    from screens_exchange import shoot_exchange
    from screens_media import shoot_media

    from kzarchive.demo import load_demo_data
    from kzarchive.gui.config import GuiConfig
    from kzarchive.gui.controller import AppController
    from kzarchive.gui.create_dialog import CreateVaultDialog
    from kzarchive.gui.main_window import MainWindow
    from kzarchive.gui.unlock import UnlockWindow
    from kzarchive.gui.welcome import WelcomeWindow

    controller = AppController(GuiConfig(language=language))
    prefix = f"{language}-"

    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    welcome.resize(720, 560)
    _save(welcome, out, prefix + "welcome")

    dialog = CreateVaultDialog(controller, lambda archive: None, welcome)
    dialog.location_edit.setText(f"~/.local/share/kzarchive/vault-{language}")
    dialog.name_edit.setText("Field work 2024")
    dialog.passphrase_edit.setText(SCREEN_PASSPHRASE)
    dialog.repeat_edit.setText(SCREEN_PASSPHRASE[:-3])
    dialog.resize(680, 520)
    dialog.show()
    _save(dialog, out, prefix + "create-form")
    dialog.repeat_edit.setText(SCREEN_PASSPHRASE)
    created: list[object] = []
    dialog._on_ready = created.append
    dialog.create_button.click()
    _wait(lambda: dialog.pages.currentIndex() == CreateVaultDialog.RECOVERY)
    _save(dialog, out, prefix + "create-recovery-code")
    dialog.written_down.setChecked(True)
    dialog.continue_button.click()
    _wait(lambda: bool(created))
    created[0].close()  # type: ignore[attr-defined]
    if dialog.isVisible():
        dialog.done(QDialog.DialogCode.Accepted)

    welcome.demo_button.click()
    _wait(lambda: isinstance(controller.screen, MainWindow))
    window = controller.screen
    assert isinstance(window, MainWindow)
    window.resize(1280, 760)
    _wait(lambda: window.model.rowCount() > 0)
    window.table.selectRow(2)
    _save(window, out, prefix + "main")
    window.detail.tabs.setCurrentIndex(2)
    _save(window, out, prefix + "main-items")
    window.detail.tabs.setCurrentIndex(0)
    # The journalist's case in Uralsk, found by its place as that language's demo names it.
    window.search_edit.setText(str(load_demo_data(language).incidents[3]["place"]))
    _wait(lambda: window.model.rowCount() == 1)
    window.table.selectRow(0)
    _save(window, out, prefix + "main-search")
    shoot_evidence(controller, window, out, prefix, _save, _wait)
    shoot_exchange(controller, window, out, prefix, _save, _wait)
    shoot_media(controller, window, out, prefix, _save, _wait)

    controller.lock()
    unlock = controller.screen
    assert isinstance(unlock, UnlockWindow)
    unlock.resize(640, 400)
    unlock.secret_edit.setText("not the passphrase")
    unlock.unlock()
    _wait(lambda: unlock.error.isVisible())
    _save(unlock, out, prefix + "unlock-wrong-passphrase")

    controller.dispose()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", nargs="+", default=["en", "ru"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="kzarchive-screens-"))
    _prepare_environment(scratch)

    from kzarchive.gui.app import create_application
    from kzarchive.gui.i18n_build import compile_translations

    compile_translations()
    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    for language in args.languages:
        shoot(language, args.out)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
