"""Content Credentials are read and validated at intake, kept in the item's metadata
and shown by ``incident show --json``; a tampered file is flagged; the bytes stay."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.service import provenance
from kzarchive.util.canonical import canonical_json
from tests.cli.cli_runner import Cli
from tests.media import media_builders
from tests.media.c2pa_signing import CredentialSigner, make_test_signer, manifest, plain_photo, sign
from tests.similar.pictures import write


@pytest.fixture(scope="module")
def signer() -> CredentialSigner:
    return make_test_signer()


@pytest.fixture(scope="module")
def signed(signer: CredentialSigner) -> bytes:
    return sign(plain_photo(), signer)


def tampered_copy(signed: bytes) -> bytes:
    changed = bytearray(signed)
    changed[-20] ^= 0x55  # image data just before the end marker
    return bytes(changed)


def test_a_signed_photo_is_read_at_intake_and_kept_byte_for_byte(
        archive: Archive, tmp_path: Path, signed: bytes) -> None:
    incident = archive.add_incident("Задержание")
    item = archive.attach_file(incident, write(tmp_path, "signed.jpg", signed))
    record = item.metadata[provenance.OWN]
    assert record["state"] == "valid"
    assert record["signer"] == "Test Field Camera"
    assert record["issuer"] == "Test Newsroom"
    assert record["claim_generator"] == "Test Camera App 2.1"
    assert [a["action"] for a in record["actions"]] == ["c2pa.created"]
    assert record["trusted"] is False  # no trust list offline
    assert provenance.status(record) == "valid"
    assert item.sha256 == hashlib.sha256(signed).hexdigest()
    with archive.open_item(item.id) as reader:
        assert reader.read() == signed


def test_a_tampered_photo_is_flagged(archive: Archive, tmp_path: Path, signed: bytes) -> None:
    incident = archive.add_incident("Подделка")
    item = archive.attach_file(incident, write(tmp_path, "edited.jpg", tampered_copy(signed)))
    record = item.metadata[provenance.OWN]
    assert record["state"] == "invalid"
    assert "assertion.dataHash.mismatch" in record["failures"]
    assert provenance.status(record) == "tampered"


def test_photos_without_a_manifest_and_other_files_carry_no_record(
        archive: Archive, tmp_path: Path) -> None:
    incident = archive.add_incident("Без подписи")
    photo = archive.attach_file(incident, write(tmp_path, "plain.jpg", plain_photo()))
    text = archive.add_text(incident, "показания")
    assert provenance.OWN not in photo.metadata
    assert provenance.OWN not in text.metadata
    assert provenance.status(photo.metadata.get(provenance.OWN)) == "none"


def test_a_signed_video_is_read_at_intake(
        archive: Archive, tmp_path: Path, signer: CredentialSigner) -> None:
    clip = sign(media_builders.mp4(media=bytes(range(256)) * 4), signer, manifest("clip.mp4"),
                mime="video/mp4")
    incident = archive.add_incident("Видео")
    item = archive.attach_file(incident, write(tmp_path, "clip.mp4", clip))
    assert item.kind == "video"
    assert item.metadata[provenance.OWN]["state"] == "valid"


def test_incident_show_json_shows_the_credentials_and_the_tampering(
        vault_cli: Cli, tmp_path: Path, signed: bytes) -> None:
    incident = vault_cli("incident", "add", "--title", "Акция").out.strip()
    vault_cli("attach", incident, write(tmp_path, "signed.jpg", signed),
              write(tmp_path, "edited.jpg", tampered_copy(signed)))
    shown = vault_cli("incident", "show", incident, "--json").json()
    by_name = {item["name"]: item["metadata"]["content_credentials"] for item in shown["items"]}
    assert by_name["signed.jpg"]["state"] == "valid"
    assert by_name["signed.jpg"]["signer"] == "Test Field Camera"
    assert by_name["edited.jpg"]["state"] == "invalid"
    assert "assertion.dataHash.mismatch" in by_name["edited.jpg"]["failures"]


def test_a_huge_manifest_is_bounded_to_fit_a_bundle() -> None:
    action = {"action": "c2pa.edited", "software_agent": "ж" * 300, "when": "w" * 300,
              "digital_source_type": "d" * 300}
    record = {"state": "valid", "trusted": False, "failures": [], "signer": "s",
              "issuer": "", "signed_at": "", "claim_generator": "g", "title": "t",
              "actions": [action] * 100, "ingredients": [], "remote_url": "", "note": ""}
    kept = provenance.bounded(record)
    assert len(canonical_json(kept)) <= provenance.MAX_RECORD_BYTES
    assert 0 < len(kept["actions"]) < 100
    assert "not kept" in kept["note"]
