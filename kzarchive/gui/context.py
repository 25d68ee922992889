"""What a window working on the open vault is given: the vault, its task runner, the settings.

Windows, panels and viewers receive this explicitly when they are made; none
looks for it by walking up the widget tree.  Work on the vault must run on the
controller's ``vault_tasks``, so that locking cancels it and waits for it before
the keys are dropped: a window that ran its work on a runner of its own would
keep a vault operation going past the lock.  There is therefore no default; a
window made without a context is a programming error caught by the type checker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from kzarchive.archive import Archive
from kzarchive.gui.config import GuiConfig
from kzarchive.gui.workers import TaskRunner

if TYPE_CHECKING:
    from kzarchive.gui.controller import AppController
    from kzarchive.gui.pictures import PictureMaker


class VaultContext(Protocol):
    """The open vault as the interface around it sees it."""

    @property
    def archive(self) -> Archive:
        """The unlocked vault."""
        ...

    @property
    def vault_tasks(self) -> TaskRunner:
        """The one runner for work on the vault; locking cancels and waits for it."""
        ...

    @property
    def config(self) -> GuiConfig:
        """The app's settings as they are now."""
        ...

    @property
    def pictures(self) -> PictureMaker | None:
        """What makes thumbnails in the background (None: nothing does)."""
        ...


@dataclass(frozen=True)
class FixedVaultContext:
    """A VaultContext of fixed parts: for a vault opened outside the app (tests, tools)."""

    archive: Archive
    vault_tasks: TaskRunner
    config: GuiConfig = field(default_factory=GuiConfig)
    pictures: PictureMaker | None = None


class ControllerVaultContext:
    """The app's open vault: the runner and the settings are always the controller's own."""

    def __init__(self, controller: AppController, archive: Archive) -> None:
        self._controller = controller
        self._archive = archive

    @property
    def archive(self) -> Archive:
        return self._archive

    @property
    def vault_tasks(self) -> TaskRunner:
        return self._controller.vault_tasks

    @property
    def config(self) -> GuiConfig:
        # Read each time: the controller replaces its settings object when they change.
        return self._controller.config

    @property
    def pictures(self) -> PictureMaker | None:
        return self._controller.pictures

    def hold_auto_lock(self, held: bool) -> None:
        """While held (a recording under way), being idle does not lock the vault; the
        lock key and the Lock command still do."""
        if held:
            self._controller.idle.hold()
        else:
            self._controller.idle.release()
