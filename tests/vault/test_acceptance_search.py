"""Finding incidents: word forms in Russian and Kazakh, testimony text, and filters."""

from __future__ import annotations

import io

import pytest

from kzarchive.archive import Archive


def ids(archive: Archive, **query: str) -> set[str]:
    return {summary.id for summary in archive.list_incidents(**query)}


@pytest.fixture()
def incidents(archive: Archive) -> dict[str, str]:
    made = {
        "journalist": archive.add_incident(
            "Задержание у акимата", description="Полиция задержала журналиста газеты.",
            occurred_start="2022-01-05", occurred_end="2022-01-07", place="Алматы",
            violations=["arbitrary-detention", "attack-on-journalist"], tags=["январь"]),
        "torture": archive.add_incident(
            "Пытки в ИВС", description="Избиение во время допроса.",
            occurred_start="2022-01-10", violations=["torture"], tags=["январь", "ИВС"],
            status="reviewed"),
        "shutdown": archive.add_incident(
            "Internet shutdown", description="Mobile internet cut in the region.",
            occurred_start="2022-02", date_precision="month",
            violations=["internet-shutdown"]),
        "kazakh": archive.add_incident(
            "Ереуіл", description="Жанаөзендегі мұнайшылардың ереуілі.",
            occurred_start="2011-12-16", place="Жаңаөзен"),
    }
    archive.add_text(made["torture"], "Меня били резиновой дубинкой по ногам.",
                     witness="W-2")
    archive.store_content(made["shutdown"], io.BytesIO(b"\x89PNG..."), name="скриншот_сбоя.png",
                          notes="снимок экрана оператора")
    return made


def test_a_word_finds_its_longer_forms(archive: Archive, incidents: dict[str, str]) -> None:
    # "журналист" occurs only as "журналиста", and only in the description.
    assert ids(archive, search="журналист") == {incidents["journalist"]}
    assert ids(archive, search="ЖУРНАЛИСТ") == {incidents["journalist"]}
    assert ids(archive, search="мұнайшы") == {incidents["kazakh"]}
    assert ids(archive, search="жаңаөзен") == {incidents["kazakh"]}


def test_every_word_must_occur(archive: Archive, incidents: dict[str, str]) -> None:
    assert ids(archive, search="журналист Алматы") == {incidents["journalist"]}
    assert ids(archive, search="журналист дубинкой") == set()
    assert ids(archive, search="") == set(incidents.values())


def test_testimony_text_and_item_names_and_notes_are_searched(
        archive: Archive, incidents: dict[str, str]) -> None:
    assert ids(archive, search="дубинкой") == {incidents["torture"]}
    assert ids(archive, search="скриншот") == {incidents["shutdown"]}
    assert ids(archive, search="оператора") == {incidents["shutdown"]}


def test_changes_are_found_and_old_words_are_not(
        archive: Archive, incidents: dict[str, str]) -> None:
    archive.update_incident(incidents["journalist"], description="Задержан фотограф.")
    assert ids(archive, search="журналист") == set()
    assert ids(archive, search="фотограф") == {incidents["journalist"]}


def test_filters_alone_and_with_search(archive: Archive, incidents: dict[str, str]) -> None:
    assert ids(archive, violation="torture") == {incidents["torture"]}
    assert ids(archive, tag="январь") == {incidents["journalist"], incidents["torture"]}
    assert ids(archive, status="reviewed") == {incidents["torture"]}
    # A range overlaps the filter window: 5-7 January is "on the 6th".
    assert ids(archive, date_from="2022-01-06", date_to="2022-01-06") == {
        incidents["journalist"]}
    assert ids(archive, date_from="2022-01-08") == {incidents["torture"], incidents["shutdown"]}
    assert ids(archive, date_to="2012") == {incidents["kazakh"]}
    assert ids(archive, search="январь", violation="torture") == {incidents["torture"]}
    assert ids(archive, search="журналист", status="reviewed") == set()
