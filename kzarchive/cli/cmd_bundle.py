"""Bundles: export to partners, verify what arrives, import it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kzarchive.cli import cmd_report, jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import progress_for
from kzarchive.errors import ForwardedBundle, MissingFile, UntrustedSigner

if TYPE_CHECKING:
    from cryptography import x509

    from kzarchive.archive import Archive
    from kzarchive.bundle import BundleReport
    from kzarchive.service.reports import WrittenReport
    from kzarchive.util.progress import Progress

T = TypeVar("T")


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[common],
        help="write a signed, encrypted bundle of incidents for verified contacts")
    export.add_argument("incidents", metavar="INCIDENT_ID", nargs="+")
    export.add_argument("--to", metavar="CONTACT", action="append", required=True,
                        help="a verified contact (repeat for several)")
    export.add_argument("-o", "--output", metavar="OUT.kzb", type=Path, required=True)
    export.add_argument("--originals", action="store_true",
                        help="send photos as collected, with all their metadata "
                        "(default: sanitized copies)")
    export.add_argument("--include-real-names", action="store_true",
                        help="include people's real names (default: pseudonyms only)")
    export.add_argument("--include-gps", action="store_true",
                        help="include GPS positions in the items' metadata")
    add_json_flag(export)
    export.set_defaults(run=run_export)

    verify = commands.add_parser(
        "verify-bundle", parents=[common],
        help="check a bundle: signature, every hash, custody; exit 0 only if all holds "
        "and the signer is a verified contact")
    verify.add_argument("bundle", metavar="FILE.kzb", type=Path)
    verify.add_argument("--extract-to", metavar="DIR", type=Path,
                        help="write the verified bag as files, only after everything held")
    _add_tsa_ca(verify)
    verify.add_argument("--report", metavar="REPORT.pdf", type=Path,
                        help="also write a printable report (PDF) of what the checks found, "
                        "whether or not they held")
    cmd_report.add_report_options(verify)
    add_json_flag(verify)
    verify.set_defaults(run=run_verify_bundle)

    imp = commands.add_parser("import", parents=[common],
                              help="verify a bundle, then store what is new in this vault")
    imp.add_argument("bundle", metavar="FILE.kzb", type=Path)
    imp.add_argument("--accept-unverified-signer", action="store_true",
                     help="import even though the signer is not a verified contact")
    imp.add_argument("--accept-forwarded", action="store_true",
                     help="import even though the bundle was made for other recipients "
                     "and passed on to you")
    _add_tsa_ca(imp)
    add_json_flag(imp)
    imp.set_defaults(run=run_import)


def _add_tsa_ca(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tsa-ca", metavar="FILE", type=Path,
                        help="CA certificate(s) (PEM) of time-stamping authorities you trust: "
                        "the bundle's time-stamps are checked against them")


def _tsa_roots(args: argparse.Namespace) -> list[x509.Certificate]:
    if args.tsa_ca is None:
        return []
    from kzarchive.crypto import tsp

    try:
        data = args.tsa_ca.read_bytes()
    except FileNotFoundError:
        raise MissingFile(path=args.tsa_ca) from None
    return tsp.load_ca_file(data)


def run_export(args: argparse.Namespace) -> int:
    from kzarchive.service.exchange import ExportOptions

    options = ExportOptions(originals=args.originals,
                            include_real_names=args.include_real_names,
                            include_gps=args.include_gps)
    with open_vault(args) as archive:
        incidents = [archive.resolve_id("incidents", i) for i in args.incidents]
        progress = progress_for("Exporting")
        try:
            result = archive.export_bundle(incidents, args.to, args.output, options,
                                           progress=progress)
        finally:
            if progress is not None:
                progress.finish()
    if args.json:
        jsonout.emit({"bundle": {
            "id": result.bundle_id, "path": str(result.path), "size": result.size,
            "tag_manifest_sha256": result.tag_manifest_sha256, "recipients": result.recipients,
            "items": [{"id": e.item_id, "name": e.name, "sent": e.sent, "sha256": e.sha256,
                       "original_sha256": e.original_sha256} for e in result.items]}})
        return 0
    for entry in result.items:
        print(f"{entry.sent:9}  {entry.item_id}  {entry.sha256}  {entry.name}")
    print(f"Bundle {result.bundle_id} written to {result.path} ({result.size} bytes)")
    print(f"Bundle hash (SHA-256 of its signed tag manifest): {result.tag_manifest_sha256}")
    return 0


def report_json(report: BundleReport) -> dict[str, Any]:
    signer = report.signer
    return {
        "bundle_id": report.bundle_id, "ok": report.ok, "intact": report.intact,
        "tag_manifest_sha256": report.tag_manifest_sha256,
        "signer": None if signer is None else {
            "fingerprint": signer.fingerprint, "minisign_key_id": signer.key_id,
            "verified_contact": signer.trusted},
        "checks": [{"name": c.name, "status": c.status.value, "detail": c.detail}
                   for c in report.checks],
        "files": [{"item_id": f.item_id, "path": f.path, "size": f.size, "sha256": f.sha256,
                   "status": f.status.value, "detail": f.detail} for f in report.files],
        "stopped": report.stopped,
        "forwarded": report.forwarded,
        "stamps": [{"tree_size": s.tree_size, "gen_time": s.gen_time, "authority": s.authority,
                    "chain_status": s.status} for s in report.stamps],
        "trusted_times": [{"incident_id": t.incident_id, "gen_time": t.gen_time,
                           "authority": t.authority, "tree_size": t.tree_size,
                           "chain_status": t.status, "items_covered": t.items_covered,
                           "items_total": t.items_total} for t in report.trusted_times],
    }


def _print_report(report: BundleReport) -> None:
    from kzarchive.bundle import Status

    marks = {Status.OK: "ok       ", Status.FAILED: "FAILED   ", Status.UNTRUSTED: "UNTRUSTED",
             Status.WARNING: "WARNING  "}
    for check in report.checks:
        print(f"{marks[check.status]}  {check.name}: {check.detail}")
    for result in report.files:
        print(f"{marks[result.status]}  {result.path}: {result.detail}")
    if report.stopped:
        print(f"STOPPED    {report.stopped}")


def _show(report: BundleReport | None, as_json: bool) -> None:
    if report is None:
        return
    if as_json:
        jsonout.emit({"report": report_json(report)})
    else:
        _print_report(report)


def _reading(label: str, as_json: bool, read: Callable[[Progress | None], T]) -> T:
    """Runs a bundle reading with a progress line; on failure shows what held and what not."""
    from kzarchive.bundle import BundleError, BundleReport

    progress = progress_for(label)
    try:
        return read(progress)
    except (BundleError, UntrustedSigner, ForwardedBundle) as exc:
        if progress is not None:
            progress.finish()
            progress = None
        _show(exc.report if isinstance(exc.report, BundleReport) else None, as_json)
        raise
    finally:
        if progress is not None:
            progress.finish()


def sender_text(archive: Archive, fingerprint: str) -> str:
    """The sender as people know them: the contact's name, then the fingerprint to compare."""
    if not fingerprint:
        return "an unknown sender"
    name = next((c.name for c in archive.list_contacts() if c.fingerprint == fingerprint), None)
    return f"{name} (fingerprint {fingerprint})" if name else f"fingerprint {fingerprint}"


