"""Entry point of the desktop app (``kzarchive-gui``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import kzarchive

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

APP_ID = "org.kzarchive.KzArchive"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kzarchive-gui", description="kzarchive: a secure, offline evidence archive.")
    parser.add_argument("--version", action="version", version=f"kzarchive {kzarchive.__version__}")
    parser.add_argument("--language", choices=("en", "ru", "kk"),
                        help="interface language (remembered for the next start)")
    # Qt's own options (-platform, -style ...) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with kzarchive's names, look and icon."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kzarchive.gui.gc_guard import InterfaceThreadCollector
    from kzarchive.gui.style import apply_style

    QApplication.setApplicationName("kzarchive")
    QApplication.setOrganizationName("kzarchive")
    QApplication.setOrganizationDomain("kzarchive.org")
    QApplication.setApplicationVersion(kzarchive.__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationDisplayName("kzarchive")
    apply_style(app)
    if app.findChild(InterfaceThreadCollector) is None:
        InterfaceThreadCollector(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])  # --version exits here, before any Qt is loaded

    from kzarchive.gui.config import load_config, save_config
    from kzarchive.gui.controller import AppController

    app = create_application(argv)
    config = load_config()
    if args.language:
        config.language = args.language
        save_config(config)
    controller = AppController(config)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
