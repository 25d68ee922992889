"""File choosers that leave no trail of paths outside the vault.

Native choosers (GTK, the desktop portal) add chosen files to the desktop's
"recently used" list, which an adversary with the disk can read; so kzarchive
always uses Qt's own chooser.  Qt's chooser in turn saves the folders it visited
to its ``QtProject`` settings file when it closes; that group is removed again
right after every use, and the dialog is never told to remember a directory.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.DontUseCustomDirectoryIcons


def display_path(path: Path) -> str:
    """A folder as people read it: under the home folder it starts with ``~``."""
    try:
        inside = path.relative_to(Path.home())
    except ValueError:
        return str(path)
    return "~" if inside == Path() else f"~/{inside}"


def forget_dialog_history() -> None:
    """Remove what Qt's file chooser wrote about visited folders."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def choose_directory(
    parent: QWidget | None, caption: str, start: Path | None = None
) -> Path | None:
    """Ask for a folder; None when the person cancels."""
    dialog = QFileDialog(parent, caption, str(start) if start else "")
    dialog.setOptions(_OPTIONS | QFileDialog.Option.ShowDirsOnly)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    return _run(dialog)


def _run(dialog: QFileDialog) -> Path | None:
    chosen = _run_for_all(dialog)
    return chosen[0] if chosen else None


def _run_for_all(dialog: QFileDialog) -> list[Path]:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        chosen = dialog.selectedFiles() if accepted else []
    finally:
        # Qt writes its history when the dialog is destroyed: destroy it now, then forget.
        shiboken6.delete(dialog)
        forget_dialog_history()
    return [Path(name) for name in chosen]


def choose_open_files(
    parent: QWidget | None, caption: str, start: Path | None = None
) -> list[Path]:
    """Ask for one or more existing files; empty when the person cancels."""
    dialog = QFileDialog(parent, caption, str(start) if start else "")
    dialog.setOptions(_OPTIONS)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run_for_all(dialog)


def choose_open_file(
    parent: QWidget | None, caption: str, start: Path | None = None,
    name_filters: list[str] | None = None,
) -> Path | None:
    """Ask for an existing file; None when the person cancels."""
    dialog = QFileDialog(parent, caption, str(start) if start else "")
    dialog.setOptions(_OPTIONS)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if name_filters:
        dialog.setNameFilters(name_filters)
    return _run(dialog)


def choose_save_file(
    parent: QWidget | None, caption: str, suggested: Path,
    name_filters: list[str] | None = None, default_suffix: str = "",
) -> Path | None:
    """Ask where to write a new file, proposing ``suggested``; None when cancelled."""
    dialog = QFileDialog(parent, caption, str(suggested.parent))
    dialog.setOptions(_OPTIONS)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if name_filters:
        dialog.setNameFilters(name_filters)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    dialog.selectFile(suggested.name)
    return _run(dialog)
