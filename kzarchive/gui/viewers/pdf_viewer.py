"""PDF documents rendered in the app with Qt PDF, read through the decrypting reader.

Qt PDF (PDFium) runs no scripts and fetches nothing; links are not followed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from kzarchive.errors import KzError
from kzarchive.gui.context import VaultContext
from kzarchive.gui.dialogs.messages import error_html
from kzarchive.gui.media_device import PayloadDevice
from kzarchive.gui.viewers.file_viewer import placeholder
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.service.models import Item

ZOOM_STEP = 1.25


class PdfViewer(ViewerWindow):
    def __init__(self, context: VaultContext, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(context, item, parent)
        self.device: PayloadDevice | None = None
        self.failed = False
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._action(self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut,
                     lambda: self._zoom_by(1 / ZOOM_STEP))
        self._action(self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn,
                     lambda: self._zoom_by(ZOOM_STEP))
        self._action(self.tr("Fit width"), QKeySequence("Ctrl+0"),
                     lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self._action(self.tr("Whole page"), QKeySequence("Ctrl+9"),
                     lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.pages_label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        self.set_content(self.pages)
        self.document.statusChanged.connect(self._status_changed)
        self._open()

    def _action(self, text: str, key: QKeySequence | QKeySequence.StandardKey,
                slot: object) -> None:
        action = QAction(text, self)
        action.setShortcut(key)
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)

    def _zoom_by(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(self.view.zoomFactor() * factor, 0.1), 10.0))

    def _open(self) -> None:
        try:
            reader = self.archive.open_item(self.item.id)
        except KzError as exc:
            self._cannot_show(error_html(exc))
            return
        self.device = PayloadDevice(reader, self)
        self.device.open_for_reading()
        self.document.load(self.device)
        self._status_changed(self.document.status())

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.pages_label.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        elif status == QPdfDocument.Status.Error:
            error = self.document.error()
            if error == QPdfDocument.Error.IncorrectPassword:
                self._cannot_show("", self.tr(
                    "This PDF is protected by a password, so kzarchive cannot show it. "
                    "To open it in another program, extract it: it will then be written to "
                    "disk unencrypted."))
            else:
                self._cannot_show()

    def _cannot_show(self, reason_html: str = "", text: str = "") -> None:
        if self.failed or self.closed:
            return
        self.failed = True
        if self.device is not None and self.device.failure is not None:
            self.show_status(error_html(self.device.failure), "error")
        elif reason_html:
            self.show_status(reason_html, "error")
        self.pages.addWidget(placeholder(self, text or self.tr(
            "This PDF cannot be shown in kzarchive; it may be damaged. To open it in another "
            "program, extract it: it will then be written to disk unencrypted.")))
        self.pages.setCurrentIndex(1)

    def release(self) -> None:
        self.document.close()
        if self.device is not None:
            self.device.close()
            self.device = None
