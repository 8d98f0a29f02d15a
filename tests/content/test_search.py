"""Search in patients' own words: ranking, synonyms, stemming, typos, the cached index."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sbc_desktop import cli
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex, content_hash
from tests.helpers import make_content, topic, write


def top(index, query, n=3):
    return [r.ref for r in index.search(query, n).results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("where does it spread", "where-it-spreads"),
        ("spread to my bones", "where-it-spreads"),
        ("can it be cured", "why-no-cure"),
        ("how long will I live", "the-future"),
        ("what tests will I have", "tests"),
        ("questions for my doctor", "questions-to-ask"),
        ("locally advanced", "locally-advanced"),
        ("I feel scared", "feelings"),
        ("nurse phone number", "care-team"),
        ("where does this information come from", "sources-and-review"),
    ],
)
def test_everyday_questions_find_the_right_topic_first(index, query, expected):
    assert top(index, query, 1) == [expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mets", {"metastasis", "what-is-it", "how-it-develops", "where-it-spreads"}),
        ("stage four", {"stage-4", "what-is-it"}),
        ("chemo", {"chemotherapy", "treatment"}),
        ("tumor", {"tumour"}),
        ("hormone tablets", {"hormone-therapy", "treatment"}),
        ("lymph glands", {"lymph-nodes"}),
    ],
)
def test_lay_words_and_glossary_aliases_are_synonyms(index, query, expected):
    assert set(top(index, query)) & expected


def test_stemming_and_phrases(index):
    assert "where-it-spreads" in top(index, "spreading")
    # the glossary word, or a topic with the phrase in a heading, comes first
    assert "lymph-nodes" in top(index, '"lymph nodes"', 2)
    assert index.search('"cannot be cured"', 5).results  # a quoted phrase


@pytest.mark.parametrize(
    ("typed", "shown", "expected"),
    [
        ("chemoterapy", "chemotherapy", "chemotherapy"),
        ("metastatis", "metastasis", "metastasis"),
        ("mamogram", "mammogram", "mammogram"),
        ("biopsey", "biopsy", "biopsy"),
        ("radiotheraphy", "radiotherapy", "radiotherapy"),
    ],
)
def test_typos_are_forgiven_and_said(index, typed, shown, expected):
    response = index.search(typed, 3)
    assert response.corrected == shown
    assert expected in [r.ref for r in response.results]


@pytest.mark.parametrize(
    "query", ['"', '""', "AND", "OR NOT", "*", "NEAR(", "a*b", "col:val", "'", "(", "^", "\x00", ""]
)
def test_hostile_queries_never_raise(index, query):
    response = index.search(query, 5)
    assert isinstance(response.results, list)


def test_snippets_mark_the_match(index):
    result = index.search("armpit", 5).results[0]
    assert "[" in result.snippet_marked() and "\n" not in result.snippet


def test_the_index_reads_the_page_as_the_renderer_does(tmp_path):
    """Headings and text come from the one parse: no markup, nothing from inside code taken as a heading."""
    body = "## Head\n\nA [link](b.md) and **bold** `code` ![pic](a.svg)\n\n```\n## fenced\n```\n\n"
    body += "<b>raw</b> <script>x()</script>"
    library = load_library(make_content(tmp_path, {"a": body, "b": "B"}))
    index = SearchIndex.open(library, None)
    try:
        headings, text = index.db.execute("SELECT headings, body FROM fts WHERE rowid = 1").fetchone()
        assert headings == "Head"
        assert text == "A link and bold code [pic]\n## fenced\nraw"
        assert index.page_text("a") == text
        assert refs_of(index.search("fenced", 3)) == ["a"] and refs_of(index.search("script", 3)) == []
    finally:
        index.close()


def refs_of(response):
    return [result.ref for result in response.results]


def test_cached_index_is_reused_and_rebuilt_when_content_changes(tmp_path):
    root = make_content(tmp_path / "c", {"a": "Apples grow on trees.", "b": "Bananas are yellow."})
    cache = tmp_path / "cache"
    library = load_library(root)
    SearchIndex.open(library, cache).close()
    (first,) = cache.glob("search-*.sqlite")
    stamp = first.stat().st_mtime_ns
    again = SearchIndex.open(load_library(root), cache)
    assert again.search("apples").results[0].ref == "a"
    again.close()
    assert list(cache.glob("search-*.sqlite")) == [first] and first.stat().st_mtime_ns == stamp

    write(root / "topics" / "b.md", topic("b", "Bananas and cherries."))
    changed = load_library(root)
    assert content_hash(changed) != content_hash(library)
    rebuilt = SearchIndex.open(changed, cache)
    assert rebuilt.search("cherries").results[0].ref == "b"
    rebuilt.close()
    names = {p.name for p in cache.glob("search-*.sqlite")}
    assert f"search-{content_hash(changed)}.sqlite" in names and len(names) <= 3
    assert not list(cache.glob(".search-*"))  # no temporary file left behind


def test_a_damaged_cache_is_rebuilt(tmp_path):
    library = load_library(make_content(tmp_path / "c"))
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"search-{content_hash(library)}.sqlite").write_bytes(b"not a database at all")
    index = SearchIndex.open(library, cache)
    assert index.search("text").results
    index.close()
    sqlite3.connect(cache / f"search-{content_hash(library)}.sqlite").execute("SELECT 1 FROM docs").fetchone()


def test_cli_search_text_and_json(capsys):
    assert cli.main(["search", "can it be cured", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(" 1. why-no-cure  Why it cannot be cured")
    assert cli.main(["search", "chemoterapy", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corrected"] == "chemotherapy"
    assert {"kind", "id", "title", "section", "score", "snippet"} <= set(data["results"][0])
    assert cli.main(["search", "zzzzqqqq"]) == 1
    assert "No results" in capsys.readouterr().out
    assert cli.main(["search", 'NEAR( AND "']) in (0, 1)


def test_front_matter_keywords_are_searched(tmp_path):
    write(tmp_path / "a1c.md", "---\ntitle: A1C\nkeywords: [Glycohemoglobin, HbA1C]\n---\nA blood test.\n")
    write(tmp_path / "other.md", "---\ntitle: Other\n---\nNothing about it.\n")
    index = SearchIndex.open(load_library(tmp_path), None)
    assert [r.ref for r in index.search("glycohemoglobin").results] == ["a1c"]
    assert [r.ref for r in index.search("hba1c").results] == ["a1c"]
    index.close()


def test_naming_the_cached_index_reads_no_page_and_a_changed_page_is_read_again(tmp_path, monkeypatch):
    """The index's name comes from each page file's stamp where the loader left the body on disk (every
    start at home): a start that searches reads no page to find its index (before: every page's body,
    49 MB for the NCI pages, on the index's thread). An edit, even one of the same length, names a new
    index, which holds the new text."""
    from sbc_desktop.content import parse_cache

    root = make_content(tmp_path / "c", {"a": "Apples grow on trees.", "b": "Bananas are yellow."})
    parsed, cache = tmp_path / "parsed", tmp_path / "cache"
    library = load_library(root, cache_dir=parsed)
    assert all(isinstance(t, parse_cache.StoredTopic) and t._body is None for t in library.topics.values())
    SearchIndex.open(library, cache).close()

    def no_reading(*_args):
        raise AssertionError("a page's body was read to name the index")

    with monkeypatch.context() as patched:
        patched.setattr(parse_cache, "read_body", no_reading)
        named = content_hash(library)
        again = load_library(root, cache_dir=parsed)
        assert content_hash(again) == named
        index = SearchIndex.begin(again, cache)  # the cached index, found without reading a page
        assert index.pages_left == 0 and index.search("apples").results[0].ref == "a"
        index.close()

    write(root / "topics" / "b.md", topic("b", "Bananas are purple."))  # the same length
    changed = load_library(root, cache_dir=parsed)
    assert content_hash(changed) != named
    rebuilt = SearchIndex.open(changed, cache)
    assert rebuilt.search("purple").results[0].ref == "b"
    rebuilt.close()


def test_the_content_hash_is_the_same_hashed_in_pieces(tmp_path, monkeypatch):
    """Hashed a megabyte at a time, the content is named as when hashed whole (an index built by the
    code before is still found)."""
    import hashlib

    from sbc_desktop.content import search

    library = load_library(make_content(tmp_path / "c", {"a": "Apples 🍎 grow.", "b": "Bananas are yellow."}))
    whole = content_hash(library)
    monkeypatch.setattr(search, "HASH_PIECE", 5)
    assert content_hash(library) == whole
    parts = [f"schema {search.SCHEMA_VERSION}"]
    for t in sorted(library.topics.values(), key=lambda t: t.id):
        section = library.section_of(t)
        parts += (t.id, t.title, section.title if section else "", t.summary, *t.keywords, t.body)
    for term in sorted(library.glossary.values(), key=lambda t: t.id):
        parts += (term.id, term.term, *term.aliases, term.definition, term.topic)
    parts += (word + "=" + "|".join(means) for word, means in sorted(library.lay_terms.items()))
    assert whole == hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def test_the_words_search_keeps_are_never_walked_by_the_garbage_collector(builtin_dir, monkeypatch):
    """The vocabulary, its words by letter, the synonyms and everyday English live as long as the window:
    kept as tuples and dicts of strings, Python's collector leaves them out (as lists and sets, each full
    collection walked their 200,000 references: 19 ms of the window's time in a pause while typing)."""
    import gc

    from sbc_desktop.content import everyday, search
    from sbc_desktop.content.everyday import everyday_words

    monkeypatch.setattr(search, "TEXT_BATCH", 1)  # a page a batch: the vocabulary grows at each
    library = load_library(builtin_dir)
    index = SearchIndex.begin(library, None)
    index.prepare()
    while index.add_text(search.page_reader(library)):
        pass
    assert "acupuncture" in index.completions("acupun")  # learnt from a page's text as it landed
    gc.collect()
    kept = [index._vocabulary, index._known, index._by_letter, everyday_words(), everyday._by_letter]
    kept += [*index._by_letter.values(), *index._synonyms.values(), *everyday._by_letter.values()]
    assert not [type(o).__name__ for o in kept if gc.is_tracked(o)]
    index.close()
