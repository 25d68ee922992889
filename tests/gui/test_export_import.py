"""Export through the wizard, then open, check and import the bundle in a partner's vault."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWizard
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.crypto import age
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import BundleDialog, State
from kzarchive.gui.dialogs.export_wizard import ExportWizard
from kzarchive.gui.windows.main_window import MainWindow
from tests.gui.gui_helpers import PASSPHRASE, top_item
from tests.gui.partner_helpers import (
    INCIDENT_TITLE,
    PARTNER_NAME,
    PHOTO,
    answer_file_dialog,
    hold_vault_worker,
    make_partner_vault,
    open_window,
    shown,
)

AGE_ONLY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


@pytest.fixture()
def pair(vault: tuple[Path, str], tmp_path: Path) -> tuple[Path, Path, str]:
    """Vault A (a photo with GPS, a witness with a real name) and partner vault B.

    A has B as a verified contact, and an unverified one; B has A's card, not yet
    verified.  Returns (A, B, the incident id).
    """
    path_a = vault[0]
    path_b = make_partner_vault(tmp_path / "partner")
    with Archive.open(path_a, PASSPHRASE) as a, Archive.open(path_b, PASSPHRASE) as b:
        incident = a.list_incidents()[0].id
        a.attach_file(incident, PHOTO)
        a.add_person(incident, "witness", "Witness A", real_name="Aigerim Seitova")
        a.export_card(tmp_path / "a.kzcard")
        b.export_card(tmp_path / "b.kzcard")
        a.add_contact_card(tmp_path / "b.kzcard")
        a.verify_contact(PARTNER_NAME)
        a.add_contact_age("Unverified desk", AGE_ONLY)
        b.add_contact_card(tmp_path / "a.kzcard")
    return path_a, path_b, incident


def export_by_core(path_a: Path, incident: str, out: Path) -> Path:
    with Archive.open(path_a, PASSPHRASE) as a:
        a.export_bundle([incident], [PARTNER_NAME], out)
    return out


def list_rows(widget: QListWidget) -> list[tuple[str, bool, bool]]:
    """(text, enabled, checked) of every row."""
    return [(widget.item(i).text(), bool(widget.item(i).flags() & Qt.ItemFlag.ItemIsEnabled),
             widget.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(widget.count())]


def start_wizard(window: MainWindow, qtbot: QtBot) -> ExportWizard:
    window.table.selectRow(0)
    window.exchange_actions["export_bundle"].trigger()
    wizard = window.child_windows[-1]
    assert isinstance(wizard, ExportWizard)
    qtbot.waitUntil(lambda: wizard.incidents_page.list.count() == 1)
    return wizard


def next_page(wizard: ExportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()


def wizard_to_target(wizard: ExportWizard) -> None:
    """Through incidents and recipients (to the verified partner) to the options."""
    assert list_rows(wizard.incidents_page.list)[0][2], "the selected incident is preselected"
    next_page(wizard)
    recipients = wizard.recipients_page.list
    assert list_rows(recipients) == [(PARTNER_NAME, True, False),
                                     ("Unverified desk — not verified", False, False)]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    recipients.item(0).setCheckState(Qt.CheckState.Checked)
    next_page(wizard)


def open_bundle_dialog(window: MainWindow, qtbot: QtBot, bundle: Path) -> BundleDialog:
    answer_file_dialog(bundle)
    window.exchange_actions["open_bundle"].trigger()
    dialog = window.child_windows[-1]
    assert isinstance(dialog, BundleDialog)
    qtbot.waitUntil(lambda: dialog.state is not State.VERIFYING, timeout=10_000)
    return dialog


def column(tree: object, index: int) -> list[str]:
    from PySide6.QtWidgets import QTreeWidget

    assert isinstance(tree, QTreeWidget)
    return [top_item(tree, i).text(index) for i in range(tree.topLevelItemCount())]


def test_export_to_a_verified_partner_then_check_and_import_it_in_their_vault(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    path_a, path_b, incident = pair
    with Archive.open(path_b, PASSPHRASE) as b:
        b.verify_contact("Field notes")
    window = open_window(controller, qtbot, path_a)
    wizard = start_wizard(window, qtbot)
    wizard_to_target(wizard)

    # Safe defaults; choosing originals warns about the photo's own GPS position.
    options = wizard.options_page
    assert not options.originals.isChecked() and not options.real_names.isChecked()
    assert not options.gps.isChecked() and not shown(options.gps_warning)
    options.originals.setChecked(True)
    assert shown(options.gps_warning)
    assert [options.gps_items.item(i).text() for i in range(options.gps_items.count())] == [
        "square.jpg"]
    options.originals.setChecked(False)
    assert not shown(options.gps_warning)
    next_page(wizard)

    target = wizard.target_page
    assert Path(target.path_edit.text()).name.startswith("bundle-")
    assert target.path_edit.text().endswith(".kzb")
    assert "Photos: sanitized copies" in target.review.text()
    assert "Real names: not included" in target.review.text()
    out = tmp_path / "to-legal-aid.kzb"
    answer_file_dialog(out)
    next(b for b in target.findChildren(type(wizard.button(QWizard.WizardButton.NextButton)))
         if b.text() == "Choose…").click()
    assert Path(target.path_edit.text()).expanduser() == out
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Export"
    next_page(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ExportWizard.SUMMARY, timeout=15_000)

    summary = wizard.summary_page
    assert out.is_file()
    assert column(summary.items, 0) == ["square.jpg"]
    assert column(summary.items, 1) == ["Sanitized copy"]
    assert "to-legal-aid.kzb" in summary.where.text() and PARTNER_NAME in summary.where.text()
    archive = controller.archive
    assert archive is not None
    logged = [e for e in archive.custody_entries(incident) if e.action == "bundle.exported"]
    assert summary.hash_edit.text() == logged[-1].details["tag_manifest_sha256"]
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    # The partner's vault: GOOD, then import; the incident is selected in the list.
    controller.lock()
    window = open_window(controller, qtbot, path_b)
    assert window.model.rowCount() == 0
    dialog = open_bundle_dialog(window, qtbot, out)
    assert dialog.state is State.GOOD
    assert "GOOD" in dialog.banner.text()
    assert "Field notes, a verified contact" in dialog.sender_label.text()
    assert set(column(dialog.checks, 0)) == {"Holds"}
    assert "Sender's signature" in column(dialog.checks, 1)
    assert column(dialog.files, 0) == ["Holds"] and column(dialog.files, 1) == ["square.jpg"]
    assert dialog.custody.topLevelItem(0) is not None
    assert not shown(dialog.accept_risk)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: shown(dialog.result_label), timeout=10_000)
    assert "1 new incident, 1 new item." in dialog.result_label.text()
    qtbot.waitUntil(lambda: window.selected_incident_ids() == [incident])
    assert window.detail.title_label.text() == INCIDENT_TITLE
    assert not dialog.import_button.isEnabled()
    archive = controller.archive
    assert archive is not None
    people = archive.list_people(incident)
    assert [p.real_name for p in people] == [None]  # real names were not sent


@pytest.mark.parametrize("known", [True, False], ids=["unverified-contact", "stranger"])
def test_an_unverified_signer_is_a_warning_and_import_needs_confirming(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path,
    known: bool,
) -> None:
    path_a, path_b, incident = pair
    bundle = export_by_core(path_a, incident, tmp_path / "b.kzb")
    if not known:
        with Archive.open(path_b, PASSPHRASE) as b:
            b.remove_contact("Field notes")
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.UNTRUSTED
    assert "SIGNER NOT VERIFIED" in dialog.banner.text()
    expected = "Field notes, in your partners but NOT verified" if known \
        else "not among your partners"
    assert expected in dialog.sender_label.text()
    assert "Signer not verified" in column(dialog.checks, 0)
    assert shown(dialog.warning) and shown(dialog.import_button)
    assert not dialog.import_button.isEnabled()
    dialog.start_import()  # refused without the ticked acknowledgement
    assert dialog.task is None and window.model.rowCount() == 0

    dialog.accept_risk.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.selected_incident_ids() == [incident], timeout=10_000)
    assert window.model.rowCount() == 1


def forward_to_b(path_a: Path, path_b: Path, incident: str, tmp_path: Path) -> Path:
    """A bundle A made for a third vault, which passed it on to B (encrypted again)."""
    third = tmp_path / "third"
    archive, _code = Archive.create(third, PASSPHRASE, name="Third desk")
    with archive as c:
        c.export_card(tmp_path / "c.kzcard")
        c_identity = c.identity
    made = tmp_path / "for-c.kzb"
    with Archive.open(path_a, PASSPHRASE) as a:
        a.add_contact_card(tmp_path / "c.kzcard")
        a.verify_contact("Third desk")
        a.export_bundle([incident], ["Third desk"], made)
    plain = io.BytesIO()
    with open(made, "rb") as source:
        age.decrypt([c_identity.age_identity], source, plain)  # type: ignore[union-attr]
    out = tmp_path / "forwarded.kzb"
    with Archive.open(path_b, PASSPHRASE) as b, open(out, "wb") as sink:
        b.verify_contact("Field notes")
        age.encrypt([b.my_card().identity.x25519_recipient], io.BytesIO(plain.getvalue()), sink)
    return out


def test_a_forwarded_bundle_is_a_warning_and_import_needs_confirming(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    path_a, path_b, incident = pair
    bundle = forward_to_b(path_a, path_b, incident, tmp_path)
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.GOOD  # validly signed by a verified contact...
    assert "Warning" in column(dialog.checks, 0)  # ...but not addressed to B
    assert "Addressed to this vault" in column(dialog.checks, 1)
    assert shown(dialog.forwarded_warning) and shown(dialog.accept_forwarded)
    assert not shown(dialog.accept_risk)
    assert shown(dialog.import_button) and not dialog.import_button.isEnabled()
    dialog.start_import()  # refused without the ticked acknowledgement
    assert dialog.task is None and window.model.rowCount() == 0

    dialog.accept_forwarded.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.selected_incident_ids() == [incident], timeout=10_000)
    assert window.model.rowCount() == 1


def test_a_bundle_addressed_to_this_vault_shows_no_forwarding_warning(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    path_a, path_b, incident = pair
    bundle = export_by_core(path_a, incident, tmp_path / "b.kzb")
    with Archive.open(path_b, PASSPHRASE) as b:
        b.verify_contact("Field notes")
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, bundle)
    assert dialog.state is State.GOOD and "Warning" not in column(dialog.checks, 0)
    assert not shown(dialog.forwarded_warning) and not shown(dialog.accept_forwarded)
    assert dialog.import_button.isEnabled()


def tamper_payload(bundle: Path, path_b: Path, out: Path) -> None:
    """Alter one byte of the photo inside the bag and re-encrypt it for B (an insider)."""
    with Archive.open(path_b, PASSPHRASE) as b:
        identity = b.my_card().identity
        with open(bundle, "rb") as source:
            plain = io.BytesIO()
            age.decrypt([b.identity.age_identity], source, plain)  # type: ignore[union-attr]
    data = bytearray(plain.getvalue())
    with tarfile.open(fileobj=io.BytesIO(bytes(data))) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".jpg"))
    data[member.offset_data + member.size // 2] ^= 0x01
    with open(out, "wb") as sink:
        age.encrypt([identity.x25519_recipient], io.BytesIO(bytes(data)), sink)


def test_a_damaged_bundle_is_bad_and_names_what_failed(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    path_a, path_b, incident = pair
    bundle = export_by_core(path_a, incident, tmp_path / "good.kzb")
    altered_photo = tmp_path / "altered-photo.kzb"
    tamper_payload(bundle, path_b, altered_photo)
    damaged = tmp_path / "damaged.kzb"
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    damaged.write_bytes(bytes(raw))
    # The content is checked once the signer is verified (an unverified signer's
    # bundle is read only up to its signature).
    with Archive.open(path_b, PASSPHRASE) as b:
        b.verify_contact("Field notes")

    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, altered_photo)
    assert dialog.state is State.BAD
    assert "BAD" in dialog.banner.text() and "the file square.jpg" in dialog.banner.text()
    assert column(dialog.files, 0) == ["FAILED"]
    assert "does not match its SHA-256" in column(dialog.files, 4)[0]
    assert dialog.tabs.currentWidget() is dialog.files
    assert not shown(dialog.import_button)
    dialog.close()

    dialog = open_bundle_dialog(window, qtbot, damaged)
    assert dialog.state is State.BAD
    assert "Decryption: every encrypted piece is authentic" in dialog.banner.text()
    assert "FAILED" in column(dialog.checks, 0)
    assert not shown(dialog.import_button) and window.model.rowCount() == 0


def test_a_cancelled_export_leaves_no_file(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str], tmp_path: Path
) -> None:
    path_a, _path_b, _incident = pair
    window = open_window(controller, qtbot, path_a)
    wizard = start_wizard(window, qtbot)
    wizard_to_target(wizard)
    next_page(wizard)
    folder = tmp_path / "out"
    folder.mkdir()
    wizard.target_page.path_edit.setText(str(folder / "bundle.kzb"))
    release = hold_vault_worker(controller)  # the export waits its turn: cancel it first
    next_page(wizard)
    page = wizard.exporting_page
    assert shown(page.busy.cancel_button)
    page.busy.cancel_button.click()
    release()
    qtbot.waitUntil(lambda: shown(page.error), timeout=10_000)
    assert page.error.text() == "Cancelled. No file was written."
    assert list(folder.iterdir()) == []
    # Back to the file name, and export again: this time it completes.
    wizard.button(QWizard.WizardButton.BackButton).click()
    assert wizard.currentId() == ExportWizard.TARGET
    next_page(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ExportWizard.SUMMARY, timeout=15_000)
    assert [p.name for p in folder.iterdir()] == ["bundle.kzb"]


def test_the_summary_never_says_gps_is_left_out_while_originals_carry_it(
    controller: AppController, qtbot: QtBot, pair: tuple[Path, Path, str]
) -> None:
    path_a, _path_b, _incident = pair
    window = open_window(controller, qtbot, path_a)
    wizard = start_wizard(window, qtbot)
    wizard_to_target(wizard)
    wizard.options_page.originals.setChecked(True)
    next_page(wizard)
    review = wizard.target_page.review.text()
    assert "GPS positions: inside 1 original photo; left out of the descriptions" in review
    assert "GPS positions: not included" not in review
    wizard.close()
