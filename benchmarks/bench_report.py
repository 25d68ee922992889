"""The printable report: a 500-item incident, checked and written as a PDF.

Not part of the test run.  From the repository root:

    .venv/bin/python benchmarks/bench_report.py               # 500 items, en ru kk
    .venv/bin/python benchmarks/bench_report.py --items 2000

What it measures, per language, the median of three runs:

- check: ``Reports.incident_report``: every item read through and compared with its
  SHA-256, the custody log verified, a checkpoint signed and every entry of the
  incident proved to be in it;
- write: ``Reports.write``: the PDF laid out with reportlab (fonts embedded, page
  x of y, a QR code per page), written privately and logged;
- the page count, and the target: the whole report in under 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")

from kzarchive.archive import Archive
from kzarchive.service.reports import ReportOptions

TARGET_SECONDS = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzarchive-bench-report-") as folder:
        root = Path(folder)
        archive, _code = Archive.create(root / "vault", "correct horse battery staple",
                                        name="Bench")
        with archive:
            incident = archive.add_incident("Задержание у акимата: әғқңөұүһі",
                                            place="Алматы", violations=["arbitrary-detention"])
            archive.add_person(incident, "witness", "Свидетель А")
            for number in range(args.items):
                archive.add_text(incident, f"Показание {number}: мен көрдім. " * 20,
                                 name=f"көрсетпе-{number:04}.txt")
            print(f"{args.items} items; median of {args.repeat} runs")
            print("| language | check | write | total | pages | under 10 s |")
            print("| --- | --- | --- | --- | --- | --- |")
            for language in ("en", "ru", "kk"):
                checks, writes, pages = [], [], 0
                for run in range(args.repeat):
                    started = time.perf_counter()
                    model = archive.reports.incident_report(
                        [incident], ReportOptions(language=language))
                    checked = time.perf_counter()
                    written = archive.reports.write(model, root / f"{language}-{run}.pdf")
                    done = time.perf_counter()
                    checks.append(checked - started)
                    writes.append(done - checked)
                    pages = written.pages
                check, write = statistics.median(checks), statistics.median(writes)
                total = check + write
                print(f"| {language} | {check:.2f} s | {write:.2f} s | {total:.2f} s | {pages} "
                      f"| {'yes' if total < TARGET_SECONDS else 'NO'} |")


if __name__ == "__main__":
    main()
