"""Recording into the vault: the item is the WAV of exactly what was recorded."""

from __future__ import annotations

import errno
import io
import json
import os
import wave
from dataclasses import asdict
from pathlib import Path

import pytest

from kzarchive.archive import Archive
from kzarchive.errors import BadInput, DiskFull, NotFound, RecordingTooLong
from kzarchive.service.recording import (
    PARTIAL_NOTE,
    AudioFormat,
    Recording,
    peak_level,
    wav_header,
)
from kzarchive.vault import journal
from tests.conftest import PASSPHRASE
from tests.connection import connection_of
from tests.recording.sine import FORMAT, SineSource


def record(archive: Archive, incident_id: str, pcm: bytes, piece: int = 3001,
           **options: object) -> Recording:
    recording = archive.recordings.start(incident_id, FORMAT, **options)  # type: ignore[arg-type]
    for offset in range(0, len(pcm), piece):
        recording.write(pcm[offset : offset + piece])
    return recording


def frames_of(data: bytes) -> tuple[tuple[int, int, int], bytes]:
    """(rate, channels, sample width) and the samples of a WAV file."""
    with wave.open(io.BytesIO(data)) as reader:
        shape = (reader.getframerate(), reader.getnchannels(), reader.getsampwidth())
        return shape, reader.readframes(reader.getnframes())


@pytest.fixture()
def incident(archive: Archive) -> str:
    return archive.add_incident(title="Testimony at the court")


def test_a_stopped_recording_is_a_wav_item_of_exactly_the_samples(
        archive: Archive, incident: str) -> None:
    pcm = SineSource().seconds(5.3)
    item = record(archive, incident, pcm, witness="Witness-7", language="kk",
                  notes="at the court steps").stop()
    assert (item.mime, item.kind, item.witness, item.language) == (
        "audio/wav", "testimony", "Witness-7", "kk")
    assert item.notes == "at the court steps"
    with archive.open_item(item.id) as reader:
        data = reader.read()
    wav, frames = frames_of(data)
    assert wav == (16_000, 1, 2)
    assert frames == pcm
    assert item.metadata["recording"]["state"] == "complete"
    assert item.metadata["recording"]["milliseconds"] == 5300
    assert item.metadata["duration_ms"] == 5300
    entry = archive.custody_entries(incident)[-1]
    assert entry.action == "item.added" and entry.item_id == item.id
    assert entry.details["recording"]["state"] == "complete"
    archive.verify()
    # Nothing of the recording is left beside the item.
    assert journal.leftover_ids(archive.path) == set()
    assert archive.recordings.under_way() == []


def test_frames_split_across_writes_are_joined(archive: Archive, incident: str) -> None:
    fmt = AudioFormat(8000, 2, 3)
    pcm = os.urandom(6 * 8000)
    recording = archive.recordings.start(incident, fmt)
    for offset in range(0, len(pcm), 7):  # never a whole frame of 6 bytes
        recording.write(pcm[offset : offset + 7])
    recording.write(b"\x01\x02")  # half a frame at the end is not a sample
    item = recording.stop()
    with archive.open_item(item.id) as reader:
        wav, frames = frames_of(reader.read())
    assert (wav, frames) == ((8000, 2, 3), pcm)


def test_an_odd_sample_count_gets_the_riff_pad_byte() -> None:
    header = wav_header(AudioFormat(8000, 1, 1), 3)
    assert int.from_bytes(header[4:8], "little") == 36 + 3 + 1
    assert int.from_bytes(header[40:44], "little") == 3


def test_pauses_are_kept_and_time_counts_only_recorded_samples(
        archive: Archive, incident: str) -> None:
    source = SineSource()
    recording = archive.recordings.start(incident, FORMAT)
    recording.write(source.seconds(1.5))
    recording.pause()
    recording.write(source.seconds(0.5))
    assert recording.seconds == pytest.approx(2.0)
    item = recording.stop()
    assert item.metadata["recording"]["paused_at_ms"] == [1500]


def test_the_size_limit_stops_at_a_whole_frame_and_keeps_what_fits(
        archive: Archive, incident: str) -> None:
    recording = archive.recordings.start(incident, FORMAT, max_data_size=10_001)
    with pytest.raises(RecordingTooLong):
        recording.write(SineSource().seconds(1))
    assert recording.full and recording.length == 10_000
    with pytest.raises(RecordingTooLong):
        recording.write(b"\0\0")
    item = recording.stop()
    assert item.size == 44 + 10_000


def test_discard_keeps_nothing(archive: Archive, incident: str) -> None:
    recording = record(archive, incident, SineSource().seconds(1))
    recording.discard()
    assert archive.list_items(incident) == []
    assert journal.leftover_ids(archive.path) == set()
    assert archive.recordings.under_way() == []
    with pytest.raises(BadInput):
        recording.write(b"\0\0")


