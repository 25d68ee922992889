"""A picture that zooms (wheel, keys, fit, 100 %) and turns, for viewing only."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

MIN_ZOOM = 0.02
MAX_ZOOM = 32.0
ZOOM_STEP = 1.25


class ImageView(QGraphicsView):
    """Scene coordinates are pixels of the image as given (upright, unrotated)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self._zoom = 1.0
        self._rotation = 0
        self.fitting = True

    # -- content ----------------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(self.pixmap_item.boundingRect()))
        self.fit()

    def clear(self) -> None:
        self.pixmap_item.setPixmap(QPixmap())

    def image_size(self) -> tuple[int, int]:
        pixmap = self.pixmap_item.pixmap()
        return pixmap.width(), pixmap.height()

    # -- zoom and rotation ----------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def rotation(self) -> int:
        return self._rotation

    def set_zoom(self, factor: float) -> None:
        self.fitting = False
        self._apply(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show the whole picture, and keep doing so as the window changes size."""
        self.fitting = True
        width, height = self.image_size()
        if not width or not height:
            return
        if self._rotation % 180:
            width, height = height, width
        viewport = self.viewport().rect()
        margin = 4
        factor = min((viewport.width() - margin) / width, (viewport.height() - margin) / height)
        self._apply(factor)

    def rotate_by(self, degrees: int) -> None:
        """Turn the view (never the stored image) by a multiple of 90 degrees."""
        self._rotation = (self._rotation + degrees) % 360
        if self.fitting:
            self.fit()
        else:
            self._apply(self._zoom)

    def _apply(self, factor: float) -> None:
        self._zoom = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self.setTransform(QTransform().rotate(self._rotation).scale(self._zoom, self._zoom))
        self.zoom_changed.emit(self._zoom)

    # -- input ---------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self._zoom * ZOOM_STEP ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()
