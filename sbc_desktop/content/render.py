"""Markdown -> safe HTML for the reader: glossary links, topic links, sanitising.

The HTML that leaves this module is sanitised (no script, no event handlers, no
styles) and points only at things the reader can show: topics (``topic:ID``),
glossary terms (``term:ID``), pictures inside the content folder (``file:`` URLs),
in-page anchors and web addresses that the window hands to the user's browser.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Iterator
from functools import cached_property
from html import unescape
from urllib.parse import urljoin, urlsplit

import markdown
import nh3
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from .glossary import TermMatcher
from .library import Library, Topic
from .links import TERM_SCHEME, TOPIC_SCHEME, resolve_local, topic_id_from_href
from .render_cache import RenderCache, key_of_topic, pictures_still_match, stamp_of_library
from .rendered import (
    ANCHOR,
    DEAD,
    GLOSSARY,
    PICTURE,
    PLACEHOLDER,
    TOPIC,
    WEB,
    Heading,
    LineFinder,
    Link,
    Rendered,
    headings_of,
    text_blocks,
    words,
)

CACHE_TOPICS = 64  # rendered topics kept in memory (most recently read)...
CACHE_CHARS = 4_000_000  # ...and at most this much HTML and text in all (about 8 MB)
# Parts of a page's HTML: the first (the top of the page, shown at once) at most FIRST_PART_CHARS, then
# at most PART_CHARS each, cut between top-level elements: each is quick for the reader to lay out.
FIRST_PART_CHARS = 3000
PART_CHARS = 3500
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "toc", "fenced_code", "sane_lists", "def_list"]


def _extensions() -> list[Extension]:
    """MARKDOWN_EXTENSIONS as instances: by name, Markdown looks each up through the
    installed packages' entry points, which costs about 30 ms at every start."""
    from markdown.extensions.attr_list import AttrListExtension
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    made = [TableExtension(), AttrListExtension(), TocExtension(), FencedCodeExtension()]
    return [*made, SaneListExtension(), DefListExtension()]
_NO_TERMS_IN = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "script", "style"}
_WEB = ("http", "https", "mailto")
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "code", "pre", "kbd",
    "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "img", "span", "div", "figure", "figcaption", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href", "class", "name"},
    "img": {"src", "alt", "width", "height"},
    "span": {"class"},
    "div": {"class"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}


