"""A busy line: what is happening, a progress bar, and a cancel button when it can stop."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kzarchive.gui.workers import Task


class BusyIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(180)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._task: Task | None = None
        self.hide()

    def start(self, text: str, task: Task | None = None, cancellable: bool = False) -> None:
        """Show ``text`` with a running bar; follow ``task``'s progress if given."""
        self._task = task
        self.text.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(cancellable and task is not None)
        self.cancel_button.setEnabled(True)
        if task is not None:
            task.signals.progress.connect(self.set_progress)
            task.signals.finished.connect(self._finished)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def stop(self) -> None:
        self._task = None
        self.hide()

    def _finished(self, task: Task) -> None:
        if task is self._task:
            self.stop()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Stopping…"))
