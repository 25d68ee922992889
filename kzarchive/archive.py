"""The service API: the one entry point of the command line and the GUI.

An ``Archive`` is an unlocked vault (``kzarchive.service.session.VaultSession``) and
the services built over it: ``archive.incidents``, ``archive.evidence``,
``archive.contacts``, ``archive.exchange``, ``archive.similar`` and the others below.
Each service is imported and made on its first use, once, so that a command loads
only the modules of the services it calls.  The methods of the first four are also
reachable on the archive itself (``archive.add_incident(...)`` is
``archive.incidents.add_incident``), so that the command line and the GUI keep
their calls; new code uses the services.  See docs/architecture.md.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar, overload

from kzarchive.service.session import VaultSession
from kzarchive.util.lazy import lazy_names
from kzarchive.util.progress import CancelToken, Progress
from kzarchive.vault import keyslots
from kzarchive.vault.lock import VaultLock

if TYPE_CHECKING:
    from kzarchive.service.contacts import Contacts
    from kzarchive.service.evidence import Evidence
    from kzarchive.service.exchange import Exchange, ExportOptions, ExportResult, ImportResult
    from kzarchive.service.incidents import Incidents
    from kzarchive.service.pictures import Pictures
    from kzarchive.service.receipts import Receipts
    from kzarchive.service.recording import Recordings
    from kzarchive.service.reports import Reports
    from kzarchive.service.similar import Similar
    from kzarchive.service.timestamps import Timestamps

__all__ = ["Archive", "CancelToken", "ExportOptions", "ExportResult", "ImportResult", "Progress"]

# The export and import records, from the exchange service's module when first named.
__getattr__ = lazy_names(__name__, {
    "kzarchive.service.exchange": ["ExportOptions", "ExportResult", "ImportResult"],
})

_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S")


class _Service(Generic[_S]):
    """An attribute of the archive that its function makes on first use, once.

    The first use may come from any thread (the GUI calls from its workers): the
    archive's lock makes the service once, and the instance's own attribute, set
    then, answers every later use without the lock (this is a non-data descriptor).
    ``functools.cached_property`` would not do: from Python 3.12 it takes no lock.
    """

    def __init__(self, make: Callable[[Archive], _S]) -> None:
        self._make = make
        self._name = make.__name__

    @overload
    def __get__(self, archive: None, owner: type[Archive]) -> _Service[_S]: ...
    @overload
    def __get__(self, archive: Archive, owner: type[Archive]) -> _S: ...

    def __get__(self, archive: Archive | None, owner: type[Archive]) -> _Service[_S] | _S:
        if archive is None:
            return self
        # Reentrant: making one service makes those it is built over.
        with archive._services_lock:
            made: _S | None = vars(archive).get(self._name)
            if made is None:
                made = self._make(archive)
                vars(archive)[self._name] = made
        return made


class _Forward(Generic[_P, _R]):
    """A service's method reached on the archive: ``archive.add_incident`` is the bound
    ``archive.incidents.add_incident`` itself (signature and docstring), and the type
    checker sees it so.  Naming it loads nothing: the service is made on the call."""

    def __init__(self, method: Callable[[Archive], Callable[_P, _R]]) -> None:
        self._method = method

    @overload
    def __get__(self, archive: None, owner: type[Archive]) -> _Forward[_P, _R]: ...
    @overload
    def __get__(self, archive: Archive, owner: type[Archive]) -> Callable[_P, _R]: ...

    def __get__(self, archive: Archive | None, owner: type[Archive],
                ) -> _Forward[_P, _R] | Callable[_P, _R]:
        return self if archive is None else self._method(archive)

    def __call__(self, archive: Archive, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        # Called on the class, as a method of it would be: Archive.add_incident(archive, ...).
        return self._method(archive)(*args, **kwargs)


class Archive(VaultSession):
    """An open, unlocked vault and its services: the whole service API."""

    def __init__(self, path: Path, keyfile: keyslots.KeyFile, vmk: bytes, lock: VaultLock):
        super().__init__(path, keyfile, vmk, lock)
        self._services_lock = threading.RLock()
        # Items stored at this unlock from recordings a crash cut short.
        self.recovered_recordings: list[str] = []

    # The services: each module is imported when its service is first used.
    @_Service
    def incidents(self) -> Incidents:
        from kzarchive.service.incidents import Incidents

        return Incidents(self)

    @_Service
    def evidence(self) -> Evidence:
        from kzarchive.service.evidence import Evidence

        return Evidence(self)

    @_Service
    def contacts(self) -> Contacts:
        from kzarchive.service.contacts import Contacts

        return Contacts(self)

    @_Service
    def exchange(self) -> Exchange:
        from kzarchive.service.exchange import Exchange

        return Exchange(self, self.incidents, self.evidence, self.contacts)

    @_Service
    def pictures(self) -> Pictures:
        from kzarchive.service.pictures import Pictures

        return Pictures(self, self.evidence)

    @_Service
    def similar(self) -> Similar:
        from kzarchive.service.similar import Similar

        return Similar(self, self.evidence, self.pictures)

    @_Service
    def receipts(self) -> Receipts:
        from kzarchive.service.receipts import Receipts

        return Receipts(self, self.contacts, lambda: self.exchange)

    @_Service
    def recordings(self) -> Recordings:
        from kzarchive.service.recording import Recordings

        return Recordings(self, lambda: self.evidence, lambda: self.incidents)

    @_Service
    def timestamps(self) -> Timestamps:
        from kzarchive.service.timestamps import Timestamps

        return Timestamps(self)

    @_Service
    def reports(self) -> Reports:
        from kzarchive.service.reports import Reports

        return Reports(self, self.incidents, self.evidence, self.contacts, self.exchange,
                       self.timestamps, self.receipts)

    def _clean_interrupted_writes(self) -> None:
        super()._clean_interrupted_writes()
        self.recovered_recordings = self.recordings.recover_interrupted()

    # The calls of the command line and the GUI, unchanged.
    resolve_id = _Forward(lambda archive: archive.incidents.resolve_id)
    add_incident = _Forward(lambda archive: archive.incidents.add_incident)
    update_incident = _Forward(lambda archive: archive.incidents.update_incident)
    get_incident = _Forward(lambda archive: archive.incidents.get_incident)
    list_incidents = _Forward(lambda archive: archive.incidents.list_incidents)
    list_tags = _Forward(lambda archive: archive.incidents.list_tags)
    add_person = _Forward(lambda archive: archive.incidents.add_person)
    update_person = _Forward(lambda archive: archive.incidents.update_person)
    get_person = _Forward(lambda archive: archive.incidents.get_person)
    list_people = _Forward(lambda archive: archive.incidents.list_people)

    attach_file = _Forward(lambda archive: archive.evidence.attach_file)
    attach_files = _Forward(lambda archive: archive.evidence.attach_files)
    add_text = _Forward(lambda archive: archive.evidence.add_text)
    redact_item = _Forward(lambda archive: archive.evidence.redact_item)
    store_content = _Forward(lambda archive: archive.evidence.store_content)
    get_item = _Forward(lambda archive: archive.evidence.get_item)
    list_items = _Forward(lambda archive: archive.evidence.list_items)
    items_with_gps = _Forward(lambda archive: archive.evidence.items_with_gps)
    open_item = _Forward(lambda archive: archive.evidence.open_item)
    read_thumbnail = _Forward(lambda archive: archive.evidence.read_thumbnail)
    read_text = _Forward(lambda archive: archive.evidence.read_text)
    iter_content = _Forward(lambda archive: archive.evidence.iter_content)
    extract_item = _Forward(lambda archive: archive.evidence.extract_item)
    verify_item = _Forward(lambda archive: archive.evidence.verify_item)
    verify = _Forward(lambda archive: archive.evidence.verify)

    my_card = _Forward(lambda archive: archive.contacts.my_card)
    export_card = _Forward(lambda archive: archive.contacts.export_card)
    add_contact_card = _Forward(lambda archive: archive.contacts.add_contact_card)
    add_contact_age = _Forward(lambda archive: archive.contacts.add_contact_age)
    get_contact = _Forward(lambda archive: archive.contacts.get_contact)
    list_contacts = _Forward(lambda archive: archive.contacts.list_contacts)
    verify_contact = _Forward(lambda archive: archive.contacts.verify_contact)
    rename_contact = _Forward(lambda archive: archive.contacts.rename_contact)
    remove_contact = _Forward(lambda archive: archive.contacts.remove_contact)

    export_bundle = _Forward(lambda archive: archive.exchange.export_bundle)
    verify_bundle = _Forward(lambda archive: archive.exchange.verify_bundle)
    import_bundle = _Forward(lambda archive: archive.exchange.import_bundle)
    received_custody = _Forward(lambda archive: archive.exchange.received_custody)
