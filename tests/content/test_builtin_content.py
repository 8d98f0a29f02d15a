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
    # content brief 2
    "get-help-now", "symptoms-by-place",
]  # fmt: skip
# Medical words each new topic uses: each must have a glossary entry (a name or an alias).
GLOSSARY_WORDS_USED = {
    "get-help-now": ["spinal cord compression", "hypercalcaemia", "chemotherapy", "symptom", "tumour"],
    "symptoms-by-place": [
        "jaundice", "ascites", "pleural effusion", "seizures", "bone-strengthening drugs", "radiotherapy",
        "lymph nodes", "surgery",
    ],
}  # fmt: skip
# Numbers written as names, not amounts: HER2, CDK4/6, BRCA1.
NUMBER_RE = re.compile(r"(?<![\w/])\d(?:[\d,]*\d)?(?: \d{3} \d{4}| \d{3}(?!\d))?(?:am|pm)?")


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
    # content brief 2, section 5: 999, NHS 111, a temperature of 38°C, Samaritans' 116 123
    allowed |= {"999", "111", "38", "116 123"}
    for topic in library.topics.values():
        if topic.id == "sources-and-review":
            continue  # the references' editions, years and pages
        numbers = NUMBER_RE.findall(body_text(topic))
        assert set(numbers) <= allowed, (topic.id, set(numbers) - allowed)


def test_the_number_check_sees_numbers_but_not_names():
    text = "HER2 and CDK4/6 drugs. Ring 999, NHS 111, or 116 123. 38°C. 2 in 10, 31% at 5 years; 35,000."
    assert NUMBER_RE.findall(text) == ["999", "111", "116 123", "38", "2", "10", "31", "5", "35,000"]


def test_every_topic_cites_sources_that_exist(library):
    for topic in library.topics.values():
        assert topic.sources, topic.id
        missing = [key for key in topic.sources if key not in library.references]
        assert not missing, (topic.id, missing)
    for reference in library.references.values():
        if reference.publisher == "US National Cancer Institute":
            assert reference.url.startswith("https://www.cancer.gov/"), reference.key
            assert reference.reviewed and reference.accessed, reference.key


def test_every_glossary_word_a_new_topic_uses_is_defined(library):
    matcher = TermMatcher(library.glossary.values())
    for topic_id, words in GLOSSARY_WORDS_USED.items():
        text = body_text(library.topic(topic_id))
        found = {text[m.start : m.end].lower() for m in matcher.finditer(text)}
        for word in words:
            assert word.lower() in text.lower(), (topic_id, word, "not used")
            assert word.lower() in found, (topic_id, word, "not in the glossary")
    for term in library.glossary.values():
        assert term.topic is None or library.topic(term.topic), (term.term, term.topic)


def test_urgent_help_gives_the_care_team_numbers_999_and_nhs_111(library):
    topic = library.topic("get-help-now")
    assert topic.section == "symptoms" and library.sections[1].id == "symptoms"
    assert "\n{{care-team}}\n" in topic.body
    text = body_text(topic)
    for words in ("38°C", "999", "NHS 111", "spinal cord", "calcium", "blocked bowel", "swollen arm",
                  "sudden confusion", "Samaritans", "116 123", "day-and-night"):  # fmt: skip
        assert words in text, words
    assert "911" not in text and "1-800" not in text and "988" not in text


def test_the_home_page_links_to_urgent_help(library, qapp):
    from sbc_desktop.pages import Pages

    home = Pages(library).home_html()
    assert home.index('href="topic:get-help-now"') < home.index("<h2>")


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
