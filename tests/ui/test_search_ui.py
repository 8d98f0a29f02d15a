"""Searching from the window: as you type, by keyboard, and find in page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
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
    if window.search_panel.status.text().startswith("Getting search ready"):
        window.run_search(text)  # the index was still being built when typing stopped
    return window.search_panel


def titles(panel):
    return [panel.list.item(i).data(Qt.ItemDataRole.UserRole).ref for i in range(panel.list.count())]


def test_results_as_you_type_and_keyboard_to_open(window, qtbot):
    panel = type_query(window, qtbot, "spread to my bones")
    assert titles(panel)[0] == "where-it-spreads"
    assert "bones" in panel.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    field = window.search_field
    qtbot.keyClick(field, Qt.Key.Key_Down)  # the first Down stays on the best result, and says it (review8 m5)
    assert panel.list.currentRow() == 0
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert panel.list.currentRow() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.current_url() == "topic:where-it-spreads"
    assert not panel.isVisible()
    # The reader scrolled to the first match and highlights every match.
    highlighter = window.highlighter
    highlighted = [highlighter.matched_text(i).lower() for i in range(len(highlighter.spans))]
    assert highlighted and all(w.startswith(("spread", "bone")) for w in highlighted)
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower().startswith(("spread", "bone")))
    # The matches on screen (and a screen either side) are marked, the current one among them.
    selections = window.reader.extraSelections()
    assert selections and {s.cursor.selectedText().lower() for s in selections} <= set(highlighted)
    assert window.reader.textCursor().selectionStart() in [s.cursor.selectionStart() for s in selections]


def test_typing_on_moves_the_highlight_to_the_new_best_result(window, qtbot):
    """A new query highlights its best result, whatever was highlighted before: Enter opens it."""
    panel = type_query(window, qtbot, "bones")
    field = window.search_field
    assert panel.list.currentRow() == 0
    qtbot.keyClick(field, Qt.Key.Key_Down)  # the best result, said (review8 m5) ...
    qtbot.keyClick(field, Qt.Key.Key_Down)  # ... the second result, a look and no more ...
    assert panel.list.currentRow() == 1 and titles(panel)[1] == "bone-scan"
    with qtbot.waitSignal(field.queryChanged):  # ... then the user types on
        qtbot.keyClicks(field, " spread")
    assert titles(panel)[0] == "where-it-spreads" and "bone-scan" in titles(panel)[1:]
    assert panel.list.currentRow() == 0
    with qtbot.waitSignal(field.queryChanged):  # and back: the best result of "bones" again
        for _ in " spread":
            qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "bones" and "where-it-spreads" in titles(panel)[1:]
    assert panel.list.currentRow() == 0
    with qtbot.waitSignal(field.queryChanged):
        qtbot.keyClicks(field, " spread")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.current_url() == "topic:where-it-spreads"


def test_misspelt_words_say_what_was_searched(window, qtbot):
    panel = type_query(window, qtbot, "chemoterapy")
    assert "Showing results for \u201cchemotherapy\u201d" in panel.status.text()
    assert "chemotherapy" in titles(panel)


def test_words_run_together_find_the_same_first_page_as_the_two_words(window, qtbot):
    """ "sideeffects" listed "Side effects and coping with them" third, after palliative care."""
    panel = type_query(window, qtbot, "sideeffects")
    assert panel.status.text().startswith("Showing results for \u201cside effects\u201d.")
    assert titles(panel)[0] == "side-effects"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.reader.current_url() == "topic:side-effects"


def test_a_rare_word_a_letter_from_breast_is_breast(window, qtbot):
    """Review8 m3: "brest" (an English word: a French town) found nothing; it is the patient's "breast"."""
    panel = type_query(window, qtbot, "brest")
    assert panel.status.text().startswith("Showing results for \u201cbreast\u201d.")
    assert "breast" in panel.list.item(0).text().lower()
    best = titles(panel)[0]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.reader.current_url() == f"topic:{best}"


