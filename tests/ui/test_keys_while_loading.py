"""H (next heading) pressed on a long page that still says "Loading this page..." answers at once.

It used to finish parsing the page on the UI thread (4 s on the longest imported pages, the window
frozen meanwhile), then the scroll bar spanned a page 4x too long (its height estimated from the
title's block alone). Now the reader is told the page is still loading, and H moves by heading once
it is in, with the scroll bar about the page's real length.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.test_back_keeps_place import long_pages_in_the_worker  # noqa: F401 - a fixture
from tests.ui.test_page_builds import click_topic, window  # noqa: F401 - window is a fixture

SLOW_PARSE_S = 1.5


@pytest.fixture
def slow_long_page(window, long_pages_in_the_worker):  # noqa: F811
    renderer = window.pages.renderer
    real = renderer.render

    def render(text, topic=None, *handed):  # (handed: what each part is handed to as it is made, if any)
        if topic is not None and topic.id == "long":
            time.sleep(SLOW_PARSE_S)  # a long imported page, parsed in the worker
        return real(text, topic, *handed)

    renderer.render = render
    return window


def test_h_on_a_page_still_loading_answers_at_once_and_moves_once_it_is_in(slow_long_page, qtbot):
    window, reader = slow_long_page, slow_long_page.reader  # noqa: F811
    said: list[str] = []
    window.announcer.said.connect(said.append)
    click_topic(window, qtbot, "long")
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    assert reader.is_building()
    began = time.perf_counter()
    qtbot.keyClick(reader, Qt.Key.Key_H)
    assert time.perf_counter() - began < SLOW_PARSE_S / 3  # not parsed on the UI thread meanwhile
    assert reader.is_building()
    assert said[-1] == "This page is still loading. Try again in a moment."

    with qtbot.waitSignal(reader.pageCompleted, timeout=20_000):
        pass
    bar = reader.verticalScrollBar()
    qtbot.keyClick(reader, Qt.Key.Key_H)  # at once: before the page's layout takes its first step
    assert reader.textCursor().block().text().strip()  # on a heading
    estimate = bar.maximum()
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    assert bar.maximum() / 1.5 < estimate < 1.5 * bar.maximum()  # about the page's length (was 5x too long)
