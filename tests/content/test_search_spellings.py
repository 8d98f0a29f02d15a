"""British and American spellings, and rare words that are slips for common ones (review8 m3).

A patient types the spelling they know: "anaemia" on American pages (the NCI's), "tumor" on British ones (the
built-in content). Each spelling is searched as a form of the other, where the library holds it; a correction is
shown in the library's own spelling ("diarea": diarrhoea on British pages); and a rare English word the library
does not hold, one letter from a far commoner word it does, is that word ("brest", a French town: breast).
"""

from __future__ import annotations

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex
from sbc_desktop.content.spellings import other_spellings
from tests.helpers import make_content, topic, write


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("anaemia", "anemia"),
        ("haemoglobin", "hemoglobin"),
        ("leukaemia", "leukemia"),
        ("paediatric", "pediatric"),
        ("oedema", "edema"),
        ("lymphoedema", "lymphedema"),
        ("oesophageal", "esophageal"),
        ("oestrogen", "estrogen"),
        ("diarrhoea", "diarrhea"),
        ("dyspnoea", "dyspnea"),
        ("foetus", "fetus"),
        ("coeliac", "celiac"),
        ("tumour", "tumor"),
        ("tumours", "tumors"),
        ("behaviour", "behavior"),
        ("randomised", "randomized"),
        ("organisation", "organization"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("fibre", "fiber"),
        ("analogue", "analog"),
        ("counselling", "counseling"),
        ("enrolment", "enrollment"),
        ("ageing", "aging"),
        ("anaesthetised", "anesthetized"),  # two differences in one word
    ],
)
def test_each_spelling_gives_the_other(british, american):
    assert american in other_spellings(british)
    assert british in other_spellings(american)


@pytest.mark.parametrize("word", ["shoe", "poet", "does", "four", "pour", "hour", "vertebrae", "prize"])
def test_no_rule_makes_another_word_of_a_word_that_is_no_spelling(word):
    """ "oe" is a British spelling only as in oedema, oesophagus, oestrogen, foetus and diarrhoea (never "shoe":
    "she", nor "poet": "pet"); "ae" at a word's end is a Latin plural; "our" after one letter is no "-our" ending."""
    made = other_spellings(word)
    assert not {"she", "pet", "des", "for", "por", "hor", "vertebre", "prise"} & set(made), made


PAGES = {  # American pages, as the NCI's are
    "anemia": ("Anemia and cancer treatment", "Anemia means too few red blood cells. A blood test measures "
               "hemoglobin. Anemia can make you tired."),
    "edema": ("Edema (swelling) and cancer", "Edema is swelling caused by fluid. Lymphedema is edema of an arm."),
    "diarrhea": ("Diarrhea and cancer", "Diarrhea means loose, watery stools. Drink plenty when you have diarrhea."),
    "esophageal": ("Esophageal cancer", "Esophageal cancer starts in the esophagus, the tube to the stomach."),
    "tests": ("Blood tests", "Many tests look at your blood. Your team will say what each test is for."),
}  # fmt: skip


@pytest.fixture(scope="module")
def american(tmp_path_factory):
    root = make_content(tmp_path_factory.mktemp("us") / "content", {ref: body for ref, (_t, body) in PAGES.items()})
    for order, (ref, (title, body)) in enumerate(PAGES.items()):
        write(root / "topics" / f"{ref}.md", topic(ref, body, title=title, order=order))
    for n in range(25):  # a word in many pages: "breast"
        page = topic(f"breast-{n}", "Breast care.", title=f"Breast {n}", order=9 + n)
        write(root / "topics" / f"breast-{n}.md", page)
    index = SearchIndex.open(load_library(root), None)
    index.prepare()
    yield index
    index.close()


