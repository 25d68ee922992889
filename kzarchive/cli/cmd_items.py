"""Evidence in and out: attach, testimony add, extract."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault
from kzarchive.cli.terminal import batch_progress_for, note, progress_for
from kzarchive.errors import AlreadyInIncident, BadInput, MissingFile
from kzarchive.service.vocabulary import ITEM_KINDS

if TYPE_CHECKING:
    from kzarchive.service.intake import IntakeFile, IntakeResult
    from kzarchive.service.models import Item

# Testimony is typed by people, not generated: anything this large is a wrong file.
_MAX_TEXT_BYTES = 64 * 1024 * 1024


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    attach = commands.add_parser(
        "attach", parents=[common],
        help="store files as evidence of an incident; prints item id and SHA-256 per file")
    attach.add_argument("id", metavar="ID", help="the incident id, or a unique prefix of it")
    attach.add_argument("files", metavar="FILE", nargs="+", type=Path)
    attach.add_argument("--kind", choices=list(ITEM_KINDS),
                        help="what the files are (default: recognised from their content)")
    attach.add_argument("--note", default="", help="a note kept with each file")
    attach.add_argument("--source", default="", help="where the files came from")
    attach.add_argument("--language", default="")
    attach.add_argument("--allow-duplicate", action="store_true",
                        help="add files even when the incident already holds their exact bytes")
    add_json_flag(attach)
    attach.set_defaults(run=run_attach)

    testimony = commands.add_parser("testimony", help="record testimony")
    verbs = testimony.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", parents=[common], help="add a testimony text to an incident")
    add.add_argument("id", metavar="ID", help="the incident id, or a unique prefix of it")
    text = add.add_mutually_exclusive_group(required=True)
    text.add_argument("--text-file", metavar="F",
                      help="a UTF-8 text file ('-' reads standard input)")
    text.add_argument("--text", metavar="T",
                      help="the text itself (it stays in the shell history: prefer --text-file)")
    add.add_argument("--witness", metavar="PSEUDONYM",
                     help="the witness's pseudonym (never a real name)")
    add.add_argument("--language", metavar="L", default="", help="e.g. ru, kk, en")
    add.add_argument("--note", default="")
    add.add_argument("--kind", choices=["testimony", "source-text"], default="testimony")
    add_json_flag(add)
    add.set_defaults(run=run_testimony_add)

    extract = commands.add_parser(
        "extract", parents=[common],
        help="write an item's original content, unencrypted, to OUT (a file or a folder)")
    extract.add_argument("item_id", metavar="ITEM_ID", help="the item id, or a unique prefix")
    extract.add_argument("out", metavar="OUT", type=Path)
    extract.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_json_flag(extract)
    extract.set_defaults(run=run_extract)


# -- attach -----------------------------------------------------------------------------


def _check_readable(files: list[Path]) -> None:
    """Every file is checked before the first is stored: all or a clear error up front."""
    for path in files:
        if not path.exists():
            raise MissingFile(path=path)
        if path.is_dir():
            raise BadInput(what=f"{path} is a folder", hint="Attach the files inside it.")
        if not path.is_file():
            raise BadInput(what=f"{path} is not a regular file")


def run_attach(args: argparse.Namespace) -> int:
    files: list[Path] = args.files
    _check_readable(files)
    stored: list[Item] = []
    with open_vault(args) as archive:
        incident_id = archive.resolve_id("incidents", args.id)
        progress = batch_progress_for(len(files))

        def landed(entries: list[IntakeFile]) -> None:
            stored.extend(entry.item for entry in entries if entry.item is not None)
            if args.json:
                return
            if progress is not None:
                progress.finish()  # the item lines are not drawn over
            for entry in entries:
                if entry.item is not None:
                    print(f"{entry.item.id}  {entry.item.sha256}  {entry.path}", flush=True)

        try:
            result = archive.attach_files(
                incident_id, files, kind=args.kind, note=args.note, source=args.source,
                language=args.language, allow_duplicate=args.allow_duplicate,
                progress=progress.overall if progress is not None else None,
                file_progress=progress.file if progress is not None else None,
                on_landed=landed, stop_at_failure=True)
        finally:
            if progress is not None:
                progress.finish()
        _tell(result)
        output = {"items": [jsonout.item(i) for i in stored],
                  "skipped": [{"file": str(entry.path), "duplicate_of": entry.duplicate_of}
                              for entry in result.skipped],
                  "linked": [{"file": str(entry.path), "item_id": entry.item.id,
                              "held_by": [{"incident_id": holder.incident_id,
                                           "item_id": holder.item_id}
                                          for holder in entry.linked_to]}
                             for entry in result.linked if entry.item is not None]}
        error = result.stopped_by or (result.failed[0].error if result.failed else None)
        if error is None and result.skipped:
            error = AlreadyInIncident(count=len(result.skipped))
        if error is not None:
            # Scripts learn which files were stored before the error.
            if args.json and (stored or result.skipped):
                jsonout.emit(output)
            raise error
    if args.json:
        jsonout.emit(output)
    return 0


def _tell(result: IntakeResult) -> None:
    """What a person must know about files that were not simply added."""
    for entry in result.skipped:
        print(f"{entry.path}: already in this incident as item {entry.duplicate_of}; "
              "not added again", file=sys.stderr)
    for entry in result.linked:
        held = ", ".join(f"item {holder.item_id} of incident {holder.incident_id}"
                         for holder in entry.linked_to[:3])
        more = f" and {len(entry.linked_to) - 3} more" if len(entry.linked_to) > 3 else ""
        print(f"{entry.path}: the same content is already held as {held}{more}; "
              "stored once, both items point to it", file=sys.stderr)


# -- testimony --------------------------------------------------------------------------


def _read_text(source: str) -> str:
    if source == "-":
        raw = sys.stdin.buffer.read(_MAX_TEXT_BYTES + 1)
    else:
        try:
            with open(source, "rb") as handle:
                raw = handle.read(_MAX_TEXT_BYTES + 1)
        except FileNotFoundError:
            raise MissingFile(path=source) from None
        except IsADirectoryError:
            raise BadInput(what=f"{source} is a folder") from None
        except OSError as exc:
            raise BadInput(what=f"cannot read {source}: {exc.strerror}") from None
    if len(raw) > _MAX_TEXT_BYTES:
        raise BadInput(what="the text is larger than 64 MiB",
                       hint="Attach large files with 'attach' instead.")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise BadInput(what=f"{source} is not UTF-8 text",
                       hint="Save it as UTF-8, or attach it as a file with 'attach'.") from None


def run_testimony_add(args: argparse.Namespace) -> int:
    if args.text_file is not None:
        text = _read_text(args.text_file)
        name = None if args.text_file == "-" else Path(args.text_file).name
    else:
        text, name = args.text, None
    with open_vault(args) as archive:
        incident_id = archive.resolve_id("incidents", args.id)
        item = archive.add_text(incident_id, text, kind=args.kind, witness=args.witness,
                                language=args.language, note=args.note, name=name)
    if args.json:
        jsonout.emit({"item": jsonout.item(item)})
    else:
        print(item.id)
    return 0


# -- extract ----------------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        item = archive.get_item(archive.resolve_id("items", args.item_id))
        progress = progress_for("Extracting")
        try:
            written = archive.extract_item(item.id, args.out, progress=progress,
                                           overwrite=args.force)
        finally:
            if progress is not None:
                progress.finish()
    note("The extracted copy is not encrypted; delete it when it is no longer needed.")
    if args.json:
        jsonout.emit({"item": jsonout.item(item), "path": str(written)})
    else:
        print(f"{written}  {item.sha256}")
    return 0
