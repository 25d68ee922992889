"""The media layer is plain Python: usable from scripts and the CLI without Qt."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_media_layer_loads_no_qt() -> None:
    code = (
        "import sys, kzarchive.media, kzarchive.media.containers;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_public_api_is_importable_from_the_package() -> None:
    import kzarchive.media as media

    for name in media.__all__:
        assert getattr(media, name) is not None
