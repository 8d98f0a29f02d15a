"""One page's Markdown -> HTML, links, headings, text and glossary words, in one pass.

pulldown-cmark (through pyromark, compiled) parses the page into a stream of events
(CommonMark, with tables, definition lists and ``{#id}`` after a heading); this module
walks that stream once and writes the HTML the reader shows, noting as it goes what
the page holds: each link and picture (with the line it was written on), the headings
and their anchors, the words one block (paragraph, list item, cell...) at a time, and
the glossary words it links (the first use of each term on the page, never inside a
heading, a link or code). The result is the same ``Rendered`` the python-markdown
renderer made, about 20 times faster; the HTML it returns is not yet sanitised
(render.py cleans it with nh3, part by part).

Pages are untrusted: raw HTML is passed on as written (nh3 removes what is not
allowed), its words count as text, and the words inside a raw ``<script>`` or
``<style>`` are never taken for the page's text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from html import escape, unescape
from typing import Any

import nh3
import pyromark

from .glossary import TermMatcher
from .links import TERM_SCHEME
from .rendered import GLOSSARY, PICTURE, PLACEHOLDER, WEB, Heading, LineFinder, Link

_O = pyromark.Options
OPTIONS = _O.ENABLE_TABLES | _O.ENABLE_DEFINITION_LIST | _O.ENABLE_HEADING_ATTRIBUTES

# Where a link leads: (kind, where it leads on screen, the href to write, or None: show the words only).
LinkFixer = Callable[[str], tuple[str, str, str | None]]
PictureFixer = Callable[[str], str]  # a picture's src as written -> its file: URL, or "" (not shown)

# Blocks: the words of each (a paragraph, a list item, a cell...) are a block of the page's text of their own.
_BLOCK_OPEN = {
    "Paragraph": "<p>",
    "Item": "<li>",
    "TableHead": "<thead>\n<tr>\n",
    "TableRow": "<tr>\n",
    "DefinitionList": "<dl>\n",
    "DefinitionListTitle": "<dt>",
    "DefinitionListDefinition": "<dd>",
    "HtmlBlock": "",
}
_BLOCK_CLOSE = {
    "Paragraph": "</p>\n",
    "Item": "</li>\n",
    "TableHead": "</tr>\n</thead>\n<tbody>\n",
    "TableRow": "</tr>\n",
    "DefinitionList": "</dl>\n",
    "DefinitionListTitle": "</dt>\n",
    "DefinitionListDefinition": "</dd>\n",
    "HtmlBlock": "",
}
_INLINE = {"Emphasis": ("<em>", "</em>"), "Strong": ("<strong>", "</strong>")}
# An asterisk CommonMark left as text (``**Treat cancer:**Chemotherapy``: its flanking rules refuse a closing
# mark after punctuation and before a letter), as it stands in a text run until the run's marks are paired.
_MARK = "\ue000"
_MARKS = re.compile(_MARK + "+")
_PRIVATE = re.compile("[\ue000-\uf8ff]")  # in the words, each run of marks is one of these until it is paired
_LAST_RUN = 0xF8FF
_PAIRED = {1: ("<em>", "</em>"), 2: ("<strong>", "</strong>"), 3: ("<strong><em>", "</em></strong>")}
_HIDDEN_RAW = re.compile(r"<\s*(script|style)\b", re.IGNORECASE)
_RAW_LINK = re.compile(r"<(?:img|a)[\s/>]", re.IGNORECASE)  # (a quick look first: most raw HTML makes neither)
_SCHEME_LIKE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_INVISIBLE = re.compile(r"[\t\n\r]")  # what a URL's parser takes out of it
_ALIGN = {"Left": "left", "Center": "center", "Right": "right"}  # a table column's, from its ":--:" line
_OWN_ANCHOR = re.compile(r"\{[^}\n]*#")  # where a heading may name its own anchor (``## Side effects {#effects}``)


def _slugify(value: str) -> str:
    """python-markdown's toc slug (so that ``topic:ID#anchor`` links written for it still land)."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


_COUNTED = re.compile(r"^(.*)_([0-9]+)$")


def _unique(anchor: str, used: set[str]) -> str:
    """``anchor``, or ``anchor_1``, ``anchor_2``... the first not yet used (as python-markdown's toc)."""
    while anchor in used or not anchor:
        counted = _COUNTED.match(anchor)
        anchor = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{anchor}_1"
    used.add(anchor)
    return anchor


