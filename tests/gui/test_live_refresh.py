"""A change made anywhere shows at once in every open view, without re-selecting.

The main window's list (the Items count), the detail panel's tabs and counts,
the gallery, the incident's custody log and the vault's custody log window all
follow a redaction saved from a viewer, files attached, and a bundle imported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import BundleDialog, State
from kzarchive.gui.models.incident_model import IncidentTableModel
from kzarchive.gui.viewers import PhotoViewer
from kzarchive.gui.windows.custody_view import CustodyWindow
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.redaction import RedactionWindow
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import (
    PARTNER_NAME,
    PHOTO,
    answer_file_dialog,
    make_partner_vault,
    open_window,
)


def listed_items(window: MainWindow) -> int:
    """The Items column of the selected incident's row, as the list shows it."""
    row = window.model.row_of(window.detail.incident_id or "")
    return int(window.model.index(row, IncidentTableModel.ITEMS).data())


def custody_window(window: MainWindow, qtbot: QtBot) -> CustodyWindow:
    log = window.show_custody_log()
    assert isinstance(log, CustodyWindow)
    qtbot.waitUntil(lambda: log.view.entry_count() > 0, timeout=10_000)
    return log


def selected(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.incident_id is not None)
    return window


def test_a_redaction_saved_from_the_items_list_shows_everywhere_at_once(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    with Archive.open(vault[0], PASSPHRASE) as archive:
        archive.attach_file(archive.list_incidents()[0].id, PHOTO)
    window = selected(open_window(controller, qtbot, vault[0]), qtbot)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.gallery.model.rowCount() == 1)
    log = custody_window(window, qtbot)
    entries_before, incident_entries = log.view.entry_count(), detail.custody.entry_count()
    assert listed_items(window) == 1 and detail.tabs.tabText(detail.ITEMS_TAB) == "Items (1)"

    detail.tabs.setCurrentIndex(detail.ITEMS_TAB)
    detail.evidence.select_item(detail.evidence.model.item_at(0).id)
    detail.evidence.open_selected()
    viewer = detail.evidence.viewers[-1]
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitUntil(viewer.redact_action.isEnabled, timeout=10_000)
    viewer.redact_action.trigger()
    redaction = viewer.redaction
    assert isinstance(redaction, RedactionWindow)
    redaction.canvas.add_box(QRectF(40, 40, 120, 90))
    with qtbot.waitSignal(viewer.item_added, timeout=10_000):
        redaction.save_button.click()

    # No re-selecting: every view shows the copy now.
    assert detail.evidence.model.rowCount() == 2
    assert detail.tabs.tabText(detail.ITEMS_TAB) == "Items (2)"
    qtbot.waitUntil(lambda: detail.gallery.model.rowCount() == 2)
    assert detail.custody.entry_count() == incident_entries + 1
    qtbot.waitUntil(lambda: listed_items(window) == 2, timeout=5000)
    qtbot.waitUntil(lambda: log.view.entry_count() == entries_before + 1, timeout=5000)
    viewer.close()


def test_attached_files_show_in_the_list_gallery_and_custody_at_once(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    window = selected(open_window(controller, qtbot, vault[0]), qtbot)
    detail = window.detail
    detail.tabs.setCurrentWidget(detail.gallery)
    assert detail.gallery.model.rowCount() == 0 and listed_items(window) == 0
    incident_entries = detail.custody.entry_count()
    log = custody_window(window, qtbot)
    entries_before = log.view.entry_count()

    detail.evidence.attach_paths([PHOTO])
    qtbot.waitUntil(lambda: detail.evidence.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: detail.gallery.model.rowCount() == 1)
    assert detail.tabs.tabText(detail.tabs.indexOf(detail.gallery)) == "Gallery (1)"
    # The list and gallery fill in as items land; the custody tab when the batch ends.
    qtbot.waitUntil(lambda: detail.custody.entry_count() > incident_entries, timeout=5000)
    qtbot.waitUntil(lambda: listed_items(window) == 1, timeout=5000)
    qtbot.waitUntil(lambda: log.view.entry_count() > entries_before, timeout=5000)


@pytest.fixture()
def sender_and_receiver(vault: tuple[Path, str], tmp_path: Path) -> tuple[Path, Path, str]:
    """Vault A (one incident) and B, each knowing and trusting the other's card."""
    path_a, path_b = vault[0], make_partner_vault(tmp_path / "partner")
    with Archive.open(path_a, PASSPHRASE) as a, Archive.open(path_b, PASSPHRASE) as b:
        a.export_card(tmp_path / "a.kzcard")
        b.export_card(tmp_path / "b.kzcard")
        a.add_contact_card(tmp_path / "b.kzcard")
        a.verify_contact(PARTNER_NAME)
        b.add_contact_card(tmp_path / "a.kzcard")
        b.verify_contact("Field notes")
        incident = a.list_incidents()[0].id
    return path_a, path_b, incident


def import_with_enter(window: MainWindow, qtbot: QtBot, bundle: Path) -> BundleDialog:
    answer_file_dialog(bundle)
    window.exchange_actions["open_bundle"].trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, BundleDialog)
    qtbot.waitUntil(lambda: dialog.state is not State.VERIFYING, timeout=15_000)
    assert dialog.state is State.GOOD
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Enter imports a GOOD bundle
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=15_000)
    return dialog


def test_an_import_shows_at_once_also_in_the_incident_already_shown(
        controller: AppController, qtbot: QtBot,
        sender_and_receiver: tuple[Path, Path, str], tmp_path: Path) -> None:
    path_a, path_b, incident = sender_and_receiver
    with Archive.open(path_a, PASSPHRASE) as a:
        a.export_bundle([incident], [PARTNER_NAME], tmp_path / "first.kzb")
        a.attach_file(incident, PHOTO)
        a.export_bundle([incident], [PARTNER_NAME], tmp_path / "second.kzb")

    window = open_window(controller, qtbot, path_b)
    assert window.model.rowCount() == 0
    import_with_enter(window, qtbot, tmp_path / "first.kzb")
    qtbot.waitUntil(lambda: window.selected_incident_ids() == [incident], timeout=10_000)
    assert window.count_label.text() == "Incidents: 1"
    detail = window.detail
    assert detail.tabs.tabText(detail.ITEMS_TAB) == "Items (0)"
    log = custody_window(window, qtbot)
    entries_before = log.view.entry_count()

    # The second bundle adds a photo to the incident on screen: the selection stays
    # the same, and still the detail, gallery and logs show the photo at once.
    import_with_enter(window, qtbot, tmp_path / "second.kzb")
    qtbot.waitUntil(lambda: detail.tabs.tabText(detail.ITEMS_TAB) == "Items (1)",
                    timeout=10_000)
    assert detail.evidence.model.rowCount() == 1
    qtbot.waitUntil(lambda: detail.gallery.model.rowCount() == 1)
    assert listed_items(window) == 1
    qtbot.waitUntil(lambda: log.view.entry_count() > entries_before, timeout=5000)
