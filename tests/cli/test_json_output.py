"""``--json`` output has exactly the shape README "JSON output" documents, per command.

The examples in the README are the contract: each real output must have the same
fields, at every level, as its example (open objects such as ``metadata`` and
``details`` excepted).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.cli.main import build_parser
from tests.cli.cli_runner import PASSPHRASE, Cli
from tests.timestamps.local_tsa import LocalTsa

README = Path(__file__).resolve().parents[2] / "README.md"
# Objects whose fields belong to another layer and may grow with it.
OPEN_OBJECTS = {"metadata", "details", "derivation"}


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def documented_examples() -> dict[str, Any]:
    pattern = re.compile(r"^### `kzarchive ([a-z -]+) --json`\n(.*?)```json\n(.*?)```",
                         re.MULTILINE | re.DOTALL)
    return {m.group(1): json.loads(m.group(3))
            for m in pattern.finditer(section("JSON output"))}


def same_shape(real: Any, documented: Any, where: str = "") -> None:
    if isinstance(documented, dict):
        assert isinstance(real, dict), where
        assert sorted(real) == sorted(documented), f"fields differ at {where or 'top'}"
        for key in documented:
            if key in OPEN_OBJECTS:
                assert real[key] is None or isinstance(real[key], dict), f"{where}.{key}"
            else:
                same_shape(real[key], documented[key], f"{where}.{key}")
    elif isinstance(documented, list) and documented and real:
        same_shape(real[0], documented[0], f"{where}[0]")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One real output per command, from a vault with an incident, a person and items."""
    root = tmp_path_factory.mktemp("json")
    cli = Cli(root)
    produced: dict[str, Any] = {"init": cli("init", "--json").json()}
    added = cli("incident", "add", "--title", "T", "--occurred", "2022-01-05/2022-01-07",
                "--latitude", "43.2", "--longitude", "76.9", "--tag", "t",
                "--violation", "torture", "--json").json()
    produced["incident add"] = added
    incident_id = added["incident"]["id"]
    (root / "photo.bin").write_bytes(b"\x00content" * 1000)
    produced["attach"] = cli("attach", incident_id, root / "photo.bin", "--json").json()
    produced["testimony add"] = cli("testimony", "add", incident_id, "--text", "words",
                                    "--witness", "W-1", "--json").json()
    with Archive.open(cli.vault, PASSPHRASE) as archive:
        archive.add_person(incident_id, "witness", "W-1", real_name="Real Name Kept Inside",
                           consent_given=True, consent_scope="UN only",
                           consent_date="2022-01-09")
    produced["incident list"] = cli("incident", "list", "--json").json()
    produced["incident show"] = cli("incident", "show", incident_id, "--json").json()
    item_id = produced["attach"]["items"][0]["id"]
    produced["extract"] = cli("extract", item_id, root / "out.bin", "--json").json()
    produced["log"] = cli("log", "--json").json()
    produced["identity"] = cli("identity", "--json").json()
    produced["verify"] = cli("verify", "--json").json()
    (root / "copy.bin").write_bytes(b"\x00content" * 1000)
    cli("attach", incident_id, root / "copy.bin", "--allow-duplicate")
    produced["similar"] = cli("similar", item_id, "--json").json()
    produced["report"] = cli("report", incident_id, "-o", root / "report.pdf", "--json").json()

    partner = Cli(root / "partner").init()
    cli("contact", "export-card", root / "mine.card")
    partner("contact", "export-card", root / "partner.card")
    produced["contact add"] = cli("contact", "add", root / "partner.card", "--name", "P",
                                  "--json").json()
    produced["contact verify"] = cli("contact", "verify", "P", "--yes", "--json").json()
    produced["contact list"] = cli("contact", "list", "--json").json()
    partner("contact", "add", root / "mine.card", "--name", "D")
    partner("contact", "verify", "D", "--yes")
    bundle = root / "out.kzb"
    produced["export"] = cli("export", incident_id, "--to", "P", "-o", bundle, "--json").json()
    produced["verify-bundle"] = partner("verify-bundle", bundle, "--json").json()
    produced["import"] = partner("import", bundle, "--json").json()
    produced["receipt make"] = partner("receipt", "make", bundle, "-o", root / "r.kzr",
                                       "--json").json()
    produced["receipt add"] = cli("receipt", "add", root / "r.kzr", "--json").json()
    produced["receipt list"] = cli("receipt", "list", "--json").json()
    # Again, now that the incident was sent and confirmed: its exports are filled in.
    produced["incident show"] = cli("incident", "show", incident_id, "--json").json()
    tsa = LocalTsa(root / "tsa")
    produced["timestamp request"] = cli("timestamp", "request", "-o", root / "stamp.tsq",
                                        "--json").json()
    tsa.reply(root / "stamp.tsq", root / "stamp.tsr")
    produced["timestamp add"] = cli("timestamp", "add", root / "stamp.tsr", "--json").json()
    produced["timestamp list"] = cli("timestamp", "list", "--json").json()
    # Last: it replaces the passphrase the commands above use.
    produced["passwd"] = cli("passwd", "--rotate", "--json",
                             env={"KZARCHIVE_NEW_PASSPHRASE": "rotated passphrase"}).json()
    return produced


