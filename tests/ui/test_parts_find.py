"""Find in page on a long topic shown in parts: the whole topic is searched, its count is of the whole topic,
and Next / Previous go on into the next / previous part with a match (shown, the match selected, in view)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbc_desktop.content.loader import load_library
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import open_window

SECTIONS = 16
# Where the page's rare word is: (section, paragraph). Sections 1-4 are in the first part, 5-8 the second (none
# there), 9-12 the third, 13-16 the fourth (as the app's budget cuts this page: checked below).
ZEBRAFINCHES = {(3, 4), (3, 20), (11, 1), (15, 29)}


def parted_body(sections: int = SECTIONS, paragraphs: int = 30) -> str:
    out = ["An opening paragraph before the first section."]
    for number in range(1, sections + 1):
        out.append(f"## Section {number} heading")
        for line in range(paragraphs):
            extra = " A zebrafinch sang." if (number, line) in ZEBRAFINCHES else ""
            out.append(f"Paragraph {line} of section {number}: *some* words about it, **plain** and short.{extra}")
        out.append(f"### Section {number} detail")
        out.append(f"The end of section {number}.")
    return "\n\n".join(out)


@pytest.fixture
def window(qtbot, tmp_path, in_parts, settings):
    root = make_content(tmp_path / "content", {"long": parted_body(), "short": "A short page about a zebrafinch."})
    window = open_window(qtbot, load_library(root), settings, "long")
    at_part(window, qtbot, 0)
    assert window.reader.part_count() == 4
    return window


def at_part(window, qtbot, index: int) -> None:
    qtbot.waitUntil(lambda: window.reader.part_index() == index and window.reader.is_complete(), timeout=10_000)


def spoken(window) -> list[str]:
    said: list[str] = []
    window.announcer.said.connect(said.append)
    return said


def open_find(window, qtbot, text: str) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, text)


def count_is(window, qtbot, text: str) -> None:
    try:
        qtbot.waitUntil(lambda: window.find_bar.count.text() == text, timeout=10_000)
    except Exception:
        raise AssertionError(window.find_bar.count.text()) from None


def selected(window) -> str:
    return window.reader.textCursor().selectedText()


def selected_sentence(window) -> str:
    """The block the selected match is in."""
    return window.reader.textCursor().block().text()


def selected_in(window, qtbot, words: str) -> None:
    """The match in the paragraph with ``words`` is selected (once the part is laid out: at once, or soon)."""
    qtbot.waitUntil(lambda: words in selected_sentence(window) and selected(window).lower() == "zebrafinch")


def in_view(window) -> bool:
    rect = window.reader.cursorRect()
    return rect.top() >= 0 and rect.bottom() <= window.reader.viewport().height()


def test_the_count_is_of_the_whole_topic_and_next_goes_on_into_the_parts_with_a_match(window, qtbot):
    bar = window.find_bar
    said = spoken(window)
    open_find(window, qtbot, "zebrafinch")
    # In the first part: its first match selected, counted with the other parts' ("so far" until they are).
    count_is(window, qtbot, "1 of 4")
    assert selected(window).lower() == "zebrafinch" and "Paragraph 4 of section 3" in selected_sentence(window)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4" and "Paragraph 20 of section 3" in selected_sentence(window)
    # Next after the first part's last match: the third part (the second has none), its match selected, in view.
    said.clear()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    at_part(window, qtbot, 2)
    count_is(window, qtbot, "3 of 4")
    selected_in(window, qtbot, "Paragraph 1 of section 11")
    qtbot.waitUntil(lambda: in_view(window))
    assert said and said[0] == "Part 3 of 4, Section 9 heading"  # the part's change said first
    qtbot.waitUntil(lambda: said[-1] == "3 of 4", timeout=3_000)  # then the count, once settled
    assert bar.field.hasFocus()  # (typing on, Enter again: still in the find bar)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    at_part(window, qtbot, 3)
    count_is(window, qtbot, "4 of 4")
    selected_in(window, qtbot, "Paragraph 29 of section 15")
    # Round from the last part to the first.
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    at_part(window, qtbot, 0)
    count_is(window, qtbot, "1 of 4")
    selected_in(window, qtbot, "Paragraph 4 of section 3")


def test_previous_goes_back_into_the_previous_part_with_a_match_at_its_last_one(window, qtbot):
    bar = window.find_bar
    open_find(window, qtbot, "zebrafinch")
    count_is(window, qtbot, "1 of 4")
    # Before the first match of the topic: round to the last part's last match.
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    at_part(window, qtbot, 3)
    count_is(window, qtbot, "4 of 4")
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    at_part(window, qtbot, 2)
    count_is(window, qtbot, "3 of 4")
    # Previous into the first part (past the second, which has none): its last match.
    QTest.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    at_part(window, qtbot, 0)
    count_is(window, qtbot, "2 of 4")
    selected_in(window, qtbot, "Paragraph 20 of section 3")
    qtbot.waitUntil(lambda: in_view(window))


def test_in_a_part_without_the_words_the_bar_says_where_they_are_and_next_goes_there(window, qtbot):
    window.reader.go_to_part(1)
    at_part(window, qtbot, 1)
    bar = window.find_bar
    said = spoken(window)
    open_find(window, qtbot, "zebrafinch")
    count_is(window, qtbot, "Not in this part. Found 4 times in other parts: press Next")
    qtbot.waitUntil(lambda: bool(said) and said[-1] == bar.count.text(), timeout=3_000)
    assert window.reader.part_index() == 1  # typing does not change the part
    QTest.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    at_part(window, qtbot, 2)
    count_is(window, qtbot, "3 of 4")
    # Words that are nowhere in the topic.
    bar.field.clear()
    qtbot.keyClicks(bar.field, "hummingbird")
    count_is(window, qtbot, "Not found")


def test_the_topic_s_title_and_list_of_parts_are_not_counted_in_every_part(window, qtbot):
    """Each part's page shows the topic's title, "Part 2 of 4: ..." and the list of every part: the count is of
    the topic's own words (its title once), the same in every part."""
    body = parted_body()
    headings = body.count(" heading")  # one a section
    open_find(window, qtbot, " heading")
    count_is(window, qtbot, f"1 of {headings}")
    window.find_bar.field.clear()
    qtbot.keyClicks(window.find_bar.field, "long")  # the title: once
    count_is(window, qtbot, "1 of 1")
    window.reader.go_to_part(2)
    at_part(window, qtbot, 2)
    count_is(window, qtbot, "Not in this part. Found 1 time in other parts: press Next")
    window.find_bar.field.clear()
    qtbot.keyClicks(window.find_bar.field, " heading")
    count_is(window, qtbot, f"9 of {headings}")  # the third part starts at section 9


