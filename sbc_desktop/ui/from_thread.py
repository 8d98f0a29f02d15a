"""A worker thread tells an object of the window something, safely even as the window deletes it.

A signal emitted from a worker thread on an object that Qt is deleting on the window's thread
(the window closed, the kiosk's screen torn down, a test's end) crashes the process: Qt makes a
deleted *receiver* safe, not a deleted *sender* (a segmentation fault in CI, session 28, from
the search index's thread). Catching "Signal source has been deleted"
does not help: the emit crashes while the object is half deleted, before it says so.

So the thread emits on a `FromThread`, an object with no parent that the thread keeps alive
while it emits. Its signal is queued to a hearer, a child of the window's object that goes
when that object goes (Qt then drops whatever was queued for it); the hearer emits the
object's own signal on the window's thread. Told from the window's own thread, it is emitted
at once, as a plain emit would be.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from shiboken6 import isValid


class _Hearer(QObject):
    """On the window's thread, a child of the object told: emits what a thread said to it."""

    @Slot(object)
    def heard(self, told: tuple[SignalInstance, tuple[object, ...]]) -> None:
        signal, args = told
        signal.emit(*args)


class FromThread(QObject):
    """What worker threads tell ``owner`` (one of the window's objects), through an object of its own."""

    _told = Signal(object)  # (the owner's signal, its arguments)

    def __init__(self, owner: QObject):
        super().__init__()  # no parent: the thread keeps it alive while it emits, whatever the window does
        self._hearer = _Hearer(owner)  # (made on the owner's thread, and deleted with it)
        self._told.connect(self._hearer.heard)

    def tell(self, signal: SignalInstance, *args: object) -> bool:
        """Emit ``signal`` (the owner's) with ``args`` on the owner's thread. From any thread. False if the
        owner has been deleted: nobody hears this or anything after it (a thread may stop)."""
        if not isValid(self._hearer):
            return False
        self._told.emit((signal, args))
        return isValid(self._hearer)
