"""The layers of docs/architecture.md hold: each part of kzarchive imports only the parts
below it, so that the format code never reaches into the vault, the core never into a
front end, and the two front ends never into each other."""

from __future__ import annotations

import ast
from pathlib import Path

import kzarchive

ROOT = Path(kzarchive.__file__).parent

# The data model of the service layer: plain records, vocabularies and validation,
# shared with the vault and the bundle format below it.
DATA_MODEL = {"kzarchive.service.models", "kzarchive.service.vocabulary",
              "kzarchive.service.records", "kzarchive.service.report",
              "kzarchive.service.custody_chain", "kzarchive.service.passphrase_policy"}

LEAVES = {"kzarchive", "errors", "util", "resources"}
# Which part may import which (besides itself); the order of docs/architecture.md.
ALLOWED: dict[str, set[str]] = {
    "kzarchive": set(),
    # Only to name the type of the report an error carries (under TYPE_CHECKING).
    "errors": {"data model"},
    "util": {"errors"},
    "resources": set(),
    "data model": {"errors"},
    "crypto": {"errors", "util"},
    "media": {"errors", "util"},
    # The printable report: its model and the PDF layout, below the service that fills it.
    "pdf": LEAVES,
    "vault": LEAVES | {"crypto", "data model"},
    "bundle": LEAVES | {"crypto", "media", "data model"},
    "service": LEAVES | {"crypto", "media", "data model", "vault", "bundle", "pdf"},
    "archive": LEAVES | {"service", "vault"},
    "demo": LEAVES | {"archive"},
    "cli": LEAVES | {"data model", "crypto", "media", "vault", "bundle", "service", "archive",
                     "pdf"},
    "gui": LEAVES | {"data model", "crypto", "media", "vault", "bundle", "service", "archive",
                     "demo", "pdf"},
}


def part_of(module: str) -> str:
    if module in DATA_MODEL:
        return "data model"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kzarchive"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from kzarchive.service import rows" imports kzarchive.service.rows.
            found |= {f"{node.module}.{alias.name}" for alias in node.names
                      if (ROOT.parent / node.module.replace(".", "/") / f"{alias.name}.py")
                      .is_file()}
    return {name for name in found if name.split(".")[0] == "kzarchive"}


def violations() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        module = module_name(path)
        source = part_of(module)
        for imported in sorted(imports_of(path)):
            target = part_of(imported)
            if target != source and target not in ALLOWED[source]:
                found.append(f"{module} ({source}) imports {imported} ({target})")
    return found


def test_every_part_imports_only_the_parts_below_it() -> None:
    assert violations() == []


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {part_of(module_name(path)) for path in ROOT.rglob("*.py")}
    assert parts == set(ALLOWED)


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from kzarchive.service import session\nimport kzarchive.gui.app\n",
                     encoding="utf-8")
    assert imports_of(probe) == {"kzarchive.service", "kzarchive.service.session",
                                 "kzarchive.gui.app"}
    assert "service" not in ALLOWED["bundle"] and "vault" not in ALLOWED["bundle"]
    assert "gui" not in ALLOWED["cli"] and "cli" not in ALLOWED["gui"]


def test_no_class_in_the_core_is_made_of_mixins() -> None:
    assert [path.name for path in ROOT.rglob("*.py")
            if "Mixin" in path.read_text(encoding="utf-8")] == []


def private_names_used_across_modules(path: Path) -> list[str]:
    """``x._name`` or ``from m import _name`` where the private name is another module's:
    an attribute of ``self``/``cls``, or of a class the same module defines, is its own."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    own |= {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")}
    own |= {node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [f"from {node.module} import {alias.name}" for alias in node.names
                      if alias.name.startswith("_") and not alias.name.startswith("__")]
        elif (isinstance(node, ast.Attribute) and node.attr.startswith("_")
              and not node.attr.startswith("__") and node.attr not in own):
            found.append(ast.unparse(node))
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    found = {module_name(path): private_names_used_across_modules(path)
             for path in ROOT.rglob("*.py")}
    assert {module: names for module, names in found.items() if names} == {}
