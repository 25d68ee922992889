"""Fuzzing what a signed bundle says: bundle.json and the custody files.

Each example changes one value anywhere in bundle.json (or one custody file),
signs the bundle again with the sender's real key so that it reaches the
parsers, and imports it: the only possible failures are integrity errors about
the bundle (or a later format version), and
a failed import leaves the vault exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzarchive.bundle.jsontext import pretty_json
from kzarchive.errors import IntegrityError, NewerFormat
from tests.bundle.hostile_bundles import (
    BUNDLE_JSON,
    Files,
    Parties,
    add_evidence,
    export,
    forge,
    make_parties,
    vault_state,
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70)
    | st.text(max_size=40) | st.sampled_from(["", "..", "../x", "photo", "a" * 300]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=8,
)
DIGIT_OR_ANY = st.sampled_from("0123456789/.-:") | st.characters()
FUZZ = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Parties, Path]]:
    """A relayed bundle (with upstream custody) from the partner to the second partner."""
    folder = tmp_path_factory.mktemp("fuzz")
    made = make_parties(folder, "correct horse battery")
    incident = add_evidence(made.documenter, folder)
    made.partner.import_bundle(export(made.documenter, incident, "Partner", folder / "one.kzb"))
    path = export(made.partner, incident, "Second partner", folder / "relay.kzb")
    assert made.second.verify_bundle(path).ok
    yield made, path
    for vault in made.all():
        vault.close()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


def _import_or_kzerror(parties: Parties, forged: Path) -> None:
    second = parties.second
    before = vault_state(second)
    try:
        second.import_bundle(forged)
    except (IntegrityError, NewerFormat):
        # About the bundle (or a later format), never an input or internal error.
        assert vault_state(second) == before
    else:
        second.verify()


@FUZZ
@given(data=st.data())
def test_any_value_anywhere_in_bundle_json(relay: tuple[Parties, Path], data: st.DataObject
                                           ) -> None:
    parties, path = relay
    chosen: list[tuple[tuple[Any, ...], Any]] = []

    def change(files: Files) -> None:
        document = json.loads(files[BUNDLE_JSON] or b"")
        # A section first, so that the small ones are hit as often as the custody blocks.
        section = data.draw(st.sampled_from(sorted(document)), label="section")
        inner = sorted(_paths(document[section], (section,)), key=repr)
        where = data.draw(st.sampled_from(inner), label="path")
        value = data.draw(JSON_VALUES, label="value")
        old = _at(document, where)
        if isinstance(old, str) and old and data.draw(st.booleans(), label="near"):
            # One character changed: reaches the checks of dates, ids and hashes.
            spot = data.draw(st.integers(0, len(old) - 1), label="at")
            value = old[:spot] + data.draw(DIGIT_OR_ANY, label="char") + old[spot + 1:]
        chosen.append((where, value))
        files[BUNDLE_JSON] = pretty_json(_replace(document, where, value))

    forged = forge(path, parties.partner, parties.second, change,
                   out=path.with_name("fuzzed.kzb"))
    _import_or_kzerror(parties, forged)


CUSTODY_FILES = ["data/custody/entries.jsonl", "data/custody/proofs.json",
                 "data/custody/checkpoint.txt"]


@FUZZ
@given(data=st.data())
def test_any_change_of_a_custody_file(relay: tuple[Parties, Path], data: st.DataObject) -> None:
    parties, path = relay

    def change(files: Files) -> None:
        name = data.draw(st.sampled_from(CUSTODY_FILES), label="file")
        content = files[name] or b""
        how = data.draw(st.sampled_from(["json", "cut", "byte"]), label="how")
        if how == "json" and name.endswith(".json"):
            document = json.loads(content)
            where = data.draw(st.sampled_from(sorted(_paths(document), key=repr)))
            files[name] = pretty_json(_replace(document, where, data.draw(JSON_VALUES)))
        elif how == "cut":
            files[name] = content[: data.draw(st.integers(0, max(len(content) - 1, 0)))]
        else:
            lines = content.split(b"\n")
            line = data.draw(st.integers(0, len(lines) - 1))
            lines[line] = data.draw(st.binary(max_size=60))
            files[name] = b"\n".join(lines)

    forged = forge(path, parties.partner, parties.second, change,
                   out=path.with_name("fuzzed.kzb"))
    _import_or_kzerror(parties, forged)
