"""The printed report of a checked bundle: held, not trusted, or failed, on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive, ExportOptions
from kzarchive.bundle import BundleError, BundleReport
from kzarchive.errors import UntrustedSigner
from kzarchive.pdf import model as m
from kzarchive.service.reports import REPORT_WRITTEN, ReportOptions
from tests.conftest import PASSPHRASE
from tests.report.pdf_text import make_incident, needs_poppler, page_count, page_texts

pytestmark = needs_poppler


@pytest.fixture()
def pair(tmp_path: Path) -> Iterator[tuple[Archive, Archive]]:
    documenter, _ = Archive.create(tmp_path / "documenter", PASSPHRASE, name="Documenter")
    partner, _ = Archive.create(tmp_path / "partner", PASSPHRASE, name="Partner")
    documenter.export_card(tmp_path / "documenter.card")
    partner.export_card(tmp_path / "partner.card")
    documenter.add_contact_card(tmp_path / "partner.card")
    documenter.verify_contact("Partner")
    partner.add_contact_card(tmp_path / "documenter.card")
    try:
        yield documenter, partner
    finally:
        documenter.close()
        partner.close()


def _bundle(documenter: Archive, tmp_path: Path, items: int = 6) -> tuple[Path, str]:
    incident = make_incident(documenter, items, real_name="Айгүл Нұрланқызы")
    out = tmp_path / "sent.kzb"
    documenter.export_bundle([incident], ["Partner"], out, ExportOptions(include_real_names=True))
    return out, incident


def test_a_verified_bundle_has_its_hash_on_every_page_and_every_files_sha256(
        pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    documenter, partner = pair
    partner.verify_contact("Documenter")
    bundle, incident = _bundle(documenter, tmp_path, items=30)
    report = partner.verify_bundle(bundle)
    model = partner.reports.bundle_report(report, ReportOptions(language="ru"))
    assert model.verdict.status == m.VERDICT_OK
    assert model.anchor_sha256 == report.tag_manifest_sha256
    out = tmp_path / "bundle-report.pdf"
    written = partner.reports.write(model, out)
    pages = page_texts(out)
    assert written.pages == page_count(out) == len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert f"Страница {number} из {written.pages}" in text
        assert str(report.tag_manifest_sha256) in text
    text = "".join(pages)
    for result in report.files:
        assert result.sha256 in text
    for item in documenter.list_items(incident):
        assert item.sha256 in text  # as collected: each text item went as it is
    assert "Documenter" in text and str(report.bundle_id) in text
    # The sender chose to send real names; the partner's report leaves them out unless asked.
    assert "Айгүл Нұрланқызы" not in text
    logged = [e for e in partner.custody_entries() if e.action == REPORT_WRITTEN]
    assert [e.details["bundle_id"] for e in logged] == [report.bundle_id]
    assert logged[0].details["sha256"] == report.tag_manifest_sha256


def test_an_unverified_signer_is_reported_as_not_trusted(
        pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    documenter, partner = pair
    bundle, _incident = _bundle(documenter, tmp_path)
    with pytest.raises(UntrustedSigner) as raised:
        partner.verify_bundle(bundle)
    assert isinstance(raised.value.report, BundleReport)
    model = partner.reports.bundle_report(raised.value.report, ReportOptions(language="kk"))
    assert model.verdict.status == m.VERDICT_UNTRUSTED
    assert model.signer.how == "signer.unverified"
    assert model.incidents == ()  # nothing of an unaccepted signer's content is shown
    out = tmp_path / "untrusted.pdf"
    partner.reports.write(model, out)
    text = "".join(page_texts(out))
    assert "сенім жоқ" in text
    assert documenter.fingerprint in text


def test_an_altered_bundle_is_reported_as_failed(
        pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    documenter, partner = pair
    partner.verify_contact("Documenter")
    bundle, _incident = _bundle(documenter, tmp_path)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError) as raised:
        partner.verify_bundle(bundle)
    model = partner.reports.bundle_report(raised.value.report)
    assert model.verdict.status == m.VERDICT_FAILED
    assert model.verdict.technical
    assert model.incidents == ()
    out = tmp_path / "failed.pdf"
    partner.reports.write(model, out)
    text = "".join(page_texts(out))
    assert "The bundle FAILED its checks" in text
    assert "FAILED" in text
