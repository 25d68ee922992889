"""Fixtures for the tests of copies and content credentials."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import Cli


@pytest.fixture()
def vault_cli(tmp_path: Path) -> Cli:
    """A freshly created, empty vault; commands run in the test process."""
    return Cli(tmp_path / "cli").init()
