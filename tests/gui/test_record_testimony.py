"""The "Record testimony" window, fed by a synthetic microphone.

No test touches a real audio device: the dialog is given a ``CaptureSource`` that
makes a sine tone, so every sample stored can be compared with what was "said".
"""

from __future__ import annotations

import io
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kzarchive.archive import Archive
from kzarchive.errors import NoAudioInput
from kzarchive.gui.audio_capture import InputChoice, microphones
from kzarchive.gui.controller import AppController
from kzarchive.gui.dialogs.record_testimony import (
    SPOKEN,
    TYPED,
    RecordTestimonyDialog,
    clock,
)
from kzarchive.gui.viewers import MediaViewer, open_viewer
from kzarchive.gui.widgets.evidence_panel import EvidencePanel
from kzarchive.service.recording import AudioFormat
from tests.gui.gui_helpers import PASSPHRASE
from tests.gui.test_evidence_workflow import TITLE, open_incident, wait_idle
from tests.gui.viewer_helpers import context_of, open_archive
from tests.recording.sine import FORMAT, SineSource

FRAMES_PER_READ = 4_000  # a quarter second per tick of the dialog: faster than real time


class FakeMicrophone:
    """A CaptureSource: each read gives the next quarter second of a tone."""

    def __init__(self, fail: bool = False) -> None:
        self.format: AudioFormat = FORMAT
        self.tone = SineSource()
        self.given = bytearray()
        self.fail = fail
        self.started = self.suspended = self.stopped = False

    def start(self) -> None:
        if self.fail:
            raise NoAudioInput(what="the microphone could not be opened")
        self.started = True

    def read(self) -> bytes:
        if not self.started or self.suspended or self.stopped:
            return b""
        pcm = self.tone.read(FRAMES_PER_READ)
        self.given += pcm
        return pcm

    def suspend(self) -> None:
        self.suspended = True

    def resume(self) -> None:
        self.suspended = False

    def stop(self) -> None:
        self.stopped = True


class Microphones:
    """One fake device; every open makes a new microphone, kept for the checks."""

    def __init__(self, fail: bool = False) -> None:
        self.opened: list[FakeMicrophone] = []
        self.fail = fail

    def choices(self) -> list[InputChoice]:
        return [InputChoice("Synthetic tone", self._open)]

    def _open(self) -> FakeMicrophone:
        self.opened.append(FakeMicrophone(self.fail))
        return self.opened[-1]


