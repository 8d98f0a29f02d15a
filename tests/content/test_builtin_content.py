"""The app's own content: every fact group, every glossary word, plain English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sbc_desktop.content.glossary import TermMatcher
from sbc_desktop.content.library import Library
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer

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
    "hormone receptor", "oestrogen receptor", "ER", "progesterone receptor", "PR", "HER2",
    "triple negative breast cancer", "biomarker", "bone-strengthening drugs", "bisphosphonate", "denosumab",
    "aromatase inhibitor", "CDK4/6 inhibitor", "immunotherapy", "spinal cord compression", "hypercalcaemia",
    "neutropenia", "pleural effusion", "ascites", "jaundice", "seizure",
]  # fmt: skip
TOPIC_IDS = [
    "what-is-it", "how-it-develops", "where-it-spreads", "locally-advanced", "why-no-cure", "tests",
    "treatment", "feelings", "the-future", "care-team", "questions-to-ask",
    "preparing-for-appointments", "sources-and-review",
    # content brief 2
    "get-help-now", "symptoms-by-place", "tests-on-the-cancer", "hormone-and-targeted", "chemotherapy",
    "easing-symptoms-treatments", "checking-and-changing",
    "side-effects", "pain", "palliative-care", "clinical-trials", "feelings-more-help", "family-and-carers",
    "talking-to-children", "day-to-day", "planning-ahead",
]  # fmt: skip
# Medical words each new topic uses: each must have a glossary entry (a name or an alias).
GLOSSARY_WORDS_USED = {
    "get-help-now": ["spinal cord compression", "hypercalcaemia", "neutropenia", "chemotherapy", "symptom", "tumour"],
    "symptoms-by-place": [
        "jaundice", "ascites", "pleural effusion", "seizures", "bone-strengthening drugs", "radiotherapy",
        "lymph nodes", "surgery",
    ],
    "tests-on-the-cancer": [
        "biopsy", "hormone receptors", "oestrogen receptor", "ER", "progesterone receptor", "PR", "HER2",
        "HER2-positive", "HER2-low", "triple negative", "chemotherapy", "immunotherapy", "PET scan", "biomarker tests",
    ],
    "hormone-and-targeted": [
        "hormone therapy", "aromatase inhibitors", "CDK4/6 inhibitors", "targeted drugs", "hormone receptor positive",
        "triple negative breast cancer", "side effects",
    ],
    "chemotherapy": ["chemotherapy", "immunotherapy", "triple negative", "HER2-positive", "immune system"],
    "easing-symptoms-treatments": [
        "radiotherapy", "surgery", "bone-strengthening drugs", "bisphosphonates", "denosumab",
        "pressure on the spinal cord",
    ],
    "checking-and-changing": ["drug resistance", "CT scans", "PET scans", "bone scans", "side effects"],
    "side-effects": ["side effects", "fatigue", "peripheral neuropathy", "lymphoedema", "chemotherapy"],
    "pain": ["opioid", "breakthrough pain", "palliative care", "radiotherapy"],
    "palliative-care": ["palliative care", "side effects", "treatment team", "symptoms"],
    "locally-advanced": [
        "early breast cancer", "locally advanced breast cancer", "lymph nodes", "stage", "recurrence",
    ],
    "how-it-develops": ["cells", "tumour", "bloodstream", "lymph vessels", "immune system", "metastasis"],
    "clinical-trials": ["clinical trial", "treatment team", "quality of life", "side effects"],
    "feelings-more-help": ["anaemia", "palliative care", "treatment team"],
    "family-and-carers": ["treatment team", "side effects", "respite care"],
    "day-to-day": ["side effects", "treatment team"],
    "planning-ahead": ["palliative care", "treatment team"],
}  # fmt: skip
# Numbers written as names, not amounts: HER2, CDK4/6, BRCA1.
NUMBER_RE = re.compile(r"(?<![\w/])\d(?:[\d,]*\d)?(?: \d{3} \d{4}| \d{3}(?!\d))?(?:am|pm)?")


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir)


_READER = Renderer(Library(root=Path("/")), link_terms=False)  # words only: what links lead to does not matter here


def body_text(topic):
    """The topic's running text as the renderer reads it: a block (paragraph, list item...) a line, no headings."""
    return _READER.render(topic.body, topic).text


def page_text(topic):
    """Every word on the topic's page: its headings, then its running text."""
    page = _READER.render(topic.body, topic)
    return "\n".join([*(heading.text for heading in page.headings), page.text])


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
        sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n", body_text(topic)) if s.strip()]
        lengths = [len(s.split()) for s in sentences]
        assert sum(lengths) / len(lengths) <= 15, topic.id
        assert max(lengths) <= 25, (topic.id, max(lengths))


