"""At home, where the reader scrolled a long page is their place, however soon they leave it.

A long page is laid out in steps after it is shown; its height is only an estimate meanwhile, and the
window used to note the reader's place only once the steps ended. A reader who scrolled and then
clicked another topic before that lost their place: the page opened at its top next time, and after a
restart too. The reader's presses are real (the wheel, Page Down, a click in the topic list).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_back_keeps_place import root as root  # noqa: F401 - a fixture: pytest finds it by its name
from tests.ui.test_long_page_steps import laying_out, roll_wheel
from tests.ui.test_long_page_steps import slow_layout as slow_layout  # noqa: F401 - a fixture
from tests.ui.test_page_builds import click_topic


@pytest.mark.parametrize("press", ["wheel", "page-down"])
def test_a_place_scrolled_to_while_a_long_page_is_laid_out_is_kept_when_the_reader_leaves_at_once(
    qtbot, root, settings, slow_layout, press
):
    window = open_window(qtbot, load_library(root), settings, "short")
    reader, bar = window.reader, window.reader.verticalScrollBar()
    laying_out(window, qtbot)
    if press == "wheel":
        roll_wheel(reader, 10)
    else:
        reader.setFocus()
        for _ in range(4):
            qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    scrolled, estimate = bar.value(), bar.maximum()
    assert scrolled > 0 and not reader.is_laid_out()  # still laid out in steps when the reader leaves
    click_topic(window, qtbot, "other")
    qtbot.waitUntil(lambda: window._topic is not None and window._topic.id == "other", timeout=10_000)
    assert window._positions["long"] == pytest.approx(scrolled / estimate, abs=0.0002)

    click_topic(window, qtbot, "long")  # back by the topic list: at the place (found once it is laid out)
    qtbot.waitUntil(lambda: reader.is_laid_out() and bar.value() > 0, timeout=20_000)
    # A fraction of the estimated height: within a screen of where the reader was.
    assert abs(bar.value() - scrolled) < reader.viewport().height()
    assert window._positions["long"] == pytest.approx(scrolled / estimate, abs=0.0002)  # not changed by the app
    window.close()  # and after a restart
    again = open_window(qtbot, load_library(root), settings, "long")
    qtbot.waitUntil(lambda: again.reader.is_laid_out() and again.reader.verticalScrollBar().value() > 0, timeout=20_000)
    assert abs(again.reader.verticalScrollBar().value() - scrolled) < again.reader.viewport().height()
