"""Full-text search in patients' own words: SQLite FTS5, synonyms and typo tolerance.

The index holds every topic (title, headings, text) and every glossary entry. It is
built once and cached in a file named after a hash of the content, so it is rebuilt
only when the content changes. Queries are never passed to FTS5 as syntax: every word
is quoted, so input such as a lone quote, ``AND``, ``*`` or ``NEAR(`` is just words.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import itertools
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from . import learn_steps
from .everyday import commoner_slip, everyday_words, is_everyday, nearest_everyday, plain_letters, slip
from .everyday import prepare as everyday_prepare
from .library import Library, Topic
from .parse_cache import StoredTopic
from .rendered import Rendered
from .spellings import other_spellings
from .words import stem, words_of

SCHEMA_VERSION = 17  # bump whenever what goes into the index changes (`_synonym_table`'s output is kept in it too)
_LAY = "(a lay word)"  # `SearchIndex._word_or_form`: a word only of the lay terms (compared by identity)
WEIGHTS = (10.0, 8.0, 5.0, 4.0, 1.0)  # title, keywords, summary, headings, text: bm25 column weights
RELEVANCE = 10.0  # what the best match of an idea is worth (others: their share of its BM25)
TITLE_BONUS = 10.0  # added when the title holds the word as typed (a title is what a topic is about)
SYNONYM_SHARE = 0.6  # the bonus when the title holds another word for it (a lay word's meaning)
OTHER_WORD_SHARE = 0.8  # what another word for an idea (a lay word's meaning, a glossary alias) is worth, ranked
OTHER_FORM_SHARE = 0.6  # what that word's other forms are worth beside it as written (`SearchIndex._other_groups`)
COMPLETION_SHARE = 0.6  # what the words an unfinished word may become are worth beside the word as typed
OTHER_TERMS_SHARE = 0.2  # what an idea's other words and forms add to its best one's BM25 (`_best_matches`)
COMMONEST_IDEA = 0.4  # the weight of a query's commonest idea beside its rarest (BM25's IDF in between)
RANK_DEPTH = 50  # how many of the best matches of each idea are scored
MOST_IDEAS = 4  # a long query is ranked on its rarest ideas (the others still count in titles)
COMPLETIONS = 12  # words an unfinished word may be the start of, searched as well as the prefix
BEGUN_MEANINGS = 6  # other words for the lay words an unfinished word may become, searched as well (`_begun_words`)
SNIPPET_SCAN = 6000  # characters of a page in which the snippet's match is looked for
BROAD = 300  # an idea in more documents than this is looked for in titles, keywords and summaries only
_PHRASE = re.compile(r'"(?:[^"]|"")*"')  # an FTS5 phrase, as `_quote` writes it
_RANK_SQL = "SELECT rowid, bm25(fts, ?, ?, ?, ?, ?) AS r FROM fts WHERE fts MATCH ? ORDER BY r LIMIT ?"
_STRONG_SQL = "SELECT rowid, bm25(strong, ?, ?, ?) AS r FROM strong WHERE strong MATCH ? ORDER BY r LIMIT ?"
SLOW_READ = 3_000_000  # characters of Markdown that take seconds to read: the command line says it is busy
TEXT_BATCH = 2_000_000  # characters of Markdown read for the first landing of the pages' text (each is a commit)
# Each landing after it reads twice as much, up to this many times TEXT_BATCH: the first text is searchable as
# soon as before, and a library's text lands in a few commits, not one every 2 MB. Each commit made FTS5 write
# a new segment, and merge the segments as they piled up: the NCI pages' 24 landings took 7.9 billion
# instructions, their 6 now 6.4 (cachegrind; the floor's plain build 5.1).
BATCH_GROWTH = 8
FULL_TODO = 5_000  # pages a landing of text looks at (up to its size in Markdown)
SHORT_START_WORDS = 40  # a 2- or 3-letter start of this many words or fewer is searched as those words
# Pages of 16 KB, not SQLite's 4 KB: a quarter of the reads and writes (system calls: 18,000, not 77,000, for
# the NCI pages' text landing through the log, as each page is written to the log, read back and copied into
# the file), the same work in SQLite (1 % more instructions); CPU 1.20-1.25 s against 1.40-1.65 s, load 6-8.
PAGE_SIZE = 16384
WAL_PAGES = 1024  # pages (16 KB) of log written while the text lands before it is copied into the index file
MOST_FORMS = 16  # combinations of its words' forms a phrase is searched in (`SearchIndex._forms`)
FAMILY_CANDIDATES = 300  # words that start as a word's stem does, stemmed to find its other forms
HASH_SIZE = 8 * 1024 * 1024  # bytes of new index data FTS5 holds in memory before writing it (`fill_index`)
HASH_PIECE = 1_000_000  # characters of the content hashed at a time (content_hash)
HIGHLIGHT = ("\x02", "\x03")  # start and end of a match in a snippet
TERM_FACTOR = 0.6  # a topic explains more than a glossary entry of about the same score

STOP_WORDS = frozenset(
    "a an and are am as at be been but by can could did do does for from had has have how i if "
    "in into is it its me my of on or our so than that the their them then there these they this "
    "to us was we were what when where which who why will with would you your".split()
)
_M = TypeVar("_M", bound=Callable[..., Any])
RenderedOf = Callable[[Topic], Rendered]  # a topic's one parse: its headings and text are indexed


def page_reader(library: Library) -> RenderedOf:
    """Each page's headings and text as the renderer reads them (no glossary links: they add no words).

    The window passes its own renderer's instead, so a page already rendered is not parsed again.
    """
    from .render import Renderer  # the index is built in a worker: the window's start-up does not wait for this

    renderer = Renderer(library, link_terms=False)
    return lambda topic: renderer.render(topic.body, topic)


def _locked(method: _M) -> _M:
    """Run ``method`` holding the index's lock (the pages' text may be landing from another thread)."""

    @functools.wraps(method)
    def locked(self: SearchIndex, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return cast(_M, locked)


def content_hash(library: Library) -> str:
    """What names the cached index: every part of the content it is built from.

    A page's Markdown is named by its file's stamp where the loader left the body on disk (see
    `_body_named`), so a start that searches reads no page to name its index. SHA-256, which this
    machine's CPU does in hardware, at about three times blake2b's speed, over the bodies kept in
    memory. The parts are joined with NUL (which no part holds) and encoded once.
    """
    parts: list[str] = [f"schema {SCHEMA_VERSION}"]
    for topic in sorted(library.topics.values(), key=lambda t: t.id):
        section = library.section_of(topic)
        where = section.title if section else ""
        parts += (topic.id, topic.title, where, topic.summary, *topic.keywords, _body_named(topic))
    for term in sorted(library.glossary.values(), key=lambda t: t.id):
        parts += (term.id, term.term, *term.aliases, term.definition, term.topic)
    parts += (word + "=" + "|".join(means) for word, means in sorted(library.lay_terms.items()))
    # The same bytes as the parts joined by NUL and encoded at once, a megabyte at a time: one character
    # beyond U+FFFF made the whole joined text four bytes a character (49 MB of NCI text: 0.5 s to join
    # and encode, against a tenth of that a piece at a time).
    digest = hashlib.sha256()
    piece: list[str] = []
    size = 0
    for part in parts:
        if size >= HASH_PIECE:  # a part follows: the NUL between them ends this piece
            digest.update(("\0".join(piece) + "\0").encode("utf-8", "surrogatepass"))
            piece, size = [], 0
        piece.append(part)
        size += len(part)
    digest.update("\0".join(piece).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


class Stopped(Exception):
    """Raised by `SearchIndex.add_text`'s callbacks: the window is closing. The batch is not written (its
    pages stay to be read at the next start)."""


def _body_named(topic: Topic) -> str:
    """The topic's Markdown body, or, when the loader left it in its file, what names it without reading
    it: the file's path and stamp (size, modification and change times: what the loader's caches trust)
    and where in the file the body starts. A file changed since the library was read has another stamp
    at the next start, so its index is built again; within this start the body read is the changed one,
    as before (`parse_cache.read_body`), and the index named by the old stamp is never used again."""
    if isinstance(topic, StoredTopic) and topic._body is None and topic._stamp is not None:
        path = topic.__dict__.get("_path") or topic._path_text  # not made into a Path for this
        if path:
            size, modified, changed = topic._stamp
            return f"\x01file {path} {size} {modified} {changed} {topic._body_at} {topic._body_prefix!r}"
    return topic.body


def markdown_size(topic: Topic) -> int:
    """About how many characters of Markdown the topic's body holds, without reading a body the loader
    left in its file (the file's size less its front matter's: bytes, a little more than characters
    where the text is not ASCII). For batches of text and which pages are long, not for what is indexed."""
    if isinstance(topic, StoredTopic) and topic._body is None and topic._stamp is not None:
        return max(0, topic._stamp[0] - topic._body_at) + len(topic._body_prefix)
    return len(topic.body)


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "topic" or "term"
    ref: str  # topic id, or glossary term id
    title: str
    section: str
    snippet: str  # plain text with HIGHLIGHT markers around the matches
    score: float
    topic: str = ""  # for a glossary term: the topic that explains more

    def snippet_marked(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT[0], start).replace(HIGHLIGHT[1], end)


@dataclass
class SearchResponse:
    query: str
    results: list[SearchResult]
    corrected: str = ""  # "Showing results for ..." when a word was misspelt
    words: list[str] = field(default_factory=list)  # what to highlight in the page
    # When nothing matches: the nearest topics and glossary words (score 0), best first.
    nearest: list[SearchResult] = field(default_factory=list)


class SearchIndex:
    """An FTS5 index over one library, in a cached file or in memory."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        library: Library,
        path: Path | None = None,
        synonyms: dict[str, tuple[str, ...]] | None = None,
    ):
        self.db = connection  # what searches read (on the UI thread)
        self.library = library
        # On disk, the pages' text is written through a connection of its own (WAL: a search reads the
        # last batch committed and never waits for the one being written); in memory, through ``db``.
        self.path = path
        self._writer: sqlite3.Connection | None = None
        # Kept as tuples and dicts of strings, which Python's garbage collector does not walk (it walked
        # every word's list and set at each full collection: a long step in the window while typing).
        self._vocabulary: tuple[str, ...] | None = None  # sorted: prefixes are found by bisection
        self._known: dict[str, None] | None = None  # the content's words (as keys)
        self._lay_words: dict[str, None] = {}  # the words of lay phrases and glossary names (in the vocabulary)
        self._patient_words: frozenset[str] | None = None  # the words of lay terms only (`_word_or_form`)
        # (position, letter, length) -> the content's words of that length with that letter
        # there; a typo seldom changes both the first and the second letter.
        self._by_letter: dict[tuple[int, str, int], tuple[str, ...]] | None = None
        self._corrections: dict[str, str] = {}
        self._families: dict[str, tuple[str, ...]] = {}  # a word -> it and the content's words of its stem
        self._stemmer: _Stemmer | None = None
        self._filling = _pending(connection)  # pages' text still to land: their words are learnt at the end
        self._counts: dict[tuple[str, str], int] = {}  # (table, FTS5 match) -> how many documents hold it
        self._strong_matches: dict[str, str] = {}  # an idea's FTS5 match -> one term for each stem (`_strong_match`)
        self.kept: dict[str, object] = {}  # what helpers (nearest.py) work out once per index
        self._lock = threading.RLock()  # the pages' text may be landing (add_text) while the window searches
        self._count = 0
        self._growth = 1  # the next landing of text reads TEXT_BATCH times this (`add_text`)
        # Worked out once, when the index is built, and kept in it (30-40 ms of every opening before).
        self._synonyms = synonyms if synonyms is not None else _kept_synonyms(connection, library)
        self._longest_phrase = max((len(k.split()) for k in self._synonyms), default=1)

    # -- opening and building ---------------------------------------------------
    @classmethod
    def open(
        cls,
        library: Library,
        cache_dir: Path | None,
        rendered_of: RenderedOf | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SearchIndex:
        """Reuse the cached index for this content, or build it (in memory if no cache), text and all.

        ``rendered_of`` gives each page's one parse (``Renderer.rendered``); by default
        the pages are parsed here, each once. ``progress(done, total)`` hears of each batch of pages read.
        """
        index = cls.begin(library, cache_dir)
        index.finish(rendered_of or page_reader(library), progress)
        return index

    @classmethod
    def begin(cls, library: Library, cache_dir: Path | None) -> SearchIndex:
        """An index that answers at once: every title, keyword, summary, lay word and glossary entry
        (the front matter, no Markdown parsed). The pages' text comes after, by `add_text`.

        On disk, a partly read index is resumed where it stopped; a finished one is opened read-only.
        """
        if cache_dir is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            return cls(db, library, synonyms=_build_front(db, library))
        path = cache_dir / f"search-{content_hash(library)}.sqlite"
        _remove_stale(cache_dir)
        if path.is_file():
            try:
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                schema = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if schema == (str(SCHEMA_VERSION),) and _trusted(db):
                    if not db.execute("SELECT count(*) FROM pending").fetchone()[0]:
                        return cls(db, library)
                    db.close()
                    return cls(_reading(path), library, path)  # resumed where the last start stopped
                db.close()
            except sqlite3.DatabaseError:
                pass  # a damaged cache is rebuilt below
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".search-", suffix=".tmp", dir=cache_dir)
        try:
            _hold(fd)  # while this start builds it: another start can tell a live file from a stale one
            builder = sqlite3.connect(temp)
            # A file nobody reads until it is whole (renamed below): no journal, no waiting for the disk.
            builder.execute("PRAGMA journal_mode=OFF")
            builder.execute("PRAGMA synchronous=OFF")
            builder.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before the first table
            synonyms = _build_front(builder, library)
            builder.execute("PRAGMA journal_mode=WAL")  # for what comes after: searches read while text lands
            builder.close()
            for log in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                log.unlink(missing_ok=True)  # an untrusted or damaged file's log: never played into the new one
            os.replace(temp, path)  # whole or not at all: a crash never leaves half a file
        finally:
            os.close(fd)
            if os.path.exists(temp):
                os.unlink(temp)
        _prune(cache_dir, keep=3)
        return cls(_reading(path), library, path, synonyms)

    @property
    def pages_left(self) -> int:
        """How many pages' text is not searchable yet."""
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM pending").fetchone()[0])

    def text_to_read(self) -> int:
        """Characters of Markdown in the pages whose text is not searchable yet."""
        return sum(markdown_size(topic) for topic in self.pages_to_read())

    def pages_to_read(self) -> list[Topic]:
        """The pages whose text is not searchable yet, in the order `add_text` reads them."""
        with self._lock:
            refs = [ref for (ref,) in self.db.execute("SELECT ref FROM pending ORDER BY rowid")]
        return [topic for topic in map(self.library.topic, refs) if topic is not None]

    @functools.cached_property
    def pages(self) -> int:
        """How many pages the index holds (their text searchable or not yet)."""
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM docs WHERE kind = 'topic'").fetchone()[0])

    def add_text(
        self, rendered_of: RenderedOf, most_chars: int | None = None, before_page: Callable[[], object] | None = None
    ) -> int:
        """Read the next pages' headings and text (up to about ``most_chars`` of Markdown) and make
        them searchable, in one transaction. Returns how many pages are left. Safe from a worker thread
        while the window searches: on disk the text is written through the writer's own connection
        (a search never waits for it); in memory each page is written under the index's lock.
        A failed write (a full disk) raises `sqlite3.Error` and keeps nothing of the batch.
        ``before_page`` is called before each page is read and before the batch is written (the window waits
        there while someone types); it, or ``rendered_of``, raises `Stopped` to give the batch up: nothing
        of it is written. ``interrupt`` gives up a batch being written (it raises `sqlite3.OperationalError`).
        """
        with self._lock:
            todo = self.db.execute("SELECT rowid, ref FROM pending ORDER BY rowid LIMIT ?", (FULL_TODO,)).fetchall()
        batch: list[tuple[str, str, int]] = []
        size, most_chars = 0, most_chars or TEXT_BATCH * self._growth
        rest = False  # every page left lands in this batch (`_little_left`)
        for number, (rowid, ref) in enumerate(todo, 1):
            if before_page is not None:
                before_page()
            topic = self.library.topic(ref)
            page = _parsed(rendered_of, topic) if topic is not None else Rendered(parts=())
            headings = " \n".join(heading.text for heading in page.headings)
            batch.append((headings, page.text, rowid))
            size += markdown_size(topic) if topic is not None else 0
            if size >= most_chars and not rest:
                rest = self._little_left(todo[number:], most_chars // 2)
                if not rest:
                    break
        if before_page is not None:
            before_page()  # the last moment to give the batch up before it is written
        writer = self._writing()
        shared = writer is self.db  # in memory: the searches' own connection, taken a page at a time
        words: list[str] = []
        try:
            for row in batch:
                with self._lock if shared else contextlib.nullcontext():
                    _write_text(writer, row)
            with self._lock if shared else contextlib.nullcontext():
                writer.executemany("DELETE FROM pending WHERE rowid = ?", ((rowid,) for _h, _b, rowid in batch))
                left = int(writer.execute("SELECT count(*) FROM pending").fetchone()[0])
                if not left:  # the whole text is in: its words, for spelling and completions, from the index
                    words = _index_words(writer)
                    _keep_words(writer, words)
                writer.commit()
        except BaseException:
            with self._lock if shared else contextlib.nullcontext():
                writer.rollback()
            raise
        if not left and not shared:  # the whole text is in: copied into the file now (not as the window closes),
            assert self.path is not None  # and on disk
            with contextlib.suppress(sqlite3.Error, OSError):  # else the index is built again after the machine
                _all_on_disk(writer, self.path)  # restarts (and copied in as it closes): nothing else is lost
        self._growth = min(2 * self._growth, BATCH_GROWTH)
        with self._lock:
            self._forget()
            self._filling = bool(left)
        if words:
            self._learn(words, before_page)  # (in steps, between a patient's keys)
        return left

    def _little_left(self, todo: list[tuple[int, str]], less_than: int) -> bool:
        """Whether the pages ``todo`` (the last of the library's) hold fewer than ``less_than`` characters of
        Markdown: then they land with the batch before them. Each landing is a commit that writes a segment
        of the index, which FTS5 merges as they pile up, and every search looks through each segment left:
        the NCI pages' last 2.5 MB made a sixth landing of their own, and a fourth segment."""
        if len(todo) >= FULL_TODO:  # (more pages than were asked for: not the last)
            return False
        left = 0
        for _rowid, ref in todo:
            topic = self.library.topic(ref)
            left += markdown_size(topic) if topic is not None else 0
            if left >= less_than:
                return False
        return True

    def interrupt(self) -> None:
        """Give up the batch of text being written, from any thread (the window is closing): SQLite rolls
        it back, and its pages stay to be read at the next start."""
        writer = self._writer if self.path is not None else self.db
        if writer is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed already
                writer.interrupt()

    def _writing(self) -> sqlite3.Connection:
        """The connection the pages' text is written through (opened at the first batch)."""
        if self.path is None:
            return self.db
        if self._writer is None:
            self._writer = _writable(self.path)
        return self._writer

    def finish(self, rendered_of: RenderedOf, progress: Callable[[int, int], None] | None = None) -> None:
        """Add every page's text still missing, batch by batch."""
        left = self.pages_left
        while left:
            left = self.add_text(rendered_of)
            if progress is not None:
                progress(self.pages - left, self.pages)

    def _learn(self, words: Iterable[str], pause: Callable[[], object] | None = None) -> None:
        """Add the words of newly landed text to the vocabulary in memory, if it is loaded: worked out
        here (the worker's thread), so a search in the window never waits to load it all again. In short
        steps, ``pause`` before each (learn_steps.py: the window waits while someone types)."""
        with self._lock:
            vocabulary, known, by_letter = self._vocabulary, self._known, self._by_letter
        if vocabulary is None or known is None or by_letter is None:
            return  # loaded, whole, by the next search
        between = cast(Callable[[], None], pause or (lambda: None))
        new = learn_steps.unknown(words if isinstance(words, list) else list(words), known, between)
        if not new:
            return
        # Sorted runs merged a step at a time, not a word at a time in a loop of our own: 50,000 new words over
        # the NCI pages' text took 0.76 s of the index's thread that way, holding the window's lock.
        lay = self._lay_words
        merged = learn_steps.merged(vocabulary, [w for w in new if w not in lay], between)  # a lay word is in already
        groups: dict[tuple[int, str, int], list[str]] = {}
        for word in (w for w in new if w not in lay):  # in order: each group is sorted (lay words are in already)
            size = len(word)
            groups.setdefault((0, word[0], size), []).append(word)
            if size > 1:
                groups.setdefault((1, word[1], size), []).append(word)
        grown = dict(by_letter)  # a copy: a search may be reading the old one
        for key, group in groups.items():
            old = by_letter.get(key)
            grown[key] = tuple(sorted(old + tuple(group))) if old else tuple(group)
        grown_known = learn_steps.with_words(known, new, between)
        with self._lock:
            if self._vocabulary is vocabulary:  # nobody reloaded it meanwhile
                self._vocabulary, self._known, self._by_letter = merged, grown_known, grown
                self._corrections.clear()

    def _forget(self) -> None:
        """New text has landed: what was worked out from the old text is worked out again when needed
        (the vocabulary grows by `_learn`)."""
        self._corrections.clear()
        self._families.clear()
        self._counts.clear()
        self.kept.clear()

    def prepare(self) -> None:
        """Load what typing needs (the vocabulary, everyday English), so no keystroke waits for it."""
        self._load_vocabulary()
        everyday_prepare()  # everyday English and its words grouped, for spelling
        from rapidfuzz import process  # noqa: F401 - imported now, not at the first misspelt word

    def close(self) -> None:
        if self._stemmer is not None:
            self._stemmer.close()
        if self._writer is not None:
            self._writer.close()
        self.db.close()

    @_locked
    def page_text(self, topic_id: str, most: int = SNIPPET_SCAN) -> str:
        """The start of a topic's text as it was indexed (the renderer's reading of the page)."""
        sql = "SELECT substr(fts.body, 1, ?) FROM docs JOIN fts ON fts.rowid = docs.rowid WHERE kind='topic' AND ref=?"
        row = self.db.execute(sql, (most, topic_id)).fetchone()
        return str(row[0]) if row else ""

    # -- searching ----------------------------------------------------------------
    @_locked
    def search(self, query: str, limit: int = 10, boost: Mapping[str, float] | None = None) -> SearchResponse:
        """The best topics and glossary entries for ``query``, best first.

        ``boost`` multiplies the score of the topics it names (for example the topics
        about the places the reader has said the cancer has spread to).
        """
        response = self.find(query, limit, boost)
        if not response.results and query.strip():
            response.nearest = self.nearest(query)
        return response

    @_locked
    def find(self, query: str, limit: int = 10, boost: Mapping[str, float] | None = None) -> SearchResponse:
        """`search` without the suggestions for when nothing matches."""
        ideas, shown = self._plan(query)
        if not ideas:
            return SearchResponse(query, [])
        ranked = self._rank(ideas, limit, boost or {})
        highlight = sorted({w for idea in ideas for w in idea.words}, key=len, reverse=True)
        return SearchResponse(query, self._results(ranked, highlight, _marked(ideas)), shown, highlight)

    @_locked
    def nearest(self, query: str, topics: int = 3, terms: int = 4) -> list[SearchResult]:
        """What comes closest when nothing matches: see `nearest.nearest_to`."""
        from .nearest import nearest_to

        return nearest_to(self, query, topics, terms)

    @_locked
    def correct(self, word: str) -> str:
        """The nearest word in the content for a misspelt word, else the word itself.

        A word is never changed when it is in the content, is a lay word, or is an
        everyday English word: "worry" is a real word, not a misspelling of "work".
        """
        fixed = self._corrections.get(word)
        if fixed is None:
            fixed = self._corrections[word] = self._nearest(word)
        return fixed

    def _nearest(self, word: str) -> str:
        self._load_vocabulary()
        assert self._known is not None
        plain = plain_letters(word)  # as the index folds it: "café" is the content's "cafe", no misspelling
        if len(plain) < 4 or not plain.isalpha() or {word, plain} & self._synonyms.keys():
            return word
        if plain in self._known or (self._filling and self._in_index(plain)):  # in text landed, not learnt yet
            return word
        if is_everyday(word) or is_everyday(plain):
            # A real word is no misspelling, unless it is a rare one that the library does not hold, a slip away from
            # a word of the library far commoner ("brest", the French town: "breast").
            return self._slip(word)
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        # Edits allowed grow with the word: "chemoterapy" (1), "metastatis" (2); one fewer where the first letter
        # is not the one typed (a rarer slip: "vomitting" is not "something", three letters from it).
        most = 1 if len(plain) <= 4 else 2 if len(plain) <= 7 else 3
        lengths = range(len(plain) - most, len(plain) + most + 1)  # only these can be near
        for position, edits in ((0, most), (1, most - 1)):  # words that start the same, then go on the same
            if not edits:
                continue
            candidates = self.similar_words(plain, lengths, position)
            near = process.extract(plain, candidates, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
            if near:
                best = min((hit[0] for hit in near), key=lambda known: slip(plain, known))
                # Sense as well as spelling: where a common English word sounds nearer still, that is the word
                # meant ("scaned": scanned, not the content's "scared"), and it is searched with its forms.
                english = nearest_everyday(plain, lengths, position, edits)
                meant = english if english and slip(plain, english)[0] < slip(plain, best)[0] else best
                return self._library_spelling(meant)  # "diarea": the common "diarrhea", the UK pages' "diarrhoea"
        return word

    def _slip(self, word: str) -> str:
        """``word``, or, when the library does not hold it, the far commoner word of the library it is a slip for
        (`everyday.commoner_slip`), in the library's spelling. A word the library holds is its word ("caries")."""
        plain = plain_letters(word)
        known = self._known or {}
        if (
            not plain.isalpha()
            or plain in known
            or plain in self._synonyms
            or (self._filling and self._in_index(plain))
        ):
            return word
        lengths = range(len(plain) - 1, len(plain) + 2)
        meant = commoner_slip(
            plain, lambda: sorted({w for at in (0, 1) for w in self.similar_words(plain, lengths, at) if w in known})
        )
        return self._library_spelling(meant) if meant else word

    def _begins_commoner(self, start: str) -> bool:
        """Whether ``start`` begins a word of the library that is commoner English than ``start`` itself."""
        words = everyday_words()
        own = words.get(start)
        if own is None:
            return True  # (no English word: nothing `_slip` would change)
        return any(words.get(w, own) < own for w in self.words_starting(start, COMPLETIONS * 4) if w != start)

    def _library_spelling(self, word: str) -> str:
        """``word`` as the library spells it: "diarrhoea" in a British library, "diarrhea" in an American one."""
        self._load_vocabulary()
        assert self._known is not None
        if word in self._known:
            return word
        return next((other for other in self._spellings(word) if other in self._known), word)

    def _spellings(self, word: str) -> tuple[str, ...]:
        """``word``'s other British or American spellings that the library holds ("anaemia": anemia on the NCI
        pages), in its text, its lay words or its glossary's names."""
        self._load_vocabulary()
        assert self._known is not None
        return tuple(
            other
            for other in other_spellings(word)
            if other in self._known or other in self._lay_words or (self._filling and self._in_index(other))
        )

    @_locked
    def similar_words(self, word: str, lengths: range, position: int = 0) -> list[str]:
        """The content's words of these lengths with ``word``'s letter at ``position`` (0 or 1)."""
        self._load_vocabulary()
        assert self._by_letter is not None
        if len(word) <= position:
            return []
        letter = word[position]
        return [w for size in lengths for w in self._by_letter.get((position, letter, size), ())]

    @_locked
    def completions(self, prefix: str, most: int = COMPLETIONS) -> list[str]:
        """The shortest words of the content that start with ``prefix``."""
        self._load_vocabulary()
        assert self._vocabulary is not None
        found = self._starting(prefix, most * 20)
        return sorted(found, key=len)[:most]

    @_locked
    def starts_a_word(self, prefix: str) -> bool:
        """Whether some word of the content (or a lay word) begins with ``prefix``."""
        return bool(self._starting(prefix, 1))

    def _starting(self, prefix: str, most: int) -> list[str]:
        """Up to ``most`` words of the content (and lay words) that start with ``prefix``, in order. While
        the pages' text lands, its words are learnt only when the last page is in (they are read from the
        index then, not found by tokenizing the text again): meanwhile the index's own list is asked too."""
        self._load_vocabulary()
        assert self._vocabulary is not None
        at = bisect.bisect_left(self._vocabulary, prefix)
        found = [w for w in self._vocabulary[at : at + most] if w.startswith(prefix)]
        if self._filling and prefix:
            found = sorted({*found, *self._index_starting(prefix, most)})[:most]
        return found

    def _index_starting(self, prefix: str, most: int) -> list[str]:
        """Up to ``most`` words of the main table that start with ``prefix`` (FTS5's list of its terms)."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self.db.execute("SELECT term FROM fts_words WHERE term >= ? AND term < ? LIMIT ?", (prefix, end, most))
        return [term for (term,) in rows if len(term) > 2 and term.isalpha()]

    def _in_index(self, word: str) -> bool:
        return self.db.execute("SELECT 1 FROM fts_words WHERE term = ?", (word,)).fetchone() is not None

    @_locked
    def _load_vocabulary(self) -> None:
        if self._vocabulary is None:
            words = set(_kept_words(self.db))
            self._known = dict.fromkeys(words)
            self._lay_words = dict.fromkeys(w for key in self._synonyms for w in key.split())
            words.update(self._lay_words)
            self._vocabulary = tuple(sorted(words))
            by_letter: dict[tuple[int, str, int], list[str]] = {}
            # The lay words too: a misspelt "vomitting" is the lay word "vomiting" (searched as "being sick"...).
            for known in (w for w in self._vocabulary if w.isalpha()):  # sorted: the same correction every time
                for position in (0, 1):
                    if len(known) > position:
                        by_letter.setdefault((position, known[position], len(known)), []).append(known)
            self._by_letter = {key: tuple(bucket) for key, bucket in by_letter.items()}
            self._count = self.db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def _plan(self, query: str) -> tuple[list[_Idea], str]:
        """The ideas in a query, and what was searched if a misspelt word was corrected.

        Lay phrases are found first ("tired all the time", "can I still work"), over all
        the words, small ones included. Then small words are left out, an unfinished
        last word is searched as the start of a word ("hormo"), and only a word that
        starts nothing and is no real word is corrected.
        """
        self._load_vocabulary()
        phrases, words, unfinished = _parse(query)
        ideas = [_Idea(self._forms(p), (p,), groups=((1.0, self._forms(p)),)) for p in phrases]
        shown = [f'"{p}"' for p in phrases]
        changed = False
        only_small = all(w in STOP_WORDS for w in words)
        i = 0
        while i < len(words):
            for size in range(min(self._longest_phrase, len(words) - i), 1, -1):
                phrase = " ".join(words[i : i + size])
                if phrase in self._synonyms:
                    ideas.append(self._idea(phrase))
                    shown.append(phrase)
                    i += size
                    break
            else:
                begun = self._phrase_begun(words[i:]) if unfinished else ""
                if begun:  # a lay phrase still being typed
                    ideas.append(self._idea(begun))
                    shown.extend(words[i:])
                    break
                word, last = words[i], i == len(words) - 1
                # Two words run together are searched as the two ("sideeffects": side effects, a lay phrase), unless the
                # patient may still be typing a word of the library ("sidee" is no start of one).
                apart = self._apart(word, begun=last and unfinished)
                if apart and self._commoner_slip(word, apart):
                    apart = []  # "medcare": the pages' "medicare" (a letter left out), not "med care"
                if apart:
                    words[i : i + 1] = apart
                    changed = True
                    continue
                i += 1
                if (word in STOP_WORDS and not only_small) or (last and unfinished and len(word) == 1 and ideas):
                    shown.append(word)
                    continue
                if last and unfinished and len(word) >= 2 and self.starts_a_word(word):
                    # A whole word, though, that is a slip for a far commoner one is corrected ("brest": in one page,
                    # and the start of a few names)
                    # Not a start the patient may still be typing into a commoner word of the library ("brea":
                    # breast, not "break"; "pall": palliative, not "pale").
                    fixed = self._slip(word) if len(word) >= 4 and not self._begins_commoner(word) else word
                    ideas.append(self._start_idea(word) if fixed == word else self._idea(fixed))
                    changed = changed or fixed != word
                    shown.append(fixed)
                    continue
                fixed = self.correct(word)
                apart = self._apart(fixed) if fixed != word else []
                if apart:  # "sideefects": the lay word "sideeffects", searched as the two words it runs together
                    i -= 1
                    words[i : i + 1] = apart
                    changed = True
                    continue
                changed = changed or fixed != word
                ideas.append(self._idea(fixed))
                shown.append(fixed)
        return ideas, " ".join(shown) if changed else ""

    def _apart(self, word: str, begun: bool = False) -> list[str]:
        """``word`` as two words typed without the space between them ("sideeffects", "bonepain", "hotflushes",
        "bonemets", "stage4"), or []. Only a word the library's pages do not hold, split where the two are a lay
        phrase or a glossary name ("livermets": liver mets), or where each half is a word of the pages (or its
        plural or singular: "hotflush", the pages' "hot flushes") or of the lay terms, and the pages hold the two
        together, or one is a lay word that no page holds ("bonemets": bone, and "mets", searched as metastasis...);
        of several such places, a lay phrase first, then the two found in most documents. A word ending in a number
        is split before its number, and only after an English word ("stage4", not a drug's code: "MLN27"). An
        English word is split only into a lay phrase ("straightaway": straight away; but "workout" is not "work
        out"). ``begun``: the word may be unfinished, and is not split while it is the start of a word of the
        library's own ("painkill")."""
        self._load_vocabulary()
        plain = plain_letters(word)
        letters = plain.rstrip("0123456789")
        if (
            len(plain) < 5
            or not letters.isalpha()
            or self._holds_word(plain)
            or (begun and self._starts_own_word(plain))
        ):
            return []
        english = is_everyday(plain)
        code = letters != plain and not (len(letters) >= 4 and is_everyday(letters))
        best: tuple[bool, int, list[str]] | None = None
        for at in range(2, len(plain) - 1) if letters == plain else (len(letters),):
            first, second = plain[:at], plain[at:]
            phrase = f"{first} {second}"
            lay = phrase in self._synonyms
            if (english or code) and not lay:
                continue
            if lay:
                found = self._count_matches(_quote(phrase))
            else:
                one = self._word_or_form(first)
                two = (second if second.isdigit() else self._word_or_form(second)) if one else ""
                if not two:
                    continue
                if one is _LAY or two is _LAY:  # a lay word no page holds: the pages never hold the two together
                    found = 0
                else:
                    found = self._count_matches(_quote(f"{one} {two}"))
                    if not found:
                        continue
            if best is None or (lay, found) > best[:2]:
                best = (lay, found, [first, second])
        return best[2] if best else []

    def _word_or_form(self, word: str) -> str:
        """How the library's pages hold ``word``: itself, or its plural or singular ("flush": the pages'
        "flushes"); else `_LAY` if it is only a word of the library's lay terms (or of those search lends it:
        patient_words.py), not of a glossary name (8,000 on the NCI pages, many a word no page holds); else ""."""
        for form in (word, word + "s", word + "es", word[:-1] if word.endswith("s") else word):
            if self._holds_word(form):
                return form
        if self._patient_words is None:
            from .patient_words import lent_to

            self._patient_words = frozenset(w for key in lent_to(self.library.lay_terms) for w in _search_words(key))
        return _LAY if word in self._patient_words else ""

    def _commoner_slip(self, word: str, apart: list[str]) -> bool:
        """Whether ``word`` is rather a slip for a word of the library found in more documents than ``apart``. A
        split into a lay phrase or with a lay word gives way only to a slip of one letter ("lungmets" is lung mets,
        not "lungs", three letters away)."""
        fixed = self.correct(word)
        if fixed == word or not self._holds_word(fixed):
            return False
        if " ".join(apart) in self._synonyms or any(self._word_or_form(half) is _LAY for half in apart):
            from rapidfuzz.distance import OSA

            if OSA.distance(plain_letters(word), fixed) > 1:
                return False
        return self._count_matches(_quote(fixed)) > self._count_matches(_quote(" ".join(apart)))

    def _starts_own_word(self, start: str) -> bool:
        """Whether ``start`` begins a word of the library's own (not only a lay word or a glossary name)."""
        return any(self._holds_word(w) for w in self._starting(start, COMPLETIONS))

    def _holds_word(self, word: str) -> bool:
        """Whether the library's pages (or titles, keywords...) hold ``word``, as far as their text has landed."""
        return word in (self._known or {}) or (self._filling and self._in_index(word))

    def _start_idea(self, word: str) -> _Idea:
        """An unfinished word: the start of a word ("hormo").

        The main table holds words as written, so the start finds every word it begins there; it is
        searched as a word too, with its other forms. In the short table, stemmed, the stemmer may cut a
        word and its start differently ("relative" is indexed as "rel", "relativ" stays "relativ"), so the
        words it starts are searched too. The pages' text
        has no index of 2- and 3-letter starts (it doubled the index build): such a start is
        searched as the few words of the content it starts ("leg": legs, legal...), the same
        documents; a start of many words ("ca") is looked for where a start says most, in
        titles, keywords and summaries, whose table keeps that index.
        """
        synonyms = self._synonyms.get(word, ())
        if len(word) >= 4:
            completions = self.completions(word)
            if len(completions) == 1 and completions[0] != word and completions[0] in self._synonyms:
                # The one word it can become is a lay word (or a glossary name): found as that word, being typed, is
                # ("dyin": as "dying", "Asking about the future" first; its start found the pages that say "dying"
                # first, palliative care).
                return self._start_idea(completions[0])
            endings = [_quote(w) for w in completions]
            # As a word too, with its other forms ("walking": walk): the main table holds words as written. The
            # start itself ranked as one query (FTS5 scans the terms it begins), below the word as typed.
            start = _quote(word) + " *"
            # The other words for the lay words it may become, worth a share of the other words for it.
            begun = self._begun_words(word, synonyms)
            meant = [(worth * COMPLETION_SHARE, forms) for worth, forms in self._other_groups(begun)]
            groups = _groups(
                ((1.0, self._forms(word)), (COMPLETION_SHARE, (start,)), *self._other_groups(synonyms), *meant)
            )
            terms = (
                start,
                *endings,
                *self._forms(word),
                *self._all_forms(synonyms),
                *(t for _w, g in meant for t in g),
            )
            spelt = self._typed_spellings(word)
            whole = self._as_typed(spelt)
            words = (*spelt, *synonyms, *begun)
            return _Idea(
                tuple(dict.fromkeys(terms)), words, groups=groups, typed=len(spelt), whole=whole, begun=len(begun)
            )
        started = self.words_starting(word, SHORT_START_WORDS + 1)
        if len(started) <= SHORT_START_WORDS:
            forms, others = self._forms(word), self._all_forms(synonyms)
            terms = tuple(dict.fromkeys((*forms, *map(_quote, started), *others)))
            # The words the start may become ranked as one query (up to 40, each on its own, cost a keystroke its
            # time at 20,000 pages), below the word as typed with its forms; the other words for it each on its own.
            # (Not the meanings of the lay words it may become, as a longer start's: two or three letters start
            # too many things, "pa" pain and palliative.)
            become = ((COMPLETION_SHARE, (" OR ".join(_quote(w) for w in started),)),) if started else ()
            groups = _groups(((1.0, forms), *become, *self._other_groups(synonyms)))
            return _Idea(terms, (word, *synonyms), groups=groups, whole=self._as_typed((word,)))
        terms = tuple(dict.fromkeys((_quote(word) + " *", *self._all_forms(synonyms))))
        return _Idea(terms, (word, *synonyms), True, whole=self._as_typed((word,)))

    def _as_typed(self, spelt: Iterable[str]) -> tuple[str, ...]:
        """An unfinished word as typed, in each spelling, and their forms, spaced as `_rank` finds words in a title
        (`_Idea.whole`)."""
        return tuple(_as_written(w for word in spelt for w in self._family(word)))

    def _begun_words(self, start: str, synonyms: Iterable[str]) -> tuple[str, ...]:
        """The other words for the lay words and phrases and glossary names ``start`` may become (the shortest
        COMPLETIONS of them), up to BEGUN_MEANINGS ("tamox": tamoxifen, whose other word is "hormone therapy";
        "nause": nausea, "feeling sick"; "throwing": throwing up), less those that are other words for ``start``
        itself (``synonyms``) or that it starts. Only for those whose first word the pages do not use: a lay word is
        often in no page (it is what a patient says, not what a page says), and its start found nothing."""
        said = {start, *synonyms}
        found: dict[str, None] = {}
        known = self._known or {}
        for key in sorted(self._keys_starting(start, COMPLETIONS * 4), key=len)[:COMPLETIONS]:
            if key == start or key.split()[0] in known:
                continue  # it starts a word the pages use, and finds their pages itself ("metasta": metastatic disease)
            for other in self._synonyms[key]:
                if other not in said and not other.startswith(start):
                    found[other] = None
        return tuple(found)[:BEGUN_MEANINGS]

    def _keys_starting(self, start: str, most: int) -> list[str]:
        """Up to ``most`` lay words and phrases and glossary names that start with ``start``, in order."""
        keys = self.__dict__.get("_sorted_keys")
        if keys is None:
            keys = self.__dict__["_sorted_keys"] = tuple(sorted(self._synonyms))
        at = bisect.bisect_left(keys, start)
        return [key for key in keys[at : at + most] if key.startswith(start)]

    def _phrase_begun(self, words: list[str]) -> str:
        """The shortest lay phrase (or glossary name) that ``words``, the last unfinished, are the start of ("feeling
        si": feeling sick; "throwing u": throwing up, which "throwing" and "u" alone did not find), or "". Not
        for a start of small words alone ("can i": the patient has said too little)."""
        if len(words) < 2 or (len(words[-1]) < 2 and all(w in STOP_WORDS for w in words[:-1])):
            return ""
        begun = self._keys_starting(" ".join(words), COMPLETIONS)
        return min(begun, key=len) if begun else ""

    def _other_groups(self, texts: Iterable[str], typed: Iterable[str] = ()) -> list[tuple[float, tuple[str, ...]]]:
        """The other words for an idea, as written and in their other forms: worth OTHER_WORD_SHARE of the words
        as typed (unless made only of words the patient typed: "cant poo", "poo"), their other forms a share of
        that ("can it be cured": "control" is another word for it, "controlled" two steps from what was typed)."""
        said = set(typed)
        groups = []
        for text in texts:
            worth = 1.0 if said and set(words_of(text)) <= said else OTHER_WORD_SHARE
            written, *forms = self._forms(text)  # as written first
            groups += [(worth, (written,)), (worth * OTHER_FORM_SHARE, tuple(forms))]
        return groups

    @_locked
    def words_starting(self, prefix: str, most: int) -> list[str]:
        """Up to ``most`` words of the content (and lay words) that start with ``prefix``, in order."""
        return self._starting(prefix, most)

    def _idea(self, words: str) -> _Idea:
        spelt = self._typed_spellings(words)
        group = list(dict.fromkeys([*spelt, *self._synonyms.get(words, ())]))
        groups = _groups(((1.0, self._forms(words)), *self._other_groups(group[len(spelt) :], words_of(words))))
        return _Idea(tuple(dict.fromkeys(self._all_forms(group))), tuple(group), groups=groups, typed=len(spelt))

    def _typed_spellings(self, words: str) -> tuple[str, ...]:
        """``words`` (a word or a lay phrase) and, for a word, its other spellings the library holds."""
        return (words, *self._spellings(words)) if words.isalpha() and len(words) > 3 else (words,)

    def _all_forms(self, texts: Iterable[str]) -> list[str]:
        return [form for text in texts for form in self._forms(text)]

    def _forms(self, text: str) -> tuple[str, ...]:
        """FTS5 strings for ``text`` (a word or a phrase, taken literally) and its other forms: the main
        table holds words as written, so each word is searched with the content's words of the same
        porter stem, as a stemmed index would find them ("treatment": "treatments"; "spreading":
        "spread", "spreads"). A phrase is searched in up to MOST_FORMS combinations of its words' forms."""
        words = words_of(text)
        families = [self._family(word) for word in words]
        if all(len(family) == 1 for family in families):
            return (_quote(text),)
        combos = itertools.islice(itertools.product(*families), MOST_FORMS)  # as typed first
        return tuple('"' + " ".join(combo).replace('"', '""') + '"' for combo in combos)

    def _family(self, word: str) -> tuple[str, ...]:
        """``word`` and the content's words of the same porter stem (the `strong` table's tokenizer), then its other
        British or American spellings the library holds, each with its own ("anaemia": anemia, anemias, anemic)."""
        found = self._families.get(word)
        if found is None:
            found = self._stem_family(word)
            for other in self._spellings(word) if len(word) > 3 and word.isalpha() else ():
                found += (other, *self._stem_family(other))
            found = self._families[word] = tuple(dict.fromkeys(found))
        return found

    def _stem_family(self, word: str) -> tuple[str, ...]:
        """``word`` and the content's words of the same porter stem."""
        if len(word) <= 2 or not word.isalpha():
            return (word,)
        stemmer = self._stemmer = self._stemmer or _Stemmer()
        (root,) = stemmer.stems([word])
        # The stemmer may change a stem's last letter ("therapy": therapi; "hoping": hope).
        start = root[:-1] if len(root) > 3 else root
        candidates = [w for w in self._starting(start, FAMILY_CANDIDATES) if w != word and len(w) <= len(root) + 8]
        return (word, *(w for w, its in zip(candidates, stemmer.stems(candidates), strict=True) if its == root))

    def _rank(self, ideas: list[_Idea], limit: int, boost: Mapping[str, float]) -> list[tuple[int, float]]:
        """(rowid, score) of the best matches, best first. Ranking only: no body is read.

        Each idea is ranked on its own with BM25 weighted by where it is found (title,
        then keywords and lay words, then summary, headings, and last the text), so a
        title or keyword match beats passing mentions; a title that holds the idea earns
        a bonus on top. Rarer ideas count for more, documents with every idea beat those
        with some, and glossary entries count half, so a topic comes first. An idea found
        in a great many documents ("cancer") is looked for only in titles, keywords and
        summaries: a passing mention of it says nothing, and ranking thousands of
        mentions would cost a keystroke its time.
        """
        ranked_ideas: list[tuple[_Idea, int, dict[int, float], dict[int, float]]] = []
        counted = sorted((self._count_matches(idea.match, idea.table), i, idea) for i, idea in enumerate(ideas))
        others = []  # ideas of a long query beyond the rarest few: looked for in titles only
        for found, _i, idea in counted:  # the rarest first: they say most about what is wanted
            if found and len(ranked_ideas) < MOST_IDEAS:
                rows, worth = self._best_matches(idea, found)
                if rows:
                    ranked_ideas.append((idea, found, rows, worth))
            elif found:
                others.append(_keys(idea.words))
        if not ranked_ideas:
            return []
        # BM25 favours short documents, so glossary entries and topics are each measured against the best of their
        # own kind, which scores what the word it matched is worth (`_Idea.groups`): a kind whose best holds only
        # a word worth less keeps that share. "will i die" found the glossary's "cell" ("tiny living building
        # blocks": "living", a form of "live", another word for it) and ranked it second, as the best of its kind.
        candidates = {rowid for _idea, _found, rows, _worth in ranked_ideas for rowid in rows}
        docs = self._docs(candidates)
        for _idea, _found, rows, worth in ranked_ideas:
            best: dict[str, tuple[float, float]] = {}  # kind -> (the best value, what it would be as typed)
            for rowid, value in rows.items():
                kind = docs[rowid][0]
                if value > best.get(kind, (0.0, 0.0))[0]:
                    best[kind] = (value, value / worth.get(rowid, 1.0))
            for rowid, value in rows.items():
                rows[rowid] = value / (best[docs[rowid][0]][1] or 1.0)
        total = max(self._count, 1)
        # BM25's own IDF: a word in a third of the pages ("treatment") says far less than one in a tenth ("want"),
        # though each idea's best page scores RELEVANCE ("don't want treatment": "Planning ahead", not "Treatment").
        rarity = [max(math.log((total - found + 0.5) / (found + 0.5)), 0.1) for _idea, found, *_rows in ranked_ideas]
        weights = [COMMONEST_IDEA + (1 - COMMONEST_IDEA) * r / max(rarity) for r in rarity]
        titles = [
            (
                _keys(idea.words[: idea.typed]),
                _as_written(idea.words[idea.typed : len(idea.words) - idea.begun]),
                idea.whole,
                _as_written(idea.words[len(idea.words) - idea.begun :]),
            )
            for idea, *_rows in ranked_ideas
        ]
        scored = []
        for rowid in candidates:
            kind, ref, title = docs[rowid]
            title = title.lower()
            score = matched = 0.0
            title_words = ""
            for weight, (_idea, _found, rows, _worth), in_title in zip(weights, ranked_ideas, titles, strict=True):
                relevance = rows.get(rowid)
                if relevance is not None:
                    matched += 1
                    typed, other, whole, begun = in_title
                    bonus = TITLE_BONUS if _holds(title, typed) else 0.0
                    if bonus and whole is not None:  # an unfinished word: as typed, or a word it may become?
                        title_words = title_words or f" {' '.join(_search_words(title))} "
                        if not any(words in title_words for words in whole):
                            bonus *= COMPLETION_SHARE
                    if not bonus and other:  # another word for it, as written: not another form of another word
                        title_words = title_words or f" {' '.join(_search_words(title))} "  # "Pain and how it can
                        if any(words in title_words for words in other):  # be controlled" is not "control"
                            bonus = TITLE_BONUS * SYNONYM_SHARE
                    if not bonus and begun:  # another word for a word it may become
                        title_words = title_words or f" {' '.join(_search_words(title))} "
                        if any(words in title_words for words in begun):
                            bonus = TITLE_BONUS * SYNONYM_SHARE * COMPLETION_SHARE
                    score += weight * (RELEVANCE * relevance + bonus)
            for keys in others:
                if _holds(title, keys):
                    matched += 1
                    score += min(weights) * TITLE_BONUS * SYNONYM_SHARE
            score *= 0.5 + 0.5 * matched / len(ideas)  # every idea found beats some of them
            score *= TERM_FACTOR if kind == "term" else boost.get(ref, 1.0)
            scored.append((rowid, round(score, 3)))
        scored.sort(key=lambda row: (-row[1], row[0]))
        return scored[:limit]

    def _best_matches(self, idea: _Idea, found: int) -> tuple[dict[int, float], dict[int, float]]:
        """rowid -> BM25 of the best documents for one idea (narrowed to where it is telling), each scaled by what
        the word that matched best is worth (`_Idea.groups`); and rowid -> that worth, where it is not 1."""
        if found <= BROAD and not idea.short:
            # Each of the idea's words and forms ranked on its own; a word scored by its best form, worth what the
            # word is worth (`_Idea.groups`: as typed, another word for it, a word an unfinished one may become);
            # a document by its best word and a fifth of the others (not their sum: a page that uses two words
            # for one thing is not twice as much about it). MedlinePlus's 816 synonym queries: found first 90.7 %,
            # in the first three 97.8 % (each form and word worth the same, a fifth of each other: 89.1 %, 96.7 %;
            # summed in one query, as FTS5 does: 88.4 % and 96.3 %; the stemmed index before: 88.4 %, 96.6 %).
            best: dict[int, float] = {}
            total: dict[int, float] = {}
            worth_of: dict[int, float] = {}
            for worth, forms in idea.groups or tuple((1.0, (term,)) for term in idea.terms):
                group: dict[int, float] = {}
                for term in forms:
                    for rowid, rank in self.db.execute(_RANK_SQL, (*WEIGHTS, term, RANK_DEPTH)):
                        group[rowid] = max(group.get(rowid, 0.0), -rank * worth)
                for rowid, value in group.items():
                    if value > best.get(rowid, 0.0):
                        best[rowid] = value
                        worth_of[rowid] = worth
                    total[rowid] = total.get(rowid, 0.0) + value
            scored = {rowid: value + OTHER_TERMS_SHARE * (total[rowid] - value) for rowid, value in best.items()}
            return scored, {rowid: worth for rowid, worth in worth_of.items() if worth != 1.0}
        # A very common idea: only its titles, keywords and summaries count (the short table).
        scope = self._strong_match(idea)
        if self._count_matches(scope, "strong") > 4 * BROAD:
            scope = f"{{title}}: ({idea.match})"
            if self._count_matches(scope, "strong") > 4 * BROAD:  # in thousands of titles: too common to rank
                titles = self.db.execute("SELECT rowid FROM strong WHERE strong MATCH ? LIMIT ?", (scope, RANK_DEPTH))
                return {rowid: 1.0 for (rowid,) in titles}, {}
        rows = self.db.execute(_STRONG_SQL, (*WEIGHTS[:3], scope, RANK_DEPTH)).fetchall()
        if not rows and not idea.short:
            # In no title, keyword or summary ("feel", in hundreds of pages' text): the pages' text it is,
            # ranked while that stays quick, else the first pages that hold it (never "no results").
            if found <= 4 * BROAD:
                rows = self.db.execute(_RANK_SQL, (*WEIGHTS, idea.match, RANK_DEPTH)).fetchall()
            else:
                some = self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?", (idea.match, RANK_DEPTH))
                return {rowid: 1.0 for (rowid,) in some}, {}
        return {rowid: -rank for rowid, rank in rows}, {}

    def _strong_match(self, idea: _Idea) -> str:
        """``idea`` as ranked in the `strong` table: one term for each porter stem. That table is stemmed, so a
        word's forms ("end of life", "ending of life", "ends of life") all match the same documents there, and
        BM25 adds up every term that matches: a word with five forms in the content counted five times over one
        with none ('will i die' on the NCI pages: the pages about the end of life scored five times the pages about
        prognosis, another word for it, worth the same). The same documents match."""
        found = self._strong_matches.get(idea.match)
        if found is None:
            phrases = [term[1:-1].replace('""', '"') if _PHRASE.fullmatch(term) else "" for term in idea.terms]
            stemmer = self._stemmer = self._stemmer or _Stemmer()
            stems = iter(stemmer.stems([phrase for phrase in phrases if phrase]))
            kept: dict[str, str] = {}
            for term, phrase in zip(idea.terms, phrases, strict=True):
                kept.setdefault(next(stems) if phrase else term, term)
            if len(self._strong_matches) > 2000:
                self._strong_matches.clear()
            found = self._strong_matches[idea.match] = " OR ".join(kept.values())
        return found

    def _count_matches(self, match: str, table: str = "fts") -> int:
        """How many documents of ``table`` ("fts" or "strong") hold ``match`` (kept while typing)."""
        count = self._counts.get((table, match))
        if count is None:
            count = self.db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[0]
            if len(self._counts) > 2000:
                self._counts.clear()
            self._counts[(table, match)] = count
        return count

    def _docs(self, rowids: set[int]) -> dict[int, tuple[str, str, str]]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(f"SELECT rowid, kind, ref, title FROM docs WHERE rowid IN ({marks})", list(rowids))
        return {rowid: (kind, ref, title) for rowid, kind, ref, title in rows}

    def _results(
        self, ranked: list[tuple[int, float]], words: list[str], pattern: re.Pattern[str] | None
    ) -> list[SearchResult]:
        """Titles and snippets for the ranked rows (only these few bodies are read); ``pattern`` marks the
        matches, ``words`` say where to look for the first."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            f"SELECT docs.rowid, kind, ref, docs.title, section, topic, substr(fts.body, 1, {SNIPPET_SCAN}) FROM docs "
            f"JOIN fts ON fts.rowid = docs.rowid WHERE docs.rowid IN ({marks})",
            [rowid for rowid, _ in ranked],
        ).fetchall()
        found = {row[0]: row[1:] for row in rows}
        results = []
        for rowid, score in ranked:
            kind, ref, title, section, topic, body = found[rowid]
            results.append(SearchResult(kind, ref, title, section, snippet(body, pattern, words=words), score, topic))
        return results


@dataclass(frozen=True)
class _Idea:
    """One thing looked for: a word (or lay phrase) and the other words for it."""

    terms: tuple[str, ...]  # FTS5 strings, any of which will do
    words: tuple[str, ...]  # the same, for highlighting
    short: bool = False  # a short start of many words: looked for in titles, keywords and summaries only
    # What is ranked in the main table, when not each term on its own: (worth, a word's forms). The words as
    # typed and their forms are worth 1, the other words for them OTHER_WORD_SHARE (their forms less) and the
    # words an unfinished word may become COMPLETION_SHARE (not each: its start, searched as a prefix, finds them
    # all; a short start's as one query).
    groups: tuple[tuple[float, tuple[str, ...]], ...] = ()
    # How many of ``words`` are the word as typed, in each spelling the library has ("anaemia", "anemia"): a title
    # that holds one earns the whole bonus (the rest are other words for it).
    typed: int = 1
    # For an unfinished word: the word as typed and its forms, as written. A title that holds one of them earns the
    # whole bonus; one that holds only a word the start may become ("Diets" for "die", "CellCept" for "cell"),
    # COMPLETION_SHARE of it, as those words are worth in the text.
    whole: tuple[str, ...] | None = None
    # How many of ``words``, last, are other words for the words an unfinished word may become (`_begun_words`):
    # a title that holds one earns COMPLETION_SHARE of another word's bonus.
    begun: int = 0

    @property
    def match(self) -> str:
        return " OR ".join(self.terms)

    @property
    def table(self) -> str:
        """The FTS5 table where this idea is counted and ranked."""
        return "strong" if self.short else "fts"


def _groups(groups: Iterable[tuple[float, tuple[str, ...]]]) -> tuple[tuple[float, tuple[str, ...]], ...]:
    """``groups`` with each FTS5 string kept in its first group only (a form of the word as typed may also be
    another word for it: "cured", "cure"), and groups left empty dropped."""
    seen: set[str] = set()
    kept = []
    for worth, forms in groups:
        fresh = tuple(form for form in dict.fromkeys(forms) if form not in seen)
        seen.update(fresh)
        if fresh:
            kept.append((worth, fresh))
    return tuple(kept)


def _marked(ideas: list[_Idea]) -> re.Pattern[str] | None:
    """What a snippet marks: the words and phrases searched (each with the forms searched), whole, and the start
    of an unfinished word as a start. "cant poo" marks "poo", not the "poor" of "poor sleep"; "hormo" marks
    "hormone". Words are matched across any marks between them, as the index splits them ("PET-CT scan")."""
    whole: set[str] = set()
    starts: set[str] = set()
    for idea in ideas:
        for term in idea.terms:
            text = term.removesuffix(" *")
            words = [w for w in re.split(r"[\W_]+", text.strip('"').replace('""', '"')) if w]
            if words:
                (starts if text != term else whole).add(r"[\W_]+".join(map(re.escape, words)))
    if not whole and not starts:
        return None
    alternatives = [rf"(?:{'|'.join(sorted(whole, key=len, reverse=True))})(?!\w)"] if whole else []
    alternatives += [rf"(?:{'|'.join(sorted(starts, key=len, reverse=True))})\w*"] if starts else []
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})", re.IGNORECASE)


def snippet(body: str, pattern: re.Pattern[str] | None, around: int = 90, words: list[str] | None = None) -> str:
    """About 180 characters of ``body`` around its first match, matches marked.

    With ``words`` (those ``pattern`` was made from), a plain substring search finds
    where to start, so a long page is not run through the regular expression.
    """
    if pattern and words:
        at = _first_position(body, words)
        first = pattern.search(body, at) if at >= 0 else None
    else:
        first = pattern.search(body) if pattern else None
    start = 0 if first is None else max(0, first.start() - around)
    end = min(len(body), (first.end() if first else 0) + around + (around if first is None else 0))
    if start:
        start = body.find(" ", start, first.start() if first else start + 20) + 1 or start
    if end < len(body):
        end = body.rfind(" ", start, end) if body.rfind(" ", start, end) > start else end
    text = " ".join(body[start:end].split())
    if pattern:
        text = pattern.sub(lambda m: f"{HIGHLIGHT[0]}{m.group()}{HIGHLIGHT[1]}", text)
    return ("…" if start else "") + text + ("…" if end < len(body) else "")


def _keys(words: tuple[str, ...] | list[str]) -> list[str]:
    """Lower-case stems of ``words`` (as `match_pattern` makes them), for a quick look in a title."""
    return [stem(w).lower() for w in words if w.strip()]


def _as_written(texts: Iterable[str]) -> list[str]:
    """``texts`` (words or phrases) as `_search_words` leaves them, spaced to be found as whole words in a title
    made the same way (`_rank`: another word for an idea earns its title bonus as written, not in another form)."""
    return [f" {' '.join(_search_words(text))} " for text in texts if text.strip()]


def _holds(text: str, keys: list[str]) -> bool:
    """Whether lower-case ``text`` has a word that starts with one of ``keys``."""
    for key in keys:
        at = text.find(key)
        while at > 0 and text[at - 1].isalnum():
            at = text.find(key, at + 1)
        if at != -1:
            return True
    return False


def _first_position(body: str, words: list[str]) -> int:
    """Where the earliest word in ``words`` (as `match_pattern` stems it) starts in ``body``, or -1.

    Looks for the word in lower case, Capitalised and in CAPITALS with plain substring
    search (fast on a long page); a word written in other mixed case is not found here.
    """
    best = -1
    for word in words:
        parts = word.split()
        key = stem(parts[0]).lower() if parts else ""
        for variant in {key, key.capitalize(), key.upper()} if key else ():
            at = body.find(variant)
            while at > 0 and body[at - 1].isalnum():  # not at the start of a word
                at = body.find(variant, at + 1)
            if at != -1 and (best == -1 or at < best):
                best = at
    return best


def _prune(cache_dir: Path, keep: int) -> None:
    """Remove all but the most recently built indexes (content that has since changed)."""
    indexes = sorted(cache_dir.glob("search-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in indexes[keep:]:
        for part in (old, old.with_name(old.name + "-wal"), old.with_name(old.name + "-shm")):
            part.unlink(missing_ok=True)


def _quote(text: str) -> str:
    """An FTS5 string: every word taken literally (a phrase if there are several)."""
    return '"' + " ".join(words_of(text)).replace('"', '""') + '"'


def _parse(query: str) -> tuple[list[str], list[str], bool]:
    """Quoted phrases (only where quotes pair up), the other words, and whether the last
    word may be unfinished (typing has not moved past it)."""
    phrases = []
    if query.count('"') >= 2:
        for phrase in re.findall(r'"([^"]+)"', query):
            if words_of(phrase):
                phrases.append(" ".join(words_of(phrase)))
        query = re.sub(r'"[^"]+"', " ", query)
    words = _search_words(query)
    unfinished = bool(words) and bool(re.search(r"[^\W_]\Z", query))
    return phrases, words, unfinished


def _search_words(text: str) -> list[str]:
    """Words as search sees them: lower case, and split at hyphens as the index splits them."""
    if text.replace(" ", "").isalnum():  # letters and digits between spaces (most glossary names): the same words
        return text.lower().split()
    return [part for word in words_of(text) for part in word.split("-") if part]


def _synonym_table(library: Library) -> dict[str, tuple[str, ...]]:
    """Each lay word or glossary name -> its other words (tuples: Python's collector does not walk them).

    Kept in the index when it is built (`_build_front`): a change to what this returns needs a new
    SCHEMA_VERSION, as a change to what is indexed does."""
    from .patient_words import lent_to

    table: dict[str, list[str]] = {}
    for word, means in lent_to(library.lay_terms).items():
        table.setdefault(" ".join(_search_words(word)), []).extend(" ".join(_search_words(m)) for m in means)
    for term in library.glossary.values():
        names = [" ".join(_search_words(n)) for n in term.names]
        for name in names:
            table.setdefault(name, []).extend(n for n in names if n != name)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items() if k}


def _build_front(db: sqlite3.Connection, library: Library) -> dict[str, tuple[str, ...]]:
    """The index of everything but the pages' text (which `SearchIndex.add_text` adds), the list of
    pages still to read, and the synonyms (returned, and kept: no later opening works them out again)."""
    rows = index_rows(library, None)
    fill_index(db, rows)
    db.execute("CREATE TABLE pending(rowid INTEGER PRIMARY KEY, ref TEXT)")
    db.executemany("INSERT INTO pending VALUES (?, ?)", ((i, r[1]) for i, r in enumerate(rows, 1) if r[0] == "topic"))
    synonyms = _synonym_table(library)
    db.execute("INSERT INTO meta VALUES ('synonyms', ?)", (json.dumps(synonyms, ensure_ascii=False),))
    db.execute("INSERT INTO meta VALUES ('boot', ?)", (_boot(),))  # written without waiting for the disk
    db.commit()
    return synonyms


def _kept_synonyms(db: sqlite3.Connection, library: Library) -> dict[str, tuple[str, ...]]:
    """The synonyms `_build_front` kept (a sixth of the time to work them out again), else worked out (an
    index built by `fill_index` alone)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'synonyms'").fetchone()
    if row is None:
        return _synonym_table(library)
    return {word: tuple(others) for word, others in json.loads(row[0]).items()}


def _writable(path: Path) -> sqlite3.Connection:
    """The cached index opened to add the pages' text: each batch is committed, so a start that ends
    (or a crash) keeps every batch before it, and the next start goes on from there. In WAL mode a
    commit does not wait for the disk, and the searches' connection reads on meanwhile.

    Nothing waits for the disk while the text lands (``synchronous=OFF``: the log's and the file's syncs
    were 60-70 ms of the NCI pages' build): a process that crashes or is killed loses none of what it
    wrote, which the system holds; a power cut or a crash of the system may, and then the file is not
    used (`_trusted`, `_all_on_disk`). Where the system does not say which boot this is, the log is
    synced as SQLite's ``NORMAL`` does."""
    db = sqlite3.connect(path, timeout=10, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={'OFF' if _boot() else 'NORMAL'}")
    # The log is copied into the file every WAL_PAGES pages (16 MB), not every 1,000: a few times for a
    # whole library's text, not after every other batch. The last batch copies the rest (`_all_on_disk`).
    db.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
    return db


@functools.cache
def _boot() -> str:
    """Which boot of the machine this is (Linux says; "" elsewhere)."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as file:
            return file.read().strip()
    except OSError:
        return ""


def _trusted(db: sqlite3.Connection) -> bool:
    """Whether a cached index may be used. An index whose text is still landing is written without waiting
    for the disk (`_writable`), and says so: its meta row 'boot' names the boot it was written in, and only
    the transaction that lands its last page removes it, once every earlier write is on disk
    (`_all_on_disk`). Written in this boot, the system holds every write, even of a process killed half
    way; written in another (a power cut, a crash of the system since), some may never have reached the
    disk, and the file is built again."""
    row = db.execute("SELECT value FROM meta WHERE key = 'boot'").fetchone()
    return row is None or row[0] == _boot()


def _all_on_disk(writer: sqlite3.Connection, path: Path) -> None:
    """Once the last page has landed: copy the log into the index file and put both on disk (each batch's
    pages were copied in unsynced), then remove the mark `_trusted` reads, in a transaction of its own.
    That transaction counts only if it and every frame of the log before it reached the disk (SQLite's
    checksums chain the frames: a frame lost, and it and all after it are ignored), so a file without the
    mark is whole. From here the checkpoints sync the log before they copy it into the file (``NORMAL``),
    and the file after: when this one copied the whole log, the file is on disk already (one wait for
    the disk, not two)."""
    writer.execute("PRAGMA synchronous=NORMAL")
    _busy, frames, copied = writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    if copied < frames or frames < 0:  # a search still reads the log: the file as it is, put on disk
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    with writer:  # committed, or rolled back on an error
        writer.execute("DELETE FROM meta WHERE key = 'boot'")


def _reading(path: Path) -> sqlite3.Connection:
    """The cached index opened for the searches while its text is still landing (read only)."""
    db = sqlite3.connect(path, timeout=10, check_same_thread=False)
    db.execute("PRAGMA query_only=1")
    return db


def _hold(fd: int) -> None:
    """Lock a file being built for as long as ``fd`` is open (`_remove_stale` leaves it alone)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: stale files are then only removed when old
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_stale(cache_dir: Path) -> None:
    """Remove the half-built files of starts that ended while building (nobody holds their lock)."""
    for temp in cache_dir.glob(".search-*.tmp"):
        try:
            fd = os.open(temp, os.O_RDONLY)
        except OSError:
            continue
        try:
            try:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except ImportError:
                if time.time() - os.fstat(fd).st_mtime < 3600:
                    continue
            except OSError:
                continue  # another start is building it now
            temp.unlink(missing_ok=True)
        finally:
            os.close(fd)


def index_rows(library: Library, rendered_of: RenderedOf | None) -> list[tuple[str, ...]]:
    """What the index holds, a row a document: (kind, ref, title, section, topic, keywords, summary, headings, text).
    Without ``rendered_of``, the pages' headings and text are left empty (no Markdown is parsed).

    Reading each page's text is most of the work of building an index (benchmarks/bench_scale.py
    times it apart from filling the index).
    """
    rows: list[tuple[str, ...]] = []
    for topic in library.ordered_topics():
        section = library.section_of(topic)
        page = _parsed(rendered_of, topic) if rendered_of is not None else Rendered(parts=())
        headings = " \n".join(heading.text for heading in page.headings)
        body = page.text
        keywords = " \n".join(topic.keywords)
        where = section.title if section else ""
        rows.append(("topic", topic.id, topic.title, where, "", keywords, topic.summary, headings, body))
    for term in library.glossary.values():
        aliases = " \n".join(term.aliases)
        rows.append(("term", term.id, term.term, "Glossary", term.topic, aliases, "", "", term.definition))
    return rows


def fill_index(db: sqlite3.Connection, rows: list[tuple[str, ...]]) -> None:
    """Create the tables and fill them with ``rows`` (see ``index_rows``), in one transaction."""
    db.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, kind TEXT, ref TEXT, title TEXT,
                          section TEXT, topic TEXT);
        -- No prefix index over the pages' text: it doubled the build (benchmarks/README.md, "Size").
        -- A start of four letters or more is found by FTS5's scan of its terms; a shorter one is
        -- searched as the words it starts, or in the short table below (`SearchIndex._plan`).
        -- The words as written, not stemmed: they are the words for spelling and completions too
        -- (`fts_words`), so the text is tokenized once; a word is searched with the other words of
        -- its stem (`SearchIndex._forms`: "treatment" finds "treatments").
        CREATE VIRTUAL TABLE fts USING fts5(title, keywords, summary, headings, body, tokenize='unicode61');
        CREATE VIRTUAL TABLE fts_words USING fts5vocab(fts, 'row');
        -- The same documents' short parts alone: a very common word is ranked here, where
        -- its lists are short, not among the positions of every page's text.
        CREATE VIRTUAL TABLE strong USING fts5(title, keywords, summary, tokenize='porter unicode61', prefix='2 3');
        """
    )
    # FTS5 writes what it has gathered as a new segment of the index whenever it holds more than this, and
    # merges small segments into larger ones as they pile up: with FTS5's 1 MB a batch of the window's text
    # made several, merged again and again (a fifth of the build's instructions for the NCI pages, counted
    # by cachegrind); now one a batch. Kept in the index: every connection that writes to it uses it.
    db.execute("INSERT INTO fts(fts, rank) VALUES ('hashsize', ?)", (HASH_SIZE,))
    # A file name that is not UTF-8 reaches titles as surrogates, which SQLite refuses.
    stored = [row if all(map(str.isascii, row)) else tuple(map(_storable, row)) for row in rows]
    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", ((i, *r[:5]) for i, r in enumerate(stored, 1)))
    # No `optimize` of the main table: it merged every segment into one (a tenth of the floor's build), and
    # the window's index, whose text comes in batches after it, is searched unmerged as quickly.
    db.executemany(
        "INSERT INTO fts(rowid, title, keywords, summary, headings, body) VALUES (?, ?, ?, ?, ?, ?)",
        ((i, r[2], *r[5:]) for i, r in enumerate(stored, 1)),
    )
    db.executemany(
        "INSERT INTO strong(rowid, title, keywords, summary) VALUES (?, ?, ?, ?)",
        ((i, r[2], r[5], r[6]) for i, r in enumerate(stored, 1)),
    )
    db.execute("INSERT INTO strong(strong) VALUES ('optimize')")
    _keep_words(db, _index_words(db))
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    db.commit()


def _index_words(db: sqlite3.Connection) -> list[str]:
    """The words for spelling and completions: every word the main table holds (FTS5's own list of its
    terms, read from the index: no text is tokenized again), lower case, letters only, three or more,
    in order. FTS5 walks every position of each term it lists: the terms that start with a digit (a tenth
    of the NCI pages' 73,000: numbers, doses, years), never a word, are skipped in the index (terms are
    sorted, lower case: digits come before "a", letters of other alphabets after "z"). The terms come back
    as one text, split here in C: a row a term (66,000 for the NCI pages) cost a third more than FTS5's walk
    itself. A term holds no space (FTS5's ``unicode61`` splits at every one), so splitting gives the terms."""
    joined = db.execute("SELECT group_concat(term, ' ') FROM fts_words WHERE term >= 'a' AND length(term) > 2")
    return _letter_words(joined.fetchone()[0] or "")


WORDS_STEP = 50_000  # characters split (or words joined) in one call in C, which holds Python's lock throughout


def _letter_words(joined: str) -> list[str]:
    """The words of ``joined`` (separated by spaces) that are letters only, split and kept a piece at a time:
    the NCI pages' 566,000 characters split in one call, and their 65,000 words tested in one more, each held
    Python's lock 4-7 ms while the window waited (the last batch of text, as its results are searched again)."""
    words: list[str] = []
    start = 0
    while start < len(joined):
        end = joined.find(" ", start + WORDS_STEP)
        end = len(joined) if end < 0 else end
        words += filter(str.isalpha, joined[start:end].split())
        start = end
    return words


def _keep_words(db: sqlite3.Connection, words: list[str]) -> None:
    """Keep the index's words (every one: they replace those kept before) as one text, a word a line: one
    row written and read at each start, not a table of 60,000 rows (0.08 s of the build for the NCI pages).
    Joined a piece at a time (see `_letter_words`)."""
    step = WORDS_STEP // 8
    pieces = ["\n".join(words[i : i + step]) for i in range(0, len(words), step)]
    db.execute("INSERT OR REPLACE INTO meta VALUES ('words', ?)", ("\n".join(pieces),))


def _kept_words(db: sqlite3.Connection) -> list[str]:
    """The words `_keep_words` kept (none before the index's first words are in)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'words'").fetchone()
    return str(row[0]).split() if row else []


def _write_text(db: sqlite3.Connection, row: tuple[str, str, int]) -> None:
    """A page's headings and text into its row of the main table. Text SQLite cannot encode (a lone
    surrogate: a file name that is not UTF-8) is found by SQLite's refusal, before anything is written,
    and written made storable: no text is scanned for it first (0.15 s of the build for the NCI pages)."""
    sql = "UPDATE fts SET headings = ?, body = ? WHERE rowid = ?"
    try:
        db.execute(sql, row)
    except UnicodeEncodeError:
        db.execute(sql, (_storable(row[0]), _storable(row[1]), row[2]))


def _pending(db: sqlite3.Connection) -> bool:
    """Whether some page's text is still to be added (an index built in one go has no such list)."""
    try:
        return db.execute("SELECT 1 FROM pending LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:
        return False


class _Stemmer:
    """Porter stems, as FTS5 makes them (the `strong` table's tokenizer), for a few words at a time."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.executescript(
            """
            CREATE VIRTUAL TABLE words USING fts5(word, tokenize='porter unicode61', columnsize=0);
            CREATE VIRTUAL TABLE stems USING fts5vocab(words, 'instance');
            """
        )

    def stems(self, words: list[str]) -> list[str]:
        """Each word's stem (a word FTS5 splits in several: their stems joined by spaces)."""
        found = [""] * len(words)
        if not words:
            return found
        with self.db:
            self.db.executemany("INSERT INTO words(rowid, word) VALUES (?, ?)", enumerate(words))
            for term, doc in self.db.execute("SELECT term, doc FROM stems ORDER BY doc, offset"):
                found[doc] = f"{found[doc]} {term}" if found[doc] else term
            self.db.execute("DELETE FROM words")
        return found

    def close(self) -> None:
        self.db.close()


def _parsed(rendered_of: RenderedOf, topic: Topic) -> Rendered:
    try:
        return rendered_of(topic)
    except Stopped:
        raise
    except Exception:  # noqa: BLE001 - a page that cannot be shown is still found by its title
        return Rendered(parts=())


def _storable(text: str) -> str:
    """``text`` as SQLite can take it: a lone surrogate (a file name that is not UTF-8) made "?". Text
    without one is left as it is (found by encoding it, in C: three times as quick as a regular expression)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def search_once(
    library: Library,
    query: str,
    limit: int,
    cache_dir: Path | None,
    building: Callable[[int, int], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SearchResponse:
    """When much of the pages' text must be read first (a large library's first search), ``building(pages
    left, pages)`` is told so once, and ``progress(done, total)`` after each batch of pages."""
    index = SearchIndex.begin(library, cache_dir)
    try:
        slow = index.text_to_read() > SLOW_READ
        if slow and building is not None:
            building(index.pages_left, index.pages)
        index.finish(page_reader(library), progress if slow else None)
        return index.search(query, limit)
    finally:
        index.close()
