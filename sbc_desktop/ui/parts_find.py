"""Find in page on a topic shown in parts: the other parts are counted too.

A long imported page is shown one part at a time (the reader's "Part 2 of 5"), and find in page
(page_find.py) searches only the document shown. So that a patient loses nothing, the find bar's words
are also counted here in every other part of the topic, from each part's HTML (what the reader would
show), and the find bar's count is of the whole topic ("3 of 12"). Next after the shown part's last
match goes on to the next part that has one; Previous before its first, to the previous one's last;
round from the last part to the first.

Each part's text is made from its HTML with a few regular expressions (the tags out, block tags a
paragraph break, spaces run together, entities read), as Qt reads it: on the 40 longest NCI pages the
count of every word tried was the count in Qt's own `toRawText`. The text is made and counted a piece
at a time, at most `STEP_S` a turn of the event loop (the longest page's 1.2 MB of HTML: about 60 ms in
all at load, never in one step), ahead of the first key when the find bar opens on such a topic, and
dropped when it closes or the topic changes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from .in_steps import CountedInSteps, next_turn_timer

STEP_S = 0.004  # the longest a step of making or counting the parts' text takes
CHUNK_CHARS = 16_384  # HTML turned into text this much at a time (up to the next block tag)
PARAGRAPH = "\u2029"  # a block break in the text (as in QTextDocument's raw text: no match crosses one)

# Tags that start or end a block in Qt's reading of HTML (a paragraph break in its text), and <br>.
_BLOCK = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|td|th|pre|blockquote|hr|"
    r"section|figure|figcaption|center)\b[^>]*|br\b[^>]*)>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\n\f]+")


def html_text(html: str) -> str:
    """The text Qt shows for ``html``, as find reads it (a no-break space as a space), to count matches in."""
    from html import unescape  # (here: a start imports no html package, test_start_up)

    text = _SPACES.sub(" ", _TAG.sub("", _BLOCK.sub(PARAGRAPH, html)))
    return unescape(text).replace("\xa0", " ")


def chunk_end(html: str, start: int, size: int = CHUNK_CHARS) -> int:
    """Where a piece of ``html`` from ``start`` of about ``size`` characters ends: before a block tag (no tag,
    entity or run of spaces is cut in two), or at the end."""
    if start + size >= len(html):
        return len(html)
    found = _BLOCK.search(html, start + size)
    return found.start() if found else len(html)


def count_in(text: str, lower: str, needle: str) -> int:
    """How many times find in page finds ``needle`` in ``text`` (``lower``: its lower case, "" if that moves
    characters), as page_find.Highlighter counts them: ignoring case, none overlapping."""
    if not needle:
        return 0
    if lower:
        return lower.count(needle.lower())
    return sum(1 for _ in re.finditer(re.escape(needle), text, re.IGNORECASE))


class PartsFind(CountedInSteps):
    """Counts a find's words in every part of the shown topic (see the module's text). `changed`: more parts counted,
    or the counts dropped."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._topic = ""  # the topic (its address without the part) the texts are for
        self._html: Callable[[int], str] = lambda _index: ""
        self._parts = 0
        self._texts: list[tuple[str, str] | None] = []  # each part's text and lower case (None: not made yet)
        self._making: tuple[int, str, int, list[str]] | None = None  # (part, its HTML, where in it, pieces made)
        self.text = ""  # what is counted (the find bar's text)
        self.shown = -1  # the part shown (counted by the page's own find, not here)
        self._counts: dict[int, int] = {}

    # -- the topic ------------------------------------------------------------------------
    def set_topic(self, topic: str, parts: int, html: Callable[[int], str]) -> None:
        """The topic at ``topic`` (an address without its part) has ``parts`` parts, ``html(i)`` the HTML of each.
        The same topic again keeps what was made for it."""
        if (topic, parts) == (self._topic, self._parts):
            self._html = html
            return
        self.forget()
        self._topic, self._parts, self._html = topic, parts, html
        self._texts = [None] * parts

    @property
    def topic(self) -> str:
        return self._topic

    @property
    def parts(self) -> int:
        return self._parts

    def prepare(self) -> None:
        """Make the parts' text ahead of the first key (the find bar opened), in steps."""
        if any(text is None for text in self._texts):
            self._timer.start()

    def count(self, text: str, shown: int) -> None:
        """Count ``text`` in every part, ``shown`` being the part on screen (the parts after it first)."""
        if text == self.text and text:
            self.shown = shown  # (counted, or being counted: another part of the topic shown, or the bar again)
            return
        self.text, self.shown = text, shown
        self._counts = {}
        order = [(shown + step) % self._parts for step in range(1, self._parts + 1)] if self._parts > 1 else []
        self._count_from(order if text else [])  # (the parts after the one shown first)

    def counts(self) -> dict[int, int]:
        """Each part's count, as far as counted (every one once done)."""
        return dict(self._counts)

    def elsewhere(self) -> int:
        """The matches counted in the parts but the one shown, so far."""
        return sum(n for part, n in self._counts.items() if part != self.shown)

    def before(self) -> int | None:
        """The matches in the parts before the one shown; None until each of them is counted."""
        if any(part not in self._counts for part in range(self.shown)):
            return None
        return sum(self._counts[part] for part in range(self.shown))

    def next_part(self, forward: bool) -> int | None:
        """The next part after the one shown (or before it) that has the words, going round; None if none, or
        if that is not known yet (the parts in between still to count)."""
        for step in range(1, self._parts):
            part = (self.shown + (step if forward else -step)) % self._parts
            if part not in self._counts:
                return None
            if self._counts[part]:
                return part
        return None

    def found_in(self) -> list[int]:
        """The other parts (0-based, in order) where the words are, as far as counted."""
        return [part for part, n in sorted(self._counts.items()) if n and part != self.shown]

    def forget(self) -> None:
        """Drop the parts' text and counts (the find bar closed, or another topic)."""
        self._timer.stop()
        self._texts = [None] * self._parts
        self._making = None
        self.text, self.shown, self._left, self._counts = "", -1, [], {}

    def held(self) -> int:
        """How many characters of the parts' text are kept."""
        made = sum(len(text) + len(lower) for text, lower in filter(None, self._texts))
        return made + (sum(map(len, self._making[3])) if self._making else 0)

    def part_text(self, part: int, budget: float = float("inf")) -> str | None:
        """Part ``part``'s text (made now, for up to ``budget`` seconds: None if that was not enough)."""
        if not 0 <= part < self._parts:
            return None
        began = time.perf_counter()
        while self._texts[part] is None:
            if not self._make(part, began, budget):
                return None
        made = self._texts[part]
        return made[0] if made is not None else None

    # -- in steps -------------------------------------------------------------------------
    def _make(self, part: int, began: float, budget: float) -> bool:
        """Make part ``part``'s text for up to ``budget`` seconds; True once it is made."""
        if self._making is None or self._making[0] != part:
            self._making = (part, self._html(part), 0, [])  # (its HTML asked for once)
        _part, html, at, pieces = self._making
        while at < len(html):
            end = chunk_end(html, at)
            pieces.append(html_text(html[at:end]))
            at = end
            if time.perf_counter() - began >= budget and at < len(html):
                self._making = (part, html, at, pieces)
                return False
        text = "".join(pieces)
        lower = text.lower()
        self._texts[part] = (text, lower if len(lower) == len(text) else "")
        self._making = None
        return True

    def _step(self) -> None:
        began = time.perf_counter()
        counted = len(self._counts)
        while self._left:  # one piece at least, then until STEP_S is spent
            part = self._left[0]
            made = self._texts[part]
            if made is None:
                if not self._make(part, began, STEP_S):
                    break
                continue
            self._counts[part] = count_in(made[0], made[1], self.text)
            self._left.pop(0)
            if time.perf_counter() - began >= STEP_S:
                break
        if not self._left:  # every count known: the rest of the texts made ahead (for the next words)
            missing = next((part for part, text in enumerate(self._texts) if text is None), None)
            while missing is not None and self._make(missing, began, STEP_S):
                missing = next((part for part, text in enumerate(self._texts) if text is None), None)
                if time.perf_counter() - began >= STEP_S:
                    break
        if self._left or any(text is None for text in self._texts):
            self._timer.start()
        if len(self._counts) != counted:
            self.changed.emit()  # (more parts counted: the count so far, or the final one)


