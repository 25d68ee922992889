"""The custody log as shown (incident tab, whole vault, partners' chains) and Verify vault."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.verify_dialog import VerifyDialog
from kzarchive.gui.windows.custody_view import (
    LINK_BROKEN,
    LINK_OK,
    LINK_UNKNOWN,
    CustodyData,
    CustodyView,
    CustodyWindow,
    Subjects,
    chain_links,
    custody_rows,
)
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.resources import resource_path
from tests.connection import connection_of
from tests.gui.gui_helpers import PASSPHRASE

PHOTO = resource_path("demo", "square.jpg")
TITLE = "Detention near the bus station"


def with_photo(path: Path) -> str:
    """Attach the demo photo to the vault's incident before the app opens it; its item id."""
    with Archive.open(path, PASSPHRASE) as archive:
        incident = archive.list_incidents()[0].id
        return archive.attach_file(incident, PHOTO).id


def open_main(controller: AppController, qtbot: QtBot, path: Path,
              title: str = TITLE) -> MainWindow:
    controller.vault_opened(Archive.open(path, PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    proxy = window.proxy
    window.table.selectRow(next(r for r in range(proxy.rowCount())
                                if proxy.index(r, 0).data() == title))
    return window


def column(view: CustodyView, index: int) -> list[str]:
    rows = [view.own_tree.topLevelItem(i) for i in range(view.entry_count())]
    return [row.text(index) for row in rows if row is not None]


def test_the_custody_tab_lists_each_act_in_plain_words(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    item_id = with_photo(vault[0])
    window = open_main(controller, qtbot, vault[0])
    detail = window.detail
    detail.editor.form.place_edit.setText("Aktau, bus station")
    detail.editor.save_button.click()
    detail.tabs.setCurrentIndex(detail.CUSTODY_TAB)
    view = detail.custody
    assert view.acts() == ["Incident created", "Item added", "Incident changed"]
    assert set(column(view, view.CHAIN)) == {"✓ intact"}
    assert view.summary.text() == "Entries: 3. The chain is intact."
    assert column(view, view.ABOUT)[1] == "square.jpg"
    archive = controller.archive
    assert archive is not None
    sha256 = archive.get_item(item_id).sha256
    item_details = column(view, view.DETAILS)[1]
    assert f"SHA-256: {sha256[:12]}…" in item_details and "Kind: Photo" in item_details
    assert column(view, view.DETAILS)[2] == "Fields: place"


def test_the_vault_custody_log_shows_every_act_with_its_incident(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    with_photo(vault[0])
    window = open_main(controller, qtbot, vault[0])
    window.custody_action.trigger()
    log = window.child_windows[-1]
    assert isinstance(log, CustodyWindow) and log.isVisible()
    qtbot.waitUntil(lambda: log.view.entry_count() == 3, timeout=5_000)
    assert log.view.acts() == ["Vault created", "Incident created", "Item added"]
    assert column(log.view, log.view.ABOUT)[1:] == [TITLE, f"{TITLE} › square.jpg"]
    assert log.view.summary.text() == "Entries: 3. The chain is intact."


def entries_of(path: Path) -> list[dict[str, Any]]:
    with Archive.open(path, PASSPHRASE) as archive:
        incident = archive.list_incidents()[0].id
        archive.update_incident(incident, place="Aktau, bus station")
        archive.attach_file(incident, PHOTO)
        return [entry.to_dict() for entry in archive.custody_entries(incident)]


def test_an_altered_or_missing_entry_shows_as_a_broken_link(vault: tuple[Path, str]) -> None:
    entries = entries_of(vault[0])
    assert chain_links(entries) == [LINK_OK] * 3

    altered = [dict(entry) for entry in entries]
    altered[1]["details"] = {"fields": ["title"]}  # someone rewrote what was changed
    assert chain_links(altered) == [LINK_OK, LINK_BROKEN, LINK_OK]

    missing = [entries[0], entries[2]]  # an entry quietly removed
    assert chain_links(missing) == [LINK_OK, LINK_BROKEN]

    partial = entries[1:]  # a partner sent only the later part of its chain
    assert chain_links(partial) == [LINK_UNKNOWN, LINK_OK]


def test_the_view_tells_where_the_chain_breaks(
    qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    entries = entries_of(vault[0])
    entries[2]["details"] = {**entries[2]["details"], "size": 1}
    with Archive.open(vault[0], PASSPHRASE) as archive:
        rows = custody_rows(entries, Subjects(archive, with_incident=False))
    view = CustodyView()
    qtbot.addWidget(view)
    view.show_data(CustodyData(rows, []))
    assert column(view, view.CHAIN) == ["✓ intact", "✓ intact", "✗ broken"]
    assert view.summary.text() == f"Entries: 3. The chain is broken at entry {rows[2].seq}."


def exchange(sender: Path, receiver: Path, tmp_path: Path) -> str:
    """``sender`` sends its incident to ``receiver``, as verified partners; the incident id."""
    cards = {}
    for path, name in ((sender, "sender"), (receiver, "receiver")):
        with Archive.open(path, PASSPHRASE) as archive:
            cards[name] = archive.export_card(tmp_path / f"{name}.kzcard")
    with Archive.open(sender, PASSPHRASE) as archive:
        archive.verify_contact(archive.add_contact_card(cards["receiver"], "Field notes").id)
        incident = archive.list_incidents()[0].id
        archive.export_bundle([incident], ["Field notes"], tmp_path / "to-field-notes.kzb")
    with Archive.open(receiver, PASSPHRASE) as archive:
        archive.verify_contact(archive.add_contact_card(cards["sender"], "Legal aid centre").id)
        archive.import_bundle(tmp_path / "to-field-notes.kzb")
    return incident


def test_custody_received_from_a_partner_is_shown_with_the_incident(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    sender = tmp_path / "legal-aid"
    archive, _code = Archive.create(sender, PASSPHRASE, name="Legal aid centre")
    with archive:
        incident = archive.add_incident("Lawyer refused access in Taraz", place="Taraz")
        archive.attach_file(incident, PHOTO)
    exchange(sender, vault[0], tmp_path)

    window = open_main(controller, qtbot, vault[0], "Lawyer refused access in Taraz")
    view = window.detail.custody
    assert view.acts() == ["Received from a partner"]
    assert view.received_tree.isVisibleTo(view)
    group = view.received_tree.topLevelItem(0)
    assert group is not None and group.text(0).startswith("From Legal aid centre (")
    received = [row for row in (group.child(i) for i in range(group.childCount())) if row]
    assert [row.text(view.ACT) for row in received] == ["Incident created", "Item added"]
    assert {row.text(view.CHAIN) for row in received} == {"✓ intact"}
    assert received[1].text(view.ABOUT) == "square.jpg"

    window.table.selectRow(next(r for r in range(window.proxy.rowCount())
                                if window.proxy.index(r, 0).data() == TITLE))
    assert not view.received_tree.isVisibleTo(view)  # nothing received with this one


def wait_done(dialog: VerifyDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)


def results(dialog: VerifyDialog) -> list[tuple[str, str]]:
    assert dialog.results.isVisibleTo(dialog)
    return [(name.text(), result.text()) for name, result in dialog.rows]


def flip_a_byte(archive: Archive, item_id: str) -> None:
    blob_id = connection_of(archive).execute("SELECT blob_id FROM items WHERE id = ?",
                                 (item_id,)).fetchone()[0]
    blob = archive.blobs.path(blob_id)
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0x01
    blob.write_bytes(bytes(data))


def verify_item_answer(window: MainWindow, qtbot: QtBot) -> QMessageBox:
    panel = window.detail.evidence
    window.detail.tabs.setCurrentIndex(window.detail.ITEMS_TAB)
    panel.select_item(panel.model.item_at(0).id)
    panel.message_box = None
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.message_box is not None, timeout=5_000)
    assert panel.message_box is not None
    return panel.message_box


def test_verify_vault_reports_success_then_names_the_damaged_item(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    item_id = with_photo(vault[0])
    window = open_main(controller, qtbot, vault[0])
    window.verify_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, VerifyDialog)
    wait_done(dialog, qtbot)
    assert dialog.heading.text() == "Everything checked is intact."
    shown = dict(results(dialog))
    assert shown["Key file (vault.keys)"] == "intact"
    assert shown["Custody log"] == "complete and unaltered (3 entries)"
    assert shown["Stored files"].startswith("1 item read, ")
    answer = verify_item_answer(window, qtbot)
    assert answer.text() == "“square.jpg” is intact."
    answer.close()

    archive = controller.archive
    assert archive is not None
    flip_a_byte(archive, item_id)
    dialog.close()
    window.verify_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, VerifyDialog)
    wait_done(dialog, qtbot)
    assert dialog.heading.text() == "Problems found: 1"
    assert results(dialog)[0] == (
        f"Item “square.jpg” of the incident “{TITLE}”",
        "damaged: the content does not match its recorded SHA-256")
    assert dict(results(dialog))["Stored files"].endswith("; no file the vault does not know")
    answer = verify_item_answer(window, qtbot)
    assert answer.text() == "“square.jpg” failed the check."
    assert answer.icon() == QMessageBox.Icon.Critical


def test_verify_vault_can_be_cancelled(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    with_photo(vault[0])
    window = open_main(controller, qtbot, vault[0])
    release = threading.Event()
    controller.vault_tasks.run(lambda progress, cancel: release.wait(10))
    window.verify_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, VerifyDialog) and dialog.running
    dialog.cancel_button.click()
    assert dialog.heading.text() == "Stopping…"
    release.set()
    wait_done(dialog, qtbot)
    assert dialog.heading.text() == "The check was stopped."
    assert dialog.explanation.text() == "Cancelled. Nothing was changed."
    assert dialog.results.isHidden()
