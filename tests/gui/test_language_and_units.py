"""Sizes, dates, plurals and language names as Russian and Kazakh readers write them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kzarchive.gui import labels
from kzarchive.gui.dialogs.text_entry_dialog import TextEntryDialog
from kzarchive.gui.formatting import (
    data_size,
    date_range,
    date_text,
    local_moment,
    moment_text,
    moment_tooltip,
)
from kzarchive.gui.i18n import install_language
from kzarchive.gui.widgets.fingerprint import FingerprintLabel, fingerprint_lines

ALMATY = ZoneInfo("Asia/Almaty")  # UTC+6 in 2022
FINGERPRINT = "".join(str(i % 10) for i in range(60))


@pytest.fixture()
def speak(qapp: QApplication) -> Iterator[object]:
    """Switch the interface language for one test; English again afterwards."""
    yield install_language
    install_language("en")


SIZES = {
    "en": {1: "1 byte", 2: "2 bytes", 166: "166 bytes", 49_664: "48.5 KB",
           5_000_000: "4.8 MB", 3 * 1024 ** 3: "3.0 GB"},
    "ru": {1: "1 байт", 2: "2 байта", 5: "5 байт", 21: "21 байт", 22: "22 байта",
           166: "166 байт", 1023: "1023 байта", 49_664: "48,5 КБ", 5_000_000: "4,8 МБ",
           200 * 1024: "200 КБ", 3 * 1024 ** 3: "3,0 ГБ"},
    "kk": {1: "1 байт", 2: "2 байт", 166: "166 байт", 49_664: "48,5 КБ",
           5_000_000: "4,8 МБ"},
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_sizes_are_written_in_the_languages_words_and_plurals(
    speak: object, language: str
) -> None:
    install_language(language)
    assert {size: data_size(size) for size in SIZES[language]} == SIZES[language]


PLURALS = {
    "ru": {1: "1 страница", 2: "2 страницы", 5: "5 страниц", 11: "11 страниц",
           21: "21 страница", 104: "104 страницы"},
    "kk": {1: "1 бет", 2: "2 бет", 5: "5 бет"},
    "en": {1: "1 page", 2: "2 pages"},
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_counts_take_the_plural_form_the_number_asks_for(speak: object, language: str) -> None:
    install_language(language)
    shown = {n: QCoreApplication.translate("PdfViewer", "%n page(s)", "", n)
             for n in PLURALS[language]}
    assert shown == PLURALS[language]


DATES = {
    "en": ("2022", "January 2022", "5 January 2022", "5 January 2022, 14:30"),
    "ru": ("2022", "январь 2022", "5 января 2022", "5 января 2022, 14:30"),
    "kk": ("2022", "2022 ж. қаңтар", "2022 ж. 5 қаңтар", "2022 ж. 5 қаңтар, 14:30"),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_incident_dates_are_shown_at_their_precision_in_words(
    speak: object, language: str
) -> None:
    install_language(language)
    shown = tuple(date_text(v) for v in ("2022", "2022-01", "2022-01-05", "2022-01-05T14:30"))
    assert shown == DATES[language]
    assert "-01-" not in date_range("2022-01-05", "2022-01-10")
    assert date_range("2022-01-05", "2022-01-05") == DATES[language][2]


def test_timestamps_move_to_the_local_zone_and_keep_utc_on_hover(speak: object) -> None:
    install_language("ru")
    stamp = "2022-01-05T21:30:12Z"  # already 6 January in Almaty
    assert moment_text(stamp, ALMATY) == "6 января 2022, 03:30"
    assert moment_text(stamp, ALMATY, seconds=True) == "6 января 2022, 03:30:12"
    assert moment_tooltip(stamp) == "UTC: 2022-01-05 21:30:12"
    assert local_moment("2022-01-05T16:42:00+06:00", dt.UTC) == dt.datetime(
        2022, 1, 5, 10, 42, tzinfo=dt.UTC)
    # A camera's time with no zone is shown as recorded, never shifted.
    assert moment_text("2022-01-05T16:42:00", ALMATY) == "5 января 2022, 16:42"
    assert "часовой пояс неизвестен" in moment_tooltip("2022-01-05T16:42:00")


def test_an_unreadable_date_is_shown_as_it_is_not_lost(speak: object) -> None:
    install_language("kk")
    assert moment_text("5th of January") == "5th of January"
    assert date_text("2022-13") == "2022-13"
    assert moment_text(None) == "" and moment_tooltip("") == ""


@pytest.mark.parametrize(("language", "names"), [
    ("en", {"ru": "Russian", "kk": "Kazakh", "ug": "Uyghur"}),
    ("ru", {"ru": "русский", "kk": "казахский", "ug": "уйгурский"}),
    ("kk", {"ru": "орыс тілі", "kk": "қазақ тілі", "ug": "ұйғыр тілі"}),
])
def test_languages_are_named_not_coded(speak: object, language: str,
                                       names: dict[str, str]) -> None:
    install_language(language)
    assert {code: labels.language(code) for code in names} == names
    assert labels.language("de") == "Deutsch"  # from a partner: Qt's own name for it
    assert labels.language("zz") == "zz"  # unknown everywhere: kept as written
    assert labels.language("") == ""
    dialog = TextEntryDialog("testimony", [])
    shown = [dialog.language_box.itemText(i) for i in range(dialog.language_box.count())]
    assert set(names.values()) <= set(shown)
    dialog.deleteLater()


def test_a_fingerprint_is_three_lines_of_four_groups_never_clipped(qapp: QApplication) -> None:
    lines = fingerprint_lines(FINGERPRINT).split("\n")
    assert len(lines) == 3 and all(len(line.split(" ")) == 4 for line in lines)
    assert "".join(lines).replace(" ", "") == FINGERPRINT
    widget = FingerprintLabel(FINGERPRINT)
    widget.resize(40, 10)  # a layout asking for less gets no less than the text
    assert widget.minimumSizeHint().width() >= widget.fontMetrics().horizontalAdvance(lines[0])
    assert not widget.wordWrap() and widget.text() == "\n".join(lines)
    assert widget.textInteractionFlags()  # selectable, to copy
    widget.deleteLater()
