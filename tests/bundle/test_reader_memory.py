"""verify-bundle stays under 300 MB of memory whatever arrives (rule 8).

Each hostile bundle is checked by the real command in its own process, and the
process's peak resident memory (ru_maxrss) is measured: a stranger's 60 MB
JSON (never read), the verified sender's 60 MB JSON (refused by its size),
30 MB of values (refused by the value count before parsing) and a bundle.json
exactly within the caps (parsed whole: the most a bundle can make the reader
build).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundle.large_bundles import (
    MEMORY_LIMIT_MB,
    Case,
    partner_vault,
    run_verify_bundle,
    write_cases,
)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], Path]:
    folder = tmp_path_factory.mktemp("memory")
    setting = partner_vault(folder)
    return setting.vault, write_cases(folder, setting), folder / "tmp"


@pytest.mark.parametrize("index", range(5), ids=[
    "control", "stranger-60MB", "trusted-60MB", "trusted-30MB-values", "trusted-at-cap",
])
def test_verify_bundle_peak_memory_stays_under_the_limit(
    setting: tuple[Path, list[Case], Path], index: int
) -> None:
    vault, cases, scratch = setting
    case = cases[index]
    run = run_verify_bundle(vault, case.path, scratch)
    assert run.exit_code == case.exit_code, run.output
    assert case.says in run.output
    assert "unexpected internal error" not in run.output.lower()
    assert run.peak_mb < MEMORY_LIMIT_MB, f"{case.name}: peak {run.peak_mb:.0f} MB"
