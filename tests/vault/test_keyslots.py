"""vault.keys: wrapping the master key under the passphrase and the recovery code."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kzarchive.crypto.kdf import MIN_MEMORY_KIB, Argon2Params
from kzarchive.errors import BadInput, IntegrityError, KzError, NewerFormat, WrongPassphrase
from kzarchive.vault import keyslots

FAST = Argon2Params(MIN_MEMORY_KIB, 1)


@pytest.fixture()
def keyfile_folder(tmp_path: Path) -> tuple[Path, bytes, str]:
    vmk = os.urandom(32)
    keyfile = keyslots.KeyFile(vault_id="11111111-2222-3333-4444-555555555555")
    keyfile.set_passphrase(vmk, "correct horse", FAST)
    code = keyslots.new_recovery_code()
    keyfile.set_recovery_code(vmk, code)
    keyfile.save(tmp_path, vmk)
    return tmp_path, vmk, code


def test_passphrase_and_recovery_code_both_unwrap_the_master_key(
        keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, vmk, code = keyfile_folder
    assert keyslots.load(folder).unlock_with_passphrase("correct horse") == vmk
    assert keyslots.load(folder).unlock_with_recovery(code) == vmk


def test_recovery_code_is_accepted_as_people_write_it(
        keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, vmk, code = keyfile_folder
    sloppy = code.lower().replace("-", " ").replace("0", "o")
    assert keyslots.load(folder).unlock_with_recovery(sloppy) == vmk


def test_wrong_passphrase_and_wrong_code_are_refused(
        keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, _, code = keyfile_folder
    with pytest.raises(WrongPassphrase):
        keyslots.load(folder).unlock_with_passphrase("correct horsE")
    other = keyslots.new_recovery_code()
    assert other != code
    with pytest.raises(WrongPassphrase):
        keyslots.load(folder).unlock_with_recovery(other)
    with pytest.raises(BadInput):
        keyslots.load(folder).unlock_with_recovery("too-short")


def test_passphrase_is_unicode_normalised(tmp_path: Path) -> None:
    vmk = os.urandom(32)
    keyfile = keyslots.KeyFile(vault_id="v")
    composed = "пароль ё и й"
    decomposed = "пароль е\u0308 и и\u0306"
    keyfile.set_passphrase(vmk, composed, FAST)
    keyfile.save(tmp_path, vmk)
    assert keyslots.load(tmp_path).unlock_with_passphrase(decomposed) == vmk


def test_file_has_no_secret_in_clear(keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, vmk, code = keyfile_folder
    raw = (folder / "vault.keys").read_bytes()
    assert vmk not in raw
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw
    assert b"correct horse" not in raw


def test_changing_the_passphrase_rewraps_only(keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, vmk, code = keyfile_folder
    keyfile = keyslots.load(folder)
    keyfile.set_passphrase(vmk, "new passphrase", FAST)
    keyfile.save(folder, vmk)
    with pytest.raises(WrongPassphrase):
        keyslots.load(folder).unlock_with_passphrase("correct horse")
    assert keyslots.load(folder).unlock_with_passphrase("new passphrase") == vmk
    assert keyslots.load(folder).unlock_with_recovery(code) == vmk


def test_every_byte_flip_of_vault_keys_is_detected(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Detection does not depend on Argon2's cost; a cheap stand-in keeps 1,000 opens fast.
    import hashlib

    monkeypatch.setattr(keyslots, "argon2id", lambda secret, salt, params: hashlib.sha256(
        secret + salt + str(params).encode()).digest())
    vmk = os.urandom(32)
    keyfile = keyslots.KeyFile(vault_id="11111111-2222-3333-4444-555555555555")
    keyfile.set_passphrase(vmk, "correct horse", FAST)
    code = keyslots.new_recovery_code()
    keyfile.set_recovery_code(vmk, code)
    keyfile.save(tmp_path, vmk)
    folder = tmp_path
    assert keyslots.load(folder).unlock_with_passphrase("correct horse") == vmk
    path = folder / "vault.keys"
    original = path.read_bytes()
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        unlockers: tuple[Callable[[keyslots.KeyFile], bytes], ...] = (
            lambda k: k.unlock_with_passphrase("correct horse"),
            lambda k: k.unlock_with_recovery(code))
        for unlock in unlockers:
            with pytest.raises(KzError) as caught:
                unlock(keyslots.load(folder))
            # The version digit 2 flips to 3: refused as a newer format, also a refusal.
            assert isinstance(caught.value,
                              IntegrityError | WrongPassphrase | BadInput | NewerFormat)
    path.write_bytes(original)


def test_truncated_vault_keys_is_detected(keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, _, _ = keyfile_folder
    path = folder / "vault.keys"
    original = path.read_bytes()
    for length in (0, 1, len(original) // 2, len(original) - 2):
        path.write_bytes(original[:length])
        with pytest.raises(IntegrityError):
            keyslots.load(folder).unlock_with_passphrase("correct horse")


def test_newer_format_is_refused_clearly(keyfile_folder: tuple[Path, bytes, str]) -> None:
    folder, _, _ = keyfile_folder
    path = folder / "vault.keys"
    path.write_bytes(path.read_bytes().replace(b'"version":2', b'"version":3'))
    with pytest.raises(NewerFormat) as caught:
        keyslots.load(folder)
    assert "version 3" in caught.value.message


def test_argon2_parameters_never_go_below_the_floor() -> None:
    with pytest.raises(ValueError):
        Argon2Params(MIN_MEMORY_KIB - 1, 1).check()
