"""A search's result on a long topic shown in parts opens at the first part that has the searched words, with
them marked as on any page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbc_desktop.content.loader import load_library
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_parts_find import at_part, parted_body
from tests.ui.test_search_ui import titles, type_query

RARE = "kingfisher"  # in section 11 only: the third part


@pytest.fixture
def root(tmp_path, in_parts):
    body = parted_body().replace("Paragraph 7 of section 11:", f"Paragraph 7 of section 11: a {RARE} and")
    return make_content(tmp_path / "content", {"long": body, "short": "A short page."})


def click_result(window, qtbot, query: str, ref: str) -> None:
    panel = type_query(window, qtbot, query)
    qtbot.waitUntil(lambda: ref in titles(panel), timeout=10_000)
    item = panel.list.item(titles(panel).index(ref))
    panel.list.scrollToItem(item)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center())


def marked_in_third_part(window, qtbot) -> None:
    at_part(window, qtbot, 2)
    highlighter = window.highlighter
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == RARE)
    assert "Paragraph 7 of section 11" in window.reader.textCursor().block().text()
    assert [highlighter.matched_text(i).lower() for i in range(len(highlighter.spans))] == [RARE]


@pytest.mark.parametrize("cut_already", [True, False])
def test_a_result_opens_the_first_part_with_the_words_marked(qtbot, root, settings, cut_already):
    """Cut already (the page read before: its parts are known as the result is clicked), or not yet (cut once it
    is rendered: the part with the words is shown then)."""
    window = open_window(qtbot, load_library(root), settings, "long" if cut_already else "short")
    qtbot.waitUntil(lambda: window.reader.is_complete(), timeout=10_000)
    click_result(window, qtbot, RARE, "long")
    marked_in_third_part(window, qtbot)
    assert not window.search_panel.isVisible()
    assert window.reader.hasFocus()
    # Back goes to the page the search was made on (not to the first part, shown for a moment while the page
    # was cut).
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    came_from = "topic:long" if cut_already else "topic:short"
    qtbot.waitUntil(lambda: window.reader.current_url() == came_from and window.reader.is_complete())


def test_a_result_whose_words_are_in_the_first_part_opens_there(qtbot, root, settings):
    window = open_window(qtbot, load_library(root), settings, "short")
    click_result(window, qtbot, "opening paragraph", "long")
    at_part(window, qtbot, 0)
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == "opening")
