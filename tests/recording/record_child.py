"""A process that records from the synthetic source, for tests that kill it.

    python -m tests.recording.record_child VAULT INCIDENT SECONDS MODE [WITNESS NOTES]

MODE "keep" writes SECONDS of samples, reporting after each write how many bytes the
recording holds (``written N``), then waits to be killed; "stop" writes them and
stores the item (``stored ID``).  The passphrase is KZARCHIVE_PASSPHRASE.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from kzarchive.archive import Archive
from tests.recording.sine import SineSource

WRITE_FRAMES = 1_600  # a tenth of a second, as a device hands it over


def main(argv: list[str]) -> None:
    vault, incident, seconds, mode = argv[:4]
    witness, notes = (argv[4], argv[5]) if len(argv) > 5 else ("", "")
    source = SineSource()
    with Archive.open(Path(vault), os.environ["KZARCHIVE_PASSPHRASE"]) as archive:
        recording = archive.recordings.start(incident, source.format, witness=witness,
                                             notes=notes, language="ru", sync_interval=0.2)
        print("recording", recording.id, flush=True)
        for _ in range(int(float(seconds) * source.format.sample_rate) // WRITE_FRAMES):
            recording.write(source.read(WRITE_FRAMES))
            print("written", recording.length, flush=True)
        if mode == "stop":
            item = recording.stop()
            print("stored", item.id, flush=True)
            return
        while True:
            time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1:])
