"""Garbage is collected on the interface thread's timer, never by a worker."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kzarchive.gui.gc_guard import INTERVAL_MS, InterfaceThreadCollector


class _Node:
    def __init__(self) -> None:
        self.partner: _Node | None = None


def test_cycles_are_collected_by_the_interface_thread_timer(
        qapp: QApplication, qtbot: QtBot) -> None:
    collector = InterfaceThreadCollector(qapp)
    try:
        assert not gc.isenabled()
        first, second = _Node(), _Node()
        first.partner, second.partner = second, first
        watch = weakref.ref(first)
        del first, second
        kept = [_Node() for _ in range(gc.get_threshold()[0] * 2)]  # enough to be due
        assert watch() is not None  # nothing collects while automatic collection is off
        qtbot.waitUntil(lambda: watch() is None, timeout=INTERVAL_MS * 8)
        del kept
    finally:
        collector.timer.stop()
        collector.deleteLater()
        gc.enable()
