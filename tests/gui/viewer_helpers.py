"""Helpers for the viewer tests: an open vault with one incident, and waiting on viewers."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

from PIL import Image, TiffImagePlugin
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kzarchive.archive import Archive
from kzarchive.gui.context import FixedVaultContext
from kzarchive.gui.workers import TaskRunner
from kzarchive.service.models import Item
from tests.gui.gui_helpers import PASSPHRASE


def wait_until(qtbot: object, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[attr-defined]


def label_texts(widget: QWidget | None) -> str:
    """All label texts inside a widget, one per line."""
    assert widget is not None
    return "\n".join(child.text() for child in widget.findChildren(QLabel))


def top_level(cls: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def open_archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    """The test vault, unlocked; closed again at the end."""
    archive = Archive.open(vault[0], PASSPHRASE)
    try:
        yield archive
    finally:
        archive.close()


def context_of(archive: Archive) -> FixedVaultContext:
    """The vault as a viewer is given it in the app, with a runner of the test's own."""
    return FixedVaultContext(archive, TaskRunner(max_threads=1))


def incident_of(archive: Archive) -> str:
    return archive.list_incidents()[0].id


def gps_exif(orientation: int | None = None) -> Image.Exif:
    """EXIF with a camera, a capture time and a position in central Almaty."""
    exif = Image.Exif()
    rational = TiffImagePlugin.IFDRational
    exif[0x010F] = "TestCam"
    exif[0x0110] = "Field 7"
    if orientation is not None:
        exif[0x0112] = orientation
    exif[0x8769] = {0x9003: "2022:01:05 16:42:10"}
    exif[0x8825] = {1: "N", 2: (rational(43), rational(14), rational(17)),
                    3: "E", 4: (rational(76), rational(56), rational(44))}
    return exif


def quadrants(width: int = 120, height: int = 80) -> Image.Image:
    """Four colours, one per corner, so every turn and mirror is told apart."""
    image = Image.new("RGB", (width, height), (240, 20, 20))
    image.paste((20, 200, 20), (width // 2, 0, width, height // 2))
    image.paste((20, 20, 230), (0, height // 2, width // 2, height))
    image.paste((250, 230, 40), (width // 2, height // 2, width, height))
    return image


def photo_bytes(fmt: str = "PNG", orientation: int | None = None, gps: bool = True,
                width: int = 120, height: int = 80) -> bytes:
    out = io.BytesIO()
    extra: dict[str, object] = {"exif": gps_exif(orientation)} if gps else {}
    if fmt == "JPEG":
        extra["quality"] = 95
    quadrants(width, height).save(out, fmt, **extra)
    return out.getvalue()


def store(archive: Archive, data: bytes, name: str) -> Item:
    return archive.store_content(incident_of(archive), io.BytesIO(data), name=name)
