"""The service API: the one entry point of the command line and the GUI.

An ``Archive`` is an unlocked vault (``kzarchive.service.session.VaultSession``) with its
incidents, evidence, contacts and bundle exchange.  See docs/architecture.md.
"""

from __future__ import annotations

from kzarchive.service.exchange import ExchangeMixin, ExportOptions, ExportResult, ImportResult
from kzarchive.util.progress import CancelToken, Progress

__all__ = ["Archive", "CancelToken", "ExportOptions", "ExportResult", "ImportResult", "Progress"]


class Archive(ExchangeMixin):
    """An open, unlocked vault: the whole service API."""
