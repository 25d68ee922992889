"""Icons, translations, demo data, the user guide and the desktop files.

Their source is the top-level ``resources/`` folder of the checkout, beside the
``kzarchive`` package and not inside it: they are data, not code.  A wheel and a
frozen build carry them inside the package as ``kzarchive/_resources/`` (the
wheel through a package-dir mapping in pyproject.toml, the frozen app through
packaging/kzarchive.spec), so that an installed copy never depends on where the
source tree was.  ``resource_path`` finds them in all three the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# Installed (wheel) and frozen builds: beside this module, inside the package.
_SHIPPED = "_resources"


def resource_root() -> Path:
    """The folder holding ``icons/``, ``translations/``, ``demo/``, ``help/``, ``desktop/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root, "kzarchive", _SHIPPED)
    installed = _PACKAGE / _SHIPPED
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("icons", "app.svg")``."""
    return resource_root().joinpath(*parts)
