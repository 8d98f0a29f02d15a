"""A topic's HTML made fit for paper: no links, and nothing about using the app.

On screen a topic may say "tick the questions in this app" or "open the My
appointment panel". On a printed page those sentences make no sense, so they are
left out: a sentence that speaks of the app or of its controls, a part of the page
under a heading that does, and anything content writers marked
``<span class="screen-only">``. Everything else is kept word for word.

The page is read as a tree of elements (the renderer's sanitised HTML, parsed with the
standard library's HTML parser), never with patterns over its markup.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from .steps import finish

# Sentences about the app and what is done in it (never about the body or the care): over plain text.
_ABOUT_THE_APP = re.compile(
    r"\b(this app|the app|in the app|app's|panel|click|double-click|tap|"
    r"tick the|tick them|tick it|you can type|type them|type your|select (?:it|one|a|the)|"
    r"add (?:\w+ )?(?:topics?|questions?|it|them) to (?:a|your|the) (?:handout|list)|"
    r"print the handout|save it as a pdf)\b",
    re.IGNORECASE,
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SENTENCE_BLOCKS = ("p", "li")
_LISTS = ("ul", "ol")
_SENTENCE_END = ".!?"
_SENTENCE_START = '"“‘('
PARSE_PIECE = 16_000  # characters of HTML parsed in one step
NODES_A_STEP = 40  # top-level parts of a page handled in one step


@dataclass
class _Node:
    tag: str  # "" for a run of text
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    text: str = ""

    def words(self) -> str:
        return self.text if not self.tag else "".join(child.words() for child in self.children)

    def has(self, tag: str) -> bool:
        return any(child.tag == tag or child.has(tag) for child in self.children)

    def classes(self) -> list[str]:
        return next((value or "" for name, value in self.attrs if name == "class"), "").split()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, attrs)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return  # an end tag nobody opened is ignored

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(_Node("", text=data))


def plain(html: str) -> str:
    """The words of ``html``, whitespace collapsed."""
    return " ".join(_parse(html).words().split())


def refers_to_app(text: str) -> bool:
    return bool(_ABOUT_THE_APP.search(text))


def for_paper(html: str) -> str:
    """``html`` without links, screen-only words, or sentences about the app."""
    return finish(for_paper_steps(html))


def for_paper_steps(html: str) -> Generator[None, None, str]:
    """``for_paper`` in steps of a few milliseconds (a 700 KB page was one step of 0.3 s): the
    page is parsed a piece at a time, then its top-level parts are handled a batch at a time.
    Each step does what the whole does to its part, so the result is the same."""
    builder = _TreeBuilder()
    start = 0
    while start < len(html):
        # Cut just before a tag: a run of text is never split in two (a sentence is found within one).
        cut = html.find("<", start + PARSE_PIECE)
        cut = len(html) if cut < 0 else cut
        builder.feed(html[start:cut])
        start = cut
        yield
    builder.close()
    root = builder.root
    # Links and screen-only words: a batch starts at an element, never at the text after a
    # screen-only span (whose leading space that span's removal takes).
    kept: list[_Node] = []
    for batch in _batches(root.children, starts_at_element=True):
        part = _Node(root.tag, children=batch)
        _drop_screen_only_and_links(part)
        kept += part.children
        yield
    root.children = kept
    _drop_app_sections(root)  # over the top-level headings only: quick
    kept = []
    for batch in _batches(root.children):
        part = _Node(root.tag, children=batch)
        _keep_sentences(part)  # each part on its own
        kept += part.children
        yield
    out = []
    for batch in _batches(kept):
        out.append(_html(batch))
        yield
    return "".join(out)


def _batches(nodes: list[_Node], starts_at_element: bool = False) -> Iterator[list[_Node]]:
    batch: list[_Node] = []
    for node in nodes:
        if len(batch) >= NODES_A_STEP and (node.tag or not starts_at_element):
            yield batch
            batch = []
        batch.append(node)
    if batch:
        yield batch


def sentences_for_paper(text: str) -> str:
    """Plain text (a glossary definition, say) without its sentences about the app."""
    kept = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if not refers_to_app(s)]
    return " ".join(kept)


# -- the steps ---------------------------------------------------------------------
def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _drop_screen_only_and_links(node: _Node) -> None:
    children: list[_Node] = []
    skip_space = False
    for child in node.children:
        if child.tag == "span" and "screen-only" in child.classes():
            skip_space = True  # and the space after it, so no double space is left
            continue
        if skip_space and not child.tag:
            child.text = child.text.lstrip()
        skip_space = False
        _drop_screen_only_and_links(child)
        children += child.children if child.tag == "a" else [child]  # a link's words, as plain words
    node.children = [child for child in children if child.tag or child.text]


def _drop_app_sections(node: _Node) -> None:
    """Leave out each heading that speaks of the app, with everything under it.

    Its part ends at the next heading of the same or a higher level; the last part
    of a page ends at a rule (the sources below it) or at the end.
    """
    children = node.children
    index = 0
    while index < len(children):
        child = children[index]
        if child.tag in _HEADINGS and refers_to_app(" ".join(child.words().split())):
            level = int(child.tag[1])
            later = children[index + 1 :]
            end = next((i for i, c in enumerate(later) if c.tag in _HEADINGS and int(c.tag[1]) <= level), None)
            if end is None:
                end = next((i for i, c in enumerate(later) if c.tag == "hr"), len(later))
            del children[index : index + 1 + end]
            continue
        if child.tag and child.tag not in _HEADINGS:
            _drop_app_sections(child)
        index += 1


def _keep_sentences(node: _Node) -> None:
    kept: list[_Node] = []
    for child in node.children:
        if _about_the_app(child):
            pieces = [p for p in _sentences(child.children) if not refers_to_app(" ".join(_words(p).split()))]
            if pieces:
                kept.append(_Node(child.tag, child.attrs, _parse(" ".join(_raw(p).strip() for p in pieces)).children))
            continue
        if child.tag:
            _keep_sentences(child)
            empty = not child.words().strip() and not child.has("img") and not child.has("br")
            if empty and (child.tag in _SENTENCE_BLOCKS or child.tag in _LISTS):
                continue
        kept.append(child)
    node.children = kept


def _about_the_app(block: _Node) -> bool:
    """A paragraph or list item (with no blocks inside, nor a picture) that speaks of the app."""
    if block.tag not in _SENTENCE_BLOCKS or block.has("img"):
        return False
    if any(child.tag in _SENTENCE_BLOCKS or child.tag in _LISTS for child in block.children):
        return False
    return refers_to_app(" ".join(block.words().split()))


# -- sentences inside a paragraph or a list item ----------------------------------------
Token = tuple[str, _Node]  # ("text" | "open" | "close", node)


def _tokens(children: list[_Node]) -> list[Token]:
    found: list[Token] = []
    for child in children:
        if not child.tag:
            found.append(("text", child))
        else:
            found.append(("open", child))
            if child.tag not in _VOID:
                found += _tokens(child.children)
                found.append(("close", child))
    return found


def _sentences(children: list[_Node]) -> list[list[Token]]:
    """The inline content cut into sentences: after . ! or ? (and any closing tags), a space,
    then (after any opening tags) a capital letter, a quote or a bracket."""
    tokens = _tokens(children)
    pieces: list[list[Token]] = [[]]
    for index, (kind, node) in enumerate(tokens):
        if kind != "text":
            pieces[-1].append((kind, node))
            continue
        text, start = node.text, 0
        for position, char in enumerate(text):
            if not char.isspace() or (position > start and text[position - 1].isspace()):
                continue
            before = text[position - 1] if position > 0 else _last_char(tokens, index)
            rest = text[position:].lstrip()
            after = rest[:1] or _next_char(tokens, index)
            if before and before in _SENTENCE_END and after and (after.isupper() or after in _SENTENCE_START):
                pieces[-1].append(("text", _Node("", text=text[start:position])))
                pieces.append([])
                start = len(text) - len(rest)
        pieces[-1].append(("text", _Node("", text=text[start:])))
    return [piece for piece in pieces if piece]


def _last_char(tokens: list[Token], index: int) -> str:
    """The last character of the text before ``tokens[index]``, across closing tags only."""
    for kind, node in reversed(tokens[:index]):
        if kind == "open":
            return ""
        if kind == "text" and node.text:
            return node.text[-1]
    return ""


def _next_char(tokens: list[Token], index: int) -> str:
    """The first character of the text after ``tokens[index]``, across opening tags only."""
    for kind, node in tokens[index + 1 :]:
        if kind == "close":
            return ""
        if kind == "text" and node.text:
            return node.text[0]
    return ""


def _words(piece: list[Token]) -> str:
    return "".join(node.text for kind, node in piece if kind == "text")


def _raw(piece: list[Token]) -> str:
    out = []
    for kind, node in piece:
        if kind == "text":
            out.append(escape(node.text, quote=False))
        elif kind == "open":
            out.append(_open_tag(node))
        else:
            out.append(f"</{node.tag}>")
    return "".join(out)


# -- back to HTML ---------------------------------------------------------------------
def _open_tag(node: _Node) -> str:
    attrs = "".join(f' {name}="{escape(value)}"' if value is not None else f" {name}" for name, value in node.attrs)
    return f"<{node.tag}{attrs}>"


def _html(nodes: list[_Node]) -> str:
    out = []
    for node in nodes:
        if not node.tag:
            out.append(escape(node.text, quote=False))
        elif node.tag in _VOID:
            out.append(_open_tag(node))
        else:
            out.append(_open_tag(node) + _html(node.children) + f"</{node.tag}>")
    return "".join(out)
