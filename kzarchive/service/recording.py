"""Testimony recorded inside the app: PCM in, a WAV item out, nothing in clear on disk.

``archive.recordings.start(...)`` returns a ``Recording``; its ``write`` takes PCM
as the input device gives it.  The samples go straight into an encrypted journal
(``vault.journal``) whose key is in a committed database row (``meta``, key
``recording:<id>``) with the recording's details; ``stop`` streams the journal back
through a WAV header, now that its sizes are known, into the ordinary blob writer
(hashed, padded, encrypted) and stores the item under the recording's id.

A crash leaves the row and the journal.  The next unlock (``recover_interrupted``)
stores every whole chunk that authenticates as an item marked "partial recording,
recovered" (notes, metadata and the custody entry say so), or, when not one whole
sample frame survived, nothing.  See docs/decisions.md, "Recording testimony".
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from kzarchive.errors import (
    BadInput,
    IntegrityError,
    KzError,
    NotFound,
    RecordingTooLong,
    from_os_error,
)
from kzarchive.service.models import Item
from kzarchive.service.records import new_id
from kzarchive.service.session import VaultSession
from kzarchive.util.canonical import utc_timestamp
from kzarchive.vault import journal

if TYPE_CHECKING:
    from kzarchive.service.evidence import Evidence
    from kzarchive.service.incidents import Incidents

log = logging.getLogger(__name__)

META_PREFIX = "recording:"
HEADER_SIZE = 44
# The RIFF size field (32 bits) counts everything after itself: 36 header bytes, the
# samples and a pad byte when their count is odd.
MAX_DATA_SIZE = 0xFFFF_FFFF - 36 - 1
PARTIAL_NOTE = "partial recording, recovered"
RECOVERED_NOTE = "recording recovered after an interruption"
PURPOSES = ("testimony", "consent")
_WIDTHS = (1, 2, 3, 4)
_NO_ROOM = ("the vault's drive has no room for the recording; what was recorded so far "
            "is kept and stored at the next unlock")


@dataclass(frozen=True)
class AudioFormat:
    """Integer PCM, little-endian, interleaved; 8-bit samples are unsigned (as in WAV)."""

    sample_rate: int
    channels: int
    sample_width: int

    def __post_init__(self) -> None:
        if not 1000 <= self.sample_rate <= 768_000:
            raise BadInput(what=f"a sample rate of {self.sample_rate} Hz")
        if not 1 <= self.channels <= 8:
            raise BadInput(what=f"{self.channels} audio channels")
        if self.sample_width not in _WIDTHS:
            raise BadInput(what=f"samples of {self.sample_width} bytes")

    @property
    def frame_size(self) -> int:
        return self.channels * self.sample_width

    @property
    def byte_rate(self) -> int:
        return self.sample_rate * self.frame_size


def wav_header(fmt: AudioFormat, data_size: int) -> bytes:
    """The 44-byte header of a PCM WAV file whose samples take ``data_size`` bytes."""
    pad = data_size % 2
    return b"".join([
        b"RIFF", struct.pack("<I", 36 + data_size + pad), b"WAVE",
        b"fmt ", struct.pack("<IHHIIHH", 16, 1, fmt.channels, fmt.sample_rate,
                             fmt.byte_rate, fmt.frame_size, 8 * fmt.sample_width),
        b"data", struct.pack("<I", data_size),
    ])


def peak_level(pcm: bytes | bytearray | memoryview, sample_width: int) -> float:
    """The loudest sample of ``pcm`` as a fraction of full scale (0.0 to 1.0), for a meter."""
    import numpy as np

    data = memoryview(pcm).cast("B")
    usable = len(data) - len(data) % sample_width
    if usable == 0:
        return 0.0
    raw = np.frombuffer(data[:usable], dtype=np.uint8)
    if sample_width == 1:
        return float(np.abs(raw.astype(np.int16) - 128).max()) / 128.0
    if sample_width == 3:
        triples = raw.reshape(-1, 3).astype(np.int32)
        values = triples[:, 0] | (triples[:, 1] << 8) | (triples[:, 2] << 16)
        values = np.where(values >= 1 << 23, values - (1 << 24), values)
        return float(np.abs(values).max()) / float(1 << 23)
    dtype = np.dtype("<i2") if sample_width == 2 else np.dtype("<i4")
    samples = raw.view(dtype).astype(np.int64)
    return min(1.0, float(np.abs(samples).max()) / float(1 << (8 * sample_width - 1)))


@dataclass(frozen=True)
class RecordingDetails:
    """What the database keeps of a recording under way: enough to store it after a crash."""

    recording_id: str
    incident_id: str
    key: str
    sample_rate: int
    channels: int
    sample_width: int
    started: str
    witness: str | None = None
    language: str = ""
    notes: str = ""
    purpose: str = "testimony"
    consent_of: str | None = None
    consent_item: str | None = None

    @property
    def format(self) -> AudioFormat:
        return AudioFormat(self.sample_rate, self.channels, self.sample_width)

    @classmethod
    def from_json(cls, text: str) -> RecordingDetails:
        return cls(**json.loads(text))


class _WavStream:
    """header + samples (cut to whole frames) + pad byte, read like a file."""

    def __init__(self, fmt: AudioFormat, chunks: Iterator[bytes], data_size: int,
                 expected: str | None):
        self._parts = iter([wav_header(fmt, data_size)])
        self._expected = expected
        self._chunks = chunks
        self._left = data_size
        self._pad = b"\0" * (data_size % 2)
        self._buffer = b""
        self.sha256 = hashlib.sha256()

    def _next_part(self) -> bytes:
        for part in self._parts:
            return part
        if self._left > 0:
            for chunk in self._chunks:
                piece = chunk[: self._left]
                self._left -= len(piece)
                self.sha256.update(piece)
                return piece
            raise IntegrityError(what="a recording's journal ended before its recorded length")
        if self._expected is not None and self.sha256.hexdigest() != self._expected:
            # Raised inside the blob write: nothing is stored, the journal stays.
            raise IntegrityError(what="a recording read back from its journal differs from "
                                 "what was recorded")
        self._expected = None
        pad, self._pad = self._pad, b""
        return pad

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            part = self._next_part()
            if not part:
                break
            self._buffer += part
        if size < 0:
            size = len(self._buffer)
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


class Recording:
    """One recording under way: ``write`` PCM, then ``stop`` (stores it) or ``discard``."""

    def __init__(self, recordings: Recordings, details: RecordingDetails,
                 writer: journal.JournalWriter, max_data_size: int):
        self._recordings = recordings
        self.details = details
        self.format = details.format
        self._writer = writer
        self._digest = hashlib.sha256()
        self._max = max_data_size - max_data_size % self.format.frame_size
        self.length = 0
        self.pauses: list[int] = []
        self._rest = b""
        self._done = False

    @property
    def id(self) -> str:
        return self.details.recording_id

    @property
    def seconds(self) -> float:
        """Recorded time: whole frames over the sample rate (pauses are not counted)."""
        return (self.length // self.format.frame_size) / self.format.sample_rate

    @property
    def full(self) -> bool:
        return self.length >= self._max

    def write(self, pcm: bytes | bytearray | memoryview) -> None:
        """Appends samples (a device may cut a frame in two: the rest waits for the next
        write).  Raises RecordingTooLong once the WAV size limit is reached (what fits
        is kept); BadInput after stop or discard."""
        if self._done:
            raise BadInput(what="the recording has already ended")
        data = self._rest + bytes(memoryview(pcm).cast("B"))
        whole = len(data) - len(data) % self.format.frame_size
        room = self._max - self.length
        kept = data[: min(whole, room)]
        self._rest = data[whole:] if whole <= room else b""
        if kept:
            try:
                self._writer.append(kept)
            except OSError as exc:
                raise from_os_error(exc, _NO_ROOM) from None
            self._digest.update(kept)
            self.length += len(kept)
        if whole > room:
            hours = f"{self._max / self.format.byte_rate / 3600:.1f}"
            raise RecordingTooLong(hours=hours)

    def pause(self) -> None:
        """Marks where the recording was paused, in milliseconds (kept in the metadata)."""
        self.pauses.append(self.length * 1000 // self.format.byte_rate)

    def stop(self) -> Item:
        """Stores the recording as an item (its id is the recording's).  Raises DiskFull,
        IntegrityError (the journal does not read back as written); the journal and its
        row then stay, and the next unlock stores what they hold."""
        if self._done:
            raise BadInput(what="the recording has already ended")
        if self.length == 0:
            self.discard()
            raise BadInput(what="nothing was recorded")
        self._done = True
        try:
            self._writer.finish()
        except OSError as exc:
            raise from_os_error(exc, _NO_ROOM) from None
        return self._recordings.store(self.details, self.length, self._digest.hexdigest(),
                                      self.pauses)

    def discard(self) -> None:
        """Drops the recording: nothing of it is kept."""
        if self._done:
            return
        self._done = True
        self._writer.discard()
        self._recordings.forget(self.id)


class Recordings:
    """Recordings of one open vault (``archive.recordings``)."""

    def __init__(self, session: VaultSession, evidence: Callable[[], Evidence],
                 incidents: Callable[[], Incidents]):
        # The two services are asked for when first needed: every unlock runs
        # recover_interrupted, which nearly always finds nothing to store and must
        # not load the evidence service (and Pillow) for nothing.
        self._session = session
        self._evidence_of = evidence
        self._incidents_of = incidents

    @property
    def _evidence(self) -> Evidence:
        return self._evidence_of()

    @property
    def _incidents(self) -> Incidents:
        return self._incidents_of()

    def start(
        self, incident_id: str, fmt: AudioFormat, *, witness: str | None = None,
        language: str = "", notes: str = "", purpose: str = "testimony",
        consent_of: str | None = None, consent_item: str | None = None,
        sync_interval: float = 2.0, max_data_size: int = MAX_DATA_SIZE,
    ) -> Recording:
        """A new recording of the incident.

        ``purpose`` "consent" makes it the spoken consent of the person ``consent_of``
        (a person of the incident); a testimony may name the consent item it follows.
        Raises NotFound, BadInput.
        """
        self._session.require_incident(incident_id)
        if purpose not in PURPOSES:
            raise BadInput(what=f"'{purpose}' is not a kind of recording")
        if consent_of is not None:
            self._check_person(incident_id, consent_of)
        elif purpose == "consent":
            raise BadInput(what="a consent statement needs the person who gives it")
        if (consent_item is not None
                and self._evidence.get_item(consent_item).incident_id != incident_id):
            raise NotFound(what="item of this incident", ident=consent_item)
        recording_id = new_id()  # also the item's id
        details = RecordingDetails(
            recording_id=recording_id, incident_id=incident_id, key=os.urandom(16).hex(),
            sample_rate=fmt.sample_rate, channels=fmt.channels,
            sample_width=fmt.sample_width, started=utc_timestamp(), witness=witness or None,
            language=language, notes=notes, purpose=purpose, consent_of=consent_of,
            consent_item=consent_item)
        # The row first: a journal is never on disk without the key that reads it.
        with self._session.transaction() as db:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                       (META_PREFIX + recording_id, json.dumps(asdict(details))))
        try:
            writer = journal.JournalWriter(journal.journal_path(self._session.path, recording_id),
                                           bytes.fromhex(details.key), sync_interval)
        except BaseException:
            self.forget(recording_id)
            raise
        return Recording(self, details, writer, max_data_size)

    def _check_person(self, incident_id: str, person_id: str) -> None:
        person = self._incidents.get_person(person_id)
        if person.incident_id != incident_id:
            raise NotFound(what="person of this incident", ident=person_id)

    def forget(self, recording_id: str) -> None:
        with self._session.transaction() as db:
            db.execute("DELETE FROM meta WHERE key = ?", (META_PREFIX + recording_id,))
        journal.remove(journal.journal_path(self._session.path, recording_id))

    def store(self, details: RecordingDetails, length: int | None = None,
              expected: str | None = None, pauses: list[int] | None = None) -> Item:
        """The journal of ``details`` as a WAV item; then the row and journal are gone.

        ``length`` and ``expected`` (the samples' SHA-256) come from a recording that
        ended normally; without them the journal is one left by a crash, and what of
        it authenticates is stored as recovered.
        """
        path = journal.journal_path(self._session.path, details.recording_id)
        key = bytes.fromhex(details.key)
        fmt = details.format
        recovered = length is None
        if length is None:
            content = journal.JournalContent(path, key)
            length = sum(len(chunk) for chunk in content)
            state = "complete, recovered" if content.complete else "partial, recovered"
        else:
            state = "complete"
        data_size = min(length - length % fmt.frame_size, MAX_DATA_SIZE)
        stream = _WavStream(fmt, iter(journal.JournalContent(path, key)), data_size, expected)
        recording: dict[str, Any] = {
            "state": state, "started": details.started, "purpose": details.purpose,
            "milliseconds": data_size * 1000 // fmt.byte_rate,
        }
        if pauses:
            recording["paused_at_ms"] = pauses
        if details.consent_of:
            recording["consent_of"] = details.consent_of
        if details.consent_item:
            recording["consent_item"] = details.consent_item
        notes = details.notes
        if recovered:
            mark = PARTIAL_NOTE if state.startswith("partial") else RECOVERED_NOTE
            notes = "; ".join(part for part in (details.notes, mark) if part)
        label = "consent" if details.purpose == "consent" else "testimony"
        name = f"{label}-{details.started[:19].replace(':', '-')}.wav"
        item = self._evidence.store_content(
            details.incident_id, cast(BinaryIO, stream), name=name, kind="testimony", notes=notes,
            language=details.language, witness=details.witness,
            expected_size=HEADER_SIZE + data_size, mime="audio/wav",
            item_id=details.recording_id, log_details={"recording": recording},
            extra_metadata={"recording": recording})
        if details.purpose == "consent" and details.consent_of:
            self._note_consent(details.consent_of, details.started[:10])
        self.forget(details.recording_id)
        return item

    def _note_consent(self, person_id: str, day: str) -> None:
        """The person's consent record says consent was given (and when, if it did not)."""
        person = self._incidents.get_person(person_id)
        changes: dict[str, Any] = {}
        if not person.consent_given:
            changes["consent_given"] = True
        if not person.consent_date:
            changes["consent_date"] = day
        if changes:
            self._incidents.update_person(person_id, **changes)

    def add_typed_consent(self, incident_id: str, person_id: str, text: str,
                          language: str = "") -> Item:
        """A typed consent statement, linked to the person's consent record.
        Raises NotFound, BadInput."""
        self._check_person(incident_id, person_id)
        person = self._incidents.get_person(person_id)
        consent = {"purpose": "consent", "form": "typed", "consent_of": person_id}
        item = self._evidence.add_text(
            incident_id, text, witness=person.pseudonym, language=language,
            name=f"consent-{utc_timestamp()[:10]}.txt", extra_metadata={"consent": consent})
        self._note_consent(person_id, utc_timestamp()[:10])
        return item

    def consent_statements(self, person_id: str) -> list[Item]:
        """The person's recorded or typed consent statements, oldest first."""
        person = self._incidents.get_person(person_id)
        found = []
        for item in self._evidence.list_items(person.incident_id):
            for key in ("recording", "consent"):
                link = item.metadata.get(key)
                if (isinstance(link, dict) and link.get("purpose") == "consent"
                        and link.get("consent_of") == person_id):
                    found.append(item)
                    break
        return found

    # -- after a crash -----------------------------------------------------------------

    def under_way(self) -> list[RecordingDetails]:
        with self._session.read() as db:
            rows = db.execute("SELECT value FROM meta WHERE key LIKE ? ORDER BY key",
                              (META_PREFIX + "%",)).fetchall()
        return [RecordingDetails.from_json(row[0]) for row in rows]

    def recover_interrupted(self) -> list[str]:
        """Stores what interrupted recordings left; returns the ids of the items made.

        Runs at unlock, before anything else can record.  A recording that cannot be
        stored now (no room) keeps its journal for the next unlock.
        """
        recovered = []
        for details in self.under_way():
            try:
                if self._already_stored(details.recording_id):
                    self.forget(details.recording_id)
                    continue
                path = journal.journal_path(self._session.path, details.recording_id)
                content = journal.JournalContent(path, bytes.fromhex(details.key))
                length = sum(len(chunk) for chunk in content)
                if length < details.format.frame_size:
                    self.forget(details.recording_id)
                    continue
                item = self.store(details)
                recovered.append(item.id)
            except KzError as exc:
                log.warning("an interrupted recording could not be stored yet: %s",
                            type(exc).__name__)
        known = {details.recording_id for details in self.under_way()}
        for stray in journal.leftover_ids(self._session.path) - known:
            # A journal without its row: its item was stored, only the deletion was cut.
            journal.remove(journal.folder(self._session.path) / f"{stray}{journal.SUFFIX}")
        return recovered

    def _already_stored(self, item_id: str) -> bool:
        try:
            self._evidence.get_item(item_id)
        except NotFound:
            return False
        return True
