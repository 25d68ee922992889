"""Loading the interface translations (``kz_ru.qm``, ``kz_kk.qm``).

The ``.qm`` files are compiled from the ``.ts`` sources by
``python -m kzarchive.gui.i18n_build``; they are not committed.  A missing file
is not fatal: the interface then stays in English and a warning is logged.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kzarchive.gui.config import LANGUAGES
from kzarchive.resources import resource_path

log = logging.getLogger(__name__)

# Names shown in the language chooser, each in its own language (never translated).
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}

_installed: list[QTranslator] = []


def system_language() -> str:
    """The system's language if the app speaks it, otherwise English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def effective_language(configured: str) -> str:
    """The language to use for a configured value ("" follows the system)."""
    return configured if configured in LANGUAGES else system_language()


def qm_path(language: str) -> str:
    return str(resource_path("translations", f"kz_{language}.qm"))


def install_language(language: str) -> str:
    """Replace the installed translators; return the language actually in use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a running QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    ours = QTranslator()
    if language == "en":
        # Only the plural forms ("1 file", "2 files"); without them "%n file(s)" shows.
        if ours.load(qm_path("en")):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("The English plural forms are not built.")
        return "en"
    if not ours.load(qm_path(language)):
        log.warning("Translation for %s is not built; the interface stays in English.", language)
        return "en"
    # Qt's own strings (standard buttons, context menus) come from its shipped files.
    qt_own = QTranslator()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_translations):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    return language
