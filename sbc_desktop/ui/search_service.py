"""The search index for the window: opened or built off the UI thread, on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..content.library import Library, Topic

if TYPE_CHECKING:  # sqlite3 and the search module: imported on the index's own thread
    from ..content.rendered import Rendered
    from ..content.search import SearchIndex, SearchResponse

WINDOW_RESULTS = 12  # the best dozen: more is rarely read, and each costs drawing time


class SearchService(QObject):
    """Owns one `SearchIndex`. `ready` fires (on the UI thread) when it can answer."""

    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        cache_dir: Path | None,
        parent: QObject | None = None,
        rendered_of: Callable[[Topic], Rendered] | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.cache_dir = cache_dir  # None: build in memory, write nothing to disk
        self.rendered_of = rendered_of  # each page's one parse (the reader's, when it has one)
        self._index: SearchIndex | None = None
        self._thread: threading.Thread | None = None
        self.error = ""  # why the index could not be opened, if it could not

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    def start(self) -> None:
        """Open the cached index, or build it, in the background (once). Not from part of a library:
        while a first start's library is still arriving, search waits for all of it."""
        if self._thread is None and self.library.complete:
            self._thread = threading.Thread(target=self._open, name="search-index", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the index is open (for the command line and tests)."""
        self.start()
        if self._thread is not None:
            self._thread.join(timeout)
        return self.is_ready

    def _open(self) -> None:
        try:
            from ..content.search import SearchIndex

            try:
                index = SearchIndex.open(self.library, self.cache_dir, self.rendered_of)
            except OSError:  # the cache folder cannot be written: keep the index in memory
                index = SearchIndex.open(self.library, None, self.rendered_of)
            index.prepare()  # the vocabulary and everyday English, before the first keystroke
        except Exception as exc:  # noqa: BLE001 - reported to the window, never lost
            self.error = str(exc) or type(exc).__name__
            self.failed.emit(self.error)
            return
        self._index = index
        self.ready.emit()

    def search(
        self, query: str, limit: int = WINDOW_RESULTS, boost: dict[str, float] | None = None
    ) -> SearchResponse | None:
        """``boost``: topic id -> score factor (the topics for where the reader's cancer has spread)."""
        return self._index.search(query, limit, boost) if self._index else None

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join(5)
        if self._index is not None:
            self._index.close()
            self._index = None
