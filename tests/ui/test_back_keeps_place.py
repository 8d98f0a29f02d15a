"""Back and Forward return to where the reader was on a page, and never change its saved place.

At home each topic keeps its reading position (a fraction of the page). Going Back to a long page
used to open it near its top and save "the end" (1.0) as its place: the scroll bar clamped while
the page was replaced, and the history's place set before the page was whole, were taken for the
reader's own scrolling. These tests press what a reader presses (a row in the topic list, the
scroll bar, Alt+Left, the toolbar's Back and Forward) with settings on, as at home.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content
from tests.ui.conftest import show_active
from tests.ui.test_page_builds import click_topic, evict, other_body, press_toolbar
from tests.ui.test_switching import long_body


@pytest.fixture
def long_pages_in_the_worker(monkeypatch):
    """As in the app: a long page not in memory is parsed in the worker and comes in pieces."""
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)


def longer_body() -> str:
    """About 300 KB: long enough to be laid out in many steps after its last piece is in."""
    return "\n".join(long_body().replace("Part ", f"Part {n}.") for n in range(5))


@pytest.fixture
def root(tmp_path):
    pages = {"long": longer_body(), "other": other_body(), "short": "A **short** page."}
    return make_content(tmp_path / "content", pages)


def open_window(qtbot, library, settings, topic: str | None = None) -> MainWindow:
    window = MainWindow(library, settings, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.open_start_page(topic)
    return show_active(qtbot, window)


def scroll_to(window, qtbot, fraction: float) -> int:
    """Page down with the scroll bar (as clicking below its handle does) to about ``fraction``."""
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(window.reader.is_laid_out, timeout=10_000)
    assert bar.maximum() > 1000
    while bar.value() < fraction * bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    return bar.value()


def at_rest(window, qtbot) -> None:
    """The page is whole and laid out (Back's place is set as its last piece comes in)."""
    qtbot.waitUntil(lambda: window.reader.is_laid_out() and not window.reader.is_building(), timeout=10_000)


def press_back(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)


@pytest.mark.parametrize("in_memory", [True, False], ids=["page-in-memory", "page-parsed-in-worker"])
def test_back_returns_to_the_place_and_keeps_the_saved_one(qtbot, root, settings, long_pages_in_the_worker, in_memory):
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    click_topic(window, qtbot, "long")
    place = scroll_to(window, qtbot, 0.6)
    saved = window._positions["long"]
    assert saved == pytest.approx(0.6, abs=0.02)
    click_topic(window, qtbot, "other")
    at_rest(window, qtbot)
    assert bar.value() == 0 and window._positions["long"] == saved
    if not in_memory:
        evict(window)  # as after reading other long pages: Back parses it again in the worker
    press_back(window, qtbot)
    assert reader.current_url() == "topic:long" and window._positions["long"] == saved
    assert reader.is_building() != in_memory
    at_rest(window, qtbot)
    assert abs(bar.value() - place) <= 2, (bar.value(), place, bar.maximum())
    assert window._positions["long"] == saved  # Back never changes the saved place
    # Forward, then Back again (the toolbar's buttons this time).
    press_toolbar(window, qtbot, window.commands.forward)
    at_rest(window, qtbot)
    assert reader.current_url() == "topic:other" and window._positions["long"] == saved
    if not in_memory:
        evict(window)
    press_toolbar(window, qtbot, window.commands.back)
    at_rest(window, qtbot)
    assert abs(bar.value() - place) <= 2, (bar.value(), place, bar.maximum())
    assert window._positions["long"] == saved
    # The topic list opens it at its saved place too.
    click_topic(window, qtbot, "short")
    at_rest(window, qtbot)
    if not in_memory:
        evict(window)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: abs(bar.value() - place) <= 2 and reader.is_laid_out(), timeout=10_000)
    assert window._positions["long"] == saved
    # And so does the next start.
    window.close()
    again = open_window(qtbot, load_library(root), settings, "long")
    again_bar = again.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: again.reader.is_laid_out() and again_bar.value() > 0, timeout=10_000)
    assert again_bar.value() / again_bar.maximum() == pytest.approx(saved, abs=0.01)
    assert again._positions["long"] == saved


def test_back_on_built_in_content_keeps_the_place(qtbot, library, settings):
    window = open_window(qtbot, library, settings)
    window.resize(700, 500)
    bar = window.reader.verticalScrollBar()
    click_topic(window, qtbot, "what-is-it")
    qtbot.waitUntil(window.reader.is_laid_out, timeout=10_000)
    assert bar.maximum() > 100
    while bar.value() < 0.5 * bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    place = bar.value()
    saved = window._positions["what-is-it"]
    click_topic(window, qtbot, "tests")
    at_rest(window, qtbot)
    press_back(window, qtbot)
    at_rest(window, qtbot)
    assert window.reader.current_url() == "topic:what-is-it"
    assert abs(bar.value() - place) <= 2 and window._positions["what-is-it"] == saved
