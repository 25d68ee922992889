"""The counting scan in front of every bundle JSON parse: exact, and never an internal error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzarchive.bundle.jsontext import JsonBudget, JsonTooLarge, strict_json
from kzarchive.errors import IntegrityError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(),
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.text(max_size=8), children, max_size=6),
    max_leaves=60,
)


def values_in(value: Any) -> int:
    if isinstance(value, list):
        return 1 + sum(values_in(child) for child in value)
    if isinstance(value, dict):
        return 1 + sum(1 + values_in(child) for child in value.values())
    return 1


def depth_of(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((depth_of(child) for child in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth_of(child) for child in value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans(), st.sampled_from([None, 0, 2]))
def test_the_scan_counts_exactly_what_a_parser_builds(
    value: Any, ascii_only: bool, indent: int | None
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent).encode("utf-8")
    budget = JsonBudget()
    budget.charge(text, "x")
    assert budget.total - budget.values_left == values_in(value)
    exact = JsonBudget(values=values_in(value), depth=max(depth_of(value), 1))
    exact.charge(text, "x")  # exactly at both limits: accepted
    with pytest.raises(JsonTooLarge):
        JsonBudget(values=values_in(value) - 1).charge(text, "x")
    if depth_of(value) > 1:
        with pytest.raises(JsonTooLarge):
            JsonBudget(depth=depth_of(value) - 1).charge(text, "x")


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300) | st.text(alphabet='[]{}",:0-9 \\tnule\n', max_size=200).map(
    lambda text: text.encode()))
def test_any_bytes_give_a_value_or_an_integrity_error(data: bytes) -> None:
    try:
        value = strict_json(data, "x")
    except IntegrityError:
        return
    assert value == json.loads(data)  # what passed is plain JSON, read as any parser would


def test_a_long_unterminated_string_is_refused_in_linear_time() -> None:
    # Many quotes each without an end: a searching scanner would be quadratic here.
    data = b'["' + b'\\"' * 2_000_000
    with pytest.raises(IntegrityError, match="not valid JSON"):
        JsonBudget().charge(data, "x")
