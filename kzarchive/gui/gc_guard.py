"""Garbage collection only on the interface thread.

Python's collector runs in whichever thread happens to allocate. When a worker
(a search, an attach) triggers it, it may destroy Qt objects of windows that were
closed earlier (after a lock, say) from that worker thread, and Qt then crashes.
So automatic collection is switched off and the interface thread collects, on a
timer, whenever the usual thresholds are passed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class InterfaceThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(INTERVAL_MS)

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return
