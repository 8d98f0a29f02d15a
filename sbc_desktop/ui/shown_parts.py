"""What find in page, read aloud and a search's result need of a topic shown in parts (content/reading_parts.py),
over the reader's own names: how many parts, which is shown, each part's HTML without showing it, showing one,
and which places of a part's page are the part's own text.

A part's page repeats, in every part, the topic's header (its section and title), the line "Part 2 of 5: ..."
and the list of every part (pages.py, `_part_page`). Find counts the topic's words once, as on a page shown
whole: in a part, its own text, the header in the first part only and the sources in the last part only, never
the part line or the list of parts (searching "breast" on a ten-part "Breast cancer treatment" page would
otherwise find the title ten times, and every part's name in the list ten times). Read aloud reads the part
line (the way on, said before the part's text) and not the list, nor the title again after the first part.
Both places are found by the ids the part's page gives them (`PART_LINE`, `PARTS_LIST`), in the HTML (find's
count of the other parts) and in the document shown (Qt keeps an id as an anchor name).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from ..pages import PART_LINE_ID as PART_LINE
from ..pages import PARTS_LIST_ID as PARTS_LIST
from ..pages import page_address
from .anchor_place import anchor_position
from .reader import Reader


class ShownParts:
    """The reader's parts, as find and read aloud ask for them (see the module's text)."""

    def __init__(self, reader: Reader):
        self.reader = reader
        # The address shown, as `sourceChanged` told it (the reader's source() is still the old one while that
        # signal's handlers run): (the reader's page number, the address).
        self._shown: tuple[int, str] = (-1, "")
        reader.sourceChanged.connect(self._source_changed)  # (before the window's handlers: made before them)

    def _source_changed(self, url: QUrl) -> None:
        self._shown = (self.reader.page_number, url.toString())

    def url(self) -> str:
        """The address shown (the new one inside `sourceChanged`'s handlers too)."""
        number, url = self._shown
        return url if number == self.reader.page_number else self.reader.current_url()

    def count(self) -> int:
        """The shown topic's parts (1: a page shown whole)."""
        return self.reader.part_count()

    def shown(self) -> int:
        """The part on screen, from 0."""
        return self.reader.part_index()

    def topic(self) -> str:
        """The shown topic's address, without its part or place."""
        return page_address(self.url())

    def html(self, part: int) -> str:
        """Part ``part``'s own text, as find counts it (see the module's text), in HTML."""
        topic = self.reader.pages.topic_at(self.url())
        if topic is None:
            return ""
        # From the cut the reader keeps for the page shown (never a render or a cut again: review15 m4).
        return own_html(self.reader.pages.part_page(topic, part, self.reader.reading_parts()), first=part == 0)

    def show(self, part: int) -> None:
        """Show part ``part`` at its top (a new page in the history; said as the Next part button's is)."""
        self.reader.go_to_part(part)

    def find_skips(self, doc: QTextDocument) -> list[tuple[int, int]]:
        """The places of a part's page (``doc``) find does not search: its part line (and the header before it,
        after the first part), and its list of parts."""
        places = part_places(doc) if self.count() > 1 else None
        if places is None:
            return []
        line, body, listed = places
        return [(line if self.shown() == 0 else 0, body), (listed, doc.characterCount())]

    def read_skips(self, doc: QTextDocument) -> list[tuple[int, int]]:
        """The places of a part's page read aloud does not read: the header after the first part, the list of
        parts."""
        places = part_places(doc) if self.count() > 1 else None
        if places is None:
            return []
        line, _body, listed = places
        return ([] if self.shown() == 0 else [(0, line)]) + [(listed, doc.characterCount())]


def _id_at(html: str, name: str, last: bool = False) -> int:
    """Where the (first, or ``last``) element with id ``name`` starts in ``html`` (-1: none). (The part line comes
    before the part's text, the list of parts after it: an id in the text itself is never taken for them.)"""
    at = html.rfind(f'id="{name}"') if last else html.find(f'id="{name}"')
    return html.rfind("<", 0, at) if at >= 0 else -1


def own_html(html: str, first: bool) -> str:
    """A part's page's HTML without its part line and list of parts, and without the header after the first part."""
    line, listed = _id_at(html, PART_LINE), _id_at(html, PARTS_LIST, last=True)
    if line < 0:
        return html
    after_line = html.find("</p>", line)
    after_line = len(html) if after_line < 0 else after_line + len("</p>")
    return (html[:line] if first else "") + html[after_line : listed if listed >= 0 else len(html)]


def part_places(doc: QTextDocument) -> tuple[int, int, int] | None:
    """Where a part's page's part line starts, where the part's own text starts (after that line), and where its
    list of parts starts (the document's end if it has none), in ``doc``; None for a page not in parts."""
    line = anchor_position(doc, PART_LINE)
    if line is None:
        return None
    block = doc.findBlock(line)
    body = block.position() + block.length()
    listed = anchor_position(doc, PARTS_LIST, before=doc.characterCount())  # (the last: looked for from the end)
    end = doc.characterCount() - 1
    return block.position(), body, end if listed is None else doc.findBlock(listed).position()
