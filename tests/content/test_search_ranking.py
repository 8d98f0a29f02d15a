"""Ranking in patients' own words (review7 m2, session 26): a page holding more of the patient's words, or the
exact word, comes before a page that matches one word's distant form or only its title. The words as typed
count more than other words for them, and those more than the words an unfinished word may become; a title
earns its bonus for another word as that word is written, not another of its forms; and a word found in a third
of the pages says less about what is wanted than a rarer one."""

from __future__ import annotations

import re

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex
from tests.helpers import make_content, topic, write


def refs(index, query, n=5):
    return [r.ref for r in index.search(query, n).results]


@pytest.mark.parametrize("query", ["can it be cured", "can it be cured ", "will it be cured"])
def test_pages_that_say_cured_come_before_a_title_with_another_form_of_another_word(index, query):
    """The page "Pain and how it can be controlled" was second for "can it be cured": "controlled" is a form of
    "control", another word for cure, and it earned the title bonus besides."""
    found = refs(index, query)
    assert found[0] == "why-no-cure"
    assert "pain" not in found[:3], found
    for says_cured in ("feelings", "what-is-it"):
        assert says_cured in found and (found.index(says_cured) < found.index("pain") if "pain" in found else True)


@pytest.mark.parametrize("query", ["don't want treatment", "dont want treatment "])
def test_a_rarer_word_of_the_question_counts_for_more_than_a_common_one(index, query):
    """The word "want" is in a tenth of the pages, "treatment" in a third: "Planning ahead" (saying what care you do not
    want) came fifth, after three pages that hold "treatment" in their titles but never "want"."""
    found = refs(index, query)
    assert "planning-ahead" in found[:2], found
    for only_treatment in ("treatment", "easing-symptoms-treatments"):
        assert only_treatment not in found or found.index(only_treatment) > found.index("planning-ahead")


@pytest.mark.parametrize("query", ["cant poo", "can't poo", "cant poo "])
def test_a_snippet_marks_the_words_searched_not_words_that_start_like_them(index, query):
    """The snippet of "Side effects" marked "[poor] sleep" for "poo": the mark showed a match that was none."""
    results = index.search(query, 8).results
    marked = {m.lower() for r in results for m in re.findall(r"\[([^\]]+)\]", r.snippet_marked())}
    assert marked and "poor" not in marked and "poorly" not in marked, marked
    assert "poo" in marked


def test_an_unfinished_word_is_still_marked_as_a_start(index):
    snippets = [r.snippet_marked() for r in index.search("hormo", 3).results]
    assert any("[Hormone" in s or "[hormone" in s for s in snippets), snippets


def test_the_word_as_typed_beats_a_title_holding_another_form_of_another_word_for_it(tmp_path):
    root = make_content(tmp_path / "c", {"cure": "x", "pain": "x", "other": "x"})
    write(root / "topics" / "cure.md", topic("cure", "Some people ask if it can be cured. It cannot.", title="Hope"))
    write(root / "topics" / "pain.md", topic("pain", "Most pain can be eased.", title="Pain and how it is controlled"))
    write(root / "topics" / "other.md", topic("other", "Treatment aims to control the cancer.", title="Control"))
    write(root / "lay-terms.yaml", "lay_terms:\n  - words: [cure, cured]\n    means: [cure, control]\n")
    index = SearchIndex.open(load_library(root), None)
    for query in ("cured", "cured "):
        found = refs(index, query)
        # The patient's word in the text, and the title "Control" (another word for it, as written: a title
        # names what a page is about, as "Palliative care" does for "hospice") before "controlled" in a title.
        assert found[-1] == "pain" and set(found) == {"cure", "other", "pain"}, found
    index.close()


def test_the_exact_word_beats_the_words_an_unfinished_word_may_become(tmp_path):
    root = make_content(
        tmp_path / "c",
        {
            "poor": "Poor sleep, a poor appetite and feeling poorly are common. Poor days pass.",
            "poo": "Tell your nurse if your poo changes.",
        },
    )
    index = SearchIndex.open(load_library(root), None)
    assert refs(index, "poo") == ["poo", "poor"]  # still typing: "poor" may be meant, but "poo" is a word
    index.close()
