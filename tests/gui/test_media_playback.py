"""Video and audio played from the vault, with seeking, and nothing in clear on disk."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QIODevice, QLoggingCategory, Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.gui.media_device import PayloadDevice
from kzarchive.gui.viewers import MediaViewer, open_viewer
from tests.gui.viewer_helpers import context_of, label_texts, open_archive, store

MEDIA = Path(__file__).resolve().parent / "media"
CLIP = (MEDIA / "clip.mp4").read_bytes()
TONE = (MEDIA / "tone.ogg").read_bytes()
WINDOW = 32
State, Status = QMediaPlayer.PlaybackState, QMediaPlayer.MediaStatus


@pytest.fixture()
def archive(vault: tuple[Path, str], tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    # Anything Qt or FFmpeg put in "the temp folder" lands where the test can see it.
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    yield from open_archive(vault)


def _viewer(qtbot: QtBot, archive: Archive, data: bytes, name: str) -> MediaViewer:
    item = store(archive, data, name)
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, MediaViewer)
    return viewer


def _windows(data: bytes) -> set[bytes]:
    """Every 32-byte run of the recording that could come from nowhere else.

    Runs of a few repeated values (zero padding in the container) also occur in
    unrelated files, such as a database's shared-memory file; they prove nothing.
    """
    runs = (data[i : i + WINDOW] for i in range(len(data) - WINDOW + 1))
    return {run for run in runs if len(set(run)) >= 16}


def _temp_folders(temp: Path) -> list[Path]:
    """The system temp folder's entries, but not other test runs' own folders."""
    return [entry for entry in temp.iterdir() if not entry.name.startswith("pytest-of-")]


def _files_holding(windows: set[bytes], folders: list[Path], since: float) -> list[Path]:
    found = []
    for folder in folders:
        for path in [folder, *folder.rglob("*")] if folder.is_dir() else [folder]:
            try:
                if not path.is_file() or path.stat().st_mtime < since:
                    continue
                data = path.read_bytes()
            except OSError:
                continue  # gone, or not ours to read
            if any(data[i : i + WINDOW] in windows for i in range(len(data) - WINDOW + 1)):
                found.append(path)
    return found


def _picture_shown(viewer: MediaViewer) -> bool:
    """A frame of the test pattern (colour bars) is on the screen, not just black."""
    assert viewer.video is not None
    shot = viewer.video.viewport().grab().toImage()
    centre = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    return max(centre.red(), centre.green(), centre.blue()) > 30


def test_a_video_plays_and_seeks_from_the_vault_leaving_nothing_in_clear(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    started = time.time() - 1
    viewer = _viewer(qtbot, archive, CLIP, "задержание.mp4")
    player = viewer.player
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=10_000)
    assert player.duration() == pytest.approx(2000, abs=100)
    qtbot.waitUntil(lambda: _picture_shown(viewer), timeout=5000)  # the first picture
    assert viewer.slider.maximum() == player.duration()

    qtbot.mouseClick(viewer.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.playbackState() == State.PlayingState, timeout=5000)
    assert viewer.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: player.position() > 0, timeout=5000)
    qtbot.waitUntil(lambda: _picture_shown(viewer), timeout=5000)

    # Nothing decrypted was written while it played: not in the temp folders, not in the vault.
    system_temp = Path(tempfile.gettempdir())
    folders = [archive.path, tmp_path / "tmp", *_temp_folders(system_temp)]
    windows = _windows(CLIP)
    assert len(windows) > len(CLIP) // 2
    assert _files_holding(windows, folders, started) == []

    qtbot.mouseClick(viewer.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.playbackState() == State.PausedState, timeout=5000)
    player.setPosition(0)
    viewer.slider.setFocus()
    qtbot.keyClick(viewer.slider, Qt.Key.Key_Right)  # one step: one second on
    qtbot.waitUntil(lambda: abs(player.position() - 1000) < 150, timeout=5000)
    assert "0:01 / 0:02" in viewer.time_label.text()


def test_playing_prints_none_of_the_recording_s_tags(
        qtbot: QtBot, archive: Archive, capfd: pytest.CaptureFixture[str]) -> None:
    # FFmpeg describes each file it opens on stderr, tags included, unless told not to;
    # desktops may keep an app's stderr in a log file.
    QLoggingCategory.setFilterRules("")
    viewer = _viewer(qtbot, archive, (MEDIA / "tagged.mp4").read_bytes(), "tagged.mp4")
    qtbot.waitUntil(lambda: viewer.player.duration() > 0, timeout=10_000)
    viewer.player.play()
    qtbot.waitUntil(lambda: viewer.player.position() > 0, timeout=5000)
    printed = capfd.readouterr()
    for secret in ("Задержание у акимата", "43.2389", "076.9456"):
        assert secret not in printed.err and secret not in printed.out


def test_audio_plays_from_the_vault(qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, TONE, "голос.ogg")
    assert viewer.video is None
    viewer.player.play()
    qtbot.waitUntil(lambda: viewer.player.mediaStatus() in (Status.BufferedMedia,
                                                            Status.EndOfMedia), timeout=10_000)
    qtbot.waitUntil(lambda: viewer.player.position() > 0, timeout=5000)
    assert not viewer.failed


def test_a_recording_qt_cannot_play_offers_extract(qtbot: QtBot, archive: Archive) -> None:
    ftyp = CLIP[: int.from_bytes(CLIP[:4], "big")]
    broken = ftyp + b"\xff" * 2000  # an MP4's first box, then nothing playable
    viewer = _viewer(qtbot, archive, broken, "broken.mp4")
    viewer.player.play()
    qtbot.waitUntil(lambda: viewer.failed, timeout=10_000)
    assert "cannot be played" in label_texts(viewer.pages.currentWidget())
    extract = cast(QWidget, viewer.pages.currentWidget()).findChildren(QPushButton)[0]
    qtbot.mouseClick(extract, Qt.MouseButton.LeftButton)
    assert viewer.extract_warning is not None
    assert "unencrypted" in viewer.extract_warning.text()
    viewer.extract_warning.close()


def test_altered_content_is_refused_not_played(qtbot: QtBot, archive: Archive) -> None:
    item = store(archive, CLIP, "clip.mp4")
    path = archive.blobs.path(archive.evidence.blob_of(item.id)[0])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, MediaViewer) and viewer.failed
    assert "Integrity check failed" in viewer.status_label.text()


def test_closing_the_viewer_stops_playback_and_closes_the_reader(
        qtbot: QtBot, archive: Archive) -> None:
    viewer = _viewer(qtbot, archive, CLIP, "clip.mp4")
    viewer.player.play()
    qtbot.waitUntil(lambda: viewer.player.playbackState() == State.PlayingState, timeout=5000)
    device = viewer.device
    assert device is not None
    viewer.close()
    assert viewer.player.playbackState() == State.StoppedState
    assert not device.isOpen() and device.read(10) == b""


# -- the device on its own ---------------------------------------------------------------


def test_the_device_reads_and_seeks_like_a_file(archive: Archive) -> None:
    item = store(archive, CLIP, "clip.mp4")
    device = PayloadDevice(archive.open_item(item.id))
    assert device.open_for_reading()
    assert not device.isSequential() and device.size() == len(CLIP)
    assert bytes(device.read(100).data()) == CLIP[:100]
    assert device.seek(5000) and device.pos() == 5000
    assert bytes(device.read(64).data()) == CLIP[5000:5064]
    assert device.seek(len(CLIP) - 10)
    assert bytes(device.readAll().data()) == CLIP[-10:]
    assert device.atEnd()
    assert not device.seek(len(CLIP) + 1) and not device.seek(-1)
    assert device.openMode() & QIODevice.OpenModeFlag.Unbuffered
    device.close()
    assert not device.isOpen()


def test_the_device_stops_at_altered_content(archive: Archive) -> None:
    big = os.urandom(200_000)  # several chunks, so one can be altered after opening
    item = store(archive, big, "noise.bin")
    path = archive.blobs.path(archive.evidence.blob_of(item.id)[0])
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01  # inside the first chunk
    path.write_bytes(bytes(data))
    device = PayloadDevice(archive.open_item(item.id))
    device.open_for_reading()
    assert device.seek(150_000)
    assert bytes(device.read(10).data()) == big[150_000:150_010]
    device.seek(0)
    assert bytes(device.read(10).data()) == b""
    assert device.failure is not None and "Integrity" in device.errorString()
    device.close()


def test_the_scan_would_find_a_piece_of_the_recording_in_clear(tmp_path: Path) -> None:
    started = time.time() - 1
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "cache.bin").write_bytes(b"header" + CLIP[3000:3040] + b"tail")
    (tmp_path / "zeros.bin").write_bytes(bytes(4096))
    assert _files_holding(_windows(CLIP), [tmp_path], started) == [
        tmp_path / "nested" / "cache.bin"]
