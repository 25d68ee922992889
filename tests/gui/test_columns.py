"""Column widths: names take the free width, the rest fit their content, drags are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from kzarchive.gui.config import GuiConfig, load_config, save_config
from kzarchive.gui.models.columns import MIN_NAME_WIDTH, NAME_SHARE, ColumnFitter, SavedWidths

TITLE = "Задержание участников мирного собрания у здания акимата Талдыкоргана"
PLACE = "Алматинская область, Талдыкорган, площадь Независимости, у здания акимата"


def table(qtbot: QtBot, width: int, rows: list[list[str]]) -> QTableView:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Атауы", "Күні", "Орны"])
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def settle(fitter: ColumnFitter) -> None:
    QApplication.processEvents()
    fitter.fit()


def test_the_name_takes_the_free_width_and_the_rest_fit_their_content(qtbot: QtBot) -> None:
    view = table(qtbot, 900, [["Short title", "2022-01-05", "Almaty"]])
    fitter = ColumnFitter(view, "test", [0])
    settle(fitter)
    header = view.horizontalHeader()
    assert header.sectionSize(1) >= QFontMetrics(view.font()).horizontalAdvance("2022-01-05")
    assert header.sectionSize(1) == max(view.sizeHintForColumn(1), header.sectionSizeHint(1))
    assert sum(header.sectionSize(c) for c in range(3)) == view.viewport().width()
    assert header.sectionSize(0) > header.sectionSize(1) + header.sectionSize(2)


def test_a_long_place_gives_way_so_the_title_keeps_its_share(qtbot: QtBot) -> None:
    view = table(qtbot, 700, [[TITLE, "2022-01-05 – 2022-01-12", PLACE]])
    fitter = ColumnFitter(view, "test", [0], caps={2: 400})
    settle(fitter)
    header = view.horizontalHeader()
    viewport = view.viewport().width()
    assert header.sectionSize(0) >= max(int(viewport * NAME_SHARE) - 1, MIN_NAME_WIDTH)
    # The date is never cut; the place keeps at least its title.
    assert header.sectionSize(1) >= view.sizeHintForColumn(1)
    assert header.sectionSize(2) >= header.sectionSizeHint(2)


def test_a_dragged_width_is_kept_and_remembered_for_the_next_start(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    config = GuiConfig()
    saved = SavedWidths(lambda: config, lambda: save_config(config, path))
    view = table(qtbot, 900, [["Short title", "2022-01-05", "Almaty"]])
    fitter = ColumnFitter(view, "incidents", [0], saved)
    settle(fitter)
    view.horizontalHeader().resizeSection(2, 260)  # as a drag on the header does
    qtbot.waitUntil(lambda: path.exists(), timeout=3000)
    assert load_config(path).column_widths == {"incidents": {"2": 260}}
    settle(fitter)
    assert view.horizontalHeader().sectionSize(2) == 260
    # The name gave up the difference.
    assert sum(view.horizontalHeader().sectionSize(c) for c in range(3)) == \
        view.viewport().width()

    again = table(qtbot, 900, [["Short title", "2022-01-05", "Almaty"]])
    restored = GuiConfig(column_widths=load_config(path).column_widths)
    settle(ColumnFitter(again, "incidents", [0], SavedWidths(lambda: restored, lambda: None)))
    assert again.horizontalHeader().sectionSize(2) == 260
