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

A page whose asterisks the parser left as text (``**Treat cancer:**Chemotherapy``: about one NCI
page in ten, four in ten of their bytes) is read again with each of them marked, and the marks
are paired as ``PageWalk`` pairs them (``_Marks``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyromark

from .page_events import (
    _HIDDEN_RAW,
    _LAST_RUN,
    _MARK,
    _MARKS,
    _PRIVATE,
    OPTIONS,
    _marked_events,
    _may_pair,
    _pair,
    paired_words,
    raw_links,
    raw_words,
)
from .rendered import PICTURE, PLACEHOLDER, LineFinder, Link

# Starts and ends named by a string that begin or end a block of words (any other name is inline: emphasis,
# strong, a link...): the words so far are a block of their own. (Those named by a dict: every one but a link,
# a picture and a heading's end.)
_BLOCK_STARTS = frozenset(
    {"Paragraph", "Item", "TableHead", "TableRow", "TableCell", "DefinitionList", "DefinitionListTitle",
     "DefinitionListDefinition", "HtmlBlock"}
)  # fmt: skip
_BLOCK_ENDS = _BLOCK_STARTS | {"CodeBlock", "Table", "FootnoteDefinition"}
_TAKES_TEXT = frozenset({"Start", "End", "Code", "InlineHtml"})  # events before which PageWalk takes its text

LinkKeeper = Callable[[str], bool]  # a link's href (as PageWalk writes it) -> keep it (a picture is always kept)
LinkFixer = Callable[[str], tuple[str, str, str | None]]  # page_events.LinkFixer
PictureFixer = Callable[[str], str]
MarksMatter = Callable[[list[str]], bool]  # see check_facts


def check_facts(
    source: str,
    fix_link: LinkFixer,
    fix_picture: PictureFixer,
    keep: LinkKeeper,
    marks_matter: MarksMatter | None = None,
    pieces: list[str] | None = None,
) -> tuple[list[str], list[Link]]:
    """The page's blocks of words and its kept links and pictures (in page order, with their lines and
    words), as ``PageWalk`` finds them. ``pieces`` (if given) receives the blocks' whitespace-separated pieces,
    ``" ".join(blocks).split()``, as the walk split them (for the grade: not split again).

    ``marks_matter``: for a caller that needs less than the very words (`check`'s grade). On a page with
    asterisks left as text, it is asked, given the blocks with every asterisk as written, whether pairing them
    as ``PageWalk`` does could change what the caller makes of the blocks; when not, the page is not walked
    again with them marked, and the blocks (and its links' words) keep every asterisk as written. Pairing
    only ever drops asterisks: the links, their lines and the rest of the words are the same."""
    events = pyromark.events(source, options=OPTIONS)
    found = _walk(source, events, None, fix_link, fix_picture, keep, marks_matter, pieces)
    if found is None:  # asterisks left as text, maybe: read again with each one marked, as PageWalk does
        if pieces is not None:
            pieces.clear()
        found = _walk(source, _marked_events(source), _Marks(), fix_link, fix_picture, keep, None, pieces)
        assert found is not None
    return found


class _Marks:
    """Asterisks the parser left as text (``page_events``' leftover marks), paired as ``PageWalk`` pairs them:
    each run of them is a private character in the words until it is paired."""

    def __init__(self) -> None:
        self.runs: list[list[Any]] = []  # open runs, laid out as PageWalk's (only count, sides, char, container used)
        self.words: dict[int, str] = {}  # a paired run's character -> what the words keep of it
        self.containers = [0]  # the open inline elements (0: the block itself)
        self.next_container = 1
        self.next_run = 0xE001

    def split(self, text: str) -> str:
        """``text`` (one text node) with a character for each run of marks: PageWalk's ``_runs_of_marks``."""
        parts = _MARKS.split(text)
        found = list(_MARKS.finditer(text))
        if self.next_run + len(found) > _LAST_RUN:
            return text.replace(_MARK, "*")
        words = [parts[0]]
        for index, match in enumerate(found):
            char = chr(self.next_run)
            self.next_run += 1
            sides = _may_pair(parts[index][-1:]), _may_pair(parts[index + 1][:1])
            self.runs.append([len(match.group()), *sides, [], [], None, char, self.containers[-1]])
            words += [char, parts[index + 1]]
        return "".join(words)

    def contain(self) -> None:
        self.containers.append(self.next_container)
        self.next_container += 1

    def resolve(self, container: int | None) -> None:
        if not self.runs:
            return
        if container is None:
            runs, self.runs = self.runs, []
        else:
            runs = [run for run in self.runs if run[7] == container]
            self.runs = [run for run in self.runs if run[7] != container]
        _pair(runs)
        for run in runs:
            self.words[ord(run[6])] = "*" * run[0]

    def plain(self, words: str) -> str:
        return words.translate(self.words) if self.words else words


def _walk(  # noqa: C901, PLR0912, PLR0915 - one loop, one branch a kind of event: a call an event costs too much
    source: str,
    events: Iterable[Any],
    marks: _Marks | None,
    fix_link: LinkFixer,
    fix_picture: PictureFixer,
    keep: LinkKeeper,
    marks_matter: MarksMatter | None = None,
    pieces: list[str] | None = None,
) -> tuple[list[str], list[Link]] | None:
    """One walk; None when ``marks`` is None and a text holds an asterisk (the page is to be walked with
    its leftover asterisks marked): at once, or, with ``marks_matter``, at the end if it says they matter.
    With ``marks``, the text between two elements is taken whole, as PageWalk takes it (a mark's sides are
    the characters next to it in that text)."""
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
    run: list[str] | None = [] if marks is not None else None  # (with marks) the text since the last element
    starred = False  # (without marks) a text held an asterisk, and the page has no private characters
    for event in events:
        if type(event) is str:
            if picture is not None:
                picture[1].append(" ")
                continue
            if run is not None:
                if event == "SoftBreak":
                    run.append("\n")
                    continue
                if run:
                    _say(_taken(run, marks), words, gather, links)
            said = "\n" if event == "SoftBreak" else " " if event == "HardBreak" else ""
            if said:
                _say(said, words, gather, links)
            elif event == "Rule" and (pending or (marks and marks.runs)):
                _flush(pending, blocks, marks, pieces)
            continue
        text = event.get("Text")
        if text is not None:
            if picture is not None:
                picture[1].append(text)
                continue
            if run is not None:
                run.append(text)
                continue
            if "*" in text and not starred and not _PRIVATE.search(source):
                if marks_matter is None:
                    return None  # maybe marks left as text (at once: no more of this walk)
                starred = True
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
                    alt = "".join(picture[1])
                    if marks is not None and _MARK in alt:
                        alt = paired_words(alt)
                    shown, in_link = _picture(picture[0], alt, fix_picture, lines, kept)
                    picture = None
                    _say(shown, words, gather, links, in_link)
            continue
        if run and kind in _TAKES_TEXT:
            _say(_taken(run, marks), words, gather, links)
        if kind == "Start":
            if type(value) is str:
                if value in _BLOCK_STARTS:
                    if pending or (marks and marks.runs):
                        _flush(pending, blocks, marks, pieces)
                    if value == "HtmlBlock":
                        raw = []
                elif marks is not None and (value == "Emphasis" or value == "Strong"):
                    marks.contain()
                continue
            ((inner, detail),) = value.items()
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
                if marks is not None:
                    marks.contain()
                continue
            if inner == "Image":
                picture = [detail["dest_url"], [], 0]
                continue
            if pending or (marks and marks.runs):
                _flush(pending, blocks, marks, pieces)
            if inner == "Heading":
                heading = True
                words = None
        elif kind == "End":
            if type(value) is str:
                if value == "Link":
                    if links:
                        if marks is not None:
                            marks.resolve(marks.containers.pop())
                        link = links.pop()
                        if link is not None:
                            gather -= not hidden
                            slot, link_words = link
                            said = "".join(link_words)
                            if marks is not None:
                                said = marks.plain(said)
                            was = kept[slot]  # (made anew: dataclasses.replace costs several times more)
                            kept[slot] = Link(was.href, was.kind, was.target, was.line, " ".join(said.split()))
                    continue
                if value in _BLOCK_ENDS:
                    if value == "HtmlBlock":
                        pending.append(" " + raw_words("".join(raw)) + " ")
                        _raw_links("".join(raw), fix_link, fix_picture, keep, lines, kept)
                        raw = []
                    if pending or (marks and marks.runs):
                        _flush(pending, blocks, marks, pieces)
                elif marks is not None and (value == "Emphasis" or value == "Strong"):
                    marks.resolve(marks.containers.pop())
                continue
            if "Heading" in value:
                if marks is not None:
                    marks.resolve(None)
                heading = False
                words = None if hidden else pending
                pending.clear()
                continue
            if pending or (marks and marks.runs):
                _flush(pending, blocks, marks, pieces)
        elif kind == "Code":
            _say(value, words, gather, links)
        elif kind == "InlineHtml":
            lowered = value.lower()
            if hidden:
                if lowered.lstrip().startswith("</" + hidden):
                    hidden = ""
                    words = None if heading else pending
                    gather = sum(link is not None for link in links)
                continue
            if words is not None or gather:
                _say(" " + raw_words(value) + " ", words, gather, links)
            _raw_links(value, fix_link, fix_picture, keep, lines, kept)
            opened = _HIDDEN_RAW.match(value)
            if opened and "</" not in lowered:
                hidden = opened.group(1).lower()
                words = None
                gather = 0
        elif kind == "Html":
            raw.append(value)
    if starred and marks_matter is not None and marks_matter(blocks):
        return None
    return blocks, kept


def _taken(run: list[str], marks: _Marks | None) -> str:
    """The text since the last element, taken whole (its runs of marks made characters)."""
    text = "".join(run)
    run.clear()
    return marks.split(text) if marks is not None and _MARK in text else text


def _say(
    said: str, words: list[str] | None, gather: int, links: list[list[Any] | None], in_link: str | None = None
) -> None:
    """Words the reader sees: in the open block (``words``), and in each kept link open (``in_link``: what
    a link's words take instead, if not the same)."""
    if words is not None:
        words.append(said)
    if gather:
        _to_links(links, said if in_link is None else in_link)


def _flush(pending: list[str], blocks: list[str], marks: _Marks | None, pieces: list[str] | None) -> None:
    if marks is not None:
        marks.resolve(None)
        parts = marks.plain("".join(pending)).split()
    else:
        parts = "".join(pending).split()
    block = " ".join(parts)
    if block and block != PLACEHOLDER:
        blocks.append(block)
        if pieces is not None:
            pieces += parts
    pending.clear()


def _to_links(links: list[list[Any] | None], words: str) -> None:
    for link in links:
        if link is not None:
            link[1].append(words)


def _raw_links(
    html: str, fix_link: LinkFixer, fix_picture: PictureFixer, keep: LinkKeeper, lines: LineFinder, kept: list[Link]
) -> None:
    """The pictures and links raw HTML makes, kept as PageWalk keeps them (`page_events.raw_links`)."""
    for picture, href in raw_links(html):
        if picture:
            kept.append(Link(href, PICTURE, fix_picture(href), lines.line_of(href), ""))
        elif keep(href):
            kept.append(Link(href, *fix_link(href)[:2], lines.line_of(href), ""))
        else:
            lines.skip(href)


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
