"""Thumbnails and fingerprints made after intake (``archive.pictures``): once per
picture, from the stored bytes, every one made or still queued whatever fails."""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kzarchive.archive import Archive
from kzarchive.errors import Cancelled, DiskFull
from kzarchive.media import imaging
from kzarchive.service import pictures, similar
from kzarchive.util.progress import CancelToken
from tests.conftest import PASSPHRASE
from tests.connection import connection_of
from tests.vault.test_batch_intake import assert_clean, photos


def fingerprints(archive: Archive) -> set[str]:
    return {row[0] for row in connection_of(archive).execute(
        "SELECT item_id FROM perceptual_hashes")}


def test_intake_decodes_no_pixels_and_each_queued_picture_is_decoded_once_for_every_reader(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incident = archive.add_incident("Decode once")
    files = photos(tmp_path / "roll", 4)
    decodes: list[str] = []
    seen: list[int] = []
    decode = imaging.decode_upright

    def counting_decode(stream: Any, mime: str, *args: Any, **kwargs: Any) -> Image.Image:
        decodes.append(mime)
        return decode(stream, mime, *args, **kwargs)

    monkeypatch.setattr(pictures, "decode_upright", counting_decode)
    monkeypatch.setattr(imaging, "decode_upright", counting_decode)
    monkeypatch.setattr(pictures, "PIXEL_READERS", [
        *pictures.PIXEL_READERS, ("width_seen", lambda image: seen.append(image.width))])
    added = archive.attach_files(incident, files).added
    assert decodes == [] and archive.pictures.waiting() == 4
    assert archive.pictures.make() == [item.id for item in added]  # oldest first
    assert decodes == ["image/jpeg"] * 4
    assert sorted(seen) == sorted(Image.open(path).width for path in files)
    assert fingerprints(archive) == {item.id for item in added}
    for item in added:
        thumbnail = Image.open(io.BytesIO(archive.read_thumbnail(item.id)))
        assert thumbnail.format == "JPEG" and max(thumbnail.size) <= 320
    assert archive.pictures.waiting() == 0 and archive.pictures.make() == []
    assert_clean(archive)


def test_only_pictures_are_queued_and_one_that_cannot_be_decoded_is_done_with_neither(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Kinds")
    text = archive.add_text(incident, "показания свидетеля").id
    broken_path = tmp_path / "broken.jpg"
    broken_path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 2000)
    broken = archive.attach_file(incident, broken_path).id
    (photo,) = photos(tmp_path / "roll", 1)
    good = archive.attach_file(incident, photo).id
    assert archive.pictures.waiting() == 2
    assert archive.pictures.make() == [broken, good]
    assert not archive.get_item(broken).has_thumbnail and broken not in fingerprints(archive)
    assert archive.get_item(good).has_thumbnail and good in fingerprints(archive)
    assert not archive.get_item(text).has_thumbnail
    assert archive.pictures.waiting() == 0
    assert_clean(archive)


def test_a_limit_makes_the_oldest_first_and_a_cancel_keeps_what_was_made(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures, "GROUP", 2)
    incident = archive.add_incident("Slices")
    added = archive.attach_files(incident, photos(tmp_path / "roll", 7)).added
    ids = [item.id for item in added]
    assert archive.pictures.make(limit=3) == ids[:3]
    token = CancelToken()
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        token.cancel()  # after the first group of this run

    with pytest.raises(Cancelled):
        archive.pictures.make(progress, token)
    assert calls == [2]
    assert archive.pictures.waiting() == 2
    assert fingerprints(archive) == set(ids[:5])
    assert archive.pictures.make() == ids[5:]
    assert_clean(archive)


def test_a_full_disk_or_a_failed_commit_leaves_the_group_queued_and_no_stray_file(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incident = archive.add_incident("Failures")
    ids = [item.id for item in archive.attach_files(incident, photos(tmp_path / "roll", 3)).added]
    write = archive.blobs.write_content
    written: list[int] = []

    def full_after_one(*args: Any, **kwargs: Any) -> Any:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(1)
        return write(*args, **kwargs)

    monkeypatch.setattr(archive.blobs, "write_content", full_after_one)
    with pytest.raises(DiskFull):
        archive.pictures.make()
    monkeypatch.setattr(archive.blobs, "write_content", write)
    assert archive.pictures.waiting() == 3 and not fingerprints(archive)

    def broken_store(*args: Any) -> None:
        raise RuntimeError("the commit fails")

    monkeypatch.setattr(similar, "store_fingerprint", broken_store)
    with pytest.raises(RuntimeError):
        archive.pictures.make()
    monkeypatch.undo()
    assert archive.pictures.waiting() == 3
    assert not any(archive.get_item(ident).has_thumbnail for ident in ids)
    # The thumbnails written for the failed commit are pending: the next open deletes them.
    path = archive.path
    archive.close()
    with Archive.open(path, PASSPHRASE) as reopened:
        assert reopened.pictures.make() == ids
        assert all(reopened.get_item(ident).has_thumbnail for ident in ids)
        assert_clean(reopened)


def test_the_same_picture_in_two_incidents_keeps_one_thumbnail_copy(
        archive: Archive, tmp_path: Path) -> None:
    (photo,) = photos(tmp_path / "roll", 1)
    first = archive.attach_file(archive.add_incident("One"), photo).id
    second = archive.attach_file(archive.add_incident("Two"), photo).id
    archive.pictures.make()
    blobs = {archive.evidence.blob_of(ident, "thumbnail_blob_id").id for ident in (first, second)}
    assert len(blobs) == 1
    assert fingerprints(archive) == {first, second}
    assert_clean(archive)
