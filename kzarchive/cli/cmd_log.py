"""log: the custody log, whole or for one incident."""

from __future__ import annotations

import argparse
import json
from typing import Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    log = commands.add_parser("log", parents=[common], help="show the custody log")
    log.add_argument("--incident", metavar="ID",
                     help="only the entries of this incident (id or unique prefix)")
    add_json_flag(log)
    log.set_defaults(run=run_log)


def run_log(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        incident_id = archive.resolve_id("incidents", args.incident) if args.incident else None
        entries = archive.custody_entries(incident_id)
    if args.json:
        jsonout.emit({"entries": [jsonout.custody_entry(e) for e in entries]})
        return 0
    for entry in entries:
        subject = " ".join(filter(None, [
            f"incident {entry.incident_id}" if entry.incident_id else "",
            f"item {entry.item_id}" if entry.item_id else "",
        ]))
        details = json.dumps(entry.details, ensure_ascii=False, sort_keys=True,
                             separators=(",", ":")) if entry.details else ""
        print("  ".join(filter(None, [f"{entry.seq:>6}", entry.ts, f"{entry.action:<18}",
                                      subject, details])))
    return 0
