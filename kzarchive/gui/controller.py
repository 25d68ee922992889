"""Which screen is showing, the open vault, locking and auto-locking.

Only the controller holds the open ``Archive``.  Screens are top-level windows;
the controller replaces one by another.  Locking cancels the vault's background
work, closes every window (so nothing showing evidence survives), drops the
``Archive`` with ``close()`` and shows the unlock screen for the same vault.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kzarchive.archive import Archive
from kzarchive.demo import DEMO_LANGUAGES, demo_vault_path
from kzarchive.gui.config import GuiConfig, save_config
from kzarchive.gui.dialogs.passphrase_dialog import ChangePassphraseDialog
from kzarchive.gui.i18n import effective_language, install_language
from kzarchive.gui.idle import IdleWatcher, LockKeyFilter
from kzarchive.gui.pictures import PictureMaker
from kzarchive.gui.windows.main_window import MainWindow
from kzarchive.gui.windows.unlock import UnlockWindow
from kzarchive.gui.windows.welcome import WelcomeWindow
from kzarchive.gui.workers import TaskRunner

log = logging.getLogger(__name__)

LOCK_KEY = QKeySequence("Ctrl+L")


class AppController(QObject):
    def __init__(self, config: GuiConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config.normalised()
        self.language = install_language(effective_language(self.config.language))
        # Key derivation and other work that needs no open vault.
        self.tasks = TaskRunner(self)
        # Work on the open vault: one at a time, so lock can wait for it and stop it.
        self.vault_tasks = TaskRunner(self, max_threads=1)
        # Thumbnails and fingerprints of the open vault, made when vault_tasks is idle.
        self.pictures: PictureMaker | None = None
        self.archive: Archive | None = None
        self.screen: QWidget | None = None
        self.idle = IdleWatcher(self.lock, self.auto_lock_ms, self)
        self.lock_key = LockKeyFilter(self.lock, LOCK_KEY, self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- settings ---------------------------------------------------------------

    @property
    def auto_lock_ms(self) -> int:
        return self.config.auto_lock_minutes * 60_000

    def set_auto_lock_ms(self, milliseconds: int) -> None:
        """Change the idle time before locking (the settings screen, and tests)."""
        self.idle.set_timeout_ms(milliseconds)

    def set_auto_lock_minutes(self, minutes: int) -> None:
        """Store the idle time before locking, and apply it at once."""
        self.config.auto_lock_minutes = minutes
        self.config = self.config.normalised()
        self.save_settings()
        self.set_auto_lock_ms(self.auto_lock_ms)

    def save_settings(self) -> None:
        try:
            save_config(self.config)
        except OSError:
            log.warning("The settings could not be saved.")

    def _may_leave_main(self) -> bool:
        """Unsaved incident edits are asked about before the main window goes (not on lock)."""
        return not isinstance(self.screen, MainWindow) or self.screen.detail.confirm_leave()

    def set_language(self, language: str) -> None:
        """Switch the interface language and rebuild the current screen in it."""
        if not self._may_leave_main():
            return
        self.config.language = language
        self.save_settings()
        self.language = install_language(effective_language(language))
        if self.archive is not None:
            self.show_main()
        elif isinstance(self.screen, UnlockWindow):
            self.show_unlock(self.screen.vault_path)
        else:
            self.show_welcome()

    # -- screens ----------------------------------------------------------------

    def start(self) -> None:
        last = Path(self.config.last_vault) if self.config.last_vault else None
        if last is not None and Archive.is_vault(last):
            self.show_unlock(last)
        else:
            self.show_welcome()

    def show_welcome(self) -> QWidget:
        return self._replace_screen(WelcomeWindow(self))

    def show_unlock(self, path: Path) -> QWidget:
        return self._replace_screen(UnlockWindow(self, path, is_demo=self.is_demo(path)))

    def show_main(self) -> QWidget:
        if self.archive is None:
            raise RuntimeError("show_main needs an open vault")
        return self._replace_screen(MainWindow(self, self.archive))

    def is_demo(self, path: Path) -> bool:
        return any(path.resolve() == demo_vault_path(language).resolve()
                   for language in DEMO_LANGUAGES)

    def _replace_screen(self, screen: QWidget) -> QWidget:
        # Show the new screen before closing the others, so Qt never sees "last window closed".
        previous = self.screen
        self.screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        for widget in QApplication.topLevelWidgets():
            if widget is not screen and widget.isVisible():
                widget.close()
        if previous is not None and previous is not screen:
            previous.deleteLater()
        return screen

    # -- the vault ---------------------------------------------------------------

    def vault_opened(self, archive: Archive) -> None:
        """A vault was created or unlocked: remember where, show it, start the idle clock."""
        recovered = isinstance(self.screen, UnlockWindow) and self.screen.use_recovery.isChecked()
        if self.archive is not None and self.archive is not archive:
            self._stop_pictures()
            self.archive.close()
        self.archive = archive
        self.config.last_vault = str(archive.path)
        self.save_settings()
        self._stop_pictures()
        self.pictures = PictureMaker(archive, self.vault_tasks, self)
        window = self.show_main()
        self.pictures.kick()
        self.idle.start()
        self.lock_key.enabled = True
        if recovered:
            # Whoever needed the recovery code may have lost the passphrase, or had it seen.
            ChangePassphraseDialog(self, archive, after_recovery=True, parent=window).open()
        if archive.recovered_recordings:
            self._tell_recovered_recordings(archive, window)

    def _tell_recovered_recordings(self, archive: Archive, window: QWidget) -> None:
        """Recordings a crash cut short were stored at this unlock: the person must know."""
        names = ", ".join(archive.get_item(item_id).name
                          for item_id in archive.recovered_recordings)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Recording recovered"),
                          self.tr("A recording was cut short (the app closed or the computer "
                                  "stopped) and has been recovered: {names}. It is in its "
                                  "incident, and its note says whether a part at the end "
                                  "was lost.").format(names=names),
                          QMessageBox.StandardButton.Ok, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def lock(self) -> None:
        """Drop the keys and every window that could show evidence."""
        archive = self.archive
        if archive is None:
            return
        self.idle.stop()
        self.lock_key.enabled = False
        if not self.vault_tasks.cancel_all() or not self._stop_pictures():
            log.warning("Background work on the vault did not stop in time.")
        self.show_unlock(archive.path)
        self.archive = None
        archive.close()
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            clipboard.clear()

    def _stop_pictures(self, wait_ms: int = 10_000) -> bool:
        """Stops the background thumbnails; True if nothing of them still runs."""
        maker, self.pictures = self.pictures, None
        if maker is None:
            return True
        stopped = maker.stop(wait_ms)
        maker.deleteLater()
        return stopped

    def panic_wipe(self) -> None:
        """Destroy the open vault (keys first, then files) and show the welcome screen."""
        archive = self.archive
        if archive is None:
            return
        self.idle.stop()
        self.lock_key.enabled = False
        self.vault_tasks.cancel_all(2_000)
        self._stop_pictures(2_000)
        self.archive = None
        path = archive.path
        failed = False
        try:
            archive.panic_wipe()
        except OSError:
            failed = True
            log.warning("Some files of the wiped vault could not be removed.")
        if self.config.last_vault and Path(self.config.last_vault) == path:
            self.config.last_vault = ""
            self.save_settings()
        welcome = self.show_welcome()
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            clipboard.clear()
        if failed and isinstance(welcome, WelcomeWindow):
            welcome.error.setText(self.tr(
                "The vault's keys were destroyed, but some of its files could not be "
                "removed. Nothing in them can be decrypted; delete the folder by hand."))
            welcome.error.show()

    def close_vault(self) -> None:
        """Lock, then go to the welcome screen to pick another vault."""
        if not self._may_leave_main():
            return
        self.lock()
        self.show_welcome()

    def dispose(self) -> None:
        """Shut down and stop watching input (an app that runs several controllers)."""
        self.shutdown()
        self.idle.dispose()
        self.lock_key.dispose()

    def shutdown(self) -> None:
        self.idle.stop()
        self.lock_key.enabled = False
        self.tasks.cancel_all(2_000)
        self.vault_tasks.cancel_all()
        self._stop_pictures()
        if self.archive is not None:
            archive, self.archive = self.archive, None
            archive.close()