def gone(dialog: RecordTestimonyDialog) -> bool:
    """Closed (and perhaps already deleted, as the panel does after ``finished``)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def samples(archive: Archive, item_id: str) -> bytes:
    with archive.open_item(item_id) as reader, wave.open(io.BytesIO(reader.read())) as wav:
        frames: bytes = wav.readframes(wav.getnframes())
        return frames


def open_recorder(controller: AppController, qtbot: QtBot, vault: Path,
                  mics: Microphones) -> tuple[EvidencePanel, RecordTestimonyDialog]:
    _window, panel = open_incident(controller, qtbot, vault)
    assert panel.record_button.isEnabled()
    panel.record_testimony(mics.choices())
    dialog = panel.record_dialog
    assert isinstance(dialog, RecordTestimonyDialog) and dialog.isVisible()
    return panel, dialog


def record_for(qtbot: QtBot, dialog: RecordTestimonyDialog, mics: Microphones,
               reads: int) -> FakeMicrophone:
    dialog.record_button.click()
    assert dialog.state == "recording"
    mic = mics.opened[-1]
    qtbot.waitUntil(lambda: len(mic.given) >= reads * FRAMES_PER_READ * 2, timeout=10_000)
    return mic


def test_spoken_consent_then_testimony_are_stored_linked_and_whole(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.witness_box.setEditText("Айжан-5")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("kk"))
    dialog.note_edit.setText("у здания суда")
    assert dialog.consent_choice.checkedId() == SPOKEN
    assert dialog.record_button.text() == "Record the consent"
    assert not dialog.stop_button.isEnabled() and not dialog.pause_button.isEnabled()

    consent_mic = record_for(qtbot, dialog, mics, 4)
    assert dialog.stage_label.text() == "Recording the consent…"
    assert not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.level_meter.value() > 40, timeout=5000)  # a half-scale tone
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: dialog.state == "idle", timeout=10_000)
    assert dialog.stage == "testimony" and dialog.record_button.text() == "Record the testimony"
    assert not dialog.witness_box.isEnabled()  # the testimony is the same witness's

    testimony_mic = record_for(qtbot, dialog, mics, 6)
    dialog.pause_button.click()
    assert dialog.state == "paused" and testimony_mic.suspended
    assert dialog.pause_button.text() == "Resume"
    dialog.pause_button.click()
    assert dialog.state == "recording" and not testimony_mic.suspended
    before = len(testimony_mic.given)
    qtbot.waitUntil(lambda: len(testimony_mic.given) > before + 4 * FRAMES_PER_READ,
                    timeout=10_000)
    assert dialog.elapsed_label.text() != "0:00"
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)
    wait_idle(panel, qtbot)

    archive = controller.archive
    assert archive is not None
    assert panel.incident_id is not None
    people = [p for p in archive.list_people(panel.incident_id) if p.pseudonym == "Айжан-5"]
    assert len(people) == 1 and people[0].consent_given and people[0].role == "witness"
    recorded = {i.metadata["recording"]["purpose"]: i
                for i in archive.list_items(panel.incident_id) if i.mime == "audio/wav"}
    consent, testimony = recorded["consent"], recorded["testimony"]
    assert consent.metadata["recording"]["purpose"] == "consent"
    assert consent.metadata["recording"]["consent_of"] == people[0].id
    assert testimony.metadata["recording"]["consent_item"] == consent.id
    assert testimony.metadata["recording"]["paused_at_ms"]
    for item in (consent, testimony):
        assert (item.witness, item.language, item.notes) == ("Айжан-5", "kk", "у здания суда")
    assert samples(archive, consent.id) == bytes(consent_mic.given)
    assert samples(archive, testimony.id) == bytes(testimony_mic.given)
    assert panel.model.row_of(testimony.id) >= 0


def test_typed_consent_is_stored_before_the_testimony(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.consent_choice.button(TYPED).setChecked(True)
    assert dialog.consent_text.isVisibleTo(dialog)
    assert dialog.record_button.text() == "Record the testimony"
    dialog.witness_box.setEditText("Bolat")
    dialog.record_button.click()  # no text typed yet
    assert dialog.state == "idle" and "Type the consent" in dialog.notice.text()
    dialog.consent_text.setPlainText("Я согласен на запись.")
    record_for(qtbot, dialog, mics, 2)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)
    archive = controller.archive
    assert archive is not None and panel.incident_id is not None
    items = archive.list_items(panel.incident_id)
    [typed] = [i for i in items if "consent" in i.metadata]
    [recorded] = [i for i in items if i.mime == "audio/wav"]
    assert typed.metadata["consent"]["form"] == "typed"
    assert archive.read_text(typed.id) == "Я согласен на запись."
    assert recorded.metadata["recording"]["consent_item"] == typed.id


def test_consent_needs_a_witness(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    _panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.record_button.click()
    assert dialog.state == "idle" and not mics.opened
    assert "Name the witness" in dialog.notice.text()


def test_with_no_microphone_the_window_says_so_and_records_nothing(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    _window, panel = open_incident(controller, qtbot, vault[0])
    panel.record_testimony([])
    dialog = panel.record_dialog
    assert dialog is not None
    assert dialog.no_device.isVisible() and "No microphone" in dialog.no_device.text()
    assert not dialog.record_button.isEnabled() and not dialog.device_box.isEnabled()
    assert dialog.stage_label.text() == "Nothing to record from"
    dialog.start_recording()  # nothing happens
    assert dialog.state == "idle"
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_the_systems_microphone_list_can_be_read_without_a_device(qtbot: QtBot) -> None:
    # The real lookup, as the app makes it; the test machines have no audio input.
    found = microphones()
    assert all(isinstance(choice, InputChoice) and choice.name for choice in found)


def test_a_microphone_that_refuses_to_open_is_reported(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones(fail=True)
    panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.consent_choice.button(0).setChecked(True)
    dialog.record_button.click()
    assert dialog.state == "idle" and "could not be opened" in dialog.notice.text()
    assert panel.incident_id is not None
    archive = controller.archive
    assert archive is not None and archive.recordings.under_way() == []


def test_the_window_stays_open_while_recording(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    _panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.consent_choice.button(0).setChecked(True)
    record_for(qtbot, dialog, mics, 1)
    dialog.reject()
    assert dialog.isVisible() and "Stop the recording first" in dialog.notice.text()
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)


def test_being_idle_does_not_lock_the_vault_while_recording(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    _panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.consent_choice.button(0).setChecked(True)
    assert controller.idle.active
    controller.set_auto_lock_ms(300)
    record_for(qtbot, dialog, mics, 1)
    assert not controller.idle.active
    qtbot.wait(600)  # longer than the idle time, and no input
    assert controller.archive is not None and controller.archive.is_open
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)
    assert controller.idle.active  # counting again from the end of the recording
    qtbot.waitUntil(lambda: controller.archive is None, timeout=5000)


def test_locking_while_recording_stores_what_was_recorded(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    mics = Microphones()
    _panel, dialog = open_recorder(controller, qtbot, vault[0], mics)
    dialog.consent_choice.button(0).setChecked(True)
    mic = record_for(qtbot, dialog, mics, 3)
    controller.lock()
    assert gone(dialog)
    with Archive.open(vault[0], PASSPHRASE) as archive:
        [incident] = [i for i in archive.list_incidents() if i.title == TITLE]
        [item] = [i for i in archive.list_items(incident.id) if i.mime == "audio/wav"]
        assert item.metadata["recording"]["state"] == "complete"
        assert samples(archive, item.id) == bytes(mic.given)


def test_a_recording_recovered_at_unlock_is_announced(
        controller: AppController, qtbot: QtBot, vault: tuple[Path, str]) -> None:
    with Archive.open(vault[0], PASSPHRASE) as archive:
        [incident] = archive.list_incidents()
        cut = archive.recordings.start(incident.id, FORMAT)
        cut.write(SineSource().seconds(5))  # and the app dies: never stopped
    controller.vault_opened(Archive.open(vault[0], PASSPHRASE))
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "cut short" in boxes[0].text()
    opened = controller.archive
    assert opened is not None and opened.recovered_recordings == [cut.id]
    assert opened.get_item(cut.id).name in boxes[0].text()
    boxes[0].close()


def test_clock_reads_minutes_and_hours() -> None:
    assert (clock(0), clock(75.9), clock(3 * 3600 + 62)) == ("0:00", "1:15", "3:01:02")


@pytest.fixture()
def archive(vault: tuple[Path, str]) -> Iterator[Archive]:
    yield from open_archive(vault)


def test_a_recorded_testimony_plays_in_the_audio_viewer(qtbot: QtBot, archive: Archive) -> None:
    [incident] = archive.list_incidents()
    recording = archive.recordings.start(incident.id, FORMAT, witness="W")
    recording.write(SineSource().seconds(2))
    item = recording.stop()
    viewer = open_viewer(context_of(archive), item.id, None)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, MediaViewer) and viewer.video is None
    qtbot.waitUntil(lambda: viewer.player.duration() > 0, timeout=10_000)
    assert viewer.player.duration() == pytest.approx(2000, abs=100)
    viewer.player.play()
    qtbot.waitUntil(lambda: viewer.player.position() > 0, timeout=5000)
    assert viewer.player.mediaStatus() != QMediaPlayer.MediaStatus.InvalidMedia
    assert not viewer.failed
    viewer.close()
