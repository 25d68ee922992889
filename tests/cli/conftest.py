"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_runner import Cli


@pytest.fixture()
def cli(tmp_path: Path) -> Cli:
    """A fresh folder with no vault yet; commands run in the test process."""
    return Cli(tmp_path)


@pytest.fixture()
def vault_cli(tmp_path: Path) -> Cli:
    """A freshly created, empty vault."""
    return Cli(tmp_path).init()


@pytest.fixture()
def process_vault_cli(tmp_path: Path) -> Cli:
    """A freshly created, empty vault; every command runs in a process of its own."""
    return Cli(tmp_path, in_process=False).init()
