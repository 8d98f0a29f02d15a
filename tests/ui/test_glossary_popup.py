"""Glossary pop-ups: opened by mouse, tap and keyboard; closed by Esc or a click elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import link_point


def open_by_mouse(window, qtbot, term_id, page="topic:what-is-it"):
    window.reader.go(page)
    point = link_point(window.reader, f"term:{term_id}")
    with qtbot.waitSignal(window.reader.termActivated):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(window.popup.isVisible)
    return point


def test_click_opens_the_meaning_next_to_the_word(window, qtbot, library):
    point = open_by_mouse(window, qtbot, "symptom")
    popup = window.popup
    term = library.glossary["symptom"]
    assert popup.word.text().lower() == term.term.lower()
    assert QTextDocumentFragment.fromHtml(popup.definition.text()).toPlainText().strip() == term.definition
    word_on_screen = window.reader.viewport().mapToGlobal(point)
    gap = min(abs(popup.geometry().top() - word_on_screen.y()), abs(popup.geometry().bottom() - word_on_screen.y()))
    assert gap < 60  # just below (or, near the foot of the screen, just above) the word
    assert popup.accessibleDescription() == term.definition


def test_escape_closes_and_focus_returns(window, qtbot):
    window.reader.setFocus()
    open_by_mouse(window, qtbot, "symptom")
    assert QApplication.focusWidget() in (window.popup.read_more, window.popup.close_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.popup.isVisible()
    assert QApplication.focusWidget() is window.reader


def test_click_elsewhere_closes(window, qtbot):
    open_by_mouse(window, qtbot, "symptom")
    outside = window.popup.mapFromGlobal(window.mapToGlobal(QPoint(5, window.height() - 5)))
    qtbot.mouseClick(window.popup, Qt.MouseButton.LeftButton, pos=outside)
    qtbot.waitUntil(lambda: not window.popup.isVisible())


def test_a_tap_elsewhere_closes_and_still_opens_what_was_tapped(window, qtbot):
    open_by_mouse(window, qtbot, "symptom")
    item = window.tree._items["topic:tests"]
    on_item = window.tree.viewport().mapToGlobal(window.tree.visualItemRect(item).center())
    # Under a real display the pop-up receives the tap (it holds the mouse): send it there.
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(window.popup, Qt.MouseButton.LeftButton, pos=window.popup.mapFromGlobal(on_item))
    assert not window.popup.isVisible()
    assert window.reader.current_url() == "topic:tests"


def test_stays_open_while_the_pointer_is_over_it(window, qtbot):
    open_by_mouse(window, qtbot, "symptom")
    qtbot.mouseMove(window.popup.definition)
    qtbot.mouseMove(window.popup, QPoint(2, 2))
    qtbot.mouseMove(window.reader.viewport(), QPoint(10, 10))
    QApplication.processEvents()
    assert window.popup.isVisible()  # moving the pointer never closes it: Esc or a click does


def test_keyboard_tab_to_the_word_and_enter(window, qtbot, library):
    reader = window.reader
    reader.go("topic:what-is-it")
    reader.setFocus()
    for _ in range(40):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        if reader.textCursor().hasSelection() and _href_at_selection(reader).startswith("term:"):
            break
    href = _href_at_selection(reader)
    assert href.startswith("term:"), "Tab never reached a glossary word"
    with qtbot.waitSignal(reader.termActivated):
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert window.popup.isVisible()
    assert window.popup.term.id == href[len("term:") :]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.popup.isVisible()
    assert QApplication.focusWidget() is reader


def _href_at_selection(reader):
    cursor = reader.textCursor()
    probe = reader.textCursor()
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat().anchorHref()


def test_read_more_opens_the_topic(window, qtbot, library):
    open_by_mouse(window, qtbot, "metastasis")
    term = window.popup.term
    assert term.topic, "this word should explain more elsewhere"
    assert window.popup.read_more.isVisible()
    assert library.topic(term.topic).title in window.popup.read_more.text()
    qtbot.mouseClick(window.popup.read_more, Qt.MouseButton.LeftButton)
    assert not window.popup.isVisible()
    assert window.reader.current_url() == f"topic:{term.topic}"


def test_close_button_and_terms_without_a_topic(window, qtbot, library, monkeypatch):
    open_by_mouse(window, qtbot, "symptom")
    term = library.glossary["symptom"]
    monkeypatch.setattr(term, "topic", "")
    window.show_term("symptom", window.popup.geometry())
    assert not window.popup.read_more.isVisible()
    qtbot.mouseClick(window.popup.close_button, Qt.MouseButton.LeftButton)
    assert not window.popup.isVisible()


def test_unknown_term_says_so(window):
    window.reader.anchorClicked.emit(QUrl("term:no-such-word"))
    assert not window.popup.isVisible()
    assert "not in the glossary" in window.statusBar().currentMessage()


def test_a_tap_opens_the_meaning(window, qtbot):
    from PySide6.QtTest import QTest

    window.reader.go("topic:what-is-it")
    point = link_point(window.reader, "term:symptom")
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(window.reader.termActivated) as blocker:
        viewport = window.reader.viewport()
        QTest.touchEvent(viewport, device).press(0, point, viewport).commit()
        QTest.touchEvent(viewport, device).release(0, point, viewport).commit()
    assert blocker.args[0] == "symptom"
    qtbot.waitUntil(window.popup.isVisible)
    assert window.popup.term.id == "symptom"
