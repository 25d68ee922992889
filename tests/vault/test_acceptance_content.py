"""What goes in comes out byte for byte, and verify holds on a vault of 1,000 items."""

from __future__ import annotations

import hashlib
import io
import os
import random
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.crypto.stream import CHUNK_SIZE

# Sizes around the encryption's chunk boundaries, where off-by-one errors live.
SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE,
         3 * CHUNK_SIZE + 17, 1024 * 1024 + 5]


@pytest.mark.parametrize("size", SIZES)
def test_extract_returns_exactly_the_attached_bytes(
        archive: Archive, tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    source = tmp_path / "original.bin"
    source.write_bytes(data)
    incident = archive.add_incident("Extraction")
    item = archive.attach_file(incident, source)
    assert item.size == size and item.sha256 == hashlib.sha256(data).hexdigest()
    out = archive.extract_item(item.id, tmp_path / "copy.bin")
    assert out.read_bytes() == data
    with archive.open_item(item.id) as reader:
        assert reader.read() == data
        if size > 10:
            reader.seek(size - 10)
            assert reader.read() == data[-10:]
    assert source.read_bytes() == data  # the original is never modified


def test_verify_passes_on_a_vault_of_a_thousand_items(archive: Archive, tmp_path: Path) -> None:
    rng = random.Random(os.urandom(8))
    incidents = [archive.add_incident(f"Incident {n}", description=f"описание {n}")
                 for n in range(20)]
    stored: dict[str, bytes] = {}
    for n in range(1000):
        incident = incidents[n % len(incidents)]
        if n % 10 == 0:
            text = f"Показания номер {n}: " + "слово " * rng.randrange(1, 200)
            item = archive.add_text(incident, text, witness=f"W-{n}")
            stored[item.id] = text.encode("utf-8")
        else:
            data = rng.randbytes(rng.randrange(1, 4000))
            item = archive.store_content(incident, io.BytesIO(data), name=f"file-{n}.bin",
                                         expected_size=len(data))
            stored[item.id] = data

    report = archive.verify()
    assert report.ok and report.items_checked == 1000
    assert report.bytes_checked == sum(len(d) for d in stored.values())
    assert sum(len(archive.list_items(i)) for i in incidents) == 1000
    assert len(archive.custody_entries()) == 1 + 20 + 1000
    for item_id in rng.sample(sorted(stored), 25):
        out = archive.extract_item(item_id, tmp_path / item_id)
        assert out.read_bytes() == stored[item_id]

    path = archive.path
    archive.close()
    with Archive.open(path, "correct horse battery") as reopened:
        assert reopened.verify().items_checked == 1000
