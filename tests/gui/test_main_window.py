"""The demo vault in the main window: the list, the detail panel and search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.formatting import moment_text
from kzarchive.gui.models.incident_model import IncidentTableModel
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.welcome import WelcomeWindow
from kzarchive.resources import resource_path
from tests.gui.gui_helpers import top_item

DEMO = json.loads(resource_path("demo", "incidents.json").read_text(encoding="utf-8"))
TITLES = {incident["title"] for incident in DEMO["incidents"]}


def shown_titles(window: MainWindow) -> set[str]:
    proxy = window.proxy
    return {str(proxy.index(row, IncidentTableModel.TITLE).data())
            for row in range(proxy.rowCount())}


def open_demo(controller: AppController, qtbot: QtBot) -> MainWindow:
    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    welcome.demo_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=30_000)
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    return window


def type_text(window: MainWindow, text: str) -> None:
    """Type like a person: one character at a time (QTest types only ASCII)."""
    window.search_edit.clear()
    for char in text:
        window.search_edit.insert(char)


def row_of_title(window: MainWindow, title: str) -> int:
    return next(row for row in range(window.proxy.rowCount())
                if window.proxy.index(row, IncidentTableModel.TITLE).data() == title)


def test_the_demo_vault_is_built_once_and_shows_its_incidents(
    controller: AppController, qtbot: QtBot
) -> None:
    window = open_demo(controller, qtbot)
    assert shown_titles(window) == TITLES
    assert window.count_label.text() == f"Incidents: {len(TITLES)}"
    archive = controller.archive
    assert archive is not None and controller.is_demo(archive.path)
    assert window.vault_label.text() == DEMO["vault_name"]


def test_selecting_an_incident_shows_its_detail_people_and_items(
    controller: AppController, qtbot: QtBot, demo_vault: Path
) -> None:
    window = open_demo(controller, qtbot)
    title = "Clashes on the central square in Almaty"
    window.table.selectRow(row_of_title(window, title))
    detail = window.detail
    assert detail.title_label.text() == title
    assert detail.when_label.text() == "5 January 2022 – 6 January 2022"
    assert detail.violations_label.text() == "Excessive force, Killing"
    assert detail.tabs.tabText(1) == "People (1)" and detail.tabs.tabText(2) == "Items (2)"
    people = detail.people_list
    assert top_item(people, 0).text(0) == "Свидетель А-3"
    items = detail.items_list.model()
    rows = [[items.index(row, column).data() for column in range(items.columnCount())]
            for row in range(items.rowCount())]
    assert {row[0] for row in rows} == {"square.jpg", "показания-А-3.txt"}
    photo = next(row for row in rows if row[0] == "square.jpg")
    # 16:42 in UTC+6 as the photo records it, shown in this computer's zone.
    assert photo[1] == "Photo" and photo[4] == moment_text("2022-01-05T10:42:10Z")


def test_search_in_cyrillic_finds_titles_and_testimony(
    controller: AppController, qtbot: QtBot, demo_vault: Path
) -> None:
    window = open_demo(controller, qtbot)
    type_text(window, "Уральск")
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 1, timeout=5_000)
    assert shown_titles(window) == {"Задержание журналиста у редакции в Уральске"}
    assert window.count_label.text() == "Incidents found: 1"

    type_text(window, "спортзал")  # a word only in a testimony's text
    qtbot.waitUntil(lambda: shown_titles(window) == {
        "Задержанных держали без адвоката во временном месте содержания"}, timeout=5_000)

    type_text(window, "ничего такого нет")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0, timeout=5_000)
    assert window.detail.currentIndex() == window.detail.EMPTY

    window.search_edit.clear()
    qtbot.waitUntil(lambda: shown_titles(window) == TITLES, timeout=5_000)


def test_typing_runs_one_search_after_a_pause(
    controller: AppController, qtbot: QtBot, demo_vault: Path, monkeypatch: Any
) -> None:
    window = open_demo(controller, qtbot)
    searches: list[str | None] = []
    original = Archive.list_incidents

    def counting(self: Archive, search: str | None = None, **kwargs: Any) -> Any:
        searches.append(search)
        return original(self, search=search, **kwargs)

    monkeypatch.setattr(Archive, "list_incidents", counting)
    type_text(window, "Almaty")
    qtbot.waitUntil(lambda: bool(searches), timeout=5_000)
    qtbot.wait(400)
    assert searches == ["Almaty"]


def test_the_status_filter_narrows_the_list_at_once(
    controller: AppController, qtbot: QtBot, demo_vault: Path
) -> None:
    window = open_demo(controller, qtbot)
    window.status_filter.setCurrentIndex(window.status_filter.findData("reviewed"))
    expected = {i["title"] for i in DEMO["incidents"] if i["status"] == "reviewed"}
    assert shown_titles(window) == expected
    assert window.count_label.text() == f"Incidents found: {len(expected)}"


def test_sorting_by_date_uses_the_dates_not_their_text(
    controller: AppController, qtbot: QtBot, demo_vault: Path
) -> None:
    window = open_demo(controller, qtbot)
    window.table.sortByColumn(IncidentTableModel.DATE, Qt.SortOrder.AscendingOrder)
    first = window.proxy.index(0, IncidentTableModel.TITLE).data()
    assert first == "Peaceful protest over fuel prices begins in Zhanaozen"


def test_building_the_demo_vault_can_be_cancelled(
    controller: AppController, qtbot: QtBot
) -> None:
    from kzarchive.demo import demo_vault_path

    welcome = controller.show_welcome()
    assert isinstance(welcome, WelcomeWindow)
    welcome.demo_button.click()
    assert welcome.busy.cancel_button.isVisible() and not welcome.language_box.isEnabled()
    welcome.busy.cancel_button.click()
    qtbot.waitUntil(welcome.error.isVisible, timeout=10_000)
    assert "Cancelled. Nothing was changed." in welcome.error.text()
    assert welcome.demo_button.isEnabled() and controller.archive is None
    assert not demo_vault_path().exists()
    assert not demo_vault_path().with_name("demo-vault.partial").exists()
