"""The Trusted time dialog, the items' trusted-time column, and the bundle report's lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.bundle import Check, Status
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.timestamps_dialog import TrustedTimeDialog
from kzarchive.gui.formatting import moment_text
from kzarchive.gui.i18n import install_language
from kzarchive.gui.report_text import BundleReportText
from kzarchive.gui.widgets.evidence_panel import EvidenceModel
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.service.timestamps import CURL_COMMAND
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.test_evidence_workflow import open_incident
from tests.timestamps.local_tsa import LocalTsa


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> LocalTsa:
    return LocalTsa(tmp_path_factory.mktemp("gui-tsa"))


def test_the_dialog_makes_a_request_adds_the_reply_and_lists_it(
        qtbot: QtBot, tmp_path: Path, vault: tuple[Path, str], tsa: LocalTsa) -> None:
    archive = Archive.open(vault[0], PASSPHRASE)
    try:
        dialog = TrustedTimeDialog(archive)
        qtbot.addWidget(dialog)
        assert dialog.command.toPlainText() == CURL_COMMAND
        assert dialog.table.topLevelItemCount() == 0
        dialog.make_request(tmp_path / "stamp.tsq")
        assert (tmp_path / "stamp.tsq").exists() and "1" in dialog.pending.text()
        # A reply to someone else's request is refused, in words, and nothing is kept.
        (tmp_path / "other.txt").write_bytes(b"other\n")
        foreign = tsa.reply(tsa.query(tmp_path / "other.txt", tmp_path / "o.tsq"),
                            tmp_path / "o.tsr")
        dialog.add_reply(foreign)
        assert "refused" in dialog.notice.text()
        assert dialog.table.topLevelItemCount() == 0
        dialog.add_reply(tsa.reply(tmp_path / "stamp.tsq", tmp_path / "stamp.tsr"))
        assert dialog.table.topLevelItem(0).text(3) == (  # type: ignore[union-attr]
            "not yet checked against a trusted authority")
        dialog.choose_ca(tsa.ca_pem)  # checks what was kept, at once
        assert "kept earlier now verified" in dialog.notice.text()
        assert dialog.table.topLevelItemCount() == 1
        row = dialog.table.topLevelItem(0)
        assert row is not None
        stamp = archive.timestamps.list()[0]
        assert row.text(1) == moment_text(stamp.gen_time)
        assert row.text(2) == "CN=Test TSA"
        assert row.text(3) == "verified against an authority you trust"
        assert dialog.pending.text() == ""
    finally:
        archive.close()


def test_the_items_show_the_earliest_trusted_time_covering_them(
        controller: AppController, qtbot: QtBot, tmp_path: Path, vault: tuple[Path, str],
        tsa: LocalTsa) -> None:
    archive = Archive.open(vault[0], PASSPHRASE)
    incident = archive.list_incidents()[0].id
    early = archive.add_text(incident, "Early testimony", witness="W1").id
    made = archive.timestamps.request(tmp_path / "stamp.tsq")
    archive.timestamps.add(tsa.reply(Path(made.path), tmp_path / "stamp.tsr"))
    later = archive.add_text(incident, "Later testimony", witness="W2").id
    stamp = archive.timestamps.list()[0]
    archive.close()

    window, panel = open_incident(controller, qtbot, vault[0])
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)

    def cell(item_id: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return str(panel.model.index(panel.model.row_of(item_id), EvidenceModel.TRUSTED)
                   .data(role))

    assert cell(early) == moment_text(stamp.gen_time)
    assert cell(later) == "—"
    tip = cell(early, Qt.ItemDataRole.ToolTipRole)
    assert "CN=Test TSA" in tip and "not yet checked" in tip
    assert cell(later, Qt.ItemDataRole.ToolTipRole).startswith("Not yet time-stamped")
    assert window.trusted_time_action.text() == "&Trusted time…"


def test_the_trusted_time_lines_speak_russian_and_kazakh(qtbot: QtBot) -> None:
    del qtbot
    lines = [
        Check("time-stamp", Status.OK, "", "stamp.unchecked",
              params={"size": 4, "time": "2026-12-02T03:40:12Z", "authority": "CN=Test TSA"}),
        Check("trusted time", Status.OK, "", "trusted_time.verified",
              params={"incident": "6570f6fe90684842", "time": "2026-12-02T03:40:12Z",
                      "authority": "CN=Test TSA", "covered": 1, "total": 2}),
    ]
    try:
        for language, word in (("ru", "журнал"), ("kk", "журнал")):
            install_language(language)
            text = BundleReportText()
            stamp_line, incident_line = (text.check(check) for check in lines)
            assert word in stamp_line.lower() and "4" in stamp_line and "CN=Test TSA" in stamp_line
            assert "6570f6fe90684842" in incident_line
            assert ("1 из 2" if language == "ru" else "1 / 2") in incident_line
            for sentence in (stamp_line, incident_line):
                assert "existed" not in sentence and "checked" not in sentence
    finally:
        install_language("en")