class _ContentTree(Treeprocessor):
    """Rewrites links and pictures (noting each), then links the first use of each glossary word."""

    def __init__(self, md: markdown.Markdown, renderer: Renderer):
        super().__init__(md)
        self.renderer = renderer
        self.topic: Topic | None = None
        self.base_url = ""
        self.source = ""
        self.linked: set[str] = set()
        self.links: list[Link] = []
        self.original: dict[int, str] = {}  # id(element) -> its href or src as written

    def start(self, topic: Topic | None, source: str, linked: set[str]) -> None:
        """Ready for one page: its topic (for relative addresses) and its Markdown."""
        self.topic, self.source, self.linked = topic, source, linked
        self.base_url = topic.url if topic else ""
        self.links, self.original = [], {}

    def run(self, root: ET.Element) -> None:
        written = [element for element in root.iter() if element.tag in ("a", "img")]  # in page order
        texts = {id(element): words(element, self.unstash) for element in written}
        outcome: dict[int, tuple[str, str]] = {}
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "a":
                    outcome[id(child)] = self._fix_link(parent, child)
                elif child.tag == "img":
                    outcome[id(child)] = self._fix_image(parent, child, index)
        lines = LineFinder(self.source)
        for element in written:
            kind, target = outcome[id(element)]
            href = self.original[id(element)]
            self.links.append(Link(href, kind, target, lines.line_of(href), texts[id(element)]))
        if self.renderer.link_terms and self.renderer.matcher.size:
            self._link_terms(root)

    def unstash(self, text: str) -> str:
        escapes = self.md.treeprocessors["unescape"]  # runs after this processor: undo "\\*" and the like here
        return _unstash(self.md, escapes.unescape(text) if isinstance(escapes, UnescapeTreeprocessor) else text)

    # -- links and pictures -----------------------------------------------------
    def _fix_link(self, parent: ET.Element, a: ET.Element) -> tuple[str, str]:
        href = (a.get("href") or "").strip()
        self.original[id(a)] = href
        target = topic_id_from_href(href)
        if target is not None:
            fragment = href.partition("#")[2]
            if target in self.renderer.library.topics:
                a.set("href", TOPIC_SCHEME + target + (f"#{fragment}" if fragment else ""))
                return TOPIC, a.get("href") or ""
            _unwrap(a)
            return DEAD, ""
        if href.startswith("#"):
            return ANCHOR, href
        if href.startswith(TERM_SCHEME):
            return GLOSSARY, href
        if href.startswith("/") and self.base_url:
            href = urljoin(self.base_url, href)
        if urlsplit(href).scheme in _WEB:
            a.set("href", href)
            a.set("class", "external")
            return WEB, href
        _unwrap(a)
        return DEAD, ""

    def _fix_image(self, parent: ET.Element, img: ET.Element, index: int) -> tuple[str, str]:
        self.original[id(img)] = img.get("src") or ""
        url = self.renderer.local_file_url(img.get("src") or "")
        if url:
            img.set("src", url)
            alone = len(parent) == 1 and not (parent.text or "").strip() and not (img.tail or "").strip()
            if parent.tag == "p" and alone:
                # A picture on its own: a block without the text's line spacing (no gap below it).
                parent.tag, parent.attrib = "div", {"class": "picture"}
            return PICTURE, url
        alt = (img.get("alt") or "").strip()
        span = ET.Element("span", {"class": "missing-picture"})
        span.text = f"[{alt}]" if alt else ""
        span.tail = img.tail
        parent.remove(img)
        parent.insert(index, span)
        return PICTURE, ""

    # -- glossary ---------------------------------------------------------------
    def _link_terms(self, element: ET.Element) -> None:
        if element.tag in _NO_TERMS_IN:
            return
        if element.text:
            element.text, anchors = self._split(element.text)
            for offset, anchor in enumerate(anchors):
                element.insert(offset, anchor)
        for child in list(element):
            self._link_terms(child)
            if child.tail:
                child.tail, anchors = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, anchor in enumerate(anchors):
                    element.insert(position + offset, anchor)

    def _split(self, text: str) -> tuple[str, list[ET.Element]]:
        anchors: list[ET.Element] = []
        head, last = text, 0
        for match in self.renderer.matcher.finditer(text):
            if match.term_id in self.linked:
                continue
            self.linked.add(match.term_id)
            anchor = ET.Element("a", {"href": TERM_SCHEME + match.term_id, "class": "term"})
            anchor.text = text[match.start : match.end]
            if anchors:
                anchors[-1].tail = text[last : match.start]
            else:
                head = text[: match.start]
            anchors.append(anchor)
            last = match.end
        if anchors:
            anchors[-1].tail = text[last:]
        return head, anchors


def _unwrap(a: ET.Element) -> None:
    """Turn a link that leads nowhere into plain text (keeping its words)."""
    a.tag = "span"
    a.attrib.clear()
    a.set("class", "dead-link")


_STASHED = util.HTML_PLACEHOLDER.split("%s")[0]  # python-markdown's mark for raw HTML it set aside
_PART_MARK = util.STX + "sbc-part" + util.ETX  # never in a page: python-markdown strips STX/ETX from input


def _unstash(md: markdown.Markdown, text: str) -> str:
    """``text`` with each raw-HTML placeholder replaced by that HTML's words, as sanitising keeps them
    (a script's or a style's insides, written as inline HTML around plain text, are left out too)."""
    if _STASHED not in text:
        return text
    pieces, position, stash, hidden = [], 0, md.htmlStash.rawHtmlBlocks, ""
    while (start := text.find(_STASHED, position)) >= 0 and (end := text.find(util.ETX, start)) >= 0:
        key = text[start + len(_STASHED) : end]
        raw = stash[int(key)] if key.isdigit() and int(key) < len(stash) else ""
        raw_text = (raw if isinstance(raw, str) else ET.tostring(raw, encoding="unicode")).strip()
        if not hidden:
            pieces += [text[position:start], " ", unescape(nh3.clean(raw_text, tags=set())), " "]
        opened = raw_text.lower()
        if hidden and opened.startswith("</" + hidden):
            hidden = ""
        elif opened.startswith(("<script", "<style")) and "</" not in opened:
            hidden = opened[1:].partition(">")[0].split()[0]
        position = end + len(util.ETX)
    if not hidden:
        pieces.append(text[position:])
    return "".join(pieces)


