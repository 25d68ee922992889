"""Names offered by a package but imported on first use (kzarchive/util/lazy.py).

``from kzarchive.bundle import BundleReport`` keeps working and must not load the
bundle reader and writer; the type checker reads the names from a ``TYPE_CHECKING``
block, the program from the table given to ``lazy_names``: the two must agree.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kzarchive
from kzarchive.util.lazy import lazy_names

ROOT = Path(kzarchive.__file__).parent
LAZY = ["kzarchive.bundle", "kzarchive.media", "kzarchive.archive"]


def source_of(module: str) -> Path:
    path = ROOT.parent / module.replace(".", "/")
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def type_checking_names(tree: ast.Module) -> dict[str, str]:
    """name -> module, from the imports under ``if TYPE_CHECKING:``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    found |= {alias.name: statement.module for alias in statement.names}
    return found


def lazy_table(tree: ast.Module) -> dict[str, str]:
    """name -> module, from the table given to ``lazy_names``."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and ast.unparse(node.func) == "lazy_names"
                and isinstance(node.args[1], ast.Dict)):
            table = ast.literal_eval(node.args[1])
            return {name: module for module, names in table.items() for name in names}
    raise AssertionError("no lazy_names table")


@pytest.mark.parametrize("package", LAZY)
def test_each_name_is_where_the_type_checker_looks_for_it(package: str) -> None:
    tree = ast.parse(source_of(package).read_text(encoding="utf-8"))
    table = lazy_table(tree)
    assert table.items() <= type_checking_names(tree).items()
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        if name in table:
            assert value is getattr(importlib.import_module(table[name]), name), name


@pytest.mark.parametrize("package", LAZY)
def test_importing_the_package_loads_none_of_its_names_modules(package: str) -> None:
    table = lazy_table(ast.parse(source_of(package).read_text(encoding="utf-8")))
    program = (f"import json, sys, {package}\n"
               "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, check=True)
    loaded = set(json.loads(done.stdout))
    assert set(table.values()) & loaded == set()


def test_an_unknown_name_is_an_attribute_error() -> None:
    lookup = lazy_names("kzarchive.bundle", {"kzarchive.bundle.report": ["BundleReport"]})
    with pytest.raises(AttributeError, match="read_everything"):
        lookup("read_everything")
    import kzarchive.bundle

    assert not hasattr(kzarchive.bundle, "read_everything")
