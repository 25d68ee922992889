"""Shared fixtures: fast key derivation (the 64 MiB floor still holds) and vaults.

Tests marked ``slow`` (the packaging builds, minutes each) are skipped unless pytest
is given ``--slow`` or a marker expression that names them (``-m slow``); CI runs
them (.ci/run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from kzarchive.archive import Archive

os.environ.setdefault("KZARCHIVE_KDF_TARGET_MS", "50")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true",
                     help="also run the tests marked slow (the packaging builds); CI does")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow") or "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow (a packaging build): run with --slow, as CI does")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


@pytest.fixture()
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture()
def archive(tmp_path: Path) -> Iterator[Archive]:
    from kzarchive.archive import Archive

    vault, _code = Archive.create(tmp_path / "vault", PASSPHRASE, name="Test documenter")
    try:
        yield vault
    finally:
        vault.close()
