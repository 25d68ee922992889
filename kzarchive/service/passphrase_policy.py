"""The one passphrase policy, for the command line and the GUI alike.

A vault's passphrase guards its keys against offline guessing by anyone who
copies the folder, so the core refuses one that is short or easy to guess,
whichever interface it came from.  The estimate is rough, only a nudge towards
long passphrases: it counts how many characters are new (runs and repeats count
little) and how varied they are.  Several words of ordinary letters score well;
short mixed-symbol strings do not, because length matters more than symbols.
"""

from __future__ import annotations

import math
from enum import IntEnum

from kzarchive.errors import BadInput

MIN_LENGTH = 12


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def _alphabet_size(text: str) -> int:
    size = 0
    if any(c.islower() for c in text):
        size += 33 if any(not c.isascii() for c in text if c.isalpha()) else 26
    if any(c.isupper() for c in text):
        size += 26
    if any(c.isdigit() for c in text):
        size += 10
    if any(not c.isalnum() for c in text):
        size += 20
    return max(size, 10)


def _effective_length(text: str) -> float:
    """Length where repeats and steps (aaaa, 1234, abcd) count a quarter."""
    length = 0.0
    seen: set[str] = set()
    for i, char in enumerate(text):
        prev = text[i - 1] if i else ""
        step = bool(prev) and abs(ord(char) - ord(prev)) <= 1
        length += 0.25 if step or (char in seen and text.count(char) > 3) else 1.0
        seen.add(char)
    return length


def estimate_bits(text: str) -> float:
    return _effective_length(text) * math.log2(_alphabet_size(text)) if text else 0.0


def passphrase_strength(text: str) -> Strength:
    if len(text) < MIN_LENGTH:
        return Strength.TOO_SHORT
    bits = estimate_bits(text)
    if bits < 50:
        return Strength.WEAK
    if bits < 75:
        return Strength.FAIR
    return Strength.STRONG


def acceptable(text: str) -> bool:
    """Whether a new passphrase may protect a vault."""
    return passphrase_strength(text) >= Strength.FAIR


def check_new_passphrase(text: str) -> None:
    """Raises ``BadInput`` for a new passphrase the policy refuses."""
    strength = passphrase_strength(text)
    if strength is Strength.TOO_SHORT:
        raise BadInput(what="the passphrase is too short",
                       hint=f"Use at least {MIN_LENGTH} characters; a few unrelated words "
                            "are best.")
    if strength is Strength.WEAK:
        raise BadInput(what="the passphrase is too easy to guess",
                       hint="Use a few unrelated words; length matters more than symbols.")
