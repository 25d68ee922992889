"""Progress reporting and cancellation for long operations.

Plain callables, so the core stays free of any GUI toolkit: the GUI's workers turn
these into Qt signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kzarchive.errors import Cancelled

# (done, total); total is 0 when it is not known.
Progress = Callable[[int, int], None]


class CancelToken:
    """Set from any thread; checked by the operation between pieces of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
