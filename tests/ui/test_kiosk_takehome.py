"""Finish: take the questions and notes home by scanning a code, then clear; nothing stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import files_under
from tests.ui.test_kiosk_appointment import first_question, tap, tap_check_box, toolbar_button


def write_and_tick(window, qtbot, notes: str) -> str:
    tap(qtbot, toolbar_button(window, "appointment"))
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)
    qtbot.keyClicks(panel.notes_edit, notes)
    item = first_question(panel)
    question = item.text()
    tap_check_box(qtbot, panel.questions, item)
    return question


def test_finish_offers_the_codes_then_clears(kiosk, qtbot, private_dirs):
    window, controller = kiosk
    before = files_under(private_dirs)
    question = write_and_tick(window, qtbot, "Ask about the scan")
    tap(qtbot, window.toolbar.widgetForAction(controller.finish_action))
    tap(qtbot, controller.finish_overlay.take_home_button)
    overlay = controller.take_home_overlay
    assert overlay.isVisible() and overlay.parentWidget() is window
    code = overlay.findChild(QLabel, "takeHomeCode")
    assert not code.pixmap().isNull()
    text = overlay.take_home.parts[0]
    assert question in text and "Ask about the scan" in text
    assert overlay.print_button is None  # this kiosk may not print
    tap(qtbot, overlay.clear_button)
    assert window.notes.is_empty() and not overlay.isVisible()
    assert files_under(private_dirs) == before  # the codes were never written anywhere


def test_long_notes_are_split_over_codes_to_step_through(kiosk, qtbot):
    window, controller = kiosk
    write_and_tick(window, qtbot, "")
    window.appointment.notes_edit.setPlainText("\n".join(f"Thing {n} to ask " + "about this " * 10 for n in range(30)))
    controller.show_take_home()
    overlay = controller.take_home_overlay
    count = overlay.take_home.count
    assert count > 1
    which = overlay.findChild(QLabel, "takeHomeWhich")
    assert which.text() == f"Code 1 of {count}" and not overlay.previous_button.isVisible()
    tap(qtbot, overlay.next_button)
    assert which.text() == f"Code 2 of {count}" and overlay.previous_button.isVisible()
    tap(qtbot, overlay.back_button)  # back to the guide: nothing cleared
    assert not window.notes.is_empty()


def test_nothing_to_take_home_offers_no_codes(kiosk, qtbot):
    window, controller = kiosk
    tap(qtbot, window.toolbar.widgetForAction(controller.finish_action))
    assert controller.finish_overlay.take_home_button is None
    qtbot.keyClick(controller.finish_overlay.no_button, Qt.Key.Key_Escape)
