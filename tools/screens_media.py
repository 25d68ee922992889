"""Screenshots of evidence viewing: gallery, photo, redaction, text, video, PDF, other files.

Called by ``tools/screenshots.py`` with the demo vault open in the main window,
after the other screens.  A recording, a PDF and an opaque file (each marked as
made for the screenshots) are added to the throw-away demo vault; nothing is
redacted for real.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

Save = Callable[[object, Path, str], None]
Wait = Callable[..., None]

ROOT = Path(__file__).resolve().parents[1]


def _select(window: Any, title: str, wait: Wait) -> None:
    window.search_edit.setText("")
    window.run_search()
    wait(lambda: window.model.rowCount() > 1)
    proxy = window.proxy
    window.table.selectRow(next(r for r in range(proxy.rowCount())
                                if proxy.index(r, 0).data() == title))
    wait(lambda: window.detail.title_label.text() == title)


def _pdf() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15))
    writer.setResolution(96)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 14, QFont.Weight.Bold))
    painter.drawText(QRect(0, 0, 480, 40), 0, "Заявление в прокуратуру")
    painter.setFont(QFont("DejaVu Sans", 10))
    painter.drawText(QRect(0, 60, 480, 400), 0x1000,  # Qt.TextWordWrap
                     "Прошу провести проверку по факту задержания моего сына 6 января 2022 "
                     "года у здания акимата и сообщить, где он содержится.\n\n"
                     "(Written for the screenshots; not a real document.)")
    painter.end()
    buffer.close()
    return bytes(data.data())


def _wait_viewer(viewer: Any, wait: Wait) -> None:
    wait(lambda: viewer.busy.isHidden())


def shoot_media(controller: Any, window: Any, out: Path, prefix: str,
                save: Save, wait: Wait, play: bool = True) -> None:
    """``play``: play the video a second for its shot (the layout check does not)."""
    from screens_evidence import almaty_incident

    from kzarchive.gui.viewers import open_viewer

    archive = controller.archive
    detail = window.detail
    _select(window, almaty_incident(controller.language), wait)
    incident = detail.incident_id
    items = archive.list_items(incident)
    photo = next(item for item in items if item.kind == "photo")
    testimony = next((item for s in archive.list_incidents() for item in
                      archive.list_items(s.id) if item.kind == "testimony"), None)
    # Added once: the second language finds them already there.
    named = {item.name: item for item in items}
    clip = named.get("площадь-видео.mp4") or archive.store_content(
        incident, io.BytesIO((ROOT / "tests" / "gui" / "media" / "clip.mp4").read_bytes()),
        name="площадь-видео.mp4", notes="A test pattern made for the screenshots.")
    pdf = named.get("заявление.pdf") or archive.store_content(
        incident, io.BytesIO(_pdf()), name="заявление.pdf")
    other = named.get("таблица.xyz") or archive.store_content(
        incident, io.BytesIO(b"PK\x05\x06" + bytes(18)), name="таблица.xyz")
    _select(window, almaty_incident(controller.language), wait)
    detail.show_incident(incident)
    detail.tabs.setCurrentWidget(detail.gallery)
    wait(lambda: detail.gallery.model.has_thumbnail_shown(photo.id))
    save(window, out, prefix + "main-gallery")

    viewer = open_viewer(window.context, photo.id, window)
    wait(lambda: viewer.image is not None)
    viewer.view.fit()
    save(viewer, out, prefix + "viewer-photo")
    viewer.redact_action.trigger()
    redaction = viewer.redaction
    wait(lambda: redaction.isVisible())
    from PySide6.QtCore import QRectF

    redaction.canvas.add_box(QRectF(520, 540, 70, 90))
    redaction.canvas.add_box(QRectF(860, 520, 80, 110))
    redaction.canvas.fit()
    save(redaction, out, prefix + "redaction")
    redaction.close()
    viewer.close()

    for name, item in (("viewer-text", testimony), ("viewer-video", clip),
                       ("viewer-pdf", pdf), ("viewer-other", other)):
        if item is None:
            continue
        viewer = open_viewer(window.context, item.id, window)
        if name == "viewer-text":
            wait(lambda v=viewer: bool(v.text_edit.toPlainText()))
        if name == "viewer-video":
            wait(lambda v=viewer: v.player.duration() > 0)
            if play:
                viewer.player.play()
                wait(lambda v=viewer: v.player.position() >= 1000)
                viewer.player.pause()
        if name == "viewer-pdf":
            wait(lambda v=viewer: v.document.pageCount() > 0)
        save(viewer, out, prefix + name)
        viewer.close()
    detail.tabs.setCurrentIndex(detail.DETAILS_TAB)
