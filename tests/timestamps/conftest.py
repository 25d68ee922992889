from __future__ import annotations

from pathlib import Path

import pytest

from tests.timestamps.local_tsa import LocalTsa


@pytest.fixture(scope="session")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> LocalTsa:
    return LocalTsa(tmp_path_factory.mktemp("tsa"))


@pytest.fixture(scope="session")
def other_tsa(tmp_path_factory: pytest.TempPathFactory) -> LocalTsa:
    return LocalTsa(tmp_path_factory.mktemp("other-tsa"), name="Other TSA")


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder
