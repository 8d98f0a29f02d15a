"""A page's parts as they arrive from the helper process, for the reader to build while the rest is parsed.

The render helper (render_helper.py) sends each part of a long page's HTML as soon as it is made; the
window's worker thread adds each here (`add`) and, once the whole rendering is in, ends it (`end`). The
reader takes the parts in order from the window's thread (`body_parts`): a part is given out once the
next one has come, or the helper has said it was the last (`all_in`), or the page has ended (only then is
it known whether it is the last, which carries the page's footer), and `NOT_YET` while the next has not
come. Thread-safe.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator


class _NotYet:
    """What `ArrivingParts.body_parts` gives while the next part is still being made."""

    def __repr__(self) -> str:
        return "NOT_YET"


NOT_YET = _NotYet()


class ArrivingParts:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._parts: list[str] = []
        self._ended = False
        self._all_in = False  # the parts that came are all the page's (the rest of its rendering still to come)
        self.diverged = False  # the whole rendering's parts are not the ones that came (its parse failed)

    def add(self, part: str) -> None:
        """The next part (from the worker thread)."""
        with self._changed:
            if not self._ended:
                self._parts.append(part)
                self._changed.notify_all()

    def all_in(self) -> None:
        """The parts added are all the page's: its last can be given out before the page has ended."""
        with self._changed:
            self._all_in = True
            self._changed.notify_all()

    def end(self, parts: tuple[str, ...] | None) -> None:
        """The page is whole: ``parts`` are its parts (None: it could not be made). Parts that did not
        come are added; parts that came and are not the page's make it `diverged` (shown again whole)."""
        with self._changed:
            if self._ended:
                return
            if parts is None or tuple(parts[: len(self._parts)]) != tuple(self._parts):
                self.diverged = True
            elif self._all_in and len(parts) != len(self._parts):
                self.diverged = True  # (given out as the whole page: it was not)
            else:
                self._parts = list(parts)
            self._ended = True
            self._changed.notify_all()

    def so_far(self) -> tuple[str, ...]:
        """The parts that have come (the page's first parts: its first part may be shown from them before the
        rest is made, content/reading_parts.py `split_page`)."""
        with self._changed:
            return () if self.diverged else tuple(self._parts)

    def all_parts(self) -> tuple[str, ...] | None:
        """Every part of the page, once they are all in (None before, or if they are not the page's)."""
        with self._changed:
            if self.diverged or not (self._all_in or self._ended):
                return None
            return tuple(self._parts)

    @property
    def ended(self) -> bool:
        with self._changed:
            return self._ended

    def has(self, index: int) -> bool:
        """Whether part ``index`` can be given out now (the next has come, the last has, or the page has ended)."""
        with self._changed:
            return index + 1 < len(self._parts) or ((self._ended or self._all_in) and index < len(self._parts))

    def wait_ended(self, timeout: float | None = None) -> bool:
        """Wait (without Python's lock) until the page has ended; False if ``timeout`` passed first."""
        with self._changed:
            return self._changed.wait_for(lambda: self._ended, timeout)

    def body_parts(self) -> Iterator[tuple[str, bool] | _NotYet]:
        """(part, is it the last?) in order, `NOT_YET` while the next is still to come; ends with the page
        (early if it `diverged`: the parts that came are not the page's)."""
        index = 0
        while True:
            with self._changed:
                count, ended, diverged = len(self._parts), self._ended or self._all_in, self.diverged
                part = self._parts[index] if index < count else ""
            if ended and (diverged or index >= count):
                return
            if index + 1 < count or ended:
                yield part, index + 1 >= count
                index += 1
            else:
                yield NOT_YET
