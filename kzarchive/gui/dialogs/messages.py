"""Errors as the interface shows them: translated message and hint.

The core's ``KzError`` messages are English.  Each known error class gets its
words here, marked for translation and filled with the same fields the core
gave.  An error class not listed keeps the core's English text, which is still a
message a person understands.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from kzarchive import errors
from kzarchive.gui.noop import QT_TRANSLATE_NOOP

# (message, hint) per error class; "{path}" etc. are filled from the error's fields.
TEXTS: dict[type[errors.KzError], tuple[str, str]] = {
    errors.WrongPassphrase: (
        QT_TRANSLATE_NOOP("Errors", "The passphrase is not correct for this vault."),
        QT_TRANSLATE_NOOP("Errors", "Check the keyboard layout and Caps Lock. If the passphrase "
                          "is lost, unlock the vault with the recovery code."),
    ),
    errors.NotAVault: (
        QT_TRANSLATE_NOOP("Errors", "This folder is not a kzarchive vault: {path}"),
        QT_TRANSLATE_NOOP("Errors", "Choose the folder that holds the file vault.keys."),
    ),
    errors.NewerFormat: (
        QT_TRANSLATE_NOOP("Errors", "This vault was made by a newer version of kzarchive."),
        QT_TRANSLATE_NOOP("Errors", "Update kzarchive to open it. Nothing was changed."),
    ),
    errors.VaultBusy: (
        QT_TRANSLATE_NOOP("Errors", "The vault is open in another kzarchive window or command."),
        QT_TRANSLATE_NOOP("Errors", "Close the other window or command, then try again."),
    ),
    errors.VaultLocked: (
        QT_TRANSLATE_NOOP("Errors", "The vault is locked."),
        QT_TRANSLATE_NOOP("Errors", "Unlock it with the passphrase first."),
    ),
    errors.DiskFull: (
        QT_TRANSLATE_NOOP("Errors", "The disk is full."),
        QT_TRANSLATE_NOOP("Errors", "Free some space and try again. Nothing was lost: the "
                          "operation was undone."),
    ),
    errors.Cancelled: (QT_TRANSLATE_NOOP("Errors", "Cancelled. Nothing was changed."), ""),
    errors.MissingFile: (
        QT_TRANSLATE_NOOP("Errors", "A file was not found."),
        QT_TRANSLATE_NOOP("Errors", "Check that the drive is connected. Nothing was changed."),
    ),
    errors.IntegrityError: (
        QT_TRANSLATE_NOOP("Errors", "Integrity check failed: the data was damaged or altered."),
        QT_TRANSLATE_NOOP("Errors", "Do not trust it; keep the file as it is and compare it "
                          "with a backup."),
    ),
    errors.TimestampRefused: (
        QT_TRANSLATE_NOOP("Errors", "The time-stamp reply was refused: it does not answer a "
                          "request made by this vault, the authority did not grant it, or it "
                          "is damaged."),
        QT_TRANSLATE_NOOP("Errors", "Nothing was stored. Add the authority's answer to a "
                          "request file made here."),
    ),
    errors.UntrustedAuthority: (
        QT_TRANSLATE_NOOP("Errors", "The time-stamping authority could not be verified with "
                          "the CA certificate given."),
        QT_TRANSLATE_NOOP("Errors", "Nothing was stored. Check that the certificate is the "
                          "authority's own CA, or add the reply without one to keep it as not "
                          "yet checked."),
    ),
    errors.KzError: (
        QT_TRANSLATE_NOOP("Errors", "Something went wrong."),
        QT_TRANSLATE_NOOP("Errors", "Nothing was changed. Please try again."),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text) if text else ""


def _entry(cls: type[errors.KzError]) -> tuple[str, str] | None:
    """The words for an error class or its nearest listed ancestor.

    The bare ``KzError`` words are only for a bare ``KzError`` (an unexpected
    failure); an unlisted subclass has more specific words of its own.
    """
    for ancestor in cls.__mro__:
        if ancestor is errors.KzError:
            return TEXTS[ancestor] if cls is errors.KzError else None
        if ancestor in TEXTS:
            return TEXTS[ancestor]
    return None


def error_text(exc: errors.KzError) -> tuple[str, str]:
    """The (message, hint) to show for an error, in the interface language."""
    entry = _entry(type(exc))
    if entry is None:
        return exc.message, exc.hint
    message, hint = entry
    try:
        return _tr(message).format(**exc.fields), _tr(hint).format(**exc.fields)
    except (KeyError, IndexError):
        return exc.message, exc.hint  # other fields than expected: the core's own words


def error_html(exc: errors.KzError) -> str:
    """Message and hint for a label: the message first, the hint beneath it."""
    message, hint = error_text(exc)
    return f"<b>{escape(message)}</b>" + (f"<br>{escape(hint)}" if hint else "")
