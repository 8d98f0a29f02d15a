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
]  # fmt: skip
TOPIC_IDS = [
    "what-is-it", "how-it-develops", "where-it-spreads", "locally-advanced", "why-no-cure", "tests",
    "treatment", "feelings", "the-future", "care-team", "questions-to-ask",
    "preparing-for-appointments", "sources-and-review",
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
    allowed = {"35,000", "4", "0808 800 4040", "9am", "5pm"}
    for topic in library.topics.values():
        if topic.id == "sources-and-review":
            continue  # the references' editions, years and pages
        numbers = re.findall(r"\d[\d,]*(?: \d{3} \d{4})?(?:am|pm)?", body_text(topic))
        assert set(numbers) <= allowed, (topic.id, set(numbers) - allowed)


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
