"""Find in page (and a search's words on the page it opens), a few milliseconds a step on a page of any length.

Finding every match with `QTextDocument.find` and highlighting each one took 0.5-2.6 s a key
on the longest NCI page (1.1 MB of Markdown, 824,000 characters in the reader), and a long
page's whole text had to be in first. Now:

- matches come from the page's text (`QTextDocument.toRawText`: one character for each
  position in the document, so a match's place is its place in the document), searched with
  Python's `re` in windows of about `WINDOW_CHARS` that end at a paragraph break (no match
  crosses one, as with `QTextDocument.find`);
- the first windows are searched in the key's own step, for up to `STEP_S`: the first match is
  highlighted and shown at once; the rest are counted in later turns of the event loop, each
  at most `STEP_S`. The count says "so far" until it is final;
- only the matches on screen and a screen above and below it are highlighted (Qt's extra
  selections: thousands of them made every change to the highlight cost tens of ms); the
  highlight follows the page as it scrolls or is laid out again;
- a page still coming in pieces (ui/reader.py) is searched as far as it has come; once it is
  complete the rest is searched. Nothing here ever adds the whole page in one step.

A new query, a new page or a kiosk reset (`clear`) drops whatever was still being counted.
"""

from __future__ import annotations

import re
import time
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ..content.words import match_pattern
from .reader import FIND, Reader
from .reading_position import when_laid_out

STEP_S = 0.004  # the longest a step of counting matches takes (then the event loop runs)
WINDOW_CHARS = 32_768  # the page's text is searched this much at a time (up to the next paragraph break)
MAX_MARKS = 2_000  # matches highlighted at once at most (the screen and one above and below)
PARAGRAPH = "\u2029"  # QTextDocument's block separator in its raw text


def text_pattern(text: str) -> str | None:
    """The typed text anywhere, ignoring case (find in page): what `Highlighter.find_all` takes."""
    return text or None


def words_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Whole words starting with any of ``words`` ("spread" also finds "spreads")."""
    return match_pattern(words)


class Spans:
    """Where the matches are, in order: two arrays of ints, so that 40,000 matches make no 40,000
    tuples for the garbage collector to walk (its pauses were the longest steps left)."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def keep(self, count: int) -> None:
        """Keep only the first ``count`` matches."""
        del self.starts[count:]
        del self.ends[count:]


