"""Recording a testimony, with its consent first, straight into the vault.

The dialog chooses the microphone, the witness (a pseudonym) and the language, and
shows a level meter and the time recorded.  Consent, when asked for, comes first:
spoken (a recording of its own) or typed; the testimony then names it.  The samples
go to the core recorder through ``audio_capture.RecordingJob`` on the vault's
runner; nothing is written in clear anywhere.  With no microphone the dialog says
so and records nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import KzError, NoAudioInput
from kzarchive.gui import labels
from kzarchive.gui.audio_capture import (
    CaptureSource,
    InputChoice,
    RecordingJob,
    RecordingOutcome,
    microphones,
)
from kzarchive.gui.context import ControllerVaultContext, VaultContext
from kzarchive.gui.dialogs.dialog_keys import set_default_button
from kzarchive.gui.dialogs.messages import error_text
from kzarchive.gui.screen_fit import resize_within_screen
from kzarchive.gui.style import label, set_role
from kzarchive.gui.workers import Task
from kzarchive.service.recording import peak_level

TICK_MS = 50
NO_CONSENT, SPOKEN, TYPED = 0, 1, 2


def clock(seconds: float) -> str:
    """Elapsed time as H:MM:SS or M:SS (digits read the same in every language)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RecordTestimonyDialog(QDialog):
    """Emits ``item_stored`` for each item it adds (the consent, then the testimony)."""

    item_stored = Signal(object)

    def __init__(self, context: VaultContext, incident_id: str, parent: QWidget | None = None,
                 inputs: list[InputChoice] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.archive = context.archive
        self.incident_id = incident_id
        self.inputs = microphones() if inputs is None else inputs
        self.source: CaptureSource | None = None
        self.job: RecordingJob | None = None
        self.task: Task | None = None
        self.stage = "consent"
        self.state = "idle"
        self.consent_item: str | None = None
        self._holding = False
        self.setWindowTitle(self.tr("Record testimony"))
        resize_within_screen(self, 620, 480)

        self.device_box = QComboBox()
        for choice in self.inputs:
            self.device_box.addItem(choice.name)
        self.no_device = label(self.tr(
            "No microphone was found. Connect one (or allow this app to use it in the "
            "system's privacy settings), then open this window again. A testimony can also "
            "be typed: Add testimony…"), "error")
        self.witness_box = QComboBox()
        self.witness_box.setEditable(True)
        self.witness_box.addItem("")
        self.witness_box.addItems(
            [person.pseudonym for person in self.archive.list_people(incident_id)])
        witness_line = self.witness_box.lineEdit()
        if witness_line is not None:
            witness_line.setPlaceholderText(self.tr("pseudonym, never a real name"))
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("not stated"), "")
        for code in labels.LANGUAGES:
            self.language_box.addItem(labels.language(code), code)
        self.note_edit = QLineEdit()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Microphone:"), self.device_box)
        form.addRow(self.tr("Witness:"), self.witness_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Note:"), self.note_edit)

        self.consent_group = QGroupBox(self.tr("Consent, before the testimony"))
        self.consent_choice = QButtonGroup(self)
        consent_layout = QVBoxLayout(self.consent_group)
        for number, text in ((NO_CONSENT, self.tr("No consent statement now")),
                             (SPOKEN, self.tr("Spoken: record the witness's consent first")),
                             (TYPED, self.tr("Typed: the consent statement below"))):
            button = QRadioButton(text)
            self.consent_choice.addButton(button, number)
            consent_layout.addWidget(button)
        self.consent_choice.button(SPOKEN).setChecked(True)
        self.consent_text = QPlainTextEdit()
        self.consent_text.setPlaceholderText(self.tr(
            "e.g. I agree that my testimony is recorded and kept by this organisation."))
        self.consent_text.setMaximumHeight(80)
        consent_layout.addWidget(self.consent_text)
        self.consent_choice.idToggled.connect(lambda _id, _on: self._update())

        self.stage_label = label("", "subheading")
        self.elapsed_label = label(clock(0), "heading", wrap=False)
        self.level_meter = QProgressBar()
        self.level_meter.setRange(0, 100)
        self.level_meter.setTextVisible(False)
        self.level_meter.setAccessibleName(self.tr("Input level"))
        self.notice = label("")
        self.notice.hide()
        status = QHBoxLayout()
        status.addWidget(self.stage_label, 1)
        status.addWidget(self.elapsed_label)
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel(self.tr("Level:")))
        level_row.addWidget(self.level_meter, 1)

        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.start_recording)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop and save"))
        self.stop_button.clicked.connect(self.stop_recording)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for push in (self.record_button, self.pause_button, self.stop_button):
            buttons.addWidget(push)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.no_device)
        layout.addLayout(form)
        layout.addWidget(self.consent_group)
        layout.addLayout(status)
        layout.addLayout(level_row)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        set_default_button(self, self.record_button)
        self._update()

    # -- what is shown ----------------------------------------------------------------

    @property
    def has_device(self) -> bool:
        return bool(self.inputs)

    @property
    def busy(self) -> bool:
        return self.state != "idle"

    def _consent_mode(self) -> int:
        return self.consent_choice.checkedId() if self.stage == "consent" else NO_CONSENT

    def _update(self) -> None:
        idle = self.state == "idle"
        self.no_device.setVisible(not self.has_device)
        self.device_box.setEnabled(self.has_device and idle)
        for widget in (self.witness_box, self.language_box, self.note_edit):
            widget.setEnabled(idle and self.stage == "consent")
        self.consent_group.setEnabled(idle and self.stage == "consent")
        self.consent_text.setVisible(self.consent_choice.checkedId() == TYPED)
        spoken = self._consent_mode() == SPOKEN
        self.record_button.setText(self.tr("Record the consent") if spoken
                                   else self.tr("Record the testimony"))
        self.record_button.setEnabled(self.has_device and idle)
        self.pause_button.setEnabled(self.state in ("recording", "paused"))
        self.pause_button.setText(self.tr("Resume") if self.state == "paused"
                                  else self.tr("Pause"))
        self.stop_button.setEnabled(self.state in ("recording", "paused"))
        self.close_button.setEnabled(idle)
        texts = {
            "idle": self.tr("Ready") if self.has_device else self.tr("Nothing to record from"),
            "recording": (self.tr("Recording the consent…") if self._recording_consent()
                          else self.tr("Recording the testimony…")),
            "paused": self.tr("Paused"),
            "storing": self.tr("Saving the recording…"),
        }
        self.stage_label.setText(texts[self.state])

    def _recording_consent(self) -> bool:
        return (self.job is not None
                and self.job.recording.details.purpose == "consent")

    def _show_notice(self, text: str, error: bool = False) -> None:
        set_role(self.notice, "error" if error else "")
        self.notice.style().polish(self.notice)
        self.notice.setText(text)
        self.notice.show()

    # -- recording ---------------------------------------------------------------------

    def _witness(self) -> str:
        return self.witness_box.currentText().strip()

    def _person_for_consent(self) -> str | None:
        """The id of the witness's person record, made when the pseudonym is new."""
        pseudonym = self._witness()
        if not pseudonym:
            self._show_notice(self.tr("Name the witness (a pseudonym) whose consent this is."),
                              error=True)
            return None
        for person in self.archive.list_people(self.incident_id):
            if person.pseudonym == pseudonym:
                return person.id
        return self.archive.add_person(self.incident_id, role="witness", pseudonym=pseudonym)

    def start_recording(self) -> None:
        if self.busy or not self.has_device:
            return
        self.notice.hide()
        mode = self._consent_mode()
        person = None
        try:
            if mode != NO_CONSENT:
                person = self._person_for_consent()
                if person is None:
                    return
            if mode == TYPED:
                text = self.consent_text.toPlainText()
                if not text.strip():
                    self._show_notice(self.tr("Type the consent statement first."), error=True)
                    return
                typed = self.archive.recordings.add_typed_consent(
                    self.incident_id, person or "", text, language=self._language())
                self._consent_stored(typed.id)
                self.item_stored.emit(typed)
            source = self.inputs[self.device_box.currentIndex()].open()
            source.start()
            recording = self.archive.recordings.start(
                self.incident_id, source.format, witness=self._witness() or None,
                language=self._language(), notes=self.note_edit.text().strip(),
                purpose="consent" if mode == SPOKEN else "testimony",
                consent_of=person if mode == SPOKEN else None,
                consent_item=self.consent_item if mode != SPOKEN else None)
        except NoAudioInput as exc:
            self._failed(exc)
            return
        except KzError as exc:
            self._failed(exc)
            return
        self.source = source
        self.job = RecordingJob(recording)
        self.task = Task(self.job)
        self.task.signals.succeeded.connect(self._stored)
        self.task.signals.failed.connect(self._failed)
        self.state = "recording"
        self._hold_auto_lock(True)
        self.context.vault_tasks.start(self.task)
        self.timer.start()
        set_default_button(self, self.stop_button)
        self._update()

    def _language(self) -> str:
        return str(self.language_box.currentData() or "")

    def tick(self) -> None:
        """Moves what the device captured to the writing task; updates meter and clock."""
        if self.source is None or self.job is None:
            return
        pcm = self.source.read()
        if pcm:
            self.job.feed(pcm)
            self.level_meter.setValue(round(100 * peak_level(pcm, self.source.format.sample_width)))
        self.elapsed_label.setText(clock(self.job.fed / self.source.format.byte_rate))

    def toggle_pause(self) -> None:
        if self.source is None or self.job is None:
            return
        if self.state == "recording":
            self.tick()
            self.source.suspend()
            self.job.recording.pauses.append(
                self.job.fed * 1000 // self.source.format.byte_rate)
            self.level_meter.setValue(0)
            self.state = "paused"
        elif self.state == "paused":
            self.source.resume()
            self.state = "recording"
        self._update()

    def stop_recording(self) -> None:
        if self.source is None or self.job is None or self.state not in ("recording", "paused"):
            return
        self.tick()
        self.timer.stop()
        self.source.stop()
        self.source = None
        self.job.finish()
        self.level_meter.setValue(0)
        self.state = "storing"
        self._update()

    def _hold_auto_lock(self, held: bool) -> None:
        if isinstance(self.context, ControllerVaultContext) and held != self._holding:
            self._holding = held
            self.context.hold_auto_lock(held)

    def _stored(self, outcome: RecordingOutcome) -> None:
        self._hold_auto_lock(False)
        self.state = "idle"
        self.job = None
        self.item_stored.emit(outcome.item)
        if outcome.too_long:
            self._show_notice(self.tr(
                "The recording reached the longest a WAV file can hold and was saved there. "
                "Start a new recording to go on."), error=True)
        if outcome.item.metadata.get("recording", {}).get("purpose") == "consent":
            self._consent_stored(outcome.item.id)
            self._show_notice(self.tr("The consent is saved. Now record the testimony."))
            self._update()
            set_default_button(self, self.record_button)
            return
        self._update()
        if not outcome.too_long:
            self.accept()

    def _consent_stored(self, item_id: str) -> None:
        self.consent_item = item_id
        self.stage = "testimony"

    def _failed(self, exc: KzError) -> None:
        self._hold_auto_lock(False)
        self.timer.stop()
        if self.source is not None:
            self.source.stop()
            self.source = None
        self.job = None
        self.state = "idle"
        message, hint = error_text(exc)
        self._show_notice(f"{message} {hint}".strip(), error=True)
        self._update()

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy and not self._ended():
            self._show_notice(self.tr("Stop the recording first: it is saved when it stops."),
                              error=True)
            return
        self._shut_down()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy and not self._ended():
            event.ignore()
            self.reject()
            return
        self._shut_down()
        super().closeEvent(event)

    def _ended(self) -> bool:
        """The writing task is over: locking the vault made it store the recording."""
        return self.job is not None and self.job.done.is_set()

    def _shut_down(self) -> None:
        self._hold_auto_lock(False)
        self.timer.stop()
        if self.source is not None:
            self.source.stop()
            self.source = None
