"""A command loads only what it uses.

Every run of ``kzarchive`` pays for Python's start-up and for every module the
command line imports before it does any work: for ``attach`` that cost is part of
what issue 12 measures against ``tar | age``, and every script pays it per call.
Parsing a command line loads no service, no vault and none of the large libraries;
a command loads the services it calls and their libraries, not those of others.

Each case runs the command in a fresh interpreter (the test process has loaded
everything) and lists ``sys.modules`` when ``main()`` has returned, so that an
import moved back to the top of a module fails here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.cli_runner import Cli

# Runs main() as ``python -m kzarchive.cli`` would, once per command line given (JSON
# in argv[2]); what was loaded then goes to the file in argv[1].
RUNNER = """\
import json, sys
from kzarchive.cli.main import main
codes = [main(args) for args in json.loads(sys.argv[2])]
with open(sys.argv[1], "w") as out:
    json.dump({"codes": codes, "modules": sorted(sys.modules)}, out)
"""

# Third-party libraries that take tens of milliseconds each to import.
LIBRARIES = ("numpy", "pdqhash", "PIL", "reportlab", "segno", "c2pa", "rfc3161_client",
             "cryptography.x509", "sqlcipher3")
# What only the commands that write, read or print bundles and reports need.
BUNDLES_AND_REPORTS = ("kzarchive.bundle.reader", "kzarchive.bundle.writer",
                       "kzarchive.bundle.extract", "kzarchive.pdf.model", "kzarchive.pdf.labels",
                       "kzarchive.pdf.render", "kzarchive.service.exchange",
                       "kzarchive.service.receipts", "kzarchive.service.reports",
                       "kzarchive.service.timestamps")
# The data model (service.models, .vocabulary, .records) is not a service.
SERVICES = ("kzarchive.archive", "kzarchive.service.session", "kzarchive.service.incidents",
            "kzarchive.service.evidence", "kzarchive.service.contacts",
            "kzarchive.service.similar", "kzarchive.service.recording", "kzarchive.vault")


def loaded_by(cli: Cli, *command_lines: Sequence[str | Path]) -> list[str]:
    """The modules loaded once each command line has run, in one process (each must
    succeed); ``loaded_by(cli, ["incident", "list"])``."""
    listing = cli.root / "modules.json"
    lines = [[str(arg) for arg in line] for line in command_lines]
    done = subprocess.run([sys.executable, "-c", RUNNER, str(listing), json.dumps(lines)],
                          env=cli.env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(listing.read_text(encoding="utf-8"))
    assert result["codes"] == [0] * len(lines), done.stderr
    modules: list[str] = result["modules"]
    return modules


def among(modules: list[str], *names: str) -> list[str]:
    """Which of ``names`` (modules or packages) are loaded."""
    return sorted(name for name in names
                  if any(m == name or m.startswith(name + ".") for m in modules))


def commands() -> list[list[str]]:
    """Every command and sub-command, as ``--help`` would be asked of it."""
    from kzarchive.cli.main import build_parser

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            # The sub-commands' action maps each name to its parser.
            if isinstance(action.choices, dict):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_no_service_and_no_large_library(
        cli: Cli, args: list[str]) -> None:
    loaded = loaded_by(cli, args)
    assert "kzarchive.cli.main" in loaded
    assert among(loaded, *LIBRARIES, *SERVICES, *BUNDLES_AND_REPORTS) == []


def test_parsing_any_command_loads_no_service_and_no_large_library(cli: Cli) -> None:
    every = commands()
    assert ["incident", "list"] in every and ["timestamp", "request"] in every
    loaded = loaded_by(cli, *([*args, "--help"] for args in every))
    assert among(loaded, *LIBRARIES, *SERVICES, *BUNDLES_AND_REPORTS) == []


def test_incident_list_loads_the_vault_and_the_incidents_only(vault_cli: Cli) -> None:
    vault_cli("incident", "add", "--title", "Detention at the akimat")
    loaded = loaded_by(vault_cli, ["incident", "list"])
    assert among(loaded, "sqlcipher3", "kzarchive.service.incidents") == [
        "kzarchive.service.incidents", "sqlcipher3"]
    # The unlock's recovery of interrupted recordings finds nothing, and loads no more.
    assert among(loaded, "numpy", "pdqhash", "PIL", "reportlab", "segno", "c2pa",
                 "rfc3161_client", "cryptography.x509", *BUNDLES_AND_REPORTS,
                 "kzarchive.service.evidence", "kzarchive.service.similar",
                 "kzarchive.media.imaging") == []


def test_attach_of_a_photo_loads_no_bundle_report_or_time_stamp_code(
        vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Detention").out.strip()
    photo = tmp_path / "IMG_0001.jpg"
    Image.new("RGB", (320, 240), (40, 90, 160)).save(photo, "JPEG")
    loaded = loaded_by(vault_cli, ["attach", incident, photo])
    assert vault_cli("incident", "show", incident).out.count("IMG_0001.jpg") == 1
    # Intake reads the metadata (Pillow) and the Content Credentials (c2pa) of a photo;
    # its fingerprint (numpy, PDQ) is made after intake; nothing of bundles, reports or
    # time-stamps.
    assert among(loaded, "PIL", "c2pa") == ["PIL", "c2pa"]
    assert among(loaded, "numpy", "pdqhash", "reportlab", "segno", "rfc3161_client",
                 "cryptography.x509", *BUNDLES_AND_REPORTS) == []


def test_attach_of_a_document_loads_nothing_for_pictures(vault_cli: Cli, tmp_path: Path) -> None:
    incident = vault_cli("incident", "add", "--title", "Detention").out.strip()
    note = tmp_path / "statement.txt"
    note.write_text("Детей задержали у акимата в 14:05.\n", encoding="utf-8")
    loaded = loaded_by(vault_cli, ["attach", incident, note])
    assert "kzarchive.service.evidence" in loaded
    assert among(loaded, "numpy", "pdqhash", "c2pa", "reportlab", "segno", "rfc3161_client",
                 "cryptography.x509", *BUNDLES_AND_REPORTS) == []
