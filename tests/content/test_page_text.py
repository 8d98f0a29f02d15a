"""Long pages' text for the search index, parsed in a helper process (issue 14: the parser holds
Python's lock for all of a page, which froze the window while the index read long pages)."""

from __future__ import annotations

import dataclasses
import sys

import pytest

from sbc_desktop.content import page_text
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.page_text import PageTextProcess, Unavailable
from sbc_desktop.content.render import Renderer

LONG_WORD = "quokkalorum"  # only in the long page's text


def make_long_page(content, topic="pain.md", paragraphs=1200):
    """Make a built-in page long (about 80,000 characters; 65 more a paragraph) with a word and a heading of its
    own."""
    path = content / "topics" / topic
    filler = "\n\n".join(f"Paragraph {n} says *something* about pain and how to ease it." for n in range(paragraphs))
    path.write_text(path.read_text("utf-8") + f"\n\n## Rare {LONG_WORD} notes\n\nA {LONG_WORD} is rare.\n\n{filler}\n")
    return path


@pytest.fixture
def long_library(content_copy):
    make_long_page(content_copy)
    return load_library(content_copy, check_links=False)


def test_the_helper_gives_the_headings_and_text_the_window_would(long_library):
    helper = PageTextProcess(long_library.root)
    renderer = Renderer(long_library, link_terms=False)
    try:
        for ref in ("pain", "chemotherapy"):  # long, and short
            topic = long_library.topic(ref)
            got, here = helper.rendered(topic), renderer.facts(topic.body, topic)
            assert got is not None and got.text == here.text
            assert [h.text for h in got.headings] == [h.text for h in here.headings if h.text]
            assert (f"Rare {LONG_WORD} notes" in [h.text for h in got.headings]) == (ref == "pain")
    finally:
        helper.close()


def test_a_page_the_helper_does_not_have_as_the_window_has_it_is_left_to_the_window(long_library):
    helper = PageTextProcess(long_library.root)
    pain = long_library.topic("pain")
    try:
        assert helper.rendered(dataclasses.replace(pain, body=pain.body + " changed since")) is None
        assert helper.rendered(dataclasses.replace(pain, id="no-such-page")) is None
        assert helper.rendered(pain) is not None  # and it answers on
    finally:
        helper.close()
    assert not helper.usable
    with pytest.raises(Unavailable):
        helper.rendered(pain)


def test_a_helper_that_cannot_start_is_not_asked_again(long_library, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(long_library.root / "no-python-here"))
    helper = PageTextProcess(long_library.root)
    with pytest.raises(Unavailable):
        helper.rendered(long_library.topic("pain"))
    assert not helper.usable


def test_a_helper_that_ends_while_reading_fails_over(long_library):
    helper = PageTextProcess(long_library.root)
    pain = long_library.topic("pain")
    assert helper.rendered(pain) is not None
    helper._process.kill()  # it died (out of memory, say)
    helper._process.wait()
    with pytest.raises(Unavailable):
        helper.rendered(pain)
    assert not helper.usable
    helper.close()


def test_the_helper_ends_when_its_input_ends(long_library, tmp_path):
    requests = tmp_path / "in"
    requests.write_bytes(b'["pain", 1]\nnot json\n')
    answers = tmp_path / "out"
    with requests.open("rb") as into, answers.open("wb") as out:
        page_text.serve(long_library.root, None, into, out)
    assert answers.read_bytes() == page_text.NOT_THIS * 2  # another version of the page; a bad request
