"""Counting done a little at a time, a step each turn of the event loop (a long glossary's letters:
glossary_find.py; a long topic's parts: parts_find.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


def next_turn_timer(owner: QObject, call: Callable[[], None]) -> QTimer:
    """A single-shot timer that calls ``call`` in the next turn of the event loop, once started."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(call)
    return timer


class CountedInSteps(QObject):
    """What is left to count, counted in `_step` (a subclass's) a turn at a time; `changed` when there is nothing
    to count (counted at once, or dropped), and whenever a subclass says."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._left: list[Any] = []  # what is still to count, in order
        self._timer = next_turn_timer(self, self._step)

    def _count_from(self, left: list[Any]) -> None:
        """Count ``left`` from the next turn on (nothing to count: `changed` now)."""
        self._left = left
        if left:
            self._timer.start()
        else:
            self._timer.stop()
            self.changed.emit()

    def done(self) -> bool:
        return not self._left

    def _step(self) -> None:
        raise NotImplementedError
