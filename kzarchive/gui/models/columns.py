"""Column widths of the incident list and the items list.

Name columns (incident title, file name) take the width left free; the other
columns are as wide as their content and title.  Some are capped, and narrowed
further when the name would get less than ``NAME_SHARE`` of the width, so that a
long place or list of violations cannot squeeze the name out (their full text is
in the row's tooltip and the detail panel).  A column the person widened or
narrowed keeps that width, also at the next start (``GuiConfig.column_widths``:
widths only, never a title or file name).

All sections are ``Interactive``: Qt's ``Stretch`` mode would give the name
whatever is left even when that is 25 px, and ``ResizeToContents`` cannot be
dragged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from kzarchive.gui.config import GuiConfig

# A name column gets at least this share of the list's width (when its names need
# it), the other columns giving up width down to their titles; below
# MIN_NAME_WIDTH it never shrinks: the list scrolls sideways instead.
NAME_SHARE = 0.45
MIN_NAME_WIDTH = 160


class SavedWidths:
    """The widths a person chose, kept in the settings file under a view's key."""

    def __init__(self, config: Callable[[], GuiConfig], save: Callable[[], None]) -> None:
        self._config = config
        self._save = save

    def get(self, key: str) -> dict[int, int]:
        stored = self._config().column_widths.get(key, {})
        return {int(column): width for column, width in stored.items()}

    def put(self, key: str, widths: dict[int, int]) -> None:
        self._config().column_widths[key] = {str(c): w for c, w in sorted(widths.items())}
        self._save()


class ColumnFitter(QObject):
    """Keeps ``view``'s columns fitted (see the module text) as it resizes and refills."""

    SAVE_DELAY_MS = 600

    def __init__(self, view: QAbstractItemView, key: str, name_columns: Sequence[int],
                 saved: SavedWidths | None = None, caps: dict[int, int] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.key = key
        self.name_columns = tuple(name_columns)
        self.caps = dict(caps or {})
        self.saved = saved
        self.chosen: dict[int, int] = saved.get(key) if saved is not None else {}
        self._applying = False
        header = self.header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):
            signal.connect(self.schedule)
        view.viewport().installEventFilter(self)
        self.schedule()

    @property
    def header(self) -> QHeaderView:
        view = self.view
        if isinstance(view, QTableView):
            return view.horizontalHeader()
        assert isinstance(view, QTreeView)
        return view.header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def schedule(self, *_args: object) -> None:
        self._fit_timer.start(0)

    def content_width(self, column: int) -> int:
        """Title and the rows on screen; capped for the columns that have a cap."""
        width = max(self.view.sizeHintForColumn(column), self.header.sectionSizeHint(column))
        cap = self.caps.get(column)
        return min(width, max(cap, self.header.sectionSizeHint(column))) if cap else width

    def fit(self) -> None:
        header = self.header
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        names = [c for c in columns if c in self.name_columns]
        others = {c: self.chosen.get(c) or self.content_width(c)
                  for c in columns if c not in names}
        viewport = self.view.viewport().width()
        wanted_names = sum(self.chosen.get(c) or min(
            max(self.view.sizeHintForColumn(c), header.sectionSizeHint(c)),
            max(int(viewport * NAME_SHARE) // max(len(names), 1), MIN_NAME_WIDTH))
            for c in names)
        # Only the capped columns (place, violations: long words, shown in full in the
        # detail panel) give way; dates, statuses and counts stay whole.
        shrinkable = {c: w for c, w in others.items()
                      if c in self.caps and c not in self.chosen}
        excess = sum(others.values()) + wanted_names - viewport
        if excess > 0 and shrinkable:
            others.update(self._shrunk(shrinkable, excess))
        self._applying = True
        try:
            for column, width in others.items():
                header.resizeSection(column, width)
            free = viewport - sum(others.values())
            for column in names:
                share = free // max(len(names), 1)
                least = min(max(self.view.sizeHintForColumn(column), 0), MIN_NAME_WIDTH)
                least = max(least, header.sectionSizeHint(column))
                header.resizeSection(column, self.chosen.get(column) or max(share, least))
        finally:
            self._applying = False

    def _shrunk(self, widths: dict[int, int], excess: int) -> dict[int, int]:
        """The widest columns cut to one level, never below their titles, to free ``excess``."""
        floors = {c: self.header.sectionSizeHint(c) for c in widths}

        def freed(level: int) -> int:
            return sum(w - max(min(w, level), floors[c]) for c, w in widths.items())

        low, high = 0, max(widths.values())
        while low < high:  # the highest level that frees enough
            middle = (low + high + 1) // 2
            if freed(middle) >= excess:
                low = middle
            else:
                high = middle - 1
        return {c: max(min(w, low), floors[c]) for c, w in widths.items()}

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._applying:
            return
        self.chosen[column] = new  # dragged by the person
        self._save_timer.start()
        if column not in self.name_columns:
            self.schedule()  # the name gives or takes the difference

    def _save(self) -> None:
        if self.saved is not None:
            self.saved.put(self.key, self.chosen)
