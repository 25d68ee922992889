"""The passphrase hint: length matters most; repeats and runs count little."""

from __future__ import annotations

from kzarchive.gui.widgets.strength import MIN_LENGTH, Strength, acceptable, passphrase_strength


def test_short_passphrases_are_too_short_whatever_their_symbols() -> None:
    assert passphrase_strength("") == Strength.TOO_SHORT
    assert passphrase_strength("Kz!9vX2#pL0") == Strength.TOO_SHORT
    assert len("Kz!9vX2#pL0") == MIN_LENGTH - 1


def test_repeats_and_runs_are_weak() -> None:
    for text in ("aaaaaaaaaaaaaaaa", "123456789012", "abcdefghijklmnop", "password1234"):
        assert passphrase_strength(text) == Strength.WEAK, text
        assert not acceptable(text)


def test_several_words_are_strong_in_any_script() -> None:
    assert passphrase_strength("correct horse battery staple") == Strength.STRONG
    assert passphrase_strength("снег шёл над площадью") == Strength.STRONG
    assert passphrase_strength("қар жауып тұр кешке") >= Strength.FAIR
    assert acceptable("correct horse battery staple")


def test_the_dialogs_judge_a_passphrase_by_the_cores_one_policy() -> None:
    from kzarchive.gui.widgets import strength
    from kzarchive.service import passphrase_policy

    assert strength.acceptable is passphrase_policy.acceptable
    assert strength.passphrase_strength is passphrase_policy.passphrase_strength
