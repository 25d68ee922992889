"""The printed report of incidents: what a lawyer files, read back as a PDF reader would."""

from __future__ import annotations

import dataclasses
import re
import stat
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, IntegrityError, NotFound
from kzarchive.pdf import model as m
from kzarchive.service.reports import REPORT_WRITTEN, ReportOptions
from tests.connection import connection_of
from tests.report.pdf_text import (
    KAZAKH_LETTERS,
    embedded_fonts,
    make_incident,
    needs_poppler,
    page_count,
    page_texts,
)

pytestmark = needs_poppler


def _write(archive: Archive, incident: str, out: Path, **options: object) -> m.ReportModel:
    model = archive.reports.incident_report([incident], ReportOptions(**options))  # type: ignore[arg-type]
    archive.reports.write(model, out)
    return model


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_text_holds_every_items_sha256_and_every_kazakh_letter(
        archive: Archive, tmp_path: Path, language: str) -> None:
    incident = make_incident(archive, 12)
    out = tmp_path / "report.pdf"
    _write(archive, incident, out, language=language)
    text = "".join(page_texts(out))
    for item in archive.list_items(incident):
        assert item.sha256 in text, item.name
        assert item.name in text
    for letter in KAZAKH_LETTERS + KAZAKH_LETTERS.upper():
        assert letter in text, letter
    # Every font is embedded: the report reads the same on a machine without DejaVu.
    fonts = embedded_fonts(out)
    assert fonts and all(embedded for _name, embedded in fonts), fonts


def test_the_kazakh_report_speaks_kazakh(archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 2)
    out = tmp_path / "report.pdf"
    _write(archive, incident, out, language="kk")
    text = "".join(page_texts(out))
    for words in ("Дәлелдемелер туралы есеп", "Қорытынды", "Сақтау хронологиясы",
                  "Материал қосылды", "Сенімді уақыт белгілері", "Серіктестердің түбіртектері",
                  "Мұны өзіңіз қалай тексересіз"):
        assert words in text, words
    assert "Evidence report" not in text


def test_every_page_says_page_x_of_y_with_the_id_and_the_hash(
        archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 40)
    out = tmp_path / "report.pdf"
    model = _write(archive, incident, out)
    pages = page_texts(out)
    total = page_count(out)
    assert total == len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {total}" in text
        assert f"Report {model.report_id}" in text
        assert model.anchor_sha256 in text
    assert re.findall(r"Page \d+ of (\d+)", "".join(pages)) == [str(total)] * total


def test_a_500_item_incident_makes_a_report_of_the_right_page_count(
        archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 500)
    out = tmp_path / "report.pdf"
    model = archive.reports.incident_report([incident])
    written = archive.reports.write(model, out)
    pages = page_texts(out)
    assert written.pages == page_count(out) == len(pages)
    assert [f"Page {n} of {written.pages}" in text for n, text in enumerate(pages, 1)] == \
        [True] * written.pages
    # Each item is one table row and is never split: its hash is on exactly one page, and
    # the pages hold the items in order.
    hashes = [item.sha256 for item in archive.list_items(incident)]
    where = [next(n for n, text in enumerate(pages) if sha in text) for sha in hashes]
    assert all(sum(sha in text for text in pages) == 1 for sha in hashes)
    assert where == sorted(where)
    # About a dozen items fit a page, and the custody timeline (one entry per item) a few
    # dozen: anything far from that is a layout that lost or repeated rows.
    assert 500 / 16 + 500 / 60 < written.pages < 500 / 8 + 500 / 25


