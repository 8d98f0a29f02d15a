"""Whole pages for the reader: topics with their sources, the home page, the glossary.

Pure QtCore (translation, dates), no widgets: the reader, the handout and tests all
build pages here. Addresses: ``app:home``, ``app:glossary``, ``topic:ID``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from . import spread, urgent_help
from .care_team import CareTeam
from .content.library import GlossaryTerm, Library, Topic
from .content.links import TOPIC_SCHEME
from .content.reading_parts import ReadingParts, may_split, split_page
from .escape import escape
from .glossary_pages import GLOSSARY_URL, GlossaryPages

if TYPE_CHECKING:  # the Markdown parser (pyromark) and nh3 come with the renderer, when a page is not in the disk cache
    from .content.arriving import ArrivingParts
    from .content.render import Renderer
    from .content.rendered import Rendered

HOME_URL = "app:home"


def long_date(date: dt.date) -> str:
    return QLocale().toString(QDate(date.year, date.month, date.day), "d MMMM yyyy")


def topic_url(topic_id: str) -> str:
    return TOPIC_SCHEME + topic_id


PART_QUERY = "?part="  # a long topic's reading part N (from 1): ``topic:ID?part=N`` (content/reading_parts.py)
PART_LINE_ID = "part-line"  # the id of a reading part's "Part 2 of 5: ..." line (ui/shown_parts.py)
PARTS_LIST_ID = "parts-list"  # the id of the list of every part, under the part's text
SPLIT_KEPT = 8  # pages' reading parts kept (the last few read: a part switch does not cut the page again)


def part_url(topic_id: str, index: int) -> str:
    """The address of a long topic's reading part ``index`` (from 0)."""
    return f"{TOPIC_SCHEME}{topic_id}{PART_QUERY}{index + 1}"


def page_address(url: str) -> str:
    """``url`` without its place (#...) or reading part (?part=N): the page's own address."""
    return url.split("#")[0].split("?")[0]


def part_asked(url: str) -> int | None:
    """The reading part (from 0) ``url`` names, or None if it names none."""
    query = url.split("#")[0].partition("?")[2]
    if query.startswith(PART_QUERY[1:]) and query[len(PART_QUERY) - 1 :].isdigit():
        return max(0, int(query[len(PART_QUERY) - 1 :]) - 1)
    return None


class WholePage:
    """What a page shown from part of a library was made from (`Pages.made_whole`): its topic, the
    whole library's rendering of it, the names of the whole library it was rendered with, and the
    page around the rendering (header, footer)."""

    def __init__(self, topic: Topic, rendering: Rendered, names: tuple[list[str], list[tuple[str, str]]], around: str):
        self.topic, self.rendering, self.names, self.around = topic, rendering, names, around

    def same(self, library: Library, topic: Topic) -> bool:
        """Whether ``library`` (whole) renders ``topic`` as this page's rendering is: what the rendering's
        key in the cache is made from (render_cache: every topic id, the glossary's names, the page itself)
        is the same. Compared directly: hashing 20,000 ids takes hundreds of milliseconds."""
        ids, names = self.names
        if len(ids) != len(library.topics) or library.topics.keys() != set(ids):
            return False
        # In the order the snapshot kept them, as the whole library read from it has them: one comparison in C
        # (a name at a time, each looked up in a set: 5-8 ms of the step that takes the library, for the NCI
        # glossary's 7,800 names); in another order, the same names all the same.
        pairs = [(term.id, name) for term in library.glossary.values() for name in (term.term, *term.aliases)]
        if pairs != names and (len(pairs) != len(names) or set(pairs) != set(names)):
            return False
        was = self.topic
        if (was.id, was.url, was.path) != (topic.id, topic.url, topic.path):
            return False
        from .content.parse_cache import StoredTopic

        if isinstance(was, StoredTopic) or isinstance(topic, StoredTopic):
            # A body read from its file when needed is the file as it is now, not as it was rendered: the
            # same only if both were read from one file with the same stamp (size and times) and split alike.
            stored = ("_body", "_body_at", "_body_prefix", "_stamp")
            return (
                isinstance(was, StoredTopic)
                and isinstance(topic, StoredTopic)
                and was._stamp is not None
                and all(getattr(was, name) == getattr(topic, name) for name in stored)
            )
        return was.body == topic.body


