"""Creating and editing incidents, and their people, in the main window."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.widgets.incident_editor import NewIncidentDialog
from kzarchive.gui.widgets.people_panel import PeoplePanel, PersonDialog
from kzarchive.gui.windows.main_window import MainWindow
from tests.gui.gui_helpers import PASSPHRASE

TEMPLATE_TITLE = "Detention near the bus station"
NEW_TITLE = "Разгон митинга у акимата Жанаозена"


def open_main(controller: AppController, qtbot: QtBot, path: Path) -> MainWindow:
    controller.vault_opened(Archive.open(path, PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    return window


def select_title(window: MainWindow, qtbot: QtBot, title: str) -> None:
    proxy = window.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == title)
    window.table.selectRow(row)
    qtbot.waitUntil(lambda: window.detail.title_label.text() == title)


def answer_question(button: QMessageBox.StandardButton, texts: list[str]) -> None:
    """Press ``button`` in the next message box that asks; note what it said."""
    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, answer)
            return
        texts.append(boxes[0].text())
        boxes[0].button(button).click()

    QTimer.singleShot(10, answer)


def create_incident(window: MainWindow, qtbot: QtBot, title: str) -> str:
    window.new_incident_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, NewIncidentDialog) and dialog.isVisible()
    dialog.form.title_edit.insert(title)
    dialog.form.start_edit.insert("2011-12-16")
    dialog.form.place_edit.insert("Жанаозен")
    dialog.form.violations_list.item(4).setCheckState(Qt.CheckState.Checked)  # excessive-force
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.detail.title_label.text() == title)
    assert not dialog.isVisible()
    assert window.detail.incident_id is not None
    return window.detail.incident_id


def test_a_new_incident_with_a_cyrillic_title_is_created_listed_and_selected(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    assert window.new_incident_action.shortcut().toString() == "Ctrl+N"
    window.search_edit.insert("bus")  # a search that would hide the new incident
    incident_id = create_incident(window, qtbot, NEW_TITLE)

    assert window.search_edit.text() == ""
    assert window.model.rowCount() == 2
    assert window.selected_incident_ids() == [incident_id]
    detail = window.detail
    assert detail.when_label.text() == "16 December 2011"
    assert detail.violations_label.text() == "Excessive force"
    assert detail.editor.form.title_edit.text() == NEW_TITLE
    assert not detail.editor.dirty
    archive = controller.archive
    assert archive is not None
    stored = archive.get_incident(incident_id)
    assert (stored.title, stored.place, stored.violations, stored.status) == (
        NEW_TITLE, "Жанаозен", ["excessive-force"], "draft")


def test_the_new_incident_form_explains_what_is_missing(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    window.new_incident_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, NewIncidentDialog)
    dialog.create_button.click()
    assert dialog.isVisible() and dialog.error.text() == "Give the incident a title."
    dialog.form.title_edit.insert("Shots at the square")
    dialog.form.start_edit.insert("16 December")
    dialog.create_button.click()
    assert dialog.isVisible() and dialog.error.text().startswith("The start date is not a date.")
    dialog.form.start_edit.setText("2011-12")
    dialog.form.latitude_edit.insert("143.2")
    dialog.create_button.click()
    assert "latitude" in dialog.error.text()
    dialog.form.latitude_edit.setText("43.3405")
    dialog.form.longitude_edit.insert("52.8614")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.detail.title_label.text() == "Shots at the square")
    archive = controller.archive
    assert archive is not None and window.detail.incident_id is not None
    stored = archive.get_incident(window.detail.incident_id)
    assert (stored.occurred_start, stored.latitude, stored.longitude) == (
        "2011-12", "43.3405", "52.8614")


def test_editing_saves_only_changed_fields_and_the_custody_tab_names_them(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, TEMPLATE_TITLE)
    editor = window.detail.editor
    assert not editor.save_button.isEnabled()
    editor.form.title_edit.setText("Задержание у автовокзала Актау")
    editor.form.description_edit.setPlainText("Трое задержаны без объяснения причин.")
    editor.form.status_box.setCurrentIndex(editor.form.status_box.findData("reviewed"))
    assert editor.dirty and editor.save_button.isEnabled()
    assert editor.notice.text() == "Changes not saved yet."
    editor.save_button.click()

    assert not editor.dirty and not editor.save_button.isEnabled()
    assert editor.notice.text() == "Saved."
    qtbot.waitUntil(lambda: window.proxy.index(0, 0).data() == "Задержание у автовокзала Актау")
    assert window.detail.title_label.text() == "Задержание у автовокзала Актау"
    assert window.detail.status_label.text() == "Reviewed"
    custody = window.detail.custody
    assert custody.acts()[-1] == "Incident changed"
    last = custody.own_tree.topLevelItem(custody.entry_count() - 1)
    assert last is not None
    assert last.text(custody.DETAILS) == "Fields: description, status, title"
    archive = controller.archive
    assert archive is not None
    entry = archive.custody_entries(window.detail.incident_id)[-1]
    assert (entry.action, entry.details) == (
        "incident.updated", {"fields": ["description", "status", "title"]})


def test_undo_changes_puts_back_the_stored_values(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, TEMPLATE_TITLE)
    editor = window.detail.editor
    editor.form.place_edit.setText("Жанаозен")
    editor.form.tags_edit.setText("night, arrests")
    editor.form.violations_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert editor.dirty
    editor.undo_button.click()
    assert not editor.dirty and not editor.undo_button.isEnabled()
    assert editor.form.place_edit.text() == "Aktau"
    assert editor.form.tags_edit.text() == ""
    assert editor.form.values()["violations"] == ["arbitrary-detention"]
    archive = controller.archive
    assert archive is not None
    assert [e.action for e in archive.custody_entries(window.detail.incident_id)] == [
        "incident.created"]


def test_leaving_unsaved_edits_asks_first(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    archive = Archive.open(vault[0], PASSPHRASE)
    archive.add_incident("Journalist detained in Uralsk", occurred_start="2022-01-07")
    archive.close()
    window = open_main(controller, qtbot, vault[0])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    select_title(window, qtbot, TEMPLATE_TITLE)
    edited = window.detail.incident_id
    window.detail.editor.form.place_edit.setText("Aktau, 5th microdistrict")

    asked: list[str] = []
    answer_question(QMessageBox.StandardButton.Cancel, asked)
    other_row = next(r for r in range(2) if window.proxy.index(r, 0).data() != TEMPLATE_TITLE)
    window.table.selectRow(other_row)
    qtbot.waitUntil(lambda: bool(asked) and window.selected_incident_ids() == [edited])
    assert asked == ["The incident has changes that are not saved yet."]
    assert window.detail.incident_id == edited
    assert window.detail.editor.form.place_edit.text() == "Aktau, 5th microdistrict"

    answer_question(QMessageBox.StandardButton.Discard, asked)
    window.table.selectRow(other_row)
    qtbot.waitUntil(lambda: window.detail.title_label.text() == "Journalist detained in Uralsk")
    assert not window.detail.editor.dirty
    assert controller.archive is not None
    assert controller.archive.get_incident(str(edited)).place == "Aktau"

    select_title(window, qtbot, TEMPLATE_TITLE)
    window.detail.editor.form.place_edit.setText("Aktau, bus station")
    answer_question(QMessageBox.StandardButton.Save, asked)
    window.close()  # quitting with unsaved edits asks too; Save stores them
    assert len(asked) == 3
    assert controller.archive.get_incident(str(edited)).place == "Aktau, bus station"


def add_person(window: MainWindow, pseudonym: str, real_name: str) -> PersonDialog:
    people = window.detail.people
    window.detail.tabs.setCurrentIndex(window.detail.PEOPLE_TAB)
    people.add_button.click()
    dialog = people.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    assert dialog.real_name_edit.echoMode() == dialog.real_name_edit.EchoMode.Password
    dialog.pseudonym_edit.insert(pseudonym)
    dialog.real_name_edit.insert(real_name)
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("witness"))
    dialog.consent_box.setChecked(True)
    dialog.scope_edit.insert("reports, no photos")
    dialog.consent_date_edit.insert("2022-01-10")
    return dialog


def test_a_person_is_added_with_the_real_name_hidden_until_shown(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, TEMPLATE_TITLE)
    dialog = add_person(window, "Свидетель Б-7", "Айгерим Нурланова")
    dialog.consent_date_edit.setText("10.01.2022")
    dialog.accept()
    assert dialog.isVisible() and "consent date is not a date" in dialog.error.text()
    dialog.consent_date_edit.setText("2022-01-10")
    dialog.accept()
    assert not dialog.isVisible()

    people = window.detail.people
    row = people.people_list.topLevelItem(0)
    assert row is not None
    assert [row.text(c) for c in range(3)] == [
        "Свидетель Б-7", "Witness", "given, 2022-01-10, reports, no photos"]
    assert people.real_names_shown() == [""]
    assert people.people_list.isColumnHidden(people.REAL_NAME)
    assert window.detail.tabs.tabText(window.detail.PEOPLE_TAB) == "People (1)"

    people.reveal_button.click()
    assert people.real_names_shown() == ["Айгерим Нурланова"]
    assert not people.people_list.isColumnHidden(people.REAL_NAME)
    assert people.reveal_button.text() == "Hide real names"
    people.reveal_button.click()
    assert people.real_names_shown() == [""]
    assert people.people_list.isColumnHidden(people.REAL_NAME)
    assert people.reveal_button.text() == "Show real names"
    assert window.detail.custody.acts()[-1] == "Person added"


def test_editing_a_person_keeps_the_pseudonym_first_and_logs_the_fields(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, TEMPLATE_TITLE)
    add_person(window, "Witness B-7", "Aigerim N.").accept()
    people = window.detail.people
    first = people.people_list.topLevelItem(0)
    assert first is not None
    people.people_list.setCurrentItem(first)
    people.edit_button.click()
    dialog = people.dialog
    assert isinstance(dialog, PersonDialog) and dialog.person is not None
    assert dialog.real_name_edit.text() == "Aigerim N."
    assert dialog.real_name_edit.echoMode() == dialog.real_name_edit.EchoMode.Password
    dialog.show_real_name.setChecked(True)
    assert dialog.real_name_edit.echoMode() == dialog.real_name_edit.EchoMode.Normal
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("victim"))
    dialog.consent_box.setChecked(False)
    dialog.accept()
    row = people.people_list.topLevelItem(0)
    assert row is not None and (row.text(0), row.text(1), row.text(2)) == (
        "Witness B-7", "Victim", "not given")
    archive = controller.archive
    assert archive is not None
    entry = archive.custody_entries(window.detail.incident_id)[-1]
    assert entry.action == "person.updated"
    assert entry.details["fields"] == ["consent_given", "role"]
    assert window.detail.custody.acts()[-1] == "Person changed"


def test_real_names_are_hidden_again_on_another_incident_and_after_lock(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    archive = Archive.open(vault[0], PASSPHRASE)
    other = archive.add_incident("Journalist detained in Uralsk", occurred_start="2022-01-07")
    archive.add_person(other, "victim", "Журналист В-1", real_name="Ержан Б.")
    archive.close()
    window = open_main(controller, qtbot, vault[0])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    select_title(window, qtbot, TEMPLATE_TITLE)
    add_person(window, "Свидетель Б-7", "Айгерим Нурланова").accept()
    people = window.detail.people
    people.reveal_button.click()
    assert people.real_names_shown() == ["Айгерим Нурланова"]

    select_title(window, qtbot, "Journalist detained in Uralsk")
    assert not people.revealed and people.real_names_shown() == [""]
    people.reveal_button.click()
    assert people.real_names_shown() == ["Ержан Б."]

    controller.lock()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    assert not [w for w in QApplication.allWidgets() if isinstance(w, PeoplePanel)]

    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, "Journalist detained in Uralsk")
    assert window.detail.people.real_names_shown() == [""]
    assert not window.detail.people.revealed


def test_closing_the_vault_or_switching_language_asks_about_unsaved_edits(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_main(controller, qtbot, vault[0])
    select_title(window, qtbot, TEMPLATE_TITLE)
    window.detail.editor.form.place_edit.setText("Aktau, the old market")
    asked: list[str] = []
    answer_question(QMessageBox.StandardButton.Cancel, asked)
    controller.close_vault()
    assert asked and controller.screen is window and controller.archive is not None
    answer_question(QMessageBox.StandardButton.Cancel, asked)
    controller.set_language("ru")
    assert len(asked) == 2 and controller.screen is window and controller.language == "en"
    assert window.detail.editor.form.place_edit.text() == "Aktau, the old market"

    answer_question(QMessageBox.StandardButton.Save, asked)
    controller.close_vault()
    assert len(asked) == 3 and controller.archive is None
    with Archive.open(vault[0], PASSPHRASE) as archive:
        assert archive.list_incidents()[0].place == "Aktau, the old market"
