"""The ``kzarchive`` command: argument parsing, dispatch and the one place errors end.

Every failure a person can see is a ``KzError``: it is printed as
``kzarchive: <message and hint>`` on stderr and the process exits with the error's
code (README, "Exit codes").  Ctrl-C exits with 130; the operations below undo
their partial work on the way out (blobs in flight, database transactions,
partial extracts), so nothing is left half-written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence

from kzarchive import __version__
from kzarchive.cli import (
    cmd_bundle,
    cmd_contact,
    cmd_incident,
    cmd_items,
    cmd_log,
    cmd_receipt,
    cmd_report,
    cmd_similar,
    cmd_timestamp,
    cmd_vault,
)
from kzarchive.cli.common import ENV_VAULT
from kzarchive.cli.passphrases import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, ENV_RECOVERY_CODE
from kzarchive.errors import IntegrityError, KzError, from_os_error

EXIT_UNEXPECTED = 1
EXIT_INTERRUPTED = 130
ENV_DEBUG = "KZARCHIVE_DEBUG"

_EPILOG = f"""\
environment:
  {ENV_VAULT:<25} the vault folder, unless --vault is given
  {ENV_PASSPHRASE:<25} the passphrase, for scripts (also the new vault's, for init);
  {"":<25} on a terminal it is asked for without echo
  {ENV_NEW_PASSPHRASE:<25} the new passphrase, for passwd
  {ENV_RECOVERY_CODE:<25} the recovery code, for passwd --recovery

Ids may be shortened to any unique prefix of at least 4 characters.
"""


def build_parser() -> argparse.ArgumentParser:
    # Accepted before or after the command: `kzarchive --vault D list` and `... list --vault D`.
    common = argparse.ArgumentParser(add_help=False)
    _add_vault_options(common, default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="kzarchive",
        description="A secure, offline evidence archive for human-rights documenters.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kzarchive {__version__}")
    _add_vault_options(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # In the order of the work: set up, record, check, maintain.
    for register in (cmd_vault.register_init, cmd_incident.register, cmd_items.register,
                     cmd_similar.register, cmd_contact.register, cmd_bundle.register,
                     cmd_report.register, cmd_receipt.register, cmd_log.register,
                     cmd_timestamp.register, cmd_vault.register_checks):
        register(commands, common)
    return parser


def _add_vault_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--vault", metavar="DIR", default=default,
                        help=f"the vault folder (default: ${ENV_VAULT}, or the user data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE", default=default,
                        help=f"read the passphrase from the first line of FILE "
                        f"(or set ${ENV_PASSPHRASE})")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (exit code 2)
        return exc.code if isinstance(exc.code, int) else EXIT_UNEXPECTED
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        _fail("interrupted. Nothing was half-written.")
        return EXIT_INTERRUPTED
    except KzError as exc:
        _fail(exc.diagnostics())
        return exc.exit_code
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        full = from_os_error(exc, "no room left on the drive")
        if isinstance(full, KzError):
            _fail(full.diagnostics())
            return full.exit_code
        where = f" ({exc.filename})" if exc.filename else ""
        _fail(f"the system refused: {exc.strerror or exc}{where}")
        return EXIT_UNEXPECTED
    except Exception as exc:
        if _is_database_error(exc):  # a page damaged after the vault opened
            damaged = IntegrityError(what=f"archive.db is damaged or was altered ({exc})")
            _fail(damaged.diagnostics())
            return damaged.exit_code
        # A bug: say so plainly, without evidence in the message.
        if os.environ.get(ENV_DEBUG):
            traceback.print_exc()
        _fail(f"unexpected internal error ({type(exc).__name__}). Please report it; "
              f"set {ENV_DEBUG}=1 to see the details.")
        return EXIT_UNEXPECTED


def _is_database_error(exc: Exception) -> bool:
    # The database driver is loaded only by the commands that open a vault, not to
    # catch its error: where it was never loaded, nothing could have raised that.
    database = sys.modules.get("kzarchive.vault.database")
    return database is not None and isinstance(exc, database.DatabaseError)


def _fail(text: str) -> None:
    with contextlib.suppress(OSError):
        sys.stdout.flush()
    print(f"kzarchive: {text}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
