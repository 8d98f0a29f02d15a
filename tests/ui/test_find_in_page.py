"""Find in page on a long page: each key a short step, the count right when shown and said once, no whole-page step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.ui import page_find
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.reader import FIND
from tests.helpers import make_content
from tests.ui.conftest import start_kiosk
from tests.ui.test_switching import assert_whole_long_page, long_body


@pytest.fixture
def small_steps(monkeypatch):
    """A window of 400 characters a step: on the test's long page the count takes many steps, as on a 1 MB page."""
    monkeypatch.setattr(page_find, "WINDOW_CHARS", 400)
    monkeypatch.setattr(page_find, "STEP_S", 0.0)


@pytest.fixture
def content(tmp_path):
    return make_content(
        tmp_path / "content",
        {"short": "Read [the long page](topic:long). Nothing about organs here.", "long": long_body()},
        glossary="terms:\n  - id: liver\n    term: liver\n    definition: An organ.\n",
    )


def make_window(qtbot, root, tmp_path, settings=None):
    from tests.ui.conftest import show_active

    window = MainWindow(load_library(root), settings=settings, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.resize(800, 600)
    return show_active(qtbot, window)


@pytest.fixture
def window(qtbot, content, tmp_path):
    return make_window(qtbot, content, tmp_path)


def no_whole_page_steps(window, monkeypatch) -> None:
    """Adding every piece still to come at once (one long step) fails the test."""

    def whole_page() -> None:
        raise AssertionError("the whole page was added in one step")

    monkeypatch.setattr(window.reader, "ensure_complete", whole_page)


def open_long_page(window, qtbot) -> None:
    window.reader.go("topic:long")
    qtbot.waitUntil(window.reader.is_laid_out, timeout=10_000)


def open_find(window, qtbot) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()


def on_page(window, text: str) -> int:
    return window.reader.toPlainText().lower().count(text.lower())


def spoken(window) -> list[str]:
    said: list[str] = []
    window.announcer.said.connect(said.append)
    return said


def test_typing_on_a_long_page_counts_in_short_steps_and_says_the_final_count_once(window, qtbot, small_steps):
    open_long_page(window, qtbot)
    said = spoken(window)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "liver")
    total = on_page(window, "liver")
    assert total > 40
    # The first match is shown at once; the rest are still being counted, and the count says so.
    assert window.reader.textCursor().selectedText().lower() == "liver"
    assert bar.count.text().endswith("so far") and window.finder.busy()
    qtbot.waitUntil(lambda: bar.count.text() == f"1 of {total}")
    assert bar.count.accessibleName() == f"1 of {total}"
    with qtbot.waitSignal(window.announcer.said, timeout=3000):
        pass
    qtbot.wait(page_find_announce_ms() + 100)  # nothing more is said
    assert [s for s in said if " of " in s or s == "Not found"] == [f"1 of {total}"]
    # Only the matches on and near the screen are marked, every one of them a match.
    marks = window.reader.layer(FIND)
    assert 0 < len(marks) < total
    assert {m.cursor.selectedText().lower() for m in marks} == {"liver"}


def page_find_announce_ms() -> int:
    from sbc_desktop.ui import find_bar

    return find_bar.ANNOUNCE_MS


def test_enter_shift_enter_and_f3_move_through_the_matches_and_go_round(window, qtbot, small_steps):
    open_long_page(window, qtbot)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "part 3")  # "Part 3 heading" and Part 30 to 39: 11
    total = on_page(window, "part 3")
    assert total == 11
    # Shift+Enter from the first goes round to the last, even before the count is done.
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{total} of {total}"
    assert window.reader.textCursor().selectedText() == "Part 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"3 of {total}"
    cursor = window.reader.textCursor()
    assert cursor.selectedText() == "Part 3"
    assert cursor.block().text().startswith("Part 31 heading")
    # The current match is marked in its own colour.
    current = [m for m in window.reader.layer(FIND) if m.format.background().color() == page_find.Highlighter.CURRENT]
    assert [m.cursor.selectionStart() for m in current] == [cursor.selectionStart()]


def test_a_query_with_no_match_says_so(window, qtbot, small_steps):
    open_long_page(window, qtbot)
    said = spoken(window)
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "zzqx")
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "Not found")
    assert window.reader.layer(FIND) == []
    qtbot.waitUntil(lambda: "Not found" in said)
    assert said.count("Not found") == 1


