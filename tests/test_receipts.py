"""Partner receipts between vaults: made after verifying, accepted only for this vault's
own exports, from a verified recipient, unaltered; logged as bundle.received."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.bundle import BundleError
from kzarchive.bundle.receipt import (
    ReceiptBody,
    ReceiptDamaged,
    ReceiptRefused,
    ReceiptResult,
    make_receipt,
)
from kzarchive.crypto.identity import Identity
from kzarchive.errors import NotFound, UntrustedSigner
from kzarchive.util.canonical import utc_timestamp

NAMES = ("Documenter", "Partner", "Other")


class Vaults:
    def __init__(self, root: Path, passphrase: str):
        self.root = root
        self.by_name = {name: Archive.create(root / name, passphrase, name=name)[0]
                        for name in NAMES}
        for name, vault in self.by_name.items():
            vault.export_card(root / f"{name}.card")

    def __getitem__(self, name: str) -> Archive:
        return self.by_name[name]

    def introduce(self, who: str, whom: str, verify: bool = True) -> None:
        self[who].add_contact_card(self.root / f"{whom}.card")
        if verify:
            self[who].verify_contact(whom)

    def close(self) -> None:
        for vault in self.by_name.values():
            vault.close()


@pytest.fixture()
def vaults(tmp_path: Path, passphrase: str) -> Iterator[Vaults]:
    made = Vaults(tmp_path, passphrase)
    made.introduce("Documenter", "Partner")
    made.introduce("Partner", "Documenter")
    yield made
    made.close()


def export(vaults: Vaults, name: str = "one.kzb", incidents: int = 1) -> tuple[list[str], Path]:
    documenter = vaults["Documenter"]
    ids = [documenter.add_incident(f"Incident {n}") for n in range(incidents)]
    for incident in ids:
        documenter.add_text(incident, "Свидетельство: задержание у акимата.")
    path = vaults.root / name
    documenter.export_bundle(ids, ["Partner"], path)
    return ids, path


def forged(vaults: Vaults, signer: Identity, **changes: object) -> Path:
    """A receipt signed by ``signer`` for the documenter's first export, with ``changes``."""
    documenter = vaults["Documenter"]
    exported = next(e for e in documenter.custody_entries() if e.action == "bundle.exported")
    body = ReceiptBody(
        bundle_id=exported.details["bundle_id"],
        tag_manifest_sha256=exported.details["tag_manifest_sha256"],
        sender_fingerprint=documenter.fingerprint, partner_fingerprint=signer.fingerprint,
        result=ReceiptResult("verified", 1, 1, 10, 9, 0), signed_at=utc_timestamp())
    body = replace(body, **changes)  # type: ignore[arg-type]
    path = vaults.root / f"forged-{len(list(vaults.root.glob('forged-*')))}.kzr"
    path.write_bytes(make_receipt(body, signer,
                                  documenter.own_identity().age_identity.recipient()))
    return path


def actions(archive: Archive, incident: str | None = None) -> list[str]:
    return [e.action for e in archive.custody_entries(incident)]


def test_round_trip_closes_the_hand_off_and_logs_it(vaults: Vaults) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    incidents, bundle = export(vaults, incidents=2)
    made = partner.receipts.make(bundle, vaults.root / "receipt.kzr", timestamp_token=b"tsr")
    assert made.sender_name == "Documenter" and made.result.verdict in (
        "verified", "verified_with_warnings")
    assert made.result.files == made.result.files_verified == 2
    assert actions(partner)[-1] == "bundle.receipt_made"

    added = documenter.receipts.add(made.path)
    assert not added.already_recorded
    assert added.incidents == sorted(incidents)
    record = added.receipt
    assert record.bundle_id == made.bundle_id
    assert record.partner_fingerprint == partner.fingerprint
    assert record.partner_name == "Partner"
    assert record.timestamp_token == b"tsr"
    for incident in incidents:
        assert actions(documenter, incident)[-2:] == ["bundle.exported", "bundle.received"]
        received = documenter.custody_entries(incident)[-1].details
        assert received["partner"] == partner.fingerprint
        assert received["bundle_id"] == made.bundle_id
        assert documenter.receipts.for_incident(incident) == [record]
        [handoff] = documenter.receipts.exports(incident)
        assert handoff.recipients == [partner.fingerprint]
        assert handoff.receipts == [record] and handoff.unconfirmed == []
    assert documenter.receipts.list_receipts() == [record]
    documenter.verify()

    # The same receipt again is fine, says so, and logs nothing more.
    before = len(documenter.custody_entries())
    again = documenter.receipts.add(made.path)
    assert again.already_recorded and again.receipt == record
    assert len(documenter.custody_entries()) == before


