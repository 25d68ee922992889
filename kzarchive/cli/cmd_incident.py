"""incident add | list | show."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import human_size
from kzarchive.errors import BadInput
from kzarchive.service.vocabulary import DATE_PRECISIONS, STATUSES, VIOLATIONS

if TYPE_CHECKING:
    from kzarchive.service.models import Incident, IncidentSummary, Item, Person
    from kzarchive.service.receipts import Handoff

# The precision of a date follows from how much of it was written.
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    incident = commands.add_parser("incident", help="record and look up incidents")
    verbs = incident.add_subparsers(dest="verb", metavar="VERB", required=True)

    add = verbs.add_parser("add", parents=[common], help="record a new incident; prints its id")
    add.add_argument("--title", required=True)
    add.add_argument("--occurred", metavar="DATE",
                     help="2022-01-05, 2022-01, 2022, 2022-01-05T14:30, "
                     "or a range 2022-01-05/2022-01-07")
    add.add_argument("--precision", choices=DATE_PRECISIONS,
                     help="how exact the date is (default: as precise as it is written)")
    add.add_argument("--place", default="")
    add.add_argument("--latitude")
    add.add_argument("--longitude")
    add.add_argument("--description", default="")
    add.add_argument("--violation", action="append", default=[], choices=list(VIOLATIONS),
                     metavar="TYPE", help="a violation type (repeatable): "
                     + ", ".join(VIOLATIONS))
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--status", choices=list(STATUSES), default="draft")
    add_json_flag(add)
    add.set_defaults(run=run_add)

    listing = verbs.add_parser("list", parents=[common], help="list or search incidents")
    listing.add_argument("--search", metavar="Q",
                         help="words that must all occur in the incident or its texts")
    listing.add_argument("--violation", choices=list(VIOLATIONS), metavar="TYPE")
    listing.add_argument("--tag")
    listing.add_argument("--status", choices=list(STATUSES))
    listing.add_argument("--from", dest="date_from", metavar="DATE",
                         help="only incidents that end on or after DATE")
    listing.add_argument("--to", dest="date_to", metavar="DATE",
                         help="only incidents that start on or before DATE")
    add_json_flag(listing)
    listing.set_defaults(run=run_list)

    show = verbs.add_parser("show", parents=[common], help="show one incident and its items")
    show.add_argument("id", metavar="ID", help="the incident id, or a unique prefix of it")
    add_json_flag(show)
    show.set_defaults(run=run_show)


def parse_occurred(text: str | None) -> tuple[str | None, str | None, str | None]:
    """(start, end, precision) from a date or a ``start/end`` range."""
    from kzarchive.service.records import check_date

    if text is None or not text.strip():
        return None, None, None
    first, slash, last = text.strip().partition("/")
    start = check_date(first, "the date")
    end = check_date(last, "the end of the range")
    if start is None or (slash and end is None):
        raise BadInput(what=f"'{text}' is not a date or a date range",
                       hint="Write a range as 2022-01-05/2022-01-07.")
    if end is not None and end < start:
        raise BadInput(what=f"the range '{text}' ends before it starts")
    return start, end, _PRECISION_BY_LENGTH.get(len(start), "minute")


def run_add(args: argparse.Namespace) -> int:
    start, end, precision = parse_occurred(args.occurred)
    with open_vault(args) as archive:
        incident_id = archive.add_incident(
            args.title, description=args.description, occurred_start=start, occurred_end=end,
            date_precision=args.precision or precision or "day", place=args.place,
            latitude=args.latitude, longitude=args.longitude, violations=args.violation,
            tags=args.tag, status=args.status)
        record = archive.get_incident(incident_id)
    if args.json:
        jsonout.emit({"incident": jsonout.incident(record)})
    else:
        print(incident_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        found = archive.list_incidents(
            search=args.search, violation=args.violation, status=args.status, tag=args.tag,
            date_from=args.date_from, date_to=args.date_to)
    if args.json:
        jsonout.emit({"incidents": [jsonout.incident_summary(s) for s in found]})
        return 0
    for summary in found:
        print(f"{summary.id}  {_when(summary):<23}  {summary.status:<8}  "
              f"{summary.item_count:>4} items  {summary.title}")
    if not found:
        print("No incidents." if not _filtered(args) else "No incident matches.")
    return 0


def _filtered(args: argparse.Namespace) -> bool:
    return any((args.search, args.violation, args.tag, args.status, args.date_from,
                args.date_to))


def _when(record: Incident | IncidentSummary) -> str:
    if record.occurred_start is None:
        return "(no date)"
    if record.occurred_end and record.occurred_end != record.occurred_start:
        return f"{record.occurred_start}/{record.occurred_end}"
    return record.occurred_start


def run_show(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        record = archive.get_incident(archive.resolve_id("incidents", args.id))
        people = archive.list_people(record.id)
        items = archive.list_items(record.id)
        exports = archive.receipts.exports(record.id)
    if args.json:
        jsonout.emit({"incident": jsonout.incident(record),
                      "people": [jsonout.person(p) for p in people],
                      "items": [jsonout.item(i) for i in items],
                      "exports": [jsonout.handoff(h) for h in exports]})
    else:
        _print_incident(record, people, items)
        _print_exports(exports)
    return 0


def _print_exports(exports: list[Handoff]) -> None:
    """Sent to whom and when, and who confirmed receiving it (receipts)."""
    if not exports:
        return
    print(f"\nSent ({len(exports)}):")
    for handoff in exports:
        print(f"  {handoff.exported_at}  {handoff.bundle_id}")
        for receipt in handoff.receipts:
            who = receipt.partner_name or receipt.partner_fingerprint
            print(f"    received and verified by {who} ({receipt.partner_fingerprint}), "
                  f"signed {receipt.signed_at}")
        for recipient in handoff.unconfirmed:
            print(f"    no receipt yet from {recipient}")


def _print_incident(record: Incident, people: list[Person], items: list[Item]) -> None:
    rows = [
        ("Incident", record.id),
        ("Title", record.title),
        ("Occurred", f"{_when(record)} ({record.date_precision})"),
        ("Place", record.place),
        ("Coordinates", f"{record.latitude}, {record.longitude}"
         if record.latitude is not None and record.longitude is not None else ""),
        ("Status", record.status),
        ("Violations", ", ".join(record.violations)),
        ("Tags", ", ".join(record.tags)),
        ("Created", record.created),
        ("Updated", record.updated),
        ("Recorded by", record.origin),
    ]
    for label, value in rows:
        if value:
            print(f"{label + ':':<13}{value}")
    if record.description:
        print("\nDescription:")
        for line in record.description.splitlines():
            print(f"  {line}")
    if people:
        print(f"\nPeople ({len(people)}):")
        for p in people:
            consent = "consent given" if p.consent_given else "no consent recorded"
            print(f"  {p.id}  {p.role:<11}  {p.pseudonym}  ({consent})")
    print(f"\nItems ({len(items)}):")
    for it in items:
        print(f"  {it.id}  {it.kind:<11}  {human_size(it.size):>10}  {it.sha256}  {it.name}")
