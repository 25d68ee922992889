"""The Gallery tab of an incident: thumbnails of its photos and videos.

Thumbnails are the small, upright, metadata-free previews the vault makes after
intake (``archive.pictures``, in the background: ``gui/pictures.py``), decrypted
and decoded in memory by a worker, a few at a time, so that a large incident
never blocks the interface.  A picture whose thumbnail is not made yet shows its
kind's tile until it is.
Double-click (or Enter) opens the item's viewer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QListView,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui import labels
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.formatting import moment_text
from kzarchive.gui.style import label
from kzarchive.gui.viewers import open_viewer
from kzarchive.gui.widgets.evidence_panel import kind_icon
from kzarchive.gui.workers import TaskRunner
from kzarchive.media.types import kind_of
from kzarchive.service.models import Item

if TYPE_CHECKING:
    from kzarchive.gui.attach import Landed

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
THUMBNAIL_SIDE = 160
#: Thumbnails decoded per worker task; small enough to show the first ones quickly.
BATCH = 12

Index = QModelIndex | QPersistentModelIndex


def is_visual(item: Item) -> bool:
    return (item.has_thumbnail or item.kind in ("photo", "video")
            or kind_of(item.mime) in ("photo", "video"))


def decode_jpeg(data: bytes) -> QImage:
    """A JPEG from memory, read only as JPEG whatever its bytes claim."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"jpeg")
    reader.setDecideFormatFromContent(False)
    return reader.read()


def read_thumbnails(archive: Archive, item_ids: list[str]) -> list[tuple[str, QImage]]:
    """Decoded thumbnails (worker thread: QImage, never QPixmap); broken ones are skipped."""
    decoded = []
    for item_id in item_ids:
        image = decode_jpeg(archive.read_thumbnail(item_id))
        if not image.isNull():
            decoded.append((item_id, image))
    return decoded


class ThumbnailModel(QAbstractListModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent
        self.items: list[Item] = []
        self._icons: dict[str, QIcon] = {}
        self._tiles: dict[str, QIcon] = {}

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        self.items = items
        self._icons = {}
        self.endResetModel()

    def add_items(self, items: list[Item]) -> None:
        """Items stored since the list was read, at its end."""
        known = {item.id for item in self.items}
        new = [item for item in items if item.id not in known]
        if new:
            self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(new) - 1)
            self.items.extend(new)
            self.endInsertRows()

    def set_thumbnail(self, item_id: str, image: QImage) -> None:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                self._icons[item_id] = QIcon(QPixmap.fromImage(image))
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
                return

    def has_thumbnail_shown(self, item_id: str) -> bool:
        return item_id in self._icons

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(item.id) or self._placeholder(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, [item.name, labels.item_kind(item.kind),
                                           moment_text(item.captured_at)]))
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    def _placeholder(self, item: Item) -> QIcon:
        kind = "video" if kind_of(item.mime) == "video" else item.kind
        if kind not in self._tiles:
            self._tiles[kind] = placeholder_tile(kind_icon(kind), self._widget.palette())
        return self._tiles[kind]


