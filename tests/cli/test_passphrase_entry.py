"""Passphrases: asked without echo on a terminal, from a file or the environment in
scripts; a wrong one changes nothing; the recovery code replaces a lost one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import PASSPHRASE, Cli, Terminal


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_without_a_terminal_or_a_given_passphrase_the_error_says_how(vault_cli: Cli) -> None:
    before = snapshot(vault_cli.vault)
    failed = vault_cli("incident", "list", env={"KZARCHIVE_PASSPHRASE": None}, expect=2)
    assert failed.err.startswith("kzarchive: No passphrase given, and there is no terminal")
    assert "--passphrase-file" in failed.err and "KZARCHIVE_PASSPHRASE" in failed.err
    assert snapshot(vault_cli.vault) == before


def test_passphrase_file_is_read_to_the_end_of_its_first_line(
        vault_cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_bytes(PASSPHRASE.encode() + b"\r\nsecond line is ignored\n")
    listed = vault_cli("--passphrase-file", secret, "incident", "list",
                       env={"KZARCHIVE_PASSPHRASE": None})
    assert listed.out.strip() == "No incidents."
    # After the command, too; and a given file wins over the environment.
    vault_cli("incident", "list", "--passphrase-file", secret,
              env={"KZARCHIVE_PASSPHRASE": "not the passphrase"})
    assert vault_cli("incident", "list", "--passphrase-file", tmp_path / "absent",
                     expect=7).code == 7


def test_wrong_passphrase_has_its_own_code_and_changes_nothing(vault_cli: Cli) -> None:
    vault_cli("incident", "add", "--title", "Something")
    before = snapshot(vault_cli.vault)
    for command in (("incident", "list"), ("verify",), ("passwd",)):
        failed = vault_cli(*command, env={"KZARCHIVE_PASSPHRASE": PASSPHRASE + "!",
                                          "KZARCHIVE_NEW_PASSPHRASE": "another one"},
                           expect=3)
        assert failed.err.startswith("kzarchive: The passphrase is not correct for this vault.")
        assert "recovery code" in failed.err and failed.out == ""
    assert snapshot(vault_cli.vault) == before


def test_recovery_code_sets_a_new_passphrase_and_the_old_one_stops_working(
        vault_cli: Cli) -> None:
    incident = vault_cli("incident", "add", "--title", "Kept across the change").out.strip()
    wrong_code = "00000-00000-00000-00000-00000"
    assert vault_cli("passwd", "--recovery", env={
        "KZARCHIVE_RECOVERY_CODE": wrong_code, "KZARCHIVE_NEW_PASSPHRASE": "new passphrase"},
        expect=3).err.startswith("kzarchive: The recovery code is not correct")
    # Written down by hand: lower case, spaces instead of dashes.
    sloppy = vault_cli.recovery_code.lower().replace("-", " ")
    changed = vault_cli("passwd", "--recovery",
                        env={"KZARCHIVE_RECOVERY_CODE": sloppy,
                             "KZARCHIVE_NEW_PASSPHRASE": "new passphrase"})
    assert "changed" in changed.out
    vault_cli("incident", "list", expect=3)
    shown = vault_cli("incident", "show", incident,
                      env={"KZARCHIVE_PASSPHRASE": "new passphrase"}).out
    assert "Kept across the change" in shown
    actions = [e["action"] for e in vault_cli(
        "log", "--json", env={"KZARCHIVE_PASSPHRASE": "new passphrase"}).json()["entries"]]
    assert actions[-1] == "passphrase.changed"
    # The recovery code keeps working after the change.
    vault_cli("passwd", "--recovery", env={"KZARCHIVE_RECOVERY_CODE": vault_cli.recovery_code,
                                           "KZARCHIVE_NEW_PASSPHRASE": "third passphrase"})
    vault_cli("verify", env={"KZARCHIVE_PASSPHRASE": "third passphrase"})


def test_passwd_with_the_current_passphrase(vault_cli: Cli, tmp_path: Path) -> None:
    new = tmp_path / "new"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    vault_cli("passwd", "--new-passphrase-file", new)
    vault_cli("verify", expect=3)
    vault_cli("verify", env={"KZARCHIVE_PASSPHRASE": "a brand new passphrase"})
    short = vault_cli("passwd", env={"KZARCHIVE_PASSPHRASE": "a brand new passphrase",
                                     "KZARCHIVE_NEW_PASSPHRASE": "short"}, expect=2)
    assert "too short" in short.err


# -- on a terminal ----------------------------------------------------------------------


def test_init_on_a_terminal_asks_twice_without_echo(cli: Cli) -> None:
    terminal = Terminal(cli, "init")
    terminal.read_until("Passphrase for the new vault: ")
    terminal.type("typed passphrase one")
    terminal.read_until("Type it again: ")
    terminal.type("typed passphrase 0ne")  # a typo: asked again, nothing created yet
    terminal.read_until("differ")
    terminal.read_until("Passphrase for the new vault: ")
    terminal.type("typed passphrase one")
    terminal.read_until("Type it again: ")
    terminal.type("typed passphrase one")
    assert terminal.finish() == 0
    assert b"typed passphrase" not in terminal.transcript
    assert b"Recovery code" in terminal.transcript
    cli("verify", env={"KZARCHIVE_PASSPHRASE": "typed passphrase one"})


@pytest.mark.parametrize("attempts", [["wrong passphrase 1", PASSPHRASE], ["wrong 1"] * 3])
def test_a_wrong_passphrase_may_be_typed_again_three_times(
        vault_cli: Cli, attempts: list[str]) -> None:
    terminal = Terminal(vault_cli, "incident", "list")
    for attempt in attempts:
        terminal.read_until("Passphrase: ")
        terminal.type(attempt)
    code = terminal.finish()
    assert b"wrong" not in terminal.transcript
    if attempts[-1] == PASSPHRASE:
        assert code == 0 and b"No incidents." in terminal.transcript
    else:
        assert code == 3
        assert terminal.transcript.count(b"The passphrase is not correct") == 3
