"""Screenshots of the "Record testimony" window: recording, and with no microphone.

Called by ``tools/screenshots.py`` with the demo vault open in the main window. The
screenshot machine has no audio device, so the recording is fed by a tone source
under a typical device name; it is discarded after the shot, so later screenshots
see the demo vault as built.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Save = Callable[[object, Path, str], None]
Wait = Callable[..., None]
DEVICES = ("Built-in Audio Analog Stereo", "USB Audio Device Mono")


class ToneInput:
    """A CaptureSource of a speaking-like tone: a quarter second per read."""

    def __init__(self) -> None:
        from kzarchive.service.recording import AudioFormat

        self.format = AudioFormat(48_000, 1, 2)
        self._position = 0
        self._running = False

    def start(self) -> None:
        self._running = True

    def read(self) -> bytes:
        import numpy as np

        if not self._running:
            return b""
        frames = self.format.sample_rate // 4
        t = (self._position + np.arange(frames)) / self.format.sample_rate
        self._position += frames
        envelope = 0.35 + 0.3 * np.sin(2 * np.pi * 0.7 * t) ** 2
        tone = envelope * np.sin(2 * np.pi * 220.0 * t) * 32767
        return tone.astype("<i2").tobytes()

    def suspend(self) -> None:
        self._running = False

    def resume(self) -> None:
        self._running = True

    def stop(self) -> None:
        self._running = False


def shoot_recorder(controller: Any, window: Any, out: Path, prefix: str,
                   save: Save, wait: Wait) -> None:
    from kzarchive.gui.audio_capture import InputChoice

    detail = window.detail
    detail.tabs.setCurrentIndex(detail.ITEMS_TAB)
    evidence = detail.evidence

    evidence.record_testimony([])
    empty = evidence.record_dialog
    save(empty, out, prefix + "recorder-no-microphone")
    empty.reject()

    evidence.record_testimony([InputChoice(name, ToneInput) for name in DEVICES])
    dialog = evidence.record_dialog
    dialog.witness_box.setCurrentIndex(min(1, dialog.witness_box.count() - 1))
    if not dialog.witness_box.currentText():
        dialog.witness_box.setEditText("Свидетель Д-4")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ru"))
    dialog.record_button.click()
    wait(lambda: dialog.job is not None and dialog.job.fed >= 12 * 96_000)
    wait(lambda: dialog.level_meter.value() > 30)
    save(dialog, out, prefix + "recorder")
    # Not stored: the demo vault stays as built for the screenshots after this one.
    job = dialog.job
    job.recording.discard()
    dialog.stop_button.click()
    wait(lambda: dialog.state == "idle")
    dialog.reject()
