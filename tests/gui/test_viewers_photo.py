"""The photo viewer: upright pictures, zoom, metadata with the location warning."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.formatting import moment_text
from kzarchive.gui.viewers import FileViewer, PhotoViewer, open_viewer
from kzarchive.gui.viewers.photo_decode import upright
from kzarchive.media import imaging
from tests.gui.viewer_helpers import (
    context_of,
    label_texts,
    open_archive,
    photo_bytes,
    quadrants,
    store,
)

GOLDEN = Path(__file__).resolve().parents[1] / "media" / "golden"


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


def _open_photo(
        qtbot: QtBot, archive: Archive, data: bytes, name: str = "photo.jpg") -> PhotoViewer:
    item = store(archive, data, name)
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PhotoViewer)
    viewer.resize(1000, 700)
    qtbot.waitUntil(lambda: viewer.image is not None or viewer.busy.isHidden(), timeout=5000)
    return viewer


def test_a_photo_with_gps_shows_its_metadata_and_the_location_warning(
        qtbot: QtBot, archive: Archive) -> None:
    viewer = _open_photo(qtbot, archive, photo_bytes("JPEG"))
    assert viewer.image is not None and viewer.view.image_size() == (120, 80)
    info = viewer.info
    assert info.location_warning is not None
    assert info.location_warning.isVisibleTo(viewer)
    assert "This photo contains its location" in info.location_warning.text()
    assert info.rows["location"].text() == "43.238056, 76.945556"
    assert info.rows["camera"].text() == "TestCam Field 7"
    assert info.rows["dimensions"].text() == "120 × 80 pixels"
    captured = viewer.item.captured_at or ""
    assert captured.startswith("2022-01-05T16:42:10")
    assert info.rows["captured"].text() == moment_text(captured)
    assert info.rows["captured"].text().startswith("5 January 2022, ")
    assert captured in info.rows["captured"].toolTip()  # the exact value, on hover
    assert viewer.hash_row.hash_label.text().replace(" ", "") == viewer.item.sha256


def test_a_photo_without_gps_has_no_location_warning(qtbot: QtBot, archive: Archive) -> None:
    viewer = _open_photo(qtbot, archive, photo_bytes("PNG", gps=False), "plain.png")
    assert viewer.info.location_warning is None
    assert "location" not in viewer.info.rows
    assert "contains its location" not in label_texts(viewer)


def test_zoom_with_keys_wheel_fit_and_actual_size(qtbot: QtBot, archive: Archive) -> None:
    viewer = _open_photo(qtbot, archive, photo_bytes("PNG"), "zoom.png")
    view = viewer.view
    viewer.show()
    qtbot.waitExposed(viewer)
    view.fit()
    viewport = view.viewport().rect()
    fitted = view.zoom
    assert fitted == pytest.approx(min((viewport.width() - 4) / 120,
                                       (viewport.height() - 4) / 80), rel=1e-6)
    qtbot.mouseClick(viewer.toolbar.widgetForAction(viewer.actual_action),
                     Qt.MouseButton.LeftButton)
    assert view.zoom == 1.0 and viewer.zoom_label.text() == "100 %"
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(0.8)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(0.8 * 1.25 ** 2)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.fitting and view.zoom == pytest.approx(fitted)


def test_exif_orientation_is_applied_and_turning_is_for_viewing_only(
        qtbot: QtBot, archive: Archive) -> None:
    data = photo_bytes("JPEG", orientation=6)
    viewer = _open_photo(qtbot, archive, data, "turned.jpg")
    assert viewer.view.image_size() == (80, 120)
    viewer.rotate_right_action.trigger()
    viewer.rotate_right_action.trigger()
    viewer.rotate_left_action.trigger()
    assert viewer.view.rotation == 90
    assert viewer.view.image_size() == (80, 120)
    with archive.open_item(viewer.item.id) as reader:
        assert reader.read() == data


@pytest.mark.parametrize("orientation", range(1, 9))
def test_upright_matches_the_core_for_every_orientation(orientation: int) -> None:
    source = quadrants(12, 8)
    expected = imaging.upright(source, orientation)
    raw = source.tobytes()
    image = QImage(raw, 12, 8, 36, QImage.Format.Format_RGB888).copy()
    turned = upright(image, orientation).convertToFormat(QImage.Format.Format_RGB888)
    assert (turned.width(), turned.height()) == expected.size
    for x, y in ((0, 0), (expected.width - 1, 0), (0, expected.height - 1)):
        colour = turned.pixelColor(x, y)
        assert (colour.red(), colour.green(), colour.blue()) == expected.getpixel((x, y))


def test_a_format_that_cannot_be_decoded_offers_extract(qtbot: QtBot, archive: Archive) -> None:
    viewer = _open_photo(qtbot, archive, (GOLDEN / "photo.heic").read_bytes(), "photo.heic")
    assert isinstance(viewer, PhotoViewer)
    assert viewer.image is None
    assert not viewer.redact_action.isEnabled()
    assert "cannot be shown" in label_texts(viewer.content_holder)
    assert "cannot be decoded" in viewer.info.rows["note"].text()
    extract = [b for b in viewer.content_holder.findChildren(QPushButton)
               if b.text() == "Extract…"]
    qtbot.mouseClick(extract[0], Qt.MouseButton.LeftButton)
    assert viewer.extract_warning is not None
    viewer.extract_warning.close()


def test_a_format_qt_lacks_is_decoded_by_the_core_and_can_be_redacted(
        qtbot: QtBot, archive: Archive) -> None:
    out = io.BytesIO()
    quadrants(40, 30).save(out, "AVIF", quality=100)
    viewer = _open_photo(qtbot, archive, out.getvalue(), "photo.avif")
    assert viewer.image is not None and viewer.view.image_size() == (40, 30)
    top_left = viewer.image.pixelColor(2, 2)
    assert top_left.red() > 200 and top_left.green() < 60
    assert viewer.redact_action.isEnabled()


def test_other_kinds_do_not_open_in_the_photo_viewer(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, b"\x00\x01 opaque bytes " * 10, "thing.bin")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, FileViewer)
