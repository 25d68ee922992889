"""The Content Credentials fields of bundle.json (docs/bundle-format.md): the shape
written since format version 1 gained them is fixed by a golden record, and every
part of it is checked."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kzarchive.bundle import credentials
from kzarchive.bundle.fields import Fields
from kzarchive.errors import IntegrityError
from kzarchive.media.credentials import ContentCredentials
from kzarchive.service import provenance

GOLDEN = Path(__file__).parent / "golden" / "credentials-v1-item.json"


def golden() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return value


def test_the_golden_record_is_read_and_becomes_the_senders_claim() -> None:
    record = golden()
    credentials.check_metadata(record["metadata"], "items[0].metadata")
    state = credentials.original_state(Fields(record, "items[0]"), True, record["metadata"])
    assert state == "valid"
    kept = provenance.imported_metadata(record["metadata"], None, state)
    assert kept[provenance.CLAIMED] == record["metadata"]["content_credentials"]
    assert provenance.OWN not in kept
    assert kept["width"] == 320


def test_what_the_media_layer_records_has_exactly_the_golden_fields() -> None:
    written = ContentCredentials("valid").to_record()
    assert set(written) == set(golden()["metadata"]["content_credentials"])
    credentials.check_record(written, "x")


def test_a_record_without_credentials_and_an_old_item_read_as_before() -> None:
    credentials.check_metadata({"width": 3}, "items[0].metadata")
    assert credentials.original_state(Fields({"id": "a"}, "items[0]"), True, {}) is None


@pytest.mark.parametrize("path", [
    ("state",), ("trusted",), ("failures",), ("signer",), ("actions", 0, "action"),
    ("ingredients", 0, "signed"), ("ingredients", 0, "title")])
def test_every_field_of_the_record_is_checked(path: tuple[str | int, ...]) -> None:
    record = copy.deepcopy(golden()["metadata"]["content_credentials"])
    target: Any = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = {"not": "this"}
    with pytest.raises(IntegrityError) as caught:
        credentials.check_record(record, "items[0].metadata.content_credentials")
    assert "items[0].metadata.content_credentials" in str(caught.value.fields["what"])
