"""Bech32 (BIP 173) as age uses it: no length limit, 8-bit data.

age encodes keys as Bech32 strings (``age1...``, ``AGE-SECRET-KEY-1...``).  A
string is either all lowercase or all uppercase; the checksum is always computed
over the lowercase form.  Decoding is strict: mixed case, a bad checksum, a
character outside the alphabet or non-zero padding bits are all rejected, so a
key has exactly one spelling per case.
"""

from __future__ import annotations

from collections.abc import Iterable

from kzarchive.errors import BadInput

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_VALUES = {char: value for value, char in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_CHECKSUM_LENGTH = 6


class Bech32Error(BadInput):
    message_template = "Invalid key text: {what}"
    hint_template = "Copy the whole key again, exactly as it was given, without spaces."


def _polymod(values: Iterable[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = ((checksum & 0x1FFFFFF) << 5) ^ value
        for bit, generator in enumerate(_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _expand_hrp(hrp: str) -> list[int]:
    codes = [ord(char) for char in hrp]
    return [code >> 5 for code in codes] + [0] + [code & 31 for code in codes]


def _checksum(hrp: str, data: list[int]) -> list[int]:
    mod = _polymod([*_expand_hrp(hrp), *data, *([0] * _CHECKSUM_LENGTH)]) ^ 1
    return [(mod >> (5 * (5 - i))) & 31 for i in range(_CHECKSUM_LENGTH)]


def _to_5bit(data: bytes) -> list[int]:
    out: list[int] = []
    accumulator = 0
    bits = 0
    for byte in data:
        accumulator = (accumulator << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append((accumulator >> bits) & 31)
    if bits:
        out.append((accumulator << (5 - bits)) & 31)
    return out


def _to_8bit(groups: list[int]) -> bytes:
    out = bytearray()
    accumulator = 0
    bits = 0
    for group in groups:
        accumulator = (accumulator << 5) | group
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((accumulator >> bits) & 0xFF)
    # Only fewer than 5 leftover bits, all zero, are a valid (canonical) encoding.
    if bits >= 5 or accumulator & ((1 << bits) - 1):
        raise Bech32Error(what="the key text has invalid padding")
    return bytes(out)


def encode(hrp: str, data: bytes, *, upper: bool = False) -> str:
    """Encodes ``data`` under the human-readable part ``hrp``."""
    if not hrp or any(not 33 <= ord(char) <= 126 for char in hrp):
        raise ValueError("invalid bech32 human-readable part")
    hrp = hrp.lower()
    groups = _to_5bit(data)
    text = hrp + "1" + "".join(_CHARSET[g] for g in groups + _checksum(hrp, groups))
    return text.upper() if upper else text


def decode(text: str) -> tuple[str, bytes]:
    """Returns (human-readable part as written, data); raises Bech32Error."""
    if text.lower() != text and text.upper() != text:
        raise Bech32Error(what="the key text mixes upper and lower case")
    separator = text.rfind("1")
    if separator < 1 or separator + 1 + _CHECKSUM_LENGTH > len(text):
        raise Bech32Error(what="the key text is too short or has no separator")
    hrp = text[:separator]
    if any(not 33 <= ord(char) <= 126 for char in hrp):
        raise Bech32Error(what="the key text contains an invalid character")
    try:
        groups = [_VALUES[char] for char in text[separator + 1 :].lower()]
    except KeyError:
        raise Bech32Error(what="the key text contains an invalid character") from None
    if _polymod(_expand_hrp(hrp.lower()) + groups) != 1:
        raise Bech32Error(what="the key text has a typo (checksum mismatch)")
    return hrp, _to_8bit(groups[:-_CHECKSUM_LENGTH])
