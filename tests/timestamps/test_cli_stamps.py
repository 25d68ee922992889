"""``kzarchive timestamp request/add/list`` as a documenter runs them."""

from __future__ import annotations

from pathlib import Path

from tests.cli.cli_runner import Cli
from tests.cli.test_exchange_commands import _pair
from tests.timestamps.local_tsa import LocalTsa


def test_request_add_list_round_trip(tmp_path: Path, tsa: LocalTsa) -> None:
    cli = Cli(tmp_path).init()
    cli("incident", "add", "--title", "Raid on the office")
    made = cli("timestamp", "request", "-o", tmp_path / "stamp.tsq")
    assert "curl -sS -H 'Content-Type: application/timestamp-query'" in made.out
    tsa.reply(tmp_path / "stamp.tsq", tmp_path / "stamp.tsr")
    added = cli("timestamp", "add", tmp_path / "stamp.tsr")
    assert "not yet checked against a trusted authority" in added.out
    listed = cli("timestamp", "list", "--json").json()
    assert [s["chain_status"] for s in listed["stamps"]] == ["unchecked"]
    assert listed["stamps"][0]["authority"] == "CN=Test TSA"
    assert listed["pending_requests"] == 0
    log = cli("log", "--json").json()["entries"]
    assert log[-1]["action"] == "checkpoint.timestamped"


def test_add_with_the_ca_verifies_and_a_wrong_ca_exits_25(
        tmp_path: Path, tsa: LocalTsa, other_tsa: LocalTsa) -> None:
    cli = Cli(tmp_path).init()
    cli("timestamp", "request", "-o", tmp_path / "stamp.tsq")
    tsa.reply(tmp_path / "stamp.tsq", tmp_path / "stamp.tsr")
    refused = cli("timestamp", "add", tmp_path / "stamp.tsr", "--ca", other_tsa.ca_pem,
                  expect=25)
    assert "could not be verified" in refused.err and "Nothing was stored" in refused.err
    cli("timestamp", "add", tmp_path / "stamp.tsr", "--ca", tsa.ca_pem)
    text = cli("timestamp", "list").out
    assert "verified" in text and "not yet checked" not in text


def test_a_foreign_reply_exits_24(tmp_path: Path, tsa: LocalTsa) -> None:
    cli = Cli(tmp_path).init()
    cli("timestamp", "request", "-o", tmp_path / "stamp.tsq")
    (tmp_path / "other.txt").write_bytes(b"something else\n")
    tsa.reply(tsa.query(tmp_path / "other.txt", tmp_path / "o.tsq"), tmp_path / "o.tsr")
    refused = cli("timestamp", "add", tmp_path / "o.tsr", expect=24)
    assert "answers no request of this vault" in refused.err
    assert cli("timestamp", "list", "--json").json()["stamps"] == []


def test_the_partner_sees_the_trusted_time_from_the_command_line(
        tmp_path: Path, tsa: LocalTsa) -> None:
    documenter, partner = _pair(tmp_path)
    incident = documenter("incident", "add", "--title", "T", "--json").json()["incident"]["id"]
    documenter("testimony", "add", incident, "--text", "Показания")
    documenter("timestamp", "request", "-o", tmp_path / "stamp.tsq")
    tsa.reply(tmp_path / "stamp.tsq", tmp_path / "stamp.tsr")
    documenter("timestamp", "add", tmp_path / "stamp.tsr")
    bundle = tmp_path / "out.kzb"
    documenter("export", incident, "--to", "Partner", "-o", bundle)
    plain = partner("verify-bundle", bundle).out
    assert "trusted time: incident" in plain and "not yet checked" in plain
    report = partner("verify-bundle", bundle, "--tsa-ca", tsa.ca_pem, "--json").json()["report"]
    [line] = report["trusted_times"]
    assert line["incident_id"] == incident and line["chain_status"] == "verified"
    assert (line["items_covered"], line["items_total"]) == (1, 1)
    assert report["stamps"][0]["authority"] == "CN=Test TSA"
    partner("import", bundle, "--tsa-ca", tsa.ca_pem)


def test_check_verifies_what_was_kept_unchecked(tmp_path: Path, tsa: LocalTsa) -> None:
    cli = Cli(tmp_path).init()
    cli("timestamp", "request", "-o", tmp_path / "stamp.tsq")
    tsa.reply(tmp_path / "stamp.tsq", tmp_path / "stamp.tsr")
    cli("timestamp", "add", tmp_path / "stamp.tsr")
    out = cli("timestamp", "check", "--ca", tsa.ca_pem).out
    assert "1 stamp(s) verified; 0 still not yet checked" in out
    assert cli("timestamp", "list", "--json").json()["stamps"][0]["chain_status"] == "verified"
    cli("timestamp", "check", "--ca", tmp_path / "missing.pem", expect=7)
