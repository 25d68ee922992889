"""JSON files of a bundle: written sorted and NFC-normalised, read strictly and bounded.

Reading refuses what could make two readers see different data: duplicate keys
(the last one silently wins in most parsers), floats, NaN and Infinity (never
used: sizes, hashes and times are integers or strings), a byte-order mark and
invalid UTF-8.

Reading is also bounded before anything is built.  A JSON text of a few
megabytes can describe millions of empty objects, each costing a parser some
70 bytes, or nest deep enough to exhaust the stack; so a flat scan counts the
values and the nesting of the text first, against a ``JsonBudget`` shared by
all the JSON files of one bundle, and only a text within the budget reaches
``json.loads``.  The scan builds nothing and takes time linear in the text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kzarchive.errors import IntegrityError
from kzarchive.util.canonical import canonical_json

# docs/bundle-format.md, "Limits", states these numbers; docs/decisions.md says why.
MAX_DEPTH = 32
MAX_VALUES = 1_000_000

# One token, after optional white space and at most one separator: an opening or
# closing bracket, or a whole scalar.  Possessive loops keep a long or unterminated
# string from backtracking; anchored matching (no search) keeps the scan linear.
_TOKEN = re.compile(
    rb'[ \t\n\r]*+(?:[,:][ \t\n\r]*+)?+'
    rb'(?:([\[{])|([\]}])|"(?:[^"\\\x00-\x1f]++|\\.)*+"|-?[0-9][0-9eE.+-]*+|true|false|null)'
)
_SPACE = re.compile(rb"[ \t\n\r]*+")


class JsonTooLarge(IntegrityError):
    """A JSON file of a bundle holds more than a reader builds in memory."""

    message_template = "Integrity check failed: {what}"


class JsonBudget:
    """How many more JSON values the files of one bundle may hold together."""

    def __init__(self, values: int = MAX_VALUES, depth: int = MAX_DEPTH):
        self.values_left = values
        self.total = values
        self.depth = depth

    def charge(self, data: bytes, name: str) -> None:
        """Counts the values and the nesting of ``data``; raises when over the budget.

        Only counts: a text that is not JSON may pass, and ``json.loads`` then refuses it.
        """
        left, depth, position, end = self.values_left, 0, 0, len(data)
        match = _TOKEN.match
        while True:
            token = match(data, position)
            if token is None:
                break
            position = token.end()
            if token.group(2) is not None:
                depth -= 1
                if depth < 0:
                    raise IntegrityError(
                        what=f"{name} is not valid JSON (a bracket closes nothing)"
                    )
                continue
            left -= 1
            if left < 0:
                raise JsonTooLarge(
                    what=f"{name} holds more JSON values than a bundle may "
                    f"({self.total:,} in all its JSON files together); it was not read"
                )
            if token.group(1) is not None:
                depth += 1
                if depth > self.depth:
                    raise JsonTooLarge(
                        what=f"{name} nests deeper than {self.depth} levels; it was not read"
                    )
        space = _SPACE.match(data, position)
        if space is None or space.end() != end:
            raise IntegrityError(
                what=f"{name} is not valid JSON (unexpected text at byte {position})"
            )
        self.values_left = left


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


def strict_json(data: bytes, name: str, budget: JsonBudget | None = None) -> Any:
    """The value of the JSON text ``data``, charged to ``budget`` (a fresh one if None)."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise IntegrityError(what=f"{name} starts with a byte-order mark")
    (budget if budget is not None else JsonBudget()).charge(data, name)
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
