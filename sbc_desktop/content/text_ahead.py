"""Long pages' text asked of the page-text helper ahead of the search index's thread.

The index reads the pages' text a page at a time, in the order it adds them. A long page is
parsed in the helper process (page_text.py); asked for one page at a time, the index's thread
waited for each parse, and the helper stood idle while the index parsed the short pages and
wrote each batch, and while someone typed (the index holds its work back then). Here a
thread of its own asks the helper for the long pages in that same order, as far ahead as
``most_chars`` of Markdown, while the index does the rest: the helper parses (behind the
window: it is niced) while the index writes and while the patient types, and the index takes
each long page's text when it gets there. The thread waits on the helper's pipe, which does not
hold Python's lock; it holds it only to decode each answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .page_text import PageTextProcess, Unavailable

if TYPE_CHECKING:
    from .library import Topic
    from .rendered import Rendered

AHEAD_CHARS = 8_000_000  # characters of Markdown parsed ahead and not yet taken, at most


class TextAhead:
    """Asks ``helper`` for each of ``topics`` (in the order they will be taken) on a thread of its own.

    ``known_of`` gives a page's parse the window already has (in memory or on disk): that page is not
    asked of the helper. ``size_of`` measures a page for ``most_chars``."""

    def __init__(
        self,
        helper: PageTextProcess,
        topics: Sequence[Topic],
        size_of: Callable[[Topic], int],
        known_of: Callable[[Topic], Rendered | None] | None = None,
        most_chars: int = AHEAD_CHARS,
    ):
        self.helper = helper
        self._topics = list(topics)
        self._place = {topic.id: i for i, topic in enumerate(self._topics)}
        self._size_of = size_of
        self._known_of = known_of
        self._most = most_chars
        self._ready: dict[int, tuple[Rendered | None, int]] = {}  # place -> (parse or None: not this page, size)
        self._held = 0  # characters of Markdown in ``_ready``
        self._next = 0  # the place the thread reads next
        self._ended = False  # the helper cannot answer any more (or `stop`): the rest is parsed by the caller
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="search-text-ahead", daemon=True)
        self._thread.start()

    def __contains__(self, topic: Topic) -> bool:
        return topic.id in self._place

    def take(self, topic: Topic) -> Rendered | None:
        """``topic``'s headings and text, once the thread has them: None if the caller must parse it
        (the helper does not have this version of the page, or cannot answer). Pages before it that
        were never taken are let go."""
        place = self._place[topic.id]
        with self._changed:
            while True:
                for skipped in [p for p in self._ready if p < place]:  # (room made: the thread goes on)
                    self._held -= self._ready.pop(skipped)[1]
                self._changed.notify_all()
                if place in self._ready or self._ended or self._next > place:
                    break
                self._changed.wait()
            found, size = self._ready.pop(place, (None, 0))
            self._held -= size
            self._changed.notify_all()
        return found

    def stop(self) -> None:
        """Ask for nothing more (the caller parses what is left); the helper itself is closed by its owner."""
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        for place, topic in enumerate(self._topics):
            size = self._size_of(topic)
            with self._changed:
                while self._held and self._held + size > self._most and not self._ended:
                    self._changed.wait()
                if self._ended:
                    return
            found = self._known_of(topic) if self._known_of is not None else None
            if found is None:
                try:
                    found = self.helper.rendered(topic)
                except Unavailable:
                    self.stop()
                    return
            with self._changed:
                self._ready[place] = (found, size)
                self._held += size
                self._next = place + 1
                self._changed.notify_all()
        with self._changed:
            self._next = len(self._topics)
            self._changed.notify_all()