class Pages:
    """Builds the HTML for any address the reader can show."""

    def __init__(self, library: Library, renderer: Renderer | None = None, cache_dir: Path | None = None):
        self.library = library
        self._renderer = renderer
        self._cache_dir = cache_dir  # the renderer's disk cache is in this folder (render_cache), if given
        self._early: tuple[str, Rendered] | None = None  # the one page read from the disk before the renderer
        # Part of a library (a second start's first page): that page as the whole library renders it.
        self._whole: tuple[str, Rendered] | None = None
        self._making = threading.Lock()
        # The care team shown at `{{care-team}}`, and whether to offer a link to Preferences.
        self.care_team: Callable[[], CareTeam] = CareTeam
        self.can_edit_care_team: Callable[[], bool] = lambda: False
        self.spread: Callable[[], list[str]] = list  # "Where has it spread for you?": the places chosen
        self.glossary = GlossaryPages(lambda: self.library)  # its page, or a page to a letter when it is long
        # The last pages' reading parts: topic id -> (the topic, the body's pieces it was cut from, its parts or None).
        # A part shown again (Next part, Back) is cut from these, without reading or rendering its page again;
        # the topic itself is compared (a library read again, or the whole one arriving, has other topics).
        self._splits: dict[str, tuple[Topic, tuple[str, ...], ReadingParts | None]] = {}
        self._cutting = threading.Lock()  # (pages rendered ahead are cut in the thread that rendered them)

    @classmethod
    def for_window(cls, library: Library, cache_dir: Path | None) -> Pages:
        """Pages whose rendered topics are also kept in ``cache_dir`` (render_cache), if one is given."""
        return cls(library, cache_dir=cache_dir)

    @property
    def cache_dir(self) -> Path | None:
        """The folder the rendered pages are kept in on disk (None: the kiosk, nothing written)."""
        return self._cache_dir

    @property
    def has_renderer(self) -> bool:
        """Whether the renderer is made yet (a start's first page may come without one)."""
        return self._renderer is not None

    @property
    def renderer(self) -> Renderer:
        """The renderer, made when first needed: a start whose first page is in the disk cache shows it
        without one (the Markdown parser and the sanitiser are not even imported for it)."""
        with self._making:  # search's worker thread asks for it too
            if self._renderer is None:
                from .content.render import Renderer

                disk = None
                if self._cache_dir is not None:
                    from .content.render_cache import RenderCache

                    disk = RenderCache.in_cache_dir(self._cache_dir)
                renderer = Renderer(self.library, disk=disk)
                if self._early is not None:  # the page already read from the disk is not read again
                    renderer.keep(*self._early)
                    self._early = None
                self._renderer = renderer
            return self._renderer

    @renderer.setter
    def renderer(self, renderer: Renderer) -> None:
        self._renderer = renderer
        self._early = None
        self._splits.clear()  # (cut from the old renderer's pages)

    def rendered(self, topic: Topic, on_part: Callable[[str], None] | None = None) -> Rendered:
        """The topic's one parse (see Renderer.rendered; ``on_part``: each part of its HTML as it is made, if it is
        parsed now). Before the renderer exists, one page may come straight from the disk cache
        (render_cache.cached_rendering); any other page makes the renderer."""
        early = self._early_rendering(topic)
        return early if early is not None else self.renderer.rendered(topic, on_part)

    def _early_rendering(self, topic: Topic) -> Rendered | None:
        if self._renderer is not None or self._cache_dir is None:
            return None
        if self._early is not None:
            return self._early[1] if self._early[0] == topic.id else None
        from .content.render_cache import FOLDER, cached_rendering, installed_folder

        found = None
        # (a first start has no folder of its own: a lookup only if the install rendered the built-in pages)
        if (self._cache_dir / FOLDER).is_dir() or installed_folder().is_dir():
            found = cached_rendering(self._cache_dir, self.library, topic)
        if found is not None:
            self._early = (topic.id, found)
            if self.library.whole_names is not None:
                self._whole = self._early
        return found

    # -- the whole library arriving after part of it (ui/library_arrival.py) --------------------------
    def made_whole(self, url: str) -> WholePage | None:
        """Part of a library: if the page at ``url`` is its topic as the whole library renders it (read
        from the disk cache at start), what the page was made from, for `take_whole` to compare once the
        whole library is in. Else None (the page is made again then)."""
        topic = self.topic_at(url)
        whole_names = self.library.whole_names
        if topic is None or self._whole is None or self._whole[0] != topic.id or whole_names is None:
            return None
        held = self._early[1] if self._renderer is None and self._early else None
        if self._renderer is not None:
            held = self._renderer.known_text(topic)  # (evicted since: the part's own rendering, or none)
        if held is not self._whole[1]:
            return None
        return WholePage(topic, held, whole_names, self.topic_header(topic) + self.footer_html(topic))

    def take_whole(self, made: WholePage | None) -> bool:
        """The whole library is in ``self.library`` now, where part of it was: the renderer goes (its
        memory and glossary were the part's; the next is made for the whole library, on the same disk
        cache and settings). True if the page `made_whole` described (``made``) is made the same by the
        whole library, so it needs no reload: its rendering is kept."""
        old, self._renderer, self._early, self._whole = self._renderer, None, None, None
        self._splits.clear()  # (cut from the part's pages)
        if old is not None:
            from .content.render import Renderer

            self._renderer = Renderer(self.library, link_terms=old.link_terms, disk=old.disk)
        topic = self.library.topic(made.topic.id) if made is not None else None
        if made is None or topic is None or not made.same(self.library, topic):
            return False
        if made.around != self.topic_header(topic) + self.footer_html(topic):
            return False
        if self._renderer is not None:
            self._renderer.keep(topic.id, made.rendering)
        else:
            self._early = (topic.id, made.rendering)  # handed to the renderer when it is made
        return True

    def quick_to_parse(self) -> bool:
        """Whether a short page is parsed quickly now (see Renderer.quick_to_parse; no renderer yet: not
        with a large glossary, whose matcher is made with the renderer's first parse)."""
        if self._renderer is None:
            from .content.render import SMALL_GLOSSARY

            return len(self.library.glossary) <= SMALL_GLOSSARY
        return self._renderer.quick_to_parse()

    def at_hand(self, topic: Topic) -> bool:
        """Whether ``topic``'s rendering is held in memory: shown without a parse or a disk read."""
        if self._renderer is None:
            return self._early is not None and self._early[0] == topic.id
        return self._renderer.is_cached(topic.id)

    def stored_parts(self, url: str) -> Iterator[str] | None:
        """The topic page at ``url`` in parts from the disk cache, read there now without the rest of its
        rendering (Renderer.stored_parts), or None. Never makes the renderer (a start's first pages)."""
        topic = self.topic_at(url)
        known, split = self._kept_split(topic) if topic is not None else (False, None)
        if topic is not None and split is not None:  # another part of a page cut lately: not read again
            return iter([self._part_page(topic, split, self.part_shown(url, split))])
        body = self._renderer.stored_parts(topic) if self._renderer is not None and topic is not None else None
        if body is None or topic is None:
            return None
        return self.page_of_pieces(url, topic, body)

    def page_of_pieces(self, url: str, topic: Topic, body: tuple[str, ...]) -> Iterator[str]:
        """The page at ``url`` (``topic``, or one of its reading parts) in parts, its body's HTML being ``body``
        (the rendering's parts, from the disk cache or as the helper sent them)."""
        split = self.split_of(topic, body)
        if split is not None:
            return iter([self._part_page(topic, split, self.part_shown(url, split))])
        last = len(body) - 1
        return self._framed_parts(topic, ((html, index == last) for index, html in enumerate(body)))

    # -- addresses ----------------------------------------------------------------
    def html_for(self, url: str) -> str | None:
        parts = self.parts_for(url)
        return None if parts is None else "".join(parts)

    def parts_for(self, url: str) -> Iterator[str] | None:
        """The page at ``url`` in parts (long topics come in several), or None."""
        address = url.split("#")[0]
        if address == HOME_URL:
            return iter([self.home_html()])
        if self.glossary.is_glossary(address):
            return self.glossary_parts(url) if self.glossary.letter_at(url) is not None else None
        if address == urgent_help.URGENT_URL:
            return iter([urgent_help.fallback_page_html(self.care_team(), can_edit=self.can_edit_care_team())])
        topic = self.topic_at(address)
        if topic is None:
            return None
        split = self.reading_parts(topic)
        if split is not None:
            return iter([self._part_page(topic, split, self.part_shown(url, split))])
        return self.topic_parts(topic)

    def topic_at(self, url: str) -> Topic | None:
        address = page_address(url)
        return self.library.topic(address[len(TOPIC_SCHEME) :]) if address.startswith(TOPIC_SCHEME) else None

    # -- long topics in reading parts (content/reading_parts.py) ------------------------------
    def split_of(self, topic: Topic, pieces: tuple[str, ...]) -> ReadingParts | None:
        """``topic``'s reading parts, its body being ``pieces`` (its rendering's parts), or None: shown whole.
        Cut once (a few ms on the longest page), kept for the last few pages."""
        with self._cutting:
            kept = self._splits.get(topic.id)
            if kept is not None and kept[0] is topic and kept[1] == pieces:
                self._splits[topic.id] = self._splits.pop(topic.id)  # (the most recent last)
                return kept[2]
        split = split_page(pieces)
        with self._cutting:
            self._splits[topic.id] = (topic, tuple(pieces), split)
            while len(self._splits) > SPLIT_KEPT:
                del self._splits[next(iter(self._splits))]
        return split

    def cut_ahead(self, topic: Topic, pieces: tuple[str, ...]) -> None:
        """Cut ``topic`` (its rendering's parts ``pieces``, just made or read in a worker thread) if it may be read
        in parts, there: the step that shows it then takes the kept cut (2-4 ms less on the longest pages)."""
        if self.may_split(topic):
            self.split_of(topic, pieces)

    def _kept_split(self, topic: Topic) -> tuple[bool, ReadingParts | None]:
        """(whether ``topic`` was cut lately, its reading parts then)."""
        with self._cutting:
            kept = self._splits.get(topic.id)
        return (True, kept[2]) if kept is not None and kept[0] is topic else (False, None)

    @staticmethod
    def may_split(topic: Topic) -> bool:
        """Whether ``topic`` may be cut in reading parts (its Markdown long enough): the reader shows such a page
        once all of it is rendered, not as its parts come from the helper."""
        return may_split(len(topic.body))

    def reading_parts(self, topic: Topic) -> ReadingParts | None:
        """``topic``'s reading parts (rendering it if it is not yet), or None: it is shown whole."""
        known, split = self._kept_split(topic)
        return split if known else self.split_of(topic, self.rendered(topic).parts)

    def known_reading_parts(self, url: str) -> ReadingParts | None:
        """The reading parts of the topic at ``url`` if its page has been cut already (nothing rendered or cut
        now), else None."""
        topic = self.topic_at(url)
        return self._kept_split(topic)[1] if topic is not None else None

    @staticmethod
    def part_shown(url: str, split: ReadingParts) -> int:
        """The reading part (from 0) shown at ``url``: the one holding its place (#name) if it has one on the page
        (a link from one part to a place in another is resolved against the part it is in), else the one it names,
        else the first."""
        placed = split.part_of_anchor(url.partition("#")[2]) if "#" in url else None
        asked = placed if placed is not None else part_asked(url)
        return min(asked or 0, len(split) - 1)

    def part_title(self, split: ReadingParts, index: int, counted: bool = True) -> str:
        """What reading part ``index`` is called (see `part_titles`)."""
        return self.part_titles(split, counted)[index]

    @staticmethod
    def part_titles(split: ReadingParts, counted: bool = True) -> list[str]:
        """What each reading part is called, no two alike: its first heading; when two parts' first headings are
        the same ("Current Clinical Trials" at the end of two sections), each with the heading it is under
        ("Stage II: Current Clinical Trials"), and the one above that if need be. A part with no heading of its
        own goes on from the part before it: "<its name> (continued)", or "(continued, 2 of 3)" when the section
        goes on over more than one part; before the first heading, "Introduction". Not ``counted`` (``split`` is
        the cut of the page's first pieces: `early_part`): the run going on to the cut's last part says
        "(continued)" alone, as how far it goes is not known yet (it may go on past the cut so far)."""
        parts = split.parts
        names = [part.heading for part in parts]
        depth = [0] * len(parts)  # how many of the headings it is under a part's name says
        while True:
            counts = Counter(names)
            alike = [i for i, name in enumerate(names) if name and counts[name] > 1 and depth[i] < len(parts[i].within)]
            if not alike:
                break
            for i in alike:
                depth[i] += 1
                names[i] = QCoreApplication.translate("Pages", "{section}: {heading}").format(
                    section=parts[i].within[-depth[i]], heading=names[i]
                )
        # The parts with no heading of their own: each run after the part it goes on from.
        if not names[0]:
            names[0] = QCoreApplication.translate("Pages", "Introduction")
        first = 0  # the part the run goes on from
        for index in range(1, len(parts) + 1):
            if index < len(parts) and not names[index]:
                continue
            run = index - first  # the part named, and the ones going on from it
            for number in range(2, run + 1):
                said = (
                    QCoreApplication.translate("Pages", "{heading} (continued)")
                    if run == 2 or (not counted and index == len(parts))
                    else QCoreApplication.translate("Pages", "{heading} (continued, {number} of {count})")
                )
                names[first + number - 1] = said.format(heading=names[first], number=number, count=run)
            first = index
        return names

    def part_line(self, split: ReadingParts, index: int, title: str | None = None, counted: bool = True) -> str:
        """ "Part 2 of 5: Stages of breast cancer" (``title``: what the part is called, if known); "Part 2: Stages of
        breast cancer" while the count is not known (``split`` is the cut of the page's first pieces: `early_part`)."""
        title = self.part_title(split, index, counted) if title is None else title
        if not counted:
            return QCoreApplication.translate("Pages", "Part {number}: {title}").format(number=index + 1, title=title)
        return QCoreApplication.translate("Pages", "Part {number} of {count}: {title}").format(
            number=index + 1, count=len(split), title=title
        )

    def early_part(self, url: str, topic: Topic, pieces: tuple[str, ...]) -> tuple[ReadingParts, int, str] | None:
        """The part at ``url`` (no place in it) from the first ``pieces`` of ``topic``'s body, the rest still being
        made, if it is whole in them: (their cut, the part's index, its page as the reader shows it before the
        count is known: `_part_page` without the count and the list of parts, which `parts_list` adds). Every part
        of the cut of a page's first pieces but the last is the whole page's (reading_parts.split_page). None: not
        yet (or the page is not cut)."""
        if "#" in url:
            return None
        split = split_page(pieces)
        index = part_asked(url) or 0
        if split is None or index >= len(split) - 1:
            return None
        return split, index, self._part_page(topic, split, index, counted=False)

    def part_page(self, topic: Topic, index: int, split: ReadingParts | None = None) -> str:
        """Reading part ``index`` of ``topic`` (which is cut in parts: ``split``, if known) as the reader shows it."""
        split = split if split is not None else self.reading_parts(topic)
        assert split is not None
        return self._part_page(topic, split, index)

    def _part_page(self, topic: Topic, split: ReadingParts, index: int, counted: bool = True) -> str:
        """The page's header, "Part 2 of 5: ...", the part's text, the list of every part (links to each), and
        on the last part the sources and dates. Not ``counted`` (``split`` is the cut of the page's first pieces:
        `early_part`): "Part 2: ...", and no list."""
        last = counted and index == len(split) - 1
        line = escape(self.part_line(split, index, counted=counted))
        # (the part line and the list carry ids: find in page counts the topic's own text, not them: ui/parts_find)
        return (
            self.topic_header(topic)
            + f'<p class="part-line" id="{PART_LINE_ID}"><b>{line}</b></p>\n'
            + self.with_care_team(split.html(index))
            + ("\n" + self.footer_html(topic) if last else "")
            + (self.parts_list(topic, split, index) if counted else "")
        )

    def parts_list(self, topic: Topic, split: ReadingParts, index: int) -> str:
        """The list of every part under part ``index``'s text (each part a link, its headings under it), at the end
        of the part's page."""
        contents = []
        titles = self.part_titles(split)
        for number, part in enumerate(split.parts):
            title = escape(self.part_line(split, number, titles[number]))
            here = number == index
            line = f"<b>{title}</b>" if here else f'<a href="{escape(part_url(topic.id, number))}">{title}</a>'
            # Its section headings, each a link to its place (in this part: on this page): the page's outline.
            places = "".join(
                f'<li><a href="{escape(("" if here else part_url(topic.id, number)) + "#" + name)}">'
                f"{escape(words)}</a></li>"
                for level, name, words in part.headings
            )
            contents.append(f"<li>{line}" + (f"<ul>{places}</ul>" if places else "") + "</li>")
        heading = escape(QCoreApplication.translate("Pages", "All the parts of this page"))
        return f'\n<div class="parts-list" id="{PARTS_LIST_ID}"><h2>{heading}</h2><ul>{"".join(contents)}</ul></div>'

    def exists(self, url: str) -> bool:
        if self.glossary.is_glossary(url):
            return self.glossary.letter_at(url) is not None
        return url.split("#")[0] in (HOME_URL, urgent_help.URGENT_URL) or self.topic_at(url) is not None

    def term_url(self, term_id: str) -> str:
        """Where a glossary word's entry is (on the A to Z, or on its letter's page)."""
        return self.glossary.term_url(term_id)

    def title_for(self, url: str) -> str:
        address = url.split("#")[0]
        if address == HOME_URL:
            return QCoreApplication.translate("Pages", "Welcome")
        if self.glossary.is_glossary(address):
            return self.glossary.title(url)
        if address == urgent_help.URGENT_URL:
            return QCoreApplication.translate("Pages", "Urgent help")
        topic = self.topic_at(address)
        return topic.title if topic else ""

    # -- pages --------------------------------------------------------------------
    def topic_html(self, topic: Topic) -> str:
        return "".join(self.topic_parts(topic))

    def topic_parts(self, topic: Topic) -> Iterator[str]:
        """Heading and first part of the body, further parts, then the sources footer."""
        yield from self._framed_parts(topic, self._body_parts(topic))

    def arriving_parts(self, topic: Topic, arriving: ArrivingParts) -> Iterator[str | object]:
        """`topic_parts` as its body's parts arrive from the helper (content/arriving.py): `NOT_YET` while
        the next is still being made."""
        yield from self._framed_parts(topic, arriving.body_parts())

    def _framed_parts(self, topic: Topic, body: Iterable[Any]) -> Iterator[Any]:
        header = self.topic_header(topic)
        first = True
        for item in body:
            if not isinstance(item, tuple):
                yield item  # (NOT_YET)
                continue
            html, last = item
            html = self.with_care_team(html)
            yield (header if first else "") + html + ("\n" + self.footer_html(topic) if last else "")
            first = False

    def topic_header(self, topic: Topic) -> str:
        """The top of a topic's page: its section's name and its title."""
        section = self.library.section_of(topic)
        header = f'<p class="section-name">{escape(section.title)}</p>' if section else ""
        return header + f"<h1>{escape(topic.title)}</h1>\n"

    def _body_parts(self, topic: Topic) -> Iterator[tuple[str, bool]]:
        if self._renderer is not None:
            yield from self._renderer.topic_parts(topic)
            return
        parts = self.rendered(topic).parts  # as Renderer.topic_parts gives them
        for index, html in enumerate(parts):
            yield html, index == len(parts) - 1

    def with_care_team(self, html: str, paper: bool = False, team: CareTeam | None = None) -> str:
        """``html`` with the care team's numbers at each `{{care-team}}` paragraph."""
        if not urgent_help.has_placeholder(html):
            return html
        can_edit = self.can_edit_care_team() and not paper
        team = team if team is not None else self.care_team()
        return urgent_help.fill_care_team(html, team, can_edit=can_edit, paper=paper)

    def body_html(self, topic: Topic, paper: bool = False, team: CareTeam | None = None) -> str:
        """A topic's body as the reader or a handout shows it (without title or footer)."""
        html = self._renderer.topic_html(topic) if self._renderer is not None else self.rendered(topic).html
        return self.with_care_team(html, paper=paper, team=team)

    def footer_html(self, topic: Topic, anchor: str = "") -> str:
        """The topic's sources and dates; ``anchor``: an id for their first line (kept with the text on paper)."""
        rows = []
        first = f' id="{escape(anchor)}"' if anchor else ""
        refs = [self.library.references[k] for k in topic.sources if k in self.library.references]
        if refs:
            items = "".join(f"<li>{escape(r.citation())}</li>" for r in refs)
            rows.append(
                f"<h2{first}>"
                + escape(QCoreApplication.translate("Pages", "Where this information comes from"))
                + "</h2><ul>"
                + f"{items}"
                + "</ul>"
            )
        dates = []
        if topic.reviewed_by:
            who = topic.reviewed_by
            text = QCoreApplication.translate("Pages", "Checked by {name}, {role}, on {date}")
            dates.append(escape(text.format(name=who.name, role=who.role, date=long_date(who.date))))
        if topic.updated:
            dates.append(
                escape(QCoreApplication.translate("Pages", "Last updated:")) + " " + f"{long_date(topic.updated)}"
            )
        if topic.next_review:
            dates.append(
                escape(QCoreApplication.translate("Pages", "Next review due:"))
                + " "
                + f"{long_date(topic.next_review)}"
            )
        if dates:
            rows.append(f"<p{'' if refs else first}>" + "<br>".join(dates) + "</p>")
        return '<hr><div class="about-topic">' + "".join(rows) + "</div>" if rows else ""

    def home_html(self) -> str:
        intro = QCoreApplication.translate(
            "Pages",
            "This guide explains secondary breast cancer in plain words. "
            "Choose a topic below or from the list on the left. "
            "Words with a dotted underline are in the glossary: select one to read a short meaning. "
            "Words with a solid underline are links: they open another page.",
        )
        advice = QCoreApplication.translate(
            "Pages",
            "This is general information. Your treatment team knows your situation best: "
            "ask them about anything to do with you.",
        )
        parts = [
            ("<h1>" + escape(QCoreApplication.translate("Pages", "Welcome")) + "</h1>"),
            f"<p>{escape(intro)}</p>",
            f'<p class="note">{escape(advice)}</p>',
        ]
        urgent = self.library.topic("get-help-now")  # the warning signs, and whom to ring
        if urgent:
            worried = QCoreApplication.translate("Pages", "Unwell during treatment, or worried about a symptom? Read:")
            parts.append(f'<p><b>{escape(worried)} <a href="{topic_url(urgent.id)}">{escape(urgent.title)}</a></b></p>')
        if not self.library.complete:  # a first start: the topics arrive in a moment
            loading = QCoreApplication.translate("Pages", "Loading the list of topics...")
            parts.append(f'<p class="note">{escape(loading)}</p>')
            return "\n".join(parts)
        parts.append(spread.home_html(self.library, self.spread()))  # "Where has it spread for you?"
        for section in self.library.sections:
            parts.append(f"<h2>{escape(section.title)}</h2>")
            if section.summary:
                parts.append(f"<p>{escape(section.summary)}</p>")
            items = []
            for topic in section.topics:
                summary = f" &ndash; {escape(topic.summary)}" if topic.summary else ""
                items.append(f'<li><a href="{topic_url(topic.id)}">{escape(topic.title)}</a>{summary}</li>')
            parts.append("<ul>" + "".join(items) + "</ul>")
        if self.library.glossary:
            parts.append(
                "<h2>"
                + escape(QCoreApplication.translate("Pages", "Medical words"))
                + "</h2>"
                + '<p><a href="'
                + f"{GLOSSARY_URL}"
                + '">'
                + escape(QCoreApplication.translate("Pages", "Glossary A to Z"))
                + "</a> &ndash; "
                + escape(QCoreApplication.translate("Pages", "what the medical words in this guide mean."))
                + "</p>"
            )
        return "\n".join(parts)

    def glossary_html(self) -> str:
        return "\n".join(self.glossary_parts())

    def glossary_parts(self, url: str = GLOSSARY_URL) -> Iterator[str]:
        """The A to Z (or, when it is long, the letter's page at ``url``) in parts: see glossary_pages.py."""
        return self.glossary.parts(url, self._read_more)

    def read_more_label(self, term: GlossaryTerm) -> str:
        """The "Read more: <topic>" link's text under a glossary word's meaning ("" if it has no topic)."""
        topic = self.library.topic(term.topic) if term.topic else None
        return QCoreApplication.translate("Pages", "Read more: {title}").format(title=topic.title) if topic else ""

    def _read_more(self, term: GlossaryTerm) -> str:
        label = self.read_more_label(term)
        return f' <a href="{topic_url(term.topic)}">{escape(label)}</a>' if label else ""

    def not_found_html(self, url: str) -> str:
        return (
            "<h1>"
            + escape(QCoreApplication.translate("Pages", "Page not found"))
            + "</h1>"
            + "<p>"
            + escape(QCoreApplication.translate("Pages", "There is no page called {name}.").format(name=url))
            + "</p>"
            + '<p><a href="'
            + f"{HOME_URL}"
            + '">'
            + escape(QCoreApplication.translate("Pages", "Go to the welcome page"))
            + "</a></p>"
        )
