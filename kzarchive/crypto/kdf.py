"""Key derivation: Argon2id for passphrases, HKDF-SHA256 for sub-keys."""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 512 * 1024
LANES = 4
MAX_ITERATIONS = 10
# What a vault.keys may ask for before anything is derived.  calibrate() never made
# more than MAX_MEMORY_KIB and MAX_ITERATIONS; the accepted range is four times
# larger in memory and three times in passes, so that a future calibration has room,
# and small enough that an edited file cannot exhaust memory or stall the unlock
# for more than about a minute.
ACCEPTED_MEMORY_KIB = (MIN_MEMORY_KIB, 4 * MAX_MEMORY_KIB)
ACCEPTED_ITERATIONS = (1, 3 * MAX_ITERATIONS)
ACCEPTED_LANES = (1, 16)
# memory x passes, in KiB: bounds the total work, not only each factor.
ACCEPTED_COST_KIB = 2 * MAX_MEMORY_KIB * MAX_ITERATIONS
ACCEPTED_SALT_BYTES = (16, 64)
DEFAULT_TARGET_MS = 1000
# Tests and very slow machines may ask for a shorter derivation; the memory floor holds.
TARGET_ENV = "KZARCHIVE_KDF_TARGET_MS"


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int = LANES

    def problem(self) -> str | None:
        """Names the first parameter outside the accepted range, or None."""
        for name, value, (low, high) in (
            ("memory_kib", self.memory_kib, ACCEPTED_MEMORY_KIB),
            ("iterations", self.iterations, ACCEPTED_ITERATIONS),
            ("lanes", self.lanes, ACCEPTED_LANES),
        ):
            if type(value) is not int:
                return f"{name} is not a whole number"
            if not low <= value <= high:
                return f"{name} = {value} is outside the accepted range {low}..{high}"
        if self.memory_kib * self.iterations > ACCEPTED_COST_KIB:
            return (f"memory_kib x iterations = {self.memory_kib * self.iterations} is above "
                    f"the accepted {ACCEPTED_COST_KIB}")
        return None

    def check(self) -> None:
        problem = self.problem()
        if problem is not None:
            raise ValueError(f"Argon2id parameters: {problem}")


def normalise_passphrase(passphrase: str) -> bytes:
    # The same passphrase typed on another keyboard or OS must give the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def argon2id(secret: bytes, salt: bytes, params: Argon2Params, length: int = 32) -> bytes:
    params.check()
    return Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def hkdf(key: bytes, info: str, length: int = 32, salt: bytes | None = None) -> bytes:
    return HKDF(hashes.SHA256(), length, salt=salt, info=info.encode()).derive(key)


def target_ms() -> int:
    value = os.environ.get(TARGET_ENV)
    if value and value.isdigit() and int(value) > 0:
        return int(value)
    return DEFAULT_TARGET_MS


def calibrate(target: int | None = None) -> Argon2Params:
    """Parameters that take about ``target`` milliseconds on this machine.

    Memory grows first (it is what makes guessing on GPUs expensive), then the
    number of passes.
    """
    goal = (target if target is not None else target_ms()) / 1000
    salt = os.urandom(16)
    memory = MIN_MEMORY_KIB
    while True:
        start = time.perf_counter()
        argon2id(b"calibration", salt, Argon2Params(memory, 1))
        one_pass = time.perf_counter() - start
        if one_pass * 4 < goal and memory < MAX_MEMORY_KIB:
            memory *= 2
            continue
        break
    iterations = max(1, min(MAX_ITERATIONS, round(goal / max(one_pass, 1e-6))))
    return Argon2Params(memory, iterations)
