"""Page 1 of the printable report, as PNGs for docs/screenshots/ (poppler's pdftoppm).

    .venv/bin/python tools/report_screenshots.py [--out docs/screenshots] [--languages en ru kk]

For each language: the demo vault of that language (built in a scratch folder),
the report of its incident with the most items, and the report of a bundle of it
checked by a partner who verified the sender.  Writes ``<language>-report.png``
and ``<language>-report-bundle.png``.  Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")

from kzarchive.archive import Archive  # noqa: E402
from kzarchive.demo import build_demo_vault  # noqa: E402
from kzarchive.service.reports import ReportOptions  # noqa: E402

RESOLUTION = 80  # dots per inch: an A4 page of 661 x 935 pixels


def page_one(pdf: Path, png: Path) -> None:
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                    "-png", str(pdf), str(stem)], check=True)


def shoot(language: str, out: Path, scratch: Path) -> list[Path]:
    options = ReportOptions(language=language)
    demo = build_demo_vault(scratch / f"demo-{language}", language=language)
    partner, _code = Archive.create(scratch / f"partner-{language}", "partner office by the river",
                                    name="Partner desk")
    made = []
    with demo, partner:
        demo.export_card(scratch / f"demo-{language}.card")
        partner.export_card(scratch / f"partner-{language}.card")
        demo.add_contact_card(scratch / f"partner-{language}.card")
        demo.verify_contact("Partner desk")
        partner.add_contact_card(scratch / f"demo-{language}.card")
        sender = partner.list_contacts()[0].name
        partner.verify_contact(sender)
        incident = max(demo.list_incidents(), key=lambda summary: summary.item_count).id
        pdf = scratch / f"{language}-report.pdf"
        demo.reports.write(demo.reports.incident_report([incident], options), pdf)
        made.append(out / f"{language}-report.png")
        page_one(pdf, made[-1])
        bundle = scratch / f"{language}.kzb"
        demo.export_bundle([incident], ["Partner desk"], bundle)
        checked = partner.verify_bundle(bundle)
        pdf = scratch / f"{language}-report-bundle.pdf"
        partner.reports.write(partner.reports.bundle_report(checked, options), pdf)
        made.append(out / f"{language}-report-bundle.png")
        page_one(pdf, made[-1])
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "ru", "kk"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kzarchive-report-shots-") as folder:
        for language in args.languages:
            for path in shoot(language, args.out, Path(folder)):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
