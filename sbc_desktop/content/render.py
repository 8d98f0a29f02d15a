"""Markdown -> safe HTML for the reader: glossary links, topic links, sanitising.

The HTML that leaves this module is sanitised (no script, no event handlers, no
styles) and points only at things the reader can show: topics (``topic:ID``),
glossary terms (``term:ID``), pictures inside the content folder (``file:`` URLs),
in-page anchors and web addresses that the window hands to the user's browser.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from urllib.parse import urljoin, urlsplit

import nh3

from .byte_budget import ByteLRU, fixed_link_bytes, rendered_bytes
from .glossary import TermMatcher
from .library import Library, Topic
from .line_ends import spaced
from .links import TERM_SCHEME, TOPIC_SCHEME, resolve_local, topic_id_from_href
from .page_events import PageWalk, address_as_followed, joined_terms
from .page_facts import LinkKeeper, MarksMatter, check_facts
from .render_cache import RenderCache, key_of_topic, pictures_found, pictures_still_match, stamp_of_library
from .rendered import ANCHOR, DEAD, GLOSSARY, PICTURE, TOPIC, WEB, Link, Rendered

CACHE_TOPICS = 64  # rendered topics kept in memory (most recently read)...
CACHE_BYTES = 12 * 1024 * 1024  # ...taking at most about this much in all (byte_budget.rendered_bytes)
# Parts of a page's HTML: the first (the top of the page, shown at once) at most FIRST_PART_CHARS, then
# at most PART_CHARS each, cut between top-level elements: each is quick for the reader to lay out.
FIXED_LINKS_BYTES = 2 * 1024 * 1024  # links' answers kept, about this much (see _fix_link): some 8,000 links
FIRST_PART_CHARS = 3000
PART_CHARS = 3500
SMALL_GLOSSARY = 300  # terms: a matcher this small is made in a few ms (see quick_to_parse)
# A page whose rendering is on its way (Renderer.coming; usually a few ms) is waited for this long at most: no
# longer than the longest page's parse in the window would take (a helper gone silent is ended after 10-20 s).
COMING_WAIT_S = 2.0
_WEB = ("http", "https", "mailto")
# Where urlsplit's scheme is one of _WEB for sure: nothing but those letters before the first colon, and (checked
# apart) nothing that makes urlsplit fail: an address in ASCII without brackets.
_WEB_START = re.compile(r"(?:https?|mailto):", re.IGNORECASE)
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
# A link written in HTML that leads nowhere (its address taken away: _filter_attribute), as the sanitiser writes it
# (links do not nest; quotes in a value are escaped), and its words: shown as plain words, as a Markdown one is
# (Qt's rich text would show an <a> with no address as a link). One with a name is a place on the page: kept.
_A_TO_NOWHERE = re.compile(r'<a((?:\s(?!href=|name=)[a-z-]+="[^"]*")*)>(.*?)</a>', re.DOTALL)
_KEPT_ON_WORDS = re.compile(r'\s(?:id|title|lang)="[^"]*"')

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


class Renderer:
    """Turns a library's Markdown into sanitised HTML plus what the page holds, caching each topic.

    Safe to use from several threads at once (search builds its index in a worker):
    a page's parse and walk hold no state outside themselves (page_events).
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
        # Rendered topics, most recently used last; bounded in bytes, so that reading a few
        # thousand pages does not keep every one of them in memory.
        self._cache: ByteLRU[str, Rendered] = ByteLRU(CACHE_BYTES, CACHE_TOPICS, rendered_bytes)
        # Pages whose rendering is on its way (the reader's worker, from the render helper): `rendered` waits for
        # it, in any thread but the one making it (Renderer.coming).
        self._coming: dict[str, tuple[threading.Event, int]] = {}
        self._fixed: dict[str | tuple[str, str], tuple[str, str, str | None]] = {}  # _fix_link's answers
        self._fixed_bytes = 0  # what they take, about (byte_budget.fixed_link_bytes)

    @cached_property
    def matcher(self) -> TermMatcher:
        matcher = TermMatcher(self.library.glossary.values())
        matcher.prepare()  # (whole: a thread that makes it pays for all of it)
        return matcher

    def quick_to_parse(self) -> bool:
        """Whether a short page's parse is quick now: its glossary matcher is made (or small). Making the
        matcher of a glossary of thousands of words takes 0.2-0.3 s: not in a step of the window."""
        return not self.link_terms or "matcher" in self.__dict__ or len(self.library.glossary) <= SMALL_GLOSSARY

    def _terms(self) -> TermMatcher | None:
        if not self.link_terms:
            return None
        with self._lock:
            return self.matcher  # built once, before two threads could both build it

    # -- topics ---------------------------------------------------------------------
    def rendered(self, topic: Topic, on_part: Callable[[str], None] | None = None) -> Rendered:
        """The topic's body (without title or footer) parsed once: HTML parts, links, headings, text, terms.
        ``on_part``: if it is parsed now, each part of its HTML as it is made (see `render_parts`; none for a page
        in memory or on disk)."""
        with self._lock:
            cached = self._cache.get(topic.id)
            coming = self._coming.get(topic.id)
        if cached is not None:
            return cached
        if coming is not None and coming[1] != threading.get_ident() and coming[0].wait(COMING_WAIT_S):
            with self._lock:
                cached = self._cache.get(topic.id)
            if cached is not None:
                return cached
        result = self._from_disk(topic)
        if result is None:
            result = self.render(topic.body, topic) if on_part is None else self.render(topic.body, topic, on_part)
            if self.disk is not None:
                self.disk.put(self.cache_key(topic), result)
        self.keep(topic.id, result)
        return result

    # -- the cache on disk ------------------------------------------------------------
    @cached_property
    def library_stamp(self) -> str:
        """What around a page changes its HTML: code, folder, topic ids, glossary names, settings."""
        return stamp_of_library(self.library, self.link_terms)

    def cache_key(self, topic: Topic, body: str | None = None) -> str:
        """The topic's key in the disk cache (see render_cache); ``body``: the topic's, if already read."""
        return key_of_topic(self.library_stamp, topic, body)

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

    def stored_parts(self, topic: Topic) -> tuple[str, ...] | None:
        """The HTML parts of the topic's rendering on disk (its pictures still where they were), read without
        the rest of it, or None: not on disk, or not yet known cheaply where (the library's stamp is made once,
        by the first page read from the disk or rendered). Not kept in memory. For the reader: a long page on
        disk is shown at once, not after a worker has read all of its entry."""
        if self.disk is None or "library_stamp" not in self.__dict__:
            return None
        key = self.cache_key(topic)
        found = self.disk.parts(key)
        if found is None or not pictures_found(found[1], self._root, topic):
            return None
        self.disk.touch(key)
        return found[0]

    def store(self, topic: Topic) -> bool:
        """Render ``topic`` into the disk cache unless it is there already; True if it was rendered and
        written there (False when its write failed: a full or read-only disk)."""
        if self.disk is None:
            return False
        key = self.cache_key(topic)
        if self.disk.has(key):
            return False
        return self.disk.put(key, self.render(topic.body, topic))

    def text_of(self, topic: Topic) -> Rendered:
        """The topic's one parse, for its words (search): the one in memory or on disk if there is one,
        else the page's facts parsed now (``facts``: the same words and headings, no HTML; not kept).

        Safe from a worker thread; never writes to the disk cache.
        """
        found = self.known_text(topic)
        return found if found is not None else self.facts(topic.body, topic)

    def known_text(self, topic: Topic) -> Rendered | None:
        """The topic's one parse if it is in memory or on disk, else None (nothing is parsed). Safe from
        a worker thread; never writes to the disk cache."""
        with self._lock:
            cached = self._cache.peek(topic.id)
        return cached if cached is not None else self._from_disk(topic)

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
            self._cache.put(topic_id, result)

    @contextmanager
    def coming(self, topic_id: str) -> Iterator[None]:
        """While this lasts, this thread is making the topic's rendering (from the render helper, or parsing it
        if it cannot) and keeps it once made: `rendered` in any other thread waits for that (COMING_WAIT_S at
        most, without Python's lock) rather than parse the page too.

        The reader may show a page whole from its parts before the rest of its rendering has come (a few ms):
        a reload, a new theme or anything else asking for the page then must not parse it in the window."""
        arrived = threading.Event()
        with self._lock:
            self._coming[topic_id] = (arrived, threading.get_ident())
        try:
            yield
        finally:
            with self._lock:
                if self._coming.get(topic_id, (None, 0))[0] is arrived:
                    del self._coming[topic_id]
            arrived.set()

    def is_cached(self, topic_id: str) -> bool:
        return topic_id in self._cache

    # -- any Markdown ---------------------------------------------------------------
    def render(self, text: str, topic: Topic | None = None, on_part: Callable[[str], None] | None = None) -> Rendered:
        """``text`` parsed once (not cached): links and pictures of ``topic`` resolved from its folder. ``on_part``:
        each part of the HTML as soon as it is made (`render_parts`)."""
        return self._render(text, topic, self._terms(), html=True, on_part=on_part)

    def render_parts(
        self,
        text: str,
        topic: Topic | None,
        on_part: Callable[[str], None],
        on_last: Callable[[], None] | None = None,
    ) -> Rendered:
        """``render``, each part of the HTML handed to ``on_part`` as soon as it is made: a long page's top
        can be shown while the rest is parsed; ``on_last`` called once the last has been (before the page's
        links, headings and words are made: a few ms). (Should the parse fail on the way, the result's parts,
        the page's words unformatted, are not the ones handed over, and ``on_last`` is not called.)"""
        return self._render(text, topic, self._terms(), html=True, on_part=on_part, on_last=on_last)

    def facts(self, text: str, topic: Topic | None = None) -> Rendered:
        """What ``render`` finds in ``text`` (links, headings, words) without the HTML (``parts`` is
        ``("",)``) and so without glossary links either: what `check` reads, in less than half the time.
        Never to be shown or kept as a page's rendering."""
        return self._render(text, topic, None, html=False)

    def check_facts(
        self,
        text: str,
        topic: Topic | None,
        keep: LinkKeeper,
        marks_matter: MarksMatter | None = None,
        pieces: list[str] | None = None,
    ) -> tuple[list[str], tuple[Link, ...]]:
        """What `check` reads of ``text``: ``facts``' blocks of words (``Rendered.blocks()``) and those of its
        links ``keep`` takes (by href) and its pictures, from a walk that finds nothing else (page_facts;
        ``marks_matter``, ``pieces``: see there)."""
        base_url = topic.url if topic else ""
        try:
            blocks, links = check_facts(
                text,
                lambda href: self._fix_link(href, base_url),
                lambda src: self._picture_url(src, topic),
                keep,
                marks_matter,
                pieces,
            )
        except Exception:  # noqa: BLE001 - whatever the parser meets: what facts finds (its words, unformatted)
            rendered = self.facts(text, topic)
            if pieces is not None:
                pieces[:] = " ".join(rendered.blocks()).split()
            return rendered.blocks(), tuple(link for link in rendered.links if link.kind == PICTURE or keep(link.href))
        return blocks, tuple(links)

    def _render(
        self,
        text: str,
        topic: Topic | None,
        terms: TermMatcher | None,
        html: bool,
        on_part: Callable[[str], None] | None = None,
        on_last: Callable[[], None] | None = None,
    ) -> Rendered:
        self._local.topic = topic  # for raw HTML's pictures, as the cleaner meets them
        base_url = topic.url if topic else ""
        walk = PageWalk(
            text, lambda href: self._fix_link(href, base_url), lambda src: self._picture_url(src, topic), terms, html
        )
        made: list[str] = []
        try:
            if on_part is None:
                pieces = walk.run()
            else:  # each part cleaned and handed over as soon as the walk has ended its elements
                for part, raw in _grouping(_flagged(walk.elements(), walk)):
                    made.append(self._clean_part(part, raw))
                    on_part(made[-1])
                if on_last is not None and made:  # (a page of no parts is given one, empty, below)
                    on_last()
        except Exception:  # noqa: BLE001 - whatever the parser meets: the words, unformatted
            blocks = (" ".join(block.split()) for block in text.split("\n\n"))
            return Rendered(("<pre>" + nh3.clean_text(text) + "</pre>",), text="\n".join(b for b in blocks if b))
        if on_part is not None:
            parts = tuple(made)
        else:
            parts = (
                tuple(self._clean_part(part, raw) for part, raw in _grouping(_flagged(pieces, walk))) if html else ()
            )
        links = walk.result_links()
        return Rendered(
            parts=parts or ("",),
            links=links,
            headings=walk.result_headings(),
            text="\n".join(walk.blocks),
            terms=joined_terms(walk.linked, links),
        )

    def _fix_link(self, href: str, base_url: str) -> tuple[str, str, str | None]:
        """(kind, where it leads, the href to write or None: the link's words shown as plain text).

        Pages link the same places again and again: each answer is kept (the library's topics do not
        change under a Renderer), by the href alone unless the page's address changes it (``/path``)."""
        key: str | tuple[str, str] = (href, base_url) if href.startswith("/") and base_url else href
        fixed = self._fixed.get(key)
        if fixed is None:
            if self._fixed_bytes >= FIXED_LINKS_BYTES:
                self._fixed.clear()
                self._fixed_bytes = 0
            fixed = self._fixed[key] = self._fix_new_link(href, base_url)
            self._fixed_bytes += fixed_link_bytes(href, fixed)
        return fixed

    def _fix_new_link(self, href: str, base_url: str) -> tuple[str, str, str | None]:
        target = topic_id_from_href(href)
        if target is not None:
            if target in self.library.topics:
                fragment = href.partition("#")[2]
                written = TOPIC_SCHEME + target + (f"#{fragment}" if fragment else "")
                return TOPIC, written, written
            return DEAD, "", None
        if href.startswith("#"):
            return ANCHOR, href, href
        if href.startswith(TERM_SCHEME):
            return GLOSSARY, href, href
        if href.startswith("/") and base_url:
            href = urljoin(base_url, href)
        if _WEB_START.match(href) and href.isascii() and "[" not in href and "]" not in href:
            return WEB, href, href  # (what urlsplit says of it, a tenth of the time: a page may hold 600)
        if urlsplit(href).scheme in _WEB:
            return WEB, href, href
        return DEAD, "", None

    def markdown_html(self, text: str, topic: Topic | None = None) -> str:
        return self.render(text, topic).html

    def _clean_part(self, html: str, raw: bool) -> str:
        """A part of a page as the sanitiser makes it. A part whose HTML is all the walk's own (no HTML written
        in the page, no picture, no character the HTML parser changes) is not parsed again (a fifth of a long
        page's parse): the walk escapes what the sanitiser escapes, and its few other ways of writing are
        written the sanitiser's way here (html5ever's serialiser: <br>, &nbsp;, an apostrophe as it is in
        an attribute; page_events.PageWalk.has_raw)."""
        if raw or "<img" in html or "\r" in html or "\x00" in html:
            return self._clean(html)
        if "<br />" in html or "<hr />" in html:
            html = html.replace("<br />", "<br>").replace("<hr />", "<hr>")
        if "&#x27;" in html:  # (only ever from an attribute: text keeps its apostrophes)
            html = html.replace("&#x27;", "'")
        if "\xa0" in html:
            html = html.replace("\xa0", "&nbsp;")
        return spaced(html)

    def _clean(self, html: str) -> str:
        # spaced: a paragraph separator the page wrote as "&#8233;" is a character only now (line_ends)
        html = _IMG_WITHOUT_SRC.sub("", self._cleaner.clean(html))
        if "<a" in html:
            html = _A_TO_NOWHERE.sub(_plain_words, html)
        return spaced(html)

    def local_file_url(self, src: str) -> str:
        """A ``file:`` URL for a picture inside the content folder, else ''."""
        return self._picture_url(src, getattr(self._local, "topic", None))

    def _picture_url(self, src: str, topic: Topic | None) -> str:
        state, path = resolve_local(src, self._root, topic.path.parent if topic else None)
        return path.as_uri() if state == "ok" and path else ""

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return self.local_file_url(value) or None
        if attribute == "href":  # a link written in HTML leads where one written in Markdown would, or nowhere
            topic = getattr(self._local, "topic", None)
            return self._fix_link(address_as_followed(value), topic.url if topic else "")[2]
        return value


