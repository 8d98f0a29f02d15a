"""What one parse of a topic's Markdown yields: its HTML in parts, links, headings, text, terms.

The renderer (render.py) parses a page once (page_events.py); everything else that
needs to know what a page holds (the checker's links, search's headings and text, the
reading grade, the handout's glossary words) reads it from this result, never from the
Markdown source. A ``Rendered`` is plain data (tuples, strings, a frozenset): it can be
pickled into a cache on disk or sent between processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of link a page makes (Link.kind).
TOPIC, GLOSSARY, WEB, PICTURE, ANCHOR, DEAD = "topic", "glossary", "web", "picture", "anchor", "dead"

PLACEHOLDER = "{{care-team}}"  # the app's own placeholder paragraph (urgent_help fills it in)


@dataclass(frozen=True)
class Link:
    """A link or picture written in the page (not the glossary links the renderer adds)."""

    href: str  # as written in the Markdown
    kind: str  # TOPIC, GLOSSARY, WEB, PICTURE, ANCHOR or DEAD (shown as plain words)
    target: str  # where it leads on screen: "topic:ID", "term:ID", a web or file: URL, "#id"; "" for DEAD
    line: int  # 1-based line of the Markdown it was written on (0: not found in the source)
    text: str = ""  # the words linked (a picture: its alt text)

    @property
    def image(self) -> bool:
        return self.kind == PICTURE


@dataclass(frozen=True)
class Heading:
    level: int  # 1 to 6
    text: str
    anchor: str  # the id the page gives it (for "#anchor" links and the outline)


@dataclass(frozen=True)
class Rendered:
    """One topic (or any Markdown), parsed once.

    ``parts``: sanitised HTML cut between top-level elements (a paragraph, a list, a
    table...), the first small enough to show the top of the page at once; joined, they
    are the whole page. ``text``: the words a reader sees, one block (paragraph, list
    item, cell, code block) per line, headings left out (they are in ``headings``) and so
    is the care-team placeholder. ``terms``: ids of the glossary words the page links.
    """

    parts: tuple[str, ...]
    links: tuple[Link, ...] = ()
    headings: tuple[Heading, ...] = ()
    text: str = ""
    terms: frozenset[str] = field(default_factory=frozenset)

    @property
    def html(self) -> str:
        return "".join(self.parts)

    @property
    def size(self) -> int:
        """Characters held (what an in-memory cache counts)."""
        return sum(map(len, self.parts)) + len(self.text)

    def blocks(self) -> list[str]:
        """The text's blocks (paragraphs, list items, cells...), in page order."""
        return self.text.split("\n") if self.text else []


class LineFinder:
    """The line of the source each link was written on, links taken in page order.

    Links are found in the parser's events, which carry no line numbers; each target is looked for in the
    source after the previous link's; a target found in a reference definition
    (``[name]: target``, usually at the end) does not move the search on.
    """

    def __init__(self, source: str):
        self.source = source
        self.cursor = 0
        self.counted = (0, 1)  # (position, its line): lines are counted on from here, not from the top
        self.definitions = "]:" in source  # (most pages have none: no link's line is then looked at)

    def line_of(self, href: str) -> int:
        if not href:
            return 0
        at = self.source.find(href, self.cursor)
        if at < 0:
            at = self.source.find(href)
            if at < 0:
                return 0
        elif not (self.definitions and self._in_definition(at)):
            self.cursor = at + len(href)
        since, line = self.counted if at >= self.counted[0] else (0, 1)
        line += self.source.count("\n", since, at)
        self.counted = (at, line)
        return line

    def skip(self, href: str) -> None:
        """``line_of(href)`` without counting its line: the next link is looked for after it."""
        if href:
            at = self.source.find(href, self.cursor)
            if at >= 0 and not (self.definitions and self._in_definition(at)):
                self.cursor = at + len(href)

    def _in_definition(self, at: int) -> bool:
        start = self.source.rfind("\n", 0, at) + 1
        head = self.source[start:at].lstrip(" ")
        return head.startswith("[") and "]:" in head
