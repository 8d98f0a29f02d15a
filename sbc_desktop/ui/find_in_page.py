"""The find bar's words found on the page shown (page_find.py) and, on a long glossary's letter page, on the
other letters too (glossary_find.py); on a topic shown in parts, in its other parts too (parts_find.py): the
count the bar shows and says, and Next and Previous."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from ..plurals import counted
from .anchor_place import anchor_position
from .find_bar import FindBar
from .glossary_find import GlossaryFind, find_label
from .page_find import Highlighter, text_pattern
from .parts_find import PartsFind
from .shown_parts import ShownParts


class FindInPage(QObject):
    """The find bar's words found on the page, its count shown as the matches are counted. On a long
    glossary's letter page, the other letters too (glossary_find.py)."""

    goRequested = Signal(str)  # another letter's page of a long glossary, where Next (Previous) goes on

    def __init__(self, bar: FindBar, highlighter: Highlighter, glossary: GlossaryFind | None = None,
                 shown_parts: ShownParts | None = None):  # fmt: skip
        super().__init__(bar)
        self.bar = bar
        self.highlighter = highlighter
        self.glossary = glossary
        self.shown_parts = shown_parts  # the reader's parts: a topic shown in parts is found in all of them
        self.parts = PartsFind(self)
        # A part gone to by Next (+1) or Previous (-1): its first (last) match is made the current one once it is
        # shown and counted. (direction, the topic's address, the part)
        self._part_arrival: tuple[int, str, int] | None = None
        self._part_wanted = 0  # Next (+1) or Previous (-1) pressed at a part's end before the other parts were counted
        # A letter's page gone to by Next (+1) or Previous (-1): its first (last) match is made the current
        # one once the page is in and counted. (direction, the page's address)
        self._arrival: tuple[int, str] | None = None
        self._url = ""  # the page's address (as page_changed was told: the reader's source() is the old one then)
        highlighter.changed.connect(self._show_count)
        if glossary is not None:
            glossary.changed.connect(self._show_count)
        self.parts.changed.connect(self._parts_counted)
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and self.highlighter.reader.is_complete():
            self.highlighter.prepare()
            if self._in_parts():
                self.parts.prepare()  # the other parts' text, ahead of the first key
        elif event.type() == QEvent.Type.Hide and self.bar.isHidden():
            # closed (or a kiosk's reset), not only its window minimised
            if self.glossary is not None:
                self.glossary.forget()
            self.parts.forget()
            self._part_arrival, self._part_wanted = None, 0
        return False

    def find(self, text: str, direction: int) -> None:
        """``text`` from the top (direction 0), or the next (+1) or previous (-1) match."""
        if direction == 0 or self.highlighter.label != text:
            self._part_wanted = 0  # (new words: a Next waiting for the old words' count is dropped)
            arriving = self._arrival is not None and self._arrival[1] == self._address()
            arriving = arriving or self._part_arrival is not None  # (dropped by page_changed if not this part)
            self.highlighter.find_all(text_pattern(text), select_first=not arriving, label=text)
            if self.glossary is not None:
                self.glossary.count(text, self._page_url())
            self._count_parts(text)
            if direction < 0 and not self._to_another_part(text, -1):
                self.highlighter.step(-1)
        elif not self._to_another_letter(text, direction) and not self._to_another_part(text, direction):
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

    # -- a topic in parts ---------------------------------------------------------------
    def _in_parts(self) -> bool:
        """True while a topic shown in parts is on screen (the reader's part and topic known)."""
        shown = self.shown_parts
        # (a part shown before the rest of its page came: found in it alone until the page is counted, then again)
        if shown is None or shown.count() < 2 or not shown.reader.parts_counted():
            if self.parts.parts:
                self.parts.set_topic("", 0, lambda _part: "")  # (the texts and counts dropped)
            return False
        self.parts.set_topic(shown.topic(), shown.count(), shown.html)
        return True

    def _count_parts(self, text: str) -> None:
        if self._in_parts() and self.shown_parts is not None:
            self.parts.count(text, self.shown_parts.shown())

    def _to_another_part(self, text: str, direction: int) -> bool:
        """On a topic in parts, Next after the shown part's last match (Previous before its first), or with none
        in it: the next (previous) part with one, going round; once the other parts are counted, if they are
        not yet. False: stay in this part (no other part has the words)."""
        parts, highlighter, shown = self.parts, self.highlighter, self.shown_parts
        if shown is None or not self._in_parts() or parts.text != text or not text:
            return False
        if not highlighter.at_end(direction) or (direction > 0 and highlighter.busy()):
            return False  # a match further on in this part (or this part still coming: round in it, as today)
        target = parts.next_part(forward=direction > 0)
        if target is None:
            if parts.done():
                self._part_wanted = 0
                return False  # in this part only: round in it
            self._part_wanted = direction  # once the parts in between are counted (_parts_counted)
            return True
        self._part_wanted = 0
        self._part_arrival = (direction, parts.topic, target)
        shown.show(target)
        return True

    def _parts_counted(self) -> None:
        """More of the other parts counted: Next (Previous) waiting for them goes on; the count shown again."""
        wanted, text = self._part_wanted, self.bar.field.text()
        if (
            wanted
            and self.parts.text == text
            and (self.parts.next_part(forward=wanted > 0) is not None or self.parts.done())
        ):
            self._part_wanted = 0
            if not self._to_another_part(text, wanted):
                self.highlighter.step(wanted)  # no other part has the words: round in this one
        self._show_count()

    def _arrived_in_part(self) -> bool:
        """A part gone to by Next or Previous, now shown and counted (as far as needed): its first match or its
        last made the current one. True if one was."""
        arrival, highlighter, shown = self._part_arrival, self.highlighter, self.shown_parts
        if arrival is None or shown is None or (arrival[1], arrival[2]) != (self.parts.topic, shown.shown()):
            return False
        if not self.highlighter.reader.is_complete():
            return False  # (its text is counted once it is all in)
        if arrival[0] > 0 and not highlighter.spans and highlighter.busy():
            return False
        if arrival[0] < 0 and highlighter.busy():
            return False
        self._part_arrival = None
        spans = highlighter.spans
        highlighter.select(len(spans) - 1 if arrival[0] < 0 else 0)
        return bool(spans)

    def _parts_label(self, text: str) -> bool:
        """The count of a topic in parts, of all its parts ("3 of 12"): True if shown."""
        parts, highlighter = self.parts, self.highlighter
        if not self._in_parts():
            return False
        counting = parts.text == text  # (else the other parts' count is about to start: not final)
        here, current = len(highlighter.spans), highlighter.current
        total = (parts.elsewhere() if counting else 0) + here
        final = counting and parts.done() and not highlighter.busy()
        before = parts.before() if counting else 0
        if not final:
            if here and current >= 0:
                self.bar.show_count((before or 0) + current + 1, total, final=False)
            else:
                self.bar.show_count(0, 0, final=False)  # "Searching…"
        elif here and current >= 0:
            self.bar.show_count((before or 0) + current + 1, total)
        elif total:  # none in this part: found in others
            elsewhere = parts.elsewhere()
            self.bar.show_message(
                counted(
                    QCoreApplication.translate(
                        "FindInPage", "Not in this part. Found %n times in other parts: press Next", "", elsewhere
                    ),
                    elsewhere,
                )
            )
        else:
            self.bar.show_count(0, 0)  # "Not found"
        return True

    def page_changed(self, url: str = "") -> None:
        """A new page (at ``url``): the old page's count is neither shown nor said; "Searching…" until the new one
        is known."""
        self._url = url
        if self._arrival is not None and self._arrival[1] != url.split("#")[0]:
            self._arrival = None  # (another page came first: a link, Back, a kiosk's next patient)
        self._part_wanted = 0
        shown = self.shown_parts
        here = (self.parts.topic, shown.shown()) if shown is not None and self._in_parts() else None
        if self._part_arrival is not None and self._part_arrival[1:] != here:
            self._part_arrival = None  # (another page or part came first)
        if self.bar.field.text():
            self.bar.show_count(0, 0, final=False)  # (stops the count due to be said)

    def busy(self) -> bool:
        """True while the bar's count is not final."""
        text = self.bar.field.text()
        busy = self.glossary is not None and self.glossary.text == text and not self.glossary.done()
        busy = busy or (self.parts.text == text and not self.parts.done())
        return bool(text) and (self.highlighter.busy() or busy)

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
        if not text or self.highlighter.label != text or self._arrived() or self._arrived_in_part():
            return  # (a match made current: shown from there)
        if self._parts_label(text):
            return
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