def test_an_empty_recording_is_refused_and_leaves_nothing(
        archive: Archive, incident: str) -> None:
    recording = archive.recordings.start(incident, FORMAT)
    with pytest.raises(BadInput, match="nothing was recorded"):
        recording.stop()
    assert archive.list_items(incident) == []
    assert journal.leftover_ids(archive.path) == set()


def test_bad_formats_and_unknown_incidents_are_refused(archive: Archive) -> None:
    for rate, channels, width in ((0, 1, 2), (16_000, 0, 2), (16_000, 1, 5)):
        with pytest.raises(BadInput):
            AudioFormat(rate, channels, width)
    with pytest.raises(NotFound):
        archive.recordings.start("0" * 32, FORMAT)


def test_the_journal_on_disk_is_ciphertext_under_a_key_in_the_database(
        archive: Archive, incident: str) -> None:
    pcm = SineSource().seconds(3)
    recording = record(archive, incident, pcm)
    path = journal.journal_path(archive.path, recording.id)
    on_disk = path.read_bytes()
    assert len(on_disk) >= 16 + 65_536  # whole chunks are on disk while recording
    assert not any(pcm[i : i + 32] in on_disk for i in range(0, len(pcm) - 32, 97))
    stored = connection_of(archive).execute(
        "SELECT value FROM meta WHERE key = ?", (f"recording:{recording.id}",)).fetchone()
    assert json.loads(stored[0])["key"] not in on_disk.hex()
    recording.stop()


def test_peak_level_reads_each_sample_width() -> None:
    assert peak_level(bytes([128, 128, 255]), 1) == pytest.approx(127 / 128)
    assert peak_level((16384).to_bytes(2, "little", signed=True) * 4, 2) == pytest.approx(0.5)
    assert peak_level((-(1 << 22)).to_bytes(3, "little", signed=True), 3) == pytest.approx(0.5)
    assert peak_level((-(1 << 31)).to_bytes(4, "little", signed=True), 4) == 1.0
    assert peak_level(b"", 2) == 0.0
    assert peak_level(SineSource(amplitude=0.5).seconds(0.1), 2) == pytest.approx(0.5, abs=0.02)


# -- crash recovery, in process: the journal as a crash leaves it ---------------------


def crashed(archive: Archive, incident: str, seconds: float) -> tuple[str, bytes, Path]:
    """A recording whose process died: the journal and row stay, nothing is finished."""
    pcm = SineSource().seconds(seconds)
    recording = record(archive, incident, pcm)
    path = journal.journal_path(archive.path, recording.id)
    return recording.id, pcm, path


def reopen(archive: Archive) -> Archive:
    path = archive.path
    # Drop the session without running any of the recording's own code.
    archive.close()
    return Archive.open(path, PASSPHRASE)


def test_a_crash_keeps_every_whole_chunk_as_a_partial_item(
        archive: Archive, incident: str) -> None:
    recording_id, pcm, path = crashed(archive, incident, 7.0)
    chunks = (path.stat().st_size - 16) // (65_536 + 16)
    with reopen(archive) as opened:
        assert opened.recovered_recordings == [recording_id]
        item = opened.get_item(recording_id)
        with opened.open_item(item.id) as reader:
            _wav, frames = frames_of(reader.read())
        assert frames == pcm[: chunks * 65_536]
        assert PARTIAL_NOTE in item.notes
        assert item.metadata["recording"]["state"] == "partial, recovered"
        entry = opened.custody_entries(incident)[-1]
        assert entry.details["recording"]["state"] == "partial, recovered"
        assert journal.leftover_ids(opened.path) == set()
        opened.verify()
    with Archive.open(path.parent.parent, PASSPHRASE) as again:
        assert again.recovered_recordings == []


def test_a_torn_last_chunk_is_dropped_not_stored(archive: Archive, incident: str) -> None:
    recording_id, pcm, path = crashed(archive, incident, 7.0)
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # half a chunk more, as a write cut by the crash
        handle.seek(size)
        handle.write(os.urandom(30_000))
    with reopen(archive) as opened:
        item = opened.get_item(recording_id)
        with opened.open_item(item.id) as reader:
            _wav, frames = frames_of(reader.read())
        assert frames == pcm[: len(frames)] and len(frames) % 65_536 == 0


def test_an_altered_byte_keeps_only_what_came_before_it(
        archive: Archive, incident: str) -> None:
    recording_id, pcm, path = crashed(archive, incident, 7.0)
    data = bytearray(path.read_bytes())
    data[16 + 65_552 + 100] ^= 0x01  # inside the second chunk
    path.write_bytes(bytes(data))
    with reopen(archive) as opened:
        with opened.open_item(recording_id) as reader:
            _wav, frames = frames_of(reader.read())
        assert frames == pcm[:65_536]


def test_a_crash_before_the_first_whole_chunk_leaves_nothing(
        archive: Archive, incident: str) -> None:
    _recording_id, _pcm, _path = crashed(archive, incident, 1.0)  # 32 000 bytes: no chunk
    with reopen(archive) as opened:
        assert opened.list_items(incident) == []
        assert opened.recovered_recordings == []
        assert journal.leftover_ids(opened.path) == set()
        assert opened.recordings.under_way() == []


