"""receipt make, add and list from the command line, and the hand-off in incident show."""

from __future__ import annotations

from pathlib import Path

from kzarchive.bundle.receipt import MAX_TOKEN, ReceiptDamaged, ReceiptRefused
from kzarchive.errors import BadInput, IntegrityError
from tests.cli.test_exchange_commands import _pair


def test_receipt_round_trip_shows_in_the_incident_and_the_list(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "Задержание",
                          "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "Показания")
    bundle = tmp_path / "out.kzb"
    exported = documenter("export", incident, "--to", "Partner", "-o", bundle,
                          "--json").json()["bundle"]
    shown = documenter("incident", "show", incident).out
    assert f"no receipt yet from {partner.fingerprint}" in shown

    (tmp_path / "stamp.tsr").write_bytes(b"\x30\x03\x02\x01\x00")
    made = partner("receipt", "make", bundle, "-o", tmp_path / "r.kzr", "--timestamp-token",
                   tmp_path / "stamp.tsr", "--json").json()["receipt"]
    assert made["bundle_id"] == exported["id"]
    assert made["sender"] == documenter.fingerprint and made["sender_name"] == "Documenter"
    assert made["result"]["files"] == made["result"]["files_verified"] == 1

    added = documenter("receipt", "add", tmp_path / "r.kzr", "--json").json()
    assert not added["already_recorded"] and added["incidents"] == [incident]
    receipt = added["receipt"]
    assert receipt["partner"] == partner.fingerprint and receipt["partner_name"] == "Partner"
    assert receipt["tag_manifest_sha256"] == exported["tag_manifest_sha256"]
    assert receipt["timestamp_token"] == "MAMCAQA="
    again = documenter("receipt", "add", tmp_path / "r.kzr")
    assert "already added; nothing changed" in again.out

    [handoff] = documenter("incident", "show", incident, "--json").json()["exports"]
    assert handoff["bundle_id"] == exported["id"]
    assert handoff["recipients"] == [partner.fingerprint] and handoff["unconfirmed"] == []
    assert handoff["receipts"] == [receipt]
    assert "received and verified by Partner" in documenter("incident", "show", incident).out
    assert documenter("receipt", "list", "--json").json()["receipts"] == [receipt]
    assert exported["id"] in documenter("receipt", "list").out
    log = documenter("log", "--incident", incident, "--json").json()["entries"]
    assert [e["action"] for e in log][-2:] == ["bundle.exported", "bundle.received"]


def test_refused_and_damaged_receipts_have_their_exit_codes(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "words")
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    receipt = tmp_path / "r.kzr"
    partner("receipt", "make", bundle, "-o", receipt)
    # The receipt is for the documenter: the partner's own vault cannot open it.
    refused = partner("receipt", "add", receipt, expect=ReceiptRefused.exit_code)
    assert "not encrypted for this vault" in refused.err
    assert ReceiptRefused.exit_code == 26 and ReceiptDamaged.exit_code == 27
    cut = tmp_path / "cut.kzr"
    cut.write_bytes(receipt.read_bytes()[:-3])
    damaged = documenter("receipt", "add", cut, expect=ReceiptDamaged.exit_code)
    assert "damaged or was altered" in damaged.err
    assert documenter("receipt", "list").out.strip() == "No receipts yet."


def test_receipt_make_refuses_a_damaged_bundle_and_an_oversized_token(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "words")
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0x40
    (tmp_path / "bad.kzb").write_bytes(bytes(damaged))
    partner("receipt", "make", tmp_path / "bad.kzb", "-o", tmp_path / "r.kzr",
            expect=IntegrityError.exit_code)
    assert not (tmp_path / "r.kzr").exists()
    (tmp_path / "big.tsr").write_bytes(bytes(MAX_TOKEN + 1))
    partner("receipt", "make", bundle, "-o", tmp_path / "r.kzr", "--timestamp-token",
            tmp_path / "big.tsr", expect=BadInput.exit_code)
    assert not (tmp_path / "r.kzr").exists()