def run_verify_bundle(args: argparse.Namespace) -> int:
    from kzarchive.bundle import BundleError, BundleReport

    roots = _tsa_roots(args)
    with open_vault(args) as archive:
        try:
            report = _reading("Verifying", args.json, lambda progress: archive.verify_bundle(
                args.bundle, args.extract_to, progress=progress, tsa_roots=roots))
        except (BundleError, UntrustedSigner, ForwardedBundle) as exc:
            # A report of a failed check is what a lawyer files too.
            if args.report is not None and isinstance(exc.report, BundleReport):
                failed = cmd_report.write_bundle_report(archive, exc.report, args)
                if not args.json:
                    cmd_report.print_written(failed)
            raise
        written: WrittenReport | None = None
        if args.report is not None:
            written = cmd_report.write_bundle_report(archive, report, args)
        sender = sender_text(archive, (report.signer.fingerprint if report.signer else "") or "")
    _show(report, args.json)
    if written is not None and not args.json:
        cmd_report.print_written(written)
    if not args.json:
        print("Everything holds, and the signer is a verified contact.")
        print(f"Sender: {sender}")
        if args.extract_to:
            print(f"The verified bag was written to {args.extract_to / str(report.bundle_id)}")
        if report.forwarded:
            print("Warning: the bundle was made for other recipients and passed on to you "
                  "(forwarded); importing it needs --accept-forwarded.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    roots = _tsa_roots(args)
    with open_vault(args) as archive:
        result = _reading("Importing", args.json, lambda progress: archive.import_bundle(
            args.bundle, progress=progress,
            accept_untrusted_signer=args.accept_unverified_signer,
            accept_forwarded=args.accept_forwarded, tsa_roots=roots))
        sender = sender_text(archive, result.sender)
    if args.json:
        jsonout.emit({"import": {
            "bundle_id": result.bundle_id, "sender": result.sender,
            "already_imported": result.already_imported,
            "incidents_added": result.incidents_added, "items_added": result.items_added}})
        return 0
    if result.already_imported:
        print(f"Bundle {result.bundle_id} was imported before; nothing changed.")
    else:
        print(f"Imported bundle {result.bundle_id} from {sender}: "
              f"{len(result.incidents_added)} incident(s), {len(result.items_added)} item(s).")
    if sys.stderr.isatty() and result.report and not result.report.ok:
        print("Warning: the signer is not a verified contact.", file=sys.stderr)
    return 0
