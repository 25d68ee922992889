"""The photo viewer's "Similar items" and "Content credentials" sections."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.viewers import MediaViewer, PhotoViewer, open_viewer
from kzarchive.gui.viewers.provenance import CredentialsPanel
from tests.gui.viewer_helpers import context_of, open_archive, store
from tests.media import media_builders
from tests.media.c2pa_signing import CredentialSigner, make_test_signer, manifest, plain_photo, sign
from tests.media.scenes import scene
from tests.similar.pictures import copies, jpeg


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


@pytest.fixture(scope="module")
def signer() -> CredentialSigner:
    return make_test_signer()


def _viewer(qtbot: QtBot, archive: Archive, item_id: str) -> PhotoViewer:
    viewer = open_viewer(context_of(archive), item_id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitUntil(lambda: viewer.similar.result is not None, timeout=10000)
    return viewer


def test_similar_items_list_exact_copies_first_and_a_click_opens_the_copy(
        qtbot: QtBot, archive: Archive) -> None:
    data = copies(31)
    original = store(archive, data["original.jpg"], "original.jpg")
    resized = store(archive, data["resized.jpg"], "from-whatsapp.jpg")
    exact = store(archive, data["original.jpg"], "forwarded.jpg")
    store(archive, jpeg(scene(32)), "unrelated.jpg")
    viewer = _viewer(qtbot, archive, original.id)
    panel = viewer.similar
    assert panel.isVisibleTo(viewer)
    rows = [panel.list.item(n).text() for n in range(panel.list.count())]
    assert len(rows) == 2
    assert rows[0].startswith("Exact copy") and "forwarded.jpg" in rows[0]
    assert rows[1].startswith("Distance ") and "from-whatsapp.jpg" in rows[1]
    assert "Detention near the bus station" in rows[1] and "collected here" in rows[1]
    assert not any("unrelated.jpg" in row for row in rows)

    panel.list.itemActivated.emit(panel.list.item(1))
    opened = viewer.opened[-1]
    qtbot.addWidget(opened)
    assert isinstance(opened, PhotoViewer) and opened.item.id == resized.id
    assert opened.isVisible()
    qtbot.waitUntil(lambda: opened.similar.result is not None, timeout=10000)
    back = [opened.similar.list.item(n).text() for n in range(opened.similar.list.count())]
    assert {original.name, exact.name} <= {t.split(": ", 1)[1].split("\n")[0] for t in back}


def test_a_photo_without_copies_says_so(qtbot: QtBot, archive: Archive) -> None:
    alone = store(archive, jpeg(scene(33)), "alone.jpg")
    viewer = _viewer(qtbot, archive, alone.id)
    assert viewer.similar.list.isHidden()
    assert "No other item" in viewer.similar.status_label.text()


def test_content_credentials_show_signer_generator_and_actions(
        qtbot: QtBot, archive: Archive, signer: CredentialSigner) -> None:
    item = store(archive, sign(plain_photo(), signer), "signed.jpg")
    viewer = _viewer(qtbot, archive, item.id)
    panel = viewer.credentials
    assert panel is not None and panel.isVisibleTo(viewer)
    assert panel.state == "valid"
    assert panel.state_label.text().startswith("Valid")
    assert panel.rows["signer"].text() == "Test Field Camera, Test Newsroom"
    assert panel.rows["generator"].text() == "Test Camera App 2.1"
    assert "c2pa.created" in panel.rows["actions"].text()
    assert "not one this vault trusts" in panel.rows["trusted"].text()
    assert "failures" not in panel.rows  # untrusted alone is not a problem of the file


def test_a_tampered_photo_is_flagged_clearly(
        qtbot: QtBot, archive: Archive, signer: CredentialSigner) -> None:
    changed = bytearray(sign(plain_photo(), signer))
    changed[-20] ^= 0x55
    item = store(archive, bytes(changed), "edited.jpg")
    viewer = _viewer(qtbot, archive, item.id)
    panel = viewer.credentials
    assert panel is not None and panel.state == "tampered"
    assert panel.state_label.text().startswith("TAMPERED")
    assert panel.state_label.property("role") == "error"
    assert "assertion.dataHash.mismatch" in panel.rows["failures"].text()


def test_a_photo_without_credentials_says_none(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, plain_photo(), "plain.jpg")
    viewer = _viewer(qtbot, archive, item.id)
    assert viewer.credentials is not None
    assert viewer.credentials.state == "none"
    assert viewer.credentials.state_label.text().startswith("None")
    assert viewer.credentials.rows == {}


def test_a_senders_claim_is_shown_apart_from_the_vaults_own_reading(
        qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, plain_photo(), "received.jpg")
    claimed = {"state": "valid", "signer": "Partner Camera"}
    shown = replace(item, metadata={**item.metadata, "content_credentials_claimed": claimed})
    panel = CredentialsPanel(shown)
    qtbot.addWidget(panel)
    assert panel.state == "none"  # nothing in the bytes this vault holds
    assert panel.claim_label is not None
    assert "sender's claim: valid, signed by Partner Camera" in panel.claim_label.text()


def test_a_signed_video_shows_its_credentials_in_the_media_viewer(
        qtbot: QtBot, archive: Archive, signer: CredentialSigner) -> None:
    clip = sign(media_builders.mp4(media=bytes(range(256)) * 4), signer, manifest("clip.mp4"),
                mime="video/mp4")
    item = archive.store_content(archive.list_incidents()[0].id, io.BytesIO(clip), "clip.mp4")
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, MediaViewer)
    assert viewer.credentials is not None and viewer.credentials.state == "valid"
