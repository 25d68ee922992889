"""The core and the command line load no Qt: they must run on a machine without a
display, from scripts, and must not drag a GUI toolkit into what they trust.

Each check runs in a fresh interpreter, so that nothing imported by other tests
(pytest-qt loads PySide6) can hide or fake the result.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import kzarchive


def core_modules() -> list[str]:
    return sorted(
        module.name for module in pkgutil.walk_packages(kzarchive.__path__, "kzarchive.")
        if not module.name.startswith("kzarchive.gui") and not module.name.endswith("__main__")
    )


def loaded_after_importing(modules: list[str]) -> list[str]:
    program = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, check=True)
    loaded: list[str] = json.loads(done.stdout)
    return loaded


def qt_in(loaded: list[str]) -> list[str]:
    return [name for name in loaded if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5",
                                                               "PyQt6")]


def test_the_service_api_and_the_command_line_load_no_qt() -> None:
    loaded = loaded_after_importing(["kzarchive", "kzarchive.archive", "kzarchive.cli.main"])
    assert "kzarchive.cli.main" in loaded
    assert qt_in(loaded) == []


def test_no_module_outside_the_gui_loads_qt() -> None:
    modules = core_modules()
    assert {"kzarchive.archive", "kzarchive.vault.database", "kzarchive.crypto.age"} <= set(
        modules)
    loaded = loaded_after_importing(modules)
    assert set(modules) <= set(loaded)
    assert qt_in(loaded) == []


def test_the_check_sees_qt_when_it_is_loaded() -> None:
    assert qt_in(loaded_after_importing(["PySide6.QtCore"])) != []
