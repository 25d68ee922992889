"""The text viewer and the view of files kzarchive cannot show."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.viewers import FileViewer, TextViewer, open_viewer
from kzarchive.gui.viewers import window as viewer_window
from tests.gui.viewer_helpers import context_of, incident_of, label_texts, open_archive

TESTIMONY = ("Меня задержали 6 января у автовокзала. Трое суток держали без воды и "
             "без адвоката; протокол не показали.")


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


def test_a_cyrillic_testimony_is_shown_as_written(qtbot: QtBot, archive: Archive) -> None:
    item = archive.add_text(incident_of(archive), TESTIMONY, witness="Свидетель-А",
                            language="ru")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, TextViewer)
    qtbot.waitUntil(lambda: viewer.text_edit.toPlainText() == TESTIMONY, timeout=5000)
    assert viewer.text_edit.isReadOnly()
    assert "Свидетель-А" in label_texts(viewer.info)
    assert viewer.hash_row.hash_label.text().replace(" ", "") == item.sha256


def test_html_source_text_is_shown_as_source_not_rendered(qtbot: QtBot, archive: Archive) -> None:
    page = '<html><body><h1>Заявление</h1><img src="https://example.org/x.png"></body></html>'
    item = archive.add_text(incident_of(archive), page, kind="source-text", name="page.html")
    viewer = cast(TextViewer, open_viewer(context_of(archive), item.id, None))
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.text_edit.toPlainText() == page, timeout=5000)


def test_long_text_is_cut_with_a_notice(qtbot: QtBot, archive: Archive,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from kzarchive.gui.viewers import text_viewer

    monkeypatch.setattr(text_viewer, "TEXT_LIMIT", 100)
    text = "слово " * 100
    item = archive.add_text(incident_of(archive), text)
    viewer = cast(TextViewer, open_viewer(context_of(archive), item.id, None))
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: bool(viewer.text_edit.toPlainText()), timeout=5000)
    shown = viewer.text_edit.toPlainText()
    assert text.startswith(shown) and 90 < len(shown.encode()) <= 100
    assert viewer.cut_label.isVisibleTo(viewer)


def test_verify_and_copy_the_hash(qtbot: QtBot, archive: Archive) -> None:
    item = archive.add_text(incident_of(archive), TESTIMONY)
    viewer = cast(TextViewer, open_viewer(context_of(archive), item.id, None))
    qtbot.addWidget(viewer)
    row = viewer.hash_row
    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == item.sha256
    with qtbot.waitSignal(row.verified, timeout=5000) as signal:
        qtbot.mouseClick(row.verify_button, Qt.MouseButton.LeftButton)
    assert signal.args == [True]
    assert "Verified" in row.result_label.text()


def test_verify_reports_damaged_content(qtbot: QtBot, archive: Archive) -> None:
    item = archive.add_text(incident_of(archive), TESTIMONY)
    viewer = cast(TextViewer, open_viewer(context_of(archive), item.id, None))
    qtbot.addWidget(viewer)
    blob_id = archive.evidence.blob_of(item.id)[0]
    path = archive.blobs.path(blob_id)
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))
    with qtbot.waitSignal(viewer.hash_row.verified, timeout=5000) as signal:
        qtbot.mouseClick(viewer.hash_row.verify_button, Qt.MouseButton.LeftButton)
    assert signal.args == [False]
    assert "Integrity check failed" in viewer.hash_row.result_label.text()


def _accept_extract_warning(viewer: FileViewer) -> None:
    box = viewer.extract_warning
    assert isinstance(box, QMessageBox)
    assert "unencrypted" in box.text()
    accept = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()


def test_other_files_are_extracted_only_after_the_warning(
        qtbot: QtBot, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"PK\x03\x04 not really a spreadsheet " * 20
    item = archive.store_content(incident_of(archive), io.BytesIO(content), name="list.xyz")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, FileViewer)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def choose_directory(parent: object, caption: str, start: object = None) -> Path:
        asked.append(caption)
        return out

    monkeypatch.setattr(viewer_window, "choose_directory", choose_directory)

    # Cancelling the warning writes nothing and asks for no folder.
    qtbot.mouseClick(viewer.extract_button, Qt.MouseButton.LeftButton)
    box = viewer.extract_warning
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert asked == [] and list(out.iterdir()) == []

    qtbot.mouseClick(viewer.extract_button, Qt.MouseButton.LeftButton)
    _accept_extract_warning(viewer)
    qtbot.waitUntil(lambda: (out / "list.xyz").exists(), timeout=5000)
    assert (out / "list.xyz").read_bytes() == content
    qtbot.waitUntil(lambda: "unencrypted" in viewer.status_label.text(), timeout=5000)
    actions = [e.action for e in archive.custody_entries()]
    assert actions[-1] == "item.extracted"


def test_closing_a_viewer_drops_it(qtbot: QtBot, archive: Archive) -> None:
    item = archive.add_text(incident_of(archive), TESTIMONY)
    viewer = cast(TextViewer, open_viewer(context_of(archive), item.id, None))
    qtbot.waitUntil(lambda: bool(viewer.text_edit.toPlainText()), timeout=5000)
    viewer.close()
    assert viewer.text_edit.toPlainText() == ""
    QApplication.processEvents()
