"""The demo vault, built from the shipped sample data through the service API."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.demo import DEMO_PASSPHRASE, build_demo_vault, load_demo_data, open_demo_vault
from kzarchive.errors import BadInput, Cancelled
from kzarchive.resources import resource_path
from kzarchive.util.progress import CancelToken


def test_demo_vault_holds_every_sample_record_byte_for_byte(demo_template: Path) -> None:
    data = load_demo_data()
    with Archive.open(demo_template, DEMO_PASSPHRASE) as archive:
        assert archive.name == data.vault_name
        incidents = {s.title: s for s in archive.list_incidents()}
        assert set(incidents) == {record["title"] for record in data.incidents}
        for record in data.incidents:
            incident_id = incidents[record["title"]].id
            people = archive.list_people(incident_id)
            assert sorted(p.pseudonym for p in people) == sorted(
                p["pseudonym"] for p in record["people"])
            assert all(p.real_name is None for p in people)  # pseudonyms only
            items = {item.name: item for item in archive.list_items(incident_id)}
            for text in record["texts"]:
                body = resource_path("demo", text["file"]).read_text(encoding="utf-8")
                assert archive.read_text(items[text["name"]].id) == body
            for attachment in record["files"]:
                original = resource_path("demo", attachment["file"]).read_bytes()
                item = items[attachment["file"]]
                assert item.sha256 == hashlib.sha256(original).hexdigest()
                archive.verify_item(item.id)


def test_demo_has_testimony_and_sources_in_russian_and_english() -> None:
    texts = [t for record in load_demo_data().incidents for t in record["texts"]]
    assert {t["language"] for t in texts if t["kind"] == "testimony"} == {"ru"}
    assert {t["language"] for t in texts if t["kind"] == "source-text"} == {"en"}
    assert any(f["kind"] == "photo" for r in load_demo_data().incidents for f in r["files"])


def test_an_existing_demo_vault_is_opened_not_rebuilt(demo_template: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in demo_template.rglob("*") if p.is_file()}
    with open_demo_vault(demo_template) as archive:
        assert len(archive.list_incidents()) == len(load_demo_data().incidents)
    assert (demo_template / "vault.keys").stat().st_mtime_ns == before[
        demo_template / "vault.keys"]


def test_a_cancelled_build_leaves_nothing_behind(tmp_path: Path) -> None:
    token = CancelToken()
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        if done == 2:
            token.cancel()

    target = tmp_path / "demo-vault"
    with pytest.raises(Cancelled):
        build_demo_vault(target, progress=progress, cancel=token)
    assert steps[:2] == [(1, 7), (2, 7)]
    assert list(tmp_path.iterdir()) == []


def test_a_foreign_folder_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "demo-vault"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BadInput):
        build_demo_vault(target)
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_the_demo_builder_needs_no_qt() -> None:
    code = "import sys, kzarchive.demo; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_demo_data_is_valid_json_in_the_documented_format() -> None:
    raw = json.loads(resource_path("demo", "incidents.json").read_text(encoding="utf-8"))
    assert raw["format"] == "kzarchive-demo/1" and len(raw["incidents"]) >= 3