def _events(source: str) -> tuple[Iterable[Any], bool]:
    """The page's events, text merged, and whether asterisks the parser left as text (not escaped) are
    marked ``_MARK`` in them."""
    if "*" not in source:
        return pyromark.events(source, options=OPTIONS), False  # dicts and names (typed by kind)
    events: list[Any] = list(pyromark.events(source, options=OPTIONS))
    for event in events:
        if type(event) is dict and "*" in event.get("Text", "") and not _PRIVATE.search(source):
            return _marked_events(source), True  # with each piece's place in the page: which were escaped
    return events, False


def _marked_events(source: str) -> Iterable[Any]:
    data = source.encode()
    run: list[str] = []
    code = False
    for event, span in pyromark.events_with_range(source, options=OPTIONS):
        if type(event) is dict and "Text" in event:
            text, start = event["Text"], span["start"]
            if text == "*" and not code and span["end"] - start == 1 and data[start - 1 : start] != b"\\":
                run.append(_MARK)  # a delimiter left over (an escaped one starts after its backslash)
            else:
                run.append(text)
            continue
        if run:
            yield {"Text": "".join(run)}
            run = []
        if type(event) is dict and ("Start" in event or "End" in event):
            value = event.get("Start", event.get("End"))
            if value == "CodeBlock" or (type(value) is dict and "CodeBlock" in value):
                code = "Start" in event
        yield event
    if run:
        yield {"Text": "".join(run)}


def _pair(runs: list[list[Any]]) -> None:
    """Pair mark runs ``[count, may close, may open, closing tags, opening tags, ...]`` in order, in place:
    ``*`` is emphasis, ``**`` strong, ``***`` both; what is left in ``count`` stays plain ``*``."""
    stack: list[list[Any]] = []
    for run in runs:
        if run[1]:
            while run[0] and stack:
                opener = stack[-1]
                use = run[0] if opener[0] == run[0] <= 3 else (2 if min(opener[0], run[0]) >= 2 else 1)
                opening, closing = _PAIRED[use]
                opener[4].insert(0, opening)
                run[3].append(closing)
                opener[0] -= use
                run[0] -= use
                if not opener[0]:
                    stack.pop()
        if run[0] and run[2]:
            stack.append(run)


def _may_pair(side: str) -> bool:
    """A mark next to a space neither opens nor closes (``5 * 3``, a footnote's ``rate*``); next to an
    element (``""``) it may."""
    return not side.isspace()


def paired_words(text: str) -> str:
    """The words of a text with leftover marks (a picture's alt text): paired marks left out."""
    parts = _MARKS.split(text)
    runs: list[list[Any]] = [
        [len(m.group()), _may_pair(parts[i][-1:]), _may_pair(parts[i + 1][:1]), [], []]
        for i, m in enumerate(_MARKS.finditer(text))
    ]
    _pair(runs)
    words = [parts[0]]
    for index, run in enumerate(runs):
        words += ["*" * run[0], parts[index + 1]]
    return "".join(words)


def raw_words(raw: str) -> str:
    """The words of raw HTML as the reader shows them (tags, scripts and styles left out)."""
    return unescape(nh3.clean(raw, tags=set()))


def address_as_followed(href: str) -> str:
    """An address written in HTML as a URL's parser reads it, to follow it: tabs and newlines out, no spaces
    around it (``java&#9;script:`` is a ``javascript:`` link)."""
    return _URL_INVISIBLE.sub("", href).strip()


def raw_links(raw: str) -> list[tuple[bool, str]]:
    """The pictures (``<img src=...>``: True) and links (``<a href=...>``: False) that raw HTML makes, in page
    order, as the sanitiser reads them. Each is checked, and followed, as one written in Markdown is: a
    missing picture is dropped from the page and a link to no topic shown as plain words, so `check` must
    say so (a ``javascript:`` link too: the sanitiser reads it, with every other scheme the HTML names)."""
    if not _RAW_LINK.search(raw):
        return []
    found: list[tuple[bool, str]] = []

    def note(tag: str, attribute: str, value: str) -> str:
        address = address_as_followed(value)
        if attribute in ("src", "href") and address:
            found.append((tag == "img", address))
        return value

    # (the sanitiser drops an address whose scheme it is not given before ``note`` sees it: it is given every
    # word before a colon in the HTML, as the address's parser reads it: entities decoded, tabs and newlines out)
    schemes = {name.lower() for name in _SCHEME_LIKE.findall(_URL_INVISIBLE.sub("", unescape(raw)))}
    nh3.clean(
        raw,
        tags={"img", "a"},
        attributes={"img": {"src"}, "a": {"href"}},
        attribute_filter=note,
        url_schemes=schemes,
        link_rel=None,
    )
    return found


