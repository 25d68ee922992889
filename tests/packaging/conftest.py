"""Builds shared by the packaging tests: each is made once per test session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.packaging_helpers import ROOT, VENV_PYTHON, FrozenBuild, InstalledWheel

BUILD_TIMEOUT = 900


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def frozen_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FrozenBuild]:
    if not VENV_PYTHON.exists():
        pytest.skip("the project's .venv is missing (scripts/setup makes it)")
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [str(ROOT / "packaging" / "build-linux.sh"), "--dist-dir", str(out / "dist"),
         "--work-dir", str(out / "work")],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    _check(result, "packaging/build-linux.sh")
    tarballs = list((out / "dist").glob("kzarchive-*-linux-*.tar.gz"))
    assert len(tarballs) == 1, tarballs
    # The work folder holds a second copy of everything; only the result is needed.
    shutil.rmtree(out / "work", ignore_errors=True)
    yield FrozenBuild(out / "dist" / "kzarchive", tarballs[0], result.stdout + result.stderr)
    # Some 300 MB per run; pytest would otherwise keep the last three.
    shutil.rmtree(out / "dist", ignore_errors=True)


def _source_copy(target: Path) -> Path:
    """The working tree as it is, without environments, caches and earlier builds."""
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis",
                                    ".setup-stamp*")
    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    return target


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InstalledWheel]:
    python = sys.executable
    out = tmp_path_factory.mktemp("wheel")
    # Run from outside the checkout: there, a build/ folder would pass for the package.
    if subprocess.run([python, "-c", "import build.__main__"], cwd=out, capture_output=True,
                      check=False).returncode != 0:
        _check(subprocess.run([python, "-m", "pip", "install", "-q", "build"], cwd=out,
                              capture_output=True, text=True, check=False), "installing build")
    # The .qm files are build output: compile them before packing, as a release would.
    _check(subprocess.run([python, "-m", "kzarchive.gui.i18n_build"], cwd=out,
                          capture_output=True, text=True, check=False), "compiling translations")
    source = _source_copy(out / "source")
    _check(subprocess.run([python, "-m", "build", "--outdir", str(out / "dist"), str(source)],
                          cwd=out, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                          check=False),
           "python -m build")
    (wheel,) = (out / "dist").glob("kzarchive-*.whl")
    (sdist,) = (out / "dist").glob("kzarchive-*.tar.gz")

    venv = out / "venv"
    _check(subprocess.run([python, "-m", "venv", str(venv)], capture_output=True, text=True,
                          check=False), "creating a virtual environment")
    _check(subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                           str(wheel)],
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False),
           "installing the wheel")
    yield InstalledWheel(wheel, sdist, venv / "bin")
    shutil.rmtree(venv, ignore_errors=True)