def test_a_crash_after_the_item_was_stored_does_not_store_it_twice(
        archive: Archive, incident: str) -> None:
    pcm = SineSource().seconds(3)
    recording = record(archive, incident, pcm)
    details = recording.details
    item = recording.stop()
    # As if the process died after the item's commit, before the row and journal went.
    with archive.transaction() as db:
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                   (f"recording:{item.id}", json.dumps(asdict(details))))
    journal.journal_path(archive.path, item.id).write_bytes(b"leftover")
    with reopen(archive) as opened:
        assert [i.id for i in opened.list_items(incident)] == [item.id]
        assert opened.recovered_recordings == []
        assert journal.leftover_ids(opened.path) == set()
        assert opened.recordings.under_way() == []


def test_a_finished_journal_whose_item_was_not_stored_is_recovered_whole(
        archive: Archive, incident: str) -> None:
    pcm = SineSource().seconds(3)
    recording = record(archive, incident, pcm)
    recording._writer.finish()  # sealed, then the crash: no item yet
    with reopen(archive) as opened:
        item = opened.get_item(recording.id)
        with opened.open_item(item.id) as reader:
            assert frames_of(reader.read())[1] == pcm
        assert item.metadata["recording"]["state"] == "complete, recovered"
        assert PARTIAL_NOTE not in item.notes


def test_a_journal_without_its_row_is_removed(archive: Archive, incident: str) -> None:
    stray = journal.journal_path(archive.path, "ab" * 16)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(os.urandom(100))
    with reopen(archive) as opened:
        assert journal.leftover_ids(opened.path) == set()
        assert opened.list_items(incident) == []


# -- consent --------------------------------------------------------------------------


def test_spoken_consent_is_linked_to_the_persons_consent_record(
        archive: Archive, incident: str) -> None:
    person = archive.add_person(incident, role="witness", pseudonym="Aigerim-3")
    source = SineSource()
    consent = record(archive, incident, source.seconds(2), purpose="consent",
                     consent_of=person, witness="Aigerim-3", language="ru").stop()
    testimony = record(archive, incident, source.seconds(2), consent_item=consent.id,
                       witness="Aigerim-3", language="ru").stop()
    assert consent.metadata["recording"]["consent_of"] == person
    assert testimony.metadata["recording"]["consent_item"] == consent.id
    updated = archive.get_person(person)
    assert updated.consent_given and updated.consent_date
    assert [i.id for i in archive.recordings.consent_statements(person)] == [consent.id]


def test_typed_consent_is_a_text_item_linked_the_same_way(
        archive: Archive, incident: str) -> None:
    person = archive.add_person(incident, role="witness", pseudonym="Bolat")
    item = archive.recordings.add_typed_consent(
        incident, person, "Я согласен, чтобы мои показания были записаны.", language="ru")
    assert item.witness == "Bolat" and item.mime.startswith("text/plain")
    assert archive.get_person(person).consent_given
    assert [i.id for i in archive.recordings.consent_statements(person)] == [item.id]


def test_consent_needs_a_person_of_the_same_incident(archive: Archive, incident: str) -> None:
    other = archive.add_incident(title="Another")
    stranger = archive.add_person(other, role="witness", pseudonym="Elsewhere")
    with pytest.raises(BadInput):
        archive.recordings.start(incident, FORMAT, purpose="consent")
    with pytest.raises(NotFound):
        archive.recordings.start(incident, FORMAT, purpose="consent", consent_of=stranger)
    with pytest.raises(NotFound):
        archive.recordings.add_typed_consent(incident, stranger, "yes")


def test_panic_wipe_removes_a_recording_under_way(archive: Archive, incident: str) -> None:
    recording = record(archive, incident, SineSource().seconds(5))
    assert journal.journal_path(archive.path, recording.id).exists()
    folder = archive.path
    archive.panic_wipe()
    assert not folder.exists()


def test_a_full_drive_while_recording_is_disk_full_and_keeps_what_was_sealed(
        archive: Archive, incident: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pcm = SineSource().seconds(10)
    recording = record(archive, incident, pcm[:150_000])  # two chunks sealed

    def no_room(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kzarchive.vault.journal.os.write", no_room)
    with pytest.raises(DiskFull):
        recording.write(pcm[150_000:])
    monkeypatch.undo()
    with reopen(archive) as opened:
        with opened.open_item(recording.id) as reader:
            _wav, frames = frames_of(reader.read())
        assert frames == pcm[:131_072]


def test_a_consent_item_of_another_incident_is_refused(archive: Archive, incident: str) -> None:
    other = archive.add_incident(title="Another")
    text = archive.add_text(other, "согласие")
    with pytest.raises(NotFound):
        archive.recordings.start(incident, FORMAT, consent_item=text.id)
