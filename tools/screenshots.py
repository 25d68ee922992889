"""Screenshots of every screen of the desktop app, in English, Russian and Kazakh.

    .venv/bin/python tools/screenshots.py [--languages en ru kk] [--out docs/screenshots]
    .venv/bin/python tools/screenshots.py --check [--screen 1280x720]

Runs offscreen on a 1366x768 screen, the smallest laptop screen the app is made
for, with throw-away settings and data folders (the demo vault is built in a
temporary folder, never in the user's), drives the real windows and saves
``<language>-<screen>.png``.  Dialogs are shot at the size they open with, and
large windows fill the screen, so a shot shows what a person sees.

``--check`` saves nothing: it adds long Cyrillic titles and many items to the
throw-away demo vault, drives the same screens and reports every text shown
only in part and every window larger than the screen (``tools/layout_check.py``),
as one JSON list on standard output; the exit status is 1 when it is not empty.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN_PASSPHRASE = "winter evening over the square"
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768


def offscreen_platform(scratch: Path, width: int = SCREEN_WIDTH,
                       height: int = SCREEN_HEIGHT) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of ``width`` x ``height``."""
    config = scratch / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _prepare_environment(scratch: Path) -> None:
    # A stand-in home folder, so paths on screen read ~/.local/share/kzarchive/...
    home = scratch / "home" / "documenter"
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform(scratch, SCREEN_WIDTH, SCREEN_HEIGHT)
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


PROBLEMS: list[str] = []
CHECKING = False


def _save(widget: object, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    if CHECKING:
        _check(widget, name)
        return
    from kzarchive.gui.screen_fit import free_area

    screen = free_area(widget)
    if widget.isWindow() and (widget.width() > screen.width()
                              or widget.height() > screen.height()):
        widget.resize(min(widget.width(), screen.width()),
                      min(widget.height(), screen.height()))
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _check(widget: object, name: str) -> None:
    from layout_check import layout_problems
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for _ in range(5):
        QApplication.processEvents()
    PROBLEMS.extend(f"{name}: {problem}" for problem in layout_problems(widget))


LONG_TITLE = ("Задержание участников мирного собрания у здания городского акимата "
              "Талдыкоргана и удержание без доступа к адвокату, случай {n}")


def _add_realistic_data(archive: object, language: str) -> None:
    """Long Cyrillic titles, places and file names, many incidents and items (once)."""
    import io

    from kzarchive.archive import Archive

    assert isinstance(archive, Archive)
    if any(s.title == LONG_TITLE.format(n=1) for s in archive.list_incidents()):
        return
    for n in range(1, 31):
        archive.add_incident(
            LONG_TITLE.format(n=n), place="Алматинская область, Талдыкорган, площадь "
            "Независимости", occurred_start=f"2022-01-{n % 28 + 1:02d}",
            violations=["arbitrary-detention", "denial-of-counsel"], tags=["митинг"])
    from screens_evidence import almaty_incident

    # Each language's demo vault titles the incident in that language.
    target = next(s for s in archive.list_incidents()
                  if s.title == almaty_incident(language))
    for n in range(1, 41):
        archive.store_content(
            target.id, io.BytesIO(f"Показания жителя, запись {n}.".encode()),
            name=f"показания-жителя-микрорайона-Самал-запись-{n:02d}.txt")


def shoot(language: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication, QDialog
    from screens_evidence import shoot_evidence
    from screens_exchange import shoot_exchange
    from screens_media import shoot_media
    from screens_provenance import shoot_provenance
    from screens_recorder import shoot_recorder

    from kzarchive.demo import load_demo_data
    from kzarchive.gui.config import GuiConfig
    from kzarchive.gui.controller import AppController
    from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog
    from kzarchive.gui.screen_fit import resize_within_screen
    from kzarchive.gui.windows.main_window import MainWindow
    from kzarchive.gui.windows.unlock import UnlockWindow
    from kzarchive.gui.windows.welcome import WelcomeWindow

    controller = AppController(GuiConfig(language=language))
    prefix = f"{language}-"

    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    _save(welcome, out, prefix + "welcome")

    dialog = CreateVaultDialog(controller, lambda archive: None, welcome)
    dialog.location_edit.setText(f"~/.local/share/kzarchive/vault-{language}")
    dialog.name_edit.setText("Field work 2024")
    dialog.passphrase_edit.setText(SCREEN_PASSPHRASE)
    dialog.repeat_edit.setText(SCREEN_PASSPHRASE[:-3])
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
    resize_within_screen(window, SCREEN_WIDTH, SCREEN_HEIGHT)
    if CHECKING:
        _add_realistic_data(controller.archive, controller.language)
        window.run_search()
        _wait(lambda: window.model.rowCount() > 30)
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
    about = window.show_about()
    _save(about, out, prefix + "about")
    about.done(0)
    shoot_evidence(controller, window, out, prefix, _save, _wait)
    shoot_recorder(controller, window, out, prefix, _save, _wait)
    shoot_exchange(controller, window, out, prefix, _save, _wait)
    trusted = window.show_trusted_time()
    _save(trusted, out, prefix + "trusted-time")
    trusted.close()
    # Playing is left out of the check: it only slows it, and it is not layout.
    shoot_media(controller, window, out, prefix, _save, _wait, play=not CHECKING)
    shoot_provenance(controller, window, out, prefix, _save, _wait)

    controller.lock()
    unlock = controller.screen
    assert isinstance(unlock, UnlockWindow)
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
    global CHECKING, SCREEN_WIDTH, SCREEN_HEIGHT
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", nargs="+", default=["en", "ru", "kk"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--screen", default=f"{SCREEN_WIDTH}x{SCREEN_HEIGHT}",
                        help="the screen size, WIDTHxHEIGHT")
    parser.add_argument("--check", action="store_true",
                        help="save nothing; report text shown only in part, as JSON")
    args = parser.parse_args(argv)
    CHECKING = args.check
    SCREEN_WIDTH, SCREEN_HEIGHT = (int(n) for n in args.screen.lower().split("x"))
    scratch = Path(tempfile.mkdtemp(prefix="kzarchive-screens-"))
    _prepare_environment(scratch)

    from kzarchive.gui.app import create_application
    from kzarchive.gui.i18n_build import TRANSLATED_LANGUAGES, compile_translations, ts_path

    # Compiled only when stale: two checks running side by side must not both write.
    sources = [ts_path(language) for language in TRANSLATED_LANGUAGES]
    if any(not ts.with_suffix(".qm").exists()
           or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime for ts in sources):
        compile_translations()
    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    for language in args.languages:
        shoot(language, args.out)
    app.quit()
    shutil.rmtree(scratch, ignore_errors=True)
    if CHECKING:
        print(json.dumps(PROBLEMS, ensure_ascii=False, indent=1))
        return 1 if PROBLEMS else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
