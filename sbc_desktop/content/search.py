"""Full-text search in patients' own words: SQLite FTS5, synonyms and typo tolerance.

The index holds every topic (title, headings, text) and every glossary entry. It is
built once and cached in a file named after a hash of the content, so it is rebuilt
only when the content changes. Queries are never passed to FTS5 as syntax: every word
is quoted, so input such as a lone quote, ``AND``, ``*`` or ``NEAR(`` is just words.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .headings import without_headings
from .library import Library
from .words import match_pattern, words_of

SCHEMA_VERSION = 5  # bump whenever what goes into the index changes
WEIGHTS = (10.0, 6.0, 4.0, 1.0)  # title, keywords, headings, text: bm25 column weights
HIGHLIGHT = ("\x02", "\x03")  # start and end of a match in a snippet
TERM_FACTOR = 0.5  # a glossary entry is short, so BM25 favours it: halve its score

STOP_WORDS = frozenset(
    "a an and are am as at be been but by can could did do does for from had has have how i if "
    "in into is it its me my of on or our so than that the their them then there these they this "
    "to us was we were what when where which who why will with would you your".split()
)
# Content is untrusted: no pattern here may backtrack more than a step per character
# (no class that can run past the next opener, no "\s*" that crosses lines).
_MARKUP = [
    (re.compile(r"```.*?```", re.DOTALL), " "),
    (re.compile(r"<[^<>]+>"), " "),
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),
    (re.compile(r"^ {0,3}\[[^\[\]\n]+\]:.*$", re.MULTILINE), " "),
    (re.compile(r"\{:[^{}]*\}"), " "),
    (re.compile(r"^ {0,3}#{1,6}[ \t]+", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*(?:[-*+]|\d++[.)])[ \t]+", re.MULTILINE), ""),
    (re.compile(r"[*_`>|~]+"), " "),
    (re.compile(r"[ \t]+"), " "),
]


def plain_text(markdown: str) -> str:
    """Markdown without its markup, for indexing and snippets."""
    for pattern, replacement in _MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return markdown.strip()


def content_hash(library: Library) -> str:
    digest = hashlib.blake2b(f"schema {SCHEMA_VERSION}".encode(), digest_size=16)
    for topic in sorted(library.topics.values(), key=lambda t: t.id):
        section = library.section_of(topic)
        for part in (topic.id, topic.title, section.title if section else "", *topic.keywords, topic.body):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for term in sorted(library.glossary.values(), key=lambda t: t.id):
        for part in (term.id, term.term, *term.aliases, term.definition, term.topic):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for word, means in sorted(library.lay_terms.items()):
        digest.update((word + "=" + "|".join(means)).encode() + b"\0")
    return digest.hexdigest()


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


class SearchIndex:
    """An FTS5 index over one library, in a cached file or in memory."""

    def __init__(self, connection: sqlite3.Connection, library: Library):
        self.db = connection
        self.library = library
        self._vocabulary: list[str] | None = None
        self._known: set[str] | None = None
        self._by_length: dict[int, list[str]] | None = None
        self._synonyms = _synonym_table(library)

    # -- opening and building ---------------------------------------------------
    @classmethod
    def open(cls, library: Library, cache_dir: Path | None) -> SearchIndex:
        """Reuse the cached index for this content, or build it (in memory if no cache)."""
        if cache_dir is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            _build(db, library)
            return cls(db, library)
        path = cache_dir / f"search-{content_hash(library)}.sqlite"
        if path.is_file():
            try:
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                if db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == (str(SCHEMA_VERSION),):
                    return cls(db, library)
                db.close()
            except sqlite3.DatabaseError:
                pass  # a damaged cache is rebuilt below
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".search-", suffix=".tmp", dir=cache_dir)
        os.close(fd)
        try:
            builder = sqlite3.connect(temp)
            _build(builder, library)
            builder.close()
            os.replace(temp, path)  # whole or not at all: a crash never leaves half an index
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        _prune(cache_dir, keep=3)
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False), library)

    def close(self) -> None:
        self.db.close()

    # -- searching ----------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> SearchResponse:
        phrases, words = _parse(query)
        fixes = {word: self.correct(word) for word in _drop_stop_words(words)}
        corrected = list(fixes.values())
        changed = any(fixed != word for word, fixed in fixes.items())
        groups: list[list[str]] = [[p] for p in phrases]
        expanded = groups + self._expand(corrected)
        groups += [[w] for w in corrected]
        if not expanded:
            return SearchResponse(query, [])
        # Tiers, best first: every word as typed; every idea (with its synonyms);
        # then any idea. Within a tier, BM25 decides, with topics ahead of glossary
        # entries of a similar score.
        ranked: list[tuple[int, float]] = []
        seen: set[int] = set()
        for tier, all_groups in ((groups, True), (expanded, True), (expanded, False)):
            if len(ranked) >= limit:
                break
            for rowid, score in self._rank(tier, limit, all_groups):
                if rowid not in seen:
                    seen.add(rowid)
                    ranked.append((rowid, score))
        highlight = sorted({w for group in expanded for w in group}, key=len, reverse=True)
        results = self._results(ranked[:limit], highlight)
        shown = " ".join([*(f'"{p}"' for p in phrases), *(fixes.get(w, w) for w in words)]) if changed else ""
        return SearchResponse(query, results, shown, highlight)

    def correct(self, word: str) -> str:
        """The nearest word in the content for one that is not there (a typo), else itself."""
        self._load_vocabulary()
        assert self._known is not None and self._vocabulary is not None
        if len(word) < 4 or word in self._known or word in self._synonyms or not word.isalpha():
            return word
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        # Edits allowed grow with the word: "chemoterapy" (1), "metastatis" (2).
        most = 1 if len(word) <= 4 else 2 if len(word) <= 7 else 3
        assert self._by_length is not None
        nearby = range(len(word) - most, len(word) + most + 1)  # only these lengths can be near
        candidates = [w for size in nearby for w in self._by_length.get(size, ())]
        near = process.extract(word, candidates, scorer=Levenshtein.distance, score_cutoff=most, limit=8)
        if not near:
            return word
        return min(near, key=lambda hit: (hit[1], -fuzz.ratio(word, hit[0])))[0]

    def _load_vocabulary(self) -> None:
        if self._vocabulary is None:
            self._vocabulary = [row[0] for row in self.db.execute("SELECT word FROM vocabulary")]
            self._known = set(self._vocabulary)
            self._by_length = {}
            for known in self._vocabulary:
                self._by_length.setdefault(len(known), []).append(known)

    def _expand(self, words: list[str]) -> list[list[str]]:
        """One group of alternatives per idea: the word, its synonyms, its glossary names."""
        groups: list[list[str]] = []
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                phrase = " ".join(words[i : i + size])
                if len(words[i : i + size]) == size and (size == 1 or phrase in self._synonyms):
                    group = [phrase, *self._synonyms.get(phrase, [])]
                    groups.append(list(dict.fromkeys(group)))
                    i += size
                    break
        return groups

    def _rank(self, groups: list[list[str]], limit: int, all_groups: bool) -> list[tuple[int, float]]:
        """(rowid, score) of the best matches, best first. Ranking only: no text is read."""
        if not groups:
            return []
        joiner = " AND " if all_groups else " OR "
        match = joiner.join("(" + " OR ".join(_quote(alt) for alt in group) + ")" for group in groups)
        sql = (
            "SELECT fts.rowid, bm25(fts, ?, ?, ?, ?) AS rank, docs.kind FROM fts "
            "JOIN docs ON docs.rowid = fts.rowid WHERE fts MATCH ? ORDER BY rank LIMIT ?"
        )
        # Fetch more than asked: the glossary penalty below can reorder the top few.
        rows = self.db.execute(sql, (*WEIGHTS, match, limit * 2 + 5)).fetchall()
        scored = [(rowid, -rank * (TERM_FACTOR if kind == "term" else 1.0)) for rowid, rank, kind in rows]
        return sorted(scored, key=lambda row: -row[1])[:limit]

    def _results(self, ranked: list[tuple[int, float]], words: list[str]) -> list[SearchResult]:
        """Titles and snippets for the ranked rows (only these few bodies are read)."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            "SELECT docs.rowid, kind, ref, docs.title, section, topic, fts.body FROM docs "
            f"JOIN fts ON fts.rowid = docs.rowid WHERE docs.rowid IN ({marks})",
            [rowid for rowid, _ in ranked],
        ).fetchall()
        found = {row[0]: row[1:] for row in rows}
        pattern = match_pattern(words)
        results = []
        for rowid, score in ranked:
            kind, ref, title, section, topic, body = found[rowid]
            results.append(SearchResult(kind, ref, title, section, snippet(body, pattern), score, topic))
        return results


