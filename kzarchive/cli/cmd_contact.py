"""Contacts: export my card, add partners, verify them by fingerprint, list them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.errors import BadInput, Cancelled

if TYPE_CHECKING:
    from kzarchive.service.models import Contact


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    contact = commands.add_parser("contact", help="partners: cards, fingerprints, trust")
    verbs = contact.add_subparsers(dest="verb", metavar="VERB", required=True)

    card = verbs.add_parser("export-card", parents=[common],
                            help="write my contact card (public keys only) to OUT")
    card.add_argument("out", metavar="OUT", type=Path)
    card.set_defaults(run=run_export_card)

    add = verbs.add_parser(
        "add", parents=[common],
        help="add a partner from their contact card, or from a standard age recipient")
    add.add_argument("card", metavar="CARD", nargs="?", type=Path,
                     help="a kzarchive contact card file")
    add.add_argument("--name", help="the name to show (default: the card's)")
    add.add_argument("--age-recipient", metavar="age1...",
                     help="a partner with only the standard tools (age-keygen)")
    add.add_argument("--minisign-key", metavar="KEY",
                     help="their minisign public key, for bundles they send back")
    add_json_flag(add)
    add.set_defaults(run=run_add)

    verify = verbs.add_parser(
        "verify", parents=[common],
        help="compare a contact's fingerprint out of band, then mark it verified")
    verify.add_argument("contact", metavar="NAME_OR_ID")
    verify.add_argument("--yes", action="store_true",
                        help="confirm without asking (scripts: only after comparing!)")
    add_json_flag(verify)
    verify.set_defaults(run=run_verify)

    listing = verbs.add_parser("list", parents=[common], help="list contacts")
    add_json_flag(listing)
    listing.set_defaults(run=run_list)

    rename = verbs.add_parser("rename", parents=[common], help="rename a contact")
    rename.add_argument("contact", metavar="NAME_OR_ID")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.set_defaults(run=run_rename)

    remove = verbs.add_parser("remove", parents=[common], help="remove a contact")
    remove.add_argument("contact", metavar="NAME_OR_ID")
    remove.set_defaults(run=run_remove)


def contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id, "name": contact.name, "kind": contact.kind,
        "age_recipient": contact.age_recipient,
        "minisign_public_key": contact.minisign_public_key,
        "fingerprint": contact.fingerprint, "verified": contact.verified,
        "verified_at": contact.verified_at,
    }


def _show(contact: Contact, as_json: bool) -> None:
    if as_json:
        jsonout.emit({"contact": contact_json(contact)})
        return
    state = "verified" if contact.verified else "NOT verified"
    print(f"{contact.id}  {contact.name}  ({state})")
    if contact.fingerprint:
        print(f"  fingerprint:   {contact.fingerprint}")
    print(f"  age recipient: {contact.age_recipient}")


def run_export_card(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        out = archive.export_card(args.out)
        print(f"Contact card written to {out}")
        print(f"Fingerprint: {archive.fingerprint}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    if (args.card is None) == (args.age_recipient is None):
        raise BadInput(what="give either a contact card file or --age-recipient")
    with open_vault(args) as archive:
        if args.card is not None:
            contact = archive.add_contact_card(args.card, args.name)
        else:
            if not args.name:
                raise BadInput(what="--name is required with --age-recipient")
            contact = archive.add_contact_age(args.name, args.age_recipient, args.minisign_key)
    _show(contact, args.json)
    if not args.json:
        print("Compare the fingerprint with them in person or by phone, then run "
              "'kzarchive contact verify'.")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        contact = archive.get_contact(args.contact)
        if not args.yes:
            if not sys.stdin.isatty():
                raise BadInput(what="verification needs a confirmation",
                               hint="Run it on a terminal, or add --yes after comparing.")
            print(f"Your fingerprint:         {archive.fingerprint}")
            print(f"{contact.name}'s fingerprint: {contact.fingerprint or contact.age_recipient}")
            answer = input("Do they read exactly the same on their screen? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise Cancelled("Not verified. Nothing was changed.")
        contact = archive.verify_contact(contact.id)
    _show(contact, args.json)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        contacts = archive.list_contacts()
    if args.json:
        jsonout.emit({"contacts": [contact_json(c) for c in contacts]})
        return 0
    for contact in contacts:
        _show(contact, False)
    if not contacts:
        print("No contacts yet. Add one with 'kzarchive contact add CARD'.")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        _show(archive.rename_contact(args.contact, args.new_name), False)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        archive.remove_contact(args.contact)
    print("Contact removed.")
    return 0
