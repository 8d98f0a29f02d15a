"""The search index for the window: opened or built off the UI thread, on first use."""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from ..content.library import Library, Topic
from ..quick_switch import quick_switching
from .from_thread import FromThread

if TYPE_CHECKING:  # sqlite3 and the search module: imported on the index's own thread
    from ..content.page_text import PageTextProcess
    from ..content.rendered import Rendered
    from ..content.search import SearchIndex, SearchResponse
    from ..content.text_ahead import TextAhead

WINDOW_RESULTS = 12  # the best dozen: more is rarely read, and each costs drawing time
# While the window works for someone typing, no page is parsed for the index: a page's parse holds Python's
# lock and a core in the window's process, which the window would feel. The window works at each key (the field
# drawn again) and for its search, which comes when no key came for the field's pause (SearchField: 120 ms),
# then draws its results. Between the keys the window waits, and the pages' text is read: before, a key held
# it back 0.8 s, and a patient typing a word key after key held it all back until they stopped (a quiet run had
# 760 of the NCI pages' 1,425 searchable after 20 s of typing and reading, where all of them had been).
KEY_PAUSE = 0.03  # seconds after a key before the next page is read (the key's own work in the window)
SEARCH_PAUSE = 0.12  # a key's search comes this long after it, if no other key came (SearchField's pause)
BEFORE_SEARCH = 0.03  # no page is begun this long before a key's search is due (a page read here takes up to that)
LATE_SEARCH = 0.1  # how long past its time a key's search is waited for (a loaded window is late)
TYPING_PAUSE = 0.15  # seconds after a key's search before the next page is read (its results drawn)
# A large library's pages parsed in the window's process (no helper to start: the frozen bundle): a page begun
# between the keys would hold the next key up for up to its whole parse, so a key and its search hold the text
# back this long, as before.
PARSED_HERE_PAUSE = 0.8
# A page this long (characters of Markdown) not yet rendered is parsed in a helper process (page_text.py),
# asked ahead of the index (text_ahead.py), while the patient types too: the parser (pyromark) holds Python's
# lock for all of a page in one call, and the rest of a page's reading holds it a millisecond at a time. That
# call took (CPU, median of 9, load 7-8) 2.0 ms for 77,000 characters, 5.7 ms for 300,000, 15.9 ms for 590,000
# and 24.8 ms for 1.1 million; its longest of 9 was 2.8 ms at 77,000 but 19.1 ms at 150,000 and 18.0 ms at
# 300,000. Below this line a page read here between two keys holds the window less than a frame even at its
# longest, so a small library's long page is read here. The helper cost more than it saved such a library (a
# clinic's 30 pages, one of 77,000 characters): 200-240 ms of CPU and 16 MB (PSS) for a fresh Python to read
# the library, against 12 ms of the index's thread to read that page here (session 29; 100,000 after review11
# m5, not 300,000: the longest call counts, not the median).
LONG_PAGE = 100_000
# A library with this much Markdown whose text is still to be read has all of it parsed by the helper (none
# in the window's process: the index's thread then only takes each page's text and writes it, so a page read
# between a patient's keys never holds the window's thread up); a smaller one (the built-in pages: 0.1 MB) only
# its long pages, and no helper is started for it unless it has one. (The NCI pages: 1,172 of 1,425 pages under
# 50,000 characters took up to 43 ms each to read in the window at load 8; 881 under 10,000 characters, up to 6 ms.)
HELPER_LIBRARY = 2_000_000
SWITCH_INTERVAL = 0.001  # while text is added: the window's thread gets Python's lock back this soon (not 5 ms)
# While the patient only reads the results, they take in newly landed text at most this often (seconds after
# the last search): a search again and its rows drawn at every batch were the window's longest steps.
REFRESH = 1.0


