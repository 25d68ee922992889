"""The service API: incidents, people, items, search and the custody log."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import (
    BadInput,
    IntegrityError,
    MissingFile,
    NewerFormat,
    NotFound,
    VaultBusy,
)
from kzarchive.vault import custody, database
from tests.connection import connection_of

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


def test_incident_round_trip_with_all_fields(archive: Archive) -> None:
    ident = archive.add_incident(
        "Задержание на площади", description="Описание", occurred_start="2022-01-05",
        occurred_end="2022-01-07", place="Алматы", latitude="43.238949", longitude=76.889709,
        violations=["torture", "arbitrary-detention"], tags=["январь", " "], status="reviewed")
    incident = archive.get_incident(ident)
    assert incident.title == "Задержание на площади"
    assert incident.violations == ["arbitrary-detention", "torture"]
    assert incident.tags == ["январь"]
    assert (incident.latitude, incident.longitude) == ("43.238949", "76.889709")
    assert incident.origin == archive.fingerprint


@pytest.mark.parametrize("fields", [
    {"title": "  "}, {"title": "x", "violations": ["bad-type"]},
    {"title": "x", "occurred_start": "5 January"}, {"title": "x", "latitude": "95"},
    {"title": "x", "status": "published"}, {"title": "x", "occurred_start": "2022-02-30"},
])
def test_invalid_incidents_are_refused_with_a_clear_message(
        archive: Archive, fields: dict[str, Any]) -> None:
    with pytest.raises(BadInput) as caught:
        archive.add_incident(**fields)
    assert caught.value.message
    assert archive.list_incidents() == []


def test_update_logs_only_the_names_of_changed_fields(archive: Archive) -> None:
    ident = archive.add_incident("Title", place="Жанаозен")
    assert archive.update_incident(ident, place="Жанаозен", status="reviewed",
                                   tags=["a"]) == ["status", "tags"]
    entry = archive.custody_entries(ident)[-1]
    assert entry.action == "incident.updated"
    assert entry.details == {"fields": ["status", "tags"]}
    assert "Жанаозен" not in str(entry.details)
    assert archive.update_incident(ident, status="reviewed") == []


def test_search_finds_cyrillic_substrings_in_any_case(archive: Archive) -> None:
    hit = archive.add_incident("Избиение", description="Полиция задержала журналиста у акимата")
    archive.add_incident("Other", description="nothing related")
    assert [i.id for i in archive.list_incidents(search="журналист")] == [hit]
    assert [i.id for i in archive.list_incidents(search="ЖУРНАЛИСТ акимат")] == [hit]
    assert archive.list_incidents(search="журналист отсутствует") == []
    assert [i.id for i in archive.list_incidents(search="у")] == [hit]


def test_search_reaches_testimony_text(archive: Archive) -> None:
    ident = archive.add_incident("Incident")
    archive.add_text(ident, "Мен оны полиция көлігіне отырғызғанын көрдім", witness="Witness A")
    assert [i.id for i in archive.list_incidents(search="көлігіне")] == [ident]
    assert [i.id for i in archive.list_incidents(search="Witness A")] == [ident]


def test_filters(archive: Archive) -> None:
    a = archive.add_incident("A", occurred_start="2022-01-05", violations=["killing"], tags=["x"])
    b = archive.add_incident("B", occurred_start="2022-01-10", status="reviewed")
    assert [i.id for i in archive.list_incidents(violation="killing")] == [a]
    assert [i.id for i in archive.list_incidents(tag="x")] == [a]
    assert [i.id for i in archive.list_incidents(status="reviewed")] == [b]
    assert [i.id for i in archive.list_incidents(date_from="2022-01-06")] == [b]
    assert [i.id for i in archive.list_incidents(date_to="2022-01-05")] == [a]


def test_people_keep_pseudonym_and_consent(archive: Archive) -> None:
    ident = archive.add_incident("Incident")
    person = archive.add_person(ident, "witness", "Свидетель 1", real_name="Real Name",
                                consent_given=True, consent_scope="share with partners",
                                consent_date="2022-01-20")
    assert archive.update_person(person, consent_given=False) == ["consent_given"]
    stored = archive.list_people(ident)[0]
    assert (stored.pseudonym, stored.real_name, stored.consent_given) == (
        "Свидетель 1", "Real Name", False)
    assert "Real Name" not in str([e.details for e in archive.custody_entries(ident)])
    with pytest.raises(BadInput):
        archive.add_person(ident, "bystander", "X")


def test_items_store_exact_bytes_and_hash(archive: Archive, tmp_path: Path) -> None:
    ident = archive.add_incident("Incident")
    source = tmp_path / "видео.bin"
    data = os.urandom(200_000)
    source.write_bytes(data)
    item = archive.attach_file(ident, source, note="from a phone")
    import hashlib

    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.size == len(data) and item.name == "видео.bin"
    with archive.open_item(item.id) as reader:
        reader.seek(100_000)
        assert reader.read(10) == data[100_000:100_010]
    out = archive.extract_item(item.id, tmp_path / "out.bin")
    assert out.read_bytes() == data
    assert [e.action for e in archive.custody_entries(ident)][-1] == "item.extracted"


def test_equal_content_is_stored_once(archive: Archive, tmp_path: Path) -> None:
    ident = archive.add_incident("Incident")
    source = tmp_path / "a.bin"
    source.write_bytes(os.urandom(1000))
    first = archive.attach_file(ident, source)
    second = archive.attach_file(ident, source)
    assert first.id != second.id and first.sha256 == second.sha256
    assert len(archive.blobs.all_ids()) == 1
    archive.verify()


def test_missing_file_and_unknown_ids_are_clear_errors(archive: Archive, tmp_path: Path) -> None:
    ident = archive.add_incident("Incident")
    from kzarchive.errors import MissingFile

    with pytest.raises(MissingFile):
        archive.attach_file(ident, tmp_path / "nope.jpg")
    with pytest.raises(NotFound):
        archive.get_incident("0123456789abcdef")
    with pytest.raises(NotFound):
        archive.resolve_id("incidents", "ffff")
    assert archive.resolve_id("incidents", ident[:6]) == ident


def test_source_that_fails_mid_read_leaves_no_trace(archive: Archive) -> None:
    ident = archive.add_incident("Incident")

    class Vanishing(io.RawIOBase):
        def __init__(self) -> None:
            self.calls = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: WriteableBuffer) -> int:
            self.calls += 1
            if self.calls > 3:
                raise FileNotFoundError("gone")
            view = memoryview(buffer)
            view[: len(view)] = b"x" * len(view)
            return len(view)

    with pytest.raises(MissingFile):  # the source's FileNotFoundError, said as the vault says it
        archive.store_content(ident, io.BufferedReader(Vanishing()), name="x")
    assert archive.list_items(ident) == []
    assert archive.blobs.all_ids() == set()
    assert list(archive.blobs.tmp.iterdir()) == []
    archive.verify()


def test_custody_chain_links_each_incident(archive: Archive) -> None:
    a = archive.add_incident("A")
    b = archive.add_incident("B")
    archive.update_incident(a, status="reviewed")
    archive.add_text(b, "text")
    chain_a = archive.custody_entries(a)
    assert chain_a[0].incident_prev is None
    assert chain_a[1].incident_prev == chain_a[0].leaf_hash
    seqs = [e.seq for e in archive.custody_entries()]
    assert seqs == list(range(1, len(seqs) + 1))


def test_checkpoint_is_signed_and_verified(archive: Archive) -> None:
    archive.add_incident("A")
    checkpoint = archive.make_checkpoint()
    assert checkpoint.text.startswith(f"kzarchive/{archive.vault_id}\n")
    archive.identity.public.minisign_public_key().verify(  # type: ignore[union-attr]
        checkpoint.signature, checkpoint.text.encode())
    archive.verify()


def test_altered_custody_entry_fails_verify(archive: Archive) -> None:
    ident = archive.add_incident("A")
    archive.update_incident(ident, status="reviewed")
    db = connection_of(archive)
    db.execute("UPDATE custody SET entry = replace(entry, 'reviewed', 'shared') "
               "WHERE seq = 3")
    db.execute("UPDATE custody SET entry = replace(entry, '\"status\"', '\"place\"') "
               "WHERE seq = 3")
    with pytest.raises(IntegrityError) as caught:
        archive.verify()
    assert "custody log" in caught.value.message


def test_deleted_custody_entry_breaks_the_chain(archive: Archive) -> None:
    ident = archive.add_incident("A")
    archive.update_incident(ident, status="reviewed")
    archive.update_incident(ident, status="shared")
    rows = connection_of(archive).execute(
        "SELECT entry, leaf_hash FROM custody ORDER BY seq").fetchall()
    entries = [__import__("json").loads(r[0]) for r in rows]
    del entries[2]
    with pytest.raises(IntegrityError):
        custody.check_chain(entries, [r[1] for i, r in enumerate(rows) if i != 2])


def test_a_second_process_cannot_open_the_vault(archive: Archive, passphrase: str) -> None:
    with pytest.raises(VaultBusy):
        Archive.open(archive.path, passphrase)


def test_newer_database_schema_is_refused(archive: Archive, passphrase: str) -> None:
    path = archive.path
    connection_of(archive).execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    archive.close()
    with pytest.raises(NewerFormat):
        Archive.open(path, passphrase)


def test_plain_sqlite_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import sqlcipher3

    monkeypatch.setattr(sqlcipher3, "connect",
                        lambda *a, **k: sqlite3.connect(":memory:"))
    with pytest.raises(database.NotSQLCipher):
        database.connect(tmp_path / "x.db", b"k" * 32)


def test_close_drops_the_keys(archive: Archive) -> None:
    archive.close()
    assert not archive.is_open and archive.identity is None
    from kzarchive.errors import VaultLocked

    with pytest.raises(VaultLocked):
        archive.list_incidents()


def test_panic_wipe_destroys_keys_and_files(
        archive: Archive, passphrase: str, tmp_path: Path) -> None:
    ident = archive.add_incident("Incident")
    archive.add_text(ident, "secret testimony")
    path = archive.path
    archive.panic_wipe()
    assert not path.exists()
    from kzarchive.errors import NotAVault

    with pytest.raises(NotAVault):
        Archive.open(path, passphrase)


def test_wipe_after_interruption_leaves_nothing_readable(archive: Archive, passphrase: str) -> None:
    import shutil

    from kzarchive.vault import wipe

    path = archive.path
    archive.close()
    original_rmtree = shutil.rmtree

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    shutil.rmtree = crash  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            wipe.wipe_vault(path)
    finally:
        shutil.rmtree = original_rmtree
    assert not (path / "vault.keys").exists()
    assert not Archive.is_vault(path)
