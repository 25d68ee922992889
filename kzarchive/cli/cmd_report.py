"""Printable reports (PDF): of incidents, and of a checked bundle (verify-bundle --report)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import progress_for
from kzarchive.pdf import LANGUAGES

if TYPE_CHECKING:
    from kzarchive.archive import Archive
    from kzarchive.bundle import BundleReport
    from kzarchive.service.reports import ReportOptions, WrittenReport


def add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="the report's language (default: en)")
    parser.add_argument("--include-names", action="store_true",
                        help="include people's real names in the report (default: pseudonyms)")
    parser.add_argument("--include-gps", action="store_true",
                        help="include the incidents' coordinates and the items' GPS positions")


def options_of(args: argparse.Namespace) -> ReportOptions:
    from kzarchive.service.reports import ReportOptions

    return ReportOptions(language=args.language, include_names=args.include_names,
                         include_gps=args.include_gps)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report", parents=[common],
        help="write a printable report (PDF) of incidents, after checking every item and "
        "the custody log")
    report.add_argument("incidents", metavar="INCIDENT_ID", nargs="+")
    report.add_argument("-o", "--output", metavar="REPORT.pdf", type=Path, required=True)
    add_report_options(report)
    add_json_flag(report)
    report.set_defaults(run=run_report)


def written_json(written: WrittenReport, language: str) -> dict[str, Any]:
    return {"id": written.report_id, "path": str(written.path), "pages": written.pages,
            "sha256": written.anchor_sha256, "language": language}


def print_written(written: WrittenReport) -> None:
    print(f"Report {written.report_id} written to {written.path} ({written.pages} pages)")
    print(f"Hash on every page: {written.anchor_sha256}")


def run_report(args: argparse.Namespace) -> int:
    options = options_of(args)
    with open_vault(args) as archive:
        incidents = [archive.resolve_id("incidents", i) for i in args.incidents]
        progress = progress_for("Checking")
        try:
            model = archive.reports.incident_report(incidents, options, progress=progress)
        finally:
            if progress is not None:
                progress.finish()
        written = archive.reports.write(model, args.output)
    if args.json:
        jsonout.emit({"report": written_json(written, options.language)})
    else:
        print_written(written)
    return 0


def write_bundle_report(archive: Archive, report: BundleReport, args: argparse.Namespace,
                        ) -> WrittenReport:
    """verify-bundle --report: the report of what reading found, held or not."""
    model = archive.reports.bundle_report(report, options_of(args))
    return archive.reports.write(model, args.report)
