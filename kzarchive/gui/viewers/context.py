"""Where a viewer runs its work on the vault.

Work on the open vault goes through the controller's ``vault_tasks`` so that
locking cancels it and waits for it before the keys are dropped.  A viewer finds
that runner through the window it was opened from; opened on its own (a test, a
script) it runs its work on a runner of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kzarchive.gui.workers import TaskRunner


def vault_runner(widget: QWidget | None) -> TaskRunner | None:
    """The controller's runner for vault work, found through ``widget``'s windows."""
    while widget is not None:
        controller = getattr(widget.window(), "controller", None)
        runner = getattr(controller, "vault_tasks", None)
        if isinstance(runner, TaskRunner):
            return runner
        widget = widget.window().parentWidget()
    return None