@pytest.mark.parametrize(
    ("typed", "page"),
    [("anaemia", "anemia"), ("oedema", "edema"), ("diarrhoea", "diarrhea"), ("oesophageal cancer", "esophageal")],
)
def test_a_british_spelling_finds_the_american_page_first(american, typed, page):
    """Before, "anaemia" found nothing on American pages (on the NCI's, three myelodysplastic pages that spell it
    the British way once), "oedema" nothing; now each is the page's own word, found first, no correction shown."""
    for query in (typed, typed + " "):  # still being typed, and finished
        response = american.search(query, 5)
        assert [r.ref for r in response.results][:1] == [page], query
        assert response.corrected == ""  # the same word, spelt the other way: nothing to correct


def test_the_other_spelling_is_marked_in_the_snippet_and_highlighted_on_the_page(american):
    response = american.search("haemoglobin ", 5)
    best = response.results[0]
    assert best.ref == "anemia" and "[hemoglobin]" in best.snippet_marked()
    assert "hemoglobin" in response.words  # the reader marks it on the page


def test_a_correction_is_shown_in_the_librarys_own_spelling(american, index):
    """ "diarea": the common English (and American) "diarrhea"; on British pages, their "diarrhoea"."""
    assert american.search("diarea ", 5).corrected == "diarrhea"
    response = index.search("diarea ", 5)
    assert response.corrected == "diarrhoea" and response.results[0].ref == "side-effects"


def test_an_american_spelling_finds_what_the_british_one_does_on_the_built_in_pages(index):
    """Before, "estrogen" found one glossary word (the alias of "oestrogen receptor"), and "tumor" and "anemia" put
    the glossary's "tumour" and "anaemia" second: the title bonus was for the word as typed, in its spelling."""
    for british, american_word in (("tumour", "tumor"), ("oestrogen", "estrogen"), ("anaemia", "anemia")):
        typed = [r.ref for r in index.search(american_word, 5).results]
        assert typed[:3] == [r.ref for r in index.search(british, 5).results][:3], american_word


def test_edema_finds_the_pages_about_swelling_on_the_built_in_pages(index):
    """Before, "edema" and "oedema" found nothing: the built-in pages say "swelling" and "lymphoedema"."""
    for typed in ("edema", "oedema"):
        refs = [r.ref for r in index.search(typed, 5).results]
        assert "lymphoedema" in refs[:3], (typed, refs)


def test_a_rare_word_one_letter_from_a_far_commoner_word_of_the_library_is_that_word(american, index):
    """ "brest" is English (a town in France), so it was never corrected: "No results for 'brest'"; on the NCI
    pages, where "brest" starts a few names, "brest cancer" found only the glossary's "cancer" words."""
    response = index.search("brest", 5)
    assert response.corrected == "breast" and "what-is-it" in [r.ref for r in response.results]
    response = index.search("brest cancer", 5)
    assert response.corrected == "breast cancer" and "breast" in response.results[0].title.lower()
    assert american.search("brest", 5).corrected == "breast"


def test_a_word_the_library_holds_or_a_common_word_is_never_taken_for_another(tmp_path):
    """ "caries" (in one page) is the library's word, though "carries" is commoner and in every other page;
    "bran", a common word the library does not hold, is not "brain"."""
    pages = {"teeth": "Dental caries is tooth decay."}
    pages |= {f"page-{n}": "Blood carries oxygen to the brain." for n in range(25)}
    index = SearchIndex.open(load_library(make_content(tmp_path / "c", pages)), None)
    index.prepare()
    assert index.search("caries ", 5).corrected == ""
    assert index.search("caries ", 5).results[0].ref == "teeth"
    assert index.search("bran ", 5).corrected == ""
    index.close()


@pytest.mark.parametrize("word", ["breast", "palliative"])
def test_a_word_being_typed_is_never_corrected_to_another(index, word):
    """Typing "breast" a letter at a time, "brea" said 'Showing results for "break"', and "pall" (palliative)
    "pale" (review9 S2): a start the patient may still be typing into a commoner word of the library is no slip.
    A whole rare word that is one, is ("brest": breast)."""
    for end in range(4, len(word) + 1):
        response = index.search(word[:end], 5)
        assert response.corrected == "", word[:end]
    assert index.search("brest", 5).corrected == "breast"
