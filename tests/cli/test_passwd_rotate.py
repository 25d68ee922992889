"""passwd --rotate and --new-recovery-code from the command line; every message true."""

from __future__ import annotations

from pathlib import Path

from tests.cli.cli_runner import PASSPHRASE, Cli

NEW = "a rotated new passphrase"


def test_rotate_makes_an_old_copy_of_vault_keys_useless(vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Kept across the rotation").out.strip()
    old_keys = (vault_cli.vault / "vault.keys").read_bytes()
    old_code = vault_cli.recovery_code
    rotated = vault_cli("passwd", "--rotate", "--json",
                        env={"KZARCHIVE_NEW_PASSPHRASE": NEW}).json()
    assert rotated["rotated"] is True and rotated["passphrase_changed"] is True
    new_code = rotated["recovery_code"]
    assert len(new_code) == 29 and new_code != old_code

    vault_cli("incident", "list", expect=3)
    shown = vault_cli("incident", "show", incident, env={"KZARCHIVE_PASSPHRASE": NEW}).out
    assert "Kept across the rotation" in shown
    vault_cli("verify", env={"KZARCHIVE_PASSPHRASE": NEW})
    wrong = vault_cli("passwd", "--recovery", env={
        "KZARCHIVE_RECOVERY_CODE": old_code, "KZARCHIVE_NEW_PASSPHRASE": "x" * 12}, expect=3)
    assert "recovery code is not correct" in wrong.err

    current = (vault_cli.vault / "vault.keys").read_bytes()
    (vault_cli.vault / "vault.keys").write_bytes(old_keys)
    assert vault_cli("verify", expect=6).err.startswith(
        "kzarchive: Integrity check failed: archive.db cannot be decrypted")
    (vault_cli.vault / "vault.keys").write_bytes(current)
    actions = [e["action"] for e in vault_cli(
        "log", "--json", env={"KZARCHIVE_PASSPHRASE": NEW}).json()["entries"]]
    assert actions[-1] == "keys.rotated"
    vault_cli("passwd", "--recovery", env={"KZARCHIVE_RECOVERY_CODE": new_code,
                                           "KZARCHIVE_NEW_PASSPHRASE": "third passphrase"})


def test_rotate_shows_the_new_code_once_in_text(vault_cli: Cli) -> None:
    out = vault_cli("passwd", "--rotate", env={"KZARCHIVE_NEW_PASSPHRASE": NEW}).out
    assert "copies of the old vault.keys" in out and "open nothing" in out
    assert "New recovery code (shown only this once):" in out
    code = out.split("shown only this once):")[1].split()[0]
    vault_cli("passwd", "--recovery", env={"KZARCHIVE_RECOVERY_CODE": code,
                                           "KZARCHIVE_NEW_PASSPHRASE": PASSPHRASE})


def test_a_plain_passwd_says_old_copies_still_open_and_suggests_rotate(vault_cli: Cli) -> None:
    out = vault_cli("passwd", env={"KZARCHIVE_NEW_PASSPHRASE": NEW}).out
    assert "copy of the old vault.keys" in out and "still opens" in out
    assert "kzarchive passwd --rotate" in out
    done = vault_cli("passwd", "--json", env={"KZARCHIVE_PASSPHRASE": NEW,
                                              "KZARCHIVE_NEW_PASSPHRASE": PASSPHRASE}).json()
    assert done == {"json_version": 1, "vault": str(vault_cli.vault), "rotated": False,
                    "passphrase_changed": True, "recovery_code": None}


def test_a_new_recovery_code_alone(vault_cli: Cli) -> None:
    old_code = vault_cli.recovery_code
    done = vault_cli("passwd", "--new-recovery-code", "--json").json()
    assert done["rotated"] is False and done["passphrase_changed"] is False
    new_code = done["recovery_code"]
    vault_cli("verify")  # the passphrase stays
    vault_cli("passwd", "--recovery", env={
        "KZARCHIVE_RECOVERY_CODE": old_code, "KZARCHIVE_NEW_PASSPHRASE": NEW}, expect=3)
    vault_cli("passwd", "--recovery", env={
        "KZARCHIVE_RECOVERY_CODE": new_code, "KZARCHIVE_NEW_PASSPHRASE": NEW})
    text = vault_cli("passwd", "--new-recovery-code",
                     env={"KZARCHIVE_PASSPHRASE": NEW}).out
    assert "old vault.keys" in text and "--rotate" in text


def test_rotate_and_new_recovery_code_exclude_each_other(vault_cli: Cli) -> None:
    vault_cli("passwd", "--rotate", "--new-recovery-code", expect=2)
