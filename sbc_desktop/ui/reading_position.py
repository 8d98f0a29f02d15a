"""A topic opens where its reader left it (at home), without adding a long page in one step.

The position is a fraction of the page's height, so it needs the whole page: it used to add
every piece still to come at once (`Reader.ensure_complete`), up to 5 s on the longest NCI page.
Now the page comes in its pieces as any page does (ui/reader.py) and the position is set once
the last one is in, unless the user has scrolled meanwhile (their place wins). Qt may still be
laying the end of a long page out then, which makes the page taller: the position is set again
as the height settles, for as long as the user has not scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from .reader import Reader

SETTLE_CHANGES = 50  # the height may change this many times while Qt finishes the layout


class _Restore(QObject):
    def __init__(self, reader: Reader, fraction: float):
        super().__init__(reader)
        self.reader = reader
        self.fraction = fraction
        self.page = reader.page_number
        self.set_to = -1  # the value this set (a different value: the user scrolled)
        self.left = SETTLE_CHANGES
        bar = reader.verticalScrollBar()
        if bar.value() != 0:  # the user has scrolled while the page came
            self.deleteLater()
            return
        bar.rangeChanged.connect(self._range_changed)
        self._apply()

    def _apply(self) -> None:
        bar = self.reader.verticalScrollBar()
        self.set_to = round(self.fraction * bar.maximum())
        self.reader.place(self.set_to)  # (not the reader's own scrolling: their place stays as it was)

    def _range_changed(self, _low: int, _high: int) -> None:
        bar = self.reader.verticalScrollBar()
        self.left -= 1
        if self.page != self.reader.page_number or bar.value() != self.set_to or self.left <= 0:
            bar.rangeChanged.disconnect(self._range_changed)
            self.deleteLater()  # another page, the user's own scrolling, or the layout is done
            return
        self._apply()


def restore_position(reader: Reader, fraction: float) -> None:
    """Scroll ``reader`` to ``fraction`` of its page once the page is whole (see above)."""

    def start() -> None:
        _Restore(reader, fraction)  # a child of the reader: it ends itself

    reader.when_complete(start)