def commands_with_json_flag() -> set[str]:
    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser, command: str) -> None:
        for action in parser._actions:
            if "--json" in action.option_strings:
                found.add(command)
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{command} {name}".strip())

    walk(build_parser(), "")
    return found


def test_every_command_with_json_output_is_documented(outputs: dict[str, Any]) -> None:
    assert set(documented_examples()) == commands_with_json_flag() == set(outputs)


@pytest.mark.parametrize("command", sorted([
    "init", "incident add", "incident list", "incident show", "attach", "testimony add",
    "extract", "similar", "log", "identity", "verify", "contact add", "contact verify",
    "contact list", "export", "verify-bundle", "import", "passwd", "receipt make",
    "receipt add", "receipt list", "timestamp request", "timestamp add", "timestamp list",
    "report"]))
def test_output_has_the_documented_fields(outputs: dict[str, Any], command: str) -> None:
    real = outputs[command]
    assert real["json_version"] == 1
    same_shape(real, documented_examples()[command])


def test_values_are_typed_as_documented(outputs: dict[str, Any]) -> None:
    incident = outputs["incident show"]["incident"]
    assert (incident["occurred_start"], incident["occurred_end"]) == ("2022-01-05", "2022-01-07")
    assert (incident["latitude"], incident["longitude"]) == ("43.2", "76.9")
    assert incident["violations"] == ["torture"] and incident["tags"] == ["t"]
    item = outputs["attach"]["items"][0]
    assert item["size"] == 8000 and isinstance(item["has_thumbnail"], bool)
    assert re.fullmatch(r"[0-9a-f]{64}", item["sha256"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", item["collected_at"])
    person = outputs["incident show"]["people"][0]
    assert person["consent_given"] is True and person["pseudonym"] == "W-1"
    assert "Real Name Kept Inside" not in json.dumps(outputs, ensure_ascii=False)
    assert outputs["verify"]["ok"] is True and outputs["verify"]["items_checked"] == 2
    assert [e["seq"] for e in outputs["log"]["entries"]] == list(
        range(1, len(outputs["log"]["entries"]) + 1))
    assert outputs["extract"]["path"].endswith("out.bin")


def test_json_is_utf8_with_sorted_keys(tmp_path: Path) -> None:
    cli = Cli(tmp_path).init()
    raw = cli("incident", "add", "--title", "Задержание", "--json").out
    assert "Задержание" in raw  # readable UTF-8, not \u escapes
    document = json.loads(raw)
    assert list(document) == sorted(document)
    assert list(document["incident"]) == sorted(document["incident"])
