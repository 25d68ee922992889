"""report and verify-bundle --report from the command line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kzarchive.errors import BadInput, IntegrityError, ReportUnavailable, UntrustedSigner
from tests.cli.cli_runner import Cli
from tests.cli.test_exchange_commands import _pair
from tests.report.pdf_text import KAZAKH_LETTERS, needs_poppler, page_count, page_texts

pytestmark = needs_poppler


def test_report_writes_a_checked_pdf_and_logs_it(vault_cli: Cli, tmp_path: Path) -> None:
    cli = vault_cli
    incident = cli("incident", "add", "--title", "Ұсталған журналист: " + KAZAKH_LETTERS,
                   "--json").json()["incident"]["id"]
    cli("testimony", "add", incident, "--text", "Мен көрдім.")
    out = tmp_path / "есеп.pdf"
    done = cli("report", incident, "-o", out, "--language", "kk", "--json").json()["report"]
    assert done["path"] == str(out) and done["language"] == "kk"
    assert done["pages"] == page_count(out)
    text = "".join(page_texts(out))
    assert done["sha256"] in text and done["id"] in text
    assert "1-бет, барлығы" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    entries = cli("log", "--incident", incident, "--json").json()["entries"]
    assert any(e["action"] == "report.written" and e["details"]["sha256"] == done["sha256"]
               for e in entries)
    # Never over a file already there.
    again = cli("report", incident, "-o", out, expect=BadInput.exit_code)
    assert "already exists" in again.err
    plain = cli("report", incident, "-o", tmp_path / "en.pdf")
    assert "Report " in plain.out and "Hash on every page: " in plain.out


def test_report_refuses_an_unknown_language(vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    vault_cli("report", incident, "-o", tmp_path / "r.pdf", "--language", "de", expect=2)
    assert not (tmp_path / "r.pdf").exists()


def test_verify_bundle_writes_a_report_held_or_not(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "Показания")
    bundle = tmp_path / "out.kzb"
    sent = documenter("export", incident, "--to", "Partner", "-o", bundle, "--json").json()
    tag_hash = sent["bundle"]["tag_manifest_sha256"]
    good = tmp_path / "good.pdf"
    shown = partner("verify-bundle", bundle, "--report", good, "--language", "ru")
    assert "Everything holds" in shown.out and str(good) in shown.out
    text = "".join(page_texts(good))
    assert tag_hash in text and "Все проверки пройдены" in text

    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0x40
    bad_bundle = tmp_path / "bad.kzb"
    bad_bundle.write_bytes(bytes(damaged))
    bad = tmp_path / "bad.pdf"
    partner("verify-bundle", bad_bundle, "--report", bad, expect=IntegrityError.exit_code)
    assert "The bundle FAILED its checks" in "".join(page_texts(bad))


def test_verify_bundle_report_of_an_unverified_signer(tmp_path: Path) -> None:
    documenter, partner = _pair(tmp_path, verify_back=False)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    out = tmp_path / "r.pdf"
    partner("verify-bundle", bundle, "--report", out, expect=UntrustedSigner.exit_code)
    assert "not a verified contact" in "".join(page_texts(out))


def test_missing_fonts_are_a_broken_installation(
        vault_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kzarchive.pdf import render

    incident = vault_cli("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    monkeypatch.setattr(render, "_FONT_FILES", {"KzMissing": "NoSuchFont.ttf"})
    out = tmp_path / "r.pdf"
    failed = vault_cli("report", incident, "-o", out, expect=ReportUnavailable.exit_code)
    assert "NoSuchFont.ttf" in failed.err
    assert not out.exists() and not list(tmp_path.glob(".kzarchive-*"))
