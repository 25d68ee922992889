"""The raw database connection of an open vault, for tests that alter or inspect rows
the service API does not show."""

from __future__ import annotations

from typing import Any

from kzarchive.service.session import VaultSession


def connection_of(session: VaultSession) -> Any:
    # Single-threaded tests only: the session's lock is released on return.
    with session.read() as db:
        return db