def test_typing_fast_shows_only_the_last_query(window, qtbot, small_steps):
    open_long_page(window, qtbot)
    said = spoken(window)
    open_find(window, qtbot)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "liver")
    assert window.finder.busy()  # still counting "liver" when the next words come
    bar.field.selectAll()
    qtbot.keyClicks(bar.field, "bones")
    total = on_page(window, "bones")
    qtbot.waitUntil(lambda: bar.count.text() == f"1 of {total}")
    assert {window.highlighter.matched_text(i).lower() for i in range(len(window.highlighter.spans))} == {"bones"}
    assert {m.cursor.selectedText().lower() for m in window.reader.layer(FIND)} == {"bones"}
    qtbot.waitUntil(lambda: any(" of " in s for s in said))
    qtbot.wait(page_find_announce_ms() + 100)
    assert [s for s in said if " of " in s] == [f"1 of {total}"]  # only the last query's count is said


def test_a_new_page_drops_a_find_still_counting(window, qtbot, small_steps):
    open_long_page(window, qtbot)
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "liver")
    assert window.finder.busy()
    window.reader.go("topic:short")  # the find bar is open: the new page is searched instead
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "Not found")
    qtbot.wait(50)
    assert len(window.highlighter.spans) == 0 and window.reader.layer(FIND) == []


def test_a_kiosk_reset_drops_a_find_still_counting(qtbot, content, small_steps):
    window, controller = start_kiosk(qtbot, load_library(content), KioskConfig())
    open_long_page(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "liver")
    assert window.finder.busy()
    said = spoken(window)
    controller.reset()  # what the idle timer does for the next patient
    qtbot.wait(page_find_announce_ms() + 100)
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert len(window.highlighter.spans) == 0 and not window.highlighter.busy()
    assert window.reader.layer(FIND) == [] and not any("liver" in s or " of " in s for s in said)


def test_a_long_page_lands_with_the_find_bar_open_in_pieces_then_highlights(window, qtbot, monkeypatch):
    window.reader.go("topic:short")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "zebrafinch")  # the long page's last words
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "Not found")
    no_whole_page_steps(window, monkeypatch)
    window.reader.go("topic:long")
    assert not window.reader.is_complete()  # only its start is in: the rest comes in steps
    assert window.find_bar.count.text() == "Searching…"
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "1 of 1", timeout=10_000)
    # Shown once the page is laid out (selecting text not yet laid out would lay it all out at once).
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText() == "zebrafinch")
    assert [m.cursor.selectedText() for m in window.reader.layer(FIND)] == ["zebrafinch"]
    assert_whole_long_page(window)


@pytest.fixture
def home(qtbot, content, tmp_path, settings):
    return make_window(qtbot, content, tmp_path, settings)


def read_to_the_middle(window, qtbot) -> int:
    open_long_page(window, qtbot)
    window.reader.setFocus()
    bar = window.reader.verticalScrollBar()
    while bar.value() < bar.maximum() // 2:
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    return bar.value()


def test_a_saved_reading_position_lands_in_pieces_then_scrolls(home, qtbot, monkeypatch):
    bar = home.reader.verticalScrollBar()
    place = read_to_the_middle(home, qtbot)
    fraction = place / bar.maximum()
    home.reader.go("topic:short")
    no_whole_page_steps(home, monkeypatch)
    home.reader.go("topic:long")
    assert not home.reader.is_complete() and bar.value() == 0  # the start first, in its steps
    qtbot.waitUntil(lambda: home.reader.is_complete() and abs(bar.value() / bar.maximum() - fraction) < 0.01)
    assert_whole_long_page(home)


def test_scrolling_while_a_long_page_comes_keeps_the_readers_own_place(home, qtbot, monkeypatch):
    bar = home.reader.verticalScrollBar()
    read_to_the_middle(home, qtbot)
    home.reader.go("topic:short")
    no_whole_page_steps(home, monkeypatch)
    home.reader.go("topic:long")
    home.reader.setFocus()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(home.reader, Qt.Key.Key_Down)  # the reader moves before the page is whole
    qtbot.keyClick(home.reader, Qt.Key.Key_PageDown)
    own = bar.value()
    assert own > 0 and not home.reader.is_complete()
    qtbot.waitUntil(home.reader.is_complete)
    qtbot.wait(50)
    assert bar.value() == own  # not taken to the saved place
