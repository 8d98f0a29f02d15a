"""Two words typed without the space between them find what the two words find ("sideeffects": side effects).

Before, "sideeffects" (a lay word for side effects) listed "Side effects and coping with them" third, after
palliative care, and "bonepain", "hotflushes" or "breastcancer" found nothing at all."""

from __future__ import annotations

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex
from tests.helpers import make_content


def refs(response) -> list[str]:
    return [result.ref for result in response.results]


@pytest.mark.parametrize(
    ("typed", "spaced"),
    [
        ("sideeffects", "side effects"),  # a lay word too: its phrase is the one the patient means
        ("bonepain", "bone pain"),
        ("hotflushes", "hot flushes"),
        ("breastcancer", "breast cancer"),
        ("sideefects", "side effects"),  # misspelt as well: corrected to the lay word, then split
        ("straightaway", "straight away"),  # an English word, split only into a lay phrase
        # A half that is only a lay word (review15 m3): "bonemets" found "benefits"; the others nothing.
        ("bonemets", "bone mets"),  # "mets": a lay word no page holds
        ("livermets", "liver mets"),  # a lay phrase
        ("brainmets", "brain mets"),
        ("lungmets", "lung mets"),  # (not "lungs", three letters away)
        ("hotflush", "hot flush"),  # "flush": the pages hold "flushes"
        ("stage4", "stage 4"),  # a word ending in a number
    ],
)
def test_words_run_together_find_what_the_two_words_find(index, typed, spaced):
    expected = refs(index.search(spaced, 5))
    assert expected
    for query in (typed, typed + " ", f"my {typed} "):  # still being typed, finished, in a longer query
        response = index.search(query, 5)
        assert refs(response)[0] == expected[0], query
        assert spaced in response.corrected, query  # "Showing results for: side effects"
    assert refs(index.search(typed, 5)) == expected[: len(refs(index.search(typed, 5)))]


def test_a_side_effects_search_puts_the_side_effects_page_first(index):
    assert refs(index.search("sideeffects", 5))[0] == "side-effects"


@pytest.mark.parametrize(
    "word",
    [
        "painkillers",  # a word of the pages: never two words ("pain killers")
        "workout",  # an English word: not "work out", though the pages say "work out"
        "sometime",
    ],
)
def test_a_word_of_the_pages_or_of_english_is_not_split(index, word):
    assert index.search(word + " ", 5).corrected == ""


def test_a_start_of_a_word_of_the_pages_is_not_split_while_typed(tmp_path):
    """ "painkill" may become "painkiller", a word of these pages: not yet "pain kill"; finished, it is."""
    root = make_content(tmp_path / "c", {"a": "Some say pain kill joy.", "b": "Take a painkiller."})
    idx = SearchIndex.open(load_library(root), None)
    try:
        assert idx.search("painkill", 5).corrected == ""
        assert refs(idx.search("painkill", 5)) == ["b"]
        assert idx.search("painkill ", 5).corrected == "pain kill"
        assert refs(idx.search("painkill ", 5))[0] == "a"
    finally:
        idx.close()


def test_a_slip_for_a_commoner_word_of_the_pages_is_that_word_not_two(tmp_path):
    """ "medcare" is "medicare" with a letter left out (on the NCI pages it became "med care", found on a page
    or two): the word found on more pages wins."""
    pages = {"a": "Medicare pays for it.", "b": "Ask Medicare.", "c": "Medicare may help.", "d": "The med care team."}
    idx = SearchIndex.open(load_library(make_content(tmp_path / "c", pages)), None)
    try:
        assert idx.search("medcare ", 5).corrected == "medicare"
        idx.close()
        pages.update(e="Our med care nurses.", f="Good med care.", g="More med care.")
        idx = SearchIndex.open(load_library(make_content(tmp_path / "d", pages)), None)
        assert idx.search("medcare ", 5).corrected == "med care"  # (now the two words are on more pages)
    finally:
        idx.close()


def test_a_library_without_lay_words_of_its_own_finds_what_the_patient_means_by_mets(tmp_path):
    """Imported pages (the NCI's) say "metastases" and "hot flashes": search lends them the words patients use
    (content/patient_words.py), run together or not; "stage4" is what "stage 4" is."""
    pages = {
        "bone": "Bone metastases: cancer that has spread to the bones. Bones can ache.",
        "primary": "Primary bone cancer starts in the bone. A bone scan shows it. Benefits of a bone scan.",
        "liver": "Liver metastases may cause jaundice. The liver is large.",
        "flashes": "Hot flashes are common with hormone therapy.",
        "advanced": "Stage IV breast cancer has spread to other organs.",
        "stages": "Stage 1, stage 2, stage 3 and stage 4 breast cancer.",
    }
    idx = SearchIndex.open(load_library(make_content(tmp_path / "c", pages)), None)
    try:
        for query, meant in (
            ("bonemets", "bone"),
            ("bone mets", "bone"),
            ("livermets", "liver"),
            ("hotflush", "flashes"),
            ("hot flushes", "flashes"),
            ("stage4", "stages"),
        ):
            assert refs(idx.search(query + " ", 5))[:1] == [meant], query
        assert idx.search("bonemets ", 5).corrected == "bone mets"  # (not "benefits")
    finally:
        idx.close()
