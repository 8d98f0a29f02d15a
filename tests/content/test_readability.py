"""The reading grade `check` reports is textstat's own Flesch-Kincaid grade, however it is counted."""

from __future__ import annotations

import sys

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from sbc_desktop.content.editorial import grade_of, readable_blocks
from sbc_desktop.content.readability import flesch_kincaid_grade

TEXTS = [
    "The cat sat on the mat. It was a warm day and the sun was out.",
    "Metastatic adenocarcinoma necessitates individualised multidisciplinary therapeutic consideration.",
    "Don't worry: it's 'fine'. Dr. Smith's PET-CT scan (in 2024) showed CDK4/6 inhibitors—and more... "
    "Ask your team! What's next? Well; we'll see.",
    "",
    "...",
    "One two three",
    "Ça va? Naïve café résumé. Über-große Wörter, 12.5 mg/m² twice a day.",
]


def test_same_grade_as_textstat():
    for text in TEXTS:
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), text


def test_same_grade_on_the_built_in_pages(builtin_dir):
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer

    library = load_library(builtin_dir)

    renderer = Renderer(library)
    for topic in library.topics.values():
        text = renderer.rendered(topic).text.replace("\n", ". ")
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), topic.id


def test_the_quick_counts_are_textstats_on_real_pages():
    """Words and sentences are counted without textstat's per-sentence regular expressions: the same numbers."""
    from sbc_desktop.content import readability
    from tests.conftest import CORPORA

    assert readability._counts_like_textstat(textstat)
    if not (CORPORA / "nci-pages").is_dir():
        pytest.skip("../shared/corpora is not here")  # as the other tests of real pages
    pages = sorted((CORPORA / "nci-pages").rglob("*.md"))[:12]
    assert pages, "the NCI corpus is there but holds no pages"
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), path.name


def test_a_textstat_that_counts_otherwise_is_followed(monkeypatch):
    from sbc_desktop.content import readability

    class Odd:
        def __getattr__(self, name):
            return getattr(textstat, name)

        def lexicon_count(self, text):
            return textstat.lexicon_count(text) + 1

    odd = Odd()
    assert not readability._counts_like_textstat(odd)
    text = TEXTS[2]
    assert flesch_kincaid_grade(text, odd) != textstat.flesch_kincaid_grade(text)


def test_a_word_met_again_in_other_capitals_or_punctuation_counts_as_textstat_counts_it():
    """Syllables are kept per word, across pages: a word seen first as "cancer" and later as "CANCER,",
    "(Cancer" or "DON'T" (whose apostrophe textstat removes, unlike "don't"'s) still counts as textstat says."""
    from sbc_desktop.content import readability

    first = "Don't stop: cancer care, chemotherapy and naïve café visits go on. You would've known. " * 3
    later = [
        "DON'T STOP: CANCER CARE, CHEMOTHERAPY AND NAÏVE CAFÉ VISITS GO ON. " * 3,
        "(Cancer) Don'T, dON'T, 'cancer' rock'n'roll ROCK'N'ROLL -- ... ; Chemotherapy's CHEMOTHERAPY'S. " * 3,
        "You would've known. YOU WOULD'VE KNOWN. That'll help; THAT'LL HELP. Could've, COULD'VE! " * 3,
        "İstanbul İSTANBUL ǅemal ß SS STRASSE straße ﬁne FINE. Ångström ÅNGSTRÖM.",
    ]
    readability._PIECES.clear()
    readability._SYLLABLES.clear()
    for text in [first, *later, first]:
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), text


def test_sentences_and_words_are_counted_as_textstat_counts_them_whatever_the_punctuation():
    """Short sentences (two words or fewer) are found without a Python step for most sentences: the same
    counts as textstat's on sentences that start with punctuation, dashes between words, lone marks..."""
    import random

    from sbc_desktop.content import readability

    pool = ["a", "Dr.", "-", "–", "(see", "it's", "'tis", "--", "...", "?", "!", "2.5", "mg/m²", "x-ray", "e.g.",
            "(", ")", "'", "word", "Word,", "“quoted”", "\u00a0", "\t", "\n", "ok;", "*"]  # fmt: skip
    rng = random.Random(14)
    for _ in range(400):
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(0, 14)))
        assert readability._sentences(text) == textstat.sentence_count(text), repr(text)
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), repr(text)


def test_numbers_are_one_syllable_as_textstat_counts_them_and_words_with_digits_are_still_asked():
    import random

    from sbc_desktop.content import readability

    assert readability._numbers_are_one_syllable(textstat)
    signs = "0123456789" + '!"#$%&()*+,-./:;<=>?@[\\]^`{|}~'
    rng = random.Random(14)
    numbers = ["".join(rng.choice(signs) for _ in range(rng.randint(1, 25))) + str(n) for n in range(300)]
    not_numbers = ["cdk4", "4t1", "e2", "1_000", "it's2", "12'5", "²", "٣", "h2o", "3D", "x.5"]
    assert all(readability._is_number(word) for word in numbers)
    assert not any(readability._is_number(word) for word in not_numbers)
    readability._PIECES.clear()
    readability._SYLLABLES.clear()
    for word in numbers + not_numbers:
        text = f"The {word} value was measured ({word}) and {word}, again. " * 3
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), word


