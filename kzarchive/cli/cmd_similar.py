"""similar: the items of the whole vault that show the same picture as one item."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import note
from kzarchive.media.perceptual import DEFAULT_THRESHOLD, HASH_BITS

if TYPE_CHECKING:
    from kzarchive.archive import Archive
    from kzarchive.service.similar import SimilarItem, SimilarResult


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    similar = commands.add_parser(
        "similar", parents=[common],
        help="list the items of the whole vault that show the same picture as ITEM_ID "
        "(exact copies first, then resized, recompressed, cropped or screenshotted ones)")
    similar.add_argument("item_id", metavar="ITEM_ID", help="the item id, or a unique prefix")
    similar.add_argument(
        "--threshold", type=int, default=DEFAULT_THRESHOLD, metavar="N",
        help=f"the largest distance, in bits of {HASH_BITS}, that counts as the same picture "
        f"(default {DEFAULT_THRESHOLD}; higher finds more and risks other pictures)")
    add_json_flag(similar)
    similar.set_defaults(run=run_similar)


def run_similar(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        item_id = archive.resolve_id("items", args.item_id)
        note("Looking for copies (the first time, photos stored earlier are fingerprinted)…")
        result = archive.similar.find(item_id, args.threshold)
        names = _contact_names(archive)
    if args.json:
        jsonout.emit(_json(result))
        return 0
    if not result.fingerprinted:
        note("This item is not a picture kzarchive can decode: only exact copies "
             "(the same SHA-256) were looked for.")
    if not result.matches:
        print(f"No other item shows the same picture as {result.item.id} ({result.item.name}).")
        return 0
    print(f"Items showing the same picture as {result.item.id} ({result.item.name}); "
          "each stays its own item, with its own custody:")
    for match in result.matches:
        print(_line(match, names))
    return 0


def _line(match: SimilarItem, names: dict[str, str]) -> str:
    how = "exact copy" if match.exact else f"distance {match.distance:>3}"
    origin = "collected here"
    if match.received:
        origin = f"received, collected by {names.get(match.item.collector, match.item.collector)}"
    return (f"{how:<12}  {match.item.id}  {match.item.name}  "
            f"incident: {match.incident_title}  ({origin})")


def _contact_names(archive: Archive) -> dict[str, str]:
    return {c.fingerprint: c.name for c in archive.list_contacts() if c.fingerprint}


def _json(result: SimilarResult) -> dict[str, Any]:
    return {
        "item": jsonout.item(result.item),
        "threshold": result.threshold,
        "fingerprinted": result.fingerprinted,
        "matches": [{
            "item": jsonout.item(match.item), "distance": match.distance,
            "exact": match.exact, "incident_id": match.item.incident_id,
            "incident_title": match.incident_title, "origin": match.item.collector,
            "received": match.received,
        } for match in result.matches],
    }
