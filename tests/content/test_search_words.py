"""The words search knows for spelling and completions: the main table's own words (issue 14).

The main table holds words as written (not stemmed), so its list of terms (`fts5vocab`) is the
vocabulary: the pages' text is tokenized once. They are the words FTS5 indexes (so a completion
or a short start searched as its words finds the pages), and a batch that cannot be written
must not lose them. A word is searched with its other forms (the words of its porter stem).
"""

from __future__ import annotations

import sqlite3

import pytest

from sbc_desktop.content import search
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.rendered import Rendered
from sbc_desktop.content.search import SearchIndex

from .test_search_growing import refs


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir, check_links=False)


def page_with(text):
    return lambda topic: Rendered(parts=(), text=text if topic.id == "pain" else "")


@pytest.mark.parametrize("on_disk", [False, True])
def test_words_are_the_indexed_words_lower_case_letters_of_three_or_more(library, tmp_path, on_disk):
    index = SearchIndex.begin(library, tmp_path / "cache" if on_disk else None)
    index.finish(page_with("Zoledronic acid, a well-being café: HER2 and 5mg at 10:30. Ab it's"))
    words = set(search._kept_words(index.db))
    # Split where FTS5 splits (the parts of a hyphenated word), accents folded as the index folds them.
    assert {"zoledronic", "acid", "well", "being", "cafe", "and"} <= words
    assert not words & {"her2", "5mg", "10", "ab", "it", "café"}
    assert index.correct("zoledronc") == "zoledronic"
    index.close()


def test_the_kept_words_are_every_word_fts5_holds_though_terms_led_by_a_digit_are_skipped(library, tmp_path):
    """The terms that start with a digit are not walked when the words are read (a tenth of the NCI pages'
    terms): the words kept are still every word of letters FTS5 holds, other alphabets' too."""
    index = SearchIndex.begin(library, tmp_path / "cache")
    index.finish(page_with("2019 10mg 5-fu x1 über Øra straße αβ-blocker µg zzyzx 9am b12 ab Ünited"))
    every = [term for (term,) in index.db.execute("SELECT term FROM fts_words")]
    assert {"2019", "10mg", "5", "b12", "zzyzx", "straße", "αβ", "øra", "uber"} <= set(every)
    assert search._kept_words(index.db) == [term for term in every if len(term) > 2 and term.isalpha()]
    index.close()


def test_the_synonyms_are_kept_with_the_index_not_worked_out_at_each_opening(library, tmp_path, monkeypatch):
    index = SearchIndex.begin(library, tmp_path / "cache")
    index.finish(page_with("Quokkaloo massage eases pain."))
    built = index._synonyms
    expected = index.search("being sick", 5).results
    index.close()
    assert built == search._synonym_table(library) and "being sick" in built

    def worked_out(library):
        raise AssertionError("the synonyms were worked out again")

    monkeypatch.setattr(search, "_synonym_table", worked_out)
    again = SearchIndex.begin(library, tmp_path / "cache")
    assert not again.pages_left  # the finished index, opened again
    assert again._synonyms == built and list(again._synonyms) == list(built)
    assert again.search("being sick", 5).results == expected
    again.close()


def test_the_pages_text_is_tokenized_once(library, monkeypatch):
    """The words for spelling come from the main table's own list of its terms, not from a second
    tokenizer pass over the text (before: a scratch FTS5 table, on a connection of its own, was fed every
    text again: a second whole tokenizing of a library's text, 0.6x a plain FTS5 build of it)."""
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(search.sqlite3, "connect", traced)  # every connection the index opens
    index = SearchIndex.begin(library, None)
    index.finish(page_with("Quokkaloo massage eases pain."))
    written = [s for s in statements if "Quokkaloo" in s]
    assert len(written) == 1 and written[0].startswith("UPDATE fts SET headings = '', body = 'Quokkaloo")
    assert index.completions("quokka") == ["quokkaloo"]
    index.close()


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_word_only_in_text_that_lands_later_is_completed_corrected_and_found(library, tmp_path, on_disk):
    index = SearchIndex.begin(library, tmp_path / "cache" if on_disk else None)
    index.prepare()
    assert index.completions("quokkal") == []
    index.finish(page_with("Some find that quokkaloo-style massage eases pain."))
    assert index.completions("quokkal") == ["quokkaloo"]  # the hyphenated word's part, as FTS5 indexes it
    assert index.correct("quokaloo") == "quokkaloo"
    assert refs(index, "quokkaloo")[0] == "pain"
    assert refs(index, "quokkal")[0] == "pain"  # an unfinished word, completed
    index.close()


def test_a_batch_that_cannot_be_written_keeps_its_words_for_the_next_try(library, tmp_path):
    index = SearchIndex.begin(library, tmp_path / "cache")
    read = page_with("Wombatine lotion is one more thing to ask about.")
    writer = index._writing()
    writer.execute("CREATE TRIGGER refuse BEFORE DELETE ON pending BEGIN SELECT RAISE(FAIL, 'disk is full'); END")
    writer.commit()
    with pytest.raises(sqlite3.Error):
        index.finish(read)
    assert index.pages_left == index.pages and refs(index, "wombatine") == []
    writer.execute("DROP TRIGGER refuse")
    writer.commit()
    index.prepare()
    index.finish(read)  # the next try: the same batch, its words told again
    assert index.completions("wombati") == ["wombatine"]
    assert refs(index, "wombatine")[0] == "pain"
    assert search._kept_words(index.db).count("wombatine") == 1
    index.close()


