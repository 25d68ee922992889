"""Controlled vocabularies of the data model.

The stored values are the stable English keys below; front ends translate the
labels.  Changing a key is a format change (docs/data-model.md).
"""

from __future__ import annotations

from kzarchive.errors import BadInput

VIOLATIONS: dict[str, str] = {
    "arbitrary-detention": "Arbitrary detention",
    "torture": "Torture or ill-treatment",
    "killing": "Killing",
    "enforced-disappearance": "Enforced disappearance",
    "excessive-force": "Excessive force",
    "attack-on-journalist": "Attack on a journalist",
    "denial-of-counsel": "Denial of legal counsel",
    "internet-shutdown": "Internet shutdown or censorship",
    "harassment": "Harassment",
    "other": "Other",
}

ITEM_KINDS: dict[str, str] = {
    "photo": "Photo",
    "video": "Video",
    "audio": "Audio",
    "document": "Document",
    "testimony": "Testimony",
    "source-text": "Source text",
    "other": "Other",
}

ROLES: dict[str, str] = {
    "victim": "Victim",
    "witness": "Witness",
    "perpetrator": "Perpetrator",
    "source": "Source",
}

STATUSES: dict[str, str] = {
    "draft": "Draft",
    "reviewed": "Reviewed",
    "shared": "Shared",
}

DATE_PRECISIONS = ("year", "month", "day", "minute")


def check(value: str, vocabulary: dict[str, str], what: str) -> str:
    if value not in vocabulary:
        raise BadInput(
            what=f"unknown {what} '{value}'",
            hint="Choose one of: " + ", ".join(vocabulary) + ".",
        )
    return value
