"""Enter does the obvious thing in every dialog: the enabled, intended button, or nothing.

Before, Enter in the create form opened the folder chooser: the disabled Create
button was the default, so Qt handed Enter to the first other button.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs import create_dialog, export_wizard, text_entry_dialog
from kzarchive.gui.dialogs.create_dialog import CreateVaultDialog
from kzarchive.gui.dialogs.dialog_keys import default_button
from kzarchive.gui.dialogs.export_wizard import ExportWizard
from kzarchive.gui.dialogs.panic import PanicWipeDialog
from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
from kzarchive.gui.dialogs.settings_dialog import SettingsDialog
from kzarchive.gui.dialogs.verify_dialog import VerifyDialog
from kzarchive.gui.widgets.incident_editor import NewIncidentDialog
from kzarchive.gui.widgets.people_panel import PersonDialog
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.partners import AddAgeContactDialog, CompareDialog, PartnersWindow
from kzarchive.gui.windows.unlock import UnlockWindow
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import open_window

NEW_PASSPHRASE = "lanterns along the frozen river"
AGE_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


def enter(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def shown_dialog(qtbot: QtBot, dialog: QWidget) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)


@pytest.fixture()
def window(controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> MainWindow:
    main = open_window(controller, qtbot, vault[0])
    main.table.selectRow(0)
    qtbot.waitUntil(lambda: main.detail.incident_id is not None)
    return main


def test_enter_in_the_create_form_creates_the_vault_never_the_folder_chooser(
        controller: AppController, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    chooser_opened: list[object] = []
    monkeypatch.setattr(create_dialog, "choose_directory",
                        lambda *args: chooser_opened.append(args))
    opened: list[Archive] = []
    dialog = CreateVaultDialog(controller, opened.append)
    qtbot.addWidget(dialog)
    shown_dialog(qtbot, dialog)
    dialog.location_edit.setText(str(tmp_path / "vault"))
    QTest.keyClicks(dialog.name_edit, "Field work")

    enter(qtbot, dialog.name_edit)  # nothing typed yet: Enter leads on to the passphrase
    assert chooser_opened == [] and dialog.pages.currentIndex() == CreateVaultDialog.FORM
    assert dialog.passphrase_edit.hasFocus()
    QTest.keyClicks(dialog.passphrase_edit, NEW_PASSPHRASE)
    enter(qtbot, dialog.passphrase_edit)
    assert dialog.repeat_edit.hasFocus() and chooser_opened == []
    assert default_button(dialog) is dialog.create_button

    QTest.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE)
    enter(qtbot, dialog.repeat_edit)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == CreateVaultDialog.RECOVERY,
                    timeout=20_000)
    assert chooser_opened == []

    # The recovery code: Enter does nothing until it is marked as written down.
    enter(qtbot, dialog.written_down)
    assert dialog.isVisible() and opened == []
    dialog.written_down.setChecked(True)
    enter(qtbot, dialog.written_down)
    assert not dialog.isVisible() and len(opened) == 1
    opened[0].close()


def test_enter_changes_the_passphrase_only_when_both_match(
        controller: AppController, qtbot: QtBot, window: MainWindow) -> None:
    assert controller.archive is not None
    dialog = ChangePassphraseDialog(controller, controller.archive, after_recovery=True,
                                    parent=window)
    shown_dialog(qtbot, dialog)
    QTest.keyClicks(dialog.passphrase_edit, NEW_PASSPHRASE)
    QTest.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE[:-2])
    enter(qtbot, dialog.repeat_edit)
    assert dialog.isVisible() and dialog.pages.currentIndex() == 0  # not "Later"
    QTest.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE[-2:])
    enter(qtbot, dialog.repeat_edit)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    assert default_button(dialog) is dialog.close_button
    enter(qtbot, dialog.close_button)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_wipes_only_after_the_word_is_typed(
        controller: AppController, qtbot: QtBot, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wiped: list[bool] = []
    monkeypatch.setattr(controller, "panic_wipe", lambda: wiped.append(True))
    dialog = PanicWipeDialog(controller, window)
    shown_dialog(qtbot, dialog)
    QTest.keyClicks(dialog.word_edit, "WIP")
    enter(qtbot, dialog.word_edit)
    assert wiped == [] and dialog.isVisible()
    QTest.keyClicks(dialog.word_edit, "E")
    enter(qtbot, dialog.word_edit)
    assert wiped == [True]


def test_enter_saves_the_settings(controller: AppController, qtbot: QtBot,
                                  window: MainWindow) -> None:
    dialog = SettingsDialog(controller, window)
    shown_dialog(qtbot, dialog)
    dialog.auto_lock.setValue(17)
    enter(qtbot, dialog.auto_lock)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert controller.config.auto_lock_minutes == 17


def test_enter_saves_a_person_never_showing_the_real_name(
        controller: AppController, qtbot: QtBot, window: MainWindow) -> None:
    people = window.detail.people
    people.add_button.click()
    dialog = people.dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.waitExposed(dialog)
    dialog.pseudonym_edit.insert("Свидетель Д-4")  # QTest types ASCII only
    dialog.real_name_edit.setText("Айгерим Сейтова")
    enter(qtbot, dialog.real_name_edit)
    assert not dialog.isVisible()
    assert [p.pseudonym for p in people.people] == ["Свидетель Д-4"]


def test_enter_in_an_empty_text_dialog_never_opens_the_file_chooser(
        controller: AppController, qtbot: QtBot, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    chooser_opened: list[object] = []
    monkeypatch.setattr(text_entry_dialog, "choose_open_file",
                        lambda *args, **kwargs: chooser_opened.append(args))
    evidence = window.detail.evidence
    evidence.add_text("source-text")
    dialog = evidence.text_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    enter(qtbot, dialog.note_edit)
    assert chooser_opened == [] and dialog.isVisible()
    dialog.text_edit.setPlainText("Сообщение из канала, сохранённое для дела.")
    enter(qtbot, dialog.note_edit)
    assert not dialog.isVisible() and chooser_opened == []
    qtbot.waitUntil(lambda: evidence.model.rowCount() == 1, timeout=10_000)


def test_enter_creates_the_new_incident(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.new_incident()
    assert isinstance(dialog, NewIncidentDialog)
    qtbot.waitExposed(dialog)
    dialog.form.title_edit.insert("Задержание у здания акимата")
    enter(qtbot, dialog.form.title_edit)
    assert not dialog.isVisible()
    assert controller_titles(window) >= {"Задержание у здания акимата"}


def controller_titles(window: MainWindow) -> set[str]:
    return {s.title for s in window.archive.list_incidents()}


def test_enter_in_partners_closes_the_window_and_copies_nothing(
        qtbot: QtBot, window: MainWindow) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("untouched")
    partners = window.show_partners()
    assert isinstance(partners, PartnersWindow)
    qtbot.waitExposed(partners)
    enter(qtbot, partners.contacts)
    assert not partners.isVisible() and clipboard.text() == "untouched"


def test_enter_adds_an_age_partner_then_never_verifies_one_by_accident(
        qtbot: QtBot, window: MainWindow) -> None:
    partners = window.show_partners()
    assert isinstance(partners, PartnersWindow)
    partners.add_age_button.click()
    add = partners.child_dialog
    assert isinstance(add, AddAgeContactDialog)
    QTest.keyClicks(add.name_edit, "UN rapporteur office")
    QTest.keyClicks(add.recipient_edit, AGE_RECIPIENT)
    enter(qtbot, add.recipient_edit)
    assert not add.isVisible()
    contact = window.archive.get_contact("UN rapporteur office")
    compare = CompareDialog(window.archive, contact, partners)
    shown_dialog(qtbot, compare)
    enter(qtbot, compare)
    assert not compare.isVisible()
    assert not window.archive.get_contact("UN rapporteur office").verified


def test_enter_never_stops_verify_vault_and_closes_it_when_done(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.verify_vault()
    assert isinstance(dialog, VerifyDialog)
    qtbot.waitExposed(dialog)
    if dialog.running:
        assert default_button(dialog) is None
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert default_button(dialog) is dialog.close_button
    enter(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_unlock_with_enter(controller: AppController, qtbot: QtBot,
                           vault: tuple[Path, str]) -> None:
    screen = controller.show_unlock(vault[0])
    qtbot.waitExposed(screen)
    assert isinstance(screen, UnlockWindow)
    secret = screen.secret_edit
    QTest.keyClicks(secret, PASSPHRASE)
    enter(qtbot, secret)
    qtbot.waitUntil(lambda: isinstance(controller.screen, MainWindow), timeout=20_000)


def test_enter_walks_the_export_wizard_and_never_opens_the_file_chooser(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    chooser_opened: list[object] = []
    monkeypatch.setattr(export_wizard, "choose_save_file",
                        lambda *args, **kwargs: chooser_opened.append(args))
    window.archive.add_contact_age("UN rapporteur office", AGE_RECIPIENT)
    window.archive.verify_contact("UN rapporteur office")
    wizard = window.export_bundle()
    assert isinstance(wizard, ExportWizard)
    qtbot.waitUntil(lambda: wizard.incidents_page.list.count() == 1)
    enter(qtbot, wizard.incidents_page.list)
    assert wizard.currentId() == ExportWizard.RECIPIENTS
    enter(qtbot, wizard.recipients_page.list)  # nobody chosen yet: Next is disabled
    assert wizard.currentId() == ExportWizard.RECIPIENTS
    wizard.recipients_page.list.item(0).setCheckState(Qt.CheckState.Checked)
    enter(qtbot, wizard.recipients_page.list)
    assert wizard.currentId() == ExportWizard.OPTIONS
    enter(qtbot, wizard.options_page.originals)
    assert wizard.currentId() == ExportWizard.TARGET
    wizard.target_page.path_edit.setText(str(tmp_path / "to-un.kzb"))
    enter(qtbot, wizard.target_page.path_edit)
    qtbot.waitUntil(lambda: wizard.currentId() == ExportWizard.SUMMARY, timeout=20_000)
    assert chooser_opened == [] and (tmp_path / "to-un.kzb").is_file()
