"""Export, verify and import across vaults: documenter -> partner -> second partner."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kzarchive.archive import Archive, ExportOptions
from kzarchive.bundle import BundleError
from kzarchive.errors import BadInput, Cancelled, UntrustedSigner
from kzarchive.util.progress import CancelToken
from tests.connection import connection_of

# Three vaults by name, and "introduce": who adds (and verifies) whose card.
Vaults = dict[str, Any]


@pytest.fixture()
def vaults(tmp_path: Path, passphrase: str) -> Iterator[Vaults]:
    made: Vaults = {}
    for name in ("Documenter", "Partner", "Second partner"):
        made[name], _ = Archive.create(tmp_path / name.replace(" ", "-"), passphrase, name=name)
        made[name].export_card(tmp_path / f"{name}.card")

    def introduce(who: str, whom: str, verify: bool = True) -> None:
        made[who].add_contact_card(tmp_path / f"{whom}.card")
        if verify:
            made[who].verify_contact(whom)

    made["introduce"] = introduce
    yield made
    for name in ("Documenter", "Partner", "Second partner"):
        made[name].close()


def _evidence(archive: Archive, folder: Path) -> tuple[str, dict[str, bytes]]:
    incident = archive.add_incident("Задержание журналиста", violations=["attack-on-journalist"])
    archive.add_person(incident, "victim", "Журналист А", real_name="Настоящее Имя")
    contents = {}
    photo = folder / "photo.jpg"
    Image.new("RGB", (80, 60), (200, 30, 30)).save(photo, quality=90)
    document = folder / "report.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(150_000))
    for path in (photo, document):
        item = archive.attach_file(incident, path)
        contents[item.id] = path.read_bytes()
    text = archive.add_text(incident, "Я видел задержание у акимата.", witness="Свидетель 1")
    contents[text.id] = "Я видел задержание у акимата.".encode()
    return incident, contents


def test_round_trip_across_three_vaults(vaults: Vaults, tmp_path: Path) -> None:
    documenter, partner, second = vaults["Documenter"], vaults["Partner"], vaults["Second partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    vaults["introduce"]("Partner", "Second partner")
    vaults["introduce"]("Second partner", "Partner")
    incident, contents = _evidence(documenter, tmp_path)
    first = documenter.export_bundle([incident], ["Partner"], tmp_path / "one.kzb",
                                     ExportOptions(originals=True))
    assert {e.sent for e in first.items} == {"original"}
    partner.import_bundle(tmp_path / "one.kzb")
    second_export = partner.export_bundle([incident], ["Second partner"], tmp_path / "two.kzb",
                                          ExportOptions(originals=True))
    report = second.verify_bundle(tmp_path / "two.kzb")
    assert report.ok
    assert report.tag_manifest_sha256 == second_export.tag_manifest_sha256
    assert any(c.name == "upstream custody" and c.ok for c in report.checks)
    second.import_bundle(tmp_path / "two.kzb")

    for vault in (partner, second):
        for item_id, data in contents.items():
            item = vault.get_item(item_id)
            assert item.sha256 == documenter.get_item(item_id).sha256
            assert item.sha256 == hashlib.sha256(data).hexdigest()
            with vault.open_item(item_id) as reader:
                assert reader.read() == data
        vault.verify()
    # Each vault's own chain of the incident is extended by the export and import acts.
    assert documenter.custody_entries(incident)[-1].action == "bundle.exported"
    assert [e.action for e in partner.custody_entries(incident)] == [
        "bundle.imported", "bundle.exported"]
    # The second partner holds the documenter's own signed chain, intact.
    origins = dict(second.received_custody(incident))
    original_chain = [e.leaf_hash for e in documenter.custody_entries(incident)
                      if e.action != "bundle.exported"]
    assert [e["leaf_hash"] for e in origins[documenter.fingerprint]] == original_chain


def test_importing_the_same_bundle_again_changes_nothing(vaults: Vaults, tmp_path: Path) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    incident, _ = _evidence(documenter, tmp_path)
    documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    assert partner.import_bundle(tmp_path / "b.kzb").items_added
    blobs, log = partner.blobs.all_ids(), partner.custody_entries()
    again = partner.import_bundle(tmp_path / "b.kzb")
    assert again.already_imported and not again.items_added
    assert partner.blobs.all_ids() == blobs and partner.custody_entries() == log


def test_defaults_protect_people_and_places(vaults: Vaults, tmp_path: Path) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    incident, contents = _evidence(documenter, tmp_path)
    result = documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    sent = {e.name: e.sent for e in result.items}
    assert sent["photo.jpg"] == "sanitized" and sent["report.pdf"] == "original"
    partner.import_bundle(tmp_path / "b.kzb")
    assert partner.list_people(incident)[0].real_name is None
    photo = next(i for i in partner.list_items(incident) if i.name == "photo.jpg")
    assert photo.derivation == {"kind": "sanitized",
                                "original_sha256": hashlib.sha256(contents[photo.id]).hexdigest()}


def test_export_goes_only_to_verified_contacts(vaults: Vaults, tmp_path: Path) -> None:
    documenter = vaults["Documenter"]
    vaults["introduce"]("Documenter", "Partner", verify=False)
    incident, _ = _evidence(documenter, tmp_path)
    with pytest.raises(BadInput) as caught:
        documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    assert "not verified" in caught.value.message
    assert not (tmp_path / "b.kzb").exists()


def test_unverified_signer_is_reported_never_valid(vaults: Vaults, tmp_path: Path) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter", verify=False)
    incident, _ = _evidence(documenter, tmp_path)
    documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    with pytest.raises(UntrustedSigner):
        partner.verify_bundle(tmp_path / "b.kzb")
    with pytest.raises(UntrustedSigner):
        partner.import_bundle(tmp_path / "b.kzb")
    assert partner.list_incidents() == [] and partner.blobs.all_ids() == set()
    # After an explicit warning, the person may accept it.
    partner.import_bundle(tmp_path / "b.kzb", accept_untrusted_signer=True)
    assert [i.id for i in partner.list_incidents()] == [incident]


def test_cancelled_export_leaves_no_file(vaults: Vaults, tmp_path: Path) -> None:
    documenter = vaults["Documenter"]
    vaults["introduce"]("Documenter", "Partner")
    incident, _ = _evidence(documenter, tmp_path)
    token = CancelToken()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        documenter.export_bundle([incident], ["Partner"], out / "b.kzb",
                                 progress=lambda done, total: token.cancel(), cancel=token)
    assert list(out.iterdir()) == []


def test_damaged_bundle_imports_nothing(vaults: Vaults, tmp_path: Path) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    incident, _ = _evidence(documenter, tmp_path)
    documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    data = bytearray((tmp_path / "b.kzb").read_bytes())
    data[-100] ^= 0x01  # inside the last evidence file's ciphertext
    (tmp_path / "bad.kzb").write_bytes(bytes(data))
    with pytest.raises(BundleError):
        partner.import_bundle(tmp_path / "bad.kzb")
    assert partner.list_incidents() == []
    assert partner.blobs.all_ids() == set()
    partner.verify()


@pytest.mark.interop
@pytest.mark.skipif(not all(shutil.which(t) for t in ("age", "age-keygen", "minisign", "tar")),
                    reason="age, minisign and tar are installed by scripts/setup --test")
def test_partner_with_only_standard_tools_can_check_everything(
        vaults: Vaults, tmp_path: Path) -> None:
    documenter = vaults["Documenter"]
    key = tmp_path / "investigator-key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True, capture_output=True,
                               text=True).stdout.strip()
    documenter.add_contact_age("Investigator", recipient)
    documenter.verify_contact("Investigator")
    incident, contents = _evidence(documenter, tmp_path)
    result = documenter.export_bundle([incident], ["Investigator"], tmp_path / "b.kzb",
                                      ExportOptions(originals=True))
    out = tmp_path / "out"
    out.mkdir()
    decrypted = subprocess.run(["age", "-d", "-i", str(key), str(tmp_path / "b.kzb")],
                               check=True, capture_output=True).stdout
    untar = subprocess.run(["tar", "-x", "-C", str(out)], input=decrypted, capture_output=True)
    assert untar.returncode == 0 and untar.stderr == b""
    bag = out / result.bundle_id
    check = subprocess.run(["minisign", "-V", "-p", str(bag / "sender.pub"),
                            "-m", str(bag / "tagmanifest-sha256.txt")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert documenter.fingerprint in check.stdout
    bagit = Path(shutil.which("bagit.py") or Path(sys.executable).parent / "bagit.py")
    valid = subprocess.run([sys.executable, str(bagit), "--validate", str(bag)],
                           capture_output=True, text=True)
    assert valid.returncode == 0, valid.stderr
    for item_id, data in contents.items():
        assert next((bag / "data" / "files").glob(f"{item_id}*")).read_bytes() == data


def test_altered_received_custody_fails_verify(vaults: Vaults, tmp_path: Path) -> None:
    from kzarchive.errors import IntegrityError

    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    incident, _ = _evidence(documenter, tmp_path)
    documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    partner.import_bundle(tmp_path / "b.kzb")
    partner.verify()
    connection_of(partner).execute(
        "UPDATE foreign_custody SET entry = replace(entry, 'item.added', "
        "'item.xdded') WHERE seq = (SELECT max(seq) FROM foreign_custody)")
    with pytest.raises(IntegrityError) as caught:
        partner.verify()
    assert "received custody" in caught.value.message


def test_a_redacted_copy_travels_instead_of_its_original(vaults: Vaults, tmp_path: Path) -> None:
    from kzarchive.media.redact import Box

    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults["introduce"]("Documenter", "Partner")
    vaults["introduce"]("Partner", "Documenter")
    incident, _ = _evidence(documenter, tmp_path)
    photo = next(i for i in documenter.list_items(incident) if i.name == "photo.jpg")
    redacted = documenter.redact_item(photo.id, [Box(10, 10, 20, 20)])
    result = documenter.export_bundle([incident], ["Partner"], tmp_path / "b.kzb")
    sent = {e.item_id: e.sent for e in result.items}
    assert sent[photo.id] == "withheld"
    assert sent[redacted.id] == "original"  # a redaction carries no metadata to remove
    partner.import_bundle(tmp_path / "b.kzb")
    received = partner.get_item(redacted.id)
    # The partner sees the link to the original and its hash, without its pixels.
    assert received.sha256 == redacted.sha256
    assert received.derivation is not None
    assert received.derivation["kind"] == "redaction"
    assert received.derivation["original_item_id"] == photo.id
    assert received.derivation["original_sha256"] == photo.sha256
    assert photo.id not in {i.id for i in partner.list_items(incident)}
    partner.verify()