def snippet(body: str, pattern: re.Pattern[str] | None, around: int = 90) -> str:
    """About 180 characters of ``body`` around its first match, matches marked."""
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


def _prune(cache_dir: Path, keep: int) -> None:
    """Remove all but the most recently built indexes (content that has since changed)."""
    indexes = sorted(cache_dir.glob("search-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in indexes[keep:]:
        old.unlink(missing_ok=True)


def _quote(text: str) -> str:
    """An FTS5 string: every word taken literally (a phrase if there are several)."""
    return '"' + " ".join(words_of(text)).replace('"', '""') + '"'


def _parse(query: str) -> tuple[list[str], list[str]]:
    """Quoted phrases (only where quotes pair up) and the other words."""
    phrases = []
    if query.count('"') >= 2:
        for phrase in re.findall(r'"([^"]+)"', query):
            if words_of(phrase):
                phrases.append(" ".join(words_of(phrase)))
        query = re.sub(r'"[^"]+"', " ", query)
    return phrases, words_of(query)


def _drop_stop_words(words: list[str]) -> list[str]:
    kept = [w for w in words if w not in STOP_WORDS]
    return kept or words  # a query of only small words still searches them


def _synonym_table(library: Library) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for word, means in library.lay_terms.items():
        table.setdefault(" ".join(words_of(word)), []).extend(" ".join(words_of(m)) for m in means)
    for term in library.glossary.values():
        names = [" ".join(words_of(n)) for n in term.names]
        for name in names:
            table.setdefault(name, []).extend(n for n in names if n != name)
    return {k: list(dict.fromkeys(v)) for k, v in table.items() if k}


def _build(db: sqlite3.Connection, library: Library) -> None:
    db.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, kind TEXT, ref TEXT, title TEXT,
                          section TEXT, topic TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, keywords, headings, body, tokenize='porter unicode61');
        CREATE TABLE vocabulary(word TEXT PRIMARY KEY) WITHOUT ROWID;
        """
    )
    vocabulary: set[str] = set()
    rows = []
    for topic in library.ordered_topics():
        section = library.section_of(topic)
        found, rest = without_headings(topic.body)
        headings = " \n".join(found)
        body = plain_text(rest)
        keywords = " \n".join(topic.keywords)
        rows.append(("topic", topic.id, topic.title, section.title if section else "", "", keywords, headings, body))
    for term in library.glossary.values():
        aliases = " \n".join(term.aliases)
        rows.append(("term", term.id, term.term, "Glossary", term.topic, aliases, "", term.definition))
    for rowid, row in enumerate(rows, start=1):
        # A file name that is not UTF-8 reaches titles as surrogates, which SQLite refuses.
        kind, ref, title, section, topic, keywords, headings, body = (_storable(text) for text in row)
        db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", (rowid, kind, ref, title, section, topic))
        db.execute(
            "INSERT INTO fts(rowid, title, keywords, headings, body) VALUES (?, ?, ?, ?, ?)",
            (rowid, title, keywords, headings, body),
        )
        text = f"{title} {keywords} {headings} {body}"
        vocabulary.update(w for w in words_of(text) if w.isalpha() and len(w) > 2)
    db.executemany("INSERT INTO vocabulary VALUES (?)", ((w,) for w in sorted(vocabulary)))
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    db.commit()


def _storable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def search_once(library: Library, query: str, limit: int, cache_dir: Path | None) -> SearchResponse:
    index = SearchIndex.open(library, cache_dir)
    try:
        return index.search(query, limit)
    finally:
        index.close()