def test_the_page_hash_is_the_reports_own_content_and_the_custody_log_records_it(
        archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 3)
    out = tmp_path / "report.pdf"
    model = _write(archive, incident, out, language="ru")
    assert model.anchor == m.ANCHOR_CONTENT
    assert model.anchor_sha256 == model.content_sha256()
    # Any change to what the report says changes the hash.
    other = dataclasses.replace(model, include_names=True)
    assert other.content_sha256() != model.anchor_sha256
    written = [e for e in archive.custody_entries(incident) if e.action == REPORT_WRITTEN]
    assert len(written) == 1
    assert written[0].details["sha256"] == model.anchor_sha256
    assert written[0].details["report_id"] == model.report_id
    assert written[0].details["language"] == "ru"
    # The log still verifies with the new entries, and the report's file is private.
    archive.verify()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_real_names_and_positions_only_when_chosen(archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 1, real_name="Айгүл Нұрланқызы")
    plain, full = tmp_path / "plain.pdf", tmp_path / "full.pdf"
    _write(archive, incident, plain)
    _write(archive, incident, full, include_names=True, include_gps=True)
    plain_text, full_text = "".join(page_texts(plain)), "".join(page_texts(full))
    assert "Свидетель Ә" in plain_text
    assert "Айгүл Нұрланқызы" not in plain_text
    assert "43.238949" not in plain_text and "76.889709" not in plain_text
    assert "Айгүл Нұрланқызы" in full_text
    assert "43.238949, 76.889709" in full_text


def test_the_verdict_comes_from_checking_now(archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 2)
    model = archive.reports.incident_report([incident])
    assert model.verdict.status == m.VERDICT_OK
    assert model.checkpoint is not None and model.checkpoint.signed
    assert model.checkpoint.included == len(archive.custody_entries(incident))
    # The second report's checkpoint extends the first one's, proved consistent.
    again = archive.reports.incident_report([incident])
    assert again.checkpoint is not None
    assert again.checkpoint.consistency == "proof.consistency_ok"
    assert again.checkpoint.consistency_from == model.checkpoint.size


def test_altered_evidence_gives_no_report(archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 2)
    item = archive.list_items(incident)[0]
    with connection_of(archive) as db:
        db.execute("UPDATE items SET sha256 = ? WHERE id = ?", ("0" * 64, item.id))
    out = tmp_path / "report.pdf"
    with pytest.raises(IntegrityError):
        _write(archive, incident, out)
    assert not out.exists()
    assert not list(tmp_path.glob(".kzarchive-*"))


def test_the_report_is_written_only_where_asked_and_never_over_a_file(
        archive: Archive, tmp_path: Path) -> None:
    incident = make_incident(archive, 1)
    model = archive.reports.incident_report([incident])
    out = tmp_path / "report.pdf"
    out.write_bytes(b"mine")
    with pytest.raises(BadInput):
        archive.reports.write(model, out)
    assert out.read_bytes() == b"mine"
    with pytest.raises(BadInput):
        archive.reports.write(model, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf", "vault"]
    assert not [e for e in archive.custody_entries(incident) if e.action == REPORT_WRITTEN]
    archive.reports.write(model, out, overwrite=True)
    assert out.read_bytes().startswith(b"%PDF-")


def test_unknown_language_or_incident_is_refused(archive: Archive) -> None:
    with pytest.raises(BadInput):
        ReportOptions(language="de")
    with pytest.raises(NotFound):
        archive.reports.incident_report(["0123456789abcdef"])
    with pytest.raises(BadInput):
        archive.reports.incident_report([])


def test_a_redacted_copy_names_its_original_and_what_was_covered(
        archive: Archive, tmp_path: Path) -> None:
    from PIL import Image

    from kzarchive.media.redact import Box

    incident = make_incident(archive, 0)
    photo_path = tmp_path / "photo.jpg"
    Image.new("RGB", (80, 60), (200, 30, 30)).save(photo_path, quality=90)
    photo = archive.attach_file(incident, photo_path)
    copy = archive.redact_item(photo.id, [Box(10, 10, 20, 20), Box(40, 30, 10, 10)])
    out = tmp_path / "report.pdf"
    model = _write(archive, incident, out)
    row = next(i for s in model.incidents for i in s.items if i.id == copy.id)
    assert (row.derivation, row.redacted_boxes, row.derived_from) == ("redaction", 2, photo.id)
    assert row.original_sha256 == photo.sha256
    text = " ".join(" ".join(page_texts(out)).split())
    assert f"redacted copy (2 area(s) covered) of item {photo.id}" in text
    assert f"SHA-256 as collected {photo.sha256}" in text
    assert copy.sha256 in text