@pytest.mark.parametrize("broad", [1, 0])  # ranked in the text; or too common even for that: the first pages
def test_a_common_word_in_no_title_or_summary_still_finds_the_pages_that_use_it(library, monkeypatch, broad):
    index = SearchIndex.open(library, None)
    monkeypatch.setattr(search, "BROAD", broad)  # "walking": in 2 pages' text, so "very common" here
    walking = index._idea("walking").match  # "walking" and its other forms ("walk")
    assert index._count_matches(walking) == 2 and index._count_matches(walking, "strong") == 0
    found = index.search("walking", 12)
    assert len(found.results) == 2 and not found.nearest  # before: "No results", and the nearest pages
    for result in found.results:
        assert "walk" in index.page_text(result.ref, 100_000).lower()  # "walking", "walk": one stem
    index.close()


def test_a_word_of_text_landed_is_known_before_the_last_page_is_in(library):
    """The words of the text are learnt from the index when the last page lands; before that, a word of a
    batch already in is still found, completed and never "corrected" to another word."""
    index = SearchIndex.begin(library, None)
    index.prepare()
    first = index.db.execute("SELECT ref FROM pending ORDER BY rowid LIMIT 1").fetchone()[0]
    left = index.add_text(lambda topic: Rendered(parts=(), text="Quokkaloo massage." if topic.id == first else ""), 1)
    assert left > 0
    assert index.correct("quokkaloo") == "quokkaloo" and index.starts_a_word("quokka")
    assert index.completions("quokka") == ["quokkaloo"] and index.words_starting("quokk", 5) == ["quokkaloo"]
    found = index.search("quokkaloo", 5)
    assert found.corrected == "" and [r.ref for r in found.results] == [first]
    index.close()


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("kayaks", "She likes kayaking."),  # another form of a word
        ("kayaking", "A kayak trip."),
        ("marmalades", "Orange marmalade."),
        ('"orange kayak"', "Two orange kayaks."),  # a phrase: its words' forms
    ],
)
def test_a_word_finds_its_other_forms_in_text(library, query, text):
    index = SearchIndex.begin(library, None)
    index.finish(lambda topic: Rendered(parts=(), text=text if topic.id == "pain" else ""))
    index.prepare()
    assert "pain" in refs(index, query)
    index.close()


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_page_whose_text_holds_a_lone_surrogate_is_still_indexed(library, tmp_path, on_disk):
    """Text with a lone surrogate (from a file name that is not UTF-8) is stored with "?" in its place;
    other text, accents and curly quotes alike, is stored as it is, and the pages after it too."""
    index = SearchIndex.begin(library, tmp_path / "cache" if on_disk else None)
    texts = {"pain": "Zebrafish\udcff notes. Café’s menu.", "feelings": "Quokka\u2019s notes."}
    index.finish(lambda topic: Rendered(parts=(), text=texts.get(topic.id, "")))
    assert index.page_text("pain") == "Zebrafish? notes. Café’s menu."
    assert index.page_text("feelings") == "Quokka’s notes."
    assert refs(index, "zebrafish")[0] == "pain"
    assert refs(index, "quokka")[0] == "feelings"
    index.close()


def test_the_words_learnt_as_the_last_text_lands_wait_for_quiet_moments_between_short_steps(library, monkeypatch):
    """As the last batch lands, every word of the index joins the vocabulary of the searches. Done in calls over
    all the words at once (NCI: 60,000) it held Python's lock 10-50 ms, a key waited, and it ran while a patient
    typed; now in short steps, the index's wait for a quiet moment (the window's, between keys) before each."""
    from sbc_desktop.content import learn_steps

    monkeypatch.setattr(learn_steps, "STEP", 3)
    index = SearchIndex.begin(library, None)
    index.prepare()
    index.search("pain", 5)  # the vocabulary loaded, as by the window's first search: it is grown, not loaded again
    new = [f"zorbling{a}{b}" for a in "abcdef" for b in "abcdef"]
    written: list[bool] = []
    keep = search._keep_words
    monkeypatch.setattr(search, "_keep_words", lambda db, words: (written.append(True), keep(db, words)))
    waits_after = []
    while index.add_text(page_with(" ".join(reversed(new))), before_page=lambda: waits_after.append(bool(written))):
        pass
    assert written and sum(waits_after) >= len(new) // 3  # a wait before each step, once the text was in
    assert index.completions("zorblingc") == [f"zorblingc{b}" for b in "abcdef"]
    assert index._vocabulary == tuple(sorted(index._vocabulary)) and set(new) <= set(index._vocabulary)
    assert index.correct("zorblingcx") in new  # (the groups by letter grown too)
    index.close()


def test_the_words_are_split_and_joined_a_piece_at_a_time_with_none_lost(monkeypatch):
    monkeypatch.setattr(search, "WORDS_STEP", 16)  # pieces of a few words: every cut falls near a word
    joined = " ".join(["bone", "scan", "x1", "caf\u00e9", "2026", "lymphoedema", "ab", "spread", "tamoxifen"] * 7)
    words = search._letter_words(joined)
    assert words == [w for w in joined.split() if w.isalpha()]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    search._keep_words(db, words)
    assert search._kept_words(db) == words
