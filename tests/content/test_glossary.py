"""The glossary matcher and the links it puts into rendered pages."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sbc_desktop.content import glossary
from sbc_desktop.content.glossary import WORD_RE, TermMatcher, plurals
from sbc_desktop.content.library import GlossaryTerm
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.conftest import CORPORA
from tests.helpers import make_content


def term(term_id, name, *aliases):
    return GlossaryTerm(id=term_id, term=name, definition="d", aliases=list(aliases))


def found(matcher, text):
    return [(text[m.start : m.end], m.term_id) for m in matcher.finditer(text)]


MATCHER = TermMatcher([
    term("tumour", "tumour", "tumor"),
    term("secondary-tumour", "secondary tumour"),
    term("metastasis", "metastasis", "metastases", "metastatic"),
    term("biopsy", "biopsy"),
    term("pet-ct", "PET-CT scan", "PET scan"),
    term("stage-4", "stage 4"),
    term("all", "ALL"),
])  # fmt: skip


def test_aliases_plurals_and_case():
    text = "Tumors, a TUMOUR, two biopsies; Metastases and metastatic cells."
    assert found(MATCHER, text) == [
        ("Tumors", "tumour"), ("TUMOUR", "tumour"), ("biopsies", "biopsy"),
        ("Metastases", "metastasis"), ("metastatic", "metastasis"),
    ]  # fmt: skip


def test_whole_words_only():
    assert found(MATCHER, "tumourous backstage stage4 biopsyx pretumour") == []


def test_longest_match_wins_and_spans_words():
    assert found(MATCHER, "A secondary tumour. A secondary\n  tumour.") == [
        ("secondary tumour", "secondary-tumour"),
        ("secondary\n  tumour", "secondary-tumour"),
    ]
    assert found(MATCHER, "a PET-CT scan, a PET scan, stage 4.") == [
        ("PET-CT scan", "pet-ct"), ("PET scan", "pet-ct"), ("stage 4", "stage-4"),
    ]  # fmt: skip
    # Words split by punctuation are not one name.
    assert found(MATCHER, "secondary. Tumour") == [("Tumour", "tumour")]


def test_a_slash_joins_the_parts_of_a_name():
    matcher = TermMatcher([term("cdk", "CDK4/6 inhibitor"), term("her2", "HER2", "HER2/neu"), term("bone", "bones")])
    text = "CDK4/6 inhibitors and HER2/neu; CDK4 / 6 inhibitor; bones/liver; CDK4/6, inhibitor."
    assert found(matcher, text) == [
        ("CDK4/6 inhibitors", "cdk"), ("HER2/neu", "her2"), ("bones", "bone"),
    ]  # fmt: skip


def test_short_acronyms_match_only_in_capitals():
    assert found(MATCHER, "We all know ALL is a leukaemia.") == [("ALL", "all")]


def test_regular_plurals():
    assert plurals("biopsy") == ["biopsies"]
    assert plurals("lymph node") == ["lymph nodes"]
    assert plurals("stage 4") == []
    assert plurals("metastasis") == []
    assert plurals("day") == ["days"]


def render(tmp_path, body, glossary):
    library = load_library(make_content(tmp_path, {"a": body, "b": "B"}, glossary))
    return Renderer(library).topic_html(library.topic("a"))


GLOSSARY = """terms:
  - term: tumour
    aliases: [tumours]
    definition: A lump.
  - term: biopsy
    definition: A sample.
