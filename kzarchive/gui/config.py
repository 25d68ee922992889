"""The desktop app's own settings: a small JSON file, nothing sensitive in it.

Decision (see docs/gui.md): Qt's ``QSettings`` is not used, because Qt itself
keeps file-dialog history there.  This file holds only the interface language,
the auto-lock time, the folder of the last vault opened, two default export
choices (originals, GPS) and the column widths a person dragged (numbers only).
The vault folder is not evidence: an adversary with the disk finds it anyway by
its ``vault.keys``.  Never add evidence titles,
names, file names, item paths or recipients here.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ru", "kk")
DEFAULT_AUTO_LOCK_MINUTES = 5
MAX_AUTO_LOCK_MINUTES = 240
# Bounds of a remembered column width, in pixels; a damaged file cannot hide a column.
COLUMN_WIDTH_RANGE = (16, 4000)


@dataclass
class GuiConfig:
    language: str = ""  # "" = follow the system locale
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    last_vault: str = ""
    # The export wizard's starting choices.  Real names are deliberately not among
    # them: sending them is a choice made in the wizard, each time.
    export_originals: bool = False
    export_gps: bool = False
    # {"incidents": {"2": 140}}: a view's key, then column number to width in pixels.
    column_widths: dict[str, dict[str, int]] = field(default_factory=dict)

    def normalised(self) -> GuiConfig:
        """The same settings with every value forced into its allowed range."""
        language = self.language if self.language in LANGUAGES else ""
        minutes = self.auto_lock_minutes
        if not isinstance(minutes, int) or isinstance(minutes, bool):
            minutes = DEFAULT_AUTO_LOCK_MINUTES
        minutes = min(max(minutes, 1), MAX_AUTO_LOCK_MINUTES)
        last_vault = self.last_vault if isinstance(self.last_vault, str) else ""
        return GuiConfig(language=language, auto_lock_minutes=minutes, last_vault=last_vault,
                         export_originals=self.export_originals is True,
                         export_gps=self.export_gps is True,
                         column_widths=_column_widths(self.column_widths))


def _column_widths(raw: object) -> dict[str, dict[str, int]]:
    """Only well-formed entries: view key, column number, a width in range."""
    if not isinstance(raw, dict):
        return {}
    low, high = COLUMN_WIDTH_RANGE
    kept: dict[str, dict[str, int]] = {}
    for key, widths in raw.items():
        if not isinstance(key, str) or not isinstance(widths, dict):
            continue
        kept[key] = {column: width for column, width in widths.items()
                     if isinstance(column, str) and column.isdigit()
                     and isinstance(width, int) and not isinstance(width, bool)
                     and low <= width <= high}
    return kept


def config_path() -> Path:
    """Where the settings live; ``KZARCHIVE_GUI_CONFIG`` overrides it (tests, portable use)."""
    override = os.environ.get("KZARCHIVE_GUI_CONFIG")
    if override:
        return Path(override)
    return platformdirs.user_config_path("kzarchive", appauthor=False) / "gui.json"


def load_config(path: Path | None = None) -> GuiConfig:
    """Read the settings; a missing or damaged file gives the defaults."""
    path = path or config_path()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return GuiConfig()
    except (OSError, ValueError):
        log.warning("The settings file could not be read; using the defaults.")
        return GuiConfig()
    if not isinstance(raw, dict):
        return GuiConfig()
    known = {f.name for f in fields(GuiConfig)}
    return GuiConfig(**{k: v for k, v in raw.items() if k in known}).normalised()


def save_config(config: GuiConfig, path: Path | None = None) -> None:
    """Write the settings atomically, so a crash never leaves half a file."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    data = json.dumps(asdict(config.normalised()), indent=2, sort_keys=True)
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
