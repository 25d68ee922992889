from __future__ import annotations

import pytest

from tests.media.media_helpers import EXIFTOOL


@pytest.fixture
def exiftool() -> None:
    """Tests against the real exiftool skip, saying why, where it is missing."""
    if EXIFTOOL is None:
        pytest.skip("exiftool is not installed (Debian package libimage-exiftool-perl)")
