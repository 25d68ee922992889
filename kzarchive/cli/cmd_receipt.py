"""receipt make | add | list: the partner confirms a bundle, the sender keeps the proof."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import progress_for
from kzarchive.errors import BadInput, MissingFile

if TYPE_CHECKING:
    from kzarchive.service.receipts import ReceiptRecord


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    receipt = commands.add_parser(
        "receipt", help="receipts: confirm a received bundle to its sender, keep the proof")
    verbs = receipt.add_subparsers(dest="verb", metavar="VERB", required=True)

    make = verbs.add_parser(
        "make", parents=[common],
        help="verify a bundle, then write a signed receipt encrypted for its sender")
    make.add_argument("bundle", metavar="FILE.kzb", type=Path)
    make.add_argument("-o", "--output", metavar="RECEIPT.kzr", type=Path, required=True)
    make.add_argument("--timestamp-token", metavar="FILE.tsr", type=Path,
                      help="your own RFC 3161 timestamp reply over the bundle hash, "
                      "carried in the receipt as it is")
    add_json_flag(make)
    make.set_defaults(run=run_make)

    add = verbs.add_parser(
        "add", parents=[common],
        help="check a partner's receipt for a bundle you sent, keep it, log it")
    add.add_argument("receipt", metavar="RECEIPT.kzr", type=Path)
    add_json_flag(add)
    add.set_defaults(run=run_add)

    listing = verbs.add_parser("list", parents=[common], help="the receipts kept")
    add_json_flag(listing)
    listing.set_defaults(run=run_list)


def _token(path: Path | None) -> bytes | None:
    if path is None:
        return None
    from kzarchive.bundle.receipt import MAX_TOKEN

    try:
        with open(path, "rb") as source:
            token = source.read(MAX_TOKEN + 1)
    except FileNotFoundError:
        raise MissingFile(path=path) from None
    except IsADirectoryError:
        raise BadInput(what=f"{path} is a folder, not a timestamp reply") from None
    if not 0 < len(token) <= MAX_TOKEN:
        raise BadInput(what=f"a timestamp reply carried in a receipt is 1 to {MAX_TOKEN:,} "
                       f"bytes; {path} is not")
    return token


def run_make(args: argparse.Namespace) -> int:
    token = _token(args.timestamp_token)
    with open_vault(args) as archive:
        progress = progress_for("Verifying")
        try:
            made = archive.receipts.make(args.bundle, args.output, token, progress=progress)
        finally:
            if progress is not None:
                progress.finish()
    if args.json:
        jsonout.emit({"receipt": {
            "path": str(made.path), "bundle_id": made.bundle_id,
            "sender": made.sender_fingerprint, "sender_name": made.sender_name,
            "result": made.result.to_dict(), "timestamp_token": token is not None}})
        return 0
    result = made.result
    print(f"Bundle {made.bundle_id} verified: {result.files_verified} of {result.files} "
          f"files, {result.checks} checks, {result.warnings} warnings")
    print(f"Receipt for {made.sender_name} ({made.sender_fingerprint}) written to {made.path}")
    print("Send it to them; only their vault can open it.")
    return 0


def run_add(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        added = archive.receipts.add(args.receipt)
    record = added.receipt
    if args.json:
        jsonout.emit({"receipt": jsonout.receipt(record),
                      "already_recorded": added.already_recorded,
                      "incidents": added.incidents})
        return 0
    who = record.partner_name or record.partner_fingerprint
    if added.already_recorded:
        print(f"This receipt from {who} for bundle {record.bundle_id} was already added; "
              "nothing changed.")
        return 0
    print(f"{who} confirmed bundle {record.bundle_id}: {_verdict(record)}, signed "
          f"{record.signed_at}.")
    print(f"Logged as received in {len(added.incidents)} incident(s): "
          f"{', '.join(added.incidents)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        records = archive.receipts.list_receipts()
    if args.json:
        jsonout.emit({"receipts": [jsonout.receipt(r) for r in records]})
        return 0
    if not records:
        print("No receipts yet.")
    for record in records:
        who = record.partner_name or "(removed contact)"
        print(f"{record.bundle_id}  {record.signed_at}  {_verdict(record):<28}  {who}  "
              f"{record.partner_fingerprint}")
    return 0


def _verdict(record: ReceiptRecord) -> str:
    if record.verdict == "verified":
        return f"verified ({record.files_verified}/{record.files} files)"
    return f"verified with {record.warnings} warning(s) ({record.files_verified}/" \
           f"{record.files} files)"
