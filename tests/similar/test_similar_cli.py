"""``kzarchive similar ITEM_ID [--json] [--threshold N]``."""

from __future__ import annotations

from pathlib import Path

from kzarchive.errors import BadInput, NotFound
from tests.cli.cli_runner import Cli
from tests.media.scenes import scene
from tests.similar.pictures import copies, jpeg, write


def _attach(cli: Cli, incident: str, folder: Path, name: str, data: bytes) -> str:
    stored = cli("attach", incident, write(folder, name, data), "--json").json()
    return str(stored["items"][0]["id"])


def test_similar_lists_exact_copies_first_then_copies_by_distance(
        vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Митинг").out.strip()
    other = vault_cli("incident", "add", "--title", "Из Telegram").out.strip()
    data = copies(11)
    ids = {name: _attach(vault_cli, incident, tmp_path, name, content)
           for name, content in data.items()}
    exact = _attach(vault_cli, other, tmp_path, "forwarded.jpg", data["original.jpg"])
    _attach(vault_cli, incident, tmp_path, "unrelated.jpg", jpeg(scene(12)))

    found = vault_cli("similar", ids["original.jpg"][:8], "--json").json()
    assert found["item"]["id"] == ids["original.jpg"]
    assert found["threshold"] == 31 and found["fingerprinted"] is True
    matches = found["matches"]
    assert matches[0]["item"]["id"] == exact
    assert matches[0]["exact"] is True and matches[0]["distance"] == 0
    assert matches[0]["incident_title"] == "Из Telegram"
    assert matches[0]["received"] is False and matches[0]["origin"] == vault_cli.fingerprint
    assert {m["item"]["name"] for m in matches[1:]} == {
        "resized.jpg", "recompressed.jpg", "cropped.jpg", "screenshot.png"}
    assert [m["distance"] for m in matches[1:]] == sorted(m["distance"] for m in matches[1:])
    assert all(m["distance"] <= 31 for m in matches)

    text = vault_cli("similar", ids["original.jpg"]).out
    lines = text.splitlines()
    assert lines[1].startswith("exact copy") and exact in lines[1] and "Из Telegram" in lines[1]
    assert "screenshot.png" in text and "unrelated.jpg" not in text
    assert "collected here" in lines[1]


def test_similar_says_so_when_nothing_matches(vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Одно фото").out.strip()
    alone = _attach(vault_cli, incident, tmp_path, "alone.jpg", jpeg(scene(13)))
    _attach(vault_cli, incident, tmp_path, "other.jpg", jpeg(scene(14)))
    result = vault_cli("similar", alone)
    assert "No other item shows the same picture" in result.out
    assert vault_cli("similar", alone, "--json").json()["matches"] == []


def test_similar_refuses_a_bad_threshold_and_an_unknown_item(
        vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Ошибки").out.strip()
    photo = _attach(vault_cli, incident, tmp_path, "p.jpg", jpeg(scene(15)))
    wrong = vault_cli("similar", photo, "--threshold", "300", expect=BadInput.exit_code)
    assert "threshold" in wrong.err
    vault_cli("similar", "ffffffff", expect=NotFound.exit_code)
