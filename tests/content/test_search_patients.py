"""Search in patients' own words (issue 12): real words are never "corrected", an
unfinished last word is a prefix, title, keywords and lay words beat passing mentions,
results come best first, and a query with no answer still leads somewhere."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sbc_desktop import cli
from sbc_desktop.content.everyday import is_everyday
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex
from tests.helpers import make_content, topic, write


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir)


@pytest.fixture(scope="module")
def index(library):
    idx = SearchIndex.open(library, None)
    yield idx
    idx.close()


@pytest.fixture(scope="module")
def content_words(library, index):
    """Every word of the built-in content, as the index reads it."""
    text = " ".join(
        [
            t.title + " " + t.summary + " " + " ".join(t.keywords) + " " + index.page_text(t.id, 10**6)
            for t in library.topics.values()
        ]
        + [" ".join(g.names) + " " + g.definition for g in library.glossary.values()]
    ).lower()
    return set(text.replace("\u2019", "'").split()) | {w.strip(".,;:!?()\"'") for w in text.split()}


def refs(index, query, n=3):
    return [r.ref for r in index.search(query, n).results]


# -- 1. Never "correct" a real word --------------------------------------------------------

EVERYDAY = (
    "worry money hospice wig mortgage holiday garden insurance grandchildren nausea sick tired exhausted "
    "bald pension wheelchair appetite constipation vomiting morphine swimming driving cousin neighbour "
    "breakfast sleepless dizzy itchy knitting passport"
).split()


def test_real_everyday_words_are_never_corrected(index, content_words):
    missing = [w for w in EVERYDAY if w not in content_words]
    assert len(missing) >= 15, "the list must keep testing words that are not in the content"
    for word in EVERYDAY:
        assert is_everyday(word), word
        assert index.correct(word) == word
        for query in (word, word + " ", f"is {word} normal "):
            assert index.search(query, 5).corrected == "", query


@pytest.mark.parametrize(
    ("query", "not_shown"),
    [("worry", "work"), ("money", "one"), ("hair loss", "hair less"), ("clinical trial", "clinical tries")],
)
def test_the_words_from_the_issue_stay_as_typed(index, query, not_shown):
    for typed in (query, query + " "):
        response = index.search(typed, 5)
        assert response.corrected == ""
        assert query in response.words or set(query.split()) <= set(response.words)  # as typed
        assert not_shown not in response.words


def test_misspelt_words_that_are_no_real_word_are_still_corrected(index):
    for typed, shown in [("chemoterapy ", "chemotherapy"), ("biopsey ", "biopsy"), ("questons ", "questions")]:
        assert not is_everyday(typed.strip())
        assert index.search(typed, 3).corrected == shown


# -- 2. The last word as a prefix ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("hormo", "hormone-and-targeted"), ("chemot", "chemotherapy"), ("metasta", "metastasis"),
     ("spread to my bo", "where-it-spreads"), ("can it be cu", "why-no-cure"), ("lymph no", "lymph-nodes"),
     ("mammo", "mammogram")],
)  # fmt: skip
def test_an_unfinished_last_word_is_searched_as_a_prefix_not_corrected(index, typed, expected):
    response = index.search(typed, 5)
    assert response.corrected == ""  # "hormo" is the start of a word, not a misspelling
    assert expected in [r.ref for r in response.results][:3]


@pytest.mark.parametrize("typed", ["lym", "mam", "cu", "sc", "ho", "pa", "sid"])
def test_a_short_start_finds_every_page_a_prefix_scan_finds(index, typed):
    """The pages' text keeps no index of 2- and 3-letter starts: the words a start begins are searched."""
    sql = "SELECT ref FROM docs JOIN fts ON fts.rowid = docs.rowid WHERE fts MATCH ?"
    scanned = {ref for (ref,) in index.db.execute(sql, (f'"{typed}" *',))}
    assert scanned and len(scanned) < 50  # all of them fit in the results
    assert {r.ref for r in index.search(typed, 100).results} == scanned


def test_a_prefix_only_for_the_last_word_being_typed(index):
    assert index.search("hormo", 3).results  # still typing: a prefix
    assert index.search("hormo ", 3).corrected != ""  # finished: "hormo" is no word, so it is corrected
    assert index.search("horm therapy", 3).corrected  # not the last word: no prefix


