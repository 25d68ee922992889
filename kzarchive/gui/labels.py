"""Translated labels for the stored vocabulary keys (kzarchive.service.vocabulary).

The tables hold the English labels marked for translation; the translation
happens when a label is asked for, so a language switch takes effect at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from kzarchive.gui.noop import QT_TRANSLATE_NOOP
from kzarchive.service import vocabulary

VIOLATIONS = {
    "arbitrary-detention": QT_TRANSLATE_NOOP("Vocabulary", "Arbitrary detention"),
    "torture": QT_TRANSLATE_NOOP("Vocabulary", "Torture or ill-treatment"),
    "killing": QT_TRANSLATE_NOOP("Vocabulary", "Killing"),
    "enforced-disappearance": QT_TRANSLATE_NOOP("Vocabulary", "Enforced disappearance"),
    "excessive-force": QT_TRANSLATE_NOOP("Vocabulary", "Excessive force"),
    "attack-on-journalist": QT_TRANSLATE_NOOP("Vocabulary", "Attack on a journalist"),
    "denial-of-counsel": QT_TRANSLATE_NOOP("Vocabulary", "Denial of legal counsel"),
    "internet-shutdown": QT_TRANSLATE_NOOP("Vocabulary", "Internet shutdown or censorship"),
    "harassment": QT_TRANSLATE_NOOP("Vocabulary", "Harassment"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

ITEM_KINDS = {
    "photo": QT_TRANSLATE_NOOP("Vocabulary", "Photo"),
    "video": QT_TRANSLATE_NOOP("Vocabulary", "Video"),
    "audio": QT_TRANSLATE_NOOP("Vocabulary", "Audio"),
    "document": QT_TRANSLATE_NOOP("Vocabulary", "Document"),
    "testimony": QT_TRANSLATE_NOOP("Vocabulary", "Testimony"),
    "source-text": QT_TRANSLATE_NOOP("Vocabulary", "Source text"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

ROLES = {
    "victim": QT_TRANSLATE_NOOP("Vocabulary", "Victim"),
    "witness": QT_TRANSLATE_NOOP("Vocabulary", "Witness"),
    "perpetrator": QT_TRANSLATE_NOOP("Vocabulary", "Perpetrator"),
    "source": QT_TRANSLATE_NOOP("Vocabulary", "Source"),
}

STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Vocabulary", "Draft"),
    "reviewed": QT_TRANSLATE_NOOP("Vocabulary", "Reviewed"),
    "shared": QT_TRANSLATE_NOOP("Vocabulary", "Shared"),
}

# The languages a testimony or source text is offered in; stored as ISO 639-1 codes.
LANGUAGES = {
    "kk": QT_TRANSLATE_NOOP("Vocabulary", "Kazakh"),
    "ru": QT_TRANSLATE_NOOP("Vocabulary", "Russian"),
    "en": QT_TRANSLATE_NOOP("Vocabulary", "English"),
    "uz": QT_TRANSLATE_NOOP("Vocabulary", "Uzbek"),
    "ky": QT_TRANSLATE_NOOP("Vocabulary", "Kyrgyz"),
    "ug": QT_TRANSLATE_NOOP("Vocabulary", "Uyghur"),
}


def _label(table: dict[str, str], core: dict[str, str], key: str) -> str:
    # A key the GUI does not know yet (a newer core) keeps the core's English label.
    if key in table:
        return QCoreApplication.translate("Vocabulary", table[key])
    return core.get(key, key)


def violation(key: str) -> str:
    return _label(VIOLATIONS, vocabulary.VIOLATIONS, key)


def item_kind(key: str) -> str:
    return _label(ITEM_KINDS, vocabulary.ITEM_KINDS, key)


def role(key: str) -> str:
    return _label(ROLES, vocabulary.ROLES, key)


def status(key: str) -> str:
    return _label(STATUSES, vocabulary.STATUSES, key)


def language(code: str) -> str:
    """A language by its name in the interface's language: "ru" is "русский" in Russian.

    A code from elsewhere (a partner's bundle) gets Qt's name for it in that language
    itself; one Qt does not know either stays as it was written.
    """
    if not code:
        return ""
    if code in LANGUAGES:
        return QCoreApplication.translate("Vocabulary", LANGUAGES[code])
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage) \
            or not locale.name().startswith(code.split("-")[0].split("_")[0].lower()):
        return code
    return locale.nativeLanguageName() or code
