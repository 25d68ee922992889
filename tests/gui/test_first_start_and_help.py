"""First start: the empty vault, the toolbar, the demo vault per language, the guide."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.demo import demo_data_file, demo_vault_path
from kzarchive.gui.config import GuiConfig
from kzarchive.gui.controller import AppController
from kzarchive.gui.models.incident_model import IncidentTableModel
from kzarchive.gui.widgets.incident_editor import NewIncidentDialog
from kzarchive.gui.windows.help_window import (
    TOPICS,
    HelpWindow,
    help_folder,
    help_link,
    open_help_link,
)
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.partners import PartnersWindow
from kzarchive.gui.windows.welcome import WelcomeWindow
from kzarchive.resources import resource_path
from tests.gui.gui_helpers import PASSPHRASE, close_all_windows
from tests.gui.partner_helpers import open_window

GUIDE_TITLES = {"en": "kzarchive user guide", "ru": "Руководство пользователя kzarchive",
                "kk": "kzarchive пайдаланушы нұсқаулығы"}


@pytest.fixture()
def empty_vault(tmp_path: Path) -> Path:
    path = tmp_path / "empty"
    Archive.create(path, PASSPHRASE, name="New work")[0].close()
    return path


@contextmanager
def language_controller(qapp: QApplication, language: str) -> Iterator[AppController]:
    ctrl = AppController(GuiConfig(language=language))
    try:
        yield ctrl
    finally:
        ctrl.dispose()
        close_all_windows(qapp)
        ctrl.set_language("en")
        close_all_windows(qapp)


@pytest.fixture(params=["ru", "kk"])
def local_controller(qapp: QApplication, request: pytest.FixtureRequest
                     ) -> Iterator[AppController]:
    with language_controller(qapp, request.param) as ctrl:
        yield ctrl


def test_an_empty_vault_says_what_to_do_and_offers_a_new_incident(
    controller: AppController, qtbot: QtBot, empty_vault: Path
) -> None:
    window = open_window(controller, qtbot, empty_vault)
    qtbot.waitUntil(lambda: window.list_stack.currentWidget() is window.empty_panel)
    assert window.empty_panel.isVisible() and not window.table.isVisible()
    assert window.empty_panel.new_button.text() == "New incident…"
    window.empty_panel.new_button.click()
    dialog = next(w for w in window.child_windows if isinstance(w, NewIncidentDialog))
    assert dialog.isVisible()
    dialog.close()

    # Once there is an incident, the list is back, and a search finding nothing
    # shows an empty list rather than the first-start page.
    assert controller.archive is not None
    controller.archive.add_incident("Первый инцидент")
    window.run_search()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.list_stack.currentWidget() is window.table
    window.search_edit.setText("nothing like this")
    window.run_search()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert window.list_stack.currentWidget() is window.table


def test_the_toolbar_holds_the_main_actions_in_words(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    texts = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert texts == ["New incident", "Attach files", "Export bundle", "Open bundle", "Lock"]
    attach = window.toolbar_attach
    assert not attach.isEnabled()  # no incident chosen yet
    window.table.selectRow(0)
    qtbot.waitUntil(attach.isEnabled)
    window.lock_action.trigger()
    assert controller.archive is None


def test_the_toolbar_and_empty_vault_speak_the_users_language(
    local_controller: AppController, qtbot: QtBot, empty_vault: Path
) -> None:
    window = open_window(local_controller, qtbot, empty_vault)
    qtbot.waitUntil(lambda: window.list_stack.currentWidget() is window.empty_panel)
    english = {"New incident", "Attach files", "Export bundle", "Open bundle", "Lock"}
    shown = {a.iconText() for a in window.toolbar.actions() if not a.isSeparator()}
    assert not shown & english and all(re.search("[а-яәіңғүұқөһ]", t) for t in shown)
    assert window.empty_panel.new_button.text() != "New incident…"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_demo_vault_speaks_the_users_language(
    qapp: QApplication, qtbot: QtBot, language: str
) -> None:
    data = json.loads(resource_path("demo", demo_data_file(language)).read_text("utf-8"))
    english = json.loads(resource_path("demo", "incidents.json").read_text("utf-8"))
    with language_controller(qapp, language) as ctrl:
        welcome = ctrl.show_welcome()
        assert isinstance(welcome, WelcomeWindow)
        welcome.demo_button.click()
        qtbot.waitUntil(lambda: isinstance(ctrl.screen, MainWindow), timeout=60_000)
        window = ctrl.screen
        assert isinstance(window, MainWindow)
        qtbot.waitUntil(lambda: window.model.rowCount() == len(data["incidents"]))
        titles = {str(window.proxy.index(row, IncidentTableModel.TITLE).data())
                  for row in range(window.proxy.rowCount())}
        assert titles == {incident["title"] for incident in data["incidents"]}
        assert not titles & {incident["title"] for incident in english["incidents"]
                             if not re.search("[а-я]", incident["title"])}
        assert window.vault_label.text() == data["vault_name"]
        assert window.count_label.text() == QCoreApplication.translate(
            "MainWindow", "Incidents: {n}").format(n=len(titles))
        assert "Incidents" not in window.count_label.text()
        archive = ctrl.archive
        assert archive is not None and archive.path == demo_vault_path(language)
        assert ctrl.is_demo(archive.path)
        tags = set(archive.list_tags())
        assert tags == {tag for incident in data["incidents"] for tag in incident["tags"]}
        assert all(re.search("[а-яәіңғүұқөһ]", tag) for tag in tags)
        assert not demo_vault_path("en").exists()  # each language has its own vault


def test_every_demo_language_tells_the_same_events() -> None:
    records = {language: json.loads(resource_path("demo", demo_data_file(language))
                                    .read_text("utf-8")) for language in ("en", "ru", "kk")}
    shape = {language: [(i["occurred_start"], i["occurred_end"], i["violations"],
                         len(i["people"]), len(i["texts"]), len(i["files"]))
                        for i in data["incidents"]] for language, data in records.items()}
    assert shape["ru"] == shape["en"] == shape["kk"]
    for language in ("ru", "kk"):
        for incident in records[language]["incidents"]:
            for text in incident["texts"]:
                assert resource_path("demo", text["file"]).is_file()
                assert text["language"] in ("ru", "kk")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "a" and values.get("name"):
            self.anchors.add(str(values["name"]))


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_guide_is_complete_and_its_links_stay_inside_it(language: str) -> None:
    folder = help_folder(language)
    parsed: dict[str, _Links] = {}
    for topic in TOPICS:
        page = _Links()
        page.feed((folder / f"{topic}.html").read_text("utf-8"))
        parsed[topic] = page
    for topic, page in parsed.items():
        for link in page.links:
            target, _, anchor = link.partition("#")
            assert "://" not in link and target.endswith(".html"), (topic, link)
            name = target.removesuffix(".html")
            assert name in parsed, (topic, link)
            assert not anchor or anchor in parsed[name].anchors, (topic, link)
    verify = (folder / "partners-verify.html").read_text("utf-8")
    for command in ("age -d -i", "minisign -V", "bagit.py --validate", "sha256sum -c"):
        assert command in verify, (language, command)
    safe = (folder / "staying-safe.html").read_text("utf-8")
    assert all(word in safe for word in ("LUKS", "BitLocker", "FileVault"))


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_guide_opens_in_each_language_with_no_network(
    qapp: QApplication, qtbot: QtBot, language: str
) -> None:
    window = HelpWindow(language)
    qtbot.addWidget(window)
    window.show()
    assert GUIDE_TITLES[language] in window.browser.toPlainText()
    window.browser.anchorClicked.emit(QUrl("terms.html#age-recipient"))
    assert window.browser.source().fileName() == "terms.html"
    assert "age1" in window.browser.toPlainText()
    assert window.back_button.isEnabled()
    window.browser.anchorClicked.emit(QUrl("https://example.org/tracker"))
    window.browser.anchorClicked.emit(QUrl.fromLocalFile("/etc/passwd"))
    assert window.browser.source().fileName() == "terms.html"
    assert window.browser.refused == ["https://example.org/tracker", "file:///etc/passwd"]


def test_the_help_menu_opens_the_guide_in_the_interface_language(
    local_controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(local_controller, qtbot, vault[0])
    guide = window.show_guide()
    assert isinstance(guide, HelpWindow)
    assert GUIDE_TITLES[local_controller.language] in guide.browser.toPlainText()


def test_the_age_recipient_is_explained_by_a_link_into_the_guide(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    partners = window.show_partners()
    assert isinstance(partners, PartnersWindow)
    [term] = [w for w in partners.findChildren(QLabel)
              if help_link("terms", "age-recipient") in w.text()]
    assert "What is this?" in term.text() and "encryption key" in term.text()
    term.linkActivated.emit(help_link("terms", "age-recipient"))
    guide = getattr(term, "help_window", None)
    assert isinstance(guide, HelpWindow)
    assert guide.browser.source().fragment() == "age-recipient"
    assert open_help_link("https://example.org", None) is None
