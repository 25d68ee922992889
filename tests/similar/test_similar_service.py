"""``archive.similar.find``: copies of a picture anywhere in the vault, exact ones first."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, NotFound
from kzarchive.vault import database
from tests.conftest import PASSPHRASE
from tests.connection import connection_of
from tests.media.scenes import scene
from tests.similar.pictures import copies, jpeg, write


def _attach(archive: Archive, incident: str, folder: Path, name: str, data: bytes) -> str:
    return archive.attach_file(incident, write(folder, name, data)).id


def test_resized_recompressed_cropped_and_screenshotted_copies_are_found(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Разгон митинга")
    ids = {name: _attach(archive, incident, tmp_path, name, data)
           for name, data in copies(1).items()}
    result = archive.similar.find(ids["original.jpg"])
    assert result.fingerprinted
    found = {match.item.name: match for match in result.matches}
    assert set(found) == {"resized.jpg", "recompressed.jpg", "cropped.jpg", "screenshot.png"}
    assert all(not m.exact and m.distance <= result.threshold for m in found.values())
    assert [m.distance for m in result.matches] == sorted(m.distance for m in result.matches)
    # Each way round: the screenshot finds the original too.
    back = archive.similar.find(ids["screenshot.png"])
    assert "original.jpg" in {m.item.name for m in back.matches}


def test_different_photos_and_the_same_place_later_are_not_reported(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Площадь")
    original = _attach(archive, incident, tmp_path, "a.jpg", jpeg(scene(3, person_at=(100, 150))))
    _attach(archive, incident, tmp_path, "other.jpg", jpeg(scene(4)))
    # The same place, the person standing elsewhere: another moment, another picture.
    _attach(archive, incident, tmp_path, "later.jpg", jpeg(scene(3, person_at=(800, 500))))
    assert archive.similar.find(original).matches == []


def test_exact_byte_copies_come_first_across_incidents_and_each_stays_its_own_item(
        archive: Archive, tmp_path: Path) -> None:
    first = archive.add_incident("Первое")
    second = archive.add_incident("Второе")
    data = copies(2)
    original = _attach(archive, first, tmp_path, "original.jpg", data["original.jpg"])
    resized = _attach(archive, first, tmp_path, "resized.jpg", data["resized.jpg"])
    again = _attach(archive, second, tmp_path, "from-telegram.jpg", data["original.jpg"])
    result = archive.similar.find(original)
    assert [(m.item.id, m.exact, m.distance) for m in result.matches][:1] == [(again, True, 0)]
    assert [m.item.id for m in result.matches] == [again, resized]
    assert result.matches[0].incident_title == "Второе"
    assert result.matches[0].received is False
    # Corroboration, not merging: both items keep their incident and their custody.
    assert archive.get_item(again).incident_id == second
    assert archive.get_item(original).incident_id == first
    logged = {e.item_id for e in archive.custody_entries() if e.action == "item.added"}
    assert {original, again} <= logged


def test_a_copy_stored_after_the_first_query_is_found_by_the_next(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Позже")
    data = copies(5)
    original = _attach(archive, incident, tmp_path, "original.jpg", data["original.jpg"])
    assert archive.similar.find(original).matches == []
    copy = _attach(archive, incident, tmp_path, "cropped.jpg", data["cropped.jpg"])
    assert [m.item.id for m in archive.similar.find(original).matches] == [copy]


def test_a_file_that_is_not_a_picture_finds_only_its_exact_copies(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Документы")
    report = _attach(archive, incident, tmp_path, "report.pdf", b"%PDF-1.4\n" + b"x" * 5000)
    same = _attach(archive, incident, tmp_path, "copy.pdf", b"%PDF-1.4\n" + b"x" * 5000)
    result = archive.similar.find(report)
    assert not result.fingerprinted
    assert [(m.item.id, m.exact) for m in result.matches] == [(same, True)]


def test_photos_of_an_older_vault_are_queued_by_the_upgrade_and_made_by_the_first_query(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Старое хранилище")
    data = copies(6)
    ids = [_attach(archive, incident, tmp_path, name, data[name])
           for name in ("original.jpg", "resized.jpg", "screenshot.png")]
    text = archive.add_text(incident, "показания").id
    db = connection_of(archive)
    # As a vault of schema version 5 whose one-time fingerprint pass never ran.
    db.execute("DROP TABLE picture_queue")
    db.execute("DELETE FROM perceptual_hashes")
    db.execute("INSERT INTO meta (key, value) VALUES ('perceptual_pass', '1')")
    db.execute("PRAGMA user_version = 5")
    path = archive.path
    archive.close()
    with Archive.open(path, PASSPHRASE) as reopened:
        db = connection_of(reopened)
        assert database.schema_version(db) == database.SCHEMA_VERSION
        queued = {row[0] for row in db.execute("SELECT item_id FROM picture_queue")}
        assert queued == set(ids) and text not in queued
        found = reopened.similar.find(ids[0])
        assert {m.item.id for m in found.matches} == set(ids[1:])
        assert db.execute("SELECT count(*) FROM perceptual_hashes").fetchone()[0] == 3
        assert reopened.pictures.waiting() == 0
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'perceptual_pass'"
                          ).fetchone()[0] == 0


def test_a_threshold_outside_the_hash_is_refused_and_a_wrong_item_is_not_found(
        archive: Archive) -> None:
    incident = archive.add_incident("x")
    item = archive.add_text(incident, "текст")
    with pytest.raises(BadInput):
        archive.similar.find(item.id, threshold=257)
    with pytest.raises(BadInput):
        archive.similar.find(item.id, threshold=-1)
    with pytest.raises(NotFound):
        archive.similar.find("0" * 32)


def test_a_wider_threshold_reports_more_and_zero_only_identical_pictures(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Порог")
    data = copies(7)
    original = _attach(archive, incident, tmp_path, "original.jpg", data["original.jpg"])
    _attach(archive, incident, tmp_path, "cropped.jpg", data["cropped.jpg"])
    strict = archive.similar.find(original, threshold=0)
    assert all(m.distance == 0 for m in strict.matches)
    assert len(archive.similar.find(original, threshold=64).matches) >= len(strict.matches)


def test_the_first_query_builds_the_index_and_later_ones_reuse_it(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Скорость")
    original = _attach(archive, incident, tmp_path, "original.jpg", copies(8)["original.jpg"])
    archive.similar.find(original)
    started = time.perf_counter()
    for _ in range(20):
        archive.similar.find(original)
    assert (time.perf_counter() - started) / 20 < 0.2


def test_a_damaged_photo_does_not_stop_the_others_being_made(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Повреждение")
    data = copies(9)
    original = _attach(archive, incident, tmp_path, "original.jpg", data["original.jpg"])
    damaged = _attach(archive, incident, tmp_path, "damaged.jpg", jpeg(scene(10)))
    copy = _attach(archive, incident, tmp_path, "resized.jpg", data["resized.jpg"])
    blob = archive.evidence.blob_of(damaged)
    path = next(p for p in archive.path.glob("blobs/*/*") if p.name == blob.id)
    raw = bytearray(path.read_bytes())
    raw[100] ^= 0xFF
    path.write_bytes(bytes(raw))
    assert [m.item.id for m in archive.similar.find(original).matches] == [copy]
