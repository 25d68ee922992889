"""Marking strings for translation where they are defined, not where they are shown."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Return ``text`` unchanged; lupdate collects it under ``context``.

    PySide6's own function of this name is typed as returning ``object``; this one
    keeps tables of labels typed as ``str``.
    """
    return text
