"""One passphrase policy: the core refuses what the GUI refuses, from any interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import BadInput
from kzarchive.service.passphrase_policy import MIN_LENGTH, acceptable, check_new_passphrase

GOOD = "lanterns along the frozen river"
REFUSED = {
    "short": "the passphrase is too short",
    "eleven char": "the passphrase is too short",
    "aaaaaaaaaaaaaaaa": "the passphrase is too easy to guess",
    "abcdefghijklmnop": "the passphrase is too easy to guess",
}


@pytest.mark.parametrize(("passphrase", "why"), sorted(REFUSED.items()))
def test_a_short_or_guessable_passphrase_is_refused_naming_why(passphrase: str, why: str) -> None:
    with pytest.raises(BadInput) as caught:
        check_new_passphrase(passphrase)
    assert why in caught.value.message
    assert not acceptable(passphrase)


def test_a_long_passphrase_of_words_is_accepted() -> None:
    assert MIN_LENGTH == 12 and acceptable(GOOD)
    check_new_passphrase(GOOD)  # nothing raised


def test_create_change_and_rotate_refuse_what_the_policy_refuses(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        Archive.create(tmp_path / "weak", "aaaaaaaaaaaaaaaa")
    assert not (tmp_path / "weak").exists()
    archive, _code = Archive.create(tmp_path / "vault", GOOD)
    with archive:
        for change in (archive.change_passphrase, archive.rotate_keys):
            with pytest.raises(BadInput, match="too easy to guess"):
                change("abcdefghijklmnop")
    with Archive.open(tmp_path / "vault", GOOD):
        pass  # the refused changes left the passphrase as it was
