"""Blob format 2: a locked vault shows neither exact sizes nor when items were added.

Blobs are padded to Padmé size classes with the true length sealed inside; a
database row and a file that disagree are damage.  The golden files in
tests/golden/blob-v2 pin the format; format 1 blobs (tests/golden/vault-v1) still read.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

from kzarchive.archive import Archive
from kzarchive.crypto.stream import (
    CHUNK_SIZE,
    ENCRYPTED_CHUNK_SIZE,
    NONCE_SIZE,
    PayloadWriter,
    encrypted_size,
    iter_payload,
)
from kzarchive.errors import Cancelled, IntegrityError
from kzarchive.service.models import VerifyReport
from kzarchive.util.progress import CancelToken
from kzarchive.vault import database
from kzarchive.vault.blobs import FIXED_TIME, FORMAT_PADDED, FORMAT_PLAIN, BlobStore, StoredBlob
from kzarchive.vault.padding import TRAILER, PaddedWriter, padded_size, padme
from tests.connection import connection_of

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
PASSPHRASE = "correct horse battery"
GOLDEN_V1_PASSPHRASE = "golden vault v1 — пароль"


def maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_blob_v2", GOLDEN / "make_blob_v2.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def store(tmp_path: Path) -> BlobStore:
    blobs = BlobStore(tmp_path / "vault")
    (tmp_path / "vault").mkdir()
    blobs.prepare()
    return blobs


def put(store: BlobStore, content: bytes) -> StoredBlob:
    return store.write(store.new_id(), io.BytesIO(content), len(content))


def read_all(store: BlobStore, blob: StoredBlob) -> bytes:
    return b"".join(store.iter_plaintext(blob))


def fails_to_read(store: BlobStore, blob: StoredBlob) -> None:
    with pytest.raises(IntegrityError):
        store.open(blob).close()
    with pytest.raises(IntegrityError):
        read_all(store, blob)


# -- size classes --------------------------------------------------------------------------


def paper_padme(length: int) -> int:
    """Padmé written out as in the paper (Nikitin et al. 2019, algorithm 1)."""
    if length < 2:
        return length
    e = 0
    while 2 ** (e + 1) <= length:
        e += 1
    s = 1
    while 2**s <= e:
        s += 1
    last_bits = e - s
    mask = (1 << last_bits) - 1
    return (length + mask) & ~mask


def test_padme_agrees_with_the_paper_and_known_values() -> None:
    lengths = [*range(0, 5000), *range(65_000, 67_000), 2**20 - 1, 2**20, 2**20 + 1,
               10**9, 2**40 + 12345]
    assert all(padme(n) == paper_padme(n) for n in lengths)
    assert [padme(n) for n in (0, 1, 2, 9, 1000, 65_536, 65_537, 2**30 + 1)] == [
        0, 1, 2, 10, 1024, 65_536, 67_584, 2**30 + 2**25]
    # The trailer is counted in: an empty file is 16 bytes of plaintext, 1 byte is 18.
    assert [padded_size(n) for n in (0, 1, 2, 107, 150_000)] == [16, 18, 18, 128, 151_552]


def test_overhead_is_at_most_about_twelve_percent() -> None:
    lengths = [*range(0, 70_000), *(int(1.37**k) for k in range(30, 90))]
    for length in lengths:
        stored = length + TRAILER.size
        assert stored <= padded_size(length) <= stored * 1.12, length
    for length in (4096, 10**6, 10**8, 5 * 2**30):
        assert padded_size(length) <= length * 1.12


def test_many_sizes_share_one_class() -> None:
    # Between 1 and 2 MiB (the trailer included) a blob file shows one of 32 sizes, not
    # one of a million.
    lengths = range(2**20 - TRAILER.size + 1, 2**21 - TRAILER.size + 1, 97)
    classes = {padded_size(n) for n in lengths}
    assert len(classes) == 32
    # Sizes near a photo's are indistinguishable from each other on disk.
    assert len({encrypted_size(padded_size(n)) for n in range(3_000_000, 3_010_000)}) == 1


# -- round trips ---------------------------------------------------------------------------


def class_boundary(near: int) -> int:
    """The largest length >= near whose padded size is still that of ``near``."""
    top = padded_size(near)
    length = near
    while padded_size(length + 1) == top:
        length += 1
    return length


BOUNDARY = class_boundary(100_000)
LENGTHS = [0, 1, 2, 15, 16, 17, 1000, CHUNK_SIZE - TRAILER.size - 1, CHUNK_SIZE - TRAILER.size,
           CHUNK_SIZE - TRAILER.size + 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
           3 * CHUNK_SIZE + 5, BOUNDARY, BOUNDARY + 1, 3 * 2**20 + 7]


@pytest.mark.parametrize("length", LENGTHS)
def test_the_true_bytes_come_back_from_every_reader(store: BlobStore, length: int) -> None:
    content = os.urandom(length)
    blob = put(store, content)
    assert (blob.size, blob.format) == (length, FORMAT_PADDED)
    assert blob.sha256 == hashlib.sha256(content).hexdigest()
    assert store.path(blob.id).stat().st_size == encrypted_size(padded_size(length))
    assert read_all(store, blob) == content
    with store.open(blob) as reader:
        assert reader.size == length
        assert reader.read() == content
        assert reader.read(10) == b""
        assert reader.seek(0, os.SEEK_END) == length
        reader.seek(max(0, length - 5))
        assert reader.read(100) == content[-5:]
        middle = length // 2
        reader.seek(middle)
        assert reader.read(CHUNK_SIZE + 3) == content[middle : middle + CHUNK_SIZE + 3]


def test_the_class_boundary_changes_the_file_size(store: BlobStore) -> None:
    inside, outside = put(store, os.urandom(BOUNDARY)), put(store, os.urandom(BOUNDARY + 1))
    below = put(store, os.urandom(BOUNDARY - 1000))
    sizes = [store.path(b.id).stat().st_size for b in (below, inside, outside)]
    assert sizes[0] == sizes[1] < sizes[2]


def test_attach_pads_files_and_thumbnails(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 480), (20, 120, 200)).save(photo, quality=90)
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        incident = archive.add_incident("Padding")
        item = archive.attach_file(incident, photo)
        archive.pictures.make()
        assert archive.get_item(item.id).has_thumbnail
        rows = [StoredBlob.from_row(r) for r in connection_of(archive).execute(
            "SELECT id, file_key, size, sha256, format FROM blobs")]
        assert len(rows) == 2 and {r.format for r in rows} == {FORMAT_PADDED}
        for row in rows:
            on_disk = archive.blobs.path(row.id).stat().st_size
            assert on_disk == encrypted_size(padded_size(row.size)) > row.size
        assert archive.read_thumbnail(item.id).startswith(b"\xff\xd8")
        with archive.open_item(item.id) as reader:
            assert reader.size == item.size and reader.read() == photo.read_bytes()
        assert archive.verify().ok


# -- damage --------------------------------------------------------------------------------


def test_a_row_whose_size_was_altered_is_damage(store: BlobStore) -> None:
    content = os.urandom(3000)
    blob = put(store, content)
    for size in (0, 2999, 3001, padded_size(3000), padded_size(3000) - TRAILER.size):
        altered = blob._replace(size=size)
        with pytest.raises(IntegrityError, match="database records"):
            store.open(altered)
        chunks = store.iter_plaintext(altered)
        with pytest.raises(IntegrityError, match="database records"):
            next(chunks)  # before any byte is released


def test_a_row_whose_format_was_altered_is_damage(store: BlobStore) -> None:
    blob = put(store, os.urandom(5000))
    fails_to_read(store, blob._replace(format=FORMAT_PLAIN))
    fails_to_read(store, blob._replace(format=3))


def test_a_truncated_or_extended_blob_file_is_detected(store: BlobStore) -> None:
    blob = put(store, os.urandom(2 * CHUNK_SIZE + 100))
    path = store.path(blob.id)
    original = path.read_bytes()
    cuts = [0, 1, NONCE_SIZE - 1, NONCE_SIZE, NONCE_SIZE + 1, NONCE_SIZE + ENCRYPTED_CHUNK_SIZE,
            NONCE_SIZE + 2 * ENCRYPTED_CHUNK_SIZE, len(original) - TRAILER.size - 16,
            len(original) - 16, len(original) - 1]
    for cut in cuts:
        path.write_bytes(original[:cut])
        fails_to_read(store, blob)
    for extra in (b"\x00", bytes(16), original[-ENCRYPTED_CHUNK_SIZE:]):
        path.write_bytes(original + extra)
        fails_to_read(store, blob)
    path.write_bytes(original)
    assert len(read_all(store, blob)) == blob.size


def test_every_flipped_byte_of_a_small_padded_blob_is_detected(store: BlobStore) -> None:
    blob = put(store, "Свидетель W-1 видел задержание.".encode() * 3)
    path = store.path(blob.id)
    original = path.read_bytes()
    assert len(original) == encrypted_size(padded_size(blob.size))
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        fails_to_read(store, blob)


def test_a_flip_in_a_padding_only_chunk_fails_the_full_read(store: BlobStore) -> None:
    # Viewers read only the chunks they show; verify, extract and export read all.
    length = 2**22 - TRAILER.size + 1  # just above a power of two: the most padding
    padding_only = -(-length // CHUNK_SIZE)  # the first chunk after the content
    assert (padding_only + 1) * CHUNK_SIZE <= padded_size(length) - TRAILER.size
    blob = put(store, os.urandom(length))
    path = store.path(blob.id)
    damaged = bytearray(path.read_bytes())
    damaged[NONCE_SIZE + padding_only * ENCRYPTED_CHUNK_SIZE + 7] ^= 0x01
    path.write_bytes(bytes(damaged))
    with pytest.raises(IntegrityError):
        read_all(store, blob)


def test_padding_that_is_not_zeros_is_refused(store: BlobStore) -> None:
    key, content = os.urandom(16), b"photo"
    plaintext = content + b"\x01" + bytes(padded_size(5) - 5 - 1 - 16) + TRAILER.pack(
        b"KZBLOBv2", 5)
    blob = StoredBlob(store.new_id(), key, 5, hashlib.sha256(content).hexdigest())
    store.path(blob.id).parent.mkdir(exist_ok=True)
    with open(store.path(blob.id), "wb") as sink:
        writer = PayloadWriter(key, sink)
        writer.write(plaintext)
        writer.finish()
    with store.open(blob) as reader:  # only the full read looks at the padding
        assert reader.read() == content
    with pytest.raises(IntegrityError, match="padding"):
        read_all(store, blob)


def test_archive_reports_an_altered_size_row(tmp_path: Path) -> None:
    source = tmp_path / "evidence.bin"
    source.write_bytes(os.urandom(40_000))
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        incident = archive.add_incident("Altered row")
        item = archive.attach_file(incident, source)
        with archive.transaction() as db:
            db.execute("UPDATE blobs SET size = size - 1")
        with pytest.raises(IntegrityError) as caught:
            archive.verify()
        assert isinstance(caught.value.report, VerifyReport)
        failures = caught.value.report.failures
        assert [f.name for f in failures] == [f"item {item.id} (evidence.bin)"]
        assert "database records 39999" in failures[0].detail
        with pytest.raises(IntegrityError):
            archive.open_item(item.id)
        with pytest.raises(IntegrityError):
            archive.extract_item(item.id, tmp_path / "out.bin")
        assert not (tmp_path / "out.bin").exists()


# -- times ---------------------------------------------------------------------------------


def test_blob_files_and_folders_have_a_fixed_time(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), (90, 10, 10)).save(photo)
    archive, _ = Archive.create(tmp_path / "vault", PASSPHRASE)
    with archive:
        incident = archive.add_incident("Times")
        archive.attach_file(incident, photo)
        archive.add_text(incident, "Показания", witness="W-1")
        # Equal content: the second copy is written, then deleted in favour of the first.
        archive.attach_file(incident, photo)
        archive.pictures.make()  # the thumbnail's blob too
        root = archive.blobs.root
    timed = [root, *root.rglob("*")]
    assert len([p for p in timed if p.is_file()]) >= 3
    assert {p.stat().st_mtime for p in timed} == {FIXED_TIME}


def test_deleting_a_blob_keeps_its_folder_time_fixed(store: BlobStore) -> None:
    first, second = put(store, b"one"), put(store, b"two")
    store.delete(first.id)
    store.delete(second.id)
    folders = {store.path(b.id).parent for b in (first, second)}
    assert {folder.stat().st_mtime for folder in folders} == {FIXED_TIME}


# -- the format is pinned ------------------------------------------------------------------


@pytest.fixture()
def golden() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (GOLDEN / "blob-v2" / "expected.json").read_text(encoding="utf-8"))
    return loaded


def test_the_writer_reproduces_the_golden_blobs(golden: dict[str, Any]) -> None:
    known = maker()
    key, nonce = bytes.fromhex(golden["file_key"]), bytes.fromhex(golden["nonce"])
    assert (key, nonce) == (known.FILE_KEY, known.NONCE)
    for name, facts in golden["blobs"].items():
        content = known.CONTENTS[name]
        assert hashlib.sha256(content).hexdigest() == facts["sha256"]
        sink = io.BytesIO()
        writer = PaddedWriter(key, sink, nonce=nonce)
        writer.write(content)
        writer.finish()
        assert sink.getvalue() == (GOLDEN / "blob-v2" / f"{name}.blob").read_bytes(), name
        assert hashlib.sha256(sink.getvalue()).hexdigest() == facts["file_sha256"]


def test_the_golden_blobs_read_back(store: BlobStore, golden: dict[str, Any]) -> None:
    known = maker()
    key = bytes.fromhex(golden["file_key"])
    for name, facts in golden["blobs"].items():
        data = (GOLDEN / "blob-v2" / f"{name}.blob").read_bytes()
        blob = StoredBlob(store.new_id(), key, facts["size"], facts["sha256"], FORMAT_PADDED)
        store.path(blob.id).parent.mkdir(exist_ok=True)
        store.path(blob.id).write_bytes(data)
        assert read_all(store, blob) == known.CONTENTS[name]
        with store.open(blob) as reader:
            assert reader.read() == known.CONTENTS[name]
        # Read as the documentation describes it, with only the STREAM layer from kzarchive.
        plaintext = b"".join(iter_payload(key, io.BytesIO(data)))
        assert len(plaintext) == facts["padded_size"] == paper_padme(facts["size"] + 16)
        assert plaintext[-16:-8] == b"KZBLOBv2"
        length = int.from_bytes(plaintext[-8:], "big")
        assert length == facts["size"]
        assert set(plaintext[length:-16]) <= {0}
        assert hashlib.sha256(plaintext[:length]).hexdigest() == facts["sha256"]


# -- format 1 ------------------------------------------------------------------------------


def test_format_1_blobs_still_read_and_are_size_checked(store: BlobStore) -> None:
    key, content = os.urandom(16), os.urandom(2 * CHUNK_SIZE + 9)
    blob = StoredBlob(store.new_id(), key, len(content), hashlib.sha256(content).hexdigest(),
                      FORMAT_PLAIN)
    store.path(blob.id).parent.mkdir(exist_ok=True)
    with open(store.path(blob.id), "wb") as sink:
        writer = PayloadWriter(key, sink)
        writer.write(content)
        writer.finish()
    assert read_all(store, blob) == content
    with store.open(blob) as reader:
        assert reader.read() == content
    for size in (len(content) - 1, len(content) + 1):
        with pytest.raises(IntegrityError, match="database records"):
            store.open(blob._replace(size=size))
        with pytest.raises(IntegrityError, match="database records"):
            read_all(store, blob._replace(size=size))


def test_the_golden_v1_vault_keeps_format_1_and_adds_format_2(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(GOLDEN / "vault-v1" / "vault", vault)
    source = tmp_path / "new.bin"
    source.write_bytes(os.urandom(10_000))
    with Archive.open(vault, GOLDEN_V1_PASSPHRASE) as archive:
        assert database.schema_version(connection_of(archive)) == database.SCHEMA_VERSION >= 4
        old = {row[0] for row in connection_of(archive).execute("SELECT format FROM blobs")}
        assert old == {FORMAT_PLAIN}
        [incident] = archive.list_incidents()
        item = archive.attach_file(incident.id, source)
        formats = dict(connection_of(archive).execute(
            "SELECT i.id, b.format FROM items i JOIN blobs b ON b.id = i.blob_id").fetchall())
        assert formats[item.id] == FORMAT_PADDED
        assert sorted(formats.values()) == [FORMAT_PLAIN, FORMAT_PLAIN, FORMAT_PADDED]
        assert archive.verify().items_checked == 3
        assert archive.extract_item(item.id, tmp_path / "out").read_bytes() == source.read_bytes()


def test_the_version_4_migration_marks_only_existing_rows(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "archive.db", os.urandom(32))
    database.MIGRATIONS[1](conn)
    conn.execute("INSERT INTO blobs (id, file_key, size, sha256) VALUES ('a', x'00', 1, 'h')")
    for version in (2, 3, 4):
        database.MIGRATIONS[version](conn)
    conn.execute("INSERT INTO blobs (id, file_key, size, sha256) VALUES ('b', x'00', 1, 'h')")
    assert conn.execute("SELECT id, format FROM blobs ORDER BY id").fetchall() == [
        ("a", FORMAT_PLAIN), ("b", FORMAT_PADDED)]
    conn.close()


class _Unbuffered(io.RawIOBase):
    """A stream that is not held in memory: read in blocks as a file is."""

    def __init__(self, data: bytes) -> None:
        self._source = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._source.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE, 3 * 1024 * 1024 + 17])
def test_content_in_memory_and_streamed_content_are_stored_alike(
        store: BlobStore, size: int) -> None:
    data = os.urandom(size)
    held = store.write_content(store.new_id(), data)
    streamed = store.write(store.new_id(), _Unbuffered(data), size)  # type: ignore[arg-type]
    for blob in (held, streamed):
        assert blob.sha256 == hashlib.sha256(data).hexdigest() and blob.size == size
        assert read_all(store, blob) == data
    assert store.path(held.id).stat().st_size == store.path(streamed.id).stat().st_size
    assert held.file_key != streamed.file_key


def test_a_cancel_while_a_stream_is_encrypted_leaves_nothing(store: BlobStore) -> None:
    token = CancelToken()

    def cancel_after_first(done: int, total: int) -> None:
        token.cancel()

    source = io.BytesIO(os.urandom(4 * 1024 * 1024))
    with pytest.raises(Cancelled):
        store.write(store.new_id(), source, 4 * 1024 * 1024, cancel_after_first, token)
    assert not store.all_ids() and not any(store.tmp.iterdir())
    source.write(b"the buffer is free again")  # no view of it is left behind
