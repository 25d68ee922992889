"""Evidence in the main window: dropping and choosing files, testimony, source texts, opening."""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.errors import DiskFull
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.text_entry_dialog import TextEntryDialog
from kzarchive.gui.formatting import moment_text
from kzarchive.gui.models.incident_model import IncidentTableModel
from kzarchive.gui.widgets.evidence_panel import EvidenceModel, EvidencePanel
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.resources import resource_path
from kzarchive.vault.blobs import BlobStore
from tests.gui.gui_helpers import PASSPHRASE

PHOTO = resource_path("demo", "square.jpg")
TITLE = "Detention near the bus station"


def open_incident(controller: AppController, qtbot: QtBot, path: Path,
                  title: str = TITLE) -> tuple[MainWindow, EvidencePanel]:
    """The main window with ``title`` selected and its Items tab showing."""
    controller.vault_opened(Archive.open(path, PASSPHRASE))
    window = controller.screen
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    proxy = window.proxy
    window.table.selectRow(next(r for r in range(proxy.rowCount())
                                if proxy.index(r, 0).data() == title))
    window.detail.tabs.setCurrentIndex(window.detail.ITEMS_TAB)
    return window, window.detail.evidence


def drop(widget: QWidget, urls: list[QUrl]) -> bool:
    """Drag ``urls`` over ``widget`` and let go, as the desktop's file manager would."""
    mime = QMimeData()
    mime.setUrls(urls)
    point = widget.rect().center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def files(*paths: Path) -> list[QUrl]:
    return [QUrl.fromLocalFile(str(path)) for path in paths]


