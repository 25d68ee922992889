"""The incident list: a table model over ``Archive.list_incidents`` results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kzarchive.gui import labels
from kzarchive.gui.formatting import date_range, moment_tooltip
from kzarchive.service.models import IncidentSummary

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class IncidentTableModel(QAbstractTableModel):
    TITLE, DATE, PLACE, VIOLATIONS, STATUS, ITEMS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentSummary] = []
        self._sort_column = self.DATE
        self._sort_order = Qt.SortOrder.DescendingOrder

    def headers(self) -> list[str]:
        return [self.tr("Title"), self.tr("Date"), self.tr("Place"), self.tr("Violations"),
                self.tr("Status"), self.tr("Items")]

    def set_incidents(self, rows: list[IncidentSummary]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    # Sorting happens here, on the Python list, rather than in a proxy that would ask
    # data() for every comparison: with 10,000 incidents that is the difference between
    # a list shown at once and most of a second of waiting.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self._rows[index.row()].id for index in kept]
        self._rows = self._sorted(self._rows)
        position = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            kept, [self.index(position[ident], index.column())
                   for ident, index in zip(kept_ids, kept, strict=True)])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[IncidentSummary]) -> list[IncidentSummary]:
        column = self._sort_column
        if column == self.DATE:
            def key(row: IncidentSummary) -> Any:
                return row.occurred_start or ""
        elif column == self.ITEMS:
            def key(row: IncidentSummary) -> Any:
                return row.item_count
        else:
            def key(row: IncidentSummary) -> Any:
                return self._text(row, column).casefold()
        rows.sort(key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return rows

    def incident_at(self, row: int) -> IncidentSummary:
        return self._rows[row]

    def row_of(self, incident_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == incident_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DATE:
            return "\n".join(filter(None, [moment_tooltip(row.occurred_start),
                                           moment_tooltip(row.occurred_end)]))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            if column == self.DATE:
                return row.occurred_start or ""
            if column == self.ITEMS:
                return row.item_count
            return self._text(row, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ITEMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: IncidentSummary, column: int) -> str:
        if column == self.TITLE:
            return row.title
        if column == self.DATE:
            return date_range(row.occurred_start, row.occurred_end)
        if column == self.PLACE:
            return row.place
        if column == self.VIOLATIONS:
            return ", ".join(labels.violation(v) for v in row.violations)
        if column == self.STATUS:
            return labels.status(row.status)
        return str(row.item_count)


class IncidentSortModel(QSortFilterProxyModel):
    """Sorting by the model's sort keys (dates as ISO text, item counts as numbers),
    and an instant status filter over the rows the last search returned."""

    def __init__(self, source: IncidentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._status = ""
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_status_filter(self, status: str) -> None:
        """Show only incidents with this status key; "" shows all."""
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            self._status = status
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself (fast); this proxy keeps its order."""
        self._source.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        return not self._status or self._source.incident_at(source_row).status == self._status
