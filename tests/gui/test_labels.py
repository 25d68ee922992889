"""Every stored vocabulary key has a label the interface can translate."""

from __future__ import annotations

from kzarchive.gui import labels
from kzarchive.service import vocabulary


def test_gui_labels_cover_the_core_vocabularies() -> None:
    assert set(labels.VIOLATIONS) == set(vocabulary.VIOLATIONS)
    assert set(labels.ITEM_KINDS) == set(vocabulary.ITEM_KINDS)
    assert set(labels.ROLES) == set(vocabulary.ROLES)
    assert set(labels.STATUSES) == set(vocabulary.STATUSES)


def test_english_labels_match_the_core_and_unknown_keys_fall_back() -> None:
    assert labels.VIOLATIONS == vocabulary.VIOLATIONS
    assert labels.violation("no-such-key") == "no-such-key"
