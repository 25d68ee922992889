"""GUI tests: offscreen Qt, fast key derivation, and nothing written outside tmp.

The environment is set before Qt is imported: Qt reads the platform and its
config location once per process.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")
# Qt keeps its own settings (file-dialog history) under XDG_CONFIG_HOME: keep them in tmp.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kzarchive-gui-config-")

import pytest
from PySide6.QtWidgets import QApplication

from kzarchive.archive import Archive
from kzarchive.gui.config import GuiConfig
from tests.gui.gui_helpers import PASSPHRASE, close_all_windows

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController


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
def controller(qapp: QApplication) -> Iterator[AppController]:
    """The app's controller in English, torn down with every window it opened."""
    from kzarchive.gui.controller import AppController
    from kzarchive.gui.style import apply_style

    apply_style(qapp)
    ctrl = AppController(GuiConfig(language="en"))
    try:
        yield ctrl
    finally:
        ctrl.dispose()
        close_all_windows(qapp)
        ctrl.deleteLater()
        qapp.processEvents()


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("template") / "vault"
    archive, code = Archive.create(path, PASSPHRASE, name="Field notes")
    try:
        archive.add_incident("Detention near the bus station", place="Aktau",
                             occurred_start="2022-01-06", violations=["arbitrary-detention"])
    finally:
        archive.close()
    return path, code


@pytest.fixture()
def vault(tmp_path: Path, vault_template: tuple[Path, str]) -> tuple[Path, str]:
    """A closed vault on disk with one incident; returns (path, recovery code)."""
    path = tmp_path / "vault"
    shutil.copytree(vault_template[0], path)
    return path, vault_template[1]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kzarchive.demo import build_demo_vault

    path = tmp_path_factory.mktemp("demo-template") / "demo-vault"
    build_demo_vault(path).close()
    return path


@pytest.fixture()
def demo_vault(demo_template: Path, isolated_dirs: Path) -> Path:
    """The demo vault, already built, where the app looks for it."""
    from kzarchive.demo import demo_vault_path

    path = demo_vault_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(demo_template, path)
    return path
