"""JSON files of a bundle: written sorted and NFC-normalised, read strictly.

Reading refuses what could make two readers see different data: duplicate keys
(the last one silently wins in most parsers), floats, NaN and Infinity (never
used: sizes, hashes and times are integers or strings), a byte-order mark and
invalid UTF-8.
"""

from __future__ import annotations

import json
from typing import Any

from kzarchive.canonical import canonical_json
from kzarchive.errors import IntegrityError


def pretty_json(value: Any) -> bytes:
    """Sorted, NFC-normalised, indented JSON with a final newline, for files people read."""
    normalised = json.loads(canonical_json(value))
    text = json.dumps(normalised, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _no_floats(text: str) -> Any:
    raise ValueError(f"numbers with fractions ({text}) are not used")


def strict_json(data: bytes, name: str) -> Any:
    if data.startswith(b"\xef\xbb\xbf"):
        raise IntegrityError(what=f"{name} starts with a byte-order mark")
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_float=_no_floats,
            parse_constant=_no_floats,
        )
    except UnicodeDecodeError:
        raise IntegrityError(what=f"{name} is not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise IntegrityError(what=f"{name} is not valid JSON ({str(error)[:120]})") from None
