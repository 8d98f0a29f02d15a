"""Find in page across a page change and while a long page is still coming (review findings M1, M2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from sbc_desktop.ui import reader as reader_module
from tests.helpers import make_content
from tests.ui.test_find_in_page import make_window, on_page, open_find, open_long_page, page_find_announce_ms, spoken
from tests.ui.test_page_builds import Gate
from tests.ui.test_switching import long_body


@pytest.fixture(autouse=True)
def long_pages_in_the_worker(monkeypatch):
    """As in the app (tests/conftest.py parses every page in go()): a long page says "Loading..." first."""
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)


@pytest.fixture
def window(qtbot, tmp_path):
    root = make_content(
        tmp_path / "content",
        {
            "short": "Read [the long page](topic:long).",
            "long": long_body(),
            "long2": "The liver, the liver and the liver again.\n\n" + long_body().replace("zebrafinch", "osprey"),
        },
    )
    return make_window(qtbot, root, tmp_path)


def counts(said: list[str]) -> list[str]:
    return [s for s in said if " of " in s or s == "Not found"]


def test_a_new_page_never_says_the_old_pages_count(window, qtbot):
    open_long_page(window, qtbot)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "liver")
    total = on_page(window, "liver")
    qtbot.waitUntil(lambda: bar.count.text() == f"1 of {total}", timeout=10_000)
    said = spoken(window)  # the old count is due in ANNOUNCE_MS: the page changes first
    gate = Gate(window.pages.renderer, {"long2"})  # the new page is parsed for longer than that
    window.reader.go("topic:long2")
    assert window.reader.is_building()
    assert bar.count.text() == "Searching…"  # not the old page's count
    qtbot.wait(page_find_announce_ms() + 100)
    assert counts(said) == [] and bar.count.text() == "Searching…"
    gate.open()
    qtbot.waitUntil(lambda: window.reader.is_laid_out() and not window.finder.busy(), timeout=10_000)
    total2 = on_page(window, "liver")
    assert total2 != total
    assert bar.count.text() == f"1 of {total2}"
    qtbot.waitUntil(lambda: bool(counts(said)), timeout=3000)
    qtbot.wait(page_find_announce_ms() + 100)
    assert counts(said) == [f"1 of {total2}"]


def test_a_query_not_found_yet_selects_nothing(window, qtbot):
    open_long_page(window, qtbot)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "liver")
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == "liver", timeout=10_000)
    qtbot.keyClicks(bar.field, "x")  # "liverx": on no page
    assert window.reader.textCursor().selectedText() == ""
    qtbot.waitUntil(lambda: bar.count.text() == "Not found", timeout=10_000)
    assert window.reader.textCursor().selectedText() == ""


def test_typing_while_a_long_page_comes_leaves_no_earlier_letters_match_selected(window, qtbot):
    window.reader.go("topic:short")
    qtbot.waitUntil(window.reader.is_laid_out, timeout=10_000)
    window.reader.go("topic:long2")
    open_find(window, qtbot)
    bar = window.find_bar
    for key in "osprey":
        qtbot.keyClicks(bar.field, key)
        qtbot.wait(30)
        selected = window.reader.textCursor().selectedText().lower()
        assert selected in ("", bar.field.text().lower()), (bar.field.text(), selected)
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == "osprey", timeout=10_000)


class FirstPaint(QObject):
    """The scroll bar's value and range when ``viewport`` is next painted."""

    def __init__(self, viewport, bar):
        super().__init__(viewport)
        self.bar, self.at = bar, None
        viewport.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = (self.bar.value(), self.bar.maximum())
        return False


def test_dragging_the_scroll_bar_while_a_long_page_is_laid_out_goes_to_that_fraction(
    screen_held_till_the_place, window, qtbot, monkeypatch
):
    """Review M3: the range is only the part laid out so far; a drag to the middle goes to the page's middle,
    without laying the page out down to there in one step."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

    from sbc_desktop.ui import page_document

    monkeypatch.setattr(page_document, "LAYOUT_STEP_CHARS", 50)  # laid out in many turns, as a 1 MB page
    monkeypatch.setattr(page_document, "LAYOUT_BUDGET_S", 0.0)
    reader = window.reader
    reader.go("topic:long")
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    bar = reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
    assert not reader.is_laid_out()  # the scroll bar spans only the part laid out so far
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style = bar.style()
    thumb = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar)
    press = thumb.center()
    # The thumb's top to the middle of what it can travel: half of the page.
    travel = groove.height() - thumb.height()
    to = press + (groove.topLeft() - thumb.topLeft()) + type(press)(0, travel // 2)
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=press)
    assert bar.isSliderDown()
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(to), bar.mapToGlobal(QPointF(to)), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(bar, move)
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=to)
    # Not laid out down to there in one step (up to a second on the longest pages): the screen is left as it
    # was while the steps go on down to the place, then shown there.
    assert not reader.is_laid_out() and not reader.viewport().updatesEnabled()
    shown = FirstPaint(reader.viewport(), bar)
    qtbot.waitUntil(lambda: shown.at is not None, timeout=10_000)
    value, maximum = shown.at  # where the page is when the patient first sees it (steps go on after)
    assert abs(value / maximum - 0.5) < 0.01, shown.at
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    assert abs(bar.value() / bar.maximum() - 0.5) < 0.05, (bar.value(), bar.maximum())  # (the real height now)


def test_a_final_count_is_said_once_though_the_first_match_is_shown_later(qtbot, tmp_path, monkeypatch):
    """On a page still being laid out, the count is final before its first match can be selected (once the page
    is laid out down to it). Selecting it then shows the same count again: it is not said again. (On a loaded
    machine that came more than ANNOUNCE_MS after the count was said, and the count was said twice.)"""
    from sbc_desktop.ui import find_bar, page_document

    monkeypatch.setattr(find_bar, "ANNOUNCE_MS", 20)  # (said 20 ms after it is final: before the layout ends)
    monkeypatch.setattr(page_document, "LAYOUT_STEP_CHARS", 500)
    monkeypatch.setattr(page_document, "LAYOUT_BUDGET_S", 0.0)
    root = make_content(tmp_path / "content", {"short": "Read on.", "long2": "Osprey.\n\n" + long_body()})
    window = make_window(qtbot, root, tmp_path)
    window.reader.go("topic:short")
    qtbot.waitUntil(window.reader.is_laid_out, timeout=10_000)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "osprey")
    qtbot.waitUntil(lambda: bar.count.text() == "Not found", timeout=10_000)
    said = spoken(window)
    window.reader.go("topic:long2")
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 1" and counts(said) == ["1 of 1"], timeout=10_000)
    assert not window.reader.is_laid_out() and window.reader.textCursor().selectedText() == ""  # not shown yet
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == "osprey", timeout=20_000)
    qtbot.wait(find_bar.ANNOUNCE_MS * 5)
    assert counts(said) == ["1 of 1"]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Next, round to the same match: asked for, so said again
    qtbot.waitUntil(lambda: counts(said) == ["1 of 1", "1 of 1"], timeout=5_000)
