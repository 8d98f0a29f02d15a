"""A long page not yet rendered: its top and "Loading..." at once, its Markdown parsed off the
UI thread, then the page.

Each test holds the worker's parse at a gate, so that what the user sees while it runs is
checked, then lets it go and waits for the reader's signals (never a fixed sleep).
"""

from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content
from tests.ui.test_switching import assert_whole_long_page, long_body


def other_body() -> str:
    return "\n".join(f"Other paragraph {n} about scans and blood tests. " * 8 + "\n" for n in range(40))


@pytest.fixture(autouse=True)
def long_pages_in_the_worker(monkeypatch):
    """As in the app (tests/conftest.py parses every page in go())."""
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    assert len(long_body()) > 4_000 and len(other_body()) > 4_000


@pytest.fixture
def window(qtbot, tmp_path):
    root = make_content(
        tmp_path / "content",
        {"short": "A short page about **rest**.", "long": long_body(), "other": other_body()},
        glossary="terms:\n  - id: liver\n    term: liver\n    definition: An organ.\n",
    )
    return shown_window(qtbot, root)


def shown_window(qtbot, root):
    w = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(w)
    w.open_start_page()  # the welcome page: the first page comes on the start-up path, in go()
    w.resize(800, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


class Gate:
    """Holds the renderer's parse of the given topics until `open()`; records what was parsed."""

    def __init__(self, renderer, held: set[str], fail: set[str] = frozenset()):
        self.opened = threading.Event()
        self.parsed: list[str] = []
        real = renderer.render

        def render(text, topic=None, *handed):  # (handed: what each part is handed to as it is made, if any)
            if topic is not None and topic.id in held:
                self.parsed.append(topic.id)
                assert self.opened.wait(20), "the gate was never opened"
                if topic.id in fail:
                    raise ValueError("broken page")
            return real(text, topic, *handed)

        renderer.render = render

    def open(self) -> None:
        self.opened.set()


def click_topic(window, qtbot, topic_id: str) -> None:
    item = window.tree._items[f"topic:{topic_id}"]
    window.tree.scrollToItem(item)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualItemRect(item).center())


def test_a_slow_page_says_loading_at_once_then_arrives_whole_and_is_announced(window, qtbot, monkeypatch):
    monkeypatch.setattr("sbc_desktop.ui.main_window.READY_NOTICE_S", 0.0)  # any wait is long enough to announce
    gate = Gate(window.pages.renderer, {"long"})
    said: list[str] = []
    window.announcer.said.connect(said.append)
    click_topic(window, qtbot, "long")
    # At once: the new topic's title everywhere, and the page says it is loading.
    reader = window.reader
    assert reader.current_url() == "topic:long" and window.windowTitle() == "Long"
    assert window.tree.currentItem() is window.tree._items["topic:long"]
    shown = reader.toPlainText()
    assert shown.startswith("Section one\nLong\nLoading this page") and "Part 0" not in shown
    assert reader.is_building() and not reader.is_complete()
    assert said[-1] == "Long"
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):
        gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert "Loading this page" not in reader.toPlainText()
    assert_whole_long_page(window)
    assert "Long: page ready." in said
    # Glossary words are dotted links on the page that came from the worker, as on any other.
    assert [item.href for item in reader.outline.items].count("term:liver") == 1


def test_switching_on_while_pages_load_shows_only_the_last_page(window, qtbot):
    reader = window.reader
    gate = Gate(window.pages.renderer, {"long", "other"})
    click_topic(window, qtbot, "long")  # parsing, held at the gate
    qtbot.waitUntil(lambda: gate.parsed == ["long"])
    click_topic(window, qtbot, "other")  # asked for, waiting behind "long"
    click_topic(window, qtbot, "short")  # a short page: parsed at once; "other" is dropped unparsed
    assert reader.current_url() == "topic:short" and window.windowTitle() == "Short"
    assert "A short page about rest." in reader.toPlainText()
    landed: list[str] = []
    reader.pageBuilt.connect(lambda url: landed.append(url.toString()))
    with qtbot.waitSignal(reader._builds.built, timeout=10_000):
        gate.open()  # "long" finishes after the reader has left it
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert reader.current_url() == "topic:short" and window.windowTitle() == "Short"
    text = reader.toPlainText()
    assert "A short page about rest." in text and "Part 0" not in text and "Loading" not in text
    assert gate.parsed == ["long"] and landed == []  # "other" never parsed, "long" never shown


def test_a_short_page_is_shown_at_once_without_loading(window, qtbot):
    said: list[str] = []
    window.announcer.said.connect(said.append)
    click_topic(window, qtbot, "short")
    assert "A short page about rest." in window.reader.toPlainText()
    assert not window.reader.is_building() and said == ["Short"]


