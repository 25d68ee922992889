"""The archive's services are made on first use, once, from whichever thread asks.

The GUI reaches ``archive.<service>`` from its workers while the main thread may
reach it too; two copies of a service would be two sets of state (the similarity
index of ``archive.similar`` is one).  The old calls on the archive itself
(``archive.add_incident``) stay what they were: the service's own methods.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from kzarchive.archive import Archive
from kzarchive.service.exchange import Exchange


def test_a_service_is_made_once_when_threads_ask_at_the_same_time(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Exchange] = []
    original = Exchange.__init__

    def slow_init(self: Exchange, *args: Any, **kwargs: Any) -> None:
        # Long enough that every thread asks while the first is still making it.
        time.sleep(0.05)
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Exchange, "__init__", slow_init)
    start = threading.Barrier(8)
    seen: list[Exchange] = []

    def ask() -> None:
        start.wait()
        seen.append(archive.exchange)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert seen == made * 8
    assert archive.exchange is made[0]


def test_the_services_a_service_is_built_over_are_the_archives_own(archive: Archive) -> None:
    # Made inside the making of another service (the lock is reentrant), then shared.
    reports = archive.reports
    assert reports is archive.reports
    assert archive.incidents is archive.incidents
    incident = archive.add_incident("Detention at the akimat")
    assert [i.id for i in archive.incidents.list_incidents()] == [incident]


def test_a_method_on_the_archive_is_the_services_own(archive: Archive) -> None:
    assert archive.add_incident == archive.incidents.add_incident
    assert archive.attach_files.__doc__ == archive.evidence.attach_files.__doc__
    assert archive.export_bundle.__name__ == "export_bundle"
    # Called on the class, as the methods it replaces could be.
    incident = Archive.add_incident(archive, "Detention at the akimat")
    assert Archive.get_incident(archive, incident).title == "Detention at the akimat"
