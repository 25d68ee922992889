"""Typed reading of one JSON object that arrived in a bundle.

Everything in ``bundle.json`` is hostile until checked: each value is read
through a ``Fields`` view that knows where it is (``items[3]``) and raises an
``IntegrityError`` naming that place and the field, never a KeyError or a
TypeError.  The rules are those of typed input in the vault (vocabularies of
kzarchive/service/vocabulary.py, dates of kzarchive/service/records.py, known media types),
plus lengths a person could have typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from kzarchive.bundle import layout
from kzarchive.bundle.bagit import is_sha256_hex
from kzarchive.crypto.identity import normalize_fingerprint
from kzarchive.errors import BadInput, IntegrityError
from kzarchive.media.types import is_known_mime
from kzarchive.service.records import check_coordinate, check_date
from kzarchive.util.canonical import canonical_json

SHORT_TEXT = 1_000  # titles, places, pseudonyms, witnesses
LONG_TEXT = 200_000  # descriptions and notes
NAME_BYTES = 255  # a file name on every common file system
MAX_LIST = 1_000  # tags, violation types, redaction boxes
MAX_METADATA = 64 * 1024  # canonical JSON of an item's metadata or derivation

_MIME = re.compile(r"[a-z0-9][a-z0-9.+-]{0,63}/[a-z0-9][a-z0-9.+-]{0,63}(?:; charset=utf-8)?")
# A capture time as media files record it: local or with its UTC offset.
_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_LANGUAGE = re.compile(r"[A-Za-z0-9-]{0,35}")
_BAD_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")  # controls, lone surrogates, line separators
# Direction overrides make "gpj.exe" read as "exe.jpg"; other format characters
# (joiners in emoji and some scripts) are ordinary text.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                           "\u2066\u2067\u2068\u2069")


def bad(where: str, problem: str) -> IntegrityError:
    return IntegrityError(what=f"bundle.json: {where} {problem}")


class Fields:
    """One JSON object of the bundle, read field by field."""

    def __init__(self, value: object, where: str):
        if not isinstance(value, dict):
            raise bad(where, "is not a JSON object")
        self.raw: Mapping[str, Any] = value
        self.where = where

    def _place(self, key: str) -> str:
        return f"{self.where}.{key}"

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def _get(self, key: str, optional: bool) -> Any:
        if key not in self.raw or (optional and self.raw[key] is None):
            if optional:
                return None
            raise bad(self._place(key), "is missing")
        return self.raw[key]

    def text(self, key: str, limit: int = SHORT_TEXT, *, lines: bool = False,
             default: str | None = "") -> str:
        """Plain text a person wrote: no control characters (line breaks and tabs if ``lines``)."""
        value = self._get(key, optional=default is not None)
        if value is None:
            return default or ""
        return self._checked_text(key, value, limit, lines)

    def optional_text(
        self, key: str, limit: int = SHORT_TEXT, *, lines: bool = False
    ) -> str | None:
        value = self._get(key, optional=True)
        return None if value is None else self._checked_text(key, value, limit, lines)

    def _checked_text(self, key: str, value: object, limit: int, lines: bool) -> str:
        if not isinstance(value, str):
            raise bad(self._place(key), "is not text")
        if len(value) > limit:
            raise bad(self._place(key), f"is longer than {limit} characters")
        allowed = "\n\t" if lines else ""
        for char in value:
            if char in allowed:
                continue
            if char in _BIDI_CONTROLS or unicodedata.category(char) in _BAD_CATEGORIES:
                raise bad(self._place(key), f"contains the control character U+{ord(char):04X}")
        return value

    def ident(self, key: str) -> str:
        value = self._get(key, optional=False)
        if not layout.is_id(value):
            raise bad(self._place(key), "is not an id (1 to 64 letters, digits, '-' or '_')")
        return value

    def optional_ident(self, key: str) -> str | None:
        return self.ident(key) if self.has(key) else None

    def timestamp(self, key: str) -> str:
        value = self._get(key, optional=False)
        try:
            valid = layout.is_timestamp(value) and check_date(value, key) == value
        except BadInput:
            valid = False
        if not valid:
            raise bad(self._place(key), "is not a time of the form YYYY-MM-DDTHH:MM:SSZ")
        return str(value)

    def moment(self, key: str) -> str | None:
        value = self._get(key, optional=True)
        if value is None:
            return None
        if not isinstance(value, str) or not _MOMENT.fullmatch(value):
            raise bad(self._place(key), "is not an ISO 8601 time")
        return value

    def date(self, key: str) -> str | None:
        """A date as people know it (year, month, day or minute), or nothing."""
        value = self._get(key, optional=True)
        if value is None:
            return None
        if not isinstance(value, str) or len(value) > 20:
            raise bad(self._place(key), "is not a date")
        try:
            checked = check_date(value, key)
        except BadInput:
            raise bad(self._place(key), "is not a date") from None
        if checked != value:
            raise bad(self._place(key), "is not a date in its plain form")
        return checked

    def coordinate(self, key: str) -> str | None:
        value = self._get(key, optional=True)
        if value is None:
            return None
        if not isinstance(value, str) or len(value) > 40:
            raise bad(self._place(key), "is not a coordinate written as decimal text")
        try:
            return check_coordinate(value, key)
        except BadInput:
            raise bad(self._place(key), "is not a valid coordinate") from None

    def choice(self, key: str, allowed: Mapping[str, str] | tuple[str, ...]) -> str:
        value = self._get(key, optional=False)
        if not isinstance(value, str) or value not in allowed:
            raise bad(self._place(key), f"is not one of {', '.join(allowed)}")
        return value

    def choices(self, key: str, allowed: Mapping[str, str]) -> tuple[str, ...]:
        values = self.text_list(key, 64)
        for value in values:
            if value not in allowed:
                raise bad(self._place(key),
                          f"holds {value[:40]!r}, not one of {', '.join(allowed)}")
        return tuple(sorted(set(values)))

    def text_list(self, key: str, limit: int = SHORT_TEXT) -> tuple[str, ...]:
        value = self._get(key, optional=True)
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) > MAX_LIST:
            raise bad(self._place(key), f"is not a list of at most {MAX_LIST} texts")
        return tuple(self._checked_text(key, element, limit, False) for element in value)

    def boolean(self, key: str) -> bool:
        value = self._get(key, optional=False)
        if type(value) is not bool:
            raise bad(self._place(key), "is not true or false")
        return value

    def size(self, key: str) -> int:
        value = self._get(key, optional=False)
        if type(value) is not int or value < 0 or value >= 2**63:
            raise bad(self._place(key), "is not a size in bytes")
        return value

    def sha256(self, key: str) -> str:
        value = self._get(key, optional=False)
        if not isinstance(value, str) or not is_sha256_hex(value):
            raise bad(self._place(key), "is not a SHA-256 in hex")
        return value

    def fingerprint(self, key: str) -> str:
        value = self._get(key, optional=False)
        if not is_fingerprint(value):
            raise bad(self._place(key), "is not a 60-digit fingerprint")
        return str(value)

    def file_name(self, key: str) -> str:
        """An original file name: one name, never a path, shown and extracted as such."""
        value = self.text(key, NAME_BYTES, default=None)
        problem = name_problem(value)
        if problem:
            raise bad(self._place(key), problem)
        return value

    def mime(self, key: str) -> str:
        value = self._get(key, optional=False)
        if not isinstance(value, str) or not _MIME.fullmatch(value) or not is_known_mime(value):
            raise bad(self._place(key), "is not a media type kzarchive knows")
        return value

    def language(self, key: str) -> str:
        value = self._get(key, optional=True)
        if value is None:
            return ""
        if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
            raise bad(self._place(key), "is not a language tag")
        return value

    def json_object(self, key: str) -> dict[str, Any] | None:
        """A small free-form object (metadata, derivation) that must stay canonical JSON."""
        value = self._get(key, optional=True)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise bad(self._place(key), "is not a JSON object")
        try:
            size = len(canonical_json(value))
        except (TypeError, ValueError):
            raise bad(self._place(key), "cannot be stored as canonical JSON") from None
        if size > MAX_METADATA:
            raise bad(self._place(key), f"is larger than {MAX_METADATA} bytes")
        return value

    def list_of(self, key: str, limit: int) -> list[Any]:
        value = self._get(key, optional=True)
        if value is None:
            return []
        if not isinstance(value, list):
            raise bad(self._place(key), "is not a list")
        if len(value) > limit:
            raise bad(self._place(key), f"has more than {limit} elements")
        return value


def name_problem(name: str) -> str | None:
    if not name or not name.strip():
        return "is empty"
    if len(name.encode("utf-8")) > NAME_BYTES:
        return f"is longer than {NAME_BYTES} bytes"
    if "/" in name or "\\" in name:
        return "contains a path separator"
    if name in (".", "..") or name.startswith(".."):
        return "is '.' or starts with '..'"
    if name != name.strip():
        return "starts or ends with white space"
    return None


def is_fingerprint(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 80:
        return False
    try:
        return normalize_fingerprint(value) == value
    except BadInput:
        return False
