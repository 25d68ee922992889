"""Names a package offers whose modules are imported only when a name is first used.

A command imports only what it runs: ``from kzarchive.bundle import BundleReport``
must not load the bundle reader, writer and their dependencies as well.  A package
lists its names under ``TYPE_CHECKING`` (for the type checker, and for PyInstaller,
which follows those imports too) and in ``__all__``, and sets
``__getattr__ = lazy_names(__name__, {module: names})`` (PEP 562).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping


def lazy_names(package: str, modules: Mapping[str, Iterable[str]]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports the module of a name on its first use."""
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> object:
        # Not kept in the package once found: the package's state stays as imported,
        # and a name is looked up this way only where a module imports it.
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return __getattr__
