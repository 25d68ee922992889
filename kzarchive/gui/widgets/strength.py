"""The passphrase strength shown under a new passphrase: the core's one policy.

The create and change-passphrase dialogs enable their button only for what the
core accepts (kzarchive/passphrase_policy.py), so the GUI never refuses what
the command line accepts, nor the other way round.
"""

from __future__ import annotations

from kzarchive.service.passphrase_policy import (
    MIN_LENGTH,
    Strength,
    acceptable,
    estimate_bits,
    passphrase_strength,
)

__all__ = ["MIN_LENGTH", "Strength", "acceptable", "estimate_bits", "passphrase_strength"]