class _Harvest(Treeprocessor):
    """Last of all: reads headings and text from the finished tree and marks where parts may be cut."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.headings: list[Heading] = []
        self.blocks: list[str] = []

    def run(self, root: ET.Element) -> None:
        unstash = self.unstash
        self.headings = headings_of(root, unstash)
        self.blocks = text_blocks(root, unstash)
        for paragraph in root.iter("p"):
            if paragraph.text and paragraph.text.strip() == PLACEHOLDER and not len(paragraph):
                paragraph.text = PLACEHOLDER  # exactly "<p>{{care-team}}</p>": urgent_help fills it in
        for child in root:
            child.tail = (child.tail or "") + _PART_MARK

    def unstash(self, text: str) -> str:
        return _unstash(self.md, text)


class _ContentExtension(Extension):
    def __init__(self, renderer: Renderer):
        super().__init__()
        self.renderer = renderer
        self.processor: _ContentTree | None = None
        self.harvest: _Harvest | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown API
        self.processor = _ContentTree(md, self.renderer)
        # After inline parsing (20) so links and emphasis exist; before prettify (10).
        md.treeprocessors.register(self.processor, "sbc_content", 15)
        # After the table of contents (5) has given headings their ids and escapes are undone (0).
        self.harvest = _Harvest(md)
        md.treeprocessors.register(self.harvest, "sbc_harvest", -10)


class _Parser:
    """One thread's python-markdown (a Markdown object must not be shared between threads)."""

    def __init__(self, renderer: Renderer):
        extension = _ContentExtension(renderer)
        self.md = markdown.Markdown(extensions=[*_extensions(), extension])
        assert extension.processor is not None and extension.harvest is not None
        self.content: _ContentTree = extension.processor
        self.harvest: _Harvest = extension.harvest


