"""The report's words: every label in English, Russian and Kazakh, with the same fields."""

from __future__ import annotations

import string

from kzarchive.pdf.labels import LANGUAGES, TABLES, Labels
from kzarchive.service.vocabulary import ITEM_KINDS, ROLES, STATUSES, VIOLATIONS
from tests.report.pdf_text import KAZAKH_LETTERS


def _fields(text: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_key_exists_in_all_three_languages_with_the_same_placeholders() -> None:
    assert set(TABLES) == set(LANGUAGES) == {"en", "ru", "kk"}
    english = TABLES["en"]
    for language in LANGUAGES:
        table = TABLES[language]
        assert set(table) == set(english), (language, set(table) ^ set(english))
        for key, text in table.items():
            assert text.strip(), (language, key)
            assert _fields(text) == _fields(english[key]), (language, key)


def test_every_vocabulary_value_has_a_label() -> None:
    t = Labels("kk")
    for prefix, vocabulary in (("kind", ITEM_KINDS), ("role", ROLES),
                               ("incident_status", STATUSES), ("violation", VIOLATIONS)):
        for value in vocabulary:
            assert f"{prefix}.{value}" in TABLES["en"], (prefix, value)
            assert t.optional(prefix, value) != value or value == "", (prefix, value)


def test_the_russian_and_kazakh_tables_are_translated() -> None:
    # Apart from names of tools and formats, a label in Cyrillic has Cyrillic letters.
    technical = {"item.gps", "col.no", "col.seq"}
    for language in ("ru", "kk"):
        for key, text in TABLES[language].items():
            if key in technical:
                continue
            assert any("\u0400" <= ch <= "\u04ff" for ch in text), (language, key, text)
    kazakh = "".join(TABLES["kk"].values())
    assert sum(letter in kazakh for letter in KAZAKH_LETTERS) >= 8


def test_an_unknown_value_is_shown_as_it_is() -> None:
    assert Labels("ru").optional("action", "checkpoint.future") == "checkpoint.future"
    assert Labels("ru")("footer.page", page=2, pages=7) == "Страница 2 из 7"
