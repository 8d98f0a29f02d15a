"""In the window: a long page's text is parsed for search in a helper process, not on a thread of
the window's (where the parser would hold Python's lock, and the window, for all of the page)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import search_service
from sbc_desktop.ui.main_window import MainWindow
from tests.content.test_page_text import LONG_WORD, make_long_page
from tests.ui.conftest import show_active
from tests.ui.test_search_growing import result_refs


def test_a_long_page_is_found_by_its_text_parsed_outside_the_window(qtbot, content_copy):
    make_long_page(content_copy)
    library = load_library(content_copy, check_links=False)
    assert len(library.topic("pain").body) >= search_service.LONG_PAGE
    assert all(len(t.body) < search_service.LONG_PAGE for t in library.topics.values() if t.id != "pain")
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    renderer = window.pages.renderer
    parsed_here = []
    real = renderer.text_of
    renderer.text_of = lambda topic: parsed_here.append(topic.id) or real(topic)
    window.open_start_page()
    show_active(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, LONG_WORD)  # in the long page's text alone
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    qtbot.waitUntil(lambda: window.search_panel.list.count() > 0, timeout=10000)
    assert result_refs(window.search_panel)[0] == "pain"
    assert "pain" not in parsed_here  # the helper parsed it
    assert sorted(parsed_here) == sorted(t for t in library.topics if t != "pain")  # the rest, here
    helper = window.search._helper._process
    assert helper is not None and helper.poll() is None
    window.close()
    assert helper.poll() is not None  # the helper ends with the window
