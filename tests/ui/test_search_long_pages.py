"""In the window: a long page's text is parsed for search in a helper process, not on a thread of
the window's (where the parser would hold Python's lock, and the window, for all of the page)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.page_text import PageTextProcess
from sbc_desktop.ui import search_service
from sbc_desktop.ui.main_window import MainWindow
from tests.content.test_page_text import LONG_WORD, make_long_page
from tests.ui.conftest import show_active
from tests.ui.test_search_growing import result_refs

LONG = 5000  # paragraphs: a page of about 330,000 characters, over LONG_PAGE


def _search_finds_the_long_page(qtbot, window):
    """Ctrl+K, the word only the long page holds, and the long page listed first. Other pages may come first
    (from the start of the word) until its text lands; the results take it in as it does."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, LONG_WORD)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    qtbot.waitUntil(lambda: result_refs(window.search_panel)[:1] == ["pain"], timeout=30000)


def test_a_long_page_is_found_by_its_text_parsed_outside_the_window(qtbot, content_copy):
    make_long_page(content_copy, paragraphs=LONG)
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

    _search_finds_the_long_page(qtbot, window)
    assert "pain" not in parsed_here  # the helper parsed it
    assert sorted(parsed_here) == sorted(t for t in library.topics if t != "pain")  # the rest, here
    helper = window.search._helper._process
    assert helper is not None and helper.poll() is None
    window.close()
    assert helper.poll() is not None  # the helper ends with the window


def test_a_small_library_with_one_long_page_reads_it_in_the_window_and_starts_no_process(qtbot, content_copy):
    """A clinic's 30 pages, one of 80,000 characters: a helper process was started for that page alone (a fresh
    Python reading the whole library: 200-240 ms of CPU and 16 MB), where reading it here takes about 12 ms of the
    index's thread and holds the window's lock at most about 2 ms at a time (search_service.LONG_PAGE)."""
    make_long_page(content_copy)  # (about 80,000 characters)
    library = load_library(content_copy, check_links=False)
    assert 50_000 <= len(library.topic("pain").body) < search_service.LONG_PAGE
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    window.open_start_page()
    show_active(qtbot, window)
    _search_finds_the_long_page(qtbot, window)
    assert window.search._helper is None or window.search._helper._process is None  # no process was started
    window.close()


def test_long_pages_are_parsed_by_the_helper_while_the_index_is_busy_with_other_pages(qtbot, content_copy):
    """The long page the index reads last is asked of the helper while the index's thread is still on the
    first pages (held back here as when a patient types): before, the helper was asked only when the index
    got to the page, and stood idle meanwhile (a first start's first text waited 5-15 s under load)."""
    from sbc_desktop.content.search import SearchIndex

    order = SearchIndex.begin(load_library(content_copy, check_links=False), None).pages_to_read()
    last = order[-1]
    make_long_page(content_copy, last.path.name, paragraphs=LONG)
    library = load_library(content_copy, check_links=False)
    assert len(library.topic(last.id).body) >= search_service.LONG_PAGE
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    renderer = window.pages.renderer
    gate, asked = threading.Event(), []
    real = renderer.text_of
    renderer.text_of = lambda topic: gate.wait(30) and real(topic)  # the short pages wait, here
    real_ask = PageTextProcess.rendered
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            PageTextProcess, "rendered", lambda helper, topic: asked.append(topic.id) or real_ask(helper, topic)
        )
        window.open_start_page()
        show_active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: asked == [last.id], timeout=30000)  # the index's thread is still on its first page
        assert window.search.text_done[0] == 0
        gate.set()
        qtbot.keyClicks(window.search_field, LONG_WORD)
        qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
        qtbot.waitUntil(lambda: result_refs(window.search_panel)[:1] == [last.id], timeout=10000)
        assert asked == [last.id]  # asked once
    window.close()


def test_a_large_library_has_all_its_pages_text_parsed_by_the_helper(qtbot, library, monkeypatch):
    """A library with much text to read (here: any) has none of it parsed in the window's process: the index's
    thread only takes each page's text from the helper and writes it, so a patient typing meanwhile never waits
    for Python's lock while a page is parsed (the built-in pages: below the line, parsed in the window)."""
    monkeypatch.setattr(search_service, "HELPER_LIBRARY", 1)
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    renderer = window.pages.renderer
    parsed_here: list[str] = []
    real = renderer.text_of
    renderer.text_of = lambda topic: parsed_here.append(topic.id) or real(topic)
    window.open_start_page()
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, "acupuncture")  # in the pain page's text alone
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    qtbot.waitUntil(lambda: result_refs(window.search_panel)[:1] == ["pain"], timeout=10000)
    assert parsed_here == []
    window.close()


def test_with_no_helper_a_large_library_s_text_waits_for_the_typing_to_pause(qtbot, library, monkeypatch):
    """Where no helper can be started (the frozen bundle), a large library's pages are parsed in the window's
    process: a page begun between two keys would hold the next key up for all of its parse, so a key holds the
    text back as long as it did before the text landed between the keys."""
    monkeypatch.setattr(search_service, "HELPER_LIBRARY", 1)
    monkeypatch.setattr(PageTextProcess, "available", staticmethod(lambda: False))
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    window.open_start_page()
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.is_searchable, timeout=30000)
    qtbot.keyClick(window.search_field, "b")
    assert window.search._quiet_from - time.monotonic() > search_service.PARSED_HERE_PAUSE / 2
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    window.close()