# -- 3. Ranking ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["mets in bones", "mets in the bones", "spread to my liver", "spread to my liver ", "secondaries in the lungs",
     "has it gone to my brain", "cancer spread to bones"],
)  # fmt: skip
def test_lay_term_and_body_part_finds_the_topic_about_that_place_first(index, query):
    assert refs(index, query, 1) == ["where-it-spreads"]


def test_title_keywords_and_lay_words_beat_passing_mentions(tmp_path):
    root = make_content(
        tmp_path / "c",
        {
            "mentions": "Pain is mentioned here. " + "Pain can happen. " * 6 + "Hospice is a word here once.",
            "about-pain": "How it can be controlled.",
            "tagged": "About getting comfortable.",
            "palliative": "Care to help with symptoms.",
        },
    )
    write(root / "topics" / "about-pain.md", topic("about-pain", "How it can be controlled.", title="Pain"))
    text = topic("tagged", "About getting comfortable.", title="Comfort").replace(
        "---\n\n", "keywords: [aches]\n---\n\n"
    )
    write(root / "topics" / "tagged.md", text)
    write(root / "topics" / "palliative.md", topic("palliative", "Care for symptoms.", title="Palliative care"))
    write(root / "lay-terms.yaml", "lay_terms:\n  - words: [hospice]\n    means: [palliative care]\n")
    index = SearchIndex.open(load_library(root), None)
    assert refs(index, "pain") == ["about-pain", "mentions"]  # the title beats six mentions
    assert refs(index, "aches", 1) == ["tagged"]  # a keyword
    assert refs(index, "hospice")[0] == "palliative"  # a lay word meaning its title beats a mention
    index.close()


def test_results_come_in_score_order(index):
    for query in ("mets in bones", "can it be cured", "chemo", "tests", "how long will i live", "nurse", "hormo"):
        scores = [r.score for r in index.search(query, 10).results]
        assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_a_boost_raises_the_topics_it_names(index):
    plain = refs(index, "bones", 10)  # many topics talk about bones: "tests" is among them, not first
    assert plain[0] != "tests" and "tests" in plain
    assert refs(index, "bones", 1) != ["tests"]
    boosted = [r.ref for r in index.search("bones", 5, boost={"tests": 10.0}).results]
    assert boosted[0] == "tests"


# -- 4. When nothing matches -------------------------------------------------------------------


def test_no_results_offers_topics_and_glossary_words(index, library):
    response = index.search("xylophone lessons", 5)
    assert response.results == [] and response.corrected == ""
    topics = [r for r in response.nearest if r.kind == "topic"]
    assert topics and all(library.topic(r.ref) for r in topics)
    near_term = index.search("lymphnoods", 5)
    assert near_term.results == [] and "lymph-nodes" in [r.ref for r in near_term.nearest if r.kind == "term"]
    assert index.search("", 5).nearest == []


# -- Done when: patients' own queries find the right topic in the top three ------------------------------

