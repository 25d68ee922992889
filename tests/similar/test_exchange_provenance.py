"""Across vaults: imported items are found as copies, fingerprinted and read again from
the received bytes; the sender's credentials statement is kept as its claim, and a
hostile statement is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kzarchive.archive import Archive, ExportOptions
from kzarchive.bundle import BundleError
from kzarchive.errors import IntegrityError
from kzarchive.media.perceptual import fingerprint
from kzarchive.service import provenance
from kzarchive.service.pictures import read_pixels
from tests.bundle.bundle_factory import members_of, plaintext_of
from tests.bundle.hostile_bundles import Parties, edit_document, forge, make_parties, vault_state
from tests.connection import connection_of
from tests.media.c2pa_signing import make_test_signer, plain_photo, sign
from tests.media.scenes import scene
from tests.similar.pictures import copies, jpeg, write


@pytest.fixture()
def parties(tmp_path: Path, passphrase: str) -> Iterator[Parties]:
    made = make_parties(tmp_path, passphrase)
    yield made
    for vault in made.all():
        vault.close()


def _documented(parties: Parties, seed: int = 21) -> tuple[str, dict[str, str]]:
    """The documenter's incident: a photo, a C2PA-signed photo and a tampered one."""
    documenter, folder = parties.documenter, parties.folder
    incident = documenter.add_incident("Разгон акции")
    signed = sign(plain_photo(), make_test_signer())
    tampered = bytearray(signed)
    tampered[-20] ^= 0x55
    ids = {}
    for name, data in (("photo.jpg", copies(seed)["original.jpg"]), ("signed.jpg", signed),
                       ("tampered.jpg", bytes(tampered))):
        ids[name] = documenter.attach_file(incident, write(folder, name, data)).id
    return incident, ids


def _bundle_items(path: Path, recipient: Archive) -> dict[str, dict[str, Any]]:
    _root, files = members_of(plaintext_of(path.read_bytes(), recipient.own_identity()))
    document = json.loads(files["data/bundle.json"] or b"{}")
    return {record["name"]: record for record in document["items"]}


