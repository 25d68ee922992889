"""What intake learns from a stored content: type, kind, metadata, Content Credentials.

Only what a file's headers and metadata give: nothing here decodes pixels.  A
picture's thumbnail and fingerprint are made after intake, from one decode
(service/pictures.py), so that storing a camera roll runs at the speed of the disk.

Nothing here writes anywhere; a hostile or broken file never stops intake.
"""

from __future__ import annotations

import logging
from typing import Any

from kzarchive.errors import KzError
from kzarchive.media.streams import Stream

log = logging.getLogger(__name__)


def describe(reader: Stream, name: str) -> dict[str, Any]:
    """MIME type, kind, metadata (Content Credentials included) and capture time."""
    from kzarchive.media import metadata as media_metadata
    from kzarchive.media import types

    head = reader.read(4096)
    reader.seek(0)
    mime, kind = types.sniff(head, name)
    described: dict[str, Any] = {"mime": mime, "kind": kind, "metadata": {},
                                 "captured_at": None}
    try:
        meta = media_metadata.read_metadata(reader, mime)
        described["metadata"] = meta.to_dict()
        described["captured_at"] = getattr(meta, "captured_at", None)
    except KzError:
        raise
    except Exception:  # a hostile or broken file must never stop intake
        described["metadata"] = {"note": "metadata could not be read"}
        return described
    finally:
        reader.seek(0)
    _read_credentials(reader, mime, described["metadata"])
    return described


def _read_credentials(reader: Stream, mime: str, metadata: dict[str, Any]) -> None:
    """Content Credentials (C2PA), this vault's own reading, kept in the metadata."""
    from kzarchive.service import provenance

    try:
        record = provenance.read_record(reader, mime)
    except KzError:
        raise
    except Exception as exc:  # a hostile manifest must never stop intake
        log.warning("Reading content credentials at intake failed (%s)", type(exc).__name__)
        return
    finally:
        reader.seek(0)
    if record is not None:
        metadata[provenance.OWN] = record
