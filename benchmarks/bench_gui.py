"""Desktop app benchmark: start-up to the unlock screen, and the incident list's first
paint with 10,000 incidents.

    .venv/bin/python benchmarks/bench_gui.py [--incidents 10000] [--runs 5]

Start-up is timed as a person sees it: a fresh `kzarchive-gui` process whose last
vault exists, from exec to the first paint of the unlock window (Qt's own paint
log, offscreen). The first paint of the list is timed in-process: from asking the
controller for the main window of an unlocked vault to the first rendering of a
table holding every incident. The vault is built through the service API on /dev/shm
(fsync there costs nothing) so that building it takes seconds, not minutes.
Prints figures; not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase"
WORDS = ("задержание", "журналист", "полиция", "акимат", "митинг", "протест", "свидетель",
         "Алматы", "Жанаозен", "Актобе", "Шымкент", "күзет", "қамауға", "тұтқын")


def build_vault(path: Path, count: int) -> None:
    from kzarchive.archive import Archive
    from kzarchive.vault import database

    archive, _ = Archive.create(path, PASSPHRASE, name="Benchmark")
    random.seed(7)
    with archive, database.transaction(archive.db):
        for number in range(count):
            day = 1 + number % 28
            archive.add_incident(
                f"Incident {number}: {random.choice(WORDS)} {random.choice(WORDS)}",
                description=" ".join(random.choices(WORDS, k=30)),
                occurred_start=f"2022-01-{day:02d}", place=random.choice(WORDS),
                violations=[random.choice(["arbitrary-detention", "torture", "killing"])],
                tags=[random.choice(["January 2022", "Almaty", "press"])])


def time_to_unlock_screen(vault: Path, scratch: Path) -> float:
    config = scratch / "gui.json"
    config.write_text(json.dumps({"last_vault": str(vault)}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KZARCHIVE_GUI_CONFIG": str(config),
           "QT_LOGGING_RULES": "qt.widgets.painting=true", "XDG_CONFIG_HOME": str(scratch)}
    gui = Path(sys.executable).parent / "kzarchive-gui"
    start = time.perf_counter()
    process = subprocess.Popen([str(gui)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "qt.widgets.painting" in line:
                return time.perf_counter() - start
        raise SystemExit("the app exited before painting a window")
    finally:
        process.kill()
        process.wait()


def time_first_paint(vault: Path, runs: int) -> tuple[list[float], int]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from kzarchive.archive import Archive
    from kzarchive.gui.app import create_application
    from kzarchive.gui.config import GuiConfig
    from kzarchive.gui.controller import AppController

    app = create_application([])
    times, shown = [], 0
    for _ in range(runs):
        controller = AppController(GuiConfig())
        archive = Archive.open(vault, PASSPHRASE)
        controller.archive = archive
        start = time.perf_counter()
        window = controller.show_main()
        table = window.table  # type: ignore[attr-defined]
        deadline = time.monotonic() + 60
        while table.model().rowCount() == 0:
            app.processEvents()
            if time.monotonic() > deadline:
                raise SystemExit("the incident list was never filled")
        # Render the visible rows once, as the first paint on a screen does.
        table.viewport().grab()
        times.append(time.perf_counter() - start)
        shown = table.model().rowCount()
        controller.dispose()
        if archive.is_open:
            archive.close()
    QApplication.processEvents()
    return times, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "200")
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=base) as scratch_name:
        scratch = Path(scratch_name)
        vault = scratch / "vault"
        started = time.perf_counter()
        build_vault(vault, args.incidents)
        print(f"Built a vault of {args.incidents} incidents in "
              f"{time.perf_counter() - started:.1f} s")
        starts = [time_to_unlock_screen(vault, scratch) for _ in range(args.runs)]
        paints, shown = time_first_paint(vault, args.runs)
    print(f"start to unlock screen:  median {statistics.median(starts):.2f} s, "
          f"best {min(starts):.2f} s  ({args.runs} runs)")
    print(f"incident list first paint ({shown} rows): median "
          f"{statistics.median(paints) * 1000:.0f} ms, best {min(paints) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
