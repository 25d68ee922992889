"""Stamps travelling in a bundle: written, checked by the partner in the app and with
``openssl ts -verify``, and every byte of the stamp files guarded."""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.bundle import BundleError, custody, stamps
from kzarchive.bundle.jsontext import pretty_json
from kzarchive.bundle.reader import read_bundle
from kzarchive.crypto import merkle, minisign, tsp
from kzarchive.crypto.identity import Identity
from tests.bundle.bundle_factory import encrypted, members_of, packed, plaintext_of
from tests.bundle.hostile_bundles import Files, forge
from tests.timestamps.local_tsa import LocalTsa, openssl_verify

Pair = tuple[Archive, Archive]


@pytest.fixture()
def pair(tmp_path: Path, passphrase: str) -> Iterator[Pair]:
    documenter, _ = Archive.create(tmp_path / "doc", passphrase, name="Documenter")
    partner, _ = Archive.create(tmp_path / "partner", passphrase, name="Partner")
    documenter.export_card(tmp_path / "doc.card")
    partner.export_card(tmp_path / "partner.card")
    documenter.add_contact_card(tmp_path / "partner.card")
    documenter.verify_contact("Partner")
    partner.add_contact_card(tmp_path / "doc.card")
    partner.verify_contact("Documenter")
    yield documenter, partner
    documenter.close()
    partner.close()


def stamp(archive: Archive, tsa: LocalTsa, folder: Path, name: str) -> None:
    made = archive.timestamps.request(folder / f"{name}.tsq")
    archive.timestamps.add(tsa.reply(Path(made.path), folder / f"{name}.tsr"))


def stamped_bundle(pair: Pair, tsa: LocalTsa, folder: Path) -> tuple[Path, str, str]:
    """An incident with one item stamped early, one added after, and the bundle."""
    documenter, _ = pair
    incident = documenter.add_incident("Detention at the border")
    early = documenter.add_text(incident, "First testimony", witness="W1")
    stamp(documenter, tsa, folder, "early")
    documenter.add_text(incident, "Second testimony", witness="W2")
    documenter.add_incident("Not exported")
    bundle = folder / "out.kzb"
    documenter.export_bundle([incident], ["Partner"], bundle)
    return bundle, incident, early.id


def bag_members(archive: Archive, bundle: Path) -> dict[str, bytes]:
    _root, files = members_of(plaintext_of(bundle.read_bytes(), archive.own_identity()))
    return {name: data for name, data in files.items() if data is not None}