PATIENT_QUERIES = [
    # plain words and lay words
    ("where does it spread", "where-it-spreads"),
    ("mets in bones", "where-it-spreads"),
    ("spread to my liver", "where-it-spreads"),
    ("life expectancy", "the-future"),
    ("bone scan", "tests"),
    ("scared", "feelings"),
    ("feeling low", "feelings"),
    ("nurse phone number", "care-team"),
    ("print a handout", "preparing-for-appointments"),
    ("locally advanced", "locally-advanced"),
    ("cancer in the chest wall", "locally-advanced"),
    # misspellings
    ("biopsey", "tests"),
    ("chemoterapy", "chemotherapy"),  # the glossary word (and, once written, its topic)
    ("questons", "questions-to-ask"),
    ("apointment", "preparing-for-appointments"),
    ("metastatic brest cancer", "what-is-it"),
    ("secondry", "what-is-it"),
    # unfinished words
    ("hormo", "hormone-and-targeted"),
    ("radiothe", "easing-symptoms-treatments"),
    ("can it be cu", "why-no-cure"),
    ("spread to my bo", "where-it-spreads"),
    # questions
    ("can it be cured", "why-no-cure"),
    ("is there a cure", "why-no-cure"),
    ("why cant they cure it", "why-no-cure"),
    ("how long have I got", "the-future"),
    ("will I die", "the-future"),
    ("what scans will I have", "tests"),
    ("what treatments are there", "treatment"),
    ("I'm so worried", "feelings"),
    ("who can I talk to", "care-team"),
    ("what should I ask my doctor", "questions-to-ask"),
    ("how did it spread", "how-it-develops"),
    ("why did it come back", "how-it-develops"),
    ("where does this information come from", "sources-and-review"),
    ("is this up to date", "sources-and-review"),
    ("what is stage 4", "what-is-it"),
    ("what is secondary breast cancer", "what-is-it"),
    # the topics on symptoms, side effects, pain, palliative care, trials, family, work and money
    ("feeling sick", "side-effects"),
    ("tired all the time", "side-effects"),
    ("hair falling out", "side-effects"),
    ("side efects", "side-effects"),
    ("chemo side effects", "side-effects"),
    ("end of life", "palliative-care"),
    ("hospice", "palliative-care"),
    ("palliativ", "palliative-care"),
    ("can I still work", "day-to-day"),
    ("money", "day-to-day"),
    ("can I go on holiday", "day-to-day"),
    ("worry", "feelings"),
    ("I can't cope anymore", "feelings-more-help"),
    ("clinical trial", "clinical-trials"),
    ("new drugs being tested", "clinical-trials"),
    ("pain in my back", "pain"),
    ("will painkillers make me addicted", "pain"),
    ("morphine", "pain"),
    ("breathless", "symptoms-by-place"),
    ("spread to my liver", "symptoms-by-place"),
    ("high temperature", "get-help-now"),
    ("who do I ring at night", "get-help-now"),
    ("who do i ring", "get-help-now"),
    ("can't breathe", "get-help-now"),
    ("chest pain", "get-help-now"),
    ("i feel unwell", "get-help-now"),
    ("what do I tell the kids", "talking-to-children"),
    ("my husband is struggling", "family-and-carers"),
    ("making a will", "planning-ahead"),
]


@pytest.mark.parametrize(("query", "expected"), PATIENT_QUERIES)
def test_patients_queries_find_the_right_topic_in_the_top_three(index, query, expected):
    assert expected in refs(index, query, 3)


# -- The command line -------------------------------------------------------------------------------


def test_cli_prints_results_best_first_with_scores(capsys):
    assert cli.main(["search", "mets in bones", "--limit", "5"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("    ")]
    scores = [float(line.rsplit("score ", 1)[1]) for line in lines]
    assert lines[0].startswith(" 1. where-it-spreads") and scores == sorted(scores, reverse=True)


def test_cli_json_has_id_title_score_and_snippet(capsys):
    assert cli.main(["search", "spread to my liver", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["results"][0]
    assert first["id"] == "where-it-spreads" and first["title"] == "Where it can spread"
    assert isinstance(first["score"], float) and "liver" in first["snippet"].lower()
    assert [r["score"] for r in data["results"]] == sorted((r["score"] for r in data["results"]), reverse=True)


def test_cli_no_results_says_so_and_points_somewhere(capsys):
    assert cli.main(["search", "xylophone lessons"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("No results for 'xylophone lessons'.")
    assert "Topics that may help:" in out and "glossary A to Z" in out and "specialist nurse" in out
    assert cli.main(["search", "xylophone", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["results"] == [] and data["nearest"] and {"id", "title", "score", "snippet"} <= set(data["nearest"][0])


def test_cli_no_results_gives_the_care_teams_numbers_set_at_home(capsys):
    from sbc_desktop.care_team import CareTeam
    from sbc_desktop.settings import Settings, cache_dir

    cache_dir()  # names the application, as the command line does, so the same settings are read
    settings = Settings.open()
    settings.set_care_team(CareTeam(nurse="Sam", nurse_phone="0100 000 222", urgent_phone="0100 000 999"))
    settings.sync()
    assert cli.main(["search", "xylophone lessons"]) == 1
    out = capsys.readouterr().out
    assert "Who to ask: Ask Sam: 0100 000 222." in out and "day or night: 0100 000 999" in out


@pytest.mark.parametrize("args", [["mets in bones", "--json"], ["spread", "--limit", "40"]])
def test_cli_closed_pipe_is_not_an_error(args, private_dirs):
    """`sbc-desktop search ... | head`: the reader stops early; no traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sbc_desktop", "search", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    proc.stdout.close()  # like `head` exiting before the results are written
    with proc.stderr:
        err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert proc.returncode == 128 + 13  # as a shell reports `seq 99999 | head`