def test_a_short_page_is_found_in_as_before(window, qtbot):
    window.reader.go("topic:short")
    qtbot.waitUntil(lambda: window.reader.current_url() == "topic:short" and window.reader.is_complete())
    assert window.reader.part_count() == 1
    open_find(window, qtbot, "zebrafinch")
    count_is(window, qtbot, "1 of 1")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "1 of 1" and window.reader.current_url() == "topic:short"


def test_a_long_page_opened_with_the_find_bar_open_counts_the_whole_topic(qtbot, tmp_path, in_parts, settings):
    """The page not rendered yet (its Markdown parsed in the worker: "Loading..."), then cut in parts: the bar's
    count is of the whole topic once final, never the first part's alone."""
    root = make_content(tmp_path / "content", {"long": parted_body(), "short": "A short page about a zebrafinch."})
    window = open_window(qtbot, load_library(root), settings, "short")
    open_find(window, qtbot, "zebrafinch")
    count_is(window, qtbot, "1 of 1")
    shown: list[str] = []
    real = window.find_bar.show_message

    def show_message(text: str, final: bool = True) -> None:
        if final:
            shown.append(text)
        real(text, final)

    window.find_bar.show_message = show_message
    window.reader.go("topic:long")
    at_part(window, qtbot, 0)
    count_is(window, qtbot, "1 of 4")
    qtbot.waitUntil(lambda: not window.finder.busy())
    assert {text for text in shown if text} == {"1 of 4"}  # never the first part's count alone as final
