"""The app's own content: every fact group, every glossary word, plain English."""

from __future__ import annotations

import re

import pytest

from sbc_desktop.content.glossary import TermMatcher
from sbc_desktop.content.loader import load_library

REQUIRED_TERMS = [
    "advanced breast cancer", "biopsy", "bloodstream", "bone scan", "chemotherapy", "CT scan",
    "early breast cancer", "hormone therapy", "immune system", "locally advanced breast cancer",
    "lymph nodes", "lymph vessels", "mammogram", "metastasis", "metastases", "metastatic",
    "PET-CT scan", "primary breast cancer", "quality of life", "radiotherapy", "drug resistance",
    "secondary tumour", "specialist nurse", "stage", "stage 4", "surgery", "symptom",
    "targeted cancer drugs", "TNM staging", "treatment team", "tumour", "ultrasound scan",
    # content brief 2, section 6
    "side effect", "palliative care", "fatigue", "peripheral neuropathy", "opioid",
    "breakthrough pain", "lymphoedema", "oncologist", "prognosis", "cell", "tissue", "organ",
]  # fmt: skip
TOPIC_IDS = [
    "what-is-it", "how-it-develops", "where-it-spreads", "locally-advanced", "why-no-cure", "tests",
    "treatment", "feelings", "the-future", "care-team", "questions-to-ask",
    "preparing-for-appointments", "sources-and-review",
    # content brief 2, section 2
    "side-effects", "pain", "palliative-care",
]  # fmt: skip


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir)


def body_text(topic):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", topic.body)
    return re.sub(r"[#*_`>|]", " ", text)


def test_every_topic_of_the_brief_is_there_with_its_metadata(library):
    assert sorted(library.topics) == sorted(TOPIC_IDS)
    assert len(library.sections) >= 5
    for topic in library.topics.values():
        assert topic.summary and topic.sources and topic.updated and topic.next_review
        assert topic.next_review > topic.updated


def test_every_required_glossary_word_is_matched(library):
    matcher = TermMatcher(library.glossary.values())
    for name in REQUIRED_TERMS:
        matches = list(matcher.finditer(name))
        assert len(matches) == 1 and matches[0].end - matches[0].start == len(name), name
    for term in library.glossary.values():
        assert 1 <= len(re.findall(r"[.!?](\s|$)", term.definition)) <= 3, term.term


def test_plain_english(library):
    """Short sentences for a reading age of 9 to 11 (about 15 words on average)."""
    for topic in library.topics.values():
        sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n\s*\n|\n- ", body_text(topic)) if s.strip()]
        lengths = [len(s.split()) for s in sentences]
        assert sum(lengths) / len(lengths) <= 15, topic.id
        assert max(lengths) <= 25, (topic.id, max(lengths))


def test_only_the_numbers_the_brief_gives(library):
    allowed = {"35,000", "4", "0808 800 4040", "9am", "5pm"}  # brief 1
    allowed |= {"999", "111", "116 123", "38"}  # brief 2 section 5: 999, NHS 111, Samaritans, 38°C
    allowed |= {"3", "0", "10", "2"}  # brief 2: stage 3; pain from 0 to 10; eat every 2 to 3 hours
    for topic in library.topics.values():
        if topic.id == "sources-and-review":
            continue  # the sources' own review dates
        numbers = re.findall(r"\d[\d,]*(?: \d{3} \d{4}| \d{3}(?![\d,]))?(?:am|pm)?", body_text(topic))
        numbers = {number.rstrip(",") for number in numbers}
        assert numbers <= allowed, (topic.id, numbers - allowed)


def test_key_facts_are_stated(library):
    text = {t.id: body_text(t).lower() for t in library.topics.values()}
    assert "35,000" in text["what-is-it"]
    assert "0808 800 4040" in text["care-team"]
    for place in ("bones", "liver", "lungs", "brain", "skin", "bowel"):
        assert place in text["where-it-spreads"], place
    for test in ("mammogram", "ultrasound", "biopsy", "ct scan", "pet-ct", "bone scan"):
        assert test in text["tests"], test
    for treatment in ("chemotherapy", "hormone therapy", "targeted"):
        assert treatment in text["treatment"], treatment
    questions = " ".join(library.topic("questions-to-ask").questions).lower()
    for words in ("diagnosis", "likely to happen", "treatment", "help"):
        assert words in questions, words


