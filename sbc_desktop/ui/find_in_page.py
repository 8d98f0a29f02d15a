"""The find bar's words found on the page shown (page_find.py) and, on a long glossary's letter page, on the
other letters too (glossary_find.py): the count the bar shows and says, and Next and Previous."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Signal

from .anchor_place import anchor_position
from .find_bar import FindBar
from .glossary_find import GlossaryFind, find_label
from .page_find import Highlighter, text_pattern


class FindInPage(QObject):
    """The find bar's words found on the page, its count shown as the matches are counted. On a long
    glossary's letter page, the other letters too (glossary_find.py)."""

    goRequested = Signal(str)  # another letter's page of a long glossary, where Next (Previous) goes on

    def __init__(self, bar: FindBar, highlighter: Highlighter, glossary: GlossaryFind | None = None):
        super().__init__(bar)
        self.bar = bar
        self.highlighter = highlighter
        self.glossary = glossary
        # A letter's page gone to by Next (+1) or Previous (-1): its first (last) match is made the current
        # one once the page is in and counted. (direction, the page's address)
        self._arrival: tuple[int, str] | None = None
        self._url = ""  # the page's address (as page_changed was told: the reader's source() is the old one then)
        highlighter.changed.connect(self._show_count)
        if glossary is not None:
            glossary.changed.connect(self._show_count)
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and self.highlighter.reader.is_complete():
            self.highlighter.prepare()
        elif event.type() == QEvent.Type.Hide and self.bar.isHidden() and self.glossary is not None:
            self.glossary.forget()  # closed (or a kiosk's reset), not only its window minimised
        return False

    def find(self, text: str, direction: int) -> None:
        """``text`` from the top (direction 0), or the next (+1) or previous (-1) match."""
        if direction == 0 or self.highlighter.label != text:
            arriving = self._arrival is not None and self._arrival[1] == self._address()
            self.highlighter.find_all(text_pattern(text), select_first=not arriving, label=text)
            if self.glossary is not None:
                self.glossary.count(text, self._page_url())
            if direction < 0:
                self.highlighter.step(-1)
        elif not self._to_another_letter(text, direction):
            self.highlighter.step(direction)
        self._show_count()

    def _page_url(self) -> str:
        return self._url or self.highlighter.reader.current_url()

    def _address(self) -> str:
        return self._page_url().split("#")[0]

    def _to_another_letter(self, text: str, direction: int) -> bool:
        """On a long glossary's letter page, Next after its last match (Previous before its first), or with none
        on it: the next (previous) letter with one, if the count of every letter is final. False: stay here."""
        glossary, highlighter = self.glossary, self.highlighter
        if glossary is None or glossary.text != text or highlighter.busy():
            return False
        if glossary.shown_letter(self._page_url()) is None:
            return False
        glossary.finish()
        count, current = len(highlighter.spans), highlighter.current
        if count and (current < count - 1 if direction > 0 else current > 0):
            return False
        letter = glossary.next_letter(forward=direction > 0)
        if letter is None:
            return False
        url = glossary.letter_url(letter)
        self._arrival = (direction, url)
        self.goRequested.emit(url)
        return True

    def page_changed(self, url: str = "") -> None:
        """A new page (at ``url``): the old page's count is neither shown nor said; "Searching…" until the new one
        is known."""
        self._url = url
        if self._arrival is not None and self._arrival[1] != url.split("#")[0]:
            self._arrival = None  # (another page came first: a link, Back, a kiosk's next patient)
        if self.bar.field.text():
            self.bar.show_count(0, 0, final=False)  # (stops the count due to be said)

    def busy(self) -> bool:
        """True while the bar's count is not final."""
        busy = self.glossary is not None and self.glossary.text == self.bar.field.text() and not self.glossary.done()
        return bool(self.bar.field.text()) and (self.highlighter.busy() or busy)

    def _arrived(self) -> bool:
        """A letter's page gone to by Next or Previous, now counted: its first match among the words (not the
        page's heading or letter row) or its last made the current one. True if one was."""
        arrival, highlighter = self._arrival, self.highlighter
        if arrival is None or highlighter.busy() or arrival[1] != self._address():
            return False
        self._arrival = None
        spans = highlighter.spans
        if arrival[0] < 0:
            highlighter.select(len(spans) - 1)
            return bool(spans)
        letter = self.glossary.shown_letter(arrival[1]) if self.glossary is not None else None
        words = anchor_position(highlighter.reader.document(), f"letter-{letter}") if letter else None
        first = bisect_left(spans.starts, words or 0)
        highlighter.select(first if first < len(spans) else 0)
        return bool(spans)

    def _show_count(self) -> None:
        text = self.bar.field.text()
        if not text or self.highlighter.label != text or self._arrived():
            return  # (a match made current: shown from there)
        count, highlighter, glossary = len(self.highlighter.spans), self.highlighter, self.glossary
        letter = glossary.shown_letter(self._page_url()) if glossary is not None else None
        if glossary is not None and letter and glossary.text == text:
            if highlighter.busy() or not glossary.done():
                self.bar.show_count(highlighter.current + 1, count, final=False)
                return
            label = find_label(highlighter.current + 1, count, letter, glossary.counts(), glossary.touch)
            if label:
                self.bar.show_message(label)
                return
        self.bar.show_count(highlighter.current + 1, count, not highlighter.busy())
