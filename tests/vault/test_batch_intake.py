"""Batch intake: every file whole or absent, fewer commits, duplicates said, cancel keeps work."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, Cancelled, MissingFile, NotFound
from kzarchive.service import intake
from kzarchive.service.intake import IntakeFile
from kzarchive.util.progress import CancelToken
from kzarchive.vault import head
from tests.connection import connection_of
from tests.media.media_helpers import jpeg


def photos(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Small JPEGs of distinct content (a different size each)."""
    folder.mkdir(exist_ok=True)
    made = []
    for number in range(start, start + count):
        path = folder / f"IMG_{number:04d}.jpg"
        path.write_bytes(jpeg(40 + number, 30 + number))
        made.append(path)
    return made


def assert_clean(archive: Archive) -> None:
    """No stray file, no leftover, nothing pending, and verify passes."""
    db = connection_of(archive)
    known = {row[0] for row in db.execute("SELECT id FROM blobs")}
    assert archive.blobs.all_ids() == known
    assert not any(archive.blobs.tmp.iterdir())
    assert db.execute("SELECT count(*) FROM pending_blobs").fetchone()[0] == 0
    assert archive.verify().ok


def test_a_batch_stores_every_file_with_its_metadata_and_custody_entry_then_its_thumbnail(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Protest")
    files = photos(tmp_path / "roll", 12)
    result = archive.attach_files(incident, files, note="from the phone", source="camera")
    assert [entry.path for entry in result.files] == files
    assert not result.failed and not result.skipped and result.stopped_by is None
    items = archive.list_items(incident)
    assert len(items) == 12
    # Stored at the speed of the disk: the pictures are queued, not yet decoded.
    assert not any(item.has_thumbnail for item in items)
    assert archive.pictures.waiting() == 12
    assert sorted(archive.pictures.make()) == sorted(item.id for item in items)
    for entry in result.files:
        assert entry.item is not None
        data = entry.path.read_bytes()
        assert entry.item.sha256 == hashlib.sha256(data).hexdigest()
        assert entry.item.kind == "photo" and entry.item.mime == "image/jpeg"
        assert entry.item.name == entry.path.name and entry.item.notes == "from the phone"
        assert entry.item.metadata["width"] == Image.open(entry.path).width
        thumbnail = Image.open(io.BytesIO(archive.read_thumbnail(entry.item.id)))
        assert thumbnail.format == "JPEG" and max(thumbnail.size) <= 320
        with archive.open_item(entry.item.id) as reader:
            assert reader.read() == data
    added = [entry for entry in archive.custody_entries(incident) if entry.action == "item.added"]
    # In the order of the files, one entry each.
    assert [entry.item_id for entry in added] == [e.item.id for e in result.files if e.item]
    assert_clean(archive)


def test_a_batch_commits_in_groups_and_the_anchor_follows_the_log(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incident = archive.add_incident("Group commit")
    files = photos(tmp_path / "roll", 30)
    anchors: list[int] = []
    write = head.write

    def counting_write(folder: Path, vault_id: str, anchor: head.Head, vmk: bytes,
                       name: str = head.FILE_NAME) -> None:
        anchors.append(anchor.size)
        write(folder, vault_id, anchor, vmk, name)

    monkeypatch.setattr(head, "write", counting_write)
    monkeypatch.setattr(intake, "GROUP_SECONDS", 3600.0)  # groups by count only
    monkeypatch.setattr(intake, "GROUP_ITEMS", 10)
    archive.attach_files(incident, files)
    # 30 items, 3 commits of 10: the anchor is written once per group, not per item.
    assert len(anchors) == 3
    entries = connection_of(archive).execute("SELECT count(*) FROM custody").fetchone()[0]
    assert anchors[-1] == entries
    assert_clean(archive)


def test_bytes_already_in_the_incident_are_skipped_unless_allowed(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Duplicates")
    first, second = photos(tmp_path / "roll", 2)
    kept = archive.attach_file(incident, first)
    copy = tmp_path / "copy-of-first.jpg"
    copy.write_bytes(first.read_bytes())
    result = archive.attach_files(incident, [copy, second])
    assert [entry.duplicate_of for entry in result.files] == [kept.id, None]
    assert [entry.path for entry in result.skipped] == [copy]
    assert len(archive.list_items(incident)) == 2
    assert_clean(archive)

    again = archive.attach_files(incident, [copy], allow_duplicate=True)
    assert again.skipped == [] and len(again.added) == 1
    assert again.added[0].sha256 == kept.sha256 and again.added[0].id != kept.id
    assert len(archive.list_items(incident)) == 3
    # Equal bytes are stored once, whatever the number of items.
    db = connection_of(archive)
    assert db.execute("SELECT count(*) FROM blobs WHERE sha256 = ?",
                      (kept.sha256,)).fetchone()[0] == 1
    assert_clean(archive)


def test_the_same_file_twice_in_one_batch_is_added_once(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Twice")
    (photo,) = photos(tmp_path / "roll", 1)
    copy = tmp_path / "again.jpg"
    copy.write_bytes(photo.read_bytes())
    result = archive.attach_files(incident, [photo, copy])
    first = result.files[0].item
    assert first is not None
    assert result.files[1].item is None and result.files[1].duplicate_of == first.id
    assert len(archive.list_items(incident)) == 1
    assert_clean(archive)


def test_bytes_held_by_another_incident_are_linked_and_named(
        archive: Archive, tmp_path: Path) -> None:
    one, other = archive.add_incident("One"), archive.add_incident("Other")
    (photo,) = photos(tmp_path / "roll", 1)
    there = archive.attach_file(one, photo)
    result = archive.attach_files(other, [photo])
    (entry,) = result.linked
    assert entry.item is not None and entry.item.incident_id == other
    assert [(h.incident_id, h.item_id) for h in entry.linked_to] == [(one, there.id)]
    db = connection_of(archive)
    assert db.execute("SELECT count(*) FROM blobs WHERE sha256 = ?",
                      (there.sha256,)).fetchone()[0] == 1
    assert_clean(archive)


def test_cancel_keeps_every_file_streamed_before_it_and_nothing_of_the_rest(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Cancel")
    files = photos(tmp_path / "roll", 10)
    token = CancelToken()
    landed: list[IntakeFile] = []

    def file_progress(index: int, _path: Path, done: int, size: int) -> None:
        if index == 6:
            token.cancel()

    result = archive.attach_files(incident, files, cancel=token, file_progress=file_progress,
                                  on_landed=landed.extend)
    assert isinstance(result.stopped_by, Cancelled)
    assert [entry.path for entry in result.files if entry.item] == files[:6]
    assert [entry.path for entry in landed] == files[:6]
    items = archive.list_items(incident)
    assert sorted(item.name for item in items) == [path.name for path in files[:6]]
    assert_clean(archive)


def test_items_land_while_the_batch_still_runs(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incident = archive.add_incident("Live")
    # More files than are handed to the writers at once.
    files = photos(tmp_path / "roll", 3 * intake.WRITES_AHEAD)
    monkeypatch.setattr(intake, "GROUP_ITEMS", 3)
    seen_at: list[tuple[int, int]] = []
    streamed = [0]

    def file_progress(index: int, _path: Path, done: int, size: int) -> None:
        streamed[0] = index

    def landed(entries: list[IntakeFile]) -> None:
        # What the list would show now, read as the GUI reads it.
        seen_at.append((streamed[0], len(archive.list_items(incident))))

    archive.attach_files(incident, files, file_progress=file_progress, on_landed=landed)
    assert len(seen_at) >= 3
    assert seen_at[0][0] < len(files) - 1 and seen_at[0][1] >= 1


def test_a_missing_file_is_reported_and_the_others_are_stored(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Missing")
    first, second = photos(tmp_path / "roll", 2)
    gone = tmp_path / "gone.jpg"
    result = archive.attach_files(incident, [first, gone, second])
    assert isinstance(result.files[1].error, MissingFile)
    assert len(result.added) == 2 and result.stopped_by is None
    stopped = archive.attach_files(archive.add_incident("Strict"), [first, gone, second],
                                   stop_at_failure=True)
    assert isinstance(stopped.stopped_by, MissingFile)
    assert len(stopped.added) == 1 and len(stopped.files) == 2
    assert_clean(archive)


def test_large_contents_are_described_from_the_stored_copy(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "IN_MEMORY_LIMIT", 100)
    incident = archive.add_incident("Large")
    files = photos(tmp_path / "roll", 3)
    result = archive.attach_files(incident, files)
    assert all(item.metadata.get("width") for item in result.added)
    archive.pictures.make()
    assert all(archive.get_item(item.id).has_thumbnail for item in result.added)
    assert_clean(archive)


def test_a_batch_checks_the_incident_and_the_kind_before_storing_anything(
        archive: Archive, tmp_path: Path) -> None:
    files = photos(tmp_path / "roll", 1)
    with pytest.raises(NotFound):
        archive.attach_files("0" * 16, files)
    with pytest.raises(BadInput):
        archive.attach_files(archive.add_incident("Kind"), files, kind="painting")
    assert archive.blobs.all_ids() == set()
