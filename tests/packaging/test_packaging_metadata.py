"""Desktop entry, AppStream metainfo, icons and the Qt pruning rules."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest

from kzarchive.gui.app import APP_ID
from tests.packaging.packaging_helpers import PACKAGING, ROOT

LINUX = ROOT / "resources" / "desktop"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def load(name: str) -> ModuleType:
    """A script of packaging/, which is not a package (it must not shadow PyPI's)."""
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed (scripts/setup --test)")
def test_desktop_file_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstream is not installed (scripts/setup --test)")
def test_metainfo_is_valid_offline() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_starts_the_gui_under_the_app_id() -> None:
    entry = desktop_entry()
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert entry["Exec"].split()[0] in project["gui-scripts"]
    assert entry["TryExec"] == entry["Exec"].split()[0]
    # The icon theme name and the file name are the id the app gives Qt, so that
    # desktops match the running window to its menu entry and icon.
    assert entry["Icon"] == APP_ID
    assert DESKTOP.name == f"{APP_ID}.desktop"


def test_metainfo_matches_the_desktop_entry_and_the_project() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("project_license") == project["license"]
    assert component.find("content_rating") is not None
    binaries = {element.text for element in component.iterfind("provides/binary")}
    assert binaries == set(project["scripts"]) | set(project["gui-scripts"])
    assert (component.findtext("summary") or "").strip()
    assert component.find("description/p") is not None


def test_committed_icons_match_the_svg() -> None:
    make_icons = load("make_icons")
    assert make_icons.stale_sizes() == []


def test_a_stale_or_missing_icon_is_reported(tmp_path: Path) -> None:
    make_icons = load("make_icons")
    shutil.copytree(make_icons.ICON_DIR, tmp_path, dirs_exist_ok=True)
    make_icons.png_path(512, tmp_path).unlink()
    # A 48 px file rendered from another drawing: same size, other pixels.
    other = tmp_path / "other.svg"
    other.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48">'
                     '<rect width="48" height="48" fill="#c00"/></svg>', encoding="utf-8")
    make_icons.png_path(48, tmp_path).write_bytes(make_icons.render(other, 48))
    assert make_icons.stale_sizes(tmp_path) == [48, 512]
    assert make_icons.main(["--check", "--icon-dir", str(tmp_path)]) == 1
    make_icons.write_all(tmp_path)
    assert make_icons.stale_sizes(tmp_path) == []


PLUGINS = "PySide6/Qt/plugins/"
LIB = "PySide6/Qt/lib/"


def test_dropped_plugins_take_only_their_own_libraries_with_them() -> None:
    qt_prune = load("qt_prune")
    keyboard = (f"{PLUGINS}platforminputcontexts/libqtvirtualkeyboardplugin.so", "/s/vk.so",
                "BINARY")
    xcb = (f"{PLUGINS}platforms/libqxcb.so", "/s/xcb.so", "BINARY")
    quick = (f"{LIB}libQt6Quick.so.6", "/s/quick.so", "BINARY")
    qml = (f"{LIB}libQt6Qml.so.6", "/s/qml.so", "BINARY")
    gui = (f"{LIB}libQt6Gui.so.6", "/s/gui.so", "BINARY")
    core = (f"{LIB}libQt6Core.so.6", "/s/core.so", "BINARY")
    links = {"/s/vk.so": ["/s/quick.so", "/s/gui.so", "/lib/libc.so.6"],
             "/s/quick.so": ["/s/qml.so", "/s/gui.so"], "/s/qml.so": ["/s/core.so"],
             "/s/xcb.so": ["/s/gui.so"], "/s/gui.so": ["/s/core.so"], "/s/core.so": []}
    datas = [
        ("libQt6Quick.so.6", f"{LIB}libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", f"{LIB}libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_ru.qm", "/s/qtbase_ru.qm", "DATA"),
        ("PySide6/Qt/translations/qt_kk.qm", "/s/qt_kk.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/s/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qt_help_ru.qm", "/s/qt_help_ru.qm", "DATA"),
        ("kzarchive/_resources/translations/kz_ru.qm", "/s/kz_ru.qm", "DATA"),
    ]
    binaries, kept_datas, removed = qt_prune.prune(
        [keyboard, xcb, quick, qml, gui, core], datas, ("ru", "kk"),
        lambda source: links.get(source, []))
    assert binaries == [xcb, gui, core]
    assert [entry[0] for entry in kept_datas] == [
        "libQt6Gui.so.6", "PySide6/Qt/translations/qtbase_ru.qm",
        "PySide6/Qt/translations/qt_kk.qm", "kzarchive/_resources/translations/kz_ru.qm"]
    assert keyboard[0] in removed and quick[0] in removed and "libQt6Quick.so.6" in removed


def test_a_library_still_linked_by_a_kept_binary_stays() -> None:
    qt_prune = load("qt_prune")
    vnc = (f"{PLUGINS}platforms/libqvnc.so", "/s/vnc.so", "BINARY")
    tls = (f"{PLUGINS}tls/libqopensslbackend.so", "/s/tls.so", "BINARY")
    network = (f"{LIB}libQt6Network.so.6", "/s/net.so", "BINARY")
    extension = ("PySide6/QtNetwork.abi3.so", "/s/qtnetwork.so", "EXTENSION")
    links = {"/s/vnc.so": ["/s/net.so"], "/s/tls.so": ["/s/net.so"],
             "/s/qtnetwork.so": ["/s/net.so"]}
    binaries, _datas, removed = qt_prune.prune([vnc, tls, network, extension], [], ("ru",),
                                               lambda source: links.get(source, []))
    assert binaries == [network, extension]
    assert removed == sorted([vnc[0], tls[0]])
