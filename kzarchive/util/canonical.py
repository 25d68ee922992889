"""Canonical JSON, as DESIGN.md fixes it for everything that is hashed or signed.

UTF-8, NFC-normalised strings, sorted keys, no insignificant white space, no
floats (hashes, ids, sizes and times are strings or integers).
"""

from __future__ import annotations

import datetime as _dt
import json
import unicodedata
from typing import Any


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("floats are not allowed in canonical JSON")
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("canonical JSON keys must be strings")
            out[unicodedata.normalize("NFC", key)] = _normalise(item)
        return out
    if isinstance(value, list | tuple):
        return [_normalise(item) for item in value]
    raise TypeError(f"cannot encode {type(value).__name__} in canonical JSON")


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        _normalise(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def utc_timestamp(moment: _dt.datetime | None = None) -> str:
    """A time as DESIGN.md writes it: YYYY-MM-DDTHH:MM:SSZ, in UTC."""
    moment = moment or _dt.datetime.now(_dt.UTC)
    return moment.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
