"""Every folder of a vault is 0700 and every file 0600, whatever the umask.

Another local account must not read the database, the keys file or the blobs,
nor learn from them more than that the vault exists.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from kzarchive.archive import Archive

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

PASSPHRASE = "correct horse battery"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLDEN_V1_PASSPHRASE = "golden vault v1 — пароль"


@pytest.fixture()
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> dict[str, int]:
    """The permission bits of the folder and of everything in it, by relative path."""
    found = {".": stat.S_IMODE(folder.lstat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def not_private(folder: Path) -> dict[str, str]:
    wrong = {}
    for name, mode in modes(folder).items():
        wanted = 0o700 if (folder / name).is_dir() else 0o600
        if mode != wanted:
            wrong[name] = oct(mode)
    return wrong


def fill(archive: Archive, folder: Path) -> None:
    photo = folder / "photo.jpg"
    Image.new("RGB", (320, 240), (10, 90, 160)).save(photo, quality=90)
    incident = archive.add_incident("Права доступа")
    archive.attach_file(incident, photo)
    archive.pictures.make()  # its thumbnail, a blob of its own
    archive.add_text(incident, "Показания свидетеля", witness="W-1")
    archive.make_checkpoint()


@pytest.mark.parametrize("umask", [0o022, 0o000, 0o277])
def test_a_new_vault_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
        with archive:
            fill(archive, tmp_path)
            archive.change_passphrase("another long passphrase")  # vault.keys rewritten
            present = set(modes(archive.path))
            assert {"vault.keys", "vault.lock", "archive.db", "archive.db-wal",
                    "archive.db-shm", "blobs", "blobs/tmp"} <= present
            assert len([name for name in present if name.count("/") == 2]) == 3  # blob files
            assert not_private(archive.path) == {}
        # SQLite removes -wal and -shm when the last connection closes and makes them
        # anew at the next opening: they must be private again.
        with Archive.open(tmp_path / "vault", "another long passphrase") as archive:
            fill(archive, tmp_path)
            assert {"archive.db-wal", "archive.db-shm"} <= set(modes(archive.path))
            assert not_private(archive.path) == {}
    finally:
        os.umask(old)


def test_a_chosen_empty_folder_becomes_private(tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir(mode=0o755)
    archive, _ = Archive.create(folder, PASSPHRASE)
    archive.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    # Folders made above a new vault are the user's own: made as any program makes them.
    archive, _ = Archive.create(tmp_path / "usb" / "evidence" / "vault", PASSPHRASE)
    archive.close()
    assert stat.S_IMODE((tmp_path / "usb" / "evidence").stat().st_mode) == 0o755
    assert not_private(tmp_path / "usb" / "evidence" / "vault") == {}


def test_an_older_vault_is_made_private_when_opened(tmp_path: Path, umask_022: None) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(GOLDEN / "vault-v1" / "vault", vault)
    # Opened once, so that it has the files a vault has today (vault.head, the rollback
    # anchor, is a real one: a made-up anchor is rightly refused as damaged).
    with Archive.open(vault, GOLDEN_V1_PASSPHRASE):
        pass
    assert (vault / "vault.head").is_file()
    # As an earlier kzarchive left it under umask 022, with files added by others.
    (vault / "vault.lock").touch()
    for path in [vault, *vault.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert len(not_private(vault)) > 6
    with Archive.open(vault, GOLDEN_V1_PASSPHRASE) as archive:
        assert not_private(vault) == {}
        assert archive.verify().ok


def test_verify_makes_every_blob_file_private(tmp_path: Path, umask_022: None) -> None:
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        fill(archive, tmp_path)
        blob_files = [p for p in archive.blobs.root.rglob("*") if p.is_file()]
        for path in blob_files:  # e.g. written by an earlier kzarchive into a private folder
            path.chmod(0o644)
        assert archive.verify().ok
        assert not_private(archive.path) == {}


def test_links_in_the_vault_folder_are_not_followed(tmp_path: Path, umask_022: None) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not the vault's", encoding="utf-8")
    outside.chmod(0o644)
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    archive.close()
    (tmp_path / "vault" / "link").symlink_to(outside)
    with Archive.open(tmp_path / "vault", PASSPHRASE) as archive:
        assert archive.verify().ok
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
