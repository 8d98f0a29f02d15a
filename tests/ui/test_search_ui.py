"""Searching from the window: as you type, by keyboard, and find in page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def type_query(window, qtbot, text):
    field = window.search_field
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is field
    field.clear()
    qtbot.keyClicks(field, text)
    assert field.text() == text
    field.flush()
    qtbot.waitUntil(lambda: window.search_panel.isVisible() and window.search.is_ready)
    if window.search_panel.list.count() == 0 and not window.search_panel.suggestions.isVisible():
        window.run_search(text)  # the index was still being built when typing stopped
    return window.search_panel


def titles(panel):
    return [panel.list.item(i).data(Qt.ItemDataRole.UserRole).ref for i in range(panel.list.count())]


def test_results_as_you_type_and_keyboard_to_open(window, qtbot):
    panel = type_query(window, qtbot, "spread to my bones")
    assert titles(panel)[0] == "where-it-spreads"
    assert "bones" in panel.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    field = window.search_field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert panel.list.currentRow() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.current_url() == "topic:where-it-spreads"
    assert not panel.isVisible()
    # The reader scrolled to the first match and highlights every match.
    highlighted = [c.selectedText().lower() for c in window.highlighter.matches]
    assert highlighted and all(w.startswith(("spread", "bone")) for w in highlighted)
    assert window.reader.textCursor().selectedText().lower().startswith(("spread", "bone"))
    assert len(window.reader.extraSelections()) == len(highlighted)


def test_misspelt_words_say_what_was_searched(window, qtbot):
    panel = type_query(window, qtbot, "chemoterapy")
    assert "Showing results for \u201cchemotherapy\u201d" in panel.status.text()
    assert "chemotherapy" in titles(panel)


def test_no_results_suggests_the_glossary_and_home(window, qtbot):
    panel = type_query(window, qtbot, "zzqxv wwqpt")
    assert "No results" in panel.status.text()
    assert panel.suggestions.isVisible() and not panel.list.isVisible()
    qtbot.mouseClick(panel.glossary_button, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "app:glossary"


def test_glossary_result_opens_its_entry(window, qtbot):
    panel = type_query(window, qtbot, "biopsy")
    row = titles(panel).index("biopsy")
    panel.list.setCurrentRow(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.reader.current_url() == "app:glossary#term-biopsy"


def test_escape_clears_and_hostile_text_is_fine(window, qtbot):
    panel = type_query(window, qtbot, 'NEAR( "AND *')
    assert panel.isVisible()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == "" and not panel.isVisible()


def test_find_in_page(window, qtbot):
    window.reader.go("topic:what-is-it")
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "cancer")
    total = len(window.highlighter.matches)
    assert total > 3
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {total}"
    assert window.reader.textCursor().selectedText().lower() == "cancer"
    bar.field.setText("zzzz")
    assert bar.count.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []
    assert QApplication.focusWidget() is window.reader
