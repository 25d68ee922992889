"""Bundles as files: complete or absent at the target path, and memory flat whatever the size."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kzarchive.bundle import FileRecord, PayloadFile, read_bundle, write_bundle, write_bundle_file
from kzarchive.errors import BadInput, Cancelled, DiskFull, IntegrityError
from kzarchive.util.progress import CancelToken
from tests.bundle.bundle_factory import PARTNER, SENDER, make_spec, payload

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

BIG = 32 * 2**20
PIECE = 64 * 1024


def big_content() -> Iterator[bytes]:
    for index in range(BIG // PIECE):
        yield index.to_bytes(4, "big") * (PIECE // 4)


def big_file() -> PayloadFile:
    hasher = hashlib.sha256()
    for chunk in big_content():
        hasher.update(chunk)
    return PayloadFile("b1b1b1b1b1b1b1b1", "mp4", BIG, hasher.hexdigest(), big_content)


def test_a_bundle_file_appears_complete_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "for-partner.kzb"
    written = write_bundle_file(make_spec(), target)
    assert os.listdir(tmp_path) == ["for-partner.kzb"]
    assert written.payload_files == 8 and len(written.tag_manifest_sha256) == 64
    with target.open("rb") as source:
        assert read_bundle(source, [PARTNER.age_identity], [SENDER.public]).ok


def test_an_existing_file_is_kept_unless_overwriting_was_confirmed(tmp_path: Path) -> None:
    target = tmp_path / "bundle.kzb"
    target.write_bytes(b"earlier bundle")
    with pytest.raises(BadInput, match="already exists"):
        write_bundle_file(make_spec(), target)
    assert target.read_bytes() == b"earlier bundle"
    write_bundle_file(make_spec(), target, overwrite=True)
    assert target.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert os.listdir(tmp_path) == ["bundle.kzb"]


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    spec = make_spec()
    bad = PayloadFile("a1b2c3d4e5f60718", "jpg", 3, "0" * 64, lambda: iter([b"abc"]))
    with pytest.raises(IntegrityError):
        write_bundle_file(type(spec)(**{**spec.__dict__, "files": [bad]}), tmp_path / "b.kzb")
    assert os.listdir(tmp_path) == []


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    token = CancelToken()
    files = {"c0c0c0c0c0c0c0c0": ("bin", bytes(500_000))}

    def cancel_after_a_while(done: int, total: int) -> None:
        if done > 200_000:
            token.cancel()

    with pytest.raises(Cancelled):
        write_bundle_file(make_spec(files=files), tmp_path / "b.kzb", cancel_after_a_while, token)
    assert os.listdir(tmp_path) == []


def test_a_full_disk_is_reported_as_such_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class SmallDisk(io.FileIO):
        """The temporary file on a disk with room for 20 kB."""

        def write(self, data: bytes) -> int:  # type: ignore[override]
            if self.tell() + len(data) > 20_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(data)

    def small_disk(descriptor: int, mode: str) -> SmallDisk:
        return SmallDisk(descriptor, mode)

    monkeypatch.setattr("kzarchive.bundle.writer.os.fdopen", small_disk)
    with pytest.raises(DiskFull):
        write_bundle_file(make_spec(), tmp_path / "b.kzb")
    assert os.listdir(tmp_path) == []


def test_the_target_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        write_bundle_file(make_spec(), tmp_path / "missing" / "b.kzb")


def test_memory_stays_flat_for_a_large_file(tmp_path: Path) -> None:
    target = tmp_path / "big.kzb"
    small = payload("e0e0e0e0e0e0e0e0", "txt", b"note\n")
    spec = make_spec()
    spec = type(spec)(**{**spec.__dict__, "files": [small, big_file()]})
    tracemalloc.start()
    try:
        write_bundle_file(spec, target)
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        digests = {}

        def consume(record: FileRecord, chunks: Iterator[bytes]) -> None:
            hasher = hashlib.sha256()
            for chunk in chunks:
                hasher.update(chunk)
            digests[record.item_id] = hasher.hexdigest()

        with target.open("rb") as source:
            report = read_bundle(source, [PARTNER.age_identity], [SENDER.public], consume)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.ok and target.stat().st_size > BIG
    assert digests["b1b1b1b1b1b1b1b1"] == big_file().sha256
    # A few hundred kB in practice: pieces of 64 KiB, never the file.
    assert write_peak < 2 * 2**20 and read_peak < 2 * 2**20, (write_peak, read_peak)


def test_reading_from_a_stream_needs_no_seeking() -> None:
    class OnlyRead(io.RawIOBase):
        def __init__(self, data: bytes):
            self._inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: WriteableBuffer) -> int:
            view = memoryview(buffer)
            data = self._inner.read(min(len(view), 1000))
            view[: len(data)] = data
            return len(data)

    out = io.BytesIO()
    write_bundle(make_spec(), out)
    source = io.BufferedReader(OnlyRead(out.getvalue()))
    assert read_bundle(source, [PARTNER.age_identity], [SENDER.public]).ok
