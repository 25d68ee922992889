"""Key-derivation parameters read from vault.keys are bounded before anything is derived.

An edited file asking for terabytes of memory or a million passes must be refused at
once with an error naming the field, not run out of memory or hang the unlock.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kzarchive.crypto import kdf
from kzarchive.crypto.kdf import MIN_MEMORY_KIB, Argon2Params
from kzarchive.errors import IntegrityError
from kzarchive.util.canonical import canonical_json
from kzarchive.vault import keyslots

FAST = Argon2Params(MIN_MEMORY_KIB, 1)
PASSPHRASE = "correct horse"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    vmk = os.urandom(32)
    keyfile = keyslots.KeyFile(vault_id="11111111-2222-3333-4444-555555555555")
    keyfile.set_passphrase(vmk, PASSPHRASE, FAST)
    keyfile.set_recovery_code(vmk, keyslots.new_recovery_code())
    keyfile.save(tmp_path, vmk)
    return tmp_path


def edit(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrites vault.keys canonically, as a careful attacker would (the MAC is not redone)."""
    path = folder / keyslots.FILE_NAME
    data = json.loads(path.read_bytes())
    change(data)
    path.write_bytes(canonical_json(data) + b"\n")


def slot(data: dict[str, Any], kind: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in data["keyslots"] if s["type"] == kind)
    return found


@pytest.fixture()
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any derivation reached with a bad parameter is a failure of the bound itself."""
    def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("a key was derived from parameters that should be refused")
    monkeypatch.setattr(keyslots, "argon2id", refuse)


@pytest.mark.parametrize(("field", "value", "named"), [
    ("memory_kib", 4 * 1024 * 1024 * 1024, "memory_kib"),   # 4 TiB
    ("memory_kib", kdf.ACCEPTED_MEMORY_KIB[1] + 1, "memory_kib"),
    ("memory_kib", MIN_MEMORY_KIB - 1, "memory_kib"),
    ("memory_kib", 0, "memory_kib"),
    ("memory_kib", -1, "memory_kib"),
    ("memory_kib", "65536", "memory_kib"),
    ("memory_kib", True, "memory_kib"),
    ("iterations", 1_000_000, "iterations"),
    ("iterations", kdf.ACCEPTED_ITERATIONS[1] + 1, "iterations"),
    ("iterations", 0, "iterations"),
    ("lanes", 0, "lanes"),
    ("lanes", kdf.ACCEPTED_LANES[1] + 1, "lanes"),
    ("lanes", 2 ** 24, "lanes"),
])
def test_each_argon2_bound_is_refused_before_deriving(
        folder: Path, no_derivation: None, field: str, value: object, named: str) -> None:
    edit(folder, lambda data: slot(data, "passphrase")["kdf"].__setitem__(field, value))
    start = time.perf_counter()
    with pytest.raises(IntegrityError) as caught:
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)
    assert named in caught.value.message and "vault.keys" in caught.value.message
    assert time.perf_counter() - start < 1.0


def test_a_fractional_parameter_is_refused(folder: Path, no_derivation: None) -> None:
    path = folder / keyslots.FILE_NAME
    path.write_bytes(path.read_bytes().replace(b'"iterations":1,', b'"iterations":1.5,'))
    with pytest.raises(IntegrityError):
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)


def test_memory_and_passes_each_within_bounds_but_together_too_costly(
        folder: Path, no_derivation: None) -> None:
    memory = kdf.ACCEPTED_MEMORY_KIB[1]
    passes = kdf.ACCEPTED_COST_KIB // memory + 1
    assert passes <= kdf.ACCEPTED_ITERATIONS[1]

    def change(data: dict[str, Any]) -> None:
        slot(data, "passphrase")["kdf"].update(memory_kib=memory, iterations=passes)
    edit(folder, change)
    with pytest.raises(IntegrityError) as caught:
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)
    assert "memory_kib x iterations" in caught.value.message


@pytest.mark.parametrize("kind", ["passphrase", "recovery"])
@pytest.mark.parametrize("length", [0, 8, 15, 65, 4096])
def test_salt_length_is_bounded(folder: Path, no_derivation: None, kind: str,
                                length: int) -> None:
    import base64
    salt = base64.b64encode(os.urandom(length)).decode()
    edit(folder, lambda data: slot(data, kind)["kdf"].__setitem__("salt", salt))
    keyfile = keyslots.load(folder)
    with pytest.raises(IntegrityError) as caught:
        if kind == "passphrase":
            keyfile.unlock_with_passphrase(PASSPHRASE)
        else:
            keyfile.unlock_with_recovery(keyslots.new_recovery_code())
    assert "salt" in caught.value.message


@pytest.mark.parametrize(("field", "length", "named"), [
    ("nonce", 0, "nonce"), ("nonce", 11, "nonce"), ("nonce", 13, "nonce"),
    ("nonce", 10_000, "nonce"),
    ("ciphertext", 0, "wrapped key"), ("ciphertext", 47, "wrapped key"),
    ("ciphertext", 49, "wrapped key"), ("ciphertext", 10_000, "wrapped key"),
])
def test_wrap_lengths_are_checked_before_deriving(
        folder: Path, no_derivation: None, field: str, length: int, named: str) -> None:
    import base64
    value = base64.b64encode(os.urandom(length)).decode()
    edit(folder, lambda data: slot(data, "passphrase")["wrap"].__setitem__(field, value))
    with pytest.raises(IntegrityError) as caught:
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)
    assert named in caught.value.message


def test_unknown_derivation_names_are_refused(folder: Path, no_derivation: None) -> None:
    edit(folder, lambda data: slot(data, "passphrase")["kdf"].__setitem__("alg", "scrypt"))
    with pytest.raises(IntegrityError, match="key derivation"):
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)


def test_an_oversized_file_is_refused_without_reading_it_whole(folder: Path) -> None:
    path = folder / keyslots.FILE_NAME
    with open(path, "ab") as handle:
        handle.truncate(512 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(IntegrityError, match="larger than"):
        keyslots.load(folder)


def test_too_many_slots_are_refused(folder: Path) -> None:
    edit(folder, lambda data: data.__setitem__("keyslots", data["keyslots"] * 5))
    with pytest.raises(IntegrityError, match="keyslots"):
        keyslots.load(folder)


def test_a_duplicate_slot_is_refused(folder: Path, no_derivation: None) -> None:
    edit(folder, lambda data: data.__setitem__("keyslots", data["keyslots"] * 2))
    with pytest.raises(IntegrityError, match="more than one"):
        keyslots.load(folder).unlock_with_passphrase(PASSPHRASE)


def test_every_parameter_calibration_can_make_is_accepted() -> None:
    # The bounds must never lock out a vault this project made.
    for memory in (MIN_MEMORY_KIB, 128 * 1024, 256 * 1024, kdf.MAX_MEMORY_KIB):
        for passes in range(1, kdf.MAX_ITERATIONS + 1):
            assert Argon2Params(memory, passes).problem() is None
    assert kdf.calibrate(10).problem() is None