class Highlighter(QObject):
    """Marks matches in the reader, one current match; counts them in short steps (see above)."""

    ALL = QColor("#ffe58a")  # pale yellow behind dark text: 13:1 and more
    CURRENT = QColor("#ffb347")

    changed = Signal()  # the matches, the current one, or whether the count is final

    def __init__(self, reader: Reader):
        super().__init__(reader)
        self.reader = reader
        self.spans = Spans()  # each match found, in order
        self.current = -1
        self.label = ""  # what was asked for (the find bar's text; "" for a search's words)
        self._pattern: re.Pattern[str] | str | None = None  # a str: that text, ignoring case
        self._text = ""  # the page's text as it was searched
        self._lower = ""  # the same in lower case, when that keeps every character's place (else "")
        self._scanned = 0  # the text before this has been searched
        self._page = -1  # the reader's page number the matches are for
        self._select_first = False  # the first match, once found, becomes the current one
        self._showing_later = False  # the current match is shown once the page is laid out
        self._painted: tuple[int, int, int] | None = None  # the highlighted matches: first, last+1, current
        self._near: tuple[int, int] | None = None  # the text on screen and a screen either side: (start, end)
        self._read: tuple[int, int, str, str] = (-1, -1, "", "")  # the page text read last: page, length, text, lower
        # The places of the page not searched (a topic in parts: its title and list of parts, repeated in every
        # part, are found once in the topic, not in each part: shown_parts.py). (start, end) in the document.
        self.skipped: Callable[[QTextDocument], list[tuple[int, int]]] = lambda _doc: []
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._count_step)
        self._paint_timer = QTimer(self)  # after a layout change, once it is done
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint)
        self._grown = False  # the page is complete: its new text is read in the next turn (_page_grew)
        reader.pageCompleted.connect(self._page_completed)
        reader.verticalScrollBar().valueChanged.connect(self._scrolled)
        reader.documentResized.connect(self._paint_later)  # (a long page's document is replaced once whole)
        reader.viewport().installEventFilter(self)

    # -- asking -------------------------------------------------------------------------
    def find_all(self, pattern: re.Pattern[str] | str | None, select_first: bool = False, label: str = "") -> int:
        """Start finding ``pattern`` on the page; returns how many matches were found in this step.

        A str pattern is found as it is, ignoring case (text_pattern); a compiled one as it says.
        With ``select_first`` the first match becomes the current one (shown) as soon as it is found."""
        self._step_timer.stop()
        self.spans, self.current = Spans(), -1
        self._pattern, self.label = pattern, label
        self._select_first = select_first
        self._grown = False
        self._showing_later = False  # (a wait for another page's layout may have been dropped)
        self._page = self.reader.page_number
        self._painted = None
        self._text, self._lower = self._page_text() if pattern is not None else ("", "")
        self._scanned = 0
        if select_first:
            self._unselect()  # an earlier query's match: until this one has a match, nothing is selected
        self._count_step()
        return len(self.spans)

    def step(self, direction: int) -> None:
        """Make the next (+1), previous (-1) or first (0) match the current one."""
        if direction == 0:
            if not self.spans:
                self._select_first = self.busy()
                return
            self.current = 0
        elif direction > 0:
            if self.current + 1 >= len(self.spans):
                self._count_now(len(self.spans) + 1)  # the next one may not be counted yet
            if not self.spans:
                return
            self.current = (self.current + 1) % len(self.spans)
        else:
            if self.current <= 0:
                self._count_now(None)  # going round to the last: every match
            if not self.spans:
                return
            self.current = (max(self.current, 0) - 1) % len(self.spans)
        self._select_first = False
        self._show_current()

    def at_end(self, direction: int) -> bool:
        """True if there is no match after the current one (``direction`` +1; counted as far as that needs) or
        before it (-1): where Next or Previous goes round, or on to another part of the topic."""
        if direction > 0:
            if self.current + 1 >= len(self.spans):
                self._count_now(len(self.spans) + 1)  # the next one may not be counted yet
            return self.current + 1 >= len(self.spans)
        return self.current <= 0

    def select(self, index: int) -> None:
        """Make match ``index`` the current one (shown, selected)."""
        if 0 <= index < len(self.spans):
            self.current, self._select_first = index, False
            self._show_current()

    def clear(self) -> None:
        """No matches, nothing still being counted."""
        self._step_timer.stop()
        self.spans, self.current, self._pattern, self.label = Spans(), -1, None, ""
        self._text, self._lower, self._scanned, self._select_first = "", "", 0, False
        self._showing_later = self._grown = False
        self._painted = None
        self._paint()
        self.changed.emit()

    def prepare(self) -> None:
        """Read the page's text in the next turn of the event loop (the find bar opened: the first key is quicker)."""
        QTimer.singleShot(0, self, self._page_text)

    def busy(self) -> bool:
        """True while the count is not final: matches still to count, or the page still coming."""
        if self._pattern is None:
            return False
        # (a part shown before the rest of its page came: final once the other parts are counted too)
        complete = self.reader.is_complete() and self.reader.parts_counted()
        return self._grown or self._scanned < len(self._text) or not complete

    def matched_text(self, index: int) -> str:
        start, end = self.spans[index]
        return self._text[start:end]

    # -- counting -----------------------------------------------------------------------
    def _page_text(self) -> tuple[str, str]:
        """The page's text and its lower case, read once for each page and length (a few ms for the longest)."""
        # toRawText keeps one character per position (toPlainText too, but it turns some into
        # others); QTextDocument.find reads a no-break space as a space, and so does this.
        doc = self.reader.document()
        page, length = self.reader.page_number, doc.characterCount()
        if self._read[:2] != (page, length):
            text = doc.toRawText().replace("\xa0", " ")
            for start, end in self.skipped(doc):  # (a paragraph break for each character: every place kept)
                start, end = max(0, start), min(len(text), end)
                text = text[:start] + PARAGRAPH * max(0, end - start) + text[end:]
            lower = text.lower()
            self._read = (page, length, text, lower if len(lower) == len(text) else "")
        return self._read[2], self._read[3]

    def _search_window(self) -> None:
        text, start = self._text, self._scanned
        end = text.find(PARAGRAPH, start + WINDOW_CHARS)
        end = len(text) if end < 0 else end + 1
        pattern = self._pattern
        if isinstance(pattern, str) and self._lower:  # str.find on the lower case: many times quicker than re
            lower, needle = self._lower, pattern.lower()
            size, starts, ends = len(needle), self.spans.starts, self.spans.ends
            at = lower.find(needle, start, end)
            while at >= 0:
                starts.append(at)
                ends.append(at + size)
                at = lower.find(needle, at + size, end)
        elif pattern is not None:
            if isinstance(pattern, str):
                pattern = re.compile(re.escape(pattern), re.IGNORECASE)
            for match in pattern.finditer(text, start, end):
                self.spans.add(match.start(), match.end())
        self._scanned = end

    def _count_step(self) -> None:
        """Count for up to STEP_S; the rest in the next turn of the event loop."""
        if self._pattern is not None:
            began = time.perf_counter()
            while self._scanned < len(self._text):  # one window at least, then until STEP_S is spent
                self._search_window()
                if time.perf_counter() - began >= STEP_S:
                    break
            if self._scanned < len(self._text):
                self._step_timer.start()
        self._found_some()

    def _count_now(self, count: int | None) -> None:
        """Count here until there are ``count`` matches (None: all of them)."""
        if self._pattern is None:
            return
        while self._scanned < len(self._text) and (count is None or len(self.spans) < count):
            self._search_window()
        if self._scanned >= len(self._text):
            self._step_timer.stop()

    def _found_some(self) -> None:
        if self._select_first and self.spans:
            self._select_first = False
            self.current = 0
            self._show_current()  # paints and tells
            return
        self._paint()
        self.changed.emit()

    def _page_completed(self) -> None:
        """The rest of the page is in: its text is read in a turn of its own (a few ms for the longest
        page), not in the one that put it on screen."""
        if self._pattern is not None and self._page == self.reader.page_number and not self._grown:
            self._grown = True
            QTimer.singleShot(0, self, self._page_grew)

    def _page_grew(self) -> None:
        """The page the matches are for is complete: the text added since is searched too."""
        grown, self._grown = self._grown, False
        if not grown or self._pattern is None or self._page != self.reader.page_number:
            return
        old = self._text
        self._text, self._lower = self._page_text()
        if self._text.startswith(old[: len(old) - 1]):
            # Pieces are added after the last paragraph: search again from its start.
            safe = old.rfind(PARAGRAPH) + 1
            self.spans.keep(bisect_left(self.spans.starts, safe))
            self.current = min(self.current, len(self.spans) - 1)
            self._scanned = min(self._scanned, safe)
        else:  # not what was expected: every match again, the current one kept if it is still there
            was = self.spans.starts[self.current] if 0 <= self.current < len(self.spans) else -1
            self.spans, self._scanned = Spans(), 0
            self._count_now(None)
            at = bisect_left(self.spans.starts, was)
            found = at < len(self.spans) and self.spans.starts[at] == was
            self.current = at if found else (0 if len(self.spans) else -1)
        self._step_timer.start()  # counted from the next turn
        self.changed.emit()

    # -- showing ------------------------------------------------------------------------
    def _show_current(self) -> None:
        """Select the current match and scroll to it; on a page still being laid out, once it is
        (selecting or scrolling to text not yet laid out lays the page out to there in one step)."""
        if not self.reader.is_laid_out():
            self._paint()
            self.changed.emit()
            if not self._showing_later:
                self._showing_later = True
                when_laid_out(self.reader, self._show_later)
            return
        start, end = self.spans[self.current]
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.reader.setTextCursor(cursor)  # a screen reader follows the text cursor
        self.reader.ensureCursorVisible()
        self._paint()
        self.changed.emit()

    def _unselect(self) -> None:
        """No text selected in the reader (a screen reader follows it), its place and the view kept."""
        cursor = self.reader.textCursor()
        if not cursor.hasSelection():
            return
        bars = self.reader.verticalScrollBar(), self.reader.horizontalScrollBar()
        values = [bar.value() for bar in bars]
        cursor.clearSelection()
        self.reader.setTextCursor(cursor)  # (it scrolls to the cursor: the view is put back)
        for bar, value in zip(bars, values, strict=True):
            bar.setValue(value)

    def _show_later(self) -> None:
        self._showing_later = False
        if self._page == self.reader.page_number and 0 <= self.current < len(self.spans):
            self._show_current()

    def _paint_later(self) -> None:
        self._near = None  # the page was laid out again: what is on screen may be other text
        if self._pattern is not None:
            self._paint_timer.start()

    def _scrolled(self, _value: int) -> None:
        self._near = None
        self._paint()

    def _near_screen(self) -> tuple[int, int]:
        """Where the text on screen and a screen above and below it starts and ends (two hit tests: ms each)."""
        if self._near is None:
            viewport = self.reader.viewport()
            height = viewport.height()
            top = self.reader.cursorForPosition(QPoint(0, -height)).position()
            bottom = self.reader.cursorForPosition(QPoint(viewport.width(), 2 * height)).position()
            self._near = (top, bottom)
        return self._near

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._paint_later()
        return False

    def _paint(self) -> None:
        """Highlight the matches on screen and a screen above and below (the current one always)."""
        if not self.spans or self._page != self.reader.page_number:
            if self._painted != (0, 0, -1):
                self._painted = (0, 0, -1)
                self.reader.set_layer(FIND, [])
            return
        top, bottom = self._near_screen()
        first = bisect_left(self.spans.starts, top)
        last = min(bisect_right(self.spans.starts, bottom), first + MAX_MARKS)
        if self._painted == (first, last, self.current):
            return
        self._painted = (first, last, self.current)
        indexes = list(range(first, last))
        if 0 <= self.current < len(self.spans) and not first <= self.current < last:
            indexes.append(self.current)
        doc = self.reader.document()
        selections = []
        for index in indexes:
            start, end = self.spans[index]
            if end >= doc.characterCount():
                continue  # (not this page's text: a blank one stands in while the window is restyled)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(self.CURRENT if index == self.current else self.ALL)
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self.reader.set_layer(FIND, selections)  # the focused link and the sentence read aloud stay
