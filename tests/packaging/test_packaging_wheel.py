"""The wheel and sdist of ``python -m build``: complete, and working in a fresh venv."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.packaging.packaging_helpers import (
    InstalledWheel,
    assert_translated,
    first_window,
    isolated_env,
    run,
    vault_round_trip,
)

pytestmark = pytest.mark.slow

RESOURCES = "kzarchive/_resources/"


def test_wheel_carries_translations_icons_and_demo(installed_wheel: InstalledWheel) -> None:
    with zipfile.ZipFile(installed_wheel.wheel) as wheel:
        names = set(wheel.namelist())
    assert {RESOURCES + "translations/kz_ru.qm", RESOURCES + "translations/kz_kk.qm",
            RESOURCES + "translations/kz_en.qm",
            RESOURCES + "icons/kzarchive.svg", RESOURCES + "demo/incidents.json",
            RESOURCES + "demo/incidents-ru.json", RESOURCES + "demo/incidents-kk.json",
            RESOURCES + "desktop/org.kzarchive.KzArchive.desktop",
            RESOURCES + "desktop/org.kzarchive.KzArchive.metainfo.xml",
            RESOURCES + "fonts/DejaVuSans.ttf", RESOURCES + "fonts/DejaVuSans-Bold.ttf",
            RESOURCES + "fonts/DejaVuSansMono.ttf", RESOURCES + "fonts/LICENSE-DejaVu.txt",
            "kzarchive/py.typed"} <= names
    for language in ("en", "ru", "kk"):
        guide = {f"{RESOURCES}help/{language}/{topic}.html" for topic in (
            "index", "getting-started", "partners-verify", "staying-safe", "verification",
            "terms")}
        assert guide <= names, language
    sizes = {f"{RESOURCES}icons/kzarchive-{size}.png" for size in (16, 32, 48, 256, 512)}
    assert sizes <= names
    assert not [name for name in names if name.endswith(".ts") or name.startswith("tests/")]


def test_sdist_builds_the_same_package(installed_wheel: InstalledWheel) -> None:
    with tarfile.open(installed_wheel.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "kzarchive/__init__.py",
            "resources/icons/kzarchive.svg", "setup.py"} <= names


def test_installed_cli_creates_vault_attaches_and_verifies(installed_wheel: InstalledWheel,
                                                           tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home", PATH=f"{installed_wheel.bin}:/usr/bin:/bin")
    report = vault_round_trip(installed_wheel.bin / "kzarchive", tmp_path, env)
    assert report["items_checked"] == 1


def test_installed_package_finds_its_resources(installed_wheel: InstalledWheel,
                                               tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home")
    probe = ("from kzarchive.resources import resource_path as r; "
             "import kzarchive, sys; "
             "print(kzarchive.__file__, r()); "
             "sys.exit(0 if all(r(*p).is_file() for p in (('translations', 'kz_ru.qm'), "
             "('icons', 'kzarchive-256.png'), ('demo', 'incidents.json'), "
             "('help', 'kk', 'index.html'), ('desktop', 'org.kzarchive.KzArchive.desktop'))) "
             "else 1)")
    result = run([installed_wheel.bin / "python", "-c", probe], env, cwd=tmp_path)
    # Imported from the venv, not from the source tree.
    assert "site-packages" in result.stdout
    # The resources it found are the ones installed inside the package.
    assert "site-packages/kzarchive/_resources" in result.stdout


def test_installed_gui_shows_its_first_window(installed_wheel: InstalledWheel,
                                              tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home", PATH=f"{installed_wheel.bin}:/usr/bin:/bin")
    log = first_window([installed_wheel.bin / "kzarchive-gui", "--language", "ru"], env)
    assert_translated(log)
