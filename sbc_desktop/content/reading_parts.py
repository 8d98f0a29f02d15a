"""A long page read in parts: where its body's HTML is cut, and what each part is called.

A switch to a page must be complete within 50 ms (issue 14), and a bare QTextBrowser showing a whole
NCI PDQ page (150 KB of Markdown at p95, 1.1 MB at most) takes longer than that on its own. A patient is
also better served by "Part 2 of 5: Stages of breast cancer" with a clear way on than by forty screens.
So a page whose layout would cost more than `PART_BUDGET` is cut into reading parts: at its top-level
sections (``<h2>``), small sections grouped until the budget; a section still over it at its ``<h3>``s,
then between top-level blocks (never inside a table, a list or a paragraph). A block over the budget on its
own (a long table, a long list) stays whole, in a part of its own. Built-in pages are short: never cut.

The cost of a piece of HTML is what Qt's layout and first paint of it take, measured on the NCI pages
(benchmarks/README.md, "Long pages in parts"): about 10 µs a tag (a paragraph, a cell, a link) plus 0.05 µs
a character; `cost` counts it in tags.

Cheap enough for a step of the window (a few ms on the 1.3 MB page): the renderer's own parts of a page
(content/render.py) are already cut between top-level elements, so only a heading inside one of them is
looked at tag by tag, to know it is at the top level; the rest is ``str.count`` and ``str.find``.
Pure Python, no Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..escape import escape

CHARS_PER_TAG = 200  # characters of HTML cost Qt's layout about what one tag does
# A part costs at most this many tags (about 10 ms of Qt's layout and paint on a quiet machine): chosen by
# measuring (benchmarks/README.md, "Long pages in parts, session 33").
APP_PART_BUDGET = 1_000
PART_BUDGET = APP_PART_BUDGET  # (the tests of other things show long pages whole: tests/conftest.py)
# A page with less Markdown than this many characters per tag of the budget is never cut (the shortest NCI page that
# is has 17 a tag): the reader shows a longer one once all of it is rendered, not as its parts come from the helper
# (503 of the 1,425 NCI pages at 14; 607 at 8). A page denser than that and over the budget (a tag every few
# characters) comes whole from the helper the first time, and in parts once it is rendered.
MARKDOWN_PER_TAG = 14
_HEADING = re.compile(r"<h([23])[\s>]")
_ANY_TAG = re.compile(r"<[^>]*>")
_ID = re.compile(r'\sid="([^"]*)"')
_HEADING_TEXT = re.compile(r"<h([2-4])[^>]*>(.*?)</h\1>", re.DOTALL)


def may_split(markdown_chars: int) -> bool:
    """Whether a page of ``markdown_chars`` characters of Markdown may be cut in reading parts."""
    return markdown_chars >= MARKDOWN_PER_TAG * PART_BUDGET


def cost(html: str, start: int = 0, end: int | None = None) -> float:
    """What laying out ``html[start:end]`` costs, in tags (see the module's text)."""
    end = len(html) if end is None else end
    return html.count("<", start, end) + (end - start) / CHARS_PER_TAG


class _Costs:
    """`cost` of any span of a page's body, each answered by counting at most one renderer part's tags: the tags
    before each part's start are counted once."""

    def __init__(self, body: str, pieces: Sequence[str]):
        self.body = body
        self.cuts: list[int] = []
        self._tags: list[int] = []  # tags before each cut
        at = tags = 0
        for piece in pieces:
            self.cuts.append(at)
            self._tags.append(tags)
            at += len(piece)
            tags += piece.count("<")
        self.total = tags

    def _tags_before(self, at: int) -> int:
        if at >= len(self.body):
            return self.total
        index = bisect_right(self.cuts, at) - 1
        return self._tags[index] + self.body.count("<", self.cuts[index], at)

    def of(self, start: int, end: int) -> float:
        return self._tags_before(end) - self._tags_before(start) + (end - start) / CHARS_PER_TAG


@dataclass(frozen=True)
class ReadingPart:
    start: int  # where it begins and ends in the page's body HTML
    end: int
    heading: str  # the words of its first heading ("" when it has none)
    # Its section headings (h2, h3) that have a place to go to: (level, the place's name, the words)
    headings: tuple[tuple[int, str, str], ...] = ()
    # The words of the headings its first heading is under (its h2, then h3), the outermost first: what tells two
    # parts whose first headings are the same apart ("Current Clinical Trials" at the end of two sections).
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadingParts:
    """A page's body HTML and where it is cut (at least two parts)."""

    body: str = field(repr=False)
    parts: tuple[ReadingPart, ...]

    def __len__(self) -> int:
        return len(self.parts)

    def html(self, index: int) -> str:
        part = self.parts[index]
        return self.body[part.start : part.end]

    def part_of_anchor(self, name: str) -> int | None:
        """The index of the part holding the place ``name`` (an id or a link's name), or None."""
        if not name:
            return None
        for attribute in ("id", "name"):
            at = self.body.find(f'{attribute}="{escape(name)}"')
            if at >= 0:
                return bisect_right([part.start for part in self.parts], at) - 1
        return None


def _depth(html: str, start: int, end: int) -> int:
    """How many elements are open at ``end`` that were opened after ``start`` (a top-level place): counted in C.
    The renderer's HTML is sanitised: every tag closed, no comments, a "<" in text written "&lt;"."""
    closing = html.count("</", start, end)
    void = sum(html.count(f"<{name}", start, end) for name in ("br", "hr", "img", "wbr"))
    return html.count("<", start, end) - 2 * closing - void


def _top_level_headings(html: str, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """(position, level) of each ``<h2>`` and ``<h3>`` at the top level of ``html``, whose top-level cuts
    (``cuts``: the renderer's parts' starts) are known: what is open before a heading is counted from the
    top-level cut before it."""
    found = []
    for match in _HEADING.finditer(html):
        at = match.start()
        if _depth(html, cuts[bisect_right(cuts, at) - 1], at) == 0:
            found.append((at, int(match.group(1))))
    return found


def _group(units: list[tuple[int, int]], costs: _Costs, budget: float) -> list[tuple[int, int]]:
    """Neighbouring (start, end) spans joined while together they cost at most ``budget``."""
    grouped: list[tuple[int, int]] = []
    held = 0.0  # what the last group costs
    for start, end in units:
        price = costs.of(start, end)
        if grouped and held + price <= budget:
            grouped[-1] = (grouped[-1][0], end)
            held += price
        else:
            grouped.append((start, end))
            held = price
    return grouped


def _spans(bounds: Sequence[int], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at each of ``bounds`` inside it."""
    inner = [at for at in bounds if start < at < end]
    edges = [start, *inner, end]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a]


def split_page(pieces: Sequence[str], budget: float | None = None) -> ReadingParts | None:
    """The page whose body is ``pieces`` joined (the renderer's parts: each cut between top-level elements)
    in reading parts of at most ``budget`` (`PART_BUDGET`) each, or None when it is cheap enough to show whole.

    ``pieces`` may be the first of a page's pieces (the rest still being made): every part of their cut but the
    last is then a part of the whole page's, the same (what comes later can only add to the last part: each level
    of the cut is greedy, and a group is closed by a span that did not fit, which can only grow), so a page's
    first part can be shown before its end is made (ui/reader.py; checked on every prefix:
    tests/content/test_reading_parts_prefix.py)."""
    budget = PART_BUDGET if budget is None else budget
    body = "".join(pieces)
    costs = _Costs(body, pieces)
    if costs.of(0, len(body)) <= budget:
        return None
    cuts = costs.cuts
    headings = _top_level_headings(body, cuts)
    h2 = [position for position, level in headings if level == 2]
    h3 = [position for position, level in headings if level == 3]
    spans: list[tuple[int, int]] = []
    for start, end in _group(_spans(h2, 0, len(body)), costs, budget):
        if costs.of(start, end) <= budget:
            spans.append((start, end))
            continue
        for sub_start, sub_end in _group(_spans(h3, start, end), costs, budget):
            if costs.of(sub_start, sub_end) <= budget:
                spans.append((sub_start, sub_end))
            else:  # between the top-level blocks the renderer cut at (a block over the budget: a part alone)
                spans.extend(_group(_spans(cuts, sub_start, sub_end), costs, budget))
    # A span of blank space alone is no part: it goes with the part before it.
    starts = [0] + [start for start, end in spans[1:] if not body[start:end].isspace()]
    if len(starts) < 2:
        return None
    ends = [*starts[1:], len(body)]
    return ReadingParts(body, tuple(_part_headings(body, starts, ends)))


def _part_headings(html: str, starts: Sequence[int], ends: Sequence[int]) -> list[ReadingPart]:
    """The parts ``html[starts[i]:ends[i]]``, each with the words of its first heading (h2 to h4; "" if none), of
    the headings that one is under (an h4's h2 and h3, an h3's h2: `ReadingPart.within`), and its h2 and h3
    headings with an id: (level, id, words), for the list of every part's headings (the page's outline: a screen
    reader reaches another part's heading from any part). One pass over the page's headings."""
    from html import unescape  # (only when a page is cut: not at start, see sbc_desktop/escape.py)

    def words(match: re.Match[str]) -> str:
        return " ".join(unescape(_ANY_TAG.sub("", match.group(2))).split())

    found = []  # (level, match, the headings it is under)
    open_: list[tuple[int, re.Match[str]]] = []  # the headings open here: (level, match)
    for match in _HEADING_TEXT.finditer(html):
        level = int(match.group(1))
        while open_ and open_[-1][0] >= level:
            open_.pop()
        found.append((level, match, tuple(open_)))
        open_.append((level, match))
    positions = [match.start() for _level, match, _above in found]
    parts = []
    for start, end in zip(starts, ends, strict=True):
        inside = found[bisect_right(positions, start - 1) : bisect_right(positions, end - 1)]
        heading, within = "", tuple[str, ...]()
        if inside:
            _level, match, above = inside[0]
            heading, within = words(match), tuple(words(outer) for _level, outer in above)
        places = []
        for level, match, _above in inside:
            name = _ID.search(match.group(0), 0, match.start(2) - match.start()) if level <= 3 else None
            said = words(match) if name is not None else ""
            if name is not None and said:
                places.append((level, unescape(name.group(1)), said))
        parts.append(ReadingPart(start, end, heading, tuple(places), within))
    return parts