def test_the_first_short_page_with_a_large_glossary_makes_its_matcher_off_the_ui_thread(qtbot, tmp_path, monkeypatch):
    """A glossary of thousands of words takes 0.2-0.3 s to make its matcher, at the first page parsed: that
    page says "Loading" and is parsed in the worker, not in the click's step, even a short one."""
    monkeypatch.setattr("sbc_desktop.content.render.SMALL_GLOSSARY", 300)
    terms = "".join(f"  - id: w{n}\n    term: word{n}\n    definition: A word.\n" for n in range(400))
    terms += "  - id: liver\n    term: liver\n    definition: An organ.\n"
    page = {"short": "A short page about the **liver**."}
    root = make_content(tmp_path / "content", page, glossary="terms:\n" + terms)
    window = shown_window(qtbot, root)
    renderer, reader = window.pages.renderer, window.reader
    gate = Gate(renderer, {"short"})
    made_in: list[str] = []
    real_matcher = type(renderer).matcher.func

    def matcher(self):
        made_in.append(threading.current_thread().name)
        return real_matcher(self)

    monkeypatch.setattr(type(renderer), "matcher", functools.cached_property(matcher))
    type(renderer).matcher.__set_name__(type(renderer), "matcher")
    click_topic(window, qtbot, "short")
    assert reader.current_url() == "topic:short" and reader.is_building()
    assert "Loading this page" in reader.toPlainText() and made_in == []
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):
        gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert "A short page about the liver." in reader.toPlainText()
    assert made_in == ["page-builds"]  # the worker's thread
    assert renderer.matcher._automaton is not None  # made whole there, not at the next page's first words
    assert [item.href for item in reader.outline.items].count("term:liver") == 1
    # Made now: the next short page is parsed at once again.
    assert renderer.quick_to_parse() and window.pages.quick_to_parse()


def test_a_page_still_loading_is_found_in_and_moved_through_by_keys(window, qtbot):
    reader = window.reader
    gate = Gate(window.pages.renderer, {"long"})
    said: list[str] = []
    window.announcer.said.connect(said.append)
    click_topic(window, qtbot, "long")
    assert reader.is_building()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_H)  # not parsed here (seconds on a long page): the reader is told
    assert reader.is_building() and said[-1] == "This page is still loading. Try again in a moment."
    gate.open()
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "zebrafinch")  # found once the page is in
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "1 of 1", timeout=10_000)
    assert_whole_long_page(window)
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_H)
    assert reader.textCursor().block().text() == "Long"
    qtbot.keyClick(reader, Qt.Key.Key_H)
    assert reader.textCursor().block().text() == "Part 0 heading"


def test_a_page_that_cannot_be_parsed_says_so_clearly(window, qtbot):
    gate = Gate(window.pages.renderer, {"long"}, fail={"long"})
    click_topic(window, qtbot, "long")
    with qtbot.waitSignal(window.reader.pageBuilt, timeout=10_000):
        gate.open()
    text = window.reader.toPlainText()
    assert "Sorry, this page could not be shown." in text and "Loading" not in text
    assert window.reader.is_complete()
    assert "could not be shown" in window.statusBar().currentMessage()
    click_topic(window, qtbot, "short")  # and the window carries on
    assert "A short page about rest." in window.reader.toPlainText()


def test_a_kiosk_reset_while_a_page_loads_leaves_nothing_of_it(qtbot, tmp_path):
    from sbc_desktop.kiosk.config import KioskConfig
    from tests.ui.conftest import start_kiosk

    root = make_content(tmp_path / "content", {"short": "The welcome topic.", "long": long_body()})
    window, controller = start_kiosk(qtbot, load_library(root), KioskConfig(idle_timeout=120, warning=30))
    home = window.reader.current_url()
    reader = window.reader
    gate = Gate(window.pages.renderer, {"long"})
    click_topic(window, qtbot, "long")
    assert reader.is_building()
    qtbot.waitUntil(lambda: gate.parsed == ["long"])  # the worker is parsing it
    controller.reset()  # what the idle timer does for the next patient
    assert not reader.is_building() and reader.current_url() == home
    with qtbot.waitSignal(reader._builds.built, timeout=10_000):
        gate.open()
    assert reader.current_url() == home and reader.backwardHistoryCount() == 0
    assert "Part 0" not in reader.toPlainText() and window.windowTitle() != "Long"
    controller.exit_kiosk()


def test_a_build_that_ends_after_its_reader_is_gone_ends_quietly(monkeypatch):
    """A window closed (and deleted) while a page is parsed: the worker finishes and stops, no error."""
    import shiboken6

    from sbc_desktop.ui.page_builds import PageBuilds

    failures: list[object] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    builds = PageBuilds()
    started, gate = threading.Event(), threading.Event()
    builds.start(1, lambda: (started.set(), gate.wait(10)))
    assert started.wait(10)
    worker = builds._worker
    assert worker is not None
    shiboken6.delete(builds)  # what deleting the reader does to its PageBuilds
    gate.set()
    worker.join(10)
    assert not worker.is_alive() and failures == []


# -- what needed the whole page: the search's matches, Back's place, a link's #anchor -------------
def evict(window) -> None:
    """Drop every rendered page from the renderer's memory (what reading many long pages does)."""
    renderer = window.pages.renderer
    with renderer._lock:
        renderer._cache.clear()