def test_the_partner_sees_the_trusted_time_per_incident(
        pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair
    report = partner.verify_bundle(bundle)
    assert report.ok
    [held] = report.stamps
    own = documenter.timestamps.list()[0]
    assert (held.tree_size, held.gen_time, held.status) == (own.tree_size, own.gen_time,
                                                           tsp.UNCHECKED)
    [line] = report.trusted_times
    assert (line.incident_id, line.items_covered, line.items_total) == (incident, 1, 2)
    kinds = {c.kind for c in report.checks}
    assert {"stamp.unchecked", "trusted_time.unchecked"} <= kinds
    # With the authority's CA the partner trusts, the same bundle reads as verified.
    roots = tsp.load_ca_file(tsa.ca_pem.read_bytes())
    verified = partner.exchange.verify_bundle(bundle, tsa_roots=roots)
    assert [s.status for s in verified.stamps] == [tsp.VERIFIED]
    assert verified.trusted_times[0].status == tsp.VERIFIED
    imported = partner.exchange.import_bundle(bundle, tsa_roots=roots)
    assert imported is not None


def test_a_bundle_without_stamps_reads_as_before(pair: Pair, work: Path) -> None:
    documenter, partner = pair
    incident = documenter.add_incident("Unstamped")
    documenter.add_text(incident, "Testimony", witness="W")
    documenter.export_bundle([incident], ["Partner"], work / "plain.kzb")
    members = bag_members(partner, work / "plain.kzb")
    assert not any(name.startswith(stamps.FOLDER) for name in members)
    assert b"consistency" not in members["data/custody/proofs.json"]
    report = partner.verify_bundle(work / "plain.kzb")
    assert report.ok and report.stamps == [] and report.trusted_times == []


def test_openssl_verifies_the_carried_token(pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    _, partner = pair
    (work / "out").mkdir()
    extracted = partner.verify_bundle(bundle, extract_to=work / "out")
    assert extracted.ok
    folders = list((work / "out").iterdir())
    [bag] = folders
    [text] = sorted((bag / stamps.FOLDER).glob("*.txt"))
    token = text.with_suffix(".tsr")
    assert b"OK" in openssl_verify(token, text, tsa.ca_pem).stdout
    # The same token over any other bytes fails for openssl too.
    other = work / "other.txt"
    other.write_bytes(text.read_bytes().replace(b"\n", b"\n ", 1))
    with pytest.raises(subprocess.CalledProcessError):
        openssl_verify(token, other, tsa.ca_pem)


def test_the_consistency_proof_reaches_a_later_checkpoint(
        pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    _, partner = pair
    members = bag_members(partner, bundle)
    stamped = [n for n in members if n.endswith(".txt") and n.startswith(stamps.FOLDER)]
    assert len(stamped) == 1
    early = custody.parse_checkpoint(members[stamped[0]])
    final = custody.parse_checkpoint(members["data/custody/checkpoint.txt"])
    assert early.size < final.size
    _, _, consistency = custody.parse_proofs_document(members["data/custody/proofs.json"])
    proofs = stamps.parse_consistency(consistency)
    merkle.verify_consistency(early.size, final.size, early.root, final.root,
                              proofs[early.size])


def stamp_names(files: Files) -> list[str]:
    return [name for name in files if stamps.parse_path(name) is not None]


def test_a_token_over_other_data_fails(pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair
    (work / "other.txt").write_bytes(b"kzarchive/other\n1\n" + b"A" * 43 + b"=\n")
    foreign = tsa.reply(tsa.query(work / "other.txt", work / "o.tsq"), work / "o.tsr")

    def swap_token(files: Files) -> None:
        [token] = [n for n in stamp_names(files) if n.endswith(".tsr")]
        files[token] = foreign.read_bytes()

    forged = forge(bundle, documenter, partner, swap_token)
    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(forged)
    assert "other data than this checkpoint" in str(raised.value)


def test_a_stamped_text_not_signed_by_the_sender_fails(pair: Pair, tsa: LocalTsa,
                                                       work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair
    outsider = Identity.generate()

    def resign_text(files: Files) -> None:
        [text] = [n for n in stamp_names(files) if n.endswith(".txt")]
        files[text + ".minisig"] = minisign.sign(
            outsider.signing_key, files[text] or b"", "kzarchive checkpoint").encode()

    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(forge(bundle, documenter, partner, resign_text))
    assert "not signed by the bundle's signer" in str(raised.value)


def test_a_wrong_consistency_proof_fails(pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair

    def break_proof(files: Files) -> None:
        document = json.loads(files["data/custody/proofs.json"] or b"{}")
        path = document["consistency"][0]["path"]
        path[0] = "00" * 32
        files["data/custody/proofs.json"] = pretty_json(document)

    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(forge(bundle, documenter, partner, break_proof))
    assert "consistency proof" in str(raised.value)


def test_every_byte_of_the_stamp_files_is_guarded(pair: Pair, tsa: LocalTsa,
                                                   work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair
    identity = partner.own_identity()
    signer = documenter.own_identity().public
    root, files = members_of(plaintext_of(bundle.read_bytes(), identity))
    assert read_bundle(io.BytesIO(encrypted(packed(root, files), identity)),
                       [identity.age_identity], [signer]).ok
    for name in stamp_names(files):
        original = files[name] or b""
        for index in range(len(original)):
            altered = bytearray(original)
            altered[index] ^= 0x20
            files[name] = bytes(altered)
            with pytest.raises(BundleError):
                read_bundle(io.BytesIO(encrypted(packed(root, files), identity)),
                            [identity.age_identity], [signer])
        for cut in (0, len(original) // 2, len(original) - 1):
            files[name] = original[:cut]
            with pytest.raises(BundleError):
                read_bundle(io.BytesIO(encrypted(packed(root, files), identity)),
                            [identity.age_identity], [signer])
        files[name] = original


def test_stamps_make_a_version_2_bundle_and_a_version_1_bundle_cannot_carry_them(
        pair: Pair, tsa: LocalTsa, work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair
    members = bag_members(partner, bundle)
    assert b"KZ-Format-Version: 2\n" in members["bag-info.txt"]
    assert json.loads(members["data/bundle.json"])["format_version"] == 2

    def claim_version_1(files: Files) -> None:
        files["bag-info.txt"] = (files["bag-info.txt"] or b"").replace(
            b"KZ-Format-Version: 2", b"KZ-Format-Version: 1")

    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(forge(bundle, documenter, partner, claim_version_1))
    assert "data/files" in str(raised.value)


def test_a_stamps_folder_out_of_order_stops_reading(pair: Pair, tsa: LocalTsa,
                                                    work: Path) -> None:
    bundle, _incident, _early = stamped_bundle(pair, tsa, work)
    documenter, partner = pair

    def reorder(files: Files) -> None:
        names = stamp_names(files)
        moved = {name: files.pop(name) for name in names}
        for name in reversed(names):
            files[name] = moved[name]
        files["data/files"] = files.pop("data/files")
        for name in [n for n in files if n.startswith("data/files/")]:
            files[name] = files.pop(name)

    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(forge(bundle, documenter, partner, reorder))
    assert "stamps folder" in str(raised.value)
