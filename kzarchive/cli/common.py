"""What every command shares: which vault, and unlocking it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kzarchive.cli.passphrases import PROMPT_ATTEMPTS, SecretSource, passphrase_source
from kzarchive.errors import NotAVault, WrongPassphrase

if TYPE_CHECKING:
    # Imported by the functions that open a vault: every command module imports this
    # one, and parsing a command line must not load the service API.
    from kzarchive.archive import Archive

ENV_VAULT = "KZARCHIVE_VAULT"

Command = Callable[[argparse.Namespace], int]


def vault_path(args: argparse.Namespace) -> Path:
    from kzarchive.archive import Archive

    given = getattr(args, "vault", None) or os.environ.get(ENV_VAULT)
    return Path(given).expanduser() if given else Archive.default_path()


def unlock(path: Path, source: SecretSource, opener: Callable[[Path, str], Archive],
           prompt: str) -> Archive:
    """Opens with a secret from ``source``; on a terminal a wrong one may be typed again."""
    from kzarchive.archive import Archive

    if not Archive.is_vault(path):
        raise NotAVault(path=path)
    attempts = PROMPT_ATTEMPTS if source.interactive else 1
    for attempt in range(1, attempts + 1):
        secret = source.get(prompt)
        try:
            archive = opener(path, secret)
        except WrongPassphrase as exc:
            if attempt == attempts:
                raise
            print(exc.message, file=sys.stderr)
            continue
        for item_id in archive.recovered_recordings:
            print(f"kzarchive: a recording cut short was recovered as item {item_id}; "
                  "its notes say whether a part at the end was lost.", file=sys.stderr)
        return archive
    raise AssertionError("unreachable")


def open_vault(args: argparse.Namespace) -> Archive:
    from kzarchive.archive import Archive

    path = vault_path(args)
    source = passphrase_source(getattr(args, "passphrase_file", None))
    return unlock(path, source, Archive.open, "Passphrase: ")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print JSON (stable; see README 'JSON output')")