def press_toolbar(window, qtbot, action) -> None:
    qtbot.mouseClick(window.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def read_to_the_middle(window, qtbot, topic_id: str) -> int:
    """Open the topic whole and scroll it to about half way, as a reader would; returns the place."""
    click_topic(window, qtbot, topic_id)
    qtbot.waitUntil(window.reader.is_complete, timeout=10_000)
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 1000
    return bar.value()


def enter_on_the_long_result(window, qtbot):
    """Search for words on the long page and press Enter on its result, its parse held at a gate."""
    from tests.ui.test_search_ui import titles, type_query

    panel = type_query(window, qtbot, "zebrafinch")
    qtbot.waitUntil(lambda: "long" in titles(panel), timeout=20_000)
    panel.list.setCurrentRow(titles(panel).index("long"))
    gate = Gate(window.pages.renderer, {"long"})
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    return panel, gate


def test_enter_on_a_search_result_shows_the_page_loading_then_highlights_its_matches(window, qtbot):
    reader = window.reader
    panel, gate = enter_on_the_long_result(window, qtbot)
    # At once: the page's title and "Loading...", the window free, no matches yet.
    assert reader.current_url() == "topic:long" and window.windowTitle() == "Long"
    assert reader.is_building() and "Loading this page" in reader.toPlainText()
    assert len(window.highlighter.spans) == 0 and not panel.isVisible()
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):
        gate.open()
    qtbot.waitUntil(lambda: len(window.highlighter.spans) == 1, timeout=10_000)
    # Selected and scrolled to once the page is laid out (before, that would lay it all out in one step).
    qtbot.waitUntil(lambda: reader.textCursor().selectedText() == "zebrafinch", timeout=10_000)
    assert reader.is_complete() and reader.verticalScrollBar().value() > 0  # down to the match at the page's end


def test_a_search_result_left_while_it_loads_highlights_nothing_on_the_next_page(window, qtbot):
    reader = window.reader
    panel, gate = enter_on_the_long_result(window, qtbot)
    assert reader.is_building()
    qtbot.waitUntil(lambda: gate.parsed == ["long"])  # the worker is parsing it
    click_topic(window, qtbot, "short")  # the user moves on before it lands
    with qtbot.waitSignal(reader._builds.built, timeout=10_000):
        gate.open()
    assert reader.current_url() == "topic:short" and len(window.highlighter.spans) == 0


def test_back_to_a_long_page_not_in_memory_loads_off_the_ui_thread_then_returns_to_the_place(window, qtbot):
    reader = window.reader
    place = read_to_the_middle(window, qtbot, "long")
    click_topic(window, qtbot, "other")
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    forward_place = bar.value()
    assert forward_place > 1000
    evict(window)  # both pages out of the renderer's memory, as after reading others
    gate = Gate(window.pages.renderer, {"long", "other"})
    press_toolbar(window, qtbot, window.commands.back)
    assert reader.current_url() == "topic:long" and window.windowTitle() == "Long"
    assert reader.is_building() and "Loading this page" in reader.toPlainText()
    gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert abs(reader.verticalScrollBar().value() - place) < 5
    assert_whole_long_page(window)
    evict(window)
    press_toolbar(window, qtbot, window.commands.forward)
    assert reader.current_url() == "topic:other" and reader.is_building()
    assert "Loading this page" in reader.toPlainText()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert abs(reader.verticalScrollBar().value() - forward_place) < 5


def test_a_link_to_a_place_on_a_long_page_loads_off_the_ui_thread_then_goes_to_the_place(window, qtbot):
    reader = window.reader
    click_topic(window, qtbot, "short")
    evict(window)
    gate = Gate(window.pages.renderer, {"long"})
    reader.anchorClicked.emit(QUrl("topic:long#part-7-heading"))  # what activating such a link sends
    assert reader.current_url() == "topic:long#part-7-heading" and reader.is_building()
    assert "Loading this page" in reader.toPlainText() and reader.verticalScrollBar().value() == 0
    gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)

    def at_the_place() -> bool:  # (once the page is laid out, in its steps, down to the place)
        top = reader.cursorForPosition(QPoint(20, 5)).block().text().strip()
        return top == "Part 7 heading" or reader.verticalScrollBar().value() == reader.verticalScrollBar().maximum()

    qtbot.waitUntil(at_the_place, timeout=10_000)
    assert reader.verticalScrollBar().value() > 1000


def test_a_link_to_a_place_moved_away_from_while_loading_does_not_jump(window, qtbot):
    reader = window.reader
    evict(window)
    gate = Gate(window.pages.renderer, {"long"})
    reader.anchorClicked.emit(QUrl("topic:long#part-7-heading"))
    assert reader.is_building()
    qtbot.waitUntil(lambda: gate.parsed == ["long"])
    click_topic(window, qtbot, "short")
    with qtbot.waitSignal(reader._builds.built, timeout=10_000):
        gate.open()
    assert reader.current_url() == "topic:short" and reader.verticalScrollBar().value() == 0
