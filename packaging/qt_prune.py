"""Drop the Qt plugins and translations kzarchive never uses from a frozen build.

PyInstaller's Qt hooks collect every plugin of each kind a used module may need.
Some of them are dead weight for an offline desktop app, and a few are worse than
dead weight: the VNC platform would serve the window over the network, the
network-information and TLS plugins exist only for network access, and the GTK3
theme pulls the build machine's GTK stack into the bundle.  Removing a plugin is
not enough by itself, because PyInstaller has already collected the libraries it
links against (the virtual keyboard alone brings all of Qt Quick and QML), so
libraries needed only by dropped plugins are dropped with them.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Callable, Iterable, Sequence

# (name in the bundle, source path, PyInstaller type code)
Entry = tuple[str, str, str]
# Source path of a binary -> resolved paths of the libraries it links against.
Imports = Callable[[str], Iterable[str]]

PLUGINS = "PySide6/Qt/plugins/"
UNWANTED_PLUGINS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",  # Qt Quick, QML, 15 MB
    "platforms/libqvnc.so",  # would serve the window over the network
    "platforms/libqeglfs.so",  # full-screen embedded devices, not desktops
    "platforms/libqlinuxfb.so",
    "platforms/libqminimal.so",
    "platforms/libqminimalegl.so",
    "platforms/libqvkkhrdisplay.so",
    "egldeviceintegrations/*",
    "generic/*",  # evdev and TUIO input, only for the embedded platforms above
    "networkinformation/*",  # the app never touches the network
    "tls/*",
    "platformthemes/libqgtk3.so",  # the app draws with Fusion; GTK3 drags in the host's GTK
)
QT_TRANSLATIONS = "PySide6/Qt/translations/"


def unwanted_plugin(name: str) -> bool:
    if not name.startswith(PLUGINS):
        return False
    relative = name[len(PLUGINS):]
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in UNWANTED_PLUGINS)


def unwanted_translation(name: str, languages: Sequence[str]) -> bool:
    """Qt's own catalogs are kept only for the languages the interface speaks."""
    if not name.startswith(QT_TRANSLATIONS):
        return False
    wanted = {f"{catalog}_{lang}.qm" for catalog in ("qt", "qtbase") for lang in languages}
    return name[len(QT_TRANSLATIONS):] not in wanted


def _closure(start: Iterable[Entry], needs: Callable[[Entry], list[Entry]]) -> set[Entry]:
    seen: set[Entry] = set()
    todo = list(start)
    while todo:
        entry = todo.pop()
        if entry in seen:
            continue
        seen.add(entry)
        todo.extend(needs(entry))
    return seen


def _symlink_target(entry: Entry) -> str:
    name, target, _ = entry
    return posixpath.normpath(posixpath.join(posixpath.dirname(name), target))


def prune(binaries: Sequence[Entry], datas: Sequence[Entry], languages: Sequence[str],
          imports: Imports) -> tuple[list[Entry], list[Entry], list[str]]:
    """The binaries and datas to keep, and the names of what was dropped."""
    by_source = {os.path.realpath(entry[1]): entry for entry in binaries}

    def needs(entry: Entry) -> list[Entry]:
        found = (by_source.get(os.path.realpath(path)) for path in imports(entry[1]) if path)
        return [dep for dep in found if dep is not None and dep != entry]

    plugins = {entry for entry in binaries if unwanted_plugin(entry[0])}
    dragged_in = _closure(plugins, needs) - plugins
    roots = [entry for entry in binaries if entry not in plugins and entry not in dragged_in]
    still_needed = _closure(roots, needs)
    dropped = plugins | (dragged_in - still_needed)
    dropped_names = {entry[0] for entry in dropped}

    def keep(entry: Entry) -> bool:
        if entry in dropped:
            return False
        if entry[2] == "SYMLINK":
            return _symlink_target(entry) not in dropped_names
        return not unwanted_translation(entry[0], languages)

    kept_binaries = [entry for entry in binaries if keep(entry)]
    kept_datas = [entry for entry in datas if keep(entry)]
    removed = sorted({entry[0] for entry in [*binaries, *datas] if not keep(entry)})
    return kept_binaries, kept_datas, removed


def pyinstaller_imports(source: str) -> list[str]:
    """Libraries ``source`` links against, as PyInstaller itself resolves them."""
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    return [path for _name, path in get_imports(source) if path]
