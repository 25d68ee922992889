"""Extracts never write outside the folder given, and always write private files.

``kzarchive extract ITEM OUT`` takes the file name from the item's stored name,
which may have arrived in a bundle; ``verify-bundle --extract-to`` takes names
from the bundle.  Both are tried with hostile names, links already in the
target folder, and several umasks.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.bundle import BundleError, extract_verified, jsontext, layout
from kzarchive.errors import BadInput
from kzarchive.util.plainfiles import file_name
from tests.bundle.bundle_factory import (
    BUNDLE_ID,
    PARTNER,
    SENDER,
    altered_bundle,
    bundle_bytes,
    resign,
)

CONTENT = b"the original bytes of the evidence\n"


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """``out/`` (the target) and ``outside/`` (must stay untouched) in an otherwise empty folder."""
    box = tmp_path / "sandbox"
    (box / "out").mkdir(parents=True)
    (box / "outside").mkdir()
    (box / "outside" / "target.txt").write_bytes(b"not to be overwritten")
    return box


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture
def item(archive: Archive, tmp_path: Path) -> str:
    incident = archive.add_incident("Incident")
    source = tmp_path / "photo.txt"
    source.write_bytes(CONTENT)
    return archive.attach_file(incident, source).id


def rename(archive: Archive, item_id: str, name: str) -> None:
    """Gives the item a stored name as a bundle from someone else might have."""
    with archive.transaction() as db:
        db.execute("UPDATE items SET name = ? WHERE id = ?", (name, item_id))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


HOSTILE_NAMES = [
    "../escape.txt",
    "../../outside/target.txt",
    "/etc/passwd",
    "a/b/../../c.txt",
    "..",
    ".",
    "",
    " ",
    "sub\\..\\..\\win.txt",
    "nul\x00byte.txt",
    "ctl\x01\x1b[31mred\x7f.txt",
    "line\nbreak.txt",
    "\u202egpj.exe",  # right-to-left override: shows as "exe.jpg"
    ".hidden",
    "x" * 300 + ".jpg",
    "д" * 200 + ".txt",  # 400 bytes of UTF-8
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_extract_item_writes_only_inside_the_folder_whatever_the_stored_name(
    archive: Archive, item: str, sandbox: Path, name: str
) -> None:
    rename(archive, item, name)
    written = archive.extract_item(item, sandbox / "out")
    assert written.parent == sandbox / "out"
    assert tree(sandbox) == sorted(["out", f"out/{written.name}", "outside", "outside/target.txt"])
    assert written.read_bytes() == CONTENT
    assert (sandbox / "outside" / "target.txt").read_bytes() == b"not to be overwritten"
    shown = written.name
    assert "/" not in shown and "\\" not in shown and not shown.startswith(".")
    assert all(ch.isprintable() for ch in shown) and "\u202e" not in shown
    assert len(shown.encode()) <= 255


def test_file_name_keeps_a_plain_name_and_falls_back_to_the_id() -> None:
    assert file_name("Фото задержания.jpg", "id1") == "Фото задержания.jpg"
    assert file_name("../../x/report.pdf", "id1") == "report.pdf"
    assert file_name("..", "id1") == "id1" and file_name("\x00", "id1") == "id1"
    long = file_name("я" * 300 + ".jpeg", "id1")
    assert long.endswith(".jpeg") and len(long.encode()) <= 255


@pytest.mark.parametrize("target", ["outside/target.txt", "outside/missing.txt"],
                         ids=["to-a-file", "dangling"])
def test_a_link_in_the_target_folder_is_refused_or_replaced_never_written_through(
    archive: Archive, item: str, sandbox: Path, target: str
) -> None:
    rename(archive, item, "photo.txt")
    link = sandbox / "out" / "photo.txt"
    link.symlink_to(sandbox / target)
    with pytest.raises(BadInput, match="already exists"):
        archive.extract_item(item, sandbox / "out")
    with pytest.raises(BadInput, match="already exists"):
        archive.extract_item(item, link)
    assert link.is_symlink() and tree(sandbox / "out") == ["photo.txt"]
    written = archive.extract_item(item, sandbox / "out", overwrite=True)
    assert written == link and not link.is_symlink() and link.read_bytes() == CONTENT
    assert (sandbox / "outside" / "target.txt").read_bytes() == b"not to be overwritten"
    assert not (sandbox / "outside" / "missing.txt").exists()


def test_a_folder_of_the_name_is_never_replaced(
    archive: Archive, item: str, sandbox: Path
) -> None:
    rename(archive, item, "photo.txt")
    (sandbox / "out" / "photo.txt").mkdir()
    target = sandbox / "out" / "photo.txt"
    with pytest.raises(BadInput):
        archive.extract_item(item, sandbox / "out", overwrite=True)
    assert target.is_dir() and tree(sandbox / "out") == ["photo.txt"]


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077, 0o277])
def test_extract_item_creates_the_file_0600_whatever_the_umask(
    archive: Archive, item: str, sandbox: Path, umask: None, mask: int
) -> None:
    os.umask(mask)
    written = archive.extract_item(item, sandbox / "out" / "copy.txt")
    assert mode(written) == 0o600
    assert [p.name for p in (sandbox / "out").iterdir()] == ["copy.txt"]  # no partial left


# --- verify-bundle --extract-to ------------------------------------------------------------------


def extract(data: bytes, into: Path) -> Path:
    return extract_verified(io.BytesIO(data), [PARTNER.age_identity], [SENDER.public], into).path


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077, 0o277])
def test_the_extracted_bag_is_0600_and_0700_whatever_the_umask(
    sandbox: Path, umask: None, mask: int
) -> None:
    os.umask(mask)
    path = extract(bundle_bytes(), sandbox / "out")
    assert mode(path) == 0o700
    for entry in path.rglob("*"):
        assert mode(entry) == (0o700 if entry.is_dir() else 0o600), entry


@pytest.mark.parametrize("hostile", [
    "data/files/../../../outside/evil.txt",
    "/tmp/evil.txt",
    "data/files/a1b2c3d4e5f60718.jpg/../../../bagit.txt",
    "data/files/evil\x00.jpg",
    "data/custody/entries.jsonl",
])
def test_a_validly_signed_bundle_json_naming_a_file_outside_the_layout_is_refused(
    sandbox: Path, hostile: str
) -> None:
    def change(entries: dict[str, bytes | None]) -> None:
        document = json.loads(entries[layout.BUNDLE_JSON] or b"")
        document["files"][0]["path"] = hostile
        entries[layout.BUNDLE_JSON] = jsontext.pretty_json(document)
        resign(entries, SENDER)

    with pytest.raises(BundleError, match="data/files/<item id>"):
        extract(altered_bundle(change), sandbox / "out")
    assert tree(sandbox) == ["out", "outside", "outside/target.txt"]


@pytest.mark.parametrize("kind", ["link-to-folder", "dangling-link", "file"])
def test_an_existing_entry_of_the_bundles_name_is_refused_and_left_alone(
    sandbox: Path, kind: str
) -> None:
    existing = sandbox / "out" / BUNDLE_ID
    if kind == "link-to-folder":
        existing.symlink_to(sandbox / "outside")
    elif kind == "dangling-link":
        existing.symlink_to(sandbox / "outside" / "nowhere")
    else:
        existing.write_bytes(b"mine")
    with pytest.raises(BadInput, match="already exists"):
        extract(bundle_bytes(), sandbox / "out")
    assert tree(sandbox / "out") == [BUNDLE_ID]
    assert tree(sandbox / "outside") == ["target.txt"]