class PageWalk:
    """One walk over one page's events. ``run()`` returns the HTML's top-level elements."""

    def __init__(
        self,
        source: str,
        fix_link: LinkFixer,
        fix_picture: PictureFixer,
        matcher: TermMatcher | None,
        html: bool = True,
    ) -> None:
        self.source = source
        self.html = html  # False: the page's facts alone (its text is not written out as HTML)
        self.fix_link = fix_link
        self.fix_picture = fix_picture
        self.matcher = matcher if matcher is not None and matcher.size else None
        self.out: list[str] = []
        self.ends: list[int] = []  # len(out) after each top-level element
        self.links: list[list[Any]] = []  # each link's href, kind, target, line and words (made Links at the end)
        self.blocks: list[str] = []
        self.linked: set[str] = set()  # glossary terms linked so far (the first use of each)
        self.lines = LineFinder(source)
        self.headings: list[tuple[int, int, list[str], list[str], str]] = []  # out index, level, words, name, id
        self.named = 0  # headings whose anchors are made (the first ones)
        self.used: set[str] | None = None  # anchors taken (see _name_headings)
        # State of the walk.
        self.depth = 0  # open block elements
        self.run_text: list[str] = []  # text and soft breaks not yet written (one text node of the page)
        self.pending: list[str] = []  # the current block's words
        self.no_terms = 0  # inside a heading, a link, code: no glossary links
        self.hidden = ""  # inside raw <script> or <style> written inline: its words are not text
        self.heading: tuple[list[str], list[str]] | None = None  # (words, name) of the open heading
        self.link_stack: list[tuple[int, str, str, list[str]]] = []  # (slot, kind, closing tag, words)
        self.picture: list[Any] | None = None  # [src, title, alt words, pictures in it] of the open picture
        self.paragraph: list[Any] | None = None  # [out index of <p>, children, picture shown?, text?]
        self.in_head = False  # table cells of the head are <th>
        self.aligns: tuple[str, ...] = ()  # the open table's columns' alignments ("Left", "None"...)
        self.column = 0  # the next cell's column in its row
        self.raw: list[str] = []  # an HTML block's HTML
        self.raw_in: set[int] = set()  # the top-level elements (by number) holding raw HTML (see has_raw)
        # Leftover marks: each run [count, may close, may open, closing tags, opening tags, out index, its
        # character in the words, the inline element it is in]; paired within that element when it ends.
        self.marks: list[list[Any]] = []
        self.mark_words: dict[int, str] = {}  # a paired run's character -> what the words keep of it
        self.containers = [0]  # the open inline elements (0: the block itself)
        self.next_container = 1
        self.next_run = 0xE001
        self.marked = False  # the events mark leftover asterisks

    # -- the walk -----------------------------------------------------------------------
    def run(self) -> list[str]:
        return list(self.elements())

    def elements(self) -> Iterator[str]:
        """The HTML's top-level elements, each given out as soon as it has ended, so that a long page's top can
        be shown while the rest is parsed (all at the end where a heading may name its own anchor: the anchors
        made for the other headings must differ from every one of those)."""
        early = _OWN_ANCHOR.search(self.source) is None
        given = 0  # elements given out
        events, self.marked = _events(self.source)
        for event in events:
            if type(event) is str:
                if self.picture is not None:
                    self.picture[2].append(" ")
                    continue
                if event == "SoftBreak":
                    self.run_text.append("\n")
                    continue
                self._flush()
                if event == "HardBreak":
                    self._child()
                    self._words(" ")
                    self.out.append("<br />\n")
                elif event == "Rule":
                    self._block_start()
                    self.out.append("<hr />\n")
                    self._block_end()
                    if early and len(self.ends) > given:
                        yield from self._ended(given)
                        given = len(self.ends)
                continue
            text = event.get("Text")  # a third of all events: first
            if text is not None:
                (self.run_text if self.picture is None else self.picture[2]).append(text)
                continue
            for kind, value in event.items():
                if self.picture is not None:
                    self._in_picture(kind, value)
                elif kind == "Start":
                    if self.run_text:
                        self._flush()
                    self._start(value)
                elif kind == "End":
                    if self.run_text:
                        self._flush()
                    self._end(value)
                    if early and len(self.ends) > given:
                        yield from self._ended(given)
                        given = len(self.ends)
                elif kind == "Code":
                    self._flush()
                    self._code(value)
                elif kind == "InlineHtml":
                    self._flush()
                    self._inline_html(value)
                elif kind == "Html":
                    self.raw.append(value)
                    self.out.append(value)
                    self.raw_in.add(len(self.ends))
        self._flush()
        self._resolve(None)
        self._name_headings(len(self.out))
        ends = [0, *self.ends]
        if not self.ends or self.ends[-1] != len(self.out):
            ends.append(len(self.out))
        for start, end in zip(ends[given:], ends[given + 1 :], strict=False):
            yield "".join(self.out[start:end])

    def _ended(self, given: int) -> Iterator[str]:
        """The top-level elements ended since the first ``given``: whole now (their headings named)."""
        self._name_headings(self.ends[-1])
        starts = [self.ends[given - 1] if given else 0, *self.ends[given:-1]]
        for start, end in zip(starts, self.ends[given:], strict=True):
            yield "".join(self.out[start:end])

    def has_raw(self, element: int) -> bool:
        """Whether top-level element number ``element`` holds HTML written in the page, or an attribute with
        "<" or ">" in it (the rest of the HTML is this module's own, as the sanitiser writes it but for a few
        escapes: see render.Renderer._clean_part)."""
        return element in self.raw_in

    def _attribute(self, value: str, element: int | None = None) -> str:
        """``value`` escaped for an attribute of top-level element ``element`` (None: the one being written)."""
        if "<" in value or ">" in value:  # (the sanitiser writes these as they are in an attribute)
            self.raw_in.add(len(self.ends) if element is None else element)
        return escape(value)

    def result_links(self) -> tuple[Link, ...]:
        return tuple(Link(*link) for link in self.links)

    def result_headings(self) -> tuple[Heading, ...]:
        found = []
        for _index, level, words, _name, anchor in self.headings:
            text = " ".join(self._plain("".join(words)).split())
            if text:
                found.append(Heading(level, text, anchor))
        return tuple(found)

    # -- blocks ---------------------------------------------------------------------------
    def _block_start(self) -> None:
        if self.pending or self.marks:
            self._flush_block()
        self.depth += 1

    def _block_end(self) -> None:
        if self.pending or self.marks:
            self._flush_block()
        self.depth -= 1
        if self.depth == 0:
            self.ends.append(len(self.out))

    def _flush_block(self) -> None:
        if self.marks:
            self._resolve(None)
        if self.pending:
            block = " ".join(self._plain("".join(self.pending)).split())
            if block and block != PLACEHOLDER:
                self.blocks.append(block)
            self.pending.clear()

    def _start(self, value: Any) -> None:  # noqa: C901, PLR0912 - one branch a kind of element
        if type(value) is str:
            opening = _BLOCK_OPEN.get(value)
            if opening is not None:
                self._block_start()
                self.out.append(opening)
                if value == "Paragraph":
                    self.paragraph = [len(self.out) - 1, 0, False, False]
                elif value == "TableHead":
                    self.in_head = True
                    self.column = 0
                elif value == "TableRow":
                    self.column = 0
                elif value == "HtmlBlock":
                    self.raw = []
            elif value == "TableCell":
                self._block_start()
                align = _ALIGN.get(self.aligns[self.column]) if self.column < len(self.aligns) else None
                self.column += 1
                cell = "th" if self.in_head else "td"
                self.out.append(f'<{cell} align="{align}">' if align else f"<{cell}>")
            elif value in _INLINE:
                self._child()
                self.out.append(_INLINE[value][0])
                self._contain()
            else:  # Strikethrough, Superscript...: not switched on; the words alone
                self._child()
            return
        kind, detail = next(iter(value.items()))  # (the one)
        if kind == "Link":
            self._link_start(detail)
        elif kind == "Image":
            self._child()
            self.picture = [detail["dest_url"], detail.get("title") or "", [], 0]
        elif kind == "Heading":
            self._block_start()
            self.out.append("")  # the opening tag, once the anchor is known
            self.heading = ([], [])
            self.no_terms += 1
            level = int(detail["level"][1])
            self.headings.append((len(self.out) - 1, level, self.heading[0], self.heading[1], detail.get("id") or ""))
        elif kind == "List":
            self._block_start()
            if detail is None:
                self.out.append("<ul>\n")
            else:
                self.out.append("<ol>\n" if detail == 1 else f'<ol start="{int(detail)}">\n')
        elif kind == "CodeBlock":
            self._block_start()
            self.out.append("<pre><code>")
            self.no_terms += 1
        elif kind == "BlockQuote":
            self._block_start()
            self.out.append("<blockquote>\n")
        elif kind == "Table":
            self._block_start()
            self.out.append("<table>\n")
            self.aligns = tuple(detail or ())
        else:  # anything else (footnotes, metadata: not switched on): its words as a block
            self._block_start()

    def _end(self, value: Any) -> None:  # noqa: C901, PLR0912 - one branch a kind of element
        if type(value) is str:
            closing = _BLOCK_CLOSE.get(value)
            if closing is not None:
                if value == "Paragraph":
                    closing = self._paragraph_end()
                elif value == "TableHead":
                    self.in_head = False
                elif value == "HtmlBlock":
                    self.pending.append(" " + raw_words("".join(self.raw)) + " ")
                    self._raw_links("".join(self.raw))
                    self.raw = []
                self.out.append(closing)
                self._block_end()
            elif value == "TableCell":
                self.out.append("</th>\n" if self.in_head else "</td>\n")
                self._block_end()
            elif value in _INLINE:
                self._resolve(self.containers.pop())
                self.out.append(_INLINE[value][1])
            elif value == "Link":
                self._link_end()
            elif value == "CodeBlock":
                self.out.append("</code></pre>\n")
                self.no_terms -= 1
                self._block_end()
            elif value == "Table":
                self.out.append("</tbody>\n</table>\n")
                self._block_end()
            elif value == "FootnoteDefinition":  # not switched on: its words were a block
                self._block_end()
            return
        (kind, _detail), *_ = value.items()
        if kind == "Heading":
            self._resolve(None)
            self.out.append(f"</h{_detail[1]}>\n")
            self.heading = None
            self.no_terms -= 1
            self.pending.clear()  # a heading's words are in the headings, not the text
            self.depth -= 1
            if self.depth == 0:
                self.ends.append(len(self.out))
        elif kind == "List":
            self.out.append("</ol>\n" if _detail else "</ul>\n")
            self._block_end()
        elif kind == "BlockQuote":
            self.out.append("</blockquote>\n")
            self._block_end()
        elif kind == "Table":
            self.out.append("</tbody>\n</table>\n")
            self._block_end()
        else:  # the end of an element of no kind above: its words were a block
            self._block_end()

    def _paragraph_end(self) -> str:
        """The paragraph's closing tag: a picture on its own is a block without the text's line spacing."""
        paragraph, self.paragraph = self.paragraph, None
        if paragraph is None:
            return "</p>\n"
        at, children, shown, text = paragraph
        if children == 1 and shown and not text:
            self.out[at] = '<div class="picture">'
            return "</div>\n"
        return "</p>\n"

    # -- inline ---------------------------------------------------------------------------
    def _child(self) -> None:
        """An element directly in a paragraph (a picture alone in one is shown as a block)."""
        if self.paragraph is not None and not self.link_stack and self.picture is None:
            self.paragraph[1] += 1

    def _words(self, text: str, in_link: str | None = None) -> None:
        """Words the reader sees: in the block's text, and the open heading's or link's words
        (``in_link``: what a link's words take instead, if not the same)."""
        if self.hidden:
            return
        if self.heading is not None:
            self.heading[0].append(text)
        else:
            self.pending.append(text)
        for _slot, _kind, _closing, words in self.link_stack:
            words.append(text if in_link is None else in_link)

    def _flush(self) -> None:
        """Write the text gathered since the last element (one text node: glossary names may span lines)."""
        if not self.run_text:
            return
        text = "".join(self.run_text)
        self.run_text.clear()
        pieces = None
        if self.marked and _MARK in text:
            text, pieces = self._runs_of_marks(text)
        self._words(text)
        if self.heading is not None:
            self.heading[1].append(text)
        if self.paragraph is not None and not self.link_stack and text.strip():
            self.paragraph[3] = True
        if not self.html:
            return
        if pieces is not None:
            for piece in pieces:
                if type(piece) is str:
                    if piece:
                        self._write(piece)
                else:
                    piece[5] = len(self.out)
                    self.out.append("")  # its tags, or its stars, once it is paired
            return
        self._write(text)

    # -- leftover marks -------------------------------------------------------------------
    def _runs_of_marks(self, text: str) -> tuple[str, list[Any]]:
        """The words with one character for each run of marks, and the pieces to write (words and runs)."""
        parts = _MARKS.split(text)
        found = list(_MARKS.finditer(text))
        if self.next_run + len(found) > _LAST_RUN:  # more than 6,000 on a page: shown as written
            plain = text.replace(_MARK, "*")
            return plain, [plain]
        pieces: list[Any] = [parts[0]]
        words = [parts[0]]
        for index, match in enumerate(found):
            char = chr(self.next_run)
            self.next_run += 1
            run = [len(match.group()), _may_pair(parts[index][-1:]), _may_pair(parts[index + 1][:1]), [], []]
            run += [None, char, self.containers[-1]]
            self.marks.append(run)
            pieces += [run, parts[index + 1]]
            words += [char, parts[index + 1]]
        return "".join(words), pieces

    def _contain(self) -> None:
        """An inline element opens: marks inside it pair only with each other."""
        self.containers.append(self.next_container)
        self.next_container += 1

    def _resolve(self, container: int | None) -> None:
        """Pair the marks written in ``container`` (None: all still open), now that it ends."""
        if not self.marks:
            return
        if container is None:
            runs, self.marks = self.marks, []
        else:
            runs = [run for run in self.marks if run[7] == container]
            self.marks = [run for run in self.marks if run[7] != container]
        _pair(runs)
        for left, _close, _open, closes, opens, index, char, _container in runs:
            if index is not None:
                self.out[index] = "".join(closes) + "*" * left + "".join(opens)
            self.mark_words[ord(char)] = "*" * left

    def _plain(self, words: str) -> str:
        """Words as the reader shows them: each run of marks as the stars it kept."""
        return words.translate(self.mark_words) if self.mark_words else words

    def _write(self, text: str) -> None:
        if self.no_terms or self.hidden or self.matcher is None:
            self.out.append(escape(text, quote=False))
            return
        self._link_terms(text)

    def _link_terms(self, text: str) -> None:
        assert self.matcher is not None
        out, linked, last = self.out, self.linked, 0
        for match in self.matcher.finditer(text, linked):
            if match.term_id in linked:
                continue
            linked.add(match.term_id)
            out.append(escape(text[last : match.start], quote=False))
            words = escape(text[match.start : match.end], quote=False)
            out.append(f'<a class="term" href="{TERM_SCHEME}{self._attribute(match.term_id)}">{words}</a>')
            last = match.end
        out.append(escape(text[last:], quote=False))

    def _code(self, text: str) -> None:
        self._child()
        if self.paragraph is not None and not self.link_stack:
            self.paragraph[3] = True
        self._words(text)
        if self.heading is not None:
            self.heading[1].append(text)
        self.out.append(f"<code>{escape(text, quote=False)}</code>")

    def _inline_html(self, html: str) -> None:
        self.raw_in.add(len(self.ends))
        if self.paragraph is not None and not self.link_stack and html.strip():
            self.paragraph[3] = True
        lowered = html.lower()
        if self.hidden:
            if lowered.lstrip().startswith("</" + self.hidden):
                self.hidden = ""
        else:
            self._words(" " + raw_words(html) + " ")
            self._raw_links(html)
            opened = _HIDDEN_RAW.match(html)
            if opened and "</" not in lowered:
                self.hidden = opened.group(1).lower()
        self.out.append(html)

    def _raw_links(self, html: str) -> None:
        """The pictures and links raw HTML makes, kept as those written in Markdown are (each checked)."""
        for picture, href in raw_links(html):
            if picture:
                self.links.append([href, PICTURE, self.fix_picture(href), self.lines.line_of(href), ""])
            else:
                self.links.append([href, *self.fix_link(href)[:2], self.lines.line_of(href), ""])

    def _link_start(self, detail: dict[str, str]) -> None:
        self._child()
        href = detail["dest_url"].strip()
        if detail.get("link_type") == "Email" and not href.lower().startswith("mailto:"):
            href = "mailto:" + href
        kind, target, written = self.fix_link(href)
        slot = len(self.links)
        self.links.append([href, kind, target, self.lines.line_of(href), ""])  # its words come at the end
        self._contain()
        if not self.html:
            self.link_stack.append((slot, kind, "" if written is None else "</a>", []))
            self.no_terms += written is not None
            return
        title = detail.get("title") or ""
        extra = f' title="{self._attribute(title)}"' if title else ""
        if written is None:
            self.out.append(f'<span class="dead-link"{extra}>')
            self.link_stack.append((slot, kind, "</span>", []))
            return
        if kind == WEB:
            self.out.append(f'<a class="external" href="{self._attribute(written)}"{extra}>')
        else:
            self.out.append(f'<a href="{self._attribute(written)}"{extra}>')
        self.link_stack.append((slot, kind, "</a>", []))
        self.no_terms += 1

    def _link_end(self) -> None:
        if not self.link_stack:
            return
        self._resolve(self.containers.pop())
        slot, _kind, closing, words = self.link_stack.pop()
        if closing == "</a>":
            self.no_terms -= 1
        self.out.append(closing)
        self.links[slot][4] = " ".join(self._plain("".join(words)).split())

    def _in_picture(self, kind: str, value: Any) -> None:
        """Inside a picture's brackets: its alt text, whatever the marks (no elements)."""
        assert self.picture is not None
        if kind == "Code":
            self.picture[2].append(value)
        elif kind == "Start" and type(value) is dict and "Image" in value:
            self.picture[3] += 1
        elif kind == "End" and value == "Image":
            if self.picture[3]:
                self.picture[3] -= 1
            else:
                self._picture_end()

    def _picture_end(self) -> None:
        picture, self.picture = self.picture, None
        if picture is None:
            return
        src, title, alt_words, _nested = picture
        alt = "".join(alt_words)
        if self.marked and _MARK in alt:
            alt = paired_words(alt)
        written = src.strip()
        url = self.fix_picture(written)
        self.links.append([written, PICTURE, url, self.lines.line_of(written), " ".join(alt.split())])
        if url:
            if self.paragraph is not None and not self.link_stack:
                self.paragraph[2] = True
            extra = f' title="{self._attribute(title)}"' if title else ""
            self.out.append(f'<img alt="{self._attribute(alt)}" src="{self._attribute(url)}"{extra} />')
            self._words(f" {alt} " if alt.strip() else "")
            return
        if self.paragraph is not None and not self.link_stack:
            self.paragraph[3] = True  # not alone: shown as words
        alt = alt.strip()
        shown = f"[{alt}]" if alt else ""
        self._words(shown, f" {alt} " if alt else "")  # a link around it is named by the alt text alone
        self.out.append('<span class="missing-picture">')
        if self.no_terms or self.hidden or self.matcher is None:
            self.out.append(escape(shown, quote=False))
        else:
            self._link_terms(shown)
        self.out.append("</span>")

    # -- headings -------------------------------------------------------------------------
    def _name_headings(self, before: int) -> None:
        """Each heading written before ``before`` in ``out`` and not named yet: its anchor, its own ``{#id}``,
        else python-markdown's slug of its words, unique (``used``: every own anchor of the page, taken when the
        first heading is named: `elements` names headings early only on pages without one)."""
        if self.used is None:
            self.used = {anchor for *_rest, anchor in self.headings if anchor}
        while self.named < len(self.headings) and self.headings[self.named][0] < before:
            index, level, words, name, anchor = self.headings[self.named]
            if not anchor:
                anchor = _unique(_slugify(" ".join(self._plain("".join(name)).split())), self.used)
            self.out[index] = f'<h{level} id="{self._attribute(anchor, bisect_right(self.ends, index))}">'
            self.headings[self.named] = (index, level, words, name, anchor)
            self.named += 1


def joined_terms(linked: Iterable[str], links: Iterable[Link]) -> frozenset[str]:
    """The glossary terms a page links: those it marked and those its author linked."""
    return frozenset(linked).union(link.target[len(TERM_SCHEME) :] for link in links if link.kind == GLOSSARY)
