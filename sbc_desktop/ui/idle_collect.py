"""Python's middle and full collections made in an idle moment after a page is in, not inside the next page's steps.

The window's long-lived objects are set aside from collections (collector.py), so a collection walks only what was
made since: a young one 0.1-0.9 ms, a middle one 1-3 ms of CPU. Yet a middle (or full) one comes when Python's counts
say so, wherever that falls: in the NCI rows the steps over 16 ms of UI-thread CPU mostly had one inside, on top of the
step's own work (a long page's start put on screen, its count). So once a page is laid out and the window has been idle
a moment (`IDLE_MS`), a middle or full collection that would come at the next young one or the one after is made then,
in a turn of its own (collector.collect_idle); as often as before, only sooner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from .. import collector

IDLE_MS = 30  # after the page is laid out (its outline is read in idle steps meanwhile: 4 ms each at most)


class IdleCollect(QObject):
    """Start with `page_laid_out`; collects once the reader is not `busy`, in a turn of its own."""

    def __init__(self, parent: QObject | None = None, busy: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self._busy = busy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._collect)

    def page_laid_out(self) -> None:
        self._timer.start()

    def _collect(self) -> None:
        if self._busy():
            return  # another page is going in: its own laying out starts this again
        collector.collect_idle()
