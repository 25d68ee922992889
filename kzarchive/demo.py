"""The demo vault: sample incidents to try kzarchive without real evidence.

Built through the service API from ``resources/demo/`` (JSON records, texts and a
drawn photo) into a folder under the user data directory.  Its passphrase is
fixed and shown on screen, so it must never hold real evidence.

There is one demo vault per interface language (``incidents.json`` for English,
``incidents-ru.json``, ``incidents-kk.json``): the same events, told in the person's
language, each in a folder of its own so that switching language never mixes them.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from kzarchive.archive import Archive
from kzarchive.errors import BadInput
from kzarchive.resources import resource_path
from kzarchive.util.progress import CancelToken, Progress

DEMO_PASSPHRASE = "demo-january-2022"
DEMO_FORMAT = "kzarchive-demo/1"
DEMO_LANGUAGES = ("en", "ru", "kk")


@dataclass(frozen=True)
class DemoData:
    vault_name: str
    incidents: list[dict[str, Any]]


def _demo_language(language: str) -> str:
    return language if language in DEMO_LANGUAGES else "en"


def demo_vault_path(language: str = "en") -> Path:
    """English keeps the folder of earlier versions, ``demo-vault``; others add the code."""
    language = _demo_language(language)
    name = "demo-vault" if language == "en" else f"demo-vault-{language}"
    return Path(platformdirs.user_data_dir("kzarchive", appauthor=False)) / name


def demo_data_file(language: str = "en") -> str:
    language = _demo_language(language)
    return "incidents.json" if language == "en" else f"incidents-{language}.json"


def load_demo_data(language: str = "en") -> DemoData:
    raw = json.loads(resource_path("demo", demo_data_file(language)).read_text(
        encoding="utf-8"))
    if raw.get("format") != DEMO_FORMAT:
        raise BadInput(what="the demo data has an unknown format")
    return DemoData(vault_name=raw["vault_name"], incidents=raw["incidents"])


def open_demo_vault(
    path: Path | None = None, progress: Progress | None = None,
    cancel: CancelToken | None = None, language: str = "en",
) -> Archive:
    """Open the demo vault of ``language``, building it first if it does not exist yet."""
    path = path or demo_vault_path(language)
    if Archive.is_vault(path):
        return Archive.open(path, DEMO_PASSPHRASE)
    return build_demo_vault(path, progress, cancel, language)


def build_demo_vault(
    path: Path, progress: Progress | None = None, cancel: CancelToken | None = None,
    language: str = "en",
) -> Archive:
    """Build the demo vault at ``path`` and return it open.

    It is built in a sibling ``.partial`` folder and renamed into place when
    complete, so an interrupted build never leaves a half-filled demo vault.
    """
    if path.exists():
        if any(path.iterdir()):
            raise BadInput(what=f"{path} already exists and is not a vault",
                           hint="Move that folder away to build the demo vault there.")
        path.rmdir()
    data = load_demo_data(language)
    partial = path.with_name(path.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)  # our own unfinished build from an earlier run
    total = len(data.incidents) + 1
    try:
        archive, _recovery_code = Archive.create(partial, DEMO_PASSPHRASE, name=data.vault_name)
        try:
            for done, record in enumerate(data.incidents, start=1):
                if progress:
                    progress(done, total)
                if cancel:
                    cancel.check()
                add_demo_incident(archive, record)
            archive.pictures.make()  # a demo shows its thumbnails from the first look
        finally:
            archive.close()
        partial.rename(path)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if progress:
        progress(total, total)
    return Archive.open(path, DEMO_PASSPHRASE)


def add_demo_incident(archive: Archive, record: dict[str, Any]) -> str:
    """One incident with its people, texts and files; returns the incident id."""
    fields = ("title", "description", "occurred_start", "occurred_end", "date_precision",
              "place", "latitude", "longitude", "violations", "tags", "status")
    incident_id = archive.add_incident(**{key: record[key] for key in fields})
    for person in record["people"]:
        archive.add_person(incident_id, person["role"], person["pseudonym"],
                           consent_given=person["consent_given"],
                           consent_scope=person["consent_scope"],
                           consent_date=person["consent_date"], notes=person["notes"])
    for text in record["texts"]:
        body = resource_path("demo", text["file"]).read_text(encoding="utf-8")
        archive.add_text(incident_id, body, kind=text["kind"], witness=text.get("witness"),
                         language=text["language"], note=text.get("note", ""),
                         name=text["name"], source=text.get("source", ""))
    for attachment in record["files"]:
        archive.attach_file(incident_id, resource_path("demo", attachment["file"]),
                            kind=attachment["kind"], note=attachment.get("note", ""),
                            source=attachment.get("source", ""))
    return incident_id
