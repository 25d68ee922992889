"""Keep Qt's own threads from waiting for Python while they hold a Qt lock.

An object made in Python is a shiboken wrapper: each C++ virtual call on it first
takes the GIL to look for a Python override, and remembers per object and method
when there is none.  Qt Multimedia's threads (the FFmpeg audio renderer, demuxer
and decoders) connect their objects to the player, the audio output and the
device we make.  When such an object dies on its thread, ``~QObject`` calls
``disconnectNotify`` on each of those senders while it holds Qt's connection lock.
If that call needs the GIL, and the interface thread holds the GIL while it
waits for the same lock (any connect, disconnect or stop does), both wait for
ever: the freeze seen when a media viewer closed.

Asking once, on the interface thread, settles the answer: a connect and a
disconnect here make Qt call ``connectNotify`` and ``disconnectNotify``, shiboken
finds no override and remembers it, and later calls from Qt's threads no longer
touch Python.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def _unused() -> None:
    """The slot of the round trip; never called."""


def settle_notify_overrides(obj: QObject) -> None:
    """Call once, right after making ``obj``, before Qt's threads can see it."""
    obj.objectNameChanged.connect(_unused)
    obj.objectNameChanged.disconnect(_unused)