def sentences(topic):
    """The sentences of a topic (list items count as sentences), as lower-case words."""
    text = re.sub(r"^#+ .*$", "", body_text(topic), flags=re.M)
    for piece in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*- ", text):
        words = re.findall(r"[a-z0-9']+", piece.lower())
        if words:
            yield " ".join(words)


def test_no_sentence_is_repeated_across_topics(library):
    """A word is explained once in a topic and linked after that: no definition copied from topic to topic."""
    seen: dict[str, str] = {}
    repeated = []
    for topic in sorted(library.topics.values(), key=lambda t: t.id):
        for sentence in set(sentences(topic)):
            if len(sentence.split()) < 8:
                continue
            if sentence in seen:
                repeated.append((seen[sentence], topic.id, sentence))
            seen.setdefault(sentence, topic.id)
    assert repeated == []


def test_the_duplicate_check_finds_a_repeat(library, tmp_path):
    from tests.helpers import make_content

    same = "Your treatment team is the group of doctors and nurses who look after you."
    root = make_content(tmp_path, {"a": f"Hello.\n\n- {same}", "b": f"{same} Bye."})
    (a, b) = (load_library(root).topic(x) for x in ("a", "b"))
    assert set(sentences(a)) & set(sentences(b)) == {same.lower().rstrip(".")}


def test_sources_are_honest(library):
    """Every listed source was used by a topic, and the sources page names them all and endorses nothing."""
    cited = {key for topic in library.topics.values() if topic.id != "sources-and-review" for key in topic.sources}
    assert set(library.references) == cited, set(library.references) ^ cited
    page = library.topic("sources-and-review")
    assert set(page.sources) == set(library.references), set(library.references) ^ set(page.sources)
    text = " ".join(body_text(page).split())
    for name in ("US National Cancer Institute", "Breast Cancer Now", "Cancer Research UK", "endorsed"):
        assert name in text, name
    assert "No doctor or nurse has checked" in text
    assert all(topic.reviewed_by is None for topic in library.topics.values())  # nobody has, yet
    cruk = library.references["cruk"]
    assert (str(cruk.reviewed), str(cruk.next_review)) == ("2023-07-20", "2026-07-20")
    for key, reference in library.references.items():
        if key.startswith("nci-") and key != "nci-glossary":
            assert reference.publisher == "US National Cancer Institute" and reference.url and reference.reviewed, key


def test_figures_are_attributed(library):
    text = " ".join(body_text(library.topic("what-is-it")).split())
    (sentence,) = [s for s in re.split(r"(?<=[.!?])\s+", text) if "35,000" in s]
    assert "Breast Cancer Now" in sentence


def test_locally_advanced_is_kept_apart_from_secondary(library):
    text = " ".join(body_text(library.topic("locally-advanced")).split()).lower()
    for words in ("not about locally advanced", "aim of your own treatment", "local recurrence",
                  "regional recurrence", "distant recurrence", "second breast cancer"):  # fmt: skip
        assert words in text, words
    early = library.glossary["early-breast-cancer"].definition.lower()
    assert "skin" not in early and "chest wall" not in early
    assert not library.glossary["tumour"].definition.lower().startswith("a lump")


LAY_QUERIES = [
    ("side effects", "side-effects"), ("feeling sick", "side-effects"), ("tired all the time", "side-effects"),
    ("hair falling out", "side-effects"), ("pins and needles", "side-effects"), ("morphine", "pain"),
    ("painkillers", "pain"), ("hospice", "palliative-care"), ("end of life", "palliative-care"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "expected"), LAY_QUERIES)
def test_everyday_words_find_the_new_topics(library, query, expected):
    from sbc_desktop.content.search import SearchIndex

    index = SearchIndex.open(library, None)
    try:
        assert expected in [r.ref for r in index.search(query, 3).results]
    finally:
        index.close()
