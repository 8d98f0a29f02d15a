"""The reader's Back history, bounded: reading thousands of pages does not grow it for ever.

QTextBrowser keeps every page visited and has no way to forget the oldest. So when the
Back history reaches twice `LIMIT`, it is rebuilt with only the latest `LIMIT` pages:
cleared, then those addresses passed through again as empty pages (nothing rendered, no
signal sent), then the page being read loaded again from the renderer's cache at the
same place. That lays the page out again (tens of milliseconds), so it is done once the
reader has paused on a page, at most once every `LIMIT` pages. Forward history, if any,
is never touched: the rebuild waits until there is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

LIMIT = 50  # pages that Back can return to (at least; up to twice as many)
IDLE_MS = 2000  # the history is rebuilt once no page has been opened for this long


class Blank:
    """Stands in for the reader's pages while the history is rebuilt: every page is empty."""

    def parts_for(self, url: str) -> Iterator[str]:
        return iter(["<p></p>"])  # not "": QTextBrowser would not take the page into its history


class BoundedHistory(QObject):
    def __init__(self, reader, limit: int | None = None):
        super().__init__(reader)
        self.reader = reader
        self.limit = limit or LIMIT
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.trim)
        self._waiting = False
        reader.historyChanged.connect(self._changed)

    def _completed(self) -> None:
        self._waiting = False
        self.reader.pageCompleted.disconnect(self._completed)
        self._timer.start()

    def _changed(self) -> None:
        back = self.reader.backwardHistoryCount()
        if back >= 2 * self.limit and not self.reader.forwardHistoryCount():
            # The rebuild lays the page out again (tens of ms): done when the reader pauses,
            # unless pages are being turned so fast that the history would keep growing.
            self._timer.start(0 if back >= 4 * self.limit else IDLE_MS)

    def trim(self) -> None:
        reader = self.reader
        if reader.backwardHistoryCount() <= self.limit or reader.forwardHistoryCount():
            return
        if not reader.is_complete():  # the page being opened comes first: look again once it is whole
            if not self._waiting:
                self._waiting = True
                reader.pageCompleted.connect(self._completed)
            return
        keep = [reader.historyUrl(-index) for index in range(self.limit, 0, -1)]  # oldest first
        current = reader.source()
        position = reader.verticalScrollBar().value()
        pages = reader.pages
        blocked = reader.blockSignals(True)  # the window sees no change of page
        try:
            reader.pages = Blank()
            reader.clearHistory()
            for url in keep:
                reader.setSource(url)
            reader.pages = pages
            reader._load_whole_page = True  # the page being read comes back whole, as Back brings it
            reader.setSource(current)
        finally:
            reader.pages = pages
            reader.blockSignals(blocked)
        reader._page_structure_changed()  # what sourceChanged would have done: outline, glossary marks
        reader._fit_line_length()
        reader.place_at(position)  # (laid out only as far as the place: the rest in steps)
        reader.historyChanged.emit()  # Back and Forward follow
