"""The Linux one-folder app: it runs without Python, and carries only what it should."""

from __future__ import annotations

import os
import pkgutil
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import kzarchive
from tests.packaging.packaging_helpers import (
    FrozenBuild,
    assert_translated,
    first_window,
    isolated_env,
    run,
    vault_round_trip,
)

pytestmark = pytest.mark.slow

APP_ID = "org.kzarchive.KzArchive"
# WebEngine alone adds some 200 MB; a build that grows past this has pulled in
# something it should not. The media layer's c2pa library and numpy (for PDQ)
# make about 64 MB of the 320 MB the folder has now.
MAX_FOLDER_BYTES = 360 * 1024 * 1024
DEV_TOOLS = ("pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "mypyc", "ruff", "bagit",
             "setuptools", "pkg_resources", "pip", "PyInstaller", "tests", "conftest")
# Qt's FFmpeg media plugin (video and audio playback) links the QML and Quick
# libraries, so those ship; their Python modules and QML plugins do not.
UNUSED_QT = ("WebEngine", "QtQml.", "QtQuick.", "Qt63D", "Designer", "VirtualKeyboard", "Charts",
             "DataVisualization", "Bluetooth", "Location", "Sensors", "SerialPort")


def all_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() or path.is_symlink())


def test_both_programs_share_one_folder(frozen_build: FrozenBuild) -> None:
    folder = frozen_build.folder
    for name in ("kzarchive", "kzarchive-gui"):
        assert os.access(folder / name, os.X_OK), name
    # One copy of Python and Qt, not one per program.
    assert len(list(folder.rglob("libpython3*.so*"))) == 1
    assert len([path for path in folder.rglob("libQt6Core.so*") if not path.is_symlink()]) == 1


def test_build_reports_folder_and_tarball_sizes(frozen_build: FrozenBuild) -> None:
    folder_line = re.search(r"^App folder: (.+) \((\S+)\)$", frozen_build.output, re.M)
    tarball_line = re.search(r"^Tarball: +(.+) \((\S+)\)$", frozen_build.output, re.M)
    assert folder_line and Path(folder_line[1]) == frozen_build.folder
    assert tarball_line and Path(tarball_line[1]) == frozen_build.tarball
    size = sum(path.stat().st_size for path in all_files(frozen_build.folder)
               if not path.is_symlink())
    assert size < MAX_FOLDER_BYTES, f"the app folder is {size / 2**20:.0f} MiB"
    assert frozen_build.tarball.stat().st_size < size


def test_cli_creates_vault_attaches_and_verifies(frozen_build: FrozenBuild, tmp_path: Path) -> None:
    # PATH without the project's environment: the program must not need Python.
    env = isolated_env(tmp_path / "home", PATH="/usr/bin:/bin", PYTHONPATH="",
                       PYTHONHOME="", VIRTUAL_ENV="")
    report = vault_round_trip(frozen_build.folder / "kzarchive", tmp_path, env)
    assert report["items_checked"] == 1


def test_gui_shows_its_first_window_offscreen(frozen_build: FrozenBuild, tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home", PATH="/usr/bin:/bin")
    log = first_window([frozen_build.folder / "kzarchive-gui", "--language", "kk"], env)
    assert "Traceback" not in log
    assert_translated(log)


@pytest.fixture
def x_display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/setup --test installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-screen", "0", "1280x800x24"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gui_shows_its_first_window_on_x11(frozen_build: FrozenBuild, tmp_path: Path,
                                           x_display: str) -> None:
    # The real desktop path: the bundled xcb platform plugin and its libraries.
    env = isolated_env(tmp_path / "home", PATH="/usr/bin:/bin", QT_QPA_PLATFORM="xcb",
                       DISPLAY=x_display)
    env.pop("WAYLAND_DISPLAY", None)
    log = first_window([frozen_build.folder / "kzarchive-gui", "--language", "ru"], env)
    assert_translated(log)


def test_resources_are_where_the_app_looks(frozen_build: FrozenBuild) -> None:
    resources = frozen_build.folder / "_internal" / "kzarchive" / "_resources"
    names = {path.relative_to(resources).as_posix() for path in all_files(resources)}
    assert {"translations/kz_ru.qm", "translations/kz_kk.qm", "icons/kzarchive.svg",
            "icons/kzarchive-256.png", "demo/incidents.json", "demo/incidents-kk.json",
            "help/ru/index.html", "help/kk/staying-safe.html",
            "translations/kz_en.qm", "fonts/DejaVuSans.ttf", "fonts/DejaVuSansMono.ttf",
            "fonts/LICENSE-DejaVu.txt"} <= names
    # Sources and code stay out; code lives in the executables' archives.
    assert not [name for name in names if name.endswith((".ts", ".py", ".pyc"))]
    qt_translations = frozen_build.folder / "_internal" / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_ru.qm").exists()
    assert not (qt_translations / "qtbase_de.qm").exists()


def bundled_modules(executable: Path) -> list[str]:
    from PyInstaller.archive.readers import pkg_archive_contents  # type: ignore[import-untyped]

    return list(pkg_archive_contents(str(executable)))


