"""The GUI settings file: small, robust, and free of anything sensitive."""

from __future__ import annotations

import json
from pathlib import Path

from kzarchive.gui.config import (
    DEFAULT_AUTO_LOCK_MINUTES,
    GuiConfig,
    config_path,
    load_config,
    save_config,
)


def test_settings_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    save_config(GuiConfig(language="kk", auto_lock_minutes=12, last_vault="/media/usb/vault"), path)
    assert load_config(path) == GuiConfig("kk", 12, "/media/usb/vault")
    assert not list(tmp_path.glob("*.tmp")), "the atomic write left its temporary file"


def test_missing_or_damaged_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.json") == GuiConfig()
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"language": "ru", "auto_lo', encoding="utf-8")
    assert load_config(damaged) == GuiConfig()
    damaged.write_text("[1, 2]", encoding="utf-8")
    assert load_config(damaged) == GuiConfig()


def test_values_out_of_range_are_corrected(tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    path.write_text(json.dumps({"language": "xx", "auto_lock_minutes": 0, "last_vault": 7,
                                "recent_files": ["/home/me/evidence.jpg"]}), encoding="utf-8")
    config = load_config(path)
    assert config == GuiConfig(language="", auto_lock_minutes=1, last_vault="")
    path.write_text(json.dumps({"auto_lock_minutes": "soon"}), encoding="utf-8")
    assert load_config(path).auto_lock_minutes == DEFAULT_AUTO_LOCK_MINUTES


def test_only_the_documented_settings_are_written(tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    save_config(GuiConfig(language="ru"), path)
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {
        "language", "auto_lock_minutes", "last_vault", "export_originals", "export_gps",
        "column_widths"}


def test_remembered_column_widths_keep_only_numbers_in_range(tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    path.write_text(json.dumps({"column_widths": {
        "incidents": {"2": 140, "3": 5, "x": 100, "4": "wide", "5": True, "1": 99999},
        "items": ["not", "a", "mapping"],
        "7": {"0": 200},
    }}), encoding="utf-8")
    assert load_config(path).column_widths == {"incidents": {"2": 140}, "7": {"0": 200}}
    path.write_text(json.dumps({"column_widths": "wide"}), encoding="utf-8")
    assert load_config(path).column_widths == {}


def test_config_location_can_be_overridden(tmp_path: Path) -> None:
    # conftest points KZARCHIVE_GUI_CONFIG into tmp_path for every test
    assert config_path() == tmp_path / "config" / "gui.json"
