"""timestamp: trusted time from an RFC 3161 authority, carried by hand (the app stays offline)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.crypto import tsp
from kzarchive.crypto.tsp import CURL_COMMAND

_NOT_CHECKED = "not yet checked against a trusted authority"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    stamp = commands.add_parser(
        "timestamp", parents=[common],
        help="trusted time: a request file for an RFC 3161 authority, and its reply")
    actions = stamp.add_subparsers(dest="timestamp_command", metavar="ACTION", required=True)

    request = actions.add_parser(
        "request", parents=[common],
        help="write a time-stamp request over the current signed checkpoint",
        description="Writes an RFC 3161 request over the current signed checkpoint of the "
        "custody log (a new checkpoint is made if the log grew). On a connected machine:\n  "
        + CURL_COMMAND, formatter_class=argparse.RawDescriptionHelpFormatter)
    request.add_argument("-o", "--output", metavar="stamp.tsq", type=Path, required=True)
    add_json_flag(request)
    request.set_defaults(run=run_request)

    add = actions.add_parser(
        "add", parents=[common],
        help="check the authority's reply against this vault's request and store it")
    add.add_argument("reply", metavar="stamp.tsr", type=Path)
    add.add_argument("--ca", metavar="FILE", type=Path,
                     help="the authority's CA certificate(s), PEM: also check the "
                     "signature and certificate chain")
    add_json_flag(add)
    add.set_defaults(run=run_add)

    check = actions.add_parser(
        "check", parents=[common],
        help="check the stamps kept as not yet checked against an authority's CA")
    check.add_argument("--ca", metavar="FILE", type=Path, required=True,
                       help="the authority's CA certificate(s), PEM")
    check.set_defaults(run=run_check)

    listing = actions.add_parser("list", parents=[common], help="every stamped checkpoint")
    add_json_flag(listing)
    listing.set_defaults(run=run_list)


def run_request(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        made = archive.timestamps.request(args.output)
    if args.json:
        jsonout.emit({"request": {"tree_size": made.tree_size, "root": made.root,
                                  "path": made.path}})
        return 0
    print(f"Wrote {made.path}: a time-stamp request over the checkpoint of "
          f"{made.tree_size} entries.")
    print("On a connected machine, send it to a time-stamping authority of your choice:")
    print(f"  {CURL_COMMAND}")
    print("then bring stamp.tsr back and run: kzarchive timestamp add stamp.tsr")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from kzarchive.service.timestamps import stamp_json

    with open_vault(args) as archive:
        stamp = archive.timestamps.add(args.reply, args.ca)
    if args.json:
        jsonout.emit({"stamp": stamp_json(stamp)})
        return 0
    print(f"Stored: the checkpoint of {stamp.tree_size} entries was stamped at "
          f"{stamp.gen_time} by {stamp.authority}.")
    if stamp.chain_status != tsp.VERIFIED:
        print(f"The authority's signature and certificates are {_NOT_CHECKED} "
              f"(give --ca FILE to check them).")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        verified = archive.timestamps.check(args.ca)
        left = sum(1 for s in archive.timestamps.list() if s.chain_status != tsp.VERIFIED)
    for stamp in verified:
        print(f"Verified: the checkpoint of {stamp.tree_size} entries, stamped at "
              f"{stamp.gen_time} by {stamp.authority}.")
    print(f"{len(verified)} stamp(s) verified; {left} still {_NOT_CHECKED}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from kzarchive.service.timestamps import stamp_json

    with open_vault(args) as archive:
        stamps = archive.timestamps.list()
        pending = archive.timestamps.pending_requests()
    if args.json:
        jsonout.emit({"stamps": [stamp_json(s) for s in stamps], "pending_requests": pending})
        return 0
    if not stamps:
        print("No stamped checkpoints yet (timestamp request, then timestamp add).")
    for stamp in stamps:
        status = "verified" if stamp.chain_status == tsp.VERIFIED else _NOT_CHECKED
        print(f"{stamp.tree_size:>6}  {stamp.root[:16]}  {stamp.gen_time}  "
              f"{stamp.authority}  {status}")
    if pending:
        print(f"{pending} request(s) not yet answered.")
    return 0