def _many_words(builtin_dir) -> list[str]:
    """Words of the built-in pages, random letters (with digits and marks) and the hard samples."""
    import random

    from sbc_desktop.content import readability
    from sbc_desktop.content.loader import load_library

    library = load_library(builtin_dir)
    words = {word for topic in library.topics.values() for word in topic.body.split()}
    rng = random.Random(14)
    letters = "abcdefghijklmnopqrstuvwxyzéöß'-"
    words |= {"".join(rng.choice(letters) for _ in range(rng.randint(1, 30))) for _ in range(3000)}
    words |= {"".join(rng.choice(letters + "0123456789.[]") for _ in range(rng.randint(1, 12))) for _ in range(500)}
    words |= set(readability._HARD_WORDS) | {"trastuzumab", "pertuzumab", "ribociclib", "fulvestrant", "lymphoedema"}
    return sorted(words)


def test_many_words_syllables_are_textstats_own_counted_at_once(builtin_dir):
    """Syllables of many words at once (the CMU dictionary, else pyphen's points found by one pass of an
    Aho-Corasick automaton of its patterns): the same as textstat's word by word, on words it knows, words it
    hyphenates and oddities."""
    from sbc_desktop.content import readability

    words = _many_words(builtin_dir)
    counter = readability._syllable_counter(textstat)
    assert counter.__name__ == "counts"  # the installed textstat counts as _Syllables does: that is what is used
    assert counter.__self__.automaton is not None
    assert counter(words) == [textstat.syllable_count(word) for word in words]
    assert counter([]) == []


def test_without_pyahocorasick_pyphens_points_are_found_a_place_at_a_time(builtin_dir, monkeypatch):
    from sbc_desktop.content import readability

    monkeypatch.setitem(sys.modules, "ahocorasick", None)  # (import fails)
    counter = readability._Syllables(textstat)
    assert counter.automaton is None
    words = _many_words(builtin_dir)
    assert counter.counts(words) == [textstat.syllable_count(word) for word in words]


def test_a_textstat_that_counts_otherwise_counts_its_own_way():
    from sbc_desktop.content import readability

    class Other:
        _Other__lang = "en_US"

        def syllable_count(self, word):
            return 7

    other = Other()
    counter = readability._syllable_counter(other)
    assert counter.__name__ == "one_by_one"
    assert readability._syllables_of(["cancer", "", "2019"], other) == [7, 0, 7]  # (numbers too: it says 7)


def test_a_full_table_of_pieces_is_started_again_and_the_grade_stays_textstats(monkeypatch):
    """Past the most pieces kept, the table starts again: a page whose other pieces were known before must
    still be graded (it raised a KeyError, and a large folder's grades were then "not measured")."""
    from sbc_desktop.content import readability

    readability._PIECES.clear()
    first, second = TEXTS[0], TEXTS[0] + " " + TEXTS[1]
    assert flesch_kincaid_grade(first) == textstat.flesch_kincaid_grade(first)
    monkeypatch.setattr(readability, "_MOST_PIECES", len(readability._PIECES) + 2)
    assert flesch_kincaid_grade(second) == textstat.flesch_kincaid_grade(second)
    assert flesch_kincaid_grade(first) == textstat.flesch_kincaid_grade(first)
    assert len(readability._PIECES) <= len(set(second.split()))


def test_a_page_with_a_few_new_pieces_among_known_ones_counts_each_time_they_are_met():
    """A page's new pieces count 0 in its one sum and are added once learnt: as many times as the page has them
    (here one new word three times, and a new number, among words already known), with the grade textstat's."""
    from sbc_desktop.content import readability

    readability._PIECES.clear()
    known = TEXTS[0]
    assert flesch_kincaid_grade(known) == textstat.flesch_kincaid_grade(known)
    new = f"{known} Zolbetuximab helps. It is zolbetuximab, and Zolbetuximab again. Page 18,437, here."
    assert {"Zolbetuximab", "zolbetuximab,", "18,437,"}.isdisjoint(readability._PIECES)
    assert flesch_kincaid_grade(new) == textstat.flesch_kincaid_grade(new)
    assert not readability._PIECES.unknown and "18,437," in readability._PIECES
    assert flesch_kincaid_grade(new) == textstat.flesch_kincaid_grade(new)  # (all known now)


PIECE = st.text(alphabet="aZé1'.:;!?,-()[]*\u2014\u00e9_\u00b2", min_size=1, max_size=8)
BLOCKS = st.lists(st.lists(PIECE, min_size=1, max_size=12).map(" ".join), max_size=20)


@settings(max_examples=300, deadline=None)
@given(blocks=BLOCKS)
def test_the_blocks_pieces_give_the_grade_of_the_readable_text(blocks):
    """check grades a page from the pieces its walk split (no full stops added): the same grade as its text's
    own pieces (each block not ending a sentence ends with a full stop there)."""
    blocks = [" ".join(block.split()) for block in blocks]
    text = readable_blocks(blocks)
    pieces = " ".join(blocks).split()
    assert flesch_kincaid_grade(text, textstat, pieces) == flesch_kincaid_grade(text, textstat)
    assert grade_of(text, textstat, pieces) == grade_of(text, textstat)
    long = blocks * 20
    text = readable_blocks(long)
    assert grade_of(text, textstat, " ".join(long).split()) == grade_of(text, textstat)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="a1_é²½٣ .!?:;,)]*'\"\u2014\u00a0\n-", min_size=1, max_size=6), max_size=12))
def test_a_block_ends_a_sentence_as_the_pattern_says(blocks):
    """readable_blocks decides most blocks from their last character: as the pattern's search over the whole
    block decides (a letter, digit, "_", a number such as "²" or "½" are word characters; "\u2014" is not)."""
    from sbc_desktop.content import editorial

    def by_the_pattern(blocks):
        return " ".join(b if editorial._ENDS_SENTENCE.search(b) else b + "." for b in blocks if b)

    assert readable_blocks(blocks) == by_the_pattern(blocks)
