"""Vaults driven by processes of their own, as in tests/cli."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import Cli


@pytest.fixture()
def process_vault_cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path, in_process=False).init()
