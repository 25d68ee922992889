"""A synthetic microphone: a sine tone with a little seeded noise, as 16-bit PCM.

The noise makes every 32-byte run of the samples distinct, so the plaintext scan
can look for any run of them on disk.
"""

from __future__ import annotations

import numpy as np

from kzarchive.service.recording import AudioFormat

FORMAT = AudioFormat(sample_rate=16_000, channels=1, sample_width=2)


class SineSource:
    """``read(frames)`` gives the next samples of a 440 Hz tone at about half scale."""

    def __init__(self, fmt: AudioFormat = FORMAT, seed: int = 7, amplitude: float = 0.5):
        if fmt.sample_width != 2:
            raise ValueError("the synthetic source makes 16-bit samples")
        self.format = fmt
        self._rng = np.random.default_rng(seed)
        self._position = 0
        self._amplitude = amplitude

    def read(self, frames: int) -> bytes:
        t = (self._position + np.arange(frames)) / self.format.sample_rate
        self._position += frames
        tone = self._amplitude * 32767 * np.sin(2 * np.pi * 440.0 * t)
        noise = self._rng.integers(-300, 300, size=frames)
        mono = np.clip(tone + noise, -32768, 32767).astype("<i2")
        return np.repeat(mono, self.format.channels).tobytes()

    def seconds(self, seconds: float) -> bytes:
        return self.read(int(seconds * self.format.sample_rate))
