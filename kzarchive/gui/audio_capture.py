"""From a microphone into the core recorder: QAudioSource read on the interface thread,
written to the vault by a task on the vault's runner.

The interface thread only moves bytes: every few tens of milliseconds it takes what
the device captured (``CaptureSource.read``) and queues it.  ``RecordingJob`` runs on
``vault_tasks``, so that locking the vault (by hand or when idle) cancels it, and a
cancelled recording is stored, never dropped, before the keys go.  Tests and
screenshots give the dialog a ``CaptureSource`` of their own; nothing here needs a
real device to be imported or to fail cleanly.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kzarchive.errors import NoAudioInput, RecordingTooLong
from kzarchive.service.models import Item
from kzarchive.service.recording import AudioFormat, Recording
from kzarchive.util.progress import CancelToken, Progress

# What the device may hold before it is read: far more than one tick of the timer.
DEVICE_BUFFER_SECONDS = 2
# What the queue to the writing task may hold: about a minute of 48 kHz stereo in ticks.
QUEUE_DEPTH = 1_200


class CaptureSource(Protocol):
    """A started input gives PCM in ``format`` as it arrives."""

    format: AudioFormat

    def start(self) -> None:
        """Begins capturing.  Raises NoAudioInput when the device refuses."""
        ...

    def read(self) -> bytes:
        """Everything captured since the last read (often nothing)."""
        ...

    def suspend(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class InputChoice:
    """One microphone the person can choose: its name and how to open it."""

    name: str
    open: Callable[[], CaptureSource]


def microphones() -> list[InputChoice]:
    """The system's audio inputs, the default one first (none on most test machines)."""
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultAudioInput()
    devices = sorted(QMediaDevices.audioInputs(), key=lambda d: d.id() != default.id())
    return [InputChoice(device.description(), _opener(device)) for device in devices]


def _opener(device: object) -> Callable[[], CaptureSource]:
    def open_device() -> CaptureSource:
        return QtMicrophone(device)

    return open_device


class QtMicrophone:
    """``QAudioSource`` in pull mode: 16-bit integer samples, converted when the device
    only gives floats."""

    def __init__(self, device: object) -> None:
        from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource

        from kzarchive.gui.qt_threads import settle_notify_overrides

        assert isinstance(device, QAudioDevice)
        wanted = QAudioFormat()
        preferred = device.preferredFormat()
        wanted.setSampleRate(preferred.sampleRate() or 48_000)
        wanted.setChannelCount(min(max(preferred.channelCount(), 1), 2))
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(wanted):
            wanted = preferred
        self._float = wanted.sampleFormat() == QAudioFormat.SampleFormat.Float
        width = {QAudioFormat.SampleFormat.UInt8: 1, QAudioFormat.SampleFormat.Int16: 2,
                 QAudioFormat.SampleFormat.Int32: 4,
                 QAudioFormat.SampleFormat.Float: 2}.get(wanted.sampleFormat())
        if width is None or wanted.sampleRate() <= 0 or wanted.channelCount() <= 0:
            raise NoAudioInput(what="the microphone offers no sample format this app records")
        self.format = AudioFormat(wanted.sampleRate(), wanted.channelCount(), width)
        self._source = QAudioSource(device, wanted)
        settle_notify_overrides(self._source)
        self._source.setBufferSize(DEVICE_BUFFER_SECONDS * wanted.bytesForDuration(1_000_000))
        self._io: object = None

    def start(self) -> None:
        from PySide6.QtMultimedia import QtAudio

        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            raise NoAudioInput(what="the microphone could not be opened")

    def read(self) -> bytes:
        from PySide6.QtCore import QIODevice

        if not isinstance(self._io, QIODevice):
            return b""
        data = bytes(self._io.readAll().data())
        if self._float and data:
            import numpy as np

            samples = np.frombuffer(data[: len(data) - len(data) % 4], dtype="<f4")
            data = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        return data

    def suspend(self) -> None:
        self._source.suspend()

    def resume(self) -> None:
        self._source.resume()

    def stop(self) -> None:
        self._source.stop()
        self._io = None


@dataclass(frozen=True)
class RecordingOutcome:
    item: Item
    too_long: bool


class RecordingJob:
    """Writes queued PCM into ``recording`` until ``finish()`` or a cancel; then stores it.

    The callable is the job of a ``workers.Task``; ``feed`` is called on the interface
    thread.
    """

    def __init__(self, recording: Recording) -> None:
        self.recording = recording
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_DEPTH)
        self.fed = 0
        # Set by the task when it has stored the recording (or failed): nothing more is read.
        self.done = threading.Event()

    def feed(self, pcm: bytes) -> None:
        if pcm and not self.done.is_set():
            self.fed += len(pcm)
            self._queue.put(pcm)

    def finish(self) -> None:
        self._queue.put(None)

    def __call__(self, progress: Progress, cancel: CancelToken) -> RecordingOutcome:
        try:
            return self._record(cancel)
        finally:
            self.done.set()

    def _record(self, cancel: CancelToken) -> RecordingOutcome:
        too_long = False
        while (pcm := self._next(cancel)) is not None:
            if too_long:
                continue
            try:
                self.recording.write(pcm)
            except RecordingTooLong:
                too_long = True
        return RecordingOutcome(self.recording.stop(), too_long)

    def _next(self, cancel: CancelToken) -> bytes | None:
        """The next piece; None at the end, or once cancelled and all queued is taken
        (the vault is being locked: what was recorded is kept)."""
        while True:
            try:
                return self._queue.get(timeout=0.05)
            except queue.Empty:
                if cancel.cancelled:
                    return None
