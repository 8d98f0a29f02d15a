"""Markdown -> safe HTML for the reader: glossary links, topic links, sanitising.

The HTML that leaves this module is sanitised (no script, no event handlers, no
styles) and points only at things the reader can show: topics (``topic:ID``),
glossary terms (``term:ID``), pictures inside the content folder (``file:`` URLs),
in-page anchors and web addresses that the window hands to the user's browser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Iterator
from functools import cached_property
from urllib.parse import urljoin, urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .glossary import TermMatcher
from .library import Library, Topic
from .links import FENCE, TERM_SCHEME, TOPIC_SCHEME, resolve_local, topic_id_from_href
from .render_cache import Entry, RenderCache, library_stamp, topic_key

CACHE_TOPICS = 64  # rendered topics kept in memory (most recently read)...
CACHE_CHARS = 4_000_000  # ...and at most this much HTML in all (about 8 MB)
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


_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_NOT_A_NEW_BLOCK = re.compile(r"^(\s|[-*+]\s|\d+[.)]\s|\||$)")  # indented, list item, table row


def split_markdown(text: str, first: int = 3000, rest: int = 10000) -> list[str]:
    """Cut Markdown into parts of about ``first`` then ``rest`` characters.

    Cuts fall only before a block that starts after a blank line and is not indented,
    a list item or a table row, outside fenced code: so lists keep their numbering and
    every part is Markdown on its own. Reference-style link definitions are repeated
    in every part so those links still work.
    """
    if len(text) <= first:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    size, limit, in_fence, previous_blank = 0, first, False, False
    for line in text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and previous_blank and size >= limit and not _NOT_A_NEW_BLOCK.match(line):
            parts.append("\n".join(current))
            current, size, limit = [], 0, rest
        current.append(line)
        size += len(line) + 1
        previous_blank = not line.strip()
    parts.append("\n".join(current))
    definitions = _REFERENCE_DEFINITION.findall(text) if "]:" in text else []
    if definitions and len(parts) > 1:
        extra = "\n\n" + "\n".join(definitions) + "\n"
        parts = [part + extra for part in parts]
    return parts


class _ContentTree(Treeprocessor):
    """Rewrites links and pictures, then links the first use of each glossary word."""

    def __init__(self, md: markdown.Markdown, renderer: Renderer):
        super().__init__(md)
        self.renderer = renderer
        self.topic: Topic | None = None
        self.base_url = ""
        self.linked: set[str] = set()

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "a":
                    self._fix_link(parent, child)
                elif child.tag == "img":
                    self._fix_image(parent, child, index)
        if self.renderer.link_terms and self.renderer.matcher.size:
            self._link_terms(root)

    # -- links and pictures -----------------------------------------------------
    def _fix_link(self, parent: ET.Element, a: ET.Element) -> None:
        href = (a.get("href") or "").strip()
        target = topic_id_from_href(href)
        if target is not None:
            fragment = href.partition("#")[2]
            if target in self.renderer.library.topics:
                a.set("href", TOPIC_SCHEME + target + (f"#{fragment}" if fragment else ""))
                return
            return _unwrap(a)
        if href.startswith("#") or href.startswith(TERM_SCHEME):
            return
        if href.startswith("/") and self.base_url:
            href = urljoin(self.base_url, href)
        if urlsplit(href).scheme in _WEB:
            a.set("href", href)
            a.set("class", "external")
            return
        _unwrap(a)

    def _fix_image(self, parent: ET.Element, img: ET.Element, index: int) -> None:
        url = self.renderer.local_file_url(img.get("src") or "")
        if url:
            img.set("src", url)
            alone = len(parent) == 1 and not (parent.text or "").strip() and not (img.tail or "").strip()
            if parent.tag == "p" and alone:
                # A picture on its own: a block without the text's line spacing (no gap below it).
                parent.tag, parent.attrib = "div", {"class": "picture"}
            return
        alt = (img.get("alt") or "").strip()
        span = ET.Element("span", {"class": "missing-picture"})
        span.text = f"[{alt}]" if alt else ""
        span.tail = img.tail
        parent.remove(img)
        parent.insert(index, span)

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


class _ContentExtension(Extension):
    def __init__(self, renderer: Renderer):
        super().__init__()
        self.renderer = renderer
        self.processor: _ContentTree | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown API
        self.processor = _ContentTree(md, self.renderer)
        # After inline parsing (20) so links and emphasis exist; before prettify (10).
        md.treeprocessors.register(self.processor, "sbc_content", 15)


class Renderer:
    """Turns a library's Markdown into sanitised HTML, caching each topic."""

    def __init__(self, library: Library, link_terms: bool = True, disk: RenderCache | None = None):
        self.library = library
        self.link_terms = link_terms
        self.disk = disk  # rendered topics kept on disk (render_cache); None: memory only
        self._pictures: list[tuple[str, str]] | None = None  # pictures met by the topic being rendered
        self._root = library.root.resolve()
        self._ext = _ContentExtension(self)
        self._md = markdown.Markdown(extensions=[*_extensions(), self._ext])
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
        self._cache: OrderedDict[str, list[str]] = OrderedDict()
        self._cached_chars = 0
        self._terms: dict[str, frozenset[str]] = {}  # topic id -> glossary terms its page links

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.library.glossary.values())

    @cached_property
    def library_stamp(self) -> str:
        """What around a page changes its HTML: code, folder, topic ids, glossary names, settings."""
        names = [(term.id, name) for term in self.library.glossary.values() for name in term.names]
        return library_stamp(self._root, self.library.topics, names, f"link_terms={self.link_terms}")

    def cache_key(self, topic: Topic) -> str:
        """The topic's key in the disk cache (see render_cache)."""
        return topic_key(self.library_stamp, topic.id, topic.url, str(topic.path.parent), topic.body)

    def _from_disk(self, topic: Topic) -> Entry | None:
        """The topic's rendering from the disk cache, if there is one made from this very page."""
        if self.disk is None:
            return None
        key = self.cache_key(topic)
        entry = self.disk.get(key)
        if entry is None:
            return None
        for src, url in entry.pictures:
            if self._picture_url(src, topic) != url:
                return None  # a picture was added, moved or removed since: render again
        self.disk.touch(key)
        return entry

    def render_entry(self, topic: Topic) -> Entry:
        """The whole topic rendered now (no cache), with what the disk cache keeps of it."""
        made: list[Entry] = []
        for _part in self._rendered(topic, made):
            pass
        return made[0]

    def _rendered(self, topic: Topic, made: list[Entry]) -> Iterator[tuple[str, bool]]:
        """Render ``topic`` part by part as (HTML, last?); with the last part, its Entry joins ``made``."""
        parts: list[str] = []
        linked: set[str] = set()  # a glossary word is linked once per page, not per part
        pictures: list[tuple[str, str]] = []
        sources = split_markdown(topic.body)
        for index, markdown_part in enumerate(sources):
            parts.append(self.markdown_html(markdown_part, topic, linked, pictures))
            if index == len(sources) - 1:
                made.append(Entry(tuple(parts), frozenset(linked), tuple(dict.fromkeys(pictures))))
            yield parts[-1], index == len(sources) - 1

    def store(self, topic: Topic) -> bool:
        """Render ``topic`` into the disk cache unless it is there already; True if it was rendered."""
        if self.disk is None:
            return False
        key = self.cache_key(topic)
        if self.disk.has(key):
            return False
        self.disk.put(key, self.render_entry(topic))
        return True

    def topic_html(self, topic: Topic) -> str:
        """The body of a topic as safe HTML (without title or footer)."""
        return "".join(html for html, _last in self.topic_parts(topic))

    def topic_parts(self, topic: Topic) -> Iterator[tuple[str, bool]]:
        """The body as (HTML, is it the last part?), rendered one part at a time.

        A long page is cut into parts at block boundaries so that the reader can show
        the first part at once and add the rest while the reader is already reading.
        The whole list is cached once every part has been rendered.
        """
        cached = self._cache.get(topic.id)
        if cached is not None:
            self._cache.move_to_end(topic.id)
            for index, html in enumerate(cached):
                yield html, index == len(cached) - 1
            return
        stored = self._from_disk(topic)
        if stored is not None:
            self._terms[topic.id] = stored.terms
            self._keep(topic.id, list(stored.parts))
            for index, html in enumerate(stored.parts):
                yield html, index == len(stored.parts) - 1
            return
        made: list[Entry] = []
        yield from self._rendered(topic, made)
        entry = made[0]
        self._terms[topic.id] = entry.terms
        self._keep(topic.id, list(entry.parts))
        if self.disk is not None:
            self.disk.put(self.cache_key(topic), entry)

    def terms_used(self, topic: Topic) -> frozenset[str]:
        """The glossary terms (ids) the topic's page links, as recorded by the parse that renders it."""
        if topic.id not in self._terms:
            for _part in self.topic_parts(topic):
                pass
        return self._terms.get(topic.id, frozenset())

    def _keep(self, topic_id: str, parts: list[str]) -> None:
        old = self._cache.pop(topic_id, None)
        self._cached_chars -= sum(map(len, old)) if old else 0
        self._cache[topic_id] = parts
        self._cached_chars += sum(map(len, parts))
        while len(self._cache) > 1 and (len(self._cache) > CACHE_TOPICS or self._cached_chars > CACHE_CHARS):
            _, dropped = self._cache.popitem(last=False)
            self._cached_chars -= sum(map(len, dropped))

    def is_cached(self, topic_id: str) -> bool:
        return topic_id in self._cache

    def markdown_html(
        self,
        text: str,
        topic: Topic | None = None,
        linked: set[str] | None = None,
        pictures: list[tuple[str, str]] | None = None,
    ) -> str:
        """``text`` as safe HTML; glossary terms linked join ``linked``, pictures met join ``pictures``."""
        processor = self._ext.processor
        assert processor is not None
        processor.topic = topic
        processor.base_url = topic.url if topic else ""
        processor.linked = linked if linked is not None else set()
        self._pictures = pictures
        self._md.reset()
        try:
            try:
                html = self._md.convert(text)
            except Exception:  # noqa: BLE001 - RecursionError and the like: the words, unformatted
                html = "<pre>" + nh3.clean_text(text) + "</pre>"
            return _IMG_WITHOUT_SRC.sub("", self._cleaner.clean(html))
        finally:
            self._pictures = None

    def local_file_url(self, src: str) -> str:
        """A ``file:`` URL for a picture inside the content folder, else ''."""
        topic = self._ext.processor.topic if self._ext.processor else None
        url = self._picture_url(src, topic)
        if self._pictures is not None:
            self._pictures.append((src, url))  # recorded with the page in the disk cache
        return url

    def _picture_url(self, src: str, topic: Topic | None) -> str:
        state, path = resolve_local(src, self._root, topic.path.parent if topic else None)
        return path.as_uri() if state == "ok" and path else ""

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return self.local_file_url(value) or None
        if attribute == "href" and value.startswith("file:"):
            return None  # a document may show a picture, never open a file
        return value
