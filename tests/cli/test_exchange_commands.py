"""contact, export, verify-bundle and import from the command line."""

from __future__ import annotations

import io
from pathlib import Path

from kzarchive.archive import Archive
from kzarchive.crypto import age
from kzarchive.crypto.identity import ContactCard
from kzarchive.errors import BadInput, ForwardedBundle, IntegrityError, UntrustedSigner
from tests.cli.cli_runner import PASSPHRASE, Cli


def _pair(tmp_path: Path, verify_back: bool = True) -> tuple[Cli, Cli]:
    documenter = Cli(tmp_path / "documenter").init()
    partner = Cli(tmp_path / "partner").init()
    documenter("contact", "export-card", tmp_path / "documenter.card")
    partner("contact", "export-card", tmp_path / "partner.card")
    documenter("contact", "add", tmp_path / "partner.card", "--name", "Partner")
    documenter("contact", "verify", "Partner", "--yes")
    partner("contact", "add", tmp_path / "documenter.card", "--name", "Documenter")
    if verify_back:
        partner("contact", "verify", "Documenter", "--yes")
    return documenter, partner


def test_export_verify_import_round_trip(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    added = documenter("incident", "add", "--title", "Задержание", "--json").json()
    incident = added["incident"]["id"]
    evidence = tmp_path / "evidence.bin"
    evidence.write_bytes(bytes(range(256)) * 400)
    documenter("attach", incident, evidence)
    bundle = tmp_path / "out.kzb"
    exported = documenter("export", incident, "--to", "Partner", "-o", bundle, "--json").json()
    assert exported["bundle"]["items"][0]["sent"] == "original"

    report = partner("verify-bundle", bundle, "--json").json()["report"]
    assert report["ok"] and report["signer"]["fingerprint"] == documenter.fingerprint
    assert all(check["status"] == "ok" for check in report["checks"])

    first = partner("import", bundle, "--json").json()["import"]
    assert first["incidents_added"] == [incident] and not first["already_imported"]
    again = partner("import", bundle, "--json").json()["import"]
    assert again["already_imported"] and again["items_added"] == []
    partner("verify")
    shown = partner("incident", "show", incident, "--json").json()
    assert shown["incident"]["title"] == "Задержание"


def test_verify_bundle_extracts_only_after_everything_held(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "Показания")
    bundle = tmp_path / "out.kzb"
    bundle_id = documenter("export", incident, "--to", "Partner", "-o", bundle,
                           "--json").json()["bundle"]["id"]
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0x40
    (tmp_path / "bad.kzb").write_bytes(bytes(damaged))
    target = tmp_path / "extracted"
    target.mkdir()
    partner("verify-bundle", tmp_path / "bad.kzb", "--extract-to", target,
            expect=IntegrityError.exit_code)
    assert list(target.iterdir()) == []
    partner("verify-bundle", bundle, "--extract-to", target)
    assert (target / bundle_id / "bagit.txt").is_file()


def test_unverified_signer_fails_with_its_own_exit_code(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path, verify_back=False)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    checked = partner("verify-bundle", bundle, expect=UntrustedSigner.exit_code)
    assert "not a verified contact" in checked.err
    partner("import", bundle, expect=UntrustedSigner.exit_code)
    assert partner("incident", "list", "--json").json()["incidents"] == []
    partner("import", bundle, "--accept-unverified-signer")


def test_a_forwarded_bundle_imports_only_with_accept_forwarded(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    third = Cli(tmp_path / "third").init()
    third("contact", "export-card", tmp_path / "third.card")
    documenter("contact", "add", tmp_path / "third.card", "--name", "Third")
    documenter("contact", "verify", "Third", "--yes")
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    made = tmp_path / "for-third.kzb"
    documenter("export", incident, "--to", "Third", "-o", made)
    # The third vault passes the bundle on to the partner, encrypted again.
    with Archive.open(third.vault, PASSPHRASE) as archive, open(made, "rb") as source:
        assert archive.identity is not None
        plain = io.BytesIO()
        age.decrypt([archive.identity.age_identity], source, plain)
    card = ContactCard.from_bytes((tmp_path / "partner.card").read_bytes())
    bundle = tmp_path / "forwarded.kzb"
    with open(bundle, "wb") as sink:
        age.encrypt([card.identity.x25519_recipient], io.BytesIO(plain.getvalue()), sink)

    checked = partner("verify-bundle", bundle)
    assert "WARNING    recipients: the bundle is not addressed to this vault" in checked.out
    assert "--accept-forwarded" in checked.out
    report = partner("verify-bundle", bundle, "--json").json()["report"]
    assert report["ok"] and report["forwarded"] is True
    refused = partner("import", bundle, expect=ForwardedBundle.exit_code)
    assert ForwardedBundle.exit_code == 16
    assert "not addressed to this vault" in refused.err and "--accept-forwarded" in refused.err
    assert partner("incident", "list", "--json").json()["incidents"] == []
    imported = partner("import", bundle, "--accept-forwarded", "--json").json()["import"]
    assert imported["incidents_added"] == [incident]


def test_export_refuses_unverified_recipients(tmp_path: Path) -> None:
    documenter = Cli(tmp_path / "documenter").init()
    partner = Cli(tmp_path / "partner").init()
    partner("contact", "export-card", tmp_path / "partner.card")
    documenter("contact", "add", tmp_path / "partner.card")
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    refused = documenter("export", incident, "--to", "Test group", "-o", tmp_path / "x.kzb",
                         expect=BadInput.exit_code)
    assert "not verified" in refused.err
    assert not (tmp_path / "x.kzb").exists()


def test_contact_verify_asks_for_confirmation_without_yes(tmp_path: Path) -> None:
    documenter = Cli(tmp_path / "documenter").init()
    partner = Cli(tmp_path / "partner").init()
    partner("contact", "export-card", tmp_path / "partner.card")
    documenter("contact", "add", tmp_path / "partner.card", "--name", "P")
    documenter("contact", "verify", "P", expect=BadInput.exit_code)
    listed = documenter("contact", "list", "--json").json()["contacts"]
    assert listed[0]["verified"] is False
    assert listed[0]["fingerprint"] == partner.fingerprint


def test_a_verified_sender_is_named_by_contact_name_and_fingerprint(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    checked = partner("verify-bundle", bundle)
    assert f"Sender: Documenter (fingerprint {documenter.fingerprint})" in checked.out
    imported = partner("import", bundle)
    assert f"from Documenter (fingerprint {documenter.fingerprint}):" in imported.out
