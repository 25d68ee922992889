"""Thumbnails and fingerprints made in the background while the vault is open.

Intake stores pictures without decoding them (``archive.pictures``); this makes
what they still lack, a few at a time on a thread of its own, whenever the vault's
own worker is idle: so an attach, an export or an import never waits for it, and
the gallery fills in as soon as each few are made.  Locking stops it (the
controller waits for it before the keys are dropped).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from kzarchive.archive import Archive
from kzarchive.errors import KzError
from kzarchive.gui.workers import TaskRunner

log = logging.getLogger(__name__)

# Pictures per background task: a cancel (at lock) waits for one such group at most.
SLICE = 16


class PictureMaker(QObject):
    """Runs ``archive.pictures.make`` in slices while pictures wait and the vault's
    worker has nothing to do."""

    made = Signal(object)  # list[str]: items that now have their thumbnail and fingerprint

    def __init__(self, archive: Archive, vault_tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._vault_tasks = vault_tasks
        self._runner = TaskRunner(self, max_threads=1)
        self._running = False
        # Asked while a slice ran: that slice may have looked before the new pictures.
        self._again = False
        self._stopped = False
        # Whatever the vault's worker did may have stored pictures.
        vault_tasks.finished.connect(self.kick)

    def kick(self) -> None:
        """Make what waits, now or as soon as the vault's worker is idle."""
        if self._running:
            self._again = True
            return
        if self._stopped or self._vault_tasks.busy:
            return  # asked again when the vault's task ends
        self._running, self._again = True, False
        archive = self._archive
        self._runner.run(lambda progress, cancel: archive.pictures.make(cancel=cancel,
                                                                        limit=SLICE),
                         on_success=self._slice_done, on_failure=self._slice_failed)

    def _slice_done(self, made: list[str]) -> None:
        self._running = False
        if self._stopped:
            return
        if made:
            self.made.emit(made)
        if made or self._again:
            self.kick()

    def _slice_failed(self, exc: KzError) -> None:
        # A full disk or a cancel: tried again at the next kick, never in a loop here.
        self._running = False
        log.warning("Making previews stopped (%s)", type(exc).__name__)

    def stop(self, wait_ms: int = 10_000) -> bool:
        """Stop for good and wait for the slice under way; True if it stopped."""
        self._stopped = True  # its connection goes with it when it is deleted
        return self._runner.cancel_all(wait_ms)