def test_an_export_without_a_receipt_shows_who_has_not_confirmed(vaults: Vaults) -> None:
    documenter = vaults["Documenter"]
    [incident], _ = export(vaults)
    [handoff] = documenter.receipts.exports(incident)
    assert handoff.receipts == [] and handoff.unconfirmed == [vaults["Partner"].fingerprint]
    assert documenter.receipts.for_incident(incident) == []
    with pytest.raises(NotFound):
        documenter.receipts.exports("no-such-incident")


def test_a_second_different_receipt_from_the_same_partner_is_refused(vaults: Vaults) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    _, bundle = export(vaults)
    first = partner.receipts.make(bundle, vaults.root / "first.kzr")
    documenter.receipts.add(first.path)
    other = forged(vaults, partner.own_identity(), signed_at="2030-01-01T00:00:00Z")
    with pytest.raises(ReceiptRefused, match="different receipt"):
        documenter.receipts.add(other)
    assert [r.signed_at for r in documenter.receipts.list_receipts()] != ["2030-01-01T00:00:00Z"]


def test_receipts_that_do_not_bind_to_this_vaults_exports_are_refused(vaults: Vaults) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    vaults.introduce("Documenter", "Other")
    vaults.introduce("Other", "Documenter")
    export(vaults)
    signer = partner.own_identity()
    before = len(documenter.custody_entries())
    cases = {
        "never exported": forged(vaults, signer, bundle_id="kzb-20260101-00000000deadbeef"),
        "another bundle hash": forged(vaults, signer, tag_manifest_sha256="0" * 64),
        "another vault sent": forged(vaults, signer,
                                     sender_fingerprint=Identity.generate().fingerprint),
        "not a recipient": forged(vaults, vaults["Other"].own_identity()),
        "none of your contacts": forged(vaults, Identity.generate()),
    }
    for expected, path in cases.items():
        with pytest.raises(ReceiptRefused, match=expected):
            documenter.receipts.add(path)
    assert documenter.receipts.list_receipts() == []
    assert len(documenter.custody_entries()) == before


def test_a_receipt_from_an_unverified_contact_is_refused(vaults: Vaults) -> None:
    documenter = vaults["Documenter"]
    export(vaults)
    vaults.introduce("Documenter", "Other", verify=False)
    with pytest.raises(ReceiptRefused, match="not verified"):
        documenter.receipts.add(forged(vaults, vaults["Other"].own_identity()))


def test_a_receipt_for_another_vault_is_refused(vaults: Vaults) -> None:
    partner, other = vaults["Partner"], vaults["Other"]
    vaults.introduce("Other", "Partner")
    vaults.introduce("Partner", "Other")
    incident = other.add_incident("Other's incident")
    other.add_text(incident, "text")
    other.export_bundle([incident], ["Partner"], vaults.root / "other.kzb")
    made = partner.receipts.make(vaults.root / "other.kzb", vaults.root / "for-other.kzr")
    with pytest.raises(ReceiptRefused, match="not encrypted for this vault"):
        vaults["Documenter"].receipts.add(made.path)
    assert other.receipts.add(made.path).receipt.partner_name == "Partner"


def test_altered_or_cut_receipts_are_damaged_and_change_nothing(vaults: Vaults) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    _, bundle = export(vaults)
    data = partner.receipts.make(bundle, vaults.root / "r.kzr").path.read_bytes()
    before = len(documenter.custody_entries())
    for position in (0, 40, len(data) // 2, len(data) - 1):
        altered = bytearray(data)
        altered[position] ^= 0x04
        (vaults.root / "altered.kzr").write_bytes(bytes(altered))
        with pytest.raises((ReceiptDamaged, ReceiptRefused)):
            documenter.receipts.add(vaults.root / "altered.kzr")
    (vaults.root / "cut.kzr").write_bytes(data[:-1])
    with pytest.raises(ReceiptDamaged):
        documenter.receipts.add(vaults.root / "cut.kzr")
    assert documenter.receipts.list_receipts() == []
    assert len(documenter.custody_entries()) == before


def test_no_receipt_for_a_bundle_that_failed_or_an_unverified_sender(vaults: Vaults) -> None:
    partner, other = vaults["Partner"], vaults["Other"]
    _, bundle = export(vaults)
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    (vaults.root / "damaged.kzb").write_bytes(bytes(damaged))
    out = vaults.root / "never.kzr"
    with pytest.raises(BundleError):
        partner.receipts.make(vaults.root / "damaged.kzb", out)
    assert not out.exists()
    vaults.introduce("Other", "Partner")
    vaults.introduce("Partner", "Other", verify=False)
    incident = other.add_incident("Other's incident")
    other.add_text(incident, "text")
    other.export_bundle([incident], ["Partner"], vaults.root / "unverified.kzb")
    with pytest.raises(UntrustedSigner):
        partner.receipts.make(vaults.root / "unverified.kzb", out)
    assert not out.exists()
