"""The redaction tool, driven with the mouse as a documenter would."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.viewers import PhotoViewer, open_viewer
from kzarchive.gui.windows.redaction import BoxCanvas, RedactionWindow
from kzarchive.media import Box
from tests.gui.viewer_helpers import context_of, open_archive, photo_bytes, store


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


def _viewer(qtbot: QtBot, archive: Archive, data: bytes, name: str) -> PhotoViewer:
    item = store(archive, data, name)
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitUntil(lambda: viewer.redact_action.isEnabled(), timeout=5000)
    return viewer


def _redaction(qtbot: QtBot, viewer: PhotoViewer) -> RedactionWindow:
    viewer.redact_action.trigger()
    window = viewer.redaction
    assert isinstance(window, RedactionWindow)
    qtbot.waitExposed(window)
    return window


def _at(canvas: BoxCanvas, x: float, y: float) -> QPoint:
    return canvas.mapFromScene(QPointF(x, y))


def _drag(canvas: BoxCanvas, start: tuple[float, float], end: tuple[float, float]) -> None:
    viewport = canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _at(canvas, *start))
    QTest.mouseMove(viewport, _at(canvas, (start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    QTest.mouseMove(viewport, _at(canvas, *end))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       _at(canvas, *end))


def _covers(box: Box, drawn: tuple[int, int, int, int], slack: int = 2) -> bool:
    """``box`` is the drawn rectangle to within a pixel or two of screen rounding."""
    x, y, width, height = drawn
    return (abs(box.x - x) <= slack and abs(box.y - y) <= slack
            and abs(box.x + box.width - x - width) <= slack
            and abs(box.y + box.height - y - height) <= slack)


def test_two_boxes_drawn_with_the_mouse_become_a_new_black_boxed_item(
        qtbot: QtBot, archive: Archive) -> None:
    original_data = photo_bytes("PNG", width=240, height=160)
    viewer = _viewer(qtbot, archive, original_data, "лица.png")
    original = viewer.item
    window = _redaction(qtbot, viewer)
    canvas = window.canvas
    assert not window.save_button.isEnabled()

    _drag(canvas, (20, 20), (80, 60))       # a face
    _drag(canvas, (200, 150), (150, 100))   # a name tag, drawn from the other corner
    assert window.box_list.count() == 2
    first, second = canvas.boxes()
    assert _covers(first, (20, 20, 60, 40)) and _covers(second, (150, 100, 50, 50))
    assert window.save_button.isEnabled()

    with qtbot.waitSignal(viewer.item_added, timeout=5000) as added:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    derived = added.args[0]

    # A new item, linked to its original, recording the boxes as applied.
    assert derived.id != original.id and derived.derived_from == original.id
    assert derived.derivation == {"kind": "redaction",
                                  "boxes": [first.to_dict(), second.to_dict()]}
    assert {i.id for i in archive.list_items(original.incident_id)} >= {original.id, derived.id}
    # Solid black inside both boxes; the picture elsewhere unchanged.
    with archive.open_item(derived.id) as reader:
        image = Image.open(io.BytesIO(reader.read())).convert("RGB")
    for box in (first, second):
        assert all(image.getpixel((x, y)) == (0, 0, 0)
                   for x in range(box.x, box.x + box.width)
                   for y in range(box.y, box.y + box.height))
    assert image.getpixel((100, 10)) == (240, 20, 20)
    # The original: same bytes, same SHA-256.
    assert archive.get_item(original.id).sha256 == original.sha256
    with archive.open_item(original.id) as reader:
        assert reader.read() == original_data
    archive.verify_item(original.id)
    entry = archive.custody_entries(original.incident_id)[-1]
    assert entry.action == "item.derived" and entry.item_id == derived.id
    assert entry.details["derived_from"] == original.id
    # The tool closed; the viewer says what happened.
    qtbot.waitUntil(lambda: not window.isVisible() if _alive(window) else True, timeout=2000)
    assert "redacted copy was saved" in viewer.status_label.text()


def _alive(widget: object) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_box_can_be_removed_and_a_click_draws_none(qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, photo_bytes("PNG"), "p.png")
    window = _redaction(qtbot, viewer)
    canvas = window.canvas
    _drag(canvas, (10, 10), (40, 30))
    _drag(canvas, (70, 40), (110, 70))
    _drag(canvas, (60, 5), (60, 5))  # a click: no box
    assert len(canvas.box_items) == 2

    window.box_list.setCurrentRow(0)
    assert window.remove_button.isEnabled()
    qtbot.mouseClick(window.remove_button, Qt.MouseButton.LeftButton)
    assert len(canvas.boxes()) == 1 and _covers(canvas.boxes()[0], (70, 40, 40, 30))

    # Clicking a box selects it; Delete removes it.
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, _at(canvas, 90, 55))
    assert canvas.selected() == canvas.box_items
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert canvas.boxes() == [] and window.box_list.count() == 0
    assert not window.save_button.isEnabled()


def test_boxes_past_the_edge_are_kept_inside_the_picture(qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, photo_bytes("PNG"), "edge.png")
    window = _redaction(qtbot, viewer)
    _drag(window.canvas, (100, 60), (200, 200))
    (box,) = window.canvas.boxes()
    assert box.x + box.width == 120 and box.y + box.height == 80


def test_a_turned_photo_is_redacted_where_it_was_drawn(qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, photo_bytes("JPEG", orientation=6), "turned.jpg")
    window = _redaction(qtbot, viewer)
    _drag(window.canvas, (40, 80), (80, 120))  # the lower right, as shown (80 × 120)
    with qtbot.waitSignal(viewer.item_added, timeout=5000) as added:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    with archive.open_item(added.args[0].id) as reader:
        image = Image.open(io.BytesIO(reader.read())).convert("RGB")
    assert image.size == (80, 120)
    assert max(cast(tuple[int, ...], image.getpixel((60, 100)))) < 10
    assert max(cast(tuple[int, ...], image.getpixel((20, 20)))) > 150


def test_closing_the_viewer_closes_its_redaction_tool(qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, photo_bytes("PNG"), "p.png")
    window = _redaction(qtbot, viewer)
    _drag(window.canvas, (10, 10), (40, 30))
    items_before = len(archive.list_items(viewer.item.incident_id))
    viewer.close()
    qtbot.waitUntil(lambda: not _alive(window) or not window.isVisible(), timeout=2000)
    assert len(archive.list_items(viewer.item.incident_id)) == items_before