class SearchService(QObject):
    """Owns one `SearchIndex`. `ready` fires (on the UI thread) when it can answer: at once with every
    title, keyword, summary and glossary entry; then `textAdded(done, total)` as each batch of pages'
    text becomes searchable, until done == total (`is_ready`)."""

    ready = Signal()
    failed = Signal(str)
    textAdded = Signal(int, int)  # pages whose text is searchable, of all pages (on the UI thread)
    # More pages' text is searchable than the last search saw: results on show search again. Said at most
    # once every REFRESH seconds after a search (the batches between are taken in together), and at once
    # after the last batch, so the results on show are complete as the note on the text goes.
    moreText = Signal()
    textFailed = Signal(int, int)  # the rest of the pages' text could not be added (the same counts)
    _landed = Signal(int, int)  # the same, from the index's thread

    def __init__(
        self,
        library: Library,
        cache_dir: Path | None,
        parent: QObject | None = None,
        rendered_of: Callable[[Topic], Rendered] | None = None,
        known_of: Callable[[Topic], Rendered | None] | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.cache_dir = cache_dir  # None: build in memory, write nothing to disk
        self.rendered_of = rendered_of  # each page's one parse (the reader's, when it has one)
        self.known_of = known_of  # a page's parse if the reader has it in memory or on disk, else None
        self._helper: PageTextProcess | None = None  # parses long pages out of the window's process
        self._ahead: TextAhead | None = None  # asks it for them ahead of the index's thread
        self._reader: Callable[[Topic], Rendered] | None = None  # each page's text for the index (_page_reader)
        self._index: SearchIndex | None = None  # the window's to search (on the UI thread: see _on_landed)
        self._opened: SearchIndex | None = None  # opened on the index's thread, not yet said how far its text is
        self._thread: threading.Thread | None = None
        self._closer: threading.Thread | None = None  # closes the index after the window (see close)
        self._stop = threading.Event()
        # Held while the index's thread tells the window something, and while close() stops it: once close
        # has returned, the thread tells nothing more (the window may be deleted next, and an emit from
        # another thread into an object being deleted crashed the process).
        self._telling = threading.Lock()
        self._complete = False  # every page's text is searchable (set on the UI thread)
        self.text_done = (0, 0)  # (pages whose text is searchable, pages), as last landed
        self.error = ""  # why the index could not be opened, if it could not
        self.text_error = ""  # why some pages' text could not be added, if it could not
        self._quiet_from = 0.0  # time.monotonic() after which nobody has been typing
        self._search_due = 0.0  # time.monotonic() at which a key's search comes (0: none due)
        self._parsed_here = False  # a large library's pages are parsed in the window's process (PARSED_HERE_PAUSE)
        self._searched_at = -REFRESH  # time.monotonic() of the last search
        self._searched_text = -1  # how many pages' text the last search covered
        self._again = QTimer(self)  # when the results on show may take in the text landed since
        self._again.setSingleShot(True)
        self._again.timeout.connect(self._more_text)
        self._landed.connect(self._on_landed)
        self._from_thread = FromThread(self)  # (the index's thread tells this object's signals through it: _tell)

    @property
    def is_ready(self) -> bool:
        """Whether search covers everything, the pages' text included."""
        return self._index is not None and self._complete

    @property
    def is_searchable(self) -> bool:
        """Whether search answers yet (titles, keywords and summaries at least)."""
        return self._index is not None

    def _on_landed(self, done: int, total: int) -> None:
        # Searched from now on, not as soon as the thread has it open: results never come before the note
        # on how far the pages' text is (a search in between, on a loaded machine, showed them without it).
        self._index = self._opened
        self.text_done = (done, total)
        self._complete = done >= total
        self.textAdded.emit(done, total)  # the note on how far the text is
        if self._complete:  # the last batch: the results on show are made complete now, as the note goes
            self._again.stop()
            self._more_text(at_once=True)
        elif not self._again.isActive():  # the results on show take the new text in (see _more_text)
            self._again.start(self._till_refresh())

    def _till_refresh(self) -> int:
        """Milliseconds until the results on show may be searched again (REFRESH after the last search)."""
        return max(0, math.ceil((self._searched_at + REFRESH - time.monotonic()) * 1000))

    def _more_text(self, at_once: bool = False) -> None:
        if self.text_done[0] <= self._searched_text:
            return  # a search since (a key typed) covered it all
        if not at_once and (wait := self._till_refresh()):  # searched meanwhile, before the last batches landed
            self._again.start(wait)
            return
        self.moreText.emit()

    def start(self) -> None:
        """Open the cached index, or build it, in the background (once). Not from part of a library:
        while a first start's library is still arriving, search waits for all of it."""
        if self._thread is None and self.library.complete and not self._stop.is_set():  # (not once closed)
            self._thread = threading.Thread(target=self._open, name="search-index", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the index is open (for the command line and tests)."""
        self.start()
        if self._thread is not None:
            self._thread.join(timeout)
            if not self._thread.is_alive() and self._opened is not None:
                self._index = self._opened
                self._complete = True  # no event loop needed to know it (the command line)
        return self.is_ready

    def _open(self) -> None:
        try:
            import sqlite3

            from .. import collector
            from ..content.search import SearchIndex

            # What the index keeps lives as long as the window: no collection walks it while it is made,
            # and it is set aside from later ones (as a library that arrives after the first paint is).
            # Only in a window that has set its own aside (collector.settle: not in tests and commands), and
            # not at the kiosk (no cache folder): it opens in a patient's session, none of which is set aside.
            set_aside = self.cache_dir is not None and collector.settled()
            with collector.long_lived() if set_aside else contextlib.nullcontext():
                try:  # titles, keywords, summaries and the glossary: the pages' text follows (_add_text)
                    index = SearchIndex.begin(self.library, self.cache_dir)
                except (OSError, sqlite3.DatabaseError):  # the cache cannot be written: keep the index in memory
                    index = SearchIndex.begin(self.library, None)
                # The long pages' text is asked of the helper from now on, ahead of the index (text_ahead.py):
                # the helper starts (it loads the library) while the vocabulary loads.
                self._reader = self._page_reader(index)
                index.prepare()  # the vocabulary and everyday English, before the first keystroke
            with self._telling:
                closed = self._stop.is_set()
                if not closed:
                    self._opened = index  # from here on close() interrupts the index's queries
            if closed:  # the window closed while it was opened (close could not interrupt that): closed here
                index.close()
                return
            total = index.pages
            done = total - index.pages_left  # (both counts here: close may interrupt either)
        except Exception as exc:  # noqa: BLE001 - reported to the window, never lost
            if self._stop.is_set():
                return  # the window closed as the index was opened (or interrupted it): its text is read next time
            self.error = str(exc) or type(exc).__name__
            self._tell(self.failed, self.error)
            return
        # first: the note is up before the results
        if self._tell(self._landed, done, total) and self._tell(self.ready):
            self._add_text(index)

    def _tell(self, signal: SignalInstance, *args: object) -> bool:
        """Emit ``signal`` (one of this object's) on the window's thread, from the index's thread, through
        `FromThread` (never into this object from here: see from_thread.py); False, and the thread stops, if
        the window has deleted this object (closed without `close`, e.g. at the end of a test or a crash
        exit): nobody hears the rest, and the text is kept for the next start as after `close`. Also
        False, with nothing emitted, once `close` has begun."""
        with self._telling:
            if self._stop.is_set():
                return False
            if self._from_thread.tell(signal, *args):
                return True
            self._stop.set()
        if self._ahead is not None:
            self._ahead.stop()
        if self._helper is not None:
            self._helper.close()
        return False

    def _add_text(self, index: SearchIndex) -> None:
        """The pages' text, a batch at a time, each searchable as it lands (resumed from the cache)."""
        rendered_of = self._reader or self._page_reader(index)
        total = index.pages
        left = total
        from ..content.search import Stopped

        try:
            left = index.pages_left
            while left and not self._stop.is_set():
                with quick_switching(SWITCH_INTERVAL):
                    left = index.add_text(rendered_of, before_page=self._wait_for_quiet)
                if not self._tell(self._landed, total - left, total):
                    return
        except Stopped:
            return  # the window is closing: the batch being read is given up, its pages read next time
        except Exception as exc:  # noqa: BLE001 - the titles and summaries still answer
            if self._stop.is_set():
                return  # a batch being written as the window closed (interrupted): rolled back, read next time
            # A batch that cannot be written (a full disk, an index that turned read-only) keeps nothing:
            # its pages stay to be read at the next start, and the window says they are not searchable.
            self.text_error = str(exc) or type(exc).__name__
            self._tell(self.textFailed, total - left, total)

    def _page_reader(self, index: SearchIndex) -> Callable[[Topic], Rendered]:
        """Each page's headings and text: the reader's parse if it has one, else a long page parsed in the
        helper process (so the window never waits for Python's lock while it is parsed), else parsed here.
        The long pages are asked of the helper ahead, in the order the index reads them (text_ahead.py)."""
        from ..content.page_text import PageTextProcess, Unavailable
        from ..content.search import Stopped, markdown_size, page_reader
        from ..content.text_ahead import TextAhead

        parse = self.rendered_of or page_reader(self.library)
        helper = self._helper = PageTextProcess(self.library.root, self.cache_dir)
        known_of = self.known_of
        ahead = None
        if helper.usable:  # (each page's size known without reading it)
            pages = index.pages_to_read()
            sizes = [markdown_size(topic) for topic in pages]
            if sum(sizes) < HELPER_LIBRARY:
                pages = [topic for topic, size in zip(pages, sizes, strict=True) if size >= LONG_PAGE]
            if pages:
                ahead = self._ahead = TextAhead(helper, pages, markdown_size, known_of)
        else:
            self._parsed_here = index.text_to_read() >= HELPER_LIBRARY

        def read(topic: Topic) -> Rendered:
            found = None
            if ahead is not None and topic in ahead:
                found = ahead.take(topic)
            elif markdown_size(topic) >= LONG_PAGE and helper.usable:  # (not one of them: asked now)
                found = known_of(topic) if known_of is not None else None
                if found is None:
                    with contextlib.suppress(Unavailable):  # parsed here from now on
                        found = helper.rendered(topic)
            if found is None and self._stop.is_set():  # the window is closing (and ended the helper): not parsed here
                raise Stopped
            return found if found is not None else parse(topic)

        return read

    def _wait_for_quiet(self) -> None:
        """On the index's thread, before each page is parsed and before a batch is written: wait while the
        window works for someone typing (a key, a key's search and its results); give the batch up if the
        window is closing."""
        while not self._stop.is_set() and (wait := self._till_quiet()) > 0:
            self._stop.wait(wait)
        if self._stop.is_set():
            from ..content.search import Stopped

            raise Stopped

    def _till_quiet(self) -> float:
        """Seconds until the next page may be read: after a key's own work, and not as its search comes."""
        now = time.monotonic()
        wait = self._quiet_from - now
        due = self._search_due
        if due and due - BEFORE_SEARCH < now < due + LATE_SEARCH:  # the search may come while the page is read
            wait = max(wait, due + LATE_SEARCH - now)  # (it ends the wait as it is made: see search)
        return wait

    def hold(self) -> None:
        """Someone typed a key: the next page waits for the key's own work, and for its search if that is due
        (no other key within the field's pause). Between the keys, the pages' text goes on landing."""
        now = time.monotonic()
        self._quiet_from = max(self._quiet_from, now + (PARSED_HERE_PAUSE if self._parsed_here else KEY_PAUSE))
        self._search_due = now + SEARCH_PAUSE

    def search(
        self, query: str, limit: int = WINDOW_RESULTS, boost: dict[str, float] | None = None, typed: bool = True
    ) -> SearchResponse | None:
        """``boost``: topic id -> score factor (the topics for where the reader's cancer has spread).

        ``typed``: someone is typing (the next page's text waits for ``TYPING_PAUSE``, as its results are
        drawn). The window's own search again as a batch of text lands is not: the results on show go on
        filling in at once.
        """
        now = time.monotonic()
        if typed:
            self._quiet_from = now + (PARSED_HERE_PAUSE if self._parsed_here else TYPING_PAUSE)
            self._search_due = 0.0
        if self._index is None:
            return None
        self._searched_at, self._searched_text = now, self.text_done[0]
        return self._index.search(query, limit, boost)

    def close(self) -> None:
        """Stop adding text at once and close the index without the window waiting for the disk.

        The batch being read or written is given up (SQLite rolls back a write; its pages stay to be read
        at the next start: every batch before it is kept). The index's connections are closed on a thread
        of their own, which copies the log (up to 16 MB of WAL) into the index file: the process waits for
        it as it ends (not a daemon), the window does not (it waited for the rest of the batch being read,
        1.2-1.6 s on the NCI pages, and then for the copy, 50-90 ms)."""
        with self._telling:  # (waits for a signal being emitted now: none is emitted after this)
            self._stop.set()
        self._again.stop()
        if self._ahead is not None:
            self._ahead.stop()
        if self._helper is not None:
            self._helper.close()  # a long page it is parsing now is not parsed here instead
        if self._opened is not None:  # (the window may not have heard yet that it is open)
            self._opened.interrupt()
        if self._thread is not None:
            self._thread.join(10)
        index, self._index, self._opened = self._opened, None, None
        if index is not None:
            self._closer = threading.Thread(target=index.close, name="search-index-close")
            self._closer.start()

    def wait_closed(self, timeout: float | None = None) -> None:
        """Block until the index closed by `close` is closed (for tests and the command line)."""
        if self._closer is not None:
            self._closer.join(timeout)