def test_the_american_spelling_finds_and_highlights_the_british_word(window, qtbot):
    """Review8 m3: "estrogen" found one glossary word on these British pages; now it is their "oestrogen", found
    as typed (no correction shown), and marked on the page opened."""
    panel = type_query(window, qtbot, "estrogen")
    assert "Showing results for" not in panel.status.text()
    assert "hormone-and-targeted" in titles(panel)[:3]
    field = window.search_field
    while titles(panel)[panel.list.currentRow()] != "hormone-and-targeted":
        qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.current_url() == "topic:hormone-and-targeted"
    highlighter = window.highlighter
    marked = {highlighter.matched_text(i).lower() for i in range(len(highlighter.spans))}
    assert marked and all(text.startswith("oestrogen") for text in marked), marked


def test_no_results_says_so_and_points_somewhere(window, qtbot):
    """Typed in the real search box: a plain "no results", the nearest pages (reached by
    Down and Enter), the glossary A to Z, and who to ask with the care team's numbers."""
    from sbc_desktop.care_team import CareTeam

    window.kiosk_care_team = CareTeam(name="Ward 3", phone="0100 000 111", nurse="Sam", nurse_phone="0100 000 222")
    panel = type_query(window, qtbot, "xylophone lessons")
    assert panel.status.text().startswith("No results for \u201cxylophone lessons\u201d.")
    assert panel.suggestions.isVisible() and panel.list.isVisible()
    who = panel.who_to_ask.text()
    assert "Sam" in who and "0100 000 222" in who and "Ward 3" in who and "0100 000 111" in who
    assert panel.list.count() >= 1 and panel.list.currentRow() == -1  # Enter alone opens nothing
    first = titles(panel)[0]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.reader.current_url() == f"topic:{first}"

    panel = type_query(window, qtbot, "xylophone")
    qtbot.mouseClick(panel.glossary_button, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "app:glossary"
    panel = type_query(window, qtbot, "xylophone")
    qtbot.mouseClick(panel.care_button, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:care-team"


def test_no_results_without_numbers_still_says_who_to_ask(window, qtbot):
    panel = type_query(window, qtbot, "zzqxv wwqpt")
    assert "No results" in panel.status.text()
    assert panel.who_to_ask.text().startswith("Who to ask:") and "specialist nurse" in panel.who_to_ask.text()
    assert panel.care_button.isVisible() and panel.glossary_button.isVisible()


def test_results_in_the_window_come_best_first(window, qtbot):
    panel = type_query(window, qtbot, "mets in bones")
    scores = [panel.list.item(i).data(Qt.ItemDataRole.UserRole).score for i in range(panel.list.count())]
    assert titles(panel)[0] == "where-it-spreads" and scores == sorted(scores, reverse=True)
    assert not panel.suggestions.isVisible()


def test_typing_a_word_shows_results_before_it_is_finished(window, qtbot):
    panel = type_query(window, qtbot, "hormo")
    assert "hormone-and-targeted" in titles(panel)[:3] and "Showing results for" not in panel.status.text()


def test_glossary_result_opens_its_entry(window, qtbot):
    panel = type_query(window, qtbot, "biopsy")
    row = titles(panel).index("biopsy")
    panel.list.setCurrentRow(row)
    said: list[str] = []
    window.announcer.said.connect(said.append)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.reader.current_url() == "app:glossary#term-biopsy"
    # The built-in glossary (under 100 words) is one A to Z page; the word is at the top of the view, the
    # caret on it (a screen reader reads on from there), and it is said with its meaning.
    reader = window.reader
    qtbot.waitUntil(lambda: reader.textCursor().block().text() == "biopsy", timeout=10000)
    top = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, 4)).block().text()
    assert top == "biopsy" and window.windowTitle() == "Glossary A to Z"
    assert any(message.startswith("biopsy: A test where") for message in said)
    assert window.library.glossary["fatigue"].term in reader.document().toPlainText()  # every letter on it


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
    qtbot.waitUntil(lambda: not window.finder.busy())  # the page may still be coming in: then counted
    total = len(window.highlighter.spans)
    assert total > 3
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {total}"
    # (selected once the page is laid out, in the idle steps after it is complete: page_find._show_current)
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText().lower() == "cancer")
    bar.field.setText("zzzz")
    assert bar.count.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []
    assert QApplication.focusWidget() is window.reader