class FirstPart(QObject):
    """The first part of a topic that has a search's words (a search's result opens there), looked for a piece
    of HTML at a time, at most `STEP_S` a turn of the event loop: on a long page, in a few turns."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._seeking: tuple[int, Callable[[int], str], re.Pattern[str], Callable[[int], None]] | None = None
        self._at = (0, 0)  # the part and the place in its HTML looked at next
        self._timer = next_turn_timer(self, self._step)

    def seek(
        self, parts: int, html: Callable[[int], str], pattern: re.Pattern[str], then: Callable[[int], None]
    ) -> None:
        """Call ``then`` with the first of ``parts`` parts (``html(i)`` each) where ``pattern`` is found (0 if in
        none): now, if that takes one step, else in a later turn. An earlier seek is dropped."""
        self._seeking, self._at = (parts, html, pattern, then), (0, 0)
        self._step()

    def cancel(self) -> None:
        self._timer.stop()
        self._seeking = None

    def _step(self) -> None:
        if self._seeking is None:
            return
        parts, html_of, pattern, then = self._seeking
        began = time.perf_counter()
        part, at = self._at
        found: int | None = None
        while part < parts:
            html = html_of(part)
            end = chunk_end(html, at)
            if pattern.search(html_text(html[at:end])):  # (pieces end at a block: no match crosses two)
                found = part
                break
            part, at = (part, end) if end < len(html) else (part + 1, 0)
            if time.perf_counter() - began >= STEP_S:
                break
        if found is None and part < parts:
            self._at = (part, at)
            self._timer.start()
            return
        self._seeking = None
        then(found or 0)
