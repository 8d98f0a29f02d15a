"""Issue 13: handout pages that read well, read back from the PDF as a person reads them."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from PySide6.QtCore import QSizeF

from sbc_desktop.handout.builder import Clinic, HandoutOptions
from sbc_desktop.handout.document import handout_document
from sbc_desktop.handout.export import Handout
from sbc_desktop.handout.paper import for_paper, refers_to_app
from sbc_desktop.notes import AppointmentNotes
from tests.handout.pdf_text import read_pages, whole

TEAM = Clinic("Riverside Breast Clinic", "01234 000000", "Sam Jones", "01234 000111", "01234 000999")


def options(**extra) -> HandoutOptions:
    return HandoutOptions(**({"clinic": TEAM, "printed_on": dt.date(2026, 11, 21)} | extra))


def headings(handout: Handout) -> set[str]:
    """Every line that introduces what follows: headings, section names, questions."""
    found = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", handout.html, re.DOTALL)
    found += re.findall(r'<p class="(?:section-name|question|box-title)"[^>]*>(.*?)</p>', handout.html, re.DOTALL)
    return {" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found}


def check_pages_read_well(handout: Handout, path, title: str) -> list:
    handout.save(path)
    read = read_pages(path)
    heads = headings(handout)
    assert len(read) > 1
    for page in read:
        assert page.header == title, f"page {page.number} header: {page.header!r}"
        assert page.footer.endswith(f"Page {page.number} of {len(read)}")
        assert page.body, f"page {page.number} is empty"
        assert page.body[-1] not in heads, f"page {page.number} ends with the heading {page.body[-1]!r}"
        if page.number < len(read):
            assert len(page.body) >= 5, f"page {page.number} holds only {page.body}"
    return read


@pytest.mark.parametrize("large_print", [False, True])
def test_three_topic_handout_reads_well_page_by_page(qapp, tmp_path, library, pages, large_print):
    notes = AppointmentNotes(
        notes="My back has been aching.\n\nAsk about pain relief.",
        ticked=list(library.suggested_questions),
        own_questions=["Can I still go on holiday?"],
        handout_topics=["where-it-spreads", "tests", "care-team"],
    )
    handout = Handout(library, pages, notes, options(title="For Mrs Smith", large_print=large_print))
    read = check_pages_read_well(handout, tmp_path / "h.pdf", "For Mrs Smith")
    text = whole(read)
    # Each topic's sources and dates: on one page, together with the end of the topic's own text.
    for topic_id in notes.handout_topics:
        topic = library.topic(topic_id)
        start = next(p for p in read if topic.title in " ".join(p.body))
        end = next(p for p in read[start.number - 1 :] if any(line.startswith("Next review due") for line in p.body))
        sources = next(i for i, line in enumerate(end.body) if line == "Where this information comes from")
        assert sources >= 1, f"{topic_id}: the sources start a page of their own"
        # Every reference whole on one page (a reference never splits).
        for key in topic.sources:
            citation = " ".join(library.references[key].citation().split())
            assert citation in " ".join(end.body), f"{topic_id}: reference split or missing: {citation[:40]}"
    assert "My back has been aching." in text and "Can I still go on holiday?" in text


def test_every_topic_reads_well(qapp, tmp_path, library, pages):
    notes = AppointmentNotes(handout_topics=[t.id for t in library.ordered_topics()])
    handout = Handout(library, pages, notes, options())
    read = check_pages_read_well(handout, tmp_path / "all.pdf", "My appointment notes and information")
    text = whole(read)
    # On paper nothing asks the reader to use the app.
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        assert not refers_to_app(sentence), sentence
    assert "in this app" not in text and "panel" not in text.lower()


def test_questions_as_the_trials_ran_them(qapp, tmp_path, library, pages):
    notes = AppointmentNotes(ticked=["What does my diagnosis mean?", "What is likely to happen?"],
                             own_questions=["Can I still go on holiday?"], handout_topics=["tests"])  # fmt: skip
    handout = Handout(library, pages, notes, options())
    handout.save(tmp_path / "q.pdf")
    read = read_pages(tmp_path / "q.pdf")
    lines = [line for page in read for line in page.body]
    tick = next(i for i, line in enumerate(lines) if line.startswith("Tick your top three"))
    first = next(i for i, line in enumerate(lines) if "What does my diagnosis mean?" in line)
    assert tick < first  # the instruction comes before the questions
    for question in notes.questions():
        at = next(i for i, line in enumerate(lines) if question in line)
        assert lines[at].startswith("\u2610")  # a box to tick
        writing = lines[at + 1 : at + 5]
        assert len(writing) == 4 and all(set(line) == {"_"} for line in writing), writing
    assert any("please can we go through these questions together" in line for line in lines)
    # The lines to write on fit the page: one line each, never wrapped.
    document = handout_document(handout.html, handout.options, handout.root)
    document.setPageSize(QSizeF(174 / 25.4 * 96, 10000))
    assert document.pageCount() >= 1  # laid out whole
    block = document.begin()
    while block.isValid():
        if block.text() and not block.text().strip("_"):
            assert block.layout().lineCount() == 1
        block = block.next()


def test_care_team_box_on_every_handout(qapp, tmp_path, library, pages):
    handout = Handout(library, pages, AppointmentNotes(handout_topics=["tests"]), options())
    handout.save(tmp_path / "c.pdf")
    first = " ".join(read_pages(tmp_path / "c.pdf")[0].body)
    for label, value in (("Clinic or team", "Riverside Breast Clinic"), ("Clinic phone (office hours)", "01234 000000"),
                         ("My specialist nurse", "Sam Jones"), ("Specialist nurse's phone", "01234 000111"),
                         ("Urgent help, day and night", "01234 000999")):  # fmt: skip
        assert f"{label} {value}" in first
    # A number not known yet is a box to write it in: the rows are always there.
    handout = Handout(library, pages, AppointmentNotes(handout_topics=["tests"]), options(clinic=Clinic("Ward 7")))
    handout.save(tmp_path / "c.txt")
    text = (tmp_path / "c.txt").read_text("utf-8")
    assert "Clinic or team: Ward 7" in text and "Urgent help, day and night:" in text


def test_the_picture_has_no_gap_below_it(qapp, library, pages):
    handout = Handout(library, pages, AppointmentNotes(handout_topics=["where-it-spreads"]), options())
    document = handout_document(handout.html, handout.options, handout.root)
    document.setTextWidth(600)
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid() and "\ufffc" not in block.text():
        block = block.next()
    assert block.isValid(), "the topic has its picture"
    picture = layout.blockBoundingRect(block)
    following = layout.blockBoundingRect(block.next())
    assert following.top() - picture.bottom() < 40  # a paragraph's spacing, not a third of the picture


def test_text_file_keeps_bullets_and_describes_the_picture(qapp, tmp_path, library, pages):
    handout = Handout(library, pages, AppointmentNotes(handout_topics=["where-it-spreads"]), options())
    handout.save(tmp_path / "h.txt")
    text = (tmp_path / "h.txt").read_text("utf-8")
    assert "\ufffc" not in text
    alt = re.search(r'<img alt="([^"]+)"', handout.html).group(1)
    assert f"[Picture: {html.unescape(alt)}]" in text
    assert re.search(r"^\u2022 the bones\.$", text, re.MULTILINE)
    assert "Clinic or team: Riverside Breast Clinic" in text
    assert "Urgent help, day and night: 01234 000999" in text


def test_paper_leaves_out_sentences_about_the_app():
    page = (
        "<h2>Write notes</h2><p>Open the <strong>My appointment</strong> panel. Write how you feel.</p>"
        "<h2>Using the questions in this app</h2><p>Tick the ones you want.</p><ul><li>Tap Add.</li></ul>"
        "<h2>On the day</h2><ul><li>Tick off each question once you have an answer.</li></ul>"
        '<p>Ask your nurse. <span class="screen-only">Press F1 for help.</span></p>'
        '<p><a href="topic:x">Read more</a> about it.</p>'
    )
    paper = for_paper(page)
    assert "panel" not in paper and "Using the questions" not in paper and "Tap Add" not in paper
    assert "Write how you feel." in paper and "Tick off each question once you have an answer." in paper
    assert "F1" not in paper and "<a " not in paper and "Read more about it." in paper
