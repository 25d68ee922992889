"""The redaction tool: black boxes drawn over faces, tattoos and name tags.

Saving makes a NEW item (``Archive.redact_item``) linked to the photo it was made
from; the original stays exactly as collected.  Boxes are filled solid black by
the core, never blurred.  The picture here is the upright one the photo viewer
decoded, so box coordinates are the core's upright pixel coordinates.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QImage, QKeyEvent, QMouseEvent, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import KzError
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label
from kzarchive.gui.viewers.image_view import ImageView
from kzarchive.gui.widgets.busy import BusyIndicator
from kzarchive.gui.workers import TaskRunner
from kzarchive.media.redact import Box
from kzarchive.service.models import Item

#: A drag shorter than this (in image pixels) is a click, not a box.
MIN_BOX_SIDE = 2


def box_of(rect: QRectF) -> Box:
    """Whole pixels covering ``rect``: a box never covers less than was drawn."""
    left, top = math.floor(rect.left()), math.floor(rect.top())
    right, bottom = math.ceil(rect.right()), math.ceil(rect.bottom())
    return Box(left, top, right - left, bottom - top)


class BoxCanvas(ImageView):
    """Drag to draw a box; click a box to select it; Delete removes the selected ones."""

    boxes_changed = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.box_items: list[QGraphicsRectItem] = []
        self._drawing: QGraphicsRectItem | None = None
        self._start = QPointF()
        self.set_image(image)

    def _bounds(self) -> QRectF:
        return self.pixmap_item.boundingRect()

    def _new_item(self, rect: QRectF) -> QGraphicsRectItem:
        item = QGraphicsRectItem(rect)
        pen = QPen(QColor(230, 40, 40))
        pen.setCosmetic(True)
        pen.setWidth(2)
        item.setPen(pen)
        # Nearly opaque: the result is shown, while the drawn edge stays visible.
        item.setBrush(QBrush(QColor(0, 0, 0, 220)))
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.scene().addItem(item)
        return item

    def add_box(self, rect: QRectF) -> QGraphicsRectItem | None:
        rect = rect.normalized().intersected(self._bounds())
        if rect.width() < MIN_BOX_SIDE or rect.height() < MIN_BOX_SIDE:
            return None
        item = self._new_item(rect)
        self.box_items.append(item)
        self.boxes_changed.emit()
        return item

    def remove(self, items: list[QGraphicsRectItem]) -> None:
        for item in items:
            if item in self.box_items:
                self.box_items.remove(item)
                self.scene().removeItem(item)
        self.boxes_changed.emit()

    def selected(self) -> list[QGraphicsRectItem]:
        return [item for item in self.box_items if item.isSelected()]

    def boxes(self) -> list[Box]:
        return [box_of(item.rect()) for item in self.box_items]

    # -- mouse --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        hit = self.itemAt(event.position().toPoint())
        if (event.button() == Qt.MouseButton.LeftButton and hit not in self.box_items
                and self._bounds().contains(point)):
            self.scene().clearSelection()
            self._start = point
            self._drawing = self._new_item(QRectF(point, point))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            point = self.mapToScene(event.position().toPoint())
            rect = QRectF(self._start, point).normalized().intersected(self._bounds())
            self._drawing.setRect(rect)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None and event.button() == Qt.MouseButton.LeftButton:
            drawn, self._drawing = self._drawing, None
            self.scene().removeItem(drawn)
            point = self.mapToScene(event.position().toPoint())
            self.add_box(QRectF(self._start, point))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected():
            self.remove(self.selected())
            event.accept()
            return
        super().keyPressEvent(event)


class RedactionWindow(QWidget):
    #: The redacted copy was stored (the new ``Item``).
    saved = Signal(object)

    def __init__(self, context: VaultContext, item: Item, image: QImage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.archive, self.item = context.archive, item
        self.runner: TaskRunner = context.vault_tasks
        self.closed = False
        self.setWindowTitle(self.tr("Redact {name} — kzarchive").format(name=item.name))
        resize_within_screen(self, 1200, 760)

        self.canvas = BoxCanvas(image)
        self.canvas.boxes_changed.connect(self._boxes_changed)
        self.canvas.scene().selectionChanged.connect(self._canvas_selection)
        self.box_list = QListWidget()
        self.box_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.box_list.setWordWrap(True)
        self.box_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.box_list.itemSelectionChanged.connect(self._list_selection)
        self.remove_button = QPushButton(self.tr("Remove box"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button = QPushButton(self.tr("Save redacted copy"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.close)
        self.message = label("")
        self.message.hide()
        self.busy = BusyIndicator()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(label(self.tr(
            "Drag over each face, tattoo, name tag or anything else that identifies a "
            "person. The boxes become solid black in a new copy; the original photo is "
            "kept unchanged."), ""))
        side_layout.addWidget(label(self.tr("Boxes"), "subheading"))
        side_layout.addWidget(self.box_list, 1)
        side_layout.addWidget(self.remove_button)
        side_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self._boxes_changed()

    # -- boxes --------------------------------------------------------------------

    def _boxes_changed(self) -> None:
        self.box_list.blockSignals(True)
        self.box_list.clear()
        for number, box in enumerate(self.canvas.boxes(), start=1):
            text = self.tr("Box {n}: {width} × {height} at {x}, {y}").format(
                n=number, width=box.width, height=box.height, x=box.x, y=box.y)
            self.box_list.addItem(QListWidgetItem(text))
        self.box_list.blockSignals(False)
        has_boxes = bool(self.canvas.box_items)
        self.save_button.setEnabled(has_boxes)
        self.remove_button.setEnabled(False)

    def _list_selection(self) -> None:
        rows = {index.row() for index in self.box_list.selectedIndexes()}
        scene = self.canvas.scene()
        scene.blockSignals(True)
        for row, item in enumerate(self.canvas.box_items):
            item.setSelected(row in rows)
        scene.blockSignals(False)
        self.remove_button.setEnabled(bool(rows))

    def _canvas_selection(self) -> None:
        self.box_list.blockSignals(True)
        for row, item in enumerate(self.canvas.box_items):
            entry = self.box_list.item(row)
            if entry is not None:
                entry.setSelected(item.isSelected())
        self.box_list.blockSignals(False)
        self.remove_button.setEnabled(bool(self.canvas.selected()))

    def remove_selected(self) -> None:
        self.canvas.remove(self.canvas.selected())

    # -- saving -------------------------------------------------------------------

    def save(self) -> None:
        boxes = self.canvas.boxes()
        if not boxes:
            return
        self.save_button.setEnabled(False)
        self.message.hide()
        archive, item_id = self.archive, self.item.id
        task = self.runner.run(lambda progress, cancel: archive.redact_item(item_id, boxes),
                               on_success=self._saved, on_failure=self._failed)
        self.busy.start(self.tr("Saving the redacted copy…"), task)

    def _saved(self, item: Item) -> None:
        self.busy.stop()
        if self.closed:
            return
        self.saved.emit(item)
        self.close()

    def _failed(self, exc: KzError) -> None:
        self.busy.stop()
        self.save_button.setEnabled(bool(self.canvas.box_items))
        self.message.setText(error_html(exc))
        self.message.setProperty("role", "error")
        self.message.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        self.canvas.clear()
        super().closeEvent(event)
