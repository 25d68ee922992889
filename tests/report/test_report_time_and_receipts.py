"""The report's "Trusted timestamps" and "Receipts from partners" sections, filled from
the vault's stamps and receipts (and from the stamps a bundle carries)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.crypto import tsp
from kzarchive.service.reports import ReportOptions
from tests.report.pdf_text import needs_poppler, page_texts
from tests.test_receipts import Vaults, export
from tests.timestamps.local_tsa import LocalTsa

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> LocalTsa:
    return LocalTsa(tmp_path_factory.mktemp("tsa"))


@pytest.fixture()
def vaults(tmp_path: Path, passphrase: str) -> Iterator[Vaults]:
    made = Vaults(tmp_path, passphrase)
    made.introduce("Documenter", "Partner")
    made.introduce("Partner", "Documenter")
    yield made
    made.close()


def stamp(archive: Archive, tsa: LocalTsa, work: Path) -> None:
    request = archive.timestamps.request(work / "stamp.tsq")
    archive.timestamps.add(tsa.reply(Path(request.path), work / "stamp.tsr"))


def text_of(archive: Archive, incidents: list[str], out: Path, language: str = "en") -> str:
    model = archive.reports.incident_report(incidents, ReportOptions(language=language))
    archive.reports.write(model, out)
    return " ".join(" ".join(page_texts(out)).split())


def test_the_incident_report_lists_the_stamp_that_covers_its_items(
    archive: Archive, tsa: LocalTsa, tmp_path: Path,
) -> None:
    incident = archive.add_incident("Задержание у акимата")
    archive.add_text(incident, "Показание: нас задержали в 10 утра.")
    unstamped = text_of(archive, [incident], tmp_path / "before.pdf")
    assert "CN=Test TSA" not in unstamped

    stamp(archive, tsa, tmp_path)
    [stored] = archive.timestamps.list()
    assert stored.chain_status == tsp.UNCHECKED
    text = text_of(archive, [incident], tmp_path / "after.pdf")
    assert "CN=Test TSA" in text
    assert stored.gen_time in text
    assert "not yet checked against a trusted authority" in text
    russian = text_of(archive, [incident], tmp_path / "after-ru.pdf", "ru")
    assert "ещё не проверена по доверенному центру" in russian


def test_a_later_incident_is_not_covered_by_an_earlier_stamp(
    archive: Archive, tsa: LocalTsa, tmp_path: Path,
) -> None:
    early = archive.add_incident("Early")
    archive.add_text(early, "Показание.")
    stamp(archive, tsa, tmp_path)
    late = archive.add_incident("Late")
    archive.add_text(late, "Позднее показание.")
    assert "CN=Test TSA" in text_of(archive, [early], tmp_path / "early.pdf")
    assert "CN=Test TSA" not in text_of(archive, [late], tmp_path / "late.pdf")


def test_the_documenters_report_names_the_partner_who_confirmed(vaults: Vaults) -> None:
    documenter, partner = vaults["Documenter"], vaults["Partner"]
    [incident], bundle = export(vaults)
    before = text_of(documenter, [incident], vaults.root / "before.pdf")
    assert partner.fingerprint.replace(" ", "") not in before.replace(" ", "")

    made = partner.receipts.make(bundle, vaults.root / "receipt.kzr")
    documenter.receipts.add(made.path)
    text = text_of(documenter, [incident], vaults.root / "after.pdf")
    assert "Partner" in text
    assert "received and verified" in text
    assert partner.fingerprint.replace(" ", "") in text.replace(" ", "")
