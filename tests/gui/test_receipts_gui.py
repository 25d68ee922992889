"""Receipts in the app: "Make receipt…" after a bundle verified, "Add receipt…" in the
Vault menu, and the incident's "Sent" tab that shows who confirmed what."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.bundle.receipt import ReceiptDamaged, ReceiptRefused
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import State
from kzarchive.gui.dialogs.receipt_dialogs import REFUSALS, receipt_error_text
from kzarchive.gui.windows.main_window import MainWindow
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import answer_file_dialog, open_window, shown
from tests.gui.test_export_import import export_by_core, open_bundle_dialog, pair  # noqa: F401

SOURCES = Path(__file__).resolve().parents[2] / "kzarchive"


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def add_receipt_in_app(window: MainWindow, qtbot: QtBot, receipt: Path) -> QMessageBox:
    answer_file_dialog(receipt)
    window.exchange_actions["add_receipt"].trigger()
    qtbot.waitUntil(lambda: bool(message_boxes(window)), timeout=10_000)
    box = message_boxes(window)[-1]
    box.close()
    return box


def sent_rows(window: MainWindow) -> list[list[str]]:
    tree = window.detail.sent.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        rows.append([group.text(0), group.text(1)])
        for j in range(group.childCount()):
            child = group.child(j)
            assert child is not None
            rows.append([child.text(0), child.text(1)])
    return rows


def test_make_a_receipt_in_the_partners_app_and_add_it_in_the_senders(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    path_a, path_b, incident = pair
    with Archive.open(path_b, PASSPHRASE) as b:
        b.verify_contact("Field notes")
    bundle = export_by_core(path_a, incident, tmp_path / "b.kzb")

    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.GOOD
    assert shown(dialog.receipt_button) and dialog.receipt_button.text() == "Make receipt…"
    out = tmp_path / "for-field-notes.kzr"
    captions = answer_file_dialog(out)
    dialog.receipt_button.click()
    qtbot.waitUntil(lambda: shown(dialog.result_label), timeout=15_000)
    assert captions == ["Save the receipt"]
    assert dialog.result_label.text() == (
        "Receipt for Field notes saved as for-field-notes.kzr. Send it to them: only their "
        "vault can open it.")
    assert out.is_file()
    dialog.close()

    controller.lock()
    window = open_window(controller, qtbot, path_a)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.incident_id == incident)
    assert not shown(window.detail.sent.empty_label)
    assert sent_rows(window) == [["Sent", "Legal aid centre"],
                                 ["No receipt yet", "Legal aid centre"]]
    box = add_receipt_in_app(window, qtbot, out)
    assert box.icon() is QMessageBox.Icon.Information
    assert "Legal aid centre confirmed that the bundle" in box.text()
    qtbot.waitUntil(lambda: window.detail.sent.confirmed_count == 1, timeout=10_000)
    assert sent_rows(window) == [["Sent", "Legal aid centre"],
                                 ["Received and verified: 1 file", "Legal aid centre"]]
    assert window.detail.sent_box.title() == "Sent to partners"
    archive = controller.archive
    assert archive is not None
    assert archive.custody_entries(incident)[-1].action == "bundle.received"

    # The same receipt again changes nothing and says so.
    again = add_receipt_in_app(window, qtbot, out)
    assert "was added before; nothing changed" in again.text()


def test_a_damaged_receipt_is_refused_in_plain_words(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    path_a, path_b, incident = pair
    with Archive.open(path_b, PASSPHRASE) as b:
        b.verify_contact("Field notes")
    bundle = export_by_core(path_a, incident, tmp_path / "b.kzb")
    with Archive.open(path_b, PASSPHRASE) as b:
        data = b.receipts.make(bundle, tmp_path / "r.kzr").path.read_bytes()
    damaged = tmp_path / "damaged.kzr"
    damaged.write_bytes(data[:-1])
    window = open_window(controller, qtbot, path_a)
    box = add_receipt_in_app(window, qtbot, damaged)
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.windowTitle() == "Receipt not added"
    assert box.text().startswith("The receipt is damaged or was altered")
    assert "encrypted content is damaged" in box.detailedText()  # the core's words
    archive = controller.archive
    assert archive is not None and archive.receipts.list_receipts() == []


def test_no_receipt_button_unless_the_bundle_verified_from_a_verified_sender(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    path_a, path_b, incident = pair
    bundle = export_by_core(path_a, incident, tmp_path / "b.kzb")
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.UNTRUSTED  # the partner has not verified the sender
    assert not shown(dialog.receipt_button)
    dialog.close()
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    (tmp_path / "bad.kzb").write_bytes(bytes(damaged))
    archive = controller.archive
    assert archive is not None
    archive.verify_contact("Field notes")
    dialog = open_bundle_dialog(window, qtbot, tmp_path / "bad.kzb")
    assert dialog.state is State.BAD
    assert not shown(dialog.receipt_button)
    dialog.close()
    assert shown(open_bundle_dialog(window, qtbot, bundle).receipt_button)


def test_every_refusal_reason_has_words_and_russian_ones(
    controller: AppController, tmp_path: Path,
) -> None:
    """Each reason the core gives ReceiptRefused is named in the app, in every language."""
    raised: set[str] = set()
    for path in (SOURCES / "bundle" / "receipt.py", SOURCES / "service" / "receipts.py"):
        raised |= set(re.findall(r'reason="([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert raised == set(REFUSALS)
    message, hint = receipt_error_text(ReceiptRefused(what="x", reason="never_exported",
                                                      bundle_id="kzb-1"))
    assert message == "This vault never sent the bundle kzb-1 that the receipt names."
    assert hint == "Nothing was recorded."
    try:
        controller.set_language("ru")
        message, _ = receipt_error_text(ReceiptRefused(what="x", reason="not_recipient",
                                                       bundle_id="kzb-1", name="Амал"))
        assert message == ("Пакет kzb-1 не отправлялся контакту Амал, который подписал эту "
                           "квитанцию.")
        message, _ = receipt_error_text(ReceiptDamaged(what="x"))
        assert message.startswith("Квитанция повреждена")
        controller.set_language("kk")
        message, _ = receipt_error_text(ReceiptRefused(what="x", reason="other_vault"))
        assert message.startswith("Бұл түбіртек басқа қоймаға арналған")
    finally:
        controller.set_language("en")  # the translator is the application's: put it back
