"""Compile the interface translations, or refresh them from the sources.

    python -m kzarchive.gui.i18n_build            .ts -> .qm (pyside6-lrelease)
    python -m kzarchive.gui.i18n_build --update   sources -> .ts (pyside6-lupdate)

The ``.ts`` files are the committed sources; the ``.qm`` files are build output.
``--update`` keeps no source locations in the ``.ts`` files, so moving code
around does not churn them; only added, changed or removed strings do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from kzarchive.resources import resource_path

TRANSLATED_LANGUAGES = ("ru", "kk")
# English is the source language, but "%n file(s)" needs its two forms written out:
# Qt's way is a translation holding only the plural messages (lupdate -pluralonly).
PLURAL_ONLY_LANGUAGES = ("en",)
ALL_LANGUAGES = TRANSLATED_LANGUAGES + PLURAL_ONLY_LANGUAGES
GUI_SOURCES = Path(__file__).resolve().parent


def ts_path(language: str) -> Path:
    return resource_path("translations", f"kz_{language}.ts")


def find_tool(name: str) -> str:
    """A PySide6 tool from the running environment first, then from PATH."""
    beside_python = Path(sys.executable).with_name(name)
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found; install PySide6 in this environment.")
    return found


def lupdate_command(ts_files: Sequence[Path], sources: Path = GUI_SOURCES,
                    plural_only: bool = False) -> list[str]:
    return [
        find_tool("pyside6-lupdate"),
        "-silent",
        *(["-pluralonly"] if plural_only else []),
        "-extensions", "py",
        "-locations", "none",
        "-no-obsolete",
        str(sources),
        "-ts", *map(str, ts_files),
    ]


def update_sources() -> None:
    """Refresh every ``.ts`` file from the strings in ``kzarchive/gui``."""
    subprocess.run(lupdate_command([ts_path(lang) for lang in TRANSLATED_LANGUAGES]), check=True)
    subprocess.run(lupdate_command([ts_path(lang) for lang in PLURAL_ONLY_LANGUAGES],
                                   plural_only=True), check=True)


def compile_translations() -> list[Path]:
    """Compile every ``.ts`` file next to itself; return the ``.qm`` files written."""
    written = []
    for language in ALL_LANGUAGES:
        source = ts_path(language)
        target = source.with_suffix(".qm")
        subprocess.run(
            [find_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kzarchive.gui.i18n_build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true",
                        help="refresh the .ts files from the sources instead of compiling")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    else:
        for path in compile_translations():
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
