"""GUI tests: offscreen Qt, fast key derivation, and nothing written outside tmp.

The environment is set before Qt is imported: Qt reads the platform and its
config location once per process.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")
# Qt keeps its own settings (file-dialog history) under XDG_CONFIG_HOME: keep them in tmp.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kzarchive-gui-config-")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kzarchive.archive import Archive  # noqa: E402
from kzarchive.gui.config import GuiConfig  # noqa: E402

PASSPHRASE = "snow over the square at dusk"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files, built from the committed .ts sources as the set-up script does."""
    from kzarchive.gui.i18n_build import compile_translations

    compile_translations()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """User data (default and demo vault locations) and settings under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("KZARCHIVE_GUI_CONFIG", str(tmp_path / "config" / "gui.json"))
    return tmp_path


@pytest.fixture()
def controller(qapp: QApplication) -> Iterator[object]:
    """The app's controller in English, torn down with every window it opened."""
    from kzarchive.gui.controller import AppController
    from kzarchive.gui.style import apply_style

    apply_style(qapp)
    ctrl = AppController(GuiConfig(language="en"))
    try:
        yield ctrl
    finally:
        ctrl.shutdown()
        close_all_windows(qapp)
        ctrl.idle.dispose()
        ctrl.deleteLater()
        qapp.processEvents()


def close_all_windows(qapp: QApplication) -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qapp.processEvents()


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture()
def vault(tmp_path: Path) -> tuple[Path, str]:
    """A closed vault on disk with one incident; returns (path, recovery code)."""
    path = tmp_path / "vault"
    archive, code = Archive.create(path, PASSPHRASE, name="Field notes")
    try:
        archive.add_incident("Detention near the bus station", place="Aktau",
                             occurred_start="2022-01-06", violations=["arbitrary-detention"])
    finally:
        archive.close()
    return path, code
