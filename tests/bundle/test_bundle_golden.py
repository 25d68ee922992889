"""The golden bundle of format version 1 still opens, verifies and says the same."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.bundle import BundleError, FileRecord, read_bundle, write_bundle
from kzarchive.bundle import bagit as bag_files
from kzarchive.crypto import age
from kzarchive.crypto.age import X25519Identity, parse_identity_file
from kzarchive.crypto.identity import ContactCard
from tests.bundle.bundle_factory import members_of
from tests.bundle.make_bundle_golden import BUNDLE, EXPECTED, PARTNER_KEY, SENDER_CARD, golden_spec


@pytest.fixture(scope="module")
def golden() -> bytes:
    return BUNDLE.read_bytes()


@pytest.fixture(scope="module")
def partner_keys() -> list[X25519Identity]:
    return parse_identity_file(PARTNER_KEY.read_text())


def test_the_golden_bundle_verifies_and_yields_its_content(
    golden: bytes, partner_keys: list[X25519Identity]
) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    sender = ContactCard.from_text(SENDER_CARD.read_text(encoding="utf-8")).identity
    digests: dict[str, str] = {}

    def keep(record: FileRecord, chunks: Iterator[bytes]) -> None:
        hasher = hashlib.sha256()
        for chunk in chunks:
            hasher.update(chunk)
        digests[record.path] = hasher.hexdigest()

    report = read_bundle(io.BytesIO(golden), partner_keys, [sender], keep)
    assert report.ok
    assert digests == expected["files"]
    assert report.bundle_id == expected["bundle_id"]
    assert report.signer is not None and report.signer.fingerprint == expected["sender"]
    document = report.bundle_json or {}
    assert {k: v for k, v in document.items() if k in expected["content"]} == expected["content"]
    assert (document["created"], document["format_version"]) == (expected["created"], 1)


def test_one_changed_byte_of_the_golden_bundle_is_refused(
    golden: bytes, partner_keys: list[X25519Identity]
) -> None:
    sender = ContactCard.from_text(SENDER_CARD.read_text(encoding="utf-8")).identity
    changed = bytearray(golden)
    changed[len(changed) // 2] ^= 0x01
    with pytest.raises(BundleError):
        read_bundle(io.BytesIO(bytes(changed)), partner_keys, [sender])


def test_the_writer_still_lays_bundles_out_as_the_golden_one(
    golden: bytes, partner_keys: list[X25519Identity]
) -> None:
    # The plaintext is deterministic but for the software version in bag-info.txt;
    # names, order, labels and every file but the tag files must be identical.
    out = io.BytesIO()
    write_bundle(golden_spec(), out)
    root, now = members_of(_plaintext(out.getvalue(), partner_keys))
    golden_root, then = members_of(_plaintext(golden, partner_keys))
    assert root == golden_root
    assert list(now) == list(then)
    version_dependent = {
        "bag-info.txt", "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.minisig",
    }
    for path in now:
        if path not in version_dependent:
            assert now[path] == then[path], path
    labels_now = [label for label, _ in _bag_info(now).elements]
    assert labels_now == [label for label, _ in _bag_info(then).elements]


def _bag_info(entries: dict[str, bytes | None]) -> bag_files.TagElements:
    return bag_files.parse_tag_elements(entries["bag-info.txt"] or b"")


def _plaintext(data: bytes, keys: list[X25519Identity]) -> bytes:
    out = io.BytesIO()
    age.decrypt(keys, io.BytesIO(data), out)
    return out.getvalue()


def test_the_golden_files_are_present() -> None:
    for path in (BUNDLE, PARTNER_KEY, SENDER_CARD, EXPECTED):
        assert Path(path).is_file(), f"{path} is missing: run tests/bundle/make_bundle_golden.py"
