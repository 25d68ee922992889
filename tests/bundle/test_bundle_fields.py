"""Typed reading of bundle.json's records: what passes, and what is refused by name."""

from __future__ import annotations

from typing import Any

import pytest

from kzarchive.bundle.fields import Fields, name_problem
from kzarchive.errors import IntegrityError


def _fields(**values: Any) -> Fields:
    return Fields(values, "items[0]")


@pytest.mark.parametrize("name", [
    "photo.jpg", "Протокол задержания.pdf", "report..pdf", "Қазақша құжат.docx",
    "👩‍⚖️ notes.txt", ".hidden", "a" * 200,
])
def test_ordinary_file_names_pass(name: str) -> None:
    assert name_problem(name) is None
    assert _fields(name=name).file_name("name") == name


@pytest.mark.parametrize(("name", "problem"), [
    ("", "is empty"), ("..", "starts with '..'"), ("../x.pdf", "path separator"),
    ("..x", "starts with '..'"), ("a/b", "path separator"), ("a\\b", "path separator"),
    ("x" * 256, "longer than 255"), ("я" * 130, "longer than 255 bytes"),
    (" a.pdf", "white space"),
])
def test_names_that_are_paths_or_odd_are_refused(name: str, problem: str) -> None:
    with pytest.raises(IntegrityError) as caught:
        _fields(name=name).file_name("name")
    assert problem in caught.value.message and "items[0].name" in caught.value.message


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\u2066",
                                  "\ud800"])
def test_control_and_direction_characters_are_refused_in_text(char: str) -> None:
    with pytest.raises(IntegrityError, match=r"items\[0\]\.title contains the control"):
        _fields(title=f"a{char}b").text("title")


def test_line_breaks_only_where_text_has_lines() -> None:
    assert _fields(notes="one\ntwo\tthree").text("notes", lines=True) == "one\ntwo\tthree"
    with pytest.raises(IntegrityError, match="control character U\\+000A"):
        _fields(title="one\ntwo").text("title")


@pytest.mark.parametrize(("method", "value"), [
    ("ident", "../x"), ("ident", ""), ("ident", 5), ("ident", "a" * 65),
    ("timestamp", "2025-02-30T10:00:00Z"), ("timestamp", "2025-01-01"),
    ("date", "yesterday"), ("date", " 2025"), ("coordinate", "NaN"), ("coordinate", 12),
    ("size", -1), ("size", True), ("size", "3"), ("sha256", "AB" * 32), ("boolean", 1),
    ("fingerprint", "12345"), ("mime", "application/x-msdownload"), ("mime", "TEXT/PLAIN"),
    ("language", "ru; drop table"), ("moment", "soon"), ("json_object", [1]),
])
def test_each_typed_field_refuses_what_is_not_its_type(method: str, value: object) -> None:
    with pytest.raises(IntegrityError, match=r"bundle\.json: items\[0\]\.x "):
        getattr(_fields(x=value), method)("x")


def test_missing_required_fields_are_named() -> None:
    with pytest.raises(IntegrityError, match=r"items\[0\]\.id is missing"):
        _fields().ident("id")
    assert _fields().text("notes") == "" and _fields(notes=None).optional_text("notes") is None


def test_not_an_object_is_named() -> None:
    with pytest.raises(IntegrityError, match=r"bundle\.json: people\[2\] is not a JSON object"):
        Fields(["a"], "people[2]")


def test_typed_values_that_pass() -> None:
    record = _fields(t="2025-03-04T05:06:07Z", d="2022-01", c="43.250", m="text/plain; "
                     "charset=utf-8", k="2024:05:01 10:00:00", w="2024-05-01T10:00:00+05:00")
    assert record.timestamp("t") == "2025-03-04T05:06:07Z"
    assert record.date("d") == "2022-01"
    assert record.coordinate("c") == "43.25"
    assert record.mime("m") == "text/plain; charset=utf-8"
    assert record.moment("w") == "2024-05-01T10:00:00+05:00"