def _plain_words(link: re.Match[str]) -> str:
    kept = "".join(_KEPT_ON_WORDS.findall(link.group(1)))
    return f'<span class="dead-link"{kept}>{link.group(2)}</span>'


def _flagged(pieces: Iterable[str], walk: PageWalk) -> Iterator[tuple[str, bool]]:
    """Each top-level element's HTML, and whether it holds HTML written in the page (read as each comes)."""
    for number, piece in enumerate(pieces):
        yield piece, walk.has_raw(number)


def _grouping(pieces: Iterable[tuple[str, bool]]) -> Iterator[tuple[str, bool]]:
    """Top-level elements' HTML joined into parts of at most FIRST_PART_CHARS, then PART_CHARS each
    (an element longer than that, a long table say, is a part of its own), each given out once the next
    element shows it is full; with each, whether it holds HTML written in the page."""
    current: list[str] = []
    size, limit, given, raw = 0, FIRST_PART_CHARS, False, False
    for piece, has_raw in pieces:
        if size and size + len(piece) > limit and piece.strip():
            yield "".join(current), raw
            current, size, limit, given, raw = [], 0, PART_CHARS, True, False
        current.append(piece)
        size += len(piece)
        raw = raw or has_raw
    if current and ("".join(current).strip() or not given):
        yield "".join(current), raw
