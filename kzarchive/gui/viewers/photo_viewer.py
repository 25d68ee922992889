"""Photos: zoom, fit, 100 %, turn for viewing, and the way into the redaction tool."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from kzarchive.errors import KzError
from kzarchive.gui.context import VaultContext
from kzarchive.gui.viewers.file_viewer import placeholder
from kzarchive.gui.viewers.image_view import ImageView
from kzarchive.gui.viewers.photo_decode import decode_photo
from kzarchive.gui.viewers.provenance import SimilarItemsPanel
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.media.imaging import pillow_format
from kzarchive.service.models import Item

Key = QKeySequence | QKeySequence.StandardKey | str


class PhotoViewer(ViewerWindow):
    #: A redacted copy was saved as a new item (the ``Item``).
    item_added = Signal(object)

    def __init__(self, context: VaultContext, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(context, item, parent)
        self.image: QImage | None = None
        self.redaction: QWidget | None = None
        self.view = ImageView()
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(56)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.view.zoom_changed.connect(self._show_zoom)
        self.toolbar = QToolBar()
        self._build_actions()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.set_content(self.pages)
        self._set_enabled(False)
        self.busy.start(self.tr("Opening the photo…"))
        archive = self.archive
        self.run(lambda progress, cancel: decode_photo(archive, item), on_success=self._decoded)
        self.similar = SimilarItemsPanel()
        self.similar.open_requested.connect(self.open_other)
        self.add_section(self.similar)
        self.opened: list[QWidget] = []
        self.run(lambda progress, cancel: archive.similar.find(item.id, progress=progress,
                                                               cancel=cancel),
                 on_success=self.similar.show_result, on_failure=self.similar.show_failure)

    def _action(self, text: str, keys: list[Key], slot: object, short: str = "") -> QAction:
        """A tool bar action; ``short`` is shown on the bar, ``text`` in its tooltip."""
        action = QAction(text, self)
        if short:
            action.setIconText(short)
            action.setToolTip(text)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        # Redact comes first, so it sits at the same place in every language and
        # never behind the tool bar's overflow chevron; the view controls are signs.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.redact_action = self._action(self.tr("Redact…"), [], self.open_redaction)
        self.redact_action.setToolTip(self.tr(
            "Cover faces, tattoos or name tags with black boxes in a new copy"))
        self.toolbar.addSeparator()
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), [QKeySequence.StandardKey.ZoomOut, "-"], self.view.zoom_out,
            "\u2212")
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), [QKeySequence.StandardKey.ZoomIn, "+", "="], self.view.zoom_in,
            "+")
        self.toolbar.addWidget(self.zoom_label)
        self.fit_action = self._action(self.tr("Fit"), ["Ctrl+0", "F"], self.view.fit)
        self.actual_action = self._action(self.tr("100 %"), ["Ctrl+1", "1"],
                                          self.view.actual_size)
        self.toolbar.addSeparator()
        self.rotate_left_action = self._action(self.tr("Turn left"), ["Ctrl+Shift+R"],
                                               lambda: self.view.rotate_by(-90), "\u21ba")
        self.rotate_right_action = self._action(self.tr("Turn right"), ["Ctrl+R"],
                                                lambda: self.view.rotate_by(90), "\u21bb")

    def _set_enabled(self, enabled: bool) -> None:
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action,
                       self.actual_action, self.rotate_left_action, self.rotate_right_action):
            action.setEnabled(enabled)
        self.redact_action.setEnabled(enabled and self.can_redact)

    @property
    def can_redact(self) -> bool:
        """Redaction decodes with the core's image library: only its formats, full pictures."""
        return self.image is not None and pillow_format(self.item.mime) is not None

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(factor * 100)))

    def _decoded(self, image: QImage | None) -> None:
        self.busy.stop()
        if self.closed:
            return
        if image is None:
            self.pages.addWidget(placeholder(self, self.tr(
                "This photo's format cannot be shown in kzarchive. To open it in another "
                "program, extract it: it will then be written to disk unencrypted.")))
            self.pages.setCurrentIndex(1)
            return
        self.image = image
        self.view.set_image(image)
        self._set_enabled(True)

    def open_other(self, item_id: str) -> None:
        """Open a copy in a viewer of its own: corroboration, never one merged item."""
        from kzarchive.gui.viewers import open_viewer

        try:
            viewer = open_viewer(self.context, item_id, self.parentWidget())
        except KzError as exc:
            self.show_error(exc)
            return
        self.opened.append(viewer)

    def open_redaction(self) -> None:
        if self.image is None or not self.can_redact:
            return
        from kzarchive.gui.windows.redaction import RedactionWindow

        if self.redaction is not None and self.redaction.isVisible():
            self.redaction.raise_()
            return
        window = RedactionWindow(self.context, self.item, self.image, self)
        window.saved.connect(self._redaction_saved)
        self.redaction = window
        window.show()

    def _redaction_saved(self, item: Item) -> None:
        self.show_status(self.tr("The redacted copy was saved as a new item: {name}. "
                                 "The original is unchanged.").format(name=item.name))
        self.item_added.emit(item)

    def release(self) -> None:
        self.image = None
        self.view.clear()
