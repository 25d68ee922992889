"""The Russian and Kazakh translations are complete, current and well-formed."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kzarchive.gui.i18n_build import (
    PLURAL_ONLY_LANGUAGES,
    TRANSLATED_LANGUAGES,
    lupdate_command,
    ts_path,
)

Message = tuple[str, str]  # (context, source)


def messages(path: Path) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    found = messages(ts_path(language))
    assert len(found) > 100
    for key, message in found.items():
        translation = message.find("translation")
        assert translation is not None, key
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), key
        assert all(text.strip() for text in translations(message)), key


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_and_accelerators_survive_translation(language: str) -> None:
    for (context, source), message in messages(ts_path(language)).items():
        for text in translations(message):
            assert sorted(re.findall(r"\{\w+\}", text)) == sorted(
                re.findall(r"\{\w+\}", source)), (context, source)
            assert ("&" in text) == ("&" in source), (context, source)
            assert text.count("&") <= 1, (context, source)


def test_ts_files_are_current_with_the_sources(tmp_path: Path) -> None:
    """Running lupdate again must find nothing new and nothing gone."""
    copies = []
    for language in TRANSLATED_LANGUAGES:
        copy = tmp_path / ts_path(language).name
        shutil.copy(ts_path(language), copy)
        copies.append(copy)
    subprocess.run(lupdate_command(copies), check=True, capture_output=True)
    for language, copy in zip(TRANSLATED_LANGUAGES, copies, strict=True):
        assert set(messages(copy)) == set(messages(ts_path(language))), (
            f"kz_{language}.ts is stale: run python -m kzarchive.gui.i18n_build --update "
            "and translate the new strings")


@pytest.mark.parametrize("language", PLURAL_ONLY_LANGUAGES)
def test_english_spells_out_both_plural_forms_and_is_current(language: str,
                                                            tmp_path: Path) -> None:
    found = messages(ts_path(language))
    assert found and all(message.get("numerus") == "yes" for message in found.values())
    for (context, source), message in found.items():
        one, many = translations(message)
        assert "%n" in one and "%n" in many and "(s)" not in one + many, (context, source)
    copy = tmp_path / ts_path(language).name
    shutil.copy(ts_path(language), copy)
    subprocess.run(lupdate_command([copy], plural_only=True), check=True, capture_output=True)
    assert set(messages(copy)) == set(found), (
        f"kz_{language}.ts is stale: run python -m kzarchive.gui.i18n_build --update")


def test_every_plural_of_the_sources_has_its_forms_in_russian_and_kazakh() -> None:
    """Russian has three forms (1 файл, 2 файла, 5 файлов); Kazakh one, repeated."""
    for language, count in (("ru", 3), ("kk", 2)):
        plurals = {key: m for key, m in messages(ts_path(language)).items()
                   if m.get("numerus") == "yes"}
        assert set(plurals) == set(messages(ts_path("en"))), language
        for key, message in plurals.items():
            forms = translations(message)
            assert len(forms) == count and all("%n" in form for form in forms), (language, key)
            if language == "kk":
                assert len(set(forms)) == 1, key


def test_no_interface_string_says_item_s() -> None:
    """Counts go through %n plurals; "(s)" may appear only in a source that has them."""
    for language in TRANSLATED_LANGUAGES:
        for (context, source), message in messages(ts_path(language)).items():
            if "(s)" in source:
                assert message.get("numerus") == "yes", (context, source)


def test_the_menus_of_each_language_have_distinct_accelerators() -> None:
    menu_bar = ["&Vault", "&Incident", "V&iew", "&Help"]
    vault_menu = ["&Lock", "&Close vault", "&Quit"]
    for language in TRANSLATED_LANGUAGES:
        found = messages(ts_path(language))
        for group in (menu_bar, vault_menu):
            keys = [re.search(r"&(\w)", translations(found[("MainWindow", s)])[0]) for s in group]
            letters = [m.group(1).lower() for m in keys if m]
            assert len(letters) == len(group) == len(set(letters)), (language, group)
