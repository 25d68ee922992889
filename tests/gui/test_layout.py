"""Every screen, in English, Russian and Kazakh, on 1366x768 and 1280x720 laptop screens.

The screenshot tool drives every window and dialog the screenshots show, with a
realistic vault (long Cyrillic titles, places and file names, many incidents and
items), and ``tools/layout_check.py`` names every label, button, tab, header,
drop-down, placeholder or tool bar that shows less than its full text, and every
window larger than the screen.  Each screen size needs its own process (Qt's
offscreen screen is fixed when the application starts); both run side by side.

The first tests show that the checker itself sees each kind of clipping.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("1366x768", "1280x720")
LONG = "Отпечаток хранилища сверяют с партнёрами лично или по телефону"


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return importlib.import_module("layout_check")
    finally:
        sys.path.remove(str(ROOT / "tools"))


def _window(qtbot: QtBot, *widgets: QWidget, width: int = 300, height: int = 200) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def test_a_label_narrower_than_its_text_is_found(qtbot: QtBot, checker: ModuleType) -> None:
    clipped = QLabel(LONG)
    clipped.setMinimumWidth(10)
    window = _window(qtbot, clipped, width=200)
    assert any("needs" in p and "Отпечаток" in p for p in checker.layout_problems(window))
    window.resize(700, 200)
    QApplication.processEvents()
    assert checker.layout_problems(window) == []


def test_a_wrapped_label_lower_than_its_lines_is_found(qtbot: QtBot,
                                                       checker: ModuleType) -> None:
    wrapped = QLabel(" ".join([LONG] * 6))
    wrapped.setWordWrap(True)
    wrapped.setFixedHeight(20)
    window = _window(qtbot, wrapped, width=240)
    assert any("wraps to" in p for p in checker.layout_problems(window))


def test_elided_tabs_and_scroll_arrows_are_found(qtbot: QtBot, checker: ModuleType) -> None:
    tabs = QTabWidget()
    for title in ("Мәліметтер", "Адамдар (2)", "Материалдар (12)", "Сақтау журналы"):
        tabs.addTab(QWidget(), title)
    tabs.setMinimumWidth(10)
    window = _window(qtbot, tabs, width=180)
    problems = checker.layout_problems(window)
    assert any("scroll arrows" in p for p in problems)


def test_a_header_narrower_than_its_title_is_found(qtbot: QtBot, checker: ModuleType) -> None:
    table = QTableWidget(3, 2)
    table.setHorizontalHeaderLabels(["Файл атауы", "Түсірілген уақыты"])
    table.setColumnWidth(1, 30)
    window = _window(qtbot, table, width=400)
    assert any("Түсірілген уақыты" in p for p in checker.layout_problems(window))
    table.resizeColumnToContents(1)
    QApplication.processEvents()
    assert not any("Түсірілген" in p for p in checker.layout_problems(window))


def test_a_tool_bar_hiding_actions_behind_its_chevron_is_found(
        qtbot: QtBot, checker: ModuleType) -> None:
    bar = QToolBar()
    for text in ("Обезличить…", "Уменьшить", "Увеличить", "Повернуть влево"):
        bar.addAction(text)
    window = _window(qtbot, bar, width=120)
    assert any("chevron" in p for p in checker.layout_problems(window))


def test_a_window_wider_than_the_screen_is_found(qtbot: QtBot, checker: ModuleType) -> None:
    window = _window(qtbot, QLabel("x"))
    screen = window.screen().availableGeometry()
    window.resize(screen.width() + 200, 200)
    QApplication.processEvents()
    assert any("screen" in p for p in checker.layout_problems(window))


@pytest.fixture(scope="module")
def screen_checks() -> Iterator[dict[str, subprocess.Popen[str]]]:
    """One run of ``tools/screenshots.py --check`` per screen size, started together."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the tool sets its own screen
    runs = {size: subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "--check", "--screen", size,
         "--languages", "en", "ru", "kk"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for size in SCREENS}
    try:
        yield runs
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.wait()


@pytest.mark.parametrize("size", SCREENS)
def test_every_screen_shows_all_of_its_text_in_every_language(
        screen_checks: dict[str, subprocess.Popen[str]], size: str) -> None:
    out, err = screen_checks[size].communicate(timeout=240)
    assert out.strip(), f"the check printed nothing; its errors:\n{err[-3000:]}"
    problems = json.loads(out)
    assert problems == [], "\n".join(problems)
    assert screen_checks[size].returncode == 0, err[-3000:]
