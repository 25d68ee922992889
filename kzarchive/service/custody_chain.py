"""The one custody-chain checker, for the vault's log, a bundle's entries and the GUI.

Every custody entry of an incident names the leaf hash of the incident's entry
before it (``incident_prev``), so a changed, removed or inserted entry breaks
the chain.  The vault and the bundle reader refuse any break; the custody view
shows each link, and marks as unknown the first entry shown of a chain a
partner sent only in part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LINK_OK, LINK_ALTERED, LINK_BROKEN, LINK_UNKNOWN = "ok", "altered", "broken", "unknown"


def chain_links(entries: Sequence[Mapping[str, Any]], leaves: Sequence[str],
                recomputed: Sequence[str] | None = None) -> list[str]:
    """For each entry, in log order: ok, altered, broken or unknown.

    ``leaves`` are the recorded leaf hashes (the values the next entry of an
    incident names); ``recomputed``, when given, the leaf hashes of the entries'
    content, which must equal the recorded ones (``altered`` otherwise).
    ``unknown``: an incident's first entry here names an earlier one.
    """
    last: dict[str, str] = {}
    links = []
    for index, entry in enumerate(entries):
        leaf = leaves[index]
        state = LINK_OK
        if recomputed is not None and recomputed[index] != leaf:
            state = LINK_ALTERED
        incident = entry.get("incident_id")
        if incident is not None and state == LINK_OK:
            previous = entry.get("incident_prev")
            if incident in last:
                state = LINK_OK if previous == last[incident] else LINK_BROKEN
            elif previous is not None:
                state = LINK_UNKNOWN
        if incident is not None:
            last[str(incident)] = leaf
        links.append(state)
    return links


def first_break(entries: Sequence[Mapping[str, Any]], leaves: Sequence[str],
                recomputed: Sequence[str] | None = None) -> tuple[int, str] | None:
    """(index, link) of the first entry whose link is not ok; None when the whole chain holds.

    For a complete log, where an incident's first entry must name no earlier one.
    """
    for index, link in enumerate(chain_links(entries, leaves, recomputed)):
        if link != LINK_OK:
            return index, link
    return None
