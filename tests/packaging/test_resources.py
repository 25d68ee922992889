"""resource_path: the top-level resources/ in a checkout, inside the package when shipped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kzarchive import resources
from kzarchive.gui.app import APP_ID
from tests.packaging.packaging_helpers import ROOT


def test_a_checkout_finds_the_top_level_resources_folder() -> None:
    assert resources.resource_root() == ROOT / "resources"
    for parts in (("icons", "kzarchive.svg"), ("translations", "kz_ru.ts"),
                  ("demo", "incidents-kk.json"), ("help", "ru", "index.html"),
                  ("desktop", f"{APP_ID}.desktop"), ("desktop", f"{APP_ID}.metainfo.xml"),
                  ("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSansMono.ttf"),
                  ("fonts", "LICENSE-DejaVu.txt")):
        assert resources.resource_path(*parts).is_file(), parts
    # Data, not code: nothing importable is left inside the package's old folder.
    assert not (ROOT / "kzarchive" / "resources").exists()


def test_an_installed_copy_uses_the_folder_inside_the_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "kzarchive"
    (package / "_resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.resource_path("icons", "x.svg") == package / "_resources" / "icons" / "x.svg"


def test_a_frozen_build_uses_its_bundle_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_root() == tmp_path / "kzarchive" / "_resources"
