"""A vault of format version 1, made once and checked in, still opens and verifies.

If this test fails after a change, the change broke existing vaults: add a
migration instead of changing the format (DESIGN: formats are contracts).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.crypto.kdf import MIN_MEMORY_KIB
from kzarchive.vault import database
from tests.connection import connection_of

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
# Fixed when the golden vault was made (tests/golden/make_vault_v1.py); never changes.
PASSPHRASE = "golden vault v1 — пароль"


def maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_vault_v1", GOLDEN / "make_vault_v1.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def expected() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (GOLDEN / "vault-v1" / "expected.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture()
def vault(tmp_path: Path) -> Path:
    # Opening writes (clean-up, the database's WAL): never touch the checked-in copy.
    copy = tmp_path / "vault"
    shutil.copytree(GOLDEN / "vault-v1" / "vault", copy)
    return copy


def test_golden_vault_is_format_version_1_with_minimum_key_derivation(vault: Path) -> None:
    keys = json.loads((vault / "vault.keys").read_text(encoding="utf-8"))
    assert (keys["format"], keys["version"]) == ("kzarchive-vault-keys", 1)
    slot = next(s for s in keys["keyslots"] if s["type"] == "passphrase")
    assert (slot["kdf"]["memory_kib"], slot["kdf"]["iterations"]) == (MIN_MEMORY_KIB, 1)


def test_golden_vault_opens_verifies_and_holds_its_known_content(
        vault: Path, expected: dict[str, Any], tmp_path: Path) -> None:
    known = maker()
    assert expected["passphrase"] == PASSPHRASE == known.PASSPHRASE
    with Archive.open(vault, PASSPHRASE) as archive:
        # Made at schema version 1; opening migrated it step by step to the current one.
        assert database.schema_version(connection_of(archive)) == database.SCHEMA_VERSION
        assert archive.vault_id == expected["vault_id"]
        assert archive.fingerprint == expected["fingerprint"]
        report = archive.verify()
        assert report.ok and report.items_checked == 2

        # The list's labels and item counts were filled in by the version 3 migration.
        [summary] = archive.list_incidents()
        assert summary.item_count == len(expected["items"])
        assert summary.violations == expected["incident"]["violations"]
        assert summary.tags == expected["incident"]["tags"]
        incident = archive.get_incident(expected["incident_id"]).to_dict()
        assert {k: incident[k] for k in known.INCIDENT} == known.INCIDENT == expected["incident"]
        people = archive.list_people(expected["incident_id"])
        assert [(p.id, p.role, p.pseudonym, p.consent_given) for p in people] == [
            (expected["person_id"], "witness", "W-1", True)]

        items = {item.id: item for item in archive.list_items(expected["incident_id"])}
        assert set(items) == set(expected["items"])
        for item_id, facts in expected["items"].items():
            item = items[item_id]
            assert (item.kind, item.name, item.size, item.sha256, item.witness) == (
                facts["kind"], facts["name"], facts["size"], facts["sha256"], facts["witness"])
            out = archive.extract_item(item_id, tmp_path / item_id)
            assert hashlib.sha256(out.read_bytes()).hexdigest() == facts["sha256"]
        by_kind = {item.kind: item for item in items.values()}
        assert archive.read_text(by_kind["testimony"].id) == known.TESTIMONY
        assert (tmp_path / by_kind["photo"].id).read_bytes() == known.file_content()

        entries = archive.custody_entries()
        size = len(expected["leaf_hashes"])
        assert [e.action for e in entries[:size]] == expected["custody_actions"]
        assert [e.leaf_hash for e in entries[:size]] == expected["leaf_hashes"]


def test_golden_vault_opens_with_its_recovery_code(vault: Path, expected: dict[str, Any]) -> None:
    with Archive.open_with_recovery(vault, expected["recovery_code"]) as archive:
        assert archive.vault_id == expected["vault_id"]
