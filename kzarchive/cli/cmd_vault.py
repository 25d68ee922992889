"""Vault-wide commands: init, passwd, identity, verify."""

from __future__ import annotations

import argparse
import contextlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzarchive.cli import jsonout
from kzarchive.cli.common import add_json_flag, open_vault, unlock, vault_path
from kzarchive.cli.passphrases import (
    new_passphrase_source,
    passphrase_source,
    recovery_code_source,
)
from kzarchive.cli.terminal import note, progress_for
from kzarchive.errors import IntegrityError, VaultLocked

if TYPE_CHECKING:
    from kzarchive.service.models import VerifyReport


def register_init(commands: Any, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser("init", parents=[common], help="create a new vault")
    init.add_argument("--name", default="", help="a name for this vault (yours or your group's)")
    add_json_flag(init)
    init.set_defaults(run=run_init)


def register_checks(commands: Any, common: argparse.ArgumentParser) -> None:
    verify = commands.add_parser(
        "verify", parents=[common],
        help="check every stored file, the custody log, its checkpoints and the database")
    add_json_flag(verify)
    verify.set_defaults(run=run_verify)

    passwd = commands.add_parser(
        "passwd", parents=[common],
        help="change the passphrase (--rotate: also the vault key and the recovery code)")
    passwd.add_argument("--recovery", action="store_true",
                        help="open with the recovery code instead of the passphrase")
    change = passwd.add_mutually_exclusive_group()
    change.add_argument("--rotate", action="store_true",
                        help="make a new vault key: the database is re-keyed and a new recovery "
                        "code is shown, so that old copies of vault.keys open nothing")
    change.add_argument("--new-recovery-code", action="store_true",
                        help="replace the recovery code only (the passphrase stays)")
    passwd.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase from the first line of FILE")
    passwd.add_argument("--recovery-code-file", metavar="FILE",
                        help="read the recovery code from the first line of FILE")
    add_json_flag(passwd)
    passwd.set_defaults(run=run_passwd)

    identity = commands.add_parser("identity", parents=[common],
                                   help="show the vault's public keys and fingerprint")
    add_json_flag(identity)
    identity.set_defaults(run=run_identity)


# -- init -------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    from kzarchive.archive import Archive

    path = vault_path(args)
    folder_existed = path.exists()
    started_empty = not folder_existed or (path.is_dir() and not any(path.iterdir()))
    passphrase = passphrase_source(args.passphrase_file).get_new("Passphrase for the new vault: ")
    note("Creating the vault (the key derivation takes a few seconds)...")
    try:
        archive, recovery_code = Archive.create(path, passphrase, name=args.name)
    except BaseException:
        if started_empty:
            _remove_unfinished(path, folder_existed)
        raise
    with archive:
        fingerprint = archive.fingerprint
        vault_id = archive.vault_id
    if args.json:
        jsonout.emit({"vault": str(path), "vault_id": vault_id, "fingerprint": fingerprint,
                      "recovery_code": recovery_code})
        return 0
    print(f"Vault created: {path}")
    print(f"Fingerprint:   {fingerprint}")
    print()
    print("Recovery code (shown only this once):")
    print()
    print(f"    {recovery_code}")
    print()
    print("Write it on paper and keep it apart from this computer. It opens the vault")
    print("if the passphrase is forgotten: kzarchive passwd --recovery")
    return 0


def _remove_unfinished(path: Path, folder_existed: bool) -> None:
    """An interrupted init leaves no half-made vault behind (it would block the next try).

    Called only when the folder was empty or absent before: every file here is ours.
    """
    from kzarchive.archive import Archive
    from kzarchive.vault import database, head, keyslots
    from kzarchive.vault.lock import LOCK_NAME

    if Archive.is_vault(path) or not path.is_dir():
        return
    for name in (database.FILE_NAME, f"{database.FILE_NAME}-wal", f"{database.FILE_NAME}-shm",
                 LOCK_NAME, head.FILE_NAME):
        (path / name).unlink(missing_ok=True)
    for leftover in [*path.glob(f".{keyslots.FILE_NAME}.*.tmp"),
                     *path.glob(f".{head.FILE_NAME}.*.tmp")]:
        leftover.unlink(missing_ok=True)
    blobs = path / "blobs"
    if blobs.is_dir() and not any(f.is_file() for f in blobs.rglob("*")):
        shutil.rmtree(blobs, ignore_errors=True)
    if not folder_existed:
        with contextlib.suppress(OSError):
            path.rmdir()


# -- passwd -----------------------------------------------------------------------------


def run_passwd(args: argparse.Namespace) -> int:
    from kzarchive.archive import Archive

    path = vault_path(args)
    if args.recovery:
        source = recovery_code_source(args.recovery_code_file)
        archive = unlock(path, source, Archive.open_with_recovery, "Recovery code: ")
    else:
        archive = open_vault(args)
    with archive:
        if args.new_recovery_code:
            code = archive.renew_recovery_code()
        else:
            new = new_passphrase_source(args.new_passphrase_file).get_new("New passphrase: ")
            note("Deriving the new key (a few seconds)...")
            if args.rotate:
                code = archive.rotate_keys(new)
            else:
                archive.change_passphrase(new)
                code = None
    if args.json:
        # recovery_code is null when it did not change: the same fields every time.
        jsonout.emit({"vault": str(path), "rotated": bool(args.rotate),
                      "passphrase_changed": not args.new_recovery_code,
                      "recovery_code": code})
        return 0
    if args.rotate:
        print("The vault key was replaced: the database is re-keyed. Only the new passphrase")
        print("and the new recovery code below open this vault; copies of the old vault.keys")
        print("open nothing. (Backups of the whole vault made before now still open with the")
        print("old passphrase: they hold the old key.)")
    elif args.new_recovery_code:
        print("The recovery code was replaced. The old code no longer opens this vault.keys,")
        print("but a copy of the old vault.keys (a backup) still opens with it. To make old")
        print("copies useless, use: kzarchive passwd --rotate")
    else:
        print("The passphrase was changed in vault.keys: the old one no longer opens it.")
        print("A copy of the old vault.keys (a backup) still opens the vault with the old")
        print("passphrase, and the recovery code is unchanged. To make old copies useless,")
        print("use: kzarchive passwd --rotate")
    if code is not None:
        print()
        print("New recovery code (shown only this once):")
        print()
        print(f"    {code}")
        print()
        print("Write it on paper and keep it apart from this computer; destroy the old one.")
    return 0


# -- identity ---------------------------------------------------------------------------


def run_identity(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        if archive.identity is None:
            raise VaultLocked()
        public = archive.identity.public
        shown = {
            "vault_id": archive.vault_id,
            "name": archive.name,
            "fingerprint": public.fingerprint,
            "age_recipient": public.age_recipient,
            "minisign_public_key": public.minisign_public_key_base64,
        }
    if args.json:
        jsonout.emit(shown)
        return 0
    print(f"Vault:               {shown['name'] or '(no name)'} ({shown['vault_id']})")
    print(f"Fingerprint:         {shown['fingerprint']}")
    print(f"age recipient:       {shown['age_recipient']}")
    print(f"minisign public key: {shown['minisign_public_key']}")
    return 0


# -- verify -----------------------------------------------------------------------------


def run_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as archive:
        progress = progress_for("Verifying")
        try:
            report = archive.verify(progress=progress)
        except IntegrityError as exc:
            from kzarchive.service.models import VerifyReport

            if isinstance(exc.report, VerifyReport):
                _show_report(exc.report, args.json)
            raise
        finally:
            if progress is not None:
                progress.finish()
    _show_report(report, args.json)
    return 0


def _show_report(report: VerifyReport, as_json: bool) -> None:
    if as_json:
        jsonout.emit(jsonout.verify_report(report))
        return
    for check in report.checks:
        status = "ok    " if check.ok else "FAILED"
        print(f"{status}  {check.name}" + (f": {check.detail}" if check.detail else ""))
    if report.ok:
        print(f"All checks passed ({report.items_checked} items).")
