"""Viewers of evidence: one window per item, chosen by what the item is.

``open_viewer`` is the one entry point (the evidence list, the gallery).
Everything is shown from memory or from the vault's decrypting reader; nothing
decrypted is written anywhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kzarchive.gui.context import VaultContext
from kzarchive.gui.viewers.file_viewer import FileViewer
from kzarchive.gui.viewers.media_viewer import MediaViewer
from kzarchive.gui.viewers.pdf_viewer import PdfViewer
from kzarchive.gui.viewers.photo_viewer import PhotoViewer
from kzarchive.gui.viewers.text_viewer import TextViewer
from kzarchive.gui.viewers.window import ViewerWindow
from kzarchive.media.types import kind_of, normalise_mime
from kzarchive.service.models import Item

__all__ = [
    "FileViewer",
    "MediaViewer",
    "PdfViewer",
    "PhotoViewer",
    "TextViewer",
    "ViewerWindow",
    "open_viewer",
    "viewer_class",
]

_TEXT_KINDS = ("testimony", "source-text")


def viewer_class(item: Item) -> type[ViewerWindow]:
    """The viewer that shows an item best: by what its bytes are, then by its kind."""
    mime = normalise_mime(item.mime)
    kind = kind_of(mime)
    if mime.startswith("text/"):
        return TextViewer
    if kind == "photo":
        return PhotoViewer
    if mime == "application/pdf":
        return PdfViewer
    if kind in ("video", "audio"):
        return MediaViewer
    if item.kind in _TEXT_KINDS:
        return TextViewer
    if item.kind in ("video", "audio"):
        return MediaViewer  # a container the sniffer does not know may still play
    return FileViewer


def open_viewer(context: VaultContext, item_id: str, parent: QWidget | None) -> QWidget:
    """Open and show the viewer window for one item; KzError if it cannot be found."""
    item = context.archive.get_item(item_id)
    viewer = viewer_class(item)(context, item, parent)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer
