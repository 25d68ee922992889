"""A Qt binding that miscounts references to True or None aborts the app after a
few thousand signals (PySide6 6.12.0 on Python 3.11 did). The app emits signals for
every progress step of every long operation, so this is a crash in the field."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    happened = Signal(object)
    counted = Signal(int, int)


def test_emitting_signals_keeps_reference_counts(qapp: QApplication) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.happened.connect(received.append)
    emitter.counted.connect(lambda done, total: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for step in range(2000):
        emitter.happened.emit(None)
        emitter.counted.emit(step, 2000)
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    # Other threads may hold a few references more or less at any instant; a binding
    # bug loses one per emission, thousands here.
    assert all(abs(b - a) < 50 for b, a in zip(before, after, strict=True)), (before, after)
