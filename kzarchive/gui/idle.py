"""Auto-lock and the lock key: application-wide watchers of user input.

One event filter on the whole application sees every keyboard, mouse, wheel and
touch event of every window; each restarts a single-shot timer.  When the timer
runs out, the callback (the controller's lock) is called.

The lock key gets a filter of its own because Qt blocks a window's shortcuts
while a modal dialog covers it, and locking must work from any dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    def __init__(self, on_idle: Callable[[], None], timeout_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_idle = on_idle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._fire)
        self._armed = False
        self._holds = 0
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("IdleWatcher needs a running QApplication")
        app.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Starts watching for a newly opened vault; holds of an earlier one are gone."""
        self._armed = True
        self._holds = 0
        self._timer.start()

    def stop(self) -> None:
        self._armed = False
        self._timer.stop()

    def hold(self) -> None:
        """Work that needs no input (a recording) is under way: idle time does not count."""
        self._holds += 1
        self._timer.stop()

    def release(self) -> None:
        """The end of a ``hold``: the idle time starts again from now."""
        self._holds = max(0, self._holds - 1)
        if self._armed and not self._holds:
            self._timer.start()

    def dispose(self) -> None:
        """Stop watching (the controller is going away)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timer.isActive() and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False

    def _fire(self) -> None:
        self._on_idle()


class LockKeyFilter(QObject):
    """Calls ``on_lock`` when ``sequence`` is pressed in any window, modal or not."""

    def __init__(self, on_lock: Callable[[], None], sequence: QKeySequence,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_lock = on_lock
        self.sequence = sequence
        self.enabled = False
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("LockKeyFilter needs a running QApplication")
        app.installEventFilter(self)

    def dispose(self) -> None:
        self.enabled = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Unblocked, the window's own shortcut takes the key before any KeyPress is sent.
        if (self.enabled and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) == self.sequence):
            self._on_lock()
            return True
        return False
