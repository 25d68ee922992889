"""The partners window: my identity, cards exchanged between two vaults, trust by comparing."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.partners import (
    AddAgeContactDialog,
    CompareDialog,
    PartnersWindow,
    RenameContactDialog,
)
from tests.gui.gui_helpers import top_item
from tests.gui.partner_helpers import (
    PARTNER_NAME,
    answer_file_dialog,
    make_partner_vault,
    open_window,
)

# A valid age recipient and minisign key of a partner who uses only the standard tools.
AGE_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


def partners_of(window: MainWindow, qtbot: QtBot) -> PartnersWindow:
    window.exchange_actions["show_partners"].trigger()
    partners = window.child_windows[-1]
    assert isinstance(partners, PartnersWindow)
    qtbot.waitUntil(partners.isVisible)
    return partners


def rows(partners: PartnersWindow) -> list[tuple[str, str, str]]:
    tree = partners.contacts
    return [(top_item(tree, i).text(0), top_item(tree, i).text(1),
             top_item(tree, i).text(2)) for i in range(tree.topLevelItemCount())]


def select(partners: PartnersWindow, name: str) -> None:
    tree = partners.contacts
    row = next(top_item(tree, i) for i in range(tree.topLevelItemCount())
               if top_item(tree, i).text(0) == name)
    tree.setCurrentItem(row)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def export_card(partners: PartnersWindow, target: Path) -> None:
    captions = answer_file_dialog(target)
    partners.export_card_button.click()
    assert captions and target.is_file()
    assert partners.notice.isVisibleTo(partners)


def import_card(partners: PartnersWindow, card: Path) -> None:
    answer_file_dialog(card)
    partners.import_button.click()


def compare_and_verify(partners: PartnersWindow, name: str, qtbot: QtBot) -> CompareDialog:
    select(partners, name)
    partners.compare_button.click()
    dialog = partners.child_dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_cards_are_exchanged_between_two_vaults_and_verified_by_comparing(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    path_a, _code = vault
    path_b = make_partner_vault(tmp_path / "partner-vault")
    cards = tmp_path / "cards"
    cards.mkdir()

    # Vault A: its identity, large and in 12 groups of 5; the card goes to a file.
    window = open_window(controller, qtbot, path_a)
    archive = controller.archive
    assert archive is not None
    fingerprint_a = archive.fingerprint
    partners = partners_of(window, qtbot)
    shown_fp = partners.fingerprint_label.text()
    assert [len(line.split()) for line in shown_fp.splitlines()] == [4, 4, 4]
    assert all(len(group) == 5 for group in shown_fp.split())
    assert digits(shown_fp) == digits(fingerprint_a)
    assert partners.recipient_edit.text().startswith("age1")
    export_card(partners, cards / "field-notes.kzcard")
    assert fingerprint_a in (cards / "field-notes.kzcard").read_text(encoding="utf-8")
    # Qt's chooser must not remember where the card went.
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert not [key for key in settings.allKeys() if key.startswith("FileDialog")]

    # Vault B imports A's card, compares and verifies, and hands out its own card.
    controller.lock()
    window = open_window(controller, qtbot, path_b)
    partners = partners_of(window, qtbot)
    import_card(partners, cards / "field-notes.kzcard")
    assert rows(partners) == [("Field notes", "kzarchive contact card", "Not verified")]
    assert "Field notes" in partners.notice.text()
    dialog = compare_and_verify(partners, "Field notes", qtbot)
    assert controller.archive is not None
    assert digits(dialog.mine.text()) == digits(controller.archive.fingerprint)
    assert digits(dialog.theirs.text()) == digits(fingerprint_a)
    assert "in person or by phone" in dialog.instructions.text()
    dialog.confirm_button.click()
    assert rows(partners) == [("Field notes", "kzarchive contact card", "Verified")]
    export_card(partners, cards / "legal-aid.kzcard")

    # Back in A: B's card, compared and verified the same way.
    controller.lock()
    window = open_window(controller, qtbot, path_a)
    partners = partners_of(window, qtbot)
    import_card(partners, cards / "legal-aid.kzcard")
    dialog = compare_and_verify(partners, PARTNER_NAME, qtbot)
    dialog.confirm_button.click()
    assert rows(partners) == [(PARTNER_NAME, "kzarchive contact card", "Verified")]
    archive = controller.archive
    assert archive is not None
    contact = archive.get_contact(PARTNER_NAME)
    assert contact.verified and contact.fingerprint is not None
    controller.lock()
    with Archive.open(path_b, "snow over the square at dusk") as partner:
        assert partner.get_contact("Field notes").verified
        assert contact.fingerprint == partner.fingerprint


def test_comparing_and_declining_leaves_the_contact_unverified(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    card = tmp_path / "partner.kzcard"
    with Archive.open(make_partner_vault(tmp_path / "partner"), "snow over the square at dusk") \
            as partner:
        partner.export_card(card)
    window = open_window(controller, qtbot, vault[0])
    partners = partners_of(window, qtbot)
    import_card(partners, card)
    dialog = compare_and_verify(partners, PARTNER_NAME, qtbot)
    dialog.reject()
    assert rows(partners)[0][2] == "Not verified"
    assert controller.archive is not None
    assert not controller.archive.get_contact(PARTNER_NAME).verified


def test_a_bad_card_is_refused_with_an_explanation(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    window = open_window(controller, qtbot, vault[0])
    partners = partners_of(window, qtbot)
    own = tmp_path / "own.kzcard"
    export_card(partners, own)
    import_card(partners, own)
    assert partners.error.isVisibleTo(partners)
    assert "this vault itself" in partners.error.text()
    garbage = tmp_path / "holiday.kzcard"
    garbage.write_text("not a card\n", encoding="utf-8")
    import_card(partners, garbage)
    assert partners.error.isVisibleTo(partners) and rows(partners) == []
    answer_file_dialog(None)  # cancelling the chooser changes nothing
    partners.import_button.click()
    assert rows(partners) == []


def test_an_age_only_partner_is_added_compared_renamed_and_removed(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    partners = partners_of(window, qtbot)
    assert not partners.compare_button.isEnabled()  # nothing selected yet
    partners.add_age_button.click()
    dialog = partners.child_dialog
    assert isinstance(dialog, AddAgeContactDialog)
    qtbot.keyClicks(dialog.name_edit, "UN rapporteur office")
    qtbot.keyClicks(dialog.recipient_edit, "age1notakey")
    dialog.add_button.click()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    dialog.recipient_edit.setText(AGE_RECIPIENT)
    dialog.add_button.click()
    assert not dialog.isVisible()
    assert rows(partners) == [("UN rapporteur office", "age keys only", "Not verified")]

    compare = compare_and_verify(partners, "UN rapporteur office", qtbot)
    assert digits(compare.theirs.text()) == digits(AGE_RECIPIENT)
    compare.confirm_button.click()
    assert rows(partners)[0][2] == "Verified"

    partners.rename_button.click()
    rename = partners.child_dialog
    assert isinstance(rename, RenameContactDialog)
    rename.name_edit.setText("OHCHR desk")
    rename.rename_button.click()
    assert rows(partners) == [("OHCHR desk", "age keys only", "Verified")]

    partners.remove_button.click()
    box = partners.confirm_box
    assert isinstance(box, QMessageBox) and "OHCHR desk" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(rows(partners)) == 1
    select(partners, "OHCHR desk")
    partners.remove_button.click()
    box = partners.confirm_box
    assert box is not None
    remove = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    remove.click()
    assert rows(partners) == []
    assert controller.archive is not None and controller.archive.list_contacts() == []


def test_the_fingerprint_and_age_recipient_can_be_copied(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window = open_window(controller, qtbot, vault[0])
    partners = partners_of(window, qtbot)
    assert controller.archive is not None
    buttons = {b.text(): b for b in partners.findChildren(type(partners.import_button))}
    clipboard = QGuiApplication.clipboard()
    buttons["Copy fingerprint"].click()
    assert clipboard.text() == controller.archive.fingerprint
    buttons["Copy"].click()
    assert clipboard.text() == controller.archive.my_card().identity.age_recipient
    controller.lock()
    assert not partners.isVisible()
