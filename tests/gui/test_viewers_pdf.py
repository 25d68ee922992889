"""PDF documents rendered in the app from the vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.viewers import PdfViewer, open_viewer
from tests.gui.viewer_helpers import context_of, label_texts, open_archive, store


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


def make_pdf(pages: int = 2) -> bytes:
    """A small A6 document: a black block in the top left of each page, and a line of text."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.fillRect(QRect(0, 0, 150, 150), QColor(0, 0, 0))
        painter.drawText(20, 200, f"Заявление, страница {page + 1}")
    painter.end()
    buffer.close()
    return bytes(data.data())


def _dark(image: QImage, x: int, y: int) -> bool:
    """Ink: opaque and dark (a rendered page is transparent where nothing is drawn)."""
    colour = image.pixelColor(x, y)
    return colour.alpha() > 200 and colour.lightness() < 60


def test_a_pdf_renders_its_pages_in_the_app(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, make_pdf(), "заявление.pdf")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PdfViewer)
    qtbot.waitUntil(lambda: viewer.document.status() == QPdfDocument.Status.Ready, timeout=5000)
    assert viewer.document.pageCount() == 2
    assert viewer.pages_label.text() == "2 pages"
    page = viewer.document.render(0, QSize(210, 298))
    assert not page.isNull()
    assert _dark(page, 20, 20) and not _dark(page, 200, 280)
    # And the view on screen shows it.
    viewer.resize(900, 700)
    viewer.show()
    qtbot.waitExposed(viewer)
    qtbot.waitUntil(lambda: _has_dark_pixels(viewer), timeout=5000)


def _has_dark_pixels(viewer: PdfViewer) -> bool:
    shot = viewer.view.viewport().grab().toImage()
    return any(_dark(shot, x, y) for x in range(0, shot.width(), 8)
               for y in range(0, shot.height(), 8))


def test_zoom_buttons_change_the_view(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, make_pdf(1), "one.pdf")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PdfViewer)
    actions = {action.text(): action for action in viewer.toolbar.actions()}
    before = viewer.view.zoomFactor()
    actions["Zoom in"].trigger()
    assert viewer.view.zoomFactor() == pytest.approx(before * 1.25)
    actions["Whole page"].trigger()
    assert viewer.view.zoomMode() == viewer.view.ZoomMode.FitInView


def test_a_damaged_pdf_offers_extract(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, b"%PDF-1.7\n" + b"\x00garbage" * 200, "broken.pdf")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PdfViewer)
    qtbot.waitUntil(lambda: viewer.failed, timeout=5000)
    assert "cannot be shown" in label_texts(viewer.pages.currentWidget())


def test_closing_releases_the_document(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, make_pdf(1), "one.pdf")
    viewer = open_viewer(context_of(archive), item.id, None)
    assert isinstance(viewer, PdfViewer)
    device = viewer.device
    assert device is not None
    viewer.close()
    assert viewer.document.pageCount() == 0 and not device.isOpen()