"""


def test_rendered_links_skip_headings_links_and_code(tmp_path):
    body = (
        "## A tumour heading\n\n"
        "See [tumour page](topic:b), `tumour` and\n\n    tumour in code\n\n"
        "Then a tumour here and a tumour again, and Biopsies."
    )
    html = render(tmp_path, body, GLOSSARY)
    assert '<h2 id="a-tumour-heading">A tumour heading</h2>' in html
    assert '<a href="topic:b">tumour page</a>' in html
    assert "<code>tumour</code>" in html and "tumour in code" in html
    assert html.count('href="term:tumour"') == 1  # the first use in the text is linked
    assert 'Then a <a class="term" href="term:tumour">tumour</a> here' in html
    assert '<a class="term" href="term:biopsy">Biopsies</a>' in html


def test_terms_inside_emphasis_and_lists(tmp_path):
    html = render(tmp_path, "- a *biopsy* now\n- **tumours** too", GLOSSARY)
    assert '<em><a class="term" href="term:biopsy">biopsy</a></em>' in html
    assert '<strong><a class="term" href="term:tumour">tumours</a></strong>' in html


def _nci_terms():
    path = CORPORA / "nci-glossary.json"
    if path.is_file():
        data = json.loads(path.read_text("utf-8"))["terms"]
        return [term(t["id"].lower(), t["TermName"]) for t in data if t and t.get("TermName")]
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(4, 9))) for _ in range(3000)]
    return [term(f"t{i}", " ".join(rng.sample(words, rng.randint(1, 3)))) for i in range(8092)]


@pytest.mark.timeout(30)
def test_eight_thousand_term_matcher_is_correct():
    terms = _nci_terms()
    assert len(terms) >= 7500
    matcher = TermMatcher(terms)
    rng = random.Random(11)
    chosen = [t for t in rng.sample(terms, 300) if t.term.replace("-", "").replace(" ", "").isalnum()]
    filler = "and then the patient said that"
    text = ". ".join(f"{filler} {t.term}" for t in chosen)
    hits = [(" ".join(text[m.start : m.end].lower().split()), m.term_id) for m in matcher.finditer(text)]
    names: dict[str, set[str]] = {}
    for entry in terms:
        for name in [entry.term, *plurals(entry.term)]:
            names.setdefault(" ".join(name.lower().split()), set()).add(entry.id)
    # No false matches: every hit is a real name of the term it reports.
    for span, term_id in hits:
        assert term_id in names.get(span, set()), (span, term_id)
    # Nothing missed: every chosen name is found whole (or inside a longer name).
    for entry in chosen:
        assert any(entry.term.lower() in span for span, _ in hits), entry.term


# -- the automaton's places against the plain word-by-word walk ------------------------------------
PROPERTY_TERMS = [
    term("tumour", "tumour", "tumor"),
    term("secondary", "secondary tumour"),
    term("breast", "breast"),
    term("breast-cancer", "breast cancer", "breast cancer stage 4"),
    term("tcga", "the cancer genome atlas"),  # its first word is no name alone
    term("the-big", "the big one"),
    term("pet-ct", "PET-CT scan", "PET scan"),
    term("all", "ALL"),
    term("cdk", "CDK4/6 inhibitor"),
    term("crohn", "Crohn's disease"),
    term("cafe", "café au lait"),
    term("x", "x"),
]
_PIECES = [
    "tumour", "Tumors", "secondary", "breast", "Breast", "cancer", "stage", "4", "the", "The", "big", "one",
    "genome", "atlas", "PET", "pet", "CT", "ct", "scan", "ALL", "all", "CDK4", "6", "inhibitor", "Crohn",
    "crohn", "s", "disease", "café", "CAFÉ", "au", "lait", "x", "X", "word",
]  # fmt: skip
_GAPS = [
    " ", "  ", "   ", "    ", "/", " / ", "-", "--", "'", "\u2019", "\u00a0", "\u2009", "_", ", ", ". ", "\n", "–", "é",
    "(", "",
]  # fmt: skip


def _reference(matcher, text):
    """The plain walk: every word of the text, one at a time (what the automaton only narrows down)."""
    spans = [(m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in WORD_RE.finditer(text)]
    return list(matcher._walk(text, spans))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=14))
def test_the_automaton_finds_what_the_word_by_word_walk_finds(pieces):
    text = "".join(word + gap for word, gap in pieces)
    matcher = TermMatcher(PROPERTY_TERMS)
    assert list(matcher.finditer(text)) == _reference(matcher, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=40),
    st.sets(st.sampled_from([t.id for t in PROPERTY_TERMS])),
)
def test_terms_a_page_has_linked_may_be_left_out_and_the_rest_stay_the_same(pieces, linked):
    # A page links each term once: a long text's words of terms linked already need not be matched.
    text = "".join(word + gap for word, gap in pieces) + " tumour breast x." * 12  # long: not kept
    assert len(text) > glossary.RECENT_CHARS
    matcher = TermMatcher(PROPERTY_TERMS)
    got = list(matcher.finditer(text, linked))
    assert [m for m in got if m.term_id not in linked] == [
        m for m in _reference(matcher, text) if m.term_id not in linked
    ]
    if "tumour" in linked:  # names of one word no longer name starts with, linked before: not matched at all
        assert "tumour" not in {m.term_id for m in got}


def test_names_added_after_a_text_are_found_and_without_the_automaton_too(monkeypatch):
    matcher = TermMatcher(PROPERTY_TERMS)
    text = "The Cancer Genome Atlas, a PET scan  and ALL; the big  one/CDK4 6 inhibitor, Crohn's disease, lait."
    expected = _reference(matcher, text)
    assert [m.term_id for m in expected] == ["tcga", "pet-ct", "all", "the-big", "cdk", "crohn"]
    assert list(matcher.finditer(text)) == expected
    matcher.add("lait", "milk")  # a name added after the automaton was built is found
    assert [m.term_id for m in matcher.finditer(text)] == ["tcga", "pet-ct", "all", "the-big", "cdk", "crohn", "milk"]
    monkeypatch.setattr(glossary, "ahocorasick", None)  # no automaton: the words split in Python
    assert list(matcher.finditer(text)) == _reference(matcher, text)


def test_a_character_beyond_ascii_joins_a_word_if_it_is_a_letter_or_digit_and_parts_words_if_not():
    # Every character beyond ASCII up to U+2FFF (but the apostrophe U+2019, and those longer in lower case, which
    # are matched word by word): "xy", the character, "zz" holds the name "xy" only where the character is no
    # part of a word (str.isalnum), in the automaton's marks of a long text.
    matcher = TermMatcher([term("xy", "xy")])
    chars = [chr(code) for code in range(0x80, 0x3000) if code != 0x2019 and len(chr(code).lower()) == 1]
    for start in range(0, len(chars), 40):
        chunk = chars[start : start + 40]
        text = " ".join(f"xy{char}zz" for char in chunk)
        assert len(text) > glossary.RECENT_CHARS
        found = {m.start // 6 for m in matcher.finditer(text)}  # (each "xy?zz " is 6 characters)
        assert found == {i for i, char in enumerate(chunk) if not char.isalnum()}, chunk