class Renderer:
    """Turns a library's Markdown into sanitised HTML plus what the page holds, caching each topic.

    Safe to use from several threads at once (search builds its index in a worker):
    each thread parses with its own python-markdown instance.
    """

    def __init__(self, library: Library, link_terms: bool = True, disk: RenderCache | None = None):
        self.library = library
        self.link_terms = link_terms
        self.disk = disk  # rendered topics also kept on disk (render_cache); None: in memory only
        self._root = library.root.resolve()
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cleaner = nh3.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "file", "topic", "term"},
            link_rel=None,
            strip_comments=True,
            attribute_filter=self._filter_attribute,
        )
        # Rendered topics, most recently used last; bounded, so that reading a few
        # thousand pages does not keep every one of them in memory.
        self._cache: OrderedDict[str, Rendered] = OrderedDict()
        self._cached_chars = 0

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.library.glossary.values())

    def _parser(self) -> _Parser:
        parser: _Parser | None = getattr(self._local, "parser", None)
        if parser is None:
            if self.link_terms:
                with self._lock:
                    self.matcher  # noqa: B018 - built once, before two threads could both build it
            parser = self._local.parser = _Parser(self)
        return parser

    # -- topics ---------------------------------------------------------------------
    def rendered(self, topic: Topic) -> Rendered:
        """The topic's body (without title or footer) parsed once: HTML parts, links, headings, text, terms."""
        with self._lock:
            cached = self._cache.get(topic.id)
            if cached is not None:
                self._cache.move_to_end(topic.id)
                return cached
        result = self._from_disk(topic)
        if result is None:
            result = self.render(topic.body, topic)
            if self.disk is not None:
                self.disk.put(self.cache_key(topic), result)
        self.keep(topic.id, result)
        return result

    # -- the cache on disk ------------------------------------------------------------
    @cached_property
    def library_stamp(self) -> str:
        """What around a page changes its HTML: code, folder, topic ids, glossary names, settings."""
        return stamp_of_library(self.library, self.link_terms)

    def cache_key(self, topic: Topic) -> str:
        """The topic's key in the disk cache (see render_cache)."""
        return key_of_topic(self.library_stamp, topic)

    def _from_disk(self, topic: Topic) -> Rendered | None:
        """The topic's rendering from the disk cache, if one was made from this very page."""
        if self.disk is None:
            return None
        key = self.cache_key(topic)
        result = self.disk.get(key)
        if result is None or not pictures_still_match(result, self._root, topic):
            return None  # none, or a picture was added, moved or removed since: render again
        self.disk.touch(key)
        return result

    def store(self, topic: Topic) -> bool:
        """Render ``topic`` into the disk cache unless it is there already; True if it was rendered."""
        if self.disk is None:
            return False
        key = self.cache_key(topic)
        if self.disk.has(key):
            return False
        self.disk.put(key, self.render(topic.body, topic))
        return True

    def text_of(self, topic: Topic) -> Rendered:
        """The topic's one parse, for its words (search): the one in memory or on disk if there is one,
        else a parse made now without glossary links (the same words; not kept, its HTML is not the reader's).

        Safe from a worker thread; never writes to the disk cache.
        """
        with self._lock:
            cached = self._cache.get(topic.id)
        if cached is not None:
            return cached
        found = self._from_disk(topic)
        return found if found is not None else self._words_only.render(topic.body, topic)

    @cached_property
    def _words_only(self) -> Renderer:
        return Renderer(self.library, link_terms=False) if self.link_terms else self

    def topic_html(self, topic: Topic) -> str:
        """The body of a topic as safe HTML (without title or footer)."""
        return self.rendered(topic).html

    def topic_parts(self, topic: Topic) -> Iterator[tuple[str, bool]]:
        """The body as (HTML, is it the last part?): a long page comes in several parts,
        cut between top-level elements, so that the reader can show the top at once."""
        parts = self.rendered(topic).parts
        for index, html in enumerate(parts):
            yield html, index == len(parts) - 1

    def terms_used(self, topic: Topic) -> frozenset[str]:
        """The glossary terms (ids) the topic's page links, as recorded by the parse that renders it."""
        return self.rendered(topic).terms

    def keep(self, topic_id: str, result: Rendered) -> None:
        """Hold ``result`` as the topic's rendering (a cache on disk may hand one back)."""
        with self._lock:
            old = self._cache.pop(topic_id, None)
            self._cached_chars -= old.size if old else 0
            self._cache[topic_id] = result
            self._cached_chars += result.size
            while len(self._cache) > 1 and (len(self._cache) > CACHE_TOPICS or self._cached_chars > CACHE_CHARS):
                _, dropped = self._cache.popitem(last=False)
                self._cached_chars -= dropped.size

    def is_cached(self, topic_id: str) -> bool:
        return topic_id in self._cache

    # -- any Markdown ---------------------------------------------------------------
    def render(self, text: str, topic: Topic | None = None) -> Rendered:
        """``text`` parsed once (not cached): links and pictures of ``topic`` resolved from its folder."""
        parser = self._parser()
        linked: set[str] = set()
        parser.content.start(topic, text, linked)
        parser.md.reset()
        try:
            html = parser.md.convert(text)
        except Exception:  # noqa: BLE001 - RecursionError and the like: the words, unformatted
            blocks = (" ".join(block.split()) for block in text.split("\n\n"))
            return Rendered(("<pre>" + nh3.clean_text(text) + "</pre>",), text="\n".join(b for b in blocks if b))
        parts = tuple(self._clean(piece) for piece in _grouped(html.split(_PART_MARK)))
        links = tuple(parser.content.links)
        return Rendered(
            parts=parts or ("",),
            links=links,
            headings=tuple(parser.harvest.headings),
            text="\n".join(parser.harvest.blocks),
            terms=frozenset(linked).union(link.target[len(TERM_SCHEME) :] for link in links if link.kind == GLOSSARY),
        )

    def markdown_html(self, text: str, topic: Topic | None = None) -> str:
        return self.render(text, topic).html

    def _clean(self, html: str) -> str:
        return _IMG_WITHOUT_SRC.sub("", self._cleaner.clean(html))

    def local_file_url(self, src: str) -> str:
        """A ``file:`` URL for a picture inside the content folder, else ''."""
        return self._picture_url(src, self._parser().content.topic)

    def _picture_url(self, src: str, topic: Topic | None) -> str:
        state, path = resolve_local(src, self._root, topic.path.parent if topic else None)
        return path.as_uri() if state == "ok" and path else ""

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return self.local_file_url(value) or None
        if attribute == "href" and value.startswith("file:"):
            return None  # a document may show a picture, never open a file
        return value


def _grouped(pieces: list[str]) -> list[str]:
    """Top-level elements' HTML joined into parts of at most FIRST_PART_CHARS, then PART_CHARS each
    (an element longer than that, a long table say, is a part of its own)."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, FIRST_PART_CHARS
    for piece in pieces:
        if size and size + len(piece) > limit and piece.strip():
            parts.append("".join(current))
            current, size, limit = [], 0, PART_CHARS
        current.append(piece)
        size += len(piece)
    if current and ("".join(current).strip() or not parts):
        parts.append("".join(current))
    return parts
