"""Panes made on first use (start-up does not wait for them) open on the very first press.

Each test starts a fresh window and makes the press its first action: by mouse, by keyboard
shortcut and through the menu, with the focus where a person expects it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from sbc_desktop.notes import NotesStore
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import link_point


@pytest.fixture
def fresh(qtbot, library, tmp_path):
    """A window as a patient at home starts it: shown, active, on a topic, nothing opened yet."""
    window = MainWindow(library, notes_store=NotesStore(tmp_path / "notes.json"))
    qtbot.addWidget(window)
    window.open_start_page("what-is-it")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.made_appointment is None and window.made_popup is None  # not made at start
    return window


def assert_panel_open_in_notes(window, qtbot):
    qtbot.waitUntil(window.appointment_dock.isVisible)
    panel = window.made_appointment
    assert panel is not None and panel.isVisible()
    assert window.appointment_dock.toggleViewAction().isChecked()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.notes_edit)
    assert panel.add_topic_button.isEnabled()  # it knows the topic open before it was made


def test_my_appointment_opens_on_the_first_click_of_its_button(fresh, qtbot):
    button = fresh.toolbar.widgetForAction(fresh.appointment_dock.toggleViewAction())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert_panel_open_in_notes(fresh, qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and closes again, back on the page
    qtbot.waitUntil(lambda: not fresh.appointment_dock.isVisible())
    assert QApplication.focusWidget() is fresh.reader


def test_my_appointment_opens_on_the_first_ctrl_m(fresh, qtbot):
    qtbot.keyClick(fresh, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert_panel_open_in_notes(fresh, qtbot)


def test_my_appointment_opens_from_the_menu_first(fresh, qtbot):
    qtbot.keyClick(fresh, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the Appointment menu
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.activeAction() is fresh.appointment_dock.toggleViewAction()  # its first item
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert_panel_open_in_notes(fresh, qtbot)


def test_the_panel_made_late_keeps_its_place_in_the_tab_order(fresh, qtbot):
    qtbot.keyClick(fresh, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert_panel_open_in_notes(fresh, qtbot)
    order: list[QWidget] = []
    step = fresh.nextInFocusChain()
    while step is not fresh:
        if step.isVisible() and step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(step)
        step = step.nextInFocusChain()
    panel = fresh.made_appointment
    inside = [i for i, w in enumerate(order) if w is panel or panel.isAncestorOf(w)]
    assert inside == list(range(inside[0], inside[-1] + 1)), "the panel's fields are together"
    assert order[inside[0] - 1] is fresh.read_aloud_bar.speed  # after the page and its read-aloud bar...
    assert order[inside[-1] + 1].objectName() == "themeButton"  # ...before the toolbar, as when made at start
    assert order.index(fresh.search_field) > inside[-1]


def test_a_glossary_word_opens_its_meaning_on_the_first_click(fresh, qtbot, library):
    fresh.reader.setFocus()
    point = link_point(fresh.reader, "term:symptom")
    with qtbot.waitSignal(fresh.reader.termActivated):
        qtbot.mouseClick(fresh.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    popup = fresh.made_popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.word.text().lower() == library.glossary["symptom"].term.lower()
    assert QApplication.focusWidget() in (popup.read_more, popup.close_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible() and QApplication.focusWidget() is fresh.reader


def test_a_glossary_word_opens_its_meaning_on_the_first_enter(fresh, qtbot):
    reader = fresh.reader
    reader.setFocus()
    for _ in range(40):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        anchor = reader.textCursor().charFormat().anchorHref()
        if reader.textCursor().hasSelection() and anchor.startswith("term:"):
            break
    assert fresh.made_popup is None
    with qtbot.waitSignal(reader.termActivated):
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert fresh.made_popup is not None and fresh.made_popup.isVisible()
    assert QApplication.focusWidget() in (fresh.made_popup.read_more, fresh.made_popup.close_button)


def test_the_kiosk_makes_them_at_once(kiosk):
    window, _controller = kiosk  # a fresh session is compared with a freshly started kiosk, widget by widget
    assert window.made_appointment is not None and window.made_popup is not None
    assert window.made_search_panel is not None


def results_for(window, qtbot, text):
    """Type ``text`` into the search field (which has the focus) and wait for its results (the panel is made
    at the first key, or before it once search is ready: see test_search_panel_ahead.py)."""
    field = window.search_field
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, text)
    field.flush()
    qtbot.waitUntil(lambda: window.made_search_panel is not None and window.made_search_panel.isVisible())
    panel = window.made_search_panel
    if panel.status.text().startswith("Getting search ready"):  # the index was still being made: it says so...
        qtbot.waitUntil(lambda: window.search.is_ready)
        window.run_search(text)  # (as the field does when typing pauses again)
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    assert QApplication.focusWidget() is field, "the focus stays in the search field"
    return panel


def test_search_results_show_for_the_first_query_typed_after_ctrl_k(fresh, qtbot):
    qtbot.keyClick(fresh, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = results_for(fresh, qtbot, "spread to my bones")
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole).ref == "where-it-spreads"
    assert panel.status.text().endswith("results")
    qtbot.keyClick(fresh.search_field, Qt.Key.Key_Down)  # the arrows choose a result (the best first), Enter opens it
    assert panel.list.currentRow() == 0
    qtbot.keyClick(fresh.search_field, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1
    qtbot.keyClick(fresh.search_field, Qt.Key.Key_Up)
    qtbot.keyClick(fresh.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fresh.reader.current_url() == "topic:where-it-spreads")
    assert not panel.isVisible() and QApplication.focusWidget() is fresh.reader
    qtbot.keyClick(fresh, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # a second search: the same panel
    assert fresh.search_field.text() and fresh.made_search_panel is panel


def test_search_results_show_for_the_first_query_typed_after_a_click_and_open_with_a_click(fresh, qtbot):
    qtbot.mouseClick(fresh.search_field, Qt.MouseButton.LeftButton)
    panel = results_for(fresh, qtbot, "pain")
    ref = panel.list.item(0).data(Qt.ItemDataRole.UserRole).ref
    rect = panel.list.visualItemRect(panel.list.item(0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: fresh.reader.current_url().endswith(ref))
    assert not panel.isVisible()


def test_search_results_made_late_keep_their_place_in_the_tab_order_and_for_a_screen_reader(fresh, qtbot):
    qtbot.keyClick(fresh, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = results_for(fresh, qtbot, "pain")
    order: list[QWidget] = []  # shown or not (with results, the ways on below them are hidden)
    step = fresh.nextInFocusChain()
    while step is not fresh:
        if step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(step)
        step = step.nextInFocusChain()
    inside = [i for i, w in enumerate(order) if panel.isAncestorOf(w)]
    assert [order[i] for i in inside] == [panel.list, panel.glossary_button, panel.home_button, panel.care_button]
    assert inside == list(range(inside[0], inside[-1] + 1))
    assert order[inside[0] - 1] is fresh.reader  # after the page, before find in page: as when made at start
    assert order[inside[-1] + 1] is fresh.find_bar.field
    central = fresh.centralWidget()
    shown = [w for w in central.children() if isinstance(w, QWidget)]
    assert shown.index(panel) == shown.index(fresh.splitter) - 1  # above the page, for a screen reader too
    layout = central.layout()
    assert layout.indexOf(panel) == layout.indexOf(fresh.splitter) - 1  # and on screen


def test_the_search_text_progress_noted_before_the_panel_is_made_is_shown_in_it(qtbot, library):
    window = MainWindow(library)  # (not shown: search has not started, so nothing is made ahead)
    qtbot.addWidget(window)
    window.search.textAdded.emit(3, 29)  # the pages' text is being added; nothing has been searched yet
    assert window.made_search_panel is None
    panel = window.search_panel
    assert panel.text_note.text() == "Still adding the pages' text: 3 of 29"
    window.search.textAdded.emit(29, 29)
    assert panel.text_note.isHidden()


def what_a_screen_reader_is_told(window) -> tuple[str, list[str]]:
    """The focused object as assistive technology asks for it (the window's accessible focus child),
    its name, and the names of the accessible objects from it up to the window (what is spoken
    around it, e.g. "My appointment panel ... My notes text"). Asserts that it is shown and focused."""
    focus = QAccessible.queryAccessibleInterface(window).focusChild()
    assert focus is not None and focus.isValid()
    state = focus.state()
    assert state.focused and state.focusable and not state.invisible and not state.offscreen
    chain: list[str] = []
    step = focus.parent()
    while step is not None and step.isValid() and step.object() is not window:
        assert not step.state().invisible, step.text(QAccessible.Text.Name)
        if step.text(QAccessible.Text.Name):
            chain.append(step.text(QAccessible.Text.Name))
        step = step.parent()
    assert step is not None and step.object() is window  # reaches the window it is in
    # and the window's tree, walked down as a screen reader does, holds it
    found = []

    def walk(node, depth=0):
        if depth > 40:
            return
        for i in range(node.childCount()):
            child = node.child(i)
            if child is not None and child.isValid():
                if child.object() is focus.object():
                    found.append(child)
                walk(child, depth + 1)

    walk(QAccessible.queryAccessibleInterface(window))
    assert found, "the focused object is not in the window's accessible tree"
    return focus.text(QAccessible.Text.Name), chain


def test_a_screen_reader_is_told_of_my_notes_on_the_first_ctrl_m_as_on_a_later_one(fresh, qtbot):
    """review3 S2: on the first Ctrl+M (the panel made in that same press) assistive technology
    finds the notes box focused, shown and inside "My appointment", as on any later press."""
    qtbot.keyClick(fresh, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert_panel_open_in_notes(fresh, qtbot)
    first = what_a_screen_reader_is_told(fresh)
    assert first[0] == "My notes" and "My appointment" in first[1]
    qtbot.keyClick(fresh.made_appointment.notes_edit, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # closes
    qtbot.waitUntil(lambda: not fresh.appointment_dock.isVisible())
    assert QAccessible.queryAccessibleInterface(fresh).focusChild().object() is fresh.reader
    qtbot.keyClick(fresh.reader, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # opens again
    assert_panel_open_in_notes(fresh, qtbot)
    assert what_a_screen_reader_is_told(fresh) == first
