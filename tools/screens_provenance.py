"""Screenshots of a photo's copies and of a photo with Content Credentials.

Called by ``tools/screenshots.py`` with the demo vault open, after the media
screens.  Added once to the throw-away demo vault: a resized, recompressed copy
of the demo photo (as a messenger makes it), the same bytes again in another
incident, and the photo signed with C2PA by a throw-away test certificate (the
one the tests make; it is marked as made for the screenshots).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

Save = Callable[[object, Path, str], None]
Wait = Callable[..., None]

COPY_NAME = "photo_2022-01-05_telegram.jpg"
SIGNED_NAME = "площадь-c2pa.jpg"


def _jpeg(image: Any, quality: int) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def _add_copies(archive: Any, incident: str, photo: Any) -> Any:
    """The copies and the signed photo, once; returns the signed item."""
    from PIL import Image

    from tests.media.c2pa_signing import make_test_signer, manifest, sign

    held = {item.name: item for s in archive.list_incidents()
            for item in archive.list_items(s.id)}
    if SIGNED_NAME in held:
        return held[SIGNED_NAME]
    with archive.open_item(photo.id) as reader:
        original = reader.read()
    image = Image.open(io.BytesIO(original))
    image.load()
    small = image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS)
    archive.store_content(incident, io.BytesIO(_jpeg(small, 45)), name=COPY_NAME,
                          notes="A copy made for the screenshots.")
    other = next(s.id for s in archive.list_incidents() if s.id != incident)
    archive.store_content(other, io.BytesIO(original), name=photo.name,
                          notes="The same file again, for the screenshots.")
    signer = make_test_signer("Field Camera (test certificate)")
    signed = sign(_jpeg(image, 90), signer, manifest("square.jpg"))
    return archive.store_content(incident, io.BytesIO(signed), name=SIGNED_NAME,
                                 notes="Signed for the screenshots with a test certificate.")


def shoot_provenance(controller: Any, window: Any, out: Path, prefix: str,
                     save: Save, wait: Wait) -> None:
    from screens_evidence import almaty_incident
    from screens_media import _select

    from kzarchive.gui.viewers import open_viewer

    archive = controller.archive
    _select(window, almaty_incident(controller.language), wait)
    incident = window.detail.incident_id
    photo = next(item for item in archive.list_items(incident) if item.kind == "photo")
    signed = _add_copies(archive, incident, photo)

    viewer = open_viewer(window.context, photo.id, window)
    wait(lambda: viewer.image is not None and viewer.similar.result is not None)
    viewer.view.fit()
    save(viewer, out, prefix + "viewer-photo-similar")
    viewer.close()

    viewer = open_viewer(window.context, signed.id, window)
    wait(lambda: viewer.image is not None and viewer.similar.result is not None)
    viewer.view.fit()
    save(viewer, out, prefix + "viewer-photo-credentials")
    viewer.close()
