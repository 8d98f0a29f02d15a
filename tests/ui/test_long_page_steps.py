"""While a long page is laid out in steps (after it is shown whole), nothing the reader does lays the
whole page out in one step, and the scroll bar already spans the whole page.

Each of these used to freeze the window for 0.2-1 s on the longest imported pages: a scroll (wheel,
Page Down), moving by heading or link (H, K), and the scroll bar showed the page as one screen long
until the layout ended. The layout steps are made tiny here so that the page is still being laid
out when the keys are pressed, as on a long page on a slow machine.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import page_document
from sbc_desktop.ui.appearance import THEMES
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import longer_body, open_window, root  # noqa: F401 - root is a fixture
from tests.ui.test_page_builds import click_topic
from tests.ui.test_urgent_help import fill_preferences


@pytest.fixture
def slow_layout(monkeypatch, screen_held_till_the_place):
    monkeypatch.setattr(page_document, "LAYOUT_BUDGET_S", 1e-9)  # one step of 1,000 characters a turn
    monkeypatch.setattr(page_document, "LAYOUT_STEP_CHARS", 1_000)


def laying_out(window, qtbot) -> None:
    """Open the long page and wait until it is complete and its layout has taken a few steps."""
    reader = window.reader
    with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
        click_topic(window, qtbot, "long")
    for _ in range(3):
        QApplication.processEvents()
    assert reader.is_complete() and not reader.is_laid_out()


def roll_wheel(reader, notches: int = 1) -> None:
    viewport = reader.viewport()
    at, on_screen = QPointF(100, 100), QPointF(viewport.mapToGlobal(QPoint(100, 100)))
    event = QWheelEvent(
        at,
        on_screen,
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_the_scroll_bar_spans_the_whole_long_page_while_it_is_laid_out(qtbot, root, settings, slow_layout):  # noqa: F811
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    laying_out(window, qtbot)
    early = bar.maximum()  # a few thousand characters of 300,000 laid out so far
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    real = bar.maximum()
    assert real > 20 * reader.viewport().height()
    assert early == pytest.approx(real, rel=0.25)  # the scroll bar already spanned (about) all of the page


def test_a_wheel_scroll_while_a_long_page_is_laid_out_keeps_the_steps_and_notes_the_place(qtbot, root, settings,  # noqa: F811
                                                                                        slow_layout):  # fmt: skip
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    laying_out(window, qtbot)
    roll_wheel(reader, 3)
    scrolled = bar.value()
    assert scrolled > 0
    assert not reader.is_laid_out()  # the wheel did not lay the rest of the page out in one step
    assert reader.cursorForPosition(reader.viewport().rect().center()).block().text()  # text on screen
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    assert bar.value() == scrolled  # nothing moved when the real height replaced the estimate
    # The place read to counts once the page's height is known (a fraction of it).
    assert window._positions["long"] == pytest.approx(scrolled / bar.maximum(), abs=0.0002)


def test_moving_by_heading_while_a_long_page_is_laid_out_lays_it_out_only_that_far(qtbot, root, settings,  # noqa: F811
                                                                                 slow_layout):  # fmt: skip
    window = open_window(qtbot, load_library(root), settings)
    reader = window.reader
    laying_out(window, qtbot)
    reader.setFocus()
    for _ in range(12):  # the title, then heading after heading down the page
        qtbot.keyClick(reader, Qt.Key.Key_H)
    assert reader.textCursor().block().text().strip() == "Part 0.10 heading"
    assert reader.viewport().rect().contains(reader.cursorRect().center())  # scrolled to it
    assert not reader.is_laid_out() and not reader.outline.is_read()  # neither done to the end at once
    qtbot.keyClick(reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert reader.textCursor().block().text().strip() == "Part 0.9 heading"
    assert not reader.is_laid_out()
    qtbot.waitUntil(lambda: reader.is_laid_out() and reader.outline.is_read(), timeout=20_000)
    assert reader.textCursor().block().text().strip() == "Part 0.9 heading"
    assert reader.viewport().rect().contains(reader.cursorRect().center())


def read_to(window, qtbot, fraction: float) -> int:
    """Scroll the long page (as clicking below the scroll bar's handle does) to about ``fraction``, once it
    is laid out; returns the place."""
    reader, bar = window.reader, window.reader.verticalScrollBar()
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    while bar.value() < fraction * bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    return bar.value()


def shown_again(reader, qtbot) -> None:
    """A long page shown again comes as any page does, its rest built off screen and laid out in steps down
    to the place, while the screen is left as it was (not its top, then a jump to the place)."""
    assert not reader.is_complete() and not reader.viewport().updatesEnabled()
    qtbot.waitUntil(reader.viewport().updatesEnabled, timeout=10_000)  # shown again once at the place
    assert reader.is_complete()


def test_back_to_a_long_page_lays_it_out_only_as_far_as_the_place(qtbot, root, settings, slow_layout):  # noqa: F811
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    click_topic(window, qtbot, "long")
    place = read_to(window, qtbot, 0.3)
    click_topic(window, qtbot, "short")
    qtbot.waitUntil(lambda: reader.current_url() == "topic:short" and reader.is_laid_out())
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    assert reader.current_url() == "topic:long"
    shown_again(reader, qtbot)
    assert bar.value() == place and reader.cursorForPosition(reader.viewport().rect().center()).block().text()
    assert not reader.is_laid_out()  # only as far as the place: the rest in steps
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    assert bar.value() == place


def test_a_new_theme_on_a_long_page_keeps_the_place_without_laying_it_all_out(qtbot, root, settings,  # noqa: F811
                                                                             slow_layout):  # fmt: skip
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    click_topic(window, qtbot, "long")
    place = read_to(window, qtbot, 0.5)
    line = reader.cursorForPosition(reader.viewport().rect().topLeft()).block().text()
    window.commands.themes["contrast"].trigger()
    shown_again(reader, qtbot)
    assert THEMES["contrast"].link in reader.document().defaultStyleSheet()
    assert bar.value() == place and not reader.is_laid_out()
    assert reader.cursorForPosition(reader.viewport().rect().topLeft()).block().text() == line
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    assert bar.value() == place


def test_new_care_team_numbers_on_a_long_page_keep_the_place_without_laying_it_all_out(qtbot, tmp_path, settings,
                                                                                      slow_layout):  # fmt: skip
    body = "If you feel unwell, ring your team.\n\n{{care-team}}\n\n" + longer_body()
    content = make_content(tmp_path / "content", {"get-help-now": body, "other": "Other text."})
    window = open_window(qtbot, load_library(content), settings, "other")
    reader, bar = window.reader, window.reader.verticalScrollBar()
    click_topic(window, qtbot, "get-help-now")
    read_to(window, qtbot, 0.5)
    line = reader.cursorForPosition(reader.viewport().rect().topLeft()).block().text()
    fill_preferences(qtbot, {"urgent_phone": "0800 000 0004"})
    window.commands.preferences.trigger()
    qtbot.waitUntil(lambda: "0800 000 0004" in reader.toPlainText())
    shown_again(reader, qtbot)
    assert not reader.is_laid_out()
    place = bar.value()
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    # The same text at the top (the numbers above it take a little more or less room than before)
    assert reader.cursorForPosition(reader.viewport().rect().topLeft()).block().text() == line
    assert bar.value() == place and "0800 000 0004" in reader.toPlainText()


def test_a_layout_turn_takes_no_step_that_would_end_past_its_budget(qtbot, monkeypatch):
    """The layout steps stop a turn before a step that, as long as the one before, would end past the
    budget: a turn of 8 ms of steps and then one more (a table's, say) held input 15-20 ms."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml("".join(f"<p>Paragraph {n} " + "words and more words " * 40 + "</p>" for n in range(200)))
    clock = [0.0]
    turns: list[float] = []

    class Clock:  # each step of the layout "takes" 3 ms
        @staticmethod
        def perf_counter() -> float:
            return clock[0]

    real_find = doc.findBlock

    def find_block(position):
        clock[0] += 0.003
        return real_find(position)

    monkeypatch.setattr(doc, "findBlock", find_block)
    monkeypatch.setattr(page_document, "time", Clock)
    steps = page_document.LayoutSteps()
    real_step = steps._step

    def timed_step() -> None:
        began = clock[0]
        real_step()
        turns.append(clock[0] - began)

    steps._step = timed_step
    steps._timer.timeout.disconnect()
    steps._timer.timeout.connect(timed_step)
    with qtbot.waitSignal(steps.finished, timeout=10_000):
        steps.start(doc)
    assert len(turns) > 3 and max(turns) <= page_document.LAYOUT_BUDGET_S