def test_an_imported_copy_is_found_from_a_photo_of_the_partners_own(parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "sanitized.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path)  # sanitized copies
    parties.partner.import_bundle(path)
    # The partner got the same picture from a messenger, resized and recompressed.
    own_incident = parties.partner.add_incident("Из мессенджера")
    mine = parties.partner.attach_file(
        own_incident, write(parties.folder, "tg.jpg", copies(21)["resized.jpg"]))
    found = parties.partner.similar.find(mine.id)
    assert [m.item.id for m in found.matches] == [ids["photo.jpg"]]
    match = found.matches[0]
    assert match.received is True
    assert match.item.collector == parties.documenter.fingerprint
    assert match.incident_title == "Разгон акции"
    # The other way round too: from the imported item to the partner's own.
    assert [m.item.id for m in parties.partner.similar.find(ids["photo.jpg"]).matches] == [
        mine.id]


def test_the_fingerprint_of_an_import_is_made_from_the_received_bytes(parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "originals.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path,
                                     ExportOptions(originals=True))
    parties.partner.import_bundle(path)
    assert ids["photo.jpg"] in parties.partner.pictures.make()
    db = connection_of(parties.partner)
    stored = db.execute("SELECT fingerprint, quality FROM perceptual_hashes WHERE item_id = ?",
                        (ids["photo.jpg"],)).fetchone()
    with parties.partner.open_item(ids["photo.jpg"]) as reader:
        made_here = read_pixels(reader, "image/jpeg")["fingerprint"]
    assert made_here is not None
    assert bytes(stored[0]) == made_here.pdq + b"".join(made_here.crops)
    assert stored[1] == made_here.quality
    # Not a hash of anything else: a different picture is far away.
    assert made_here.pdq != fingerprint(scene(99)).pdq


def test_sanitized_copies_state_the_originals_credentials_which_become_the_senders_claim(
        parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "sanitized.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path)
    records = _bundle_items(path, parties.partner)
    assert records["signed.jpg"]["sent"] == "sanitized"
    assert records["signed.jpg"]["original_content_credentials"] == "valid"
    assert records["tampered.jpg"]["original_content_credentials"] == "invalid"
    assert "original_content_credentials" not in records["photo.jpg"]
    parties.partner.import_bundle(path)
    received = parties.partner.get_item(ids["signed.jpg"])
    # The copy carries no manifest, so nothing of the partner's own reading; the
    # sender's statement is kept as its claim.
    assert provenance.OWN not in received.metadata
    claim = received.metadata[provenance.CLAIMED]
    assert claim["state"] == "valid" and claim["signer"] == "Test Field Camera"
    assert provenance.status(
        parties.partner.get_item(ids["tampered.jpg"]).metadata[provenance.CLAIMED]) == "tampered"


def test_originals_are_read_again_by_the_partner(parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "originals.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path,
                                     ExportOptions(originals=True))
    assert "original_content_credentials" not in _bundle_items(path, parties.partner)[
        "signed.jpg"]
    parties.partner.import_bundle(path)
    signed = parties.partner.get_item(ids["signed.jpg"])
    assert signed.metadata[provenance.OWN]["state"] == "valid"
    assert signed.metadata[provenance.CLAIMED]["state"] == "valid"
    tampered = parties.partner.get_item(ids["tampered.jpg"])
    assert provenance.status(tampered.metadata[provenance.OWN]) == "tampered"


def test_the_partners_own_reading_wins_over_a_senders_false_claim(parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "originals.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path,
                                     ExportOptions(originals=True))

    def claim_valid(document: dict[str, Any]) -> None:
        for record in document["items"]:
            if record["name"] == "tampered.jpg":
                record["metadata"]["content_credentials"]["state"] = "valid"
                record["metadata"]["content_credentials"]["failures"] = []

    lying = forge(path, parties.documenter, parties.partner, edit_document(claim_valid))
    parties.partner.import_bundle(lying)
    item = parties.partner.get_item(ids["tampered.jpg"])
    assert item.metadata[provenance.CLAIMED]["state"] == "valid"  # what the sender says
    assert provenance.status(item.metadata[provenance.OWN]) == "tampered"  # what is true


def _credentials(document: dict[str, Any], name: str) -> dict[str, Any]:
    record = next(r for r in document["items"] if r["name"] == name)
    value: dict[str, Any] = record["metadata"]["content_credentials"]
    return value


def _signed(document: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in document["items"] if r["name"] == "signed.jpg")


HOSTILE: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("an unknown state", lambda d: _credentials(d, "signed.jpg").update(state="certified"),
     "content_credentials.state"),
    ("trusted is text", lambda d: _credentials(d, "signed.jpg").update(trusted="yes"),
     "content_credentials.trusted"),
    ("a signer too long", lambda d: _credentials(d, "signed.jpg").update(signer="A" * 301),
     "content_credentials.signer"),
    ("a direction override", lambda d: _credentials(d, "signed.jpg").update(
        signer="Camera \u202egpj.exe"), "content_credentials.signer"),
    ("an unknown field", lambda d: _credentials(d, "signed.jpg").update(verdict="real"),
     "content_credentials"),
    ("the record is a list", lambda d: _signed(d)["metadata"].update(content_credentials=[1]),
     "content_credentials"),
    ("an action is text", lambda d: _credentials(d, "signed.jpg").update(actions=["x"]),
     "content_credentials.actions[0]"),
    ("too many failures", lambda d: _credentials(d, "signed.jpg").update(
        failures=["a"] * 101), "content_credentials.failures"),
    ("an ingredient's flag is text", lambda d: _credentials(d, "signed.jpg").update(
        ingredients=[{"title": "x", "signed": "no"}]), "content_credentials.ingredients[0]"),
    ("a claim of an unknown state", lambda d: _signed(d)["metadata"].update(
        content_credentials_claimed={"state": "maybe"}), "content_credentials_claimed.state"),
    ("an original's state on an original", lambda d: _signed(d).update(
        original_content_credentials="valid"), "states the credentials of an original"),
]


@pytest.mark.parametrize(("change", "field"), [(c, f) for _n, c, f in HOSTILE],
                         ids=[n for n, _c, _f in HOSTILE])
def test_a_hostile_credentials_statement_is_refused_naming_the_field(
        parties: Parties, change: Callable[[dict[str, Any]], None], field: str) -> None:
    incident, _ids = _documented(parties)
    path = parties.folder / "originals.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path,
                                     ExportOptions(originals=True))
    forged = forge(path, parties.documenter, parties.partner, edit_document(change))
    before = vault_state(parties.partner)
    with pytest.raises(BundleError) as caught:
        parties.partner.import_bundle(forged)
    assert field in str(caught.value.fields.get("what")) and "bundle.json" in str(
        caught.value.fields.get("what"))
    assert vault_state(parties.partner) == before


def test_a_sanitized_copy_cannot_state_another_state_than_its_metadata(parties: Parties) -> None:
    incident, _ids = _documented(parties)
    path = parties.folder / "sanitized.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path)

    def contradict(document: dict[str, Any]) -> None:
        _signed(document)["original_content_credentials"] = "invalid"

    forged = forge(path, parties.documenter, parties.partner, edit_document(contradict))
    with pytest.raises(IntegrityError) as caught:
        parties.partner.import_bundle(forged)
    assert "another validation state" in str(caught.value.fields.get("what"))


def test_a_sanitized_copy_without_metadata_keeps_the_bare_statement(parties: Parties) -> None:
    incident, ids = _documented(parties)
    path = parties.folder / "sanitized.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path)

    def drop_metadata(document: dict[str, Any]) -> None:
        _signed(document)["metadata"] = {}

    parties.partner.import_bundle(
        forge(path, parties.documenter, parties.partner, edit_document(drop_metadata)))
    claim = parties.partner.get_item(ids["signed.jpg"]).metadata[provenance.CLAIMED]
    assert claim == {"state": "valid"}


def test_an_unrelated_photo_in_the_partners_vault_is_not_matched(parties: Parties) -> None:
    incident, _ids = _documented(parties)
    path = parties.folder / "sanitized.kzb"
    parties.documenter.export_bundle([incident], ["Partner"], path)
    parties.partner.import_bundle(path)
    own = parties.partner.add_incident("Другое")
    other = parties.partner.attach_file(own, write(parties.folder, "x.jpg", jpeg(scene(77))))
    assert parties.partner.similar.find(other.id).matches == []