def test_only_the_numbers_the_brief_gives(library):
    allowed = {"35,000", "4", "0808 800 4040", "9am", "5pm"}
    # content brief 2, section 5: 999, NHS 111, a temperature of 38°C, Samaritans' 116 123
    allowed |= {"999", "111", "38", "116 123"}
    allowed |= {"3", "0", "10", "2"}  # brief 2: stage 3; pain from 0 to 10; eat every 2 to 3 hours
    for topic in library.topics.values():
        if topic.id == "sources-and-review":
            continue  # the references' editions, years and pages
        numbers = NUMBER_RE.findall(page_text(topic))
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
        if reference.publisher == "US National Cancer Institute" and reference.key != "nci-glossary":
            # (the dictionary of cancer terms is a 2016 copy with no review date of its own)
            assert reference.url.startswith("https://www.cancer.gov/"), reference.key
            assert reference.reviewed and reference.accessed, reference.key


def test_every_glossary_word_a_new_topic_uses_is_defined(library):
    matcher = TermMatcher(library.glossary.values())
    for topic_id, words in GLOSSARY_WORDS_USED.items():
        text = page_text(library.topic(topic_id))
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
    text = page_text(topic)
    for words in ("38°C", "999", "NHS 111", "spinal cord", "calcium", "blocked bowel", "swollen arm",
                  "sudden confusion", "Samaritans", "116 123", "day-and-night"):  # fmt: skip
        assert words in text, words
    assert "911" not in text and "1-800" not in text and "988" not in text


def test_the_home_page_links_to_urgent_help(library, qapp):
    from sbc_desktop.pages import Pages

    home = Pages(library).home_html()
    assert home.index('href="topic:get-help-now"') < home.index("<h2>")


def test_key_facts_are_stated(library):
    text = {t.id: page_text(t).lower() for t in library.topics.values()}
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
    for piece in re.split(r"(?<=[.!?])\s+|\n", body_text(topic)):
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
    """The sources page lists exactly what the topics were written from, and says nobody endorses it."""
    cited = {key for topic in library.topics.values() if topic.id != "sources-and-review" for key in topic.sources}
    page = library.topic("sources-and-review")
    assert set(page.sources) == cited, ("add to / remove from sources-and-review", set(page.sources) ^ cited)
    never_read = {"ajcc8", "nice-advanced-breast-cancer", "esmo-2021", "devita-12", "palmieri-2022"}
    assert not never_read & set(library.references)  # a source page's own references, never read here
    text = " ".join(page_text(page).split())
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
    text = " ".join(page_text(library.topic("locally-advanced")).split()).lower()
    for words in ("not about locally advanced", "aim of your own treatment", "local recurrence",
                  "regional recurrence", "distant recurrence", "second breast cancer"):  # fmt: skip
        assert words in text, words
    early = library.glossary["early-breast-cancer"].definition.lower()
    assert "skin" not in early and "chest wall" not in early
    assert not library.glossary["tumour"].definition.lower().startswith("a lump")


LAY_QUERIES = [
    ("high temperature", "get-help-now"), ("fever", "get-help-now"), ("temp", "get-help-now"),
    ("numb legs", "get-help-now"), ("can't poo", "get-help-now"), ("her2", "tests-on-the-cancer"),
    ("triple negative", "tests-on-the-cancer"), ("hormone tablets", "hormone-and-targeted"),
    ("chemo", "chemotherapy"), ("radiotherapy for pain", "easing-symptoms-treatments"),
    ("bone drugs", "easing-symptoms-treatments"), ("scan results", "checking-and-changing"),
    ("not working any more", "checking-and-changing"), ("yellow skin", "symptoms-by-place"),
    ("side effects", "side-effects"), ("feeling sick", "side-effects"), ("tired all the time", "side-effects"),
    ("hair falling out", "side-effects"), ("pins and needles", "side-effects"), ("morphine", "pain"),
    ("painkillers", "pain"), ("hospice", "palliative-care"), ("end of life", "palliative-care"),
    ("clinical trial", "clinical-trials"), ("new treatments", "clinical-trials"), ("depressed", "feelings-more-help"),
    ("samaritans", "feelings-more-help"), ("support group", "feelings-more-help"), ("my husband", "family-and-carers"),
    ("carer", "family-and-carers"), ("kids", "talking-to-children"), ("telling the children", "talking-to-children"),
    ("can i still work", "day-to-day"), ("money", "day-to-day"), ("exercise", "day-to-day"),
    ("wishes", "planning-ahead"), ("power of attorney", "planning-ahead"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "expected"), LAY_QUERIES)
