"""The next patient finds exactly a fresh kiosk: one ReadingSession, cleared in one place."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.exceptions import TimeoutError

from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.kiosk.pin import hash_pin
from sbc_desktop.notes import AppointmentNotes
from sbc_desktop.policy import Policy
from sbc_desktop.session import ReadingSession
from sbc_desktop.spread import SPREAD_URL
from sbc_desktop.ui.appearance import Appearance
from sbc_desktop.ui.kiosk import make_kiosk
from tests.ui.conftest import Clock, link_point
from tests.ui.test_fitted import choose
from tests.ui.test_kiosk_appointment import first_question, tap, tap_check_box, toolbar_button
from tests.ui.window_state import differences, window_state


@pytest.fixture(autouse=True)
def speech_installed(monkeypatch):
    """Read aloud is offered (its speed is patient state) as where a speech engine is installed."""
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: ["speech-dispatcher"])


def start_kiosk(qtbot, library):
    config = KioskConfig(idle_timeout=120, warning=30, staff_pin_hash=hash_pin("246810", n=2**10))
    window, controller = make_kiosk(library, config, clock=Clock())
    qtbot.addWidget(window)
    controller.show_kiosk()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window, controller


def choose_from_menu(qtbot, button, text: str) -> None:
    """Tap a tool button whose menu pops up, then tap ``text`` in it."""

    def pick():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        for action in menu.actions():
            if action.text() == text:
                menu.setActiveAction(action)  # as if moved there by finger or arrow keys
                QTest.keyClick(menu, Qt.Key.Key_Return)
                return
        menu.close()

    QTimer.singleShot(100, pick)
    tap(qtbot, button)


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        QTest.mouseMove(widget, start + (end - start) * step / 5)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def use_every_piece_of_state(window, controller, qtbot):
    """A patient's whole session, through the widgets they touch."""
    # "Where has it spread for you?", asked from the welcome page.
    choose(qtbot, ["bones"])
    tap(qtbot, window.reader.viewport(), link_point(window.reader, SPREAD_URL))
    assert window.session.spread.spread == ["bones"]
    # Pages, links, a glossary word left open, scrolled down.
    tap(qtbot, window.tree.viewport(), window.tree.visualItemRect(window.tree.topLevelItem(1).child(0)).center())
    assert window.reader.current_url() == "topic:what-is-it"
    tap(qtbot, window.reader.viewport(), link_point(window.reader, "topic:how-it-develops"))
    assert window.reader.current_url() == "topic:how-it-develops"
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    # Search words and results; find in page.
    tap(qtbot, window.search_field)
    qtbot.keyClicks(window.search_field, "chemo")
    window.search_field.flush()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "cells")
    # My appointment: notes, a tick, an own question half-typed and one added, a topic, large print.
    tap(qtbot, toolbar_button(window, "appointment"))
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)
    qtbot.keyClicks(panel.notes_edit, "my private worry")
    qtbot.keyClicks(panel.details.seeing_edit, "Dr Patel")  # the appointment's details
    qtbot.keyClicks(panel.details.place_edit, "Room 4")
    qtbot.keyClick(panel.details.place_edit, Qt.Key.Key_Backspace)  # an edit to undo, on an emptied box
    tap_check_box(qtbot, panel.questions, first_question(panel))
    qtbot.keyClicks(panel.own_edit, "Can I work?")
    tap(qtbot, panel.add_question_button)
    qtbot.keyClicks(panel.own_edit, "half a question")
    tap(qtbot, panel.add_topic_button)
    panel.ensureWidgetVisible(panel.large_print)
    tap(qtbot, panel.large_print, QPoint(14, panel.large_print.height() // 2))
    # Theme, text size, read-aloud speed.
    choose_from_menu(qtbot, window.commands.theme_button, "High contrast")
    assert window.appearance.theme_choice == "contrast"
    tap(qtbot, window.view_toolbar.widgetForAction(window.commands.larger))
    window.read_aloud_bar.speed.setFocus()
    qtbot.keyClick(window.read_aloud_bar.speed, Qt.Key.Key_Down)
    assert window.read_aloud.rate > 0
    # A squeezed topic list.
    handle = window.splitter.handle(1)
    drag(qtbot, handle, QPoint(2, handle.height() // 2), QPoint(-120, handle.height() // 2))
    # A glossary word's pop-up left open; copied text on the clipboard.
    tap(qtbot, window.tree.viewport(), window.tree.visualItemRect(window.tree.topLevelItem(0)).center())
    window.reader.go("topic:what-is-it")
    tap(qtbot, window.reader.viewport(), link_point(window.reader, "term:symptom"))
    qtbot.waitUntil(window.popup.isVisible)
    QApplication.clipboard().setText("copied by the patient")
    # A folded section, scrolled down the topic list.
    section = window.tree.topLevelItem(2)
    window.tree.setCurrentItem(section)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Left)
    assert not section.isExpanded()
    qtbot.keyClick(window.tree, Qt.Key.Key_End)

    session = window.session
    assert not session.is_fresh()
    assert session.search_text == "chemo" and session.find_text == "cells" and session.large_print
    assert session.speech_rate > 0 and session.folded_sections and session.pane_sizes
    assert session.appointment_open and session.history


def test_after_the_idle_reset_the_window_is_a_fresh_kiosk(qtbot, library):
    window, controller = start_kiosk(qtbot, library)
    use_every_piece_of_state(window, controller, qtbot)
    controller.idle.setInterval(300)  # the two minutes and the 30 s countdown, shortened
    controller.countdown.setInterval(5)
    controller.idle.start()
    with qtbot.waitSignal(controller.sessionCleared, timeout=10_000):
        pass  # nobody touches the screen
    controller.idle.setInterval(120_000)  # one reset is enough for this test
    assert window.session.is_fresh()

    fresh_window, fresh_controller = start_kiosk(qtbot, library)
    fresh = window_state(fresh_window)
    with contextlib.suppress(TimeoutError):  # layouts settle and clear buttons fade out in moments
        qtbot.waitUntil(lambda: differences(window_state(window), fresh) == [], timeout=3000)
    found = differences(window_state(window), fresh)
    fresh_controller.exit_kiosk()
    controller.exit_kiosk()
    assert found == []


def test_nothing_typed_comes_back_with_undo(qtbot, library):
    window, controller = start_kiosk(qtbot, library)
    tap(qtbot, window.search_field)
    qtbot.keyClicks(window.search_field, "my diagnosis")
    window.search_field.flush()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.appointment.notes_edit, "private")
    qtbot.keyClicks(window.appointment.own_edit, "half typed")
    controller.reset()
    for field in (window.search_field, window.appointment.own_edit, window.find_bar.field):
        tap(qtbot, field)
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert field.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.appointment.notes_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.appointment.notes_edit.toPlainText() == ""
    assert not window.search_panel.isVisible() and window.search_panel.list.count() == 0
    assert window.search_panel.status.text() == ""
    controller.exit_kiosk()


# -- the session without any widget -----------------------------------------------------------
def test_clear_is_the_one_definition_of_patient_state(qtbot):
    appearance = Appearance("dark", 1.5)
    notes = AppointmentNotes(notes="x", ticked=["q"], own_questions=["o"], handout_topics=["t"])
    session = ReadingSession(Policy.for_kiosk(), notes, appearance, {"t": 0.5})
    session.visit("topic:a")
    session.visit("topic:b")
    session.search_text, session.find_text, session.large_print = "s", "f", True
    session.speech_rate, session.folded_sections, session.pane_sizes = 0.5, {"Treatment"}, [10, 20]
    session.appointment_open = True
    session.spread.set_spread(["bones", "liver", "bones"])
    assert session.spread.spread == ["bones", "liver"] and session.history == ["topic:a"]
    assert not session.is_fresh()
    with qtbot.waitSignal(session.cleared):
        session.clear()
    assert session.is_fresh()
    assert session.notes is notes and notes.is_empty()  # emptied in place: the panes hold it
    assert (appearance.theme_choice, appearance.scale) == ("system", 1.0)
    assert session.page == "" and session.positions == {} and session.spread.spread == []


@pytest.mark.parametrize(("policy", "kiosk"), [(Policy.home(), False), (Policy.for_kiosk("tests"), True)])
def test_policy_says_home_or_kiosk(policy, kiosk):
    assert policy.kiosk is kiosk
    assert policy.remember is not kiosk and policy.files is not kiosk and policy.open_browser is not kiosk
    assert policy.symptom_log is not kiosk and policy.remember_spread is not kiosk


def test_nothing_moves_when_a_text_box_takes_the_focus(qtbot, library):
    """The focus border must not make the search or find box taller: their toolbar would grow
    2 px at the first letter typed and keep it, so the page below jumps, and a kiosk after its
    reset would sit 2 px lower than a freshly started one."""
    window, controller = start_kiosk(qtbot, library)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the find bar, too
    for field in (window.search_field, window.find_bar.field):
        window.reader.setFocus()
        qtbot.waitUntil(lambda f=field: not f.hasFocus())
        unfocused = field.sizeHint()
        tap(qtbot, field)
        qtbot.waitUntil(field.hasFocus)
        assert field.sizeHint() == unfocused, field.objectName()
    controller.exit_kiosk()


def test_text_chosen_on_the_start_page_is_not_left_for_the_next_patient(qtbot, library):
    # The start page is not loaded again when the session ends on it (the reader keeps the page
    # already shown): what the last patient dragged over, and where they left the caret, must go.
    window, controller = start_kiosk(qtbot, library)
    reader = window.reader
    reader.ensure_complete()
    viewport = reader.viewport()
    start = QPoint(40, 40)
    end = QPoint(viewport.width() - 40, 120)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert reader.textCursor().hasSelection()
    controller.reset()
    assert not reader.textCursor().hasSelection()
    assert reader.textCursor().position() == 0
    controller.exit_kiosk()
