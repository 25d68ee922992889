"""The commands a documenter types, end to end through the real ``kzarchive`` process."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
from pathlib import Path

from kzarchive import __version__
from kzarchive.archive import Archive
from kzarchive.crypto import age, minisign
from tests.cli.cli_runner import PASSPHRASE, Cli, Terminal

FINGERPRINT = re.compile(r"\b\d{5}( \d{5}){11}\b")
RECOVERY_CODE = re.compile(r"\b[0-9A-Z]{5}(-[0-9A-Z]{5}){4}\b")
ITEM_LINE = re.compile(r"^([0-9a-f]{16})  ([0-9a-f]{64})  (.+)$")


def add_incident(cli: Cli, *extra: str, title: str = "Задержание на площади") -> str:
    incident_id = cli("incident", "add", "--title", title, *extra).out.strip()
    assert re.fullmatch(r"[0-9a-f]{16}", incident_id)
    return incident_id


def test_version(cli: Cli) -> None:
    assert cli("--version").out.strip() == f"kzarchive {__version__}"


def test_init_shows_fingerprint_and_recovery_code_once(cli: Cli) -> None:
    shown = cli("init", "--name", "Монитор").out
    fingerprint = FINGERPRINT.search(shown)
    code = RECOVERY_CODE.search(shown)
    assert fingerprint and code
    assert (cli.vault / "vault.keys").is_file()
    identity = cli("identity").out
    assert fingerprint.group(0) in identity
    assert code.group(0) not in identity
    # The code opens the vault: it is the real one, not a decoration.
    cli("passwd", "--recovery",
        env={"KZARCHIVE_RECOVERY_CODE": code.group(0),
             "KZARCHIVE_NEW_PASSPHRASE": "new pass phrase 1"})
    again = cli("init", expect=2)
    assert "not empty" in again.err and again.out == ""


def test_incident_add_list_and_show(vault_cli: Cli) -> None:
    cli = vault_cli
    incident_id = add_incident(
        cli, "--occurred", "2022-01-05/2022-01-07", "--place", "Алматы",
        "--description", "Задержан журналист у здания акимата.",
        "--violation", "arbitrary-detention", "--violation", "attack-on-journalist",
        "--tag", "январь-2022", "--latitude", "43.238949", "--longitude", "76.889709")
    other = add_incident(cli, "--occurred", "2021-12", title="Another incident")

    listing = cli("incident", "list").out.splitlines()
    assert len(listing) == 2
    assert listing[0].startswith(incident_id) and "Задержание на площади" in listing[0]
    assert "2022-01-05/2022-01-07" in listing[0]
    assert listing[1].startswith(other)

    shown = cli("incident", "show", incident_id[:6], "--json").json()["incident"]
    assert shown["id"] == incident_id
    assert (shown["occurred_start"], shown["occurred_end"]) == ("2022-01-05", "2022-01-07")
    assert shown["date_precision"] == "day"
    assert shown["violations"] == ["arbitrary-detention", "attack-on-journalist"]
    assert shown["tags"] == ["январь-2022"]
    assert (shown["latitude"], shown["longitude"]) == ("43.238949", "76.889709")
    assert cli("incident", "show", other, "--json").json()["incident"]["date_precision"] == "month"
    text = cli("incident", "show", incident_id).out
    assert "Задержан журналист у здания акимата." in text and "Алматы" in text


def test_incident_list_filters(vault_cli: Cli) -> None:
    cli = vault_cli
    torture = add_incident(cli, "--violation", "torture", "--tag", "ИВС", "--occurred", "2022-01")
    shutdown = add_incident(cli, "--violation", "internet-shutdown", "--status", "reviewed",
                            "--occurred", "2022-03-01", title="Отключение интернета")

    def ids(*args: str) -> list[str]:
        return [i["id"] for i in cli("incident", "list", *args, "--json").json()["incidents"]]

    assert ids("--violation", "torture") == [torture]
    assert ids("--tag", "ИВС") == [torture]
    assert ids("--status", "reviewed") == [shutdown]
    assert ids("--from", "2022-02-01") == [shutdown]
    assert ids("--to", "2022-01-31") == [torture]
    assert ids("--search", "интернет") == [shutdown]
    assert ids("--search", "интернет", "--violation", "torture") == []
    assert cli("incident", "list", "--search", "nothing-like-this").out.strip() == (
        "No incident matches.")


def test_attach_prints_id_and_hash_per_file_and_extract_returns_the_same_bytes(
        vault_cli: Cli, tmp_path: Path) -> None:
    cli = vault_cli
    incident_id = add_incident(cli)
    files = {"photo.bin": os.urandom(300_000), "заметки.txt": "Текст\n".encode() * 100}
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name, data in files.items():
        (inputs / name).write_bytes(data)

    attached = cli("attach", incident_id[:5], *(inputs / n for n in files), "--note", "n")
    assert attached.err == ""  # no progress drawn when stderr is not a terminal
    lines = [ITEM_LINE.match(line) for line in attached.out.splitlines()]
    assert all(lines) and len(lines) == 2
    out = tmp_path / "out"
    out.mkdir()
    for match, (name, data) in zip(lines, files.items(), strict=True):
        assert match is not None
        item_id, sha256, shown_path = match.groups()
        assert sha256 == hashlib.sha256(data).hexdigest()
        assert shown_path.endswith(name)
        extracted = cli("extract", item_id[:6], out).out.split()
        assert extracted[-1] == sha256
        assert (out / name).read_bytes() == data

    refused = cli("extract", lines[0].group(1), out, expect=2)  # type: ignore[union-attr]
    assert "already exists" in refused.err
    (out / "photo.bin").write_bytes(b"something else")
    cli("extract", lines[0].group(1), out / "photo.bin", "--force")  # type: ignore[union-attr]
    assert (out / "photo.bin").read_bytes() == files["photo.bin"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_attach_checks_every_file_before_storing_any(vault_cli: Cli, tmp_path: Path) -> None:
    cli = vault_cli
    incident_id = add_incident(cli)
    present = tmp_path / "present.bin"
    present.write_bytes(b"x" * 1000)
    failed = cli("attach", incident_id, present, tmp_path / "absent.bin", expect=7)
    assert "absent.bin" in failed.err
    assert cli("incident", "show", incident_id, "--json").json()["items"] == []
    assert cli("attach", incident_id, tmp_path, expect=2).err.count("folder") == 1


def test_testimony_from_text_file_argument_and_standard_input(
        vault_cli: Cli, tmp_path: Path) -> None:
    cli = vault_cli
    incident_id = add_incident(cli)
    statement = tmp_path / "показания.txt"
    statement.write_text("\ufeffЯ видел, как его увели в автозак.\n", encoding="utf-8")
    first = cli("testimony", "add", incident_id[:8], "--text-file", statement,
                "--witness", "W-17", "--language", "ru").out.strip()
    second = cli("testimony", "add", incident_id, "--text", "Second account, in English.",
                 "--language", "en").out.strip()
    third = cli("testimony", "add", incident_id, "--text-file", "-",
                stdin="Третье свидетельство.".encode()).out.strip()

    items = {i["id"]: i for i in cli("incident", "show", incident_id, "--json").json()["items"]}
    assert set(items) == {first, second, third}
    assert items[first]["kind"] == "testimony" and items[first]["witness"] == "W-17"
    assert items[first]["name"] == "показания.txt" and items[first]["language"] == "ru"
    text = "Я видел, как его увели в автозак.\n".encode()  # the byte-order mark is not content
    assert items[first]["sha256"] == hashlib.sha256(text).hexdigest()
    assert [i["id"] for i in cli("incident", "list", "--search", "автозак", "--json")
            .json()["incidents"]] == [incident_id]

    not_utf8 = tmp_path / "cp1251.txt"
    not_utf8.write_bytes("Показания".encode("cp1251"))
    assert "UTF-8" in cli("testimony", "add", incident_id, "--text-file", not_utf8,
                          expect=2).err


def test_log_lists_custody_entries_overall_and_per_incident(vault_cli: Cli) -> None:
    cli = vault_cli
    first = add_incident(cli)
    second = add_incident(cli, title="Second")
    cli("testimony", "add", second, "--text", "words")
    everything = cli("log", "--json").json()["entries"]
    assert [e["action"] for e in everything] == [
        "vault.created", "incident.created", "incident.created", "item.added"]
    assert [e["seq"] for e in everything] == [1, 2, 3, 4]
    only_second = cli("log", "--incident", second[:6], "--json").json()["entries"]
    assert [e["seq"] for e in only_second] == [3, 4]
    assert only_second[1]["incident_prev"] == only_second[0]["leaf_hash"]
    text = cli("log", "--incident", first).out.splitlines()
    assert len(text) == 1 and "incident.created" in text[0]


def test_identity_shows_keys_that_the_standard_tools_accept(
        vault_cli: Cli, tmp_path: Path) -> None:
    shown = vault_cli("identity", "--json").json()
    assert shown["fingerprint"] == vault_cli.fingerprint
    text = vault_cli("identity").out
    assert all(shown[k] in text for k in ("fingerprint", "age_recipient", "minisign_public_key"))
    message = tmp_path / "message.txt"
    message.write_bytes(b"for the vault only")
    # What the real age encrypts to the printed recipient, the vault's key decrypts ...
    encrypted = subprocess.run(["age", "-r", shown["age_recipient"], str(message)],
                               capture_output=True, check=True).stdout
    with Archive.open(vault_cli.vault, PASSPHRASE) as archive:
        assert archive.identity is not None and archive.vault_id == shown["vault_id"]
        decrypted = io.BytesIO()
        age.decrypt([archive.identity.age_identity], io.BytesIO(encrypted), decrypted)
        signature = minisign.sign(archive.identity.signing_key, message.read_bytes(), "test")
    assert decrypted.getvalue() == b"for the vault only"
    # ... and what the vault signs, the real minisign accepts under the printed key.
    (tmp_path / "message.txt.minisig").write_text(signature)
    subprocess.run(["minisign", "-V", "-P", shown["minisign_public_key"], "-m", str(message)],
                   capture_output=True, check=True)


def test_verify_passes_on_a_healthy_vault(vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = add_incident(vault_cli)
    (tmp_path / "f.bin").write_bytes(os.urandom(200_000))
    vault_cli("attach", incident_id, tmp_path / "f.bin")
    out = vault_cli("verify").out
    assert "FAILED" not in out and "All checks passed (1 items)." in out


def test_ids_resolve_from_unique_prefixes_only(vault_cli: Cli) -> None:
    with Archive.open(vault_cli.vault, PASSPHRASE) as archive:
        archive.add_incident("A", incident_id="abcd000000000001")
        archive.add_incident("B", incident_id="abcd000000000002")
    ambiguous = vault_cli("incident", "show", "abcd", expect=2)
    assert "several" in ambiguous.err
    assert vault_cli("incident", "show", "abcd0000000000", expect=2).code == 2
    assert "B" in vault_cli("incident", "show", "abcd000000000002").out
    assert vault_cli("incident", "show", "abc", expect=11).err.startswith("kzarchive: ")
    assert vault_cli("incident", "show", "ffff", expect=11).code == 11


def test_errors_are_clear_and_carry_their_exit_code(cli: Cli, tmp_path: Path) -> None:
    missing = cli("incident", "list", expect=4)
    assert missing.err.startswith(f"kzarchive: {cli.vault} is not a kzarchive vault.")
    assert missing.out == ""
    cli.init()
    assert "is not a date" in cli("incident", "add", "--title", "x", "--occurred",
                                  "2022-13-01", expect=2).err
    assert "ends before it starts" in cli("incident", "add", "--title", "x", "--occurred",
                                          "2022-02-01/2022-01-01", expect=2).err
    assert cli("incident", "add", "--title", "x", "--violation", "nonsense", expect=2).err
    assert "needs a title" in cli("incident", "add", "--title", "  ", expect=2).err
    assert cli("attach", "0123456789abcdef", tmp_path, expect=2).code == 2
    (tmp_path / "f").write_bytes(b"data")
    assert "No incident with id" in cli("attach", "0123456789abcdef", tmp_path / "f",
                                        expect=11).err
    assert cli("extract", "0123456789abcdef", tmp_path, expect=11).code == 11
    assert cli("no-such-command", expect=2).err


def test_progress_is_drawn_on_a_terminal(vault_cli: Cli, tmp_path: Path) -> None:
    incident_id = add_incident(vault_cli)
    source = tmp_path / "large.bin"
    with open(source, "wb") as handle:
        handle.truncate(48 * 1024 * 1024)
    terminal = Terminal(vault_cli, "attach", incident_id, source, ask_passphrase=False)
    assert terminal.finish() == 0
    shown = terminal.transcript.decode()
    assert "File 1 of 1: 100% 48.0 MiB" in shown
    assert re.search(r"[0-9a-f]{16}  [0-9a-f]{64}  .*large\.bin", shown)
