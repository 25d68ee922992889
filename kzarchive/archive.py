"""The service API: the one entry point of the command line and the GUI.

An ``Archive`` is an unlocked vault (``kzarchive.service.session.VaultSession``) and
the services built over it: ``archive.incidents``, ``archive.evidence``,
``archive.contacts``, ``archive.exchange`` and ``archive.similar``.  The methods of
the services are also reachable on the archive itself (``archive.add_incident(...)``),
so that the command line and the GUI keep their calls; new code uses the services.
See docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from kzarchive.service.contacts import Contacts
from kzarchive.service.evidence import Evidence
from kzarchive.service.exchange import Exchange, ExportOptions, ExportResult, ImportResult
from kzarchive.service.incidents import Incidents
from kzarchive.service.pictures import Pictures
from kzarchive.service.receipts import Receipts
from kzarchive.service.recording import Recordings
from kzarchive.service.reports import Reports
from kzarchive.service.session import VaultSession
from kzarchive.service.similar import Similar
from kzarchive.service.timestamps import Timestamps
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault import keyslots
from kzarchive.vault.lock import VaultLock

__all__ = ["Archive", "CancelToken", "ExportOptions", "ExportResult", "ImportResult", "Progress"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _on(service: str, method: Callable[Concatenate[Any, _P], _R],
        ) -> Callable[Concatenate[Archive, _P], _R]:
    """The service's method, called through the archive (same signature and docstring)."""
    name = method.__name__

    def forward(archive: Archive, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        bound: Callable[_P, _R] = getattr(getattr(archive, service), name)
        return bound(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    forward.__doc__ = method.__doc__
    return forward


class Archive(VaultSession):
    """An open, unlocked vault and its services: the whole service API."""

    def __init__(self, path: Path, keyfile: keyslots.KeyFile, vmk: bytes, lock: VaultLock):
        super().__init__(path, keyfile, vmk, lock)
        self.incidents = Incidents(self)
        self.evidence = Evidence(self)
        self.contacts = Contacts(self)
        self.exchange = Exchange(self, self.incidents, self.evidence, self.contacts)
        self.pictures = Pictures(self, self.evidence)
        self.similar = Similar(self, self.evidence, self.pictures)
        self.receipts = Receipts(self, self.contacts, self.exchange)
        self.recordings = Recordings(self, self.evidence, self.incidents)
        self.timestamps = Timestamps(self)
        self.reports = Reports(self, self.incidents, self.evidence, self.contacts, self.exchange,
                               self.timestamps, self.receipts)
        # Items stored at this unlock from recordings a crash cut short.
        self.recovered_recordings: list[str] = []

    def _clean_interrupted_writes(self) -> None:
        super()._clean_interrupted_writes()
        self.recovered_recordings = self.recordings.recover_interrupted()

    # The calls of the command line and the GUI, unchanged.
    resolve_id = _on("incidents", Incidents.resolve_id)
    add_incident = _on("incidents", Incidents.add_incident)
    update_incident = _on("incidents", Incidents.update_incident)
    get_incident = _on("incidents", Incidents.get_incident)
    list_incidents = _on("incidents", Incidents.list_incidents)
    list_tags = _on("incidents", Incidents.list_tags)
    add_person = _on("incidents", Incidents.add_person)
    update_person = _on("incidents", Incidents.update_person)
    get_person = _on("incidents", Incidents.get_person)
    list_people = _on("incidents", Incidents.list_people)

    attach_file = _on("evidence", Evidence.attach_file)
    attach_files = _on("evidence", Evidence.attach_files)
    add_text = _on("evidence", Evidence.add_text)
    redact_item = _on("evidence", Evidence.redact_item)
    store_content = _on("evidence", Evidence.store_content)
    get_item = _on("evidence", Evidence.get_item)
    list_items = _on("evidence", Evidence.list_items)
    items_with_gps = _on("evidence", Evidence.items_with_gps)
    open_item = _on("evidence", Evidence.open_item)
    read_thumbnail = _on("evidence", Evidence.read_thumbnail)
    read_text = _on("evidence", Evidence.read_text)
    iter_content = _on("evidence", Evidence.iter_content)
    extract_item = _on("evidence", Evidence.extract_item)
    verify_item = _on("evidence", Evidence.verify_item)
    verify = _on("evidence", Evidence.verify)

    my_card = _on("contacts", Contacts.my_card)
    export_card = _on("contacts", Contacts.export_card)
    add_contact_card = _on("contacts", Contacts.add_contact_card)
    add_contact_age = _on("contacts", Contacts.add_contact_age)
    get_contact = _on("contacts", Contacts.get_contact)
    list_contacts = _on("contacts", Contacts.list_contacts)
    verify_contact = _on("contacts", Contacts.verify_contact)
    rename_contact = _on("contacts", Contacts.rename_contact)
    remove_contact = _on("contacts", Contacts.remove_contact)

    export_bundle = _on("exchange", Exchange.export_bundle)
    verify_bundle = _on("exchange", Exchange.verify_bundle)
    import_bundle = _on("exchange", Exchange.import_bundle)
    received_custody = _on("exchange", Exchange.received_custody)
