"""The page on screen made again for a library that has just arrived whole, without stopping the window.

A start shows its first page from part of the library (library_arrival). When the whole library
arrives, that page is made again only if the whole library makes it differently (a first start's
part had no glossary and no other topics to link; `Pages.made_whole` and `Pages.take_whole` decide).
Made again, it is not done in one step on the window's thread: a long topic (1 MB of an NCI page
took 2 s to render there and 1 s more to lay out whole, the window frozen) is rendered in a worker
(page_builds.py) while the reader goes on reading the page as it was; then the page is shown again at
the reader's place as a new theme shows it (`Reader.reload_in_place`: its pieces added in idle steps,
the screen left as it was until the page is in). A page the reader has left meanwhile is not made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ..pages import Pages
from .page_builds import PageBuilds
from .reader import BUILD_CHARS, Reader


class PageRenewal(QObject):
    """Shows the reader's page again once its topic is rendered (in a worker when long)."""

    def __init__(self, reader: Reader, pages: Pages, reload: Callable[[], None]):
        super().__init__(reader)
        self.reader = reader
        self.pages = pages
        self._reload = reload  # shows the page again in place (the window's: its title is not said again)
        self._builds: PageBuilds | None = None
        self._number = 0
        self._waiting: tuple[int, str, int] | None = None  # (build, address, the reader's page number)

    def renew(self) -> None:
        """Show the page on screen again: now if its topic is short or already rendered, else once a
        worker has rendered it (the page as it is stays on screen meanwhile)."""
        address = self.reader.current_url()
        topic = self.pages.topic_at(address)
        if topic is None or len(topic.body) <= BUILD_CHARS or self.pages.at_hand(topic):
            self._waiting = None
            self._reload()
            return
        if self._builds is None:
            self._builds = PageBuilds(self)
            self._builds.built.connect(self._built)
        self._number += 1
        self._waiting = (self._number, address, self.reader.page_number)
        self._builds.start(self._number, lambda: self.pages.rendered(topic))  # thread-safe (render.py)

    def is_waiting(self) -> bool:
        """True while the page's topic is being rendered in the worker, to be shown again after."""
        return self._waiting is not None

    def _built(self, number: int) -> None:
        waiting = self._waiting
        if waiting is None or waiting[0] != number:
            return
        self._waiting = None
        _number, address, page = waiting
        if self.reader.current_url() == address and self.reader.page_number == page:  # still the page read
            self._reload()  # (a render that failed: the reader says so, as for any page)
