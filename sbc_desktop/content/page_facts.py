"""What `check` reads from a page: its words a block at a time and the links that may be a problem.

``sbc-desktop check`` grades every page's running text and checks the links to topics and
the pictures it makes. ``page_events.PageWalk`` finds those while it writes the page's HTML,
its headings' anchors and every link's words: one Python step a parser event, about 500 a
page (a quarter of them links: the NCI pages cite a lot). Here the same events are walked
for those two things alone, in one loop: no HTML, no headings, no glossary, no anchors,
the words of a link kept only for a link that is kept. The blocks and the kept links are
``PageWalk``'s own (``Rendered.blocks()`` and the links ``keep`` takes, with their lines);
``tests/content/test_page_facts.py`` compares the two on every built-in page, hostile
pages, random Markdown and the NCI pages.

A page whose asterisks the parser left as text (``**Treat cancer:**Chemotherapy``, about one
NCI page in ten) is not read here: pairing those marks is ``PageWalk``'s, and such a page is
given to it (``None``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import pyromark

from .page_events import _HIDDEN_RAW, _PRIVATE, OPTIONS, raw_words
from .rendered import PICTURE, PLACEHOLDER, LineFinder, Link

# Starts and ends named by a string that begin or end a block of words (any other name is inline: emphasis,
# strong, a link...): the words so far are a block of their own. (Those named by a dict: every one but a link,
# a picture and a heading's end.)
_BLOCK_STARTS = frozenset(
    {"Paragraph", "Item", "TableHead", "TableRow", "TableCell", "DefinitionList", "DefinitionListTitle",
     "DefinitionListDefinition", "HtmlBlock"}
)  # fmt: skip
_BLOCK_ENDS = _BLOCK_STARTS | {"CodeBlock", "Table", "FootnoteDefinition"}

LinkKeeper = Callable[[str], bool]  # a link's href (as PageWalk writes it) -> keep it (a picture is always kept)
LinkFixer = Callable[[str], tuple[str, str, str | None]]  # page_events.LinkFixer
PictureFixer = Callable[[str], str]


def check_facts(
    source: str, fix_link: LinkFixer, fix_picture: PictureFixer, keep: LinkKeeper
) -> tuple[list[str], list[Link]] | None:
    """The page's blocks of words and its kept links and pictures (in page order, with their lines and
    words), as ``PageWalk`` finds them; None for a page with asterisks left as text (``PageWalk``'s)."""
    blocks: list[str] = []
    kept: list[Link] = []
    lines = LineFinder(source)
    pending: list[str] = []  # the open block's words
    words: list[str] | None = pending  # where words go now: None inside a heading or raw <script>/<style>
    heading = False
    hidden = ""  # inside raw <script> or <style> written inline: no words at all
    raw: list[str] = []  # an HTML block's HTML
    links: list[list[Any] | None] = []  # open links: [its place in kept, its words] if kept, else None
    gather = 0  # how many kept links are open, outside raw <script>/<style>: they take the words too
    picture: list[Any] | None = None  # [src, alt words, pictures nested in it]
    events: Iterable[Any] = pyromark.events(source, options=OPTIONS)  # dicts and names (typed by kind)
    for event in events:
        if type(event) is str:
            if picture is not None:
                picture[1].append(" ")
                continue
            said = "\n" if event == "SoftBreak" else " " if event == "HardBreak" else ""
            if said:
                if words is not None:
                    words.append(said)
                if gather:
                    _to_links(links, said)
            elif event == "Rule" and pending:
                _flush(pending, blocks)
            continue
        text = event.get("Text")
        if text is not None:
            if "*" in text and not _PRIVATE.search(source):
                return None  # maybe marks left as text: PageWalk's (at once: no more of this walk)
            if picture is not None:
                picture[1].append(text)
                continue
            if words is not None:
                words.append(text)
            if gather:
                _to_links(links, text)
            continue
        ((kind, value),) = event.items()
        if picture is not None:  # inside a picture's brackets: its alt text alone
            if kind == "Code":
                picture[1].append(value)
            elif kind == "Start" and type(value) is dict and "Image" in value:
                picture[2] += 1
            elif kind == "End" and value == "Image":
                if picture[2]:
                    picture[2] -= 1
                else:
                    shown, in_link = _picture(picture[0], "".join(picture[1]), fix_picture, lines, kept)
                    picture = None
                    if words is not None:
                        words.append(shown)
                    if gather:
                        _to_links(links, in_link)
            continue
        if kind == "Start":
            if type(value) is str:
                if value in _BLOCK_STARTS:
                    if pending:
                        _flush(pending, blocks)
                    if value == "HtmlBlock":
                        raw = []
                continue
            inner, detail = next(iter(value.items()))
            if inner == "Link":
                href = detail["dest_url"].strip()
                if detail.get("link_type") == "Email" and not href.lower().startswith("mailto:"):
                    href = "mailto:" + href
                if keep(href):
                    kind_of, target, _written = fix_link(href)
                    links.append([len(kept), []])
                    kept.append(Link(href, kind_of, target, lines.line_of(href), ""))  # its words at its end
                    gather += not hidden
                else:
                    lines.skip(href)  # (where the next link is looked for)
                    links.append(None)
                continue
            if inner == "Image":
                picture = [detail["dest_url"], [], 0]
                continue
            if pending:
                _flush(pending, blocks)
            if inner == "Heading":
                heading = True
                words = None
        elif kind == "End":
            if type(value) is str:
                if value == "Link":
                    if links:
                        link = links.pop()
                        if link is not None:
                            gather -= not hidden
                            slot, link_words = link
                            kept[slot] = replace(kept[slot], text=" ".join("".join(link_words).split()))
                    continue
                if value in _BLOCK_ENDS:
                    if value == "HtmlBlock":
                        pending.append(" " + raw_words("".join(raw)) + " ")
                        raw = []
                    if pending:
                        _flush(pending, blocks)
                continue
            if "Heading" in value:
                heading = False
                words = None if hidden else pending
                pending.clear()
                continue
            if pending:
                _flush(pending, blocks)
        elif kind == "Code":
            if words is not None:
                words.append(value)
            if gather:
                _to_links(links, value)
        elif kind == "InlineHtml":
            lowered = value.lower()
            if hidden:
                if lowered.lstrip().startswith("</" + hidden):
                    hidden = ""
                    words = None if heading else pending
                    gather = sum(link is not None for link in links)
                continue
            if words is not None or gather:
                said = " " + raw_words(value) + " "
                if words is not None:
                    words.append(said)
                if gather:
                    _to_links(links, said)
            opened = _HIDDEN_RAW.match(value)
            if opened and "</" not in lowered:
                hidden = opened.group(1).lower()
                words = None
                gather = 0
        elif kind == "Html":
            raw.append(value)
    return blocks, kept


def _flush(pending: list[str], blocks: list[str]) -> None:
    block = " ".join("".join(pending).split())
    if block and block != PLACEHOLDER:
        blocks.append(block)
    pending.clear()


def _to_links(links: list[list[Any] | None], words: str) -> None:
    for link in links:
        if link is not None:
            link[1].append(words)


def _picture(src: str, alt: str, fix_picture: PictureFixer, lines: LineFinder, kept: list[Link]) -> tuple[str, str]:
    """A picture's end: kept as a link; the words it adds to its block, and to a link around it."""
    written = src.strip()
    url = fix_picture(written)
    kept.append(Link(written, PICTURE, url, lines.line_of(written), " ".join(alt.split())))
    if url:
        shown = f" {alt} " if alt.strip() else ""
        return shown, shown
    alt = alt.strip()
    return (f"[{alt}]", f" {alt} ") if alt else ("", "")
