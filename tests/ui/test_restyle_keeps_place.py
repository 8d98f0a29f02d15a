"""A new theme or text size keeps the reader's place on a long page, and their saved place with it.

Review S2: at home, 40% down a long page, View > Theme > Dark (or Ctrl++, Ctrl+-, Ctrl+0) put the
reader near the page's top, and saved that as their place (a restart opened there). Restyling the
window re-laid the old page out at once, Qt clamped the scroll bar to the few screens laid out so far,
and the reader's place was read from the scroll bar only after that (a height: wrong in new fonts
anyway). The page here is long enough that Qt lays it out in steps, and its height changes with the
text size, as on a long imported page. Each test presses what a reader presses, with settings on.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.appearance import THEMES
from sbc_desktop.ui.reader import FIND
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_long_page_steps import read_to, roll_wheel, slow_layout  # noqa: F401 - slow_layout is a fixture
from tests.ui.test_page_builds import click_topic, other_body
from tests.ui.test_switching import long_body


@pytest.fixture
def root(tmp_path):
    """A page of about 400,000 characters, as the longest imported pages: Qt's first layout step after
    a new font covers under 1% of it, and then tells the scroll bar only that step's height."""
    longest = "\n".join(long_body().replace("Part ", f"Part {n}.") for n in range(14))
    return make_content(tmp_path / "content", {"long": longest, "other": other_body()})


def top_line(reader) -> tuple[int, str]:
    """The paragraph at the top of the reader (which one: the page repeats its words)."""
    block = reader.cursorForPosition(QPoint(5, 5)).block()
    return block.blockNumber(), block.text()


def settled(reader, qtbot) -> None:
    """The page is laid out again to its end, and shown (at its place)."""
    qtbot.waitUntil(lambda: reader.is_laid_out() and reader.viewport().updatesEnabled(), timeout=30_000)


def reading_long_page(window, qtbot, fraction: float = 0.4) -> tuple[tuple[int, str], float]:
    click_topic(window, qtbot, "long")
    read_to(window, qtbot, fraction)
    line, saved = top_line(window.reader), window._positions["long"]
    assert window.reader.document().characterCount() > 300_000
    assert line[1].strip() and saved == pytest.approx(fraction, abs=0.02)
    return line, saved


def choose_theme_in_view_menu(window, qtbot, name: str) -> None:
    """Alt+V, up to the last item (Theme), Right into it, down to the theme, Enter."""
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view = QApplication.activePopupWidget()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.activeAction().menu() is not None  # the Theme submenu
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view)
    themes = QApplication.activePopupWidget()
    for _ in range(len(themes.actions())):
        if themes.activeAction() is window.commands.themes[name]:
            break
        qtbot.keyClick(themes, Qt.Key.Key_Down)
    assert themes.activeAction() is window.commands.themes[name]
    qtbot.keyClick(themes, Qt.Key.Key_Return)
    window.activateWindow()  # (the window manager's part: the offscreen platform leaves the closed menu active)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_new_theme_from_the_view_menu_keeps_the_place_and_the_saved_one(qtbot, root, settings):
    window = open_window(qtbot, load_library(root), settings)
    reader = window.reader
    line, saved = reading_long_page(window, qtbot)
    for name in ("dark", "contrast"):
        choose_theme_in_view_menu(window, qtbot, name)
        assert THEMES[name].link in reader.document().defaultStyleSheet()
        settled(reader, qtbot)
        assert top_line(reader) == line, name
        assert window._positions["long"] == saved, name
    window.close()
    assert settings.reading_positions()["long"] == saved  # a restart opens there


def test_a_new_text_size_by_keyboard_keeps_the_place(qtbot, root, settings):
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    line, saved = reading_long_page(window, qtbot)
    height = bar.maximum()
    for key, scale in ((Qt.Key.Key_Plus, 1.25), (Qt.Key.Key_Plus, 1.5), (Qt.Key.Key_Minus, 1.25), (Qt.Key.Key_0, 1.0)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.appearance.scale == scale
        settled(reader, qtbot)
        assert (bar.maximum() == height) == (scale == 1.0)  # the page's height changes with the text
        assert top_line(reader) == line, scale
        assert window._positions["long"] == pytest.approx(saved, abs=0.01), scale


def test_the_toolbars_larger_text_button_keeps_the_place_twice_in_a_row(qtbot, root, settings):
    window = open_window(qtbot, load_library(root), settings)
    reader = window.reader
    line, saved = reading_long_page(window, qtbot, 0.6)
    button = window.view_toolbar.widgetForAction(window.commands.larger)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # again, before the page is back at its place
    assert window.appearance.scale > 1.2
    settled(reader, qtbot)
    assert top_line(reader) == line
    assert window._positions["long"] == pytest.approx(saved, abs=0.01)


def test_a_scroll_while_the_page_is_laid_out_again_wins(qtbot, root, settings):
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    line, _saved = reading_long_page(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not reader.is_laid_out()  # laid out again in steps (the place is put back once they reach it)
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)  # the reader's own scroll: from where the page is now
    mine = bar.value()
    settled(reader, qtbot)
    assert bar.value() == mine and top_line(reader) != line
    assert window._positions["long"] == pytest.approx(mine / bar.maximum(), abs=0.001)


def test_a_new_text_size_while_the_page_is_still_laid_out_keeps_the_place(qtbot, root, settings,
                                                                          slow_layout):  # noqa: F811 # fmt: skip
    """Scrolled (by the wheel) down a page Qt is still laying out in steps: Qt's own hit test can name a
    block far below the screen then, so the place is found among the blocks laid out."""
    window = open_window(qtbot, load_library(root), settings)
    reader, bar = window.reader, window.reader.verticalScrollBar()
    with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
        click_topic(window, qtbot, "long")
    for _ in range(20):
        roll_wheel(reader, 25)
        QApplication.processEvents()
    assert not reader.is_laid_out() and bar.value() > 5_000
    place = bar.value()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not reader.is_laid_out()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # and back, before it is
    settled(reader, qtbot)
    assert abs(bar.value() - place) <= reader.fontMetrics().lineSpacing()


def test_a_new_text_size_keeps_the_find_matches_and_the_caret(qtbot, root, settings):
    """The page is laid out again in the new size, not made again: what is marked on it stays."""
    window = open_window(qtbot, load_library(root), settings)
    reader = window.reader
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(reader.is_laid_out, timeout=20_000)
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "part 7.3 heading")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(reader.layer(FIND)) == reader.toPlainText().lower().count("part 7.3 heading"))
    caret = reader.textCursor()
    assert caret.selectedText() == "Part 7.3 heading"
    marks = [(mark.cursor.selectionStart(), mark.cursor.selectionEnd()) for mark in reader.layer(FIND)]
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 1.25
    settled(reader, qtbot)
    now = reader.textCursor()
    assert (now.selectionStart(), now.selectionEnd()) == (caret.selectionStart(), caret.selectionEnd())
    assert [(mark.cursor.selectionStart(), mark.cursor.selectionEnd()) for mark in reader.layer(FIND)] == marks
    assert all(mark.cursor.document() is reader.document() for mark in reader.layer(FIND))
