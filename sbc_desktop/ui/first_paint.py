"""Work that waits until a widget has first been painted: the first page comes first.

The search field has the keyboard focus from the start, and focusing it opens the
search index (and loads the English word list) on a thread. Begun before the first
page is on screen, that work competes with building and painting the window; begun
just after it, the index is still ready long before anyone has typed a word.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs callbacks at once if ``widget`` has painted, else just after its first paint."""

    def __init__(self, widget: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.painted = False
        self._waiting: list[Callable[[], None]] = []
        self._widget = widget
        widget.installEventFilter(self)

    def call(self, callback: Callable[[], None]) -> None:
        if self.painted:
            callback()
        elif callback not in self._waiting:
            self._waiting.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
