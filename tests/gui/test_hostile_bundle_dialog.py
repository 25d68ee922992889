"""A validly signed bundle with a hostile bundle.json: the dialog shows it, never crashes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.bundle_dialog import BundleDialog, State
from tests.bundle.hostile_bundles import edit_document, forge
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.partner_helpers import PARTNER_NAME, make_partner_vault, open_window, shown
from tests.gui.test_export_import import open_bundle_dialog


def _hostile(document: dict[str, Any]) -> None:
    document["incidents"] = [{"id": ["not", "hashable"], "title": 5}, 7]
    document["items"] = [[1], {"file": {"a": 1}, "name": None}]
    document["upstream_custody"] = [{"entries": 3}, "text"]


def _forged(vault: tuple[Path, str], tmp_path: Path, verify: bool) -> tuple[Path, Path]:
    path_a = vault[0]
    path_b = make_partner_vault(tmp_path / "partner")
    with Archive.open(path_a, PASSPHRASE) as a, Archive.open(path_b, PASSPHRASE) as b:
        a.export_card(tmp_path / "a.kzcard")
        b.export_card(tmp_path / "b.kzcard")
        a.add_contact_card(tmp_path / "b.kzcard")
        a.verify_contact(PARTNER_NAME)
        b.add_contact_card(tmp_path / "a.kzcard")
        if verify:
            b.verify_contact(a.name)
        incident = a.list_incidents()[0].id
        a.export_bundle([incident], [PARTNER_NAME], tmp_path / "good.kzb")
        forged = forge(tmp_path / "good.kzb", a, b, edit_document(_hostile))
    return path_b, forged


def test_a_hostile_bundle_from_a_verified_sender_is_bad_naming_its_content(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    path_b, forged = _forged(vault, tmp_path, verify=True)
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, forged)
    assert isinstance(dialog, BundleDialog) and dialog.state is State.BAD
    assert "Every incident, person and item valid" in dialog.banner.text()
    assert not shown(dialog.import_button) and window.model.rowCount() == 0


def test_a_hostile_bundle_from_an_unverified_sender_is_not_read_until_accepted(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    path_b, forged = _forged(vault, tmp_path, verify=False)
    window = open_window(controller, qtbot, path_b)
    dialog = open_bundle_dialog(window, qtbot, forged)
    assert dialog.state is State.UNTRUSTED
    # Nothing of bundle.json or the custody files was parsed for a signer not accepted.
    assert dialog.custody.topLevelItemCount() == 0
    dialog.accept_risk.setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.state is State.BAD, timeout=10_000)
    assert "Every incident, person and item valid" in dialog.banner.text()
    assert window.model.rowCount() == 0