def shown_rows(panel: EvidencePanel) -> list[list[str]]:
    model = panel.model
    return [[str(model.index(row, column).data()) for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def wait_idle(panel: EvidencePanel, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: panel.can_attach() and not panel.busy.isVisible(), timeout=10_000)


def test_a_dropped_photo_is_listed_with_its_kind_short_hash_and_capture_time(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window, panel = open_incident(controller, qtbot, vault[0])
    assert not drop(panel, [QUrl("https://example.org/photo.jpg")])  # not a file: refused
    assert drop(panel, files(PHOTO))
    wait_idle(panel, qtbot)

    sha256 = hashlib.sha256(PHOTO.read_bytes()).hexdigest()
    [row] = shown_rows(panel)
    assert row[EvidenceModel.NAME] == "square.jpg"
    assert row[EvidenceModel.KIND] == "Photo"
    assert row[EvidenceModel.HASH] == sha256[:12]
    # Taken at 16:42 in UTC+6 (the EXIF offset): shown in this computer's zone, UTC on hover.
    captured = panel.model.item_at(0).captured_at or ""
    assert captured.startswith("2022-01-05T16:42")
    assert row[EvidenceModel.CAPTURED] == moment_text(captured)
    assert "2022-01-05" not in row[EvidenceModel.CAPTURED]
    hover = panel.model.index(0, EvidenceModel.CAPTURED).data(Qt.ItemDataRole.ToolTipRole)
    assert hover.startswith("UTC: 2022-01-05 10:42")
    assert panel.model.index(0, EvidenceModel.HASH).data(Qt.ItemDataRole.ToolTipRole) == sha256
    assert not panel.model.index(0, EvidenceModel.NAME).data(
        Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.notice.text() == "Attached: 1 of 1 file."
    assert window.detail.tabs.tabText(window.detail.ITEMS_TAB) == "Items (1)"
    qtbot.waitUntil(lambda: window.proxy.index(0, IncidentTableModel.ITEMS).data() == "1")
    assert window.detail.custody.acts()[-1] == "Item added"


def test_a_dropped_folder_brings_its_files_without_hidden_ones(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    folder = tmp_path / "from-the-phone"
    (folder / "day two" / ".thumbnails").mkdir(parents=True)
    shutil.copy(PHOTO, folder / "day two" / "crowd.jpg")
    (folder / "notes.txt").write_text("Roadblock at the bridge, 08:10.\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0" * 64)
    (folder / "day two" / ".thumbnails" / "crowd.png").write_bytes(b"\x89PNG")
    window, panel = open_incident(controller, qtbot, vault[0])

    page = window.detail.currentWidget()  # dropped anywhere on the incident, not only the list
    assert page is not None and drop(page, files(folder))
    wait_idle(panel, qtbot)
    assert sorted(row[EvidenceModel.NAME] for row in shown_rows(panel)) == [
        "crowd.jpg", "notes.txt"]
    assert panel.notice.text() == "Attached: 2 of 2 files."


def test_a_vanished_file_is_reported_and_leaves_nothing_behind(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    gone = tmp_path / "deleted-before-intake.jpg"
    assert drop(panel, files(gone, PHOTO))
    wait_idle(panel, qtbot)
    assert [row[EvidenceModel.NAME] for row in shown_rows(panel)] == ["square.jpg"]
    notice = panel.notice.text()
    assert "Attached: 1 of 2 files." in notice
    assert "Not attached: deleted-before-intake.jpg. A file was not found." in notice
    archive = controller.archive
    assert archive is not None
    qtbot.waitUntil(lambda: archive.pictures.waiting() == 0)  # its thumbnail, in the background
    qtbot.waitUntil(lambda: not controller.vault_tasks.busy)
    blobs = [p for p in (vault[0] / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 2  # the photo and its thumbnail; no half-written file
    archive.verify()


def test_a_full_disk_stops_the_batch_and_says_so(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    write = BlobStore.write_content
    tried: list[int] = []

    def write_until_full(self: BlobStore, blob_id: str, content: bytes,
                         *args: Any, **kwargs: Any) -> Any:
        tried.append(len(content))
        if len(tried) == 2:  # the drive fills up during the second file (texts: no thumbnail)
            raise DiskFull(what="the vault's drive has no room for this file")
        return write(self, blob_id, content, *args, **kwargs)

    monkeypatch.setattr(BlobStore, "write_content", write_until_full)
    texts = [PHOTO.with_name(name) for name in (
        "source-uralsk-en.txt", "source-zhanaozen-en.txt", "testimony-almaty-ru.txt")]
    assert drop(panel, files(*texts))
    wait_idle(panel, qtbot)
    assert len(tried) >= 2
    assert [row[EvidenceModel.NAME] for row in shown_rows(panel)] == ["source-uralsk-en.txt"]
    # The third file, stored beside the second, is removed again: nothing after the
    # full disk stays, not even as a stray file.
    archive = controller.archive
    assert archive is not None
    stored = [p for p in archive.blobs.root.rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert "Attached: 1 of 3 files." in panel.notice.text()
    assert "The disk is full. Free some space and try again." in panel.notice.text()


def test_a_cancelled_attach_stores_nothing(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window, panel = open_incident(controller, qtbot, vault[0])
    release = threading.Event()
    # The vault's one worker is busy, so the attach waits and the cancel comes first.
    controller.vault_tasks.run(lambda progress, cancel: release.wait(10))
    assert drop(panel, files(PHOTO, PHOTO.with_name("testimony-almaty-ru.txt")))
    assert panel.busy.cancel_button.isVisible() and not panel.attach_button.isEnabled()
    panel.busy.cancel_button.click()
    release.set()
    wait_idle(panel, qtbot)
    assert shown_rows(panel) == []
    assert "Attached: 0 of 2 files." in panel.notice.text()
    assert "Stopped; the remaining files were not attached." in panel.notice.text()
    archive = controller.archive
    assert archive is not None and archive.list_items(str(window.detail.incident_id)) == []


def test_attach_files_takes_the_files_chosen_and_forgets_the_folder(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    secret_folder = tmp_path / "evidence-from-the-square"
    secret_folder.mkdir()
    shutil.copy(PHOTO, secret_folder / "square.jpg")
    window, panel = open_incident(controller, qtbot, vault[0])

    def choose() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, choose)
            return
        assert dialogs[0].fileMode() == QFileDialog.FileMode.ExistingFiles
        name_edit = dialogs[0].findChild(QLineEdit, "fileNameEdit")
        assert name_edit is not None
        name_edit.setText(str(secret_folder / "square.jpg"))
        dialogs[0].accept()

    QTimer.singleShot(20, choose)
    attach = next(a for a in window.incident_menu.actions() if a.text() == "&Attach files…")
    attach.trigger()
    wait_idle(panel, qtbot)
    assert [row[EvidenceModel.NAME] for row in shown_rows(panel)] == ["square.jpg"]
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    assert not [key for key in settings.allKeys() if key.startswith("FileDialog")]


def test_a_testimony_is_stored_and_its_words_find_the_incident(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    with Archive.open(vault[0], PASSPHRASE) as setup:
        other = setup.add_incident("Journalist detained in Uralsk", occurred_start="2022-01-07")
        setup.add_person(other, "witness", "Свидетель Г-2")
    window, panel = open_incident(controller, qtbot, vault[0], "Journalist detained in Uralsk")
    panel.testimony_button.click()
    dialog = panel.text_dialog
    assert isinstance(dialog, TextEntryDialog) and dialog.isVisible()
    assert not dialog.add_button.isEnabled()  # nothing typed yet
    assert [dialog.witness_box.itemText(i) for i in range(dialog.witness_box.count())] == [
        "", "Свидетель Г-2"]
    dialog.text_edit.insertPlainText("Его увезли на сером микроавтобусе без номеров.\n")
    dialog.set_language("ru")
    dialog.witness_box.setCurrentIndex(1)
    dialog.add_button.click()
    wait_idle(panel, qtbot)

    [row] = shown_rows(panel)
    assert row[EvidenceModel.KIND] == "Testimony"
    archive = controller.archive
    assert archive is not None
    [item] = archive.list_items(other)
    assert (item.kind, item.language, item.witness) == ("testimony", "ru", "Свидетель Г-2")
    assert archive.read_text(item.id) == "Его увезли на сером микроавтобусе без номеров.\n"

    for char in "микроавтобус":
        window.search_edit.insert(char)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=5_000)
    assert window.proxy.index(0, 0).data() == "Journalist detained in Uralsk"


def test_a_source_text_is_loaded_from_a_file_in_an_old_cyrillic_encoding(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str], tmp_path: Path
) -> None:
    article = tmp_path / "статья.txt"
    article.write_bytes("Власти сообщили о задержании 12 человек.".encode("cp1251"))
    window, panel = open_incident(controller, qtbot, vault[0])
    panel.source_button.click()
    dialog = panel.text_dialog
    assert isinstance(dialog, TextEntryDialog) and dialog.windowTitle() == "Add source text"
    assert dialog.load_file(article)
    assert dialog.text_edit.toPlainText() == "Власти сообщили о задержании 12 человек."
    assert dialog.notice.text() == "Loaded статья.txt (read as Windows-1251)."
    dialog.source_edit.insert("Regional news site, 2022-01-08")
    dialog.add_button.click()
    wait_idle(panel, qtbot)

    archive = controller.archive
    assert archive is not None
    [item] = archive.list_items(str(window.detail.incident_id))
    assert (item.kind, item.name, item.source) == (
        "source-text", "статья.txt", "Regional news site, 2022-01-08")
    assert archive.read_text(item.id) == "Власти сообщили о задержании 12 человек."


def test_open_shows_the_selected_item_in_its_own_window(
    controller: AppController, qtbot: QtBot, vault: tuple[Path, str]
) -> None:
    window, panel = open_incident(controller, qtbot, vault[0])
    assert not panel.open_button.isEnabled()
    assert drop(panel, files(PHOTO.with_name("testimony-almaty-ru.txt")))
    wait_idle(panel, qtbot)
    assert panel.selected_item() is not None and panel.open_button.isEnabled()
    panel.open_button.click()
    assert len(panel.viewers) == 1
    viewer = panel.viewers[0]
    qtbot.waitUntil(viewer.isVisible)
    assert viewer.isWindow() and viewer is not window
