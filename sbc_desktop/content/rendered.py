"""What one parse of a topic's Markdown yields: its HTML in parts, links, headings, text, terms.

The renderer (render.py) parses a page once with python-markdown; everything else that
needs to know what a page holds (the checker's links, search's headings and text, the
reading grade, the handout's glossary words) reads it from this result, never from the
Markdown source. A ``Rendered`` is plain data (tuples, strings, a frozenset): it can be
pickled into a cache on disk or sent between processes.

The harvesting functions below walk python-markdown's element tree after the
renderer's tree processors have run; they read no source text except to find the line
a link was written on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # element trees come from the renderer; a start reading a cached page needs no XML module
    import xml.etree.ElementTree as ET

# Kinds of link a page makes (Link.kind).
TOPIC, GLOSSARY, WEB, PICTURE, ANCHOR, DEAD = "topic", "glossary", "web", "picture", "anchor", "dead"

PLACEHOLDER = "{{care-team}}"  # the app's own placeholder paragraph (urgent_help fills it in)

# Elements whose words form a block of their own: a paragraph, a list item, a cell...
BLOCK_TAGS = frozenset(
    "p li dt dd td th pre blockquote div ul ol dl table thead tbody tfoot tr figure figcaption caption hr "
    "h1 h2 h3 h4 h5 h6".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())


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


# -- harvesting the element tree -------------------------------------------------
Unstash = Callable[[str], str]  # text with python-markdown's raw-HTML placeholders -> plain words


def words(element: ET.Element, unstash: Unstash) -> str:
    """All the words inside ``element`` (with pictures' alt text), whitespace collapsed."""
    return " ".join(unstash("".join(_inline_text(element))).split())


def _inline_text(element: ET.Element) -> Iterator[str]:
    if element.tag == "img":
        alt = element.get("alt") or ""
        if alt:
            yield f" {alt} "
    elif element.text:
        yield element.text
    for child in element:
        yield from _inline_text(child)
        if child.tail:
            yield child.tail


def text_blocks(root: ET.Element, unstash: Unstash) -> list[str]:
    """The page's words, one string per block, headings and empty blocks left out."""
    out: list[str] = []
    _blocks(root, unstash, out)
    return out


def _blocks(element: ET.Element, unstash: Unstash, out: list[str]) -> None:
    pending: list[str] = [element.text or ""]

    def flush() -> None:
        block = " ".join(unstash("".join(pending)).split())
        if block and block != PLACEHOLDER:
            out.append(block)
        pending.clear()

    for child in element:
        if child.tag in BLOCK_TAGS:
            flush()
            if child.tag not in HEADING_TAGS:
                _blocks(child, unstash, out)
        else:
            pending.extend(_inline_text(child))
        pending.append(child.tail or "")
    flush()


def headings_of(root: ET.Element, unstash: Unstash) -> list[Heading]:
    found = []
    for element in root.iter():
        if element.tag in HEADING_TAGS:
            text = words(element, unstash)
            if text:
                found.append(Heading(int(element.tag[1]), text, element.get("id") or ""))
    return found


class LineFinder:
    """The line of the source each link was written on, links taken in page order.

    python-markdown's tree keeps no line numbers, so each target is looked for in the
    source after the previous link's; a target found in a reference definition
    (``[name]: target``, usually at the end) does not move the search on.
    """

    def __init__(self, source: str):
        self.source = source
        self.cursor = 0
        self.counted = (0, 1)  # (position, its line): lines are counted on from here, not from the top

    def line_of(self, href: str) -> int:
        if not href:
            return 0
        at = self.source.find(href, self.cursor)
        if at < 0:
            at = self.source.find(href)
            if at < 0:
                return 0
        elif not self._in_definition(at):
            self.cursor = at + len(href)
        since, line = self.counted if at >= self.counted[0] else (0, 1)
        line += self.source.count("\n", since, at)
        self.counted = (at, line)
        return line

    def _in_definition(self, at: int) -> bool:
        start = self.source.rfind("\n", 0, at) + 1
        head = self.source[start:at].lstrip(" ")
        return head.startswith("[") and "]:" in head
