"""The service API: the one entry point of the command line and the GUI.

An ``Archive`` is an unlocked vault (``kzarchive.session.VaultSession``) with its
incidents, evidence and contacts.  See docs/architecture.md.
"""

from __future__ import annotations

from kzarchive.contacts import ContactsMixin
from kzarchive.evidence import EvidenceMixin
from kzarchive.incidents import IncidentsMixin
from kzarchive.progress import CancelToken, Progress

__all__ = ["Archive", "CancelToken", "Progress"]


class Archive(IncidentsMixin, EvidenceMixin, ContactsMixin):
    """An open, unlocked vault: the whole service API."""
