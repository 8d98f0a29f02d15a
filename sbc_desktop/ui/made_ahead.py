"""Work done ahead, a short step at a time, while the window waits for someone.

The search results panel is made when search is first needed. Made at the first key's
search, its making (its module, the panel, Qt's own classes for the window's widgets met
while it takes its place in the Tab order, its style) was the longest step a patient's
typing met: 26 ms of the window's CPU at load 9, beside 1-7 ms for a later key's search.
Made here instead, once the search index has opened (after the first paint: a start makes
none of it), each part in its own turn of the event loop: a key that comes meanwhile waits
for one part at most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QObject, QTimer


class MadeAhead(QObject):
    """Runs ``steps`` one per turn of the event loop, from `start` (once), each after the input and
    paints that came meanwhile. A step that finds its work done already does nothing; one that returns
    True has more to do, and is run again in the next turn."""

    def __init__(self, steps: Iterable[Callable[[], bool | None]], parent: QObject | None = None):
        super().__init__(parent)
        self._steps: Iterator[Callable[[], bool | None]] | None = iter(steps)
        self._again: Callable[[], bool | None] | None = None
        self._started = False

    @property
    def done(self) -> bool:
        return self._steps is None

    def start(self) -> None:
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        if self._steps is None:
            return
        step = self._again or next(self._steps, None)
        if step is None:
            self._steps = None
            return
        self._again = step if step() else None
        QTimer.singleShot(0, self, self._next)
