"""Decoding a stored photo for the screen, from the decrypting reader (never a file).

Runs in a worker thread: ``QImage`` may be made off the interface thread,
``QPixmap`` may not.  Qt decodes with the one format plugin the item's type calls
for, never a guess from the content, and within Qt's allocation limit.  Formats
Qt lacks (AVIF, say) are decoded by the core's restricted Pillow decoder instead.
Either way the picture is upright exactly as the core's redaction and thumbnails
see it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader, QTransform

from kzarchive.archive import Archive
from kzarchive.gui.media_device import PayloadDevice
from kzarchive.media.imaging import ImageUnavailable, decode_upright, has_alpha, pillow_format
from kzarchive.media.types import normalise_mime
from kzarchive.service.models import Item

QT_FORMATS = {
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/webp": "webp",
    "image/tiff": "tiff",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/heic": "heif",
    "image/heif": "heif",
    "image/avif": "avif",
}


def qt_format(mime: str) -> str | None:
    name = QT_FORMATS.get(normalise_mime(mime))
    supported = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    return name if name in supported else None


def upright(image: QImage, orientation: int | None) -> QImage:
    """The image turned and mirrored as its EXIF orientation (1–8) asks."""
    mirror_h = orientation in (2, 5)
    mirror_v = orientation in (4, 7)
    angle = {3: 180, 5: 90, 6: 90, 7: 90, 8: 270}.get(orientation or 1, 0)
    if angle:
        image = image.transformed(QTransform().rotate(angle))
    if mirror_h:
        image = image.flipped(Qt.Orientation.Horizontal)
    if mirror_v:
        image = image.flipped(Qt.Orientation.Vertical)
    return image


def decode_photo(archive: Archive, item: Item) -> QImage | None:
    """The upright picture, or None when neither Qt nor the core can decode it."""
    name = qt_format(item.mime)
    if name is not None:
        with archive.open_item(item.id) as reader:
            device = PayloadDevice(reader)
            device.open_for_reading()
            try:
                image_reader = QImageReader(device, name.encode())
                image_reader.setDecideFormatFromContent(False)
                image_reader.setAutoTransform(False)
                image = image_reader.read()
            finally:
                device.close()
            if device.failure is not None:
                raise device.failure
        if not image.isNull():
            return upright(image, item.metadata.get("orientation"))
    return decode_with_core(archive, item)


def decode_with_core(archive: Archive, item: Item) -> QImage | None:
    if pillow_format(item.mime) is None:
        return None
    with archive.open_item(item.id) as reader:
        try:
            picture = decode_upright(reader, item.mime)
        except ImageUnavailable:
            return None
    if picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGBA" if has_alpha(picture) else "RGB")
    layout = (QImage.Format.Format_RGBA8888 if picture.mode == "RGBA"
              else QImage.Format.Format_RGB888)
    data = picture.tobytes()
    line = len(data) // picture.height
    # copy(): the QImage must own its pixels once ``data`` goes away.
    return QImage(data, picture.width, picture.height, line, layout).copy()