def test_no_development_tools_or_test_data(frozen_build: FrozenBuild) -> None:
    folder = frozen_build.folder
    for executable in ("kzarchive", "kzarchive-gui"):
        modules = bundled_modules(folder / executable)
        assert "kzarchive.archive" in modules  # the reader sees the real archive
        unwanted = [name for name in modules if name.split(".")[0] in DEV_TOOLS
                    or ".tests" in name or ".test_" in name]
        assert not unwanted, f"{executable} carries {unwanted[:10]}"
    files = [path.relative_to(folder).as_posix() for path in all_files(folder)]
    unwanted_files = [name for name in files
                      if name.endswith((".ts", ".pyi", "conftest.py"))
                      or any(part in DEV_TOOLS for part in Path(name).parts)
                      or re.search(r"(^|/)tests?/", name)]
    assert not unwanted_files, unwanted_files[:10]


def test_each_program_carries_what_its_commands_import_on_use(frozen_build: FrozenBuild) -> None:
    # A command imports the services and libraries it runs, where it runs them
    # (tests/cli/test_start_up.py); a build that missed one would fail only when a
    # person first reaches that command.
    core = {module.name for module in pkgutil.walk_packages(kzarchive.__path__, "kzarchive.")
            if not module.name.startswith("kzarchive.gui")
            and not module.name.endswith("__main__")}
    libraries = {"numpy", "pdqhash", "PIL", "c2pa", "rfc3161_client", "reportlab", "segno",
                 "sqlcipher3"}
    cli = set(bundled_modules(frozen_build.folder / "kzarchive"))
    assert core - {"kzarchive.demo"} - cli == set()
    assert libraries - cli == set()
    gui = set(bundled_modules(frozen_build.folder / "kzarchive-gui"))
    assert {name for name in core if not name.startswith("kzarchive.cli")} - gui == set()
    assert libraries - gui == set()


def test_cli_does_not_carry_qt(frozen_build: FrozenBuild) -> None:
    modules = bundled_modules(frozen_build.folder / "kzarchive")
    assert not [name for name in modules if name.startswith(("PySide6", "kzarchive.gui"))]
    assert "kzarchive.gui.app" in bundled_modules(frozen_build.folder / "kzarchive-gui")


def test_unused_qt_parts_are_left_out(frozen_build: FrozenBuild) -> None:
    names = [path.name for path in all_files(frozen_build.folder)]
    assert not [name for name in names if any(part in name for part in UNUSED_QT)]
    plugins = frozen_build.folder / "_internal" / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqxcb.so").exists()
    assert (plugins / "platforms" / "libqwayland.so").exists()
    assert (plugins / "iconengines" / "libqsvgicon.so").exists()
    assert (plugins / "multimedia" / "libffmpegmediaplugin.so").exists()
    # Nothing that serves or reaches the network.
    assert not (plugins / "platforms" / "libqvnc.so").exists()
    assert not (plugins / "tls").exists()
    assert not (plugins / "networkinformation").exists()


def test_tarball_holds_the_folder_and_runs_unpacked(frozen_build: FrozenBuild,
                                                    tmp_path: Path) -> None:
    with tarfile.open(frozen_build.tarball) as archive:
        members = archive.getmembers()
        assert {member.name.split("/")[0] for member in members} == {"kzarchive"}
        assert all(member.uid == 0 and member.gid == 0 for member in members)
        archive.extractall(tmp_path, filter="tar")
    unpacked = tmp_path / "kzarchive"
    assert ([path.relative_to(unpacked) for path in all_files(unpacked)]
            == [path.relative_to(frozen_build.folder) for path in all_files(frozen_build.folder)])
    env = isolated_env(tmp_path / "home", PATH="/usr/bin:/bin")
    assert run([unpacked / "kzarchive", "--version"], env).stdout.startswith("kzarchive ")


def test_desktop_entry_installs_for_the_user_and_is_removed(frozen_build: FrozenBuild,
                                                             tmp_path: Path) -> None:
    app = tmp_path / "Field kit" / "kzarchive"  # a space in the path, as on many USB sticks
    shutil.copytree(frozen_build.folder, app, symlinks=True)
    home = tmp_path / "home"
    env = isolated_env(home, PATH="/usr/bin:/bin")
    run([app / "install-desktop-entry.sh"], env)

    data = home / "data"
    desktop = data / "applications" / f"{APP_ID}.desktop"
    entry = desktop.read_text(encoding="utf-8")
    assert f'Exec="{app}/kzarchive-gui"' in entry.splitlines()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", desktop], env)
    command = home / ".local" / "bin" / "kzarchive"
    assert run([command, "--version"], env).stdout.startswith("kzarchive ")

    run([app / "install-desktop-entry.sh", "--remove"], env)
    assert not desktop.exists()
    assert not command.exists() and not command.is_symlink()
    assert not list(data.rglob(f"{APP_ID}.*"))
    assert (app / "kzarchive").exists()


def test_the_media_layer_ships_its_native_parts(frozen_build: FrozenBuild) -> None:
    # c2pa-python finds its Rust library beside itself, in c2pa/libs/; the PDQ
    # extension needs numpy, which it imports from compiled code.
    internal = frozen_build.folder / "_internal"
    assert list((internal / "c2pa" / "libs").glob("libc2pa_c.*"))
    assert list((internal / "pdqhash").glob("bindings*"))
    for executable in ("kzarchive", "kzarchive-gui"):
        modules = bundled_modules(frozen_build.folder / executable)
        for name in ("kzarchive.media.perceptual", "kzarchive.media.credentials", "numpy", "c2pa"):
            assert name in modules, (executable, name)
