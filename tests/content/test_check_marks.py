"""`check` grades a page whose asterisks the parser left as text from one walk, when pairing them
(as the reader does) cannot change the grade; else it walks the page again with them paired."""

from __future__ import annotations

import pytest
import textstat
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sbc_desktop.content import check_cache, page_facts
from sbc_desktop.content.editorial import grade_of, marks_change_grade, readable_blocks
from sbc_desktop.content.link_check import names_a_topic
from sbc_desktop.content.page_facts import check_facts

WORDS = " ".join(["Plain words on a page about care."] * 7) + "\n\n"  # 49 words: enough to be graded


def _fix_link(href: str) -> tuple[str, str, str | None]:
    return "web", href, href


def _facts(body: str, marks_matter=None) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    pieces: list[str] = []
    blocks, links = check_facts(body, _fix_link, lambda _src: "", names_a_topic, marks_matter, pieces)
    assert pieces == " ".join(blocks).split()  # (the grade's words, as the walk split them: walked once or twice)
    return blocks, [(link.href, link.kind, link.target, link.line) for link in links]


def _grade(blocks: list[str]) -> float | None:
    return grade_of(readable_blocks(blocks), textstat)


def _unpaired(body: str) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    """The blocks with every asterisk as written (the walk told that the marks never matter)."""
    return _facts(body, lambda _blocks: False)


BITS = st.sampled_from(
    ["**", "*", "***", "'", "'t", "'s", "'ve", ":", ".", "!", "?", ";", " ", "\n", "\n\n", "- ", "1. ", "> ",
     "# ", "word ", "Cancer ", "don't ", "5*3 ", "SEER*Explorer ", "a:**b ", "**a:**", "**x.**y ", "\\*",
     "`c*`", "![", "](x.png)", "[", "](topic:b)", "](https://example.org/a)", "{{care-team}}", "| a | b |\n|---|---|\n",
     "<b>", "</b>", "(", ")", "\u00a0", "x"]
)  # fmt: skip
# Marks the parser leaves as text and the reader pairs (most of the pages below have some).
PAIRED = st.sampled_from(["**a:**b ", "**Treat cancer:**Chemotherapy ", "**x.**y ", "*a:*b ", "***a:***b ", "b**:**c "])
STARRY = st.tuples(
    st.booleans(), st.lists(st.one_of(BITS, PAIRED, PAIRED, st.text(alphabet="ab'*:.!? \n", max_size=6)), max_size=60)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=STARRY)
@example(page=(True, ["**Treat cancer:**Chemotherapy and 5 * 3 and SEER*Explorer. ", "- **a:**b\n- ", "****"]))
@example(page=(True, ["We don'**t:**x go."]))
@example(page=(True, ["Then ![**](x.png) this:\n\n![**](y.png)\n\nNext."]))
@example(page=(False, ["Ten words: **a:**b and c d e f g h i j."]))
def test_marks_left_unpaired_give_the_paired_grade_unless_said(page):
    long, bits = page
    body = (WORDS if long else "") + "".join(bits)
    paired, paired_links = _facts(body)
    unpaired, unpaired_links = _unpaired(body)
    assert unpaired_links == paired_links  # (pairing drops asterisks from words, nothing else)
    if not marks_change_grade(unpaired, textstat):
        assert _grade(unpaired) == _grade(paired)
    # What check's own walk gives: the paired blocks, or blocks with the same grade.
    checked, checked_links = _facts(body, lambda blocks: marks_change_grade(blocks, textstat))
    assert checked_links == paired_links
    assert _grade(checked) == _grade(paired)


@pytest.mark.parametrize(
    "body",
    [
        WORDS + "We don'**t:**x go.",  # an apostrophe beside a mark: kept only before "t", "s"... once paired
    ],
)
def test_marks_that_change_the_grade_are_paired(body):
    paired, _ = _facts(body)
    unpaired, _ = _unpaired(body)
    assert _grade(unpaired) != _grade(paired)  # (the page is one where pairing matters)
    assert marks_change_grade(unpaired, textstat)
    checked, _ = _facts(body, lambda blocks: marks_change_grade(blocks, textstat))
    assert checked == paired


@pytest.mark.parametrize(
    ("blocks", "matters"),
    [
        ([WORDS.strip(), "a:**b"], False),
        (["Ten words: **a:**b and c d e f g h i j."], True),  # too few words to be sure it is graded either way
        ([WORDS.strip(), "We don'**t go."], True),
        ([WORDS.strip(), "As follows:", "**"], True),  # marks alone: dropped once paired, with their full stop
        ([WORDS.strip(), "As follows:", "[**]"], True),  # a picture's alt text of marks alone, not shown
        ([WORDS.strip(), "**{{care-team}}**"], True),  # the placeholder, left out once paired
        ([WORDS.strip(), "{{care-team}}*"], True),
    ],
)
def test_what_may_change_a_grade(blocks, matters):
    assert marks_change_grade(blocks, textstat) is matters
    assert marks_change_grade(blocks, None) is False  # nothing check says reads the words when nothing is graded


def test_a_starred_page_is_walked_once(monkeypatch):
    body = WORDS + "- **Treat cancer:**Chemotherapy and SEER*Explorer.\n- Rate* and [a link](topic:b).\n"
    walked_again = []
    marked = page_facts._marked_events

    def counted(source):
        walked_again.append(source)
        return marked(source)

    monkeypatch.setattr(page_facts, "_marked_events", counted)
    paired, paired_links = _facts(body)
    assert len(walked_again) == 1  # (the reader's words: walked again with the marks paired)
    checked, checked_links = _facts(body, lambda blocks: marks_change_grade(blocks, textstat))
    assert len(walked_again) == 1  # check's walk: once
    assert checked != paired and checked_links == paired_links
    assert _grade(checked) == _grade(paired)


def test_checks_kept_results_change_with_its_walk(monkeypatch):
    """A page kept by an older check is read again when check's own walk changes (page_facts.py)."""
    check_cache.code_stamp.cache_clear()
    before = check_cache.code_stamp()
    real = check_cache.source_of

    def changed(path):
        return real(path) + (b"# changed" if path.name == "page_facts.py" else b"")

    monkeypatch.setattr(check_cache, "source_of", changed)
    check_cache.code_stamp.cache_clear()
    try:
        assert check_cache.code_stamp() != before
    finally:
        monkeypatch.undo()
        check_cache.code_stamp.cache_clear()
