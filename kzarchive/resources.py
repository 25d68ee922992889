"""Icons, translations and demo data shipped with kzarchive.

They live inside the package so that a checkout, an installed wheel and a frozen
build all find them the same way: through ``resource_path``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("icons", "app.svg")``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root, "kzarchive", "resources", *parts)
    return Path(__file__).resolve().parent.joinpath(*parts)
