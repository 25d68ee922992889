"""Save report…: on the selected incidents and on a checked bundle, in the interface's language."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import State
from kzarchive.gui.dialogs.report_dialog import SaveReportDialog
from kzarchive.service.reports import REPORT_WRITTEN
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import (
    PARTNER_NAME,
    answer_file_dialog,
    make_partner_vault,
    open_window,
    shown,
)
from tests.gui.test_export_import import export_by_core, open_bundle_dialog
from tests.report.pdf_text import needs_poppler, page_texts

pytestmark = needs_poppler


def _save(dialog: SaveReportDialog, qtbot: QtBot, out: Path) -> None:
    answer_file_dialog(out)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or not dialog.error.isHidden(),
                    timeout=20_000)


def test_save_report_of_the_selected_incident_in_the_interface_language(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
        tmp_path: Path) -> None:
    controller.language = "kk"
    window = open_window(controller, qtbot, vault[0])
    window.table.selectRow(0)
    window.incident_menu.aboutToShow.emit()
    assert window.save_report_action.isEnabled()
    window.save_report_action.trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, SaveReportDialog)
    assert dialog.language_box.currentData() == "kk"
    assert not dialog.names_box.isChecked() and not dialog.gps_box.isChecked()
    out = tmp_path / "report.pdf"
    _save(dialog, qtbot, out)
    assert dialog.written is not None and dialog.written.path == out
    assert dialog.written.anchor_sha256 in dialog.result_label.text()
    text = "".join(page_texts(out))
    assert "Дәлелдемелер туралы есеп" in text
    archive = window.archive
    incident = archive.list_incidents()[0].id
    assert any(e.action == REPORT_WRITTEN for e in archive.custody_entries(incident))


def test_save_report_on_a_checked_bundle(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
        tmp_path: Path) -> None:
    path_a = vault[0]
    path_b = make_partner_vault(tmp_path / "partner")
    with Archive.open(path_a, PASSPHRASE) as a, Archive.open(path_b, PASSPHRASE) as b:
        incident = a.list_incidents()[0].id
        a.export_card(tmp_path / "a.kzcard")
        b.export_card(tmp_path / "b.kzcard")
        a.add_contact_card(tmp_path / "b.kzcard")
        a.verify_contact(PARTNER_NAME)
        b.add_contact_card(tmp_path / "a.kzcard")
    bundle = export_by_core(path_a, incident, tmp_path / "sent.kzb")
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.UNTRUSTED
    assert shown(dialog.report_button)
    saving = dialog.save_report()
    assert saving is not None and saving.language_box.currentData() == "en"
    out = tmp_path / "bundle.pdf"
    _save(saving, qtbot, out)
    assert dialog.report is not None and saving.written is not None
    assert saving.written.anchor_sha256 == dialog.report.tag_manifest_sha256
    text = "".join(page_texts(out))
    assert "Verdict: not trusted" in text and str(dialog.report.tag_manifest_sha256) in text


def test_cancelling_the_file_chooser_writes_nothing(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
        tmp_path: Path) -> None:
    window = open_window(controller, qtbot, vault[0])
    window.table.selectRow(0)
    dialog = window.save_report()
    assert isinstance(dialog, SaveReportDialog)
    captions = answer_file_dialog(None)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(captions))
    assert dialog.task is None and dialog.written is None
    assert not list(tmp_path.glob("*.pdf"))
