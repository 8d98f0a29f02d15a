"""A page's parts as they arrive from the helper (content/arriving.py), as the reader takes them."""

from __future__ import annotations

from sbc_desktop.content.arriving import NOT_YET, ArrivingParts


def test_a_part_is_given_out_once_the_next_has_come_or_the_helper_said_it_was_the_last():
    arriving = ArrivingParts()
    parts = arriving.body_parts()
    arriving.add("<p>one</p>")
    assert next(parts) is NOT_YET and not arriving.has(0)  # the last? not known yet (it carries the footer)
    arriving.add("<p>two</p>")
    assert arriving.has(0) and not arriving.has(1)
    assert next(parts) == ("<p>one</p>", False)
    assert next(parts) is NOT_YET
    arriving.all_in()  # said by the helper before the rest of the rendering: the page can be completed
    assert arriving.has(1) and not arriving.ended
    assert next(parts) == ("<p>two</p>", True)
    assert next(parts, None) is None
    arriving.end(("<p>one</p>", "<p>two</p>"))
    assert arriving.ended and not arriving.diverged


def test_a_page_made_with_more_parts_than_were_all_said_to_have_come_has_diverged():
    arriving = ArrivingParts()
    arriving.add("<p>one</p>")
    arriving.all_in()
    arriving.end(("<p>one</p>", "<p>two</p>"))  # (given out as whole: shown again as made)
    assert arriving.diverged
    assert list(arriving.body_parts()) == []


def test_without_the_helpers_word_the_last_part_waits_for_the_page_to_end():
    arriving = ArrivingParts()
    arriving.add("<p>one</p>")
    parts = arriving.body_parts()
    assert next(parts) is NOT_YET
    arriving.end(("<p>one</p>", "<p>two</p>"))  # (the parts that did not come are added)
    assert list(parts) == [("<p>one</p>", False), ("<p>two</p>", True)] and not arriving.diverged