def test_everyday_words_find_the_new_topics(library, query, expected):
    from sbc_desktop.content.search import SearchIndex

    index = SearchIndex.open(library, None)
    try:
        assert expected in [r.ref for r in index.search(query, 3).results]
    finally:
        index.close()


def test_tnm_says_what_t_n_and_m_mean(library):
    text = " ".join(page_text(library.topic("tests")).split())
    for words in ("T describes the main tumour", "N describes whether the cancer has spread to lymph nodes",
                  "M0 means there is no sign", "M1 means it has", "M1 is stage 4, whatever its T and N",
                  "Stage 3 cancers are M0", "grade", "ER, PR and HER2 results"):  # fmt: skip
        assert words in text, words
    assert "M is for metastasis. This means the cancer has spread" not in text


def test_treatment_pages_say_other_treatments_can_be_tried_and_symptoms_eased(library):
    for topic_id in ("treatment", "why-no-cure"):
        body = library.topic(topic_id).body
        assert "(topic:checking-and-changing)" in body, topic_id
        assert "(topic:easing-symptoms-treatments)" in body, topic_id
    radiotherapy = library.glossary["radiotherapy"]
    assert "ease" in radiotherapy.definition and radiotherapy.topic == "easing-symptoms-treatments"
    for topic_id in ("tests-on-the-cancer", "hormone-and-targeted", "chemotherapy", "easing-symptoms-treatments",
                     "checking-and-changing"):  # fmt: skip
        topic = library.topic(topic_id)
        assert topic.questions and str(topic.updated) == "2026-12-01" and str(topic.next_review) == "2027-12-01"
        assert topic.reviewed_by is None  # nobody has checked it yet: never invent a reviewer


def test_place_specific_questions_carry_their_place(library):
    for topic_id in ("get-help-now", "symptoms-by-place", "easing-symptoms-treatments"):
        tagged = [q for q in library.topic(topic_id).questions if q in library.question_tags]
        assert tagged, topic_id
    assert {"bones", "liver", "lungs", "brain", "skin"} <= set(library.topic("symptoms-by-place").tags)
    assert "bones" in library.topic("easing-symptoms-treatments").tags


def test_no_brand_names_or_us_numbers_in_the_treatment_pages(library):
    brands = ("ibrance", "kisqali", "verzenio", "herceptin", "perjeta", "kadcyla", "enhertu", "zometa", "xgeva",
              "prolia", "keytruda", "tylenol", "advil", "zofran", "nolvadex", "arimidex", "femara")  # fmt: skip
    for topic in library.topics.values():
        text = page_text(topic).lower()
        for word in brands + ("1-800", "911", "988"):
            assert word not in text, (topic.id, word)


def test_planning_ahead_opens_with_a_gentle_note_and_no_us_legal_forms(library):
    topic = library.topic("planning-ahead")
    first = body_text(topic).split("\n")[0].lower()
    assert "before you read on" in first and "do not have to read it" in first
    text = page_text(topic).lower()
    for us_only in ("living will", "durable power of attorney", "health care proxy", "dnr", "do not resuscitate"):
        assert us_only not in text, us_only


def test_uk_facts_without_a_source_send_the_reader_to_their_team(library):
    """Brief 2, section 5: hospices, trials in the UK, work and money rights, advance care forms."""
    for topic_id, words in [
        ("palliative-care", "hospices"), ("clinical-trials", "trial that could suit you"),
        ("day-to-day", "rights at work"), ("planning-ahead", "which forms"),
    ]:  # fmt: skip
        text = " ".join(page_text(library.topic(topic_id)).split()).lower()
        assert words in text and "ask your treatment team" in text, topic_id
    for topic in library.topics.values():
        text = page_text(topic)
        for banned in ("1-800", "988", "911", "ClinicalTrials.gov", "Macmillan", "Maggie", "Carer's Allowance"):
            assert banned not in text, (topic.id, banned)


def test_every_topic_reads_at_a_reading_age_of_about_9_to_11(library):
    """Flesch-Kincaid grade of the text a reader sees; the aim is 4 to 6, `check` warns above 8."""
    import textstat

    from sbc_desktop.content.editorial import readable_text
    from sbc_desktop.content.render import Renderer

    renderer = Renderer(library)
    texts = {topic.id: readable_text(renderer.rendered(topic).text) for topic in library.topics.values()}
    grades = {topic_id: textstat.flesch_kincaid_grade(text) for topic_id, text in texts.items()}
    assert {topic_id: grade for topic_id, grade in grades.items() if grade > 7} == {}
