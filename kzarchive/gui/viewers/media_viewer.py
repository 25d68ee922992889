"""Video and audio, played from the encrypted store with seeking.

``QMediaPlayer`` reads the recording through ``PayloadDevice``: every read
decrypts and authenticates only the chunks it touches, and nothing is written
anywhere.  A recording Qt cannot play gets a plain explanation and Extract.
"""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kzarchive.errors import KzError
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.media_device import PayloadDevice
from kzarchive.gui.qt_threads import settle_notify_overrides
from kzarchive.gui.viewers.file_viewer import placeholder
from kzarchive.gui.viewers.info import duration_text
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.media.types import kind_of
from kzarchive.service.models import Item

# FFmpeg's description of an opened file (printed to stderr, which desktops may
# keep in a log file) lists its tags: titles, comments, even a location.
QUIET_RULES = "qt.multimedia.ffmpeg.mediadataholder.info=false"


def quiet_media_logs() -> None:
    QLoggingCategory.setFilterRules(QUIET_RULES)


class VideoScreen(QGraphicsView):
    """The picture, scaled to fit on black; painted like any widget, so it can be grabbed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsVideoItem()
        self.item.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.scene().addItem(self.item)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor(0, 0, 0))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = self.viewport().size()
        self.item.setSize(QSizeF(size))
        self.scene().setSceneRect(0, 0, size.width(), size.height())


class MediaViewer(ViewerWindow):
    def __init__(self, context: VaultContext, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(context, item, parent)
        quiet_media_logs()
        self.device: PayloadDevice | None = None
        self.failed = False
        self._loaded = False
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        settle_notify_overrides(self.player)
        settle_notify_overrides(self.audio)
        self.video: VideoScreen | None = None
        if item.kind == "video" or kind_of(item.mime) == "video":
            self.video = VideoScreen()
            settle_notify_overrides(self.video.item)
            self.player.setVideoOutput(self.video.item)
            screen: QWidget = self.video
        else:
            screen = QLabel()
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume)
            screen.setPixmap(icon.pixmap(96, 96))
            screen.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.play_button = QPushButton()
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(10_000)
        # Dragging, clicks on the groove and keys all move the playback position.
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.slider.actionTriggered.connect(
            lambda _action: self.player.setPosition(self.slider.sliderPosition()))
        self.slider.setAccessibleName(self.tr("Position"))
        self.time_label = QLabel()
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        player_page = QWidget()
        layout = QVBoxLayout(player_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen, 1)
        layout.addLayout(controls)
        self.pages = QStackedWidget()
        self.pages.addWidget(player_page)
        self.set_content(self.pages)

        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.player.errorOccurred.connect(self._error)
        self._state_changed(self.player.playbackState())
        self._position_changed(0)
        self._open()

    def _open(self) -> None:
        try:
            reader = self.archive.open_item(self.item.id)
        except KzError as exc:
            self._cannot_play(error_html(exc))
            return
        self.device = PayloadDevice(reader, self)
        self.device.open_for_reading()
        # No URL: nothing about the item reaches the backend but its bytes.
        self.player.setSourceDevice(self.device, QUrl())

    # -- controls ---------------------------------------------------------------

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        pixmap = QStyle.StandardPixmap
        icon = pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _duration_changed(self, duration: int) -> None:
        self.slider.setRange(0, max(duration, 0))
        self._position_changed(self.player.position())

    def _position_changed(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time_label.setText(f"{duration_text(position)} / "
                                f"{duration_text(max(self.player.duration(), 0))}")

    # -- failures ---------------------------------------------------------------

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if self.closed:
            return
        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self._loaded:
            self._loaded = True
            if self.video is not None:
                self.player.pause()  # shows the first picture instead of a black screen
        invalid = status == QMediaPlayer.MediaStatus.InvalidMedia
        broken = status == QMediaPlayer.MediaStatus.EndOfMedia and self._device_failed()
        if invalid or broken:
            self._cannot_play()

    def _error(self, error: QMediaPlayer.Error, _text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self._cannot_play()

    def _device_failed(self) -> bool:
        return self.device is not None and self.device.failure is not None

    def _cannot_play(self, reason_html: str = "") -> None:
        if self.failed or self.closed:
            return
        self.failed = True
        self.player.stop()
        if self.device is not None and self.device.failure is not None:
            self.show_status(error_html(self.device.failure), "error")
        elif reason_html:
            self.show_status(reason_html, "error")
        self.pages.addWidget(placeholder(self, self.tr(
            "This recording cannot be played in kzarchive. To play it in another program, "
            "extract it: it will then be written to disk unencrypted.")))
        self.pages.setCurrentIndex(1)

    def release(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        if self.device is not None:
            self.device.close()
            self.device = None
