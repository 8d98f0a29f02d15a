"""The words search knows for spelling and completions, found by SQLite's own tokenizer (issue 14).

The words of the pages' text are found in C, off Python's lock, on a thread beside the
writes of the text: they must be the words FTS5 indexes (so a completion or a short start
searched as its words finds the pages), and a batch that cannot be written must not lose them.
"""

from __future__ import annotations

import sqlite3

import pytest

from sbc_desktop.content import search
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.rendered import Rendered
from sbc_desktop.content.search import SearchIndex, _Spelling

from .test_search_growing import refs


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir, check_links=False)


def test_words_are_lower_case_letters_of_three_or_more_each_told_once():
    spelling = _Spelling()
    found = spelling.new_words(["Zoledronic acid, a well-being café: HER2 and 5mg at 10:30.", "", "Ab it's"])
    assert found == {"zoledronic", "acid", "well", "being", "café", "and"}  # split where FTS5 splits
    assert spelling.new_words(["ACID again", "zoledronic"]) == {"again"}  # only what no call returned
    spelling.forget({"again"})  # its batch was not kept: told again next time
    assert spelling.new_words(["again"]) == {"again"}
    spelling.close()


def test_long_texts_are_handed_over_in_a_few_pieces_with_every_word():
    texts = [f"word{n} plain{'x' * (n % 7)} " * 50 for n in range(40)]
    pieces = list(search._joined(texts, most=3_000))
    assert 1 < len(pieces) < len(texts) and all(len(p) <= 3_000 + len(texts[0]) for p in pieces)
    assert "\n".join(pieces).split() == "\n".join(texts).split()
    assert _Spelling().new_words(texts) == {"plain" + "x" * n for n in range(7)}


def page_with(text):
    return lambda topic: Rendered(parts=(), text=text if topic.id == "pain" else "")


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
    assert index.db.execute("SELECT count(*) FROM vocabulary WHERE word = 'wombatine'").fetchone() == (1,)
    index.close()


@pytest.mark.parametrize("broad", [1, 0])  # ranked in the text; or too common even for that: the first pages
def test_a_common_word_in_no_title_or_summary_still_finds_the_pages_that_use_it(library, monkeypatch, broad):
    index = SearchIndex.open(library, None)
    monkeypatch.setattr(search, "BROAD", broad)  # "walking": in 2 pages' text, so "very common" here
    assert index._count_matches('"walking"') == 2 and index._count_matches('"walking"', "strong") == 0
    found = index.search("walking", 12)
    assert len(found.results) == 2 and not found.nearest  # before: "No results", and the nearest pages
    for result in found.results:
        assert "walk" in index.page_text(result.ref, 100_000).lower()  # "walking", "walk": one stem
    index.close()