def placeholder_tile(icon: QIcon, palette: QPalette) -> QIcon:
    """A thumbnail-sized tile with the kind's small picture in its middle."""
    tile = QPixmap(THUMBNAIL_SIDE, THUMBNAIL_SIDE * 3 // 4)
    tile.fill(palette.color(QPalette.ColorRole.AlternateBase))
    painter = QPainter(tile)
    side = THUMBNAIL_SIDE // 3
    icon.paint(painter, QRect((tile.width() - side) // 2, (tile.height() - side) // 2,
                              side, side))
    painter.end()
    return QIcon(tile)


class GalleryView(QStackedWidget):
    """Thumbnails of one incident's photos and videos."""

    count_changed = Signal(int)
    #: A viewer opened from here stored a new item (a redacted copy): the ``Item``.
    item_added = Signal(object)
    EMPTY, GRID = range(2)

    def __init__(self, context: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.archive = context.archive
        self.runner: TaskRunner = context.vault_tasks
        if context.pictures is not None:
            context.pictures.made.connect(self.pictures_made)
        self.incident_id: str | None = None
        self._generation = 0
        self._pending: list[str] = []
        self.model = ThumbnailModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        self.list.setGridSize(QSize(THUMBNAIL_SIDE + 24, THUMBNAIL_SIDE + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        # Double-click or Enter (as the platform defines "activate").
        self.list.activated.connect(self._activated)
        self.empty_label = label(self.tr("No photos or videos in this incident."), "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = label("", "error")
        self.message_label.hide()
        grid = QWidget()
        layout = QVBoxLayout(grid)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message_label)
        self.addWidget(self.empty_label)
        self.addWidget(grid)

    def attach_to(self, tabs: QTabWidget) -> None:
        """Add this view as a tab whose title counts the pictures."""
        tabs.addTab(self, self.tr("Gallery"))
        self.count_changed.connect(
            lambda n: tabs.setTabText(tabs.indexOf(self), self.tr("Gallery ({n})").format(n=n)))

    # -- content ------------------------------------------------------------------

    def clear(self) -> None:
        self._generation += 1
        self.incident_id = None
        self.model.set_items([])
        self.message_label.hide()
        self.setCurrentIndex(self.EMPTY)

    def set_incident(self, incident_id: str) -> None:
        """Show an incident's pictures at once (placeholders), then fill in thumbnails."""
        self._generation += 1
        self.incident_id = incident_id
        items = [item for item in self.archive.list_items(incident_id) if is_visual(item)]
        self.model.set_items(items)
        self.message_label.hide()
        self.setCurrentIndex(self.GRID if items else self.EMPTY)
        self.count_changed.emit(len(items))
        self._pending = [item.id for item in items if item.has_thumbnail]
        self._load_next()

    def refresh(self) -> None:
        if self.incident_id is not None:
            self.set_incident(self.incident_id)

    def add_items(self, landed: Landed) -> None:
        """Pictures that just landed in the incident shown (tiles until their thumbnails
        are made)."""
        if landed.incident_id != self.incident_id:
            return
        self.model.add_items([item for item in landed.items if is_visual(item)])
        if self.model.rowCount():
            self.setCurrentIndex(self.GRID)
        self.count_changed.emit(self.model.rowCount())

    def pictures_made(self, item_ids: list[str]) -> None:
        """Thumbnails made in the background: those of pictures shown here are read."""
        shown = {item.id for item in self.model.items}
        fresh = [item_id for item_id in item_ids if item_id in shown]
        if not fresh:
            return
        idle = not self._pending
        self._pending += fresh
        if idle:
            self._load_next()

    def _load_next(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        archive, generation = self.archive, self._generation
        # Bound methods as slots: Qt drops the result if this view is gone by then.
        self.runner.run(
            lambda progress, cancel: (generation, read_thumbnails(archive, batch)),
            on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, result: tuple[int, list[tuple[str, QImage]]]) -> None:
        generation, decoded = result
        if generation != self._generation:
            return  # another incident is shown by now
        for item_id, image in decoded:
            self.model.set_thumbnail(item_id, image)
        self._load_next()

    def _failed(self, exc: KzError) -> None:
        message, hint = error_text(exc)
        self.message_label.setText(f"{message} {hint}".strip())
        self.message_label.show()

    # -- opening ------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        item_id = self.model.data(index, ITEM_ID_ROLE)
        if not item_id:
            return
        try:
            viewer = open_viewer(self.context, str(item_id), self.window())
        except KzError as exc:
            self._failed(exc)
            return
        added = getattr(viewer, "item_added", None)
        if added is not None:
            added.connect(self._item_added)

    def _item_added(self, item: Item) -> None:
        self.refresh()
        self.item_added.emit(item)
