"""'My appointment' at the kiosk: opened and used the way a patient does, by tap and key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyleOptionViewItem


def tap(qtbot, widget, pos=None):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos) if pos else qtbot.mouseClick(
        widget, Qt.MouseButton.LeftButton
    )


def toolbar_button(window, name: str):
    return window.toolbar.widgetForAction(window.commands.by_name[name])


def tap_check_box(qtbot, view: QListWidget, item: QListWidgetItem) -> None:
    """Tap the tick box of ``item``, where the style draws it."""
    view.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    tap(qtbot, view.viewport(), box.center())


def first_question(panel) -> QListWidgetItem:
    return next(
        panel.questions.item(i)
        for i in range(panel.questions.count())
        if panel.questions.item(i).data(Qt.ItemDataRole.UserRole)
    )


def test_the_toolbar_button_opens_and_closes_my_appointment(kiosk, qtbot):
    window, _ = kiosk
    button = toolbar_button(window, "appointment")
    assert button.isVisible() and button.isEnabled()
    tap(qtbot, button)
    qtbot.waitUntil(window.appointment.notes_edit.isVisible)
    assert not window.appointment.notes_edit.visibleRegion().isEmpty()  # on screen, not only "shown"
    assert not window.appointment_dock.isFloating()
    tap(qtbot, button)
    qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())


def test_ctrl_m_opens_my_appointment_at_the_kiosk(kiosk, qtbot):
    window, _ = kiosk
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.appointment.notes_edit.isVisible)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())


def test_a_patient_writes_ticks_asks_and_chooses_topics_by_touch(kiosk, qtbot):
    window, _ = kiosk
    window.reader.go("topic:tests")
    tap(qtbot, toolbar_button(window, "appointment"))
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)

    tap(qtbot, panel.notes_edit)
    qtbot.keyClicks(panel.notes_edit, "Ask about the scan")
    assert window.notes.notes == "Ask about the scan"

    item = first_question(panel)
    question = item.text()
    tap_check_box(qtbot, panel.questions, item)
    assert item.checkState() == Qt.CheckState.Checked
    assert window.notes.ticked == [question]

    tap(qtbot, panel.own_edit)
    qtbot.keyClicks(panel.own_edit, "Can I still swim?")
    tap(qtbot, panel.add_question_button)
    assert window.notes.own_questions == ["Can I still swim?"] and panel.own_edit.text() == ""

    tap(qtbot, panel.add_topic_button)
    assert window.notes.handout_topics == ["tests"]
    assert [panel.topics.item(i).text() for i in range(panel.topics.count())] == ["Tests you might have"]

    panel.ensureWidgetVisible(panel.large_print)  # the patient scrolls down to it
    tap(qtbot, panel.large_print, QPoint(14, panel.large_print.height() // 2))
    assert panel.large_print.isChecked()
    handout = window.make_handout()
    assert handout.options.large_print
    text = handout.document.toPlainText()
    for expected in ("Ask about the scan", question, "Can I still swim?", "Tests you might have"):
        assert expected in text

    # Nothing at the kiosk offers a file or a print dialog from the panel.
    assert not panel.save_button.isVisible() and not panel.preview_button.isVisible()
    assert not panel.print_button.isVisible()


def test_the_panel_is_used_by_keyboard_alone(kiosk, qtbot):
    window, _ = kiosk
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)
    qtbot.waitUntil(panel.notes_edit.hasFocus)  # opening the panel puts the patient in their notes
    qtbot.keyClicks(panel.notes_edit, "typed")
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Tab)
    assert panel.questions.hasFocus()
    panel.questions.setCurrentItem(first_question(panel))
    qtbot.keyClick(panel.questions, Qt.Key.Key_Space)
    assert window.notes.ticked == [first_question(panel).text()]
    assert window.notes.notes == "typed"


def big_enough(widget) -> bool:
    return widget.isVisible() and widget.width() >= 44 and widget.height() >= 44


def test_the_date_and_time_are_set_with_a_finger(kiosk, qtbot, private_dirs):
    """Touch targets of 44 px for the appointment's time and date (the time box's own arrows were
    14 px, the date box's drop-down 20): four buttons move the time, a tap on the date box opens a
    calendar of finger-sized days. The keyboard still works, and nothing is written to disk."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QAbstractSpinBox, QTableView, QToolButton

    from tests.ui.conftest import files_under
    from tests.ui.test_appointment_companion import type_into_date

    window, _ = kiosk
    before = files_under(private_dirs)
    said = []
    window.announcer.said.connect(said.append)
    tap(qtbot, toolbar_button(window, "appointment"))
    details = window.appointment.details
    qtbot.waitUntil(details.time_edit.isVisible)
    assert details.time_edit.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons  # no 14 px arrows
    steps = details.time_steps.buttons
    for button in steps.values():
        assert big_enough(button), button.text()
        assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert steps[60].accessibleName() == "An hour later" and steps[-5].accessibleName() == "5 minutes earlier"

    tap(qtbot, steps[60])  # from "Not set": 9:00, an hour later
    assert details.time_edit.time().toString("HH:mm") == "10:00" and window.notes.appointment.time == "10:00"
    assert said[-1] == "Time 10:00"  # a screen reader hears the new time
    tap(qtbot, steps[5])
    tap(qtbot, steps[5])
    tap(qtbot, steps[-60])
    tap(qtbot, steps[-5])
    assert window.notes.appointment.time == "09:05" and said[-1] == "Time 09:05"

    # The keyboard: a date typed, then the time typed over.
    date = details.date_edit
    date.setFocus(Qt.FocusReason.TabFocusReason)
    type_into_date(qtbot, date, "08122026")
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert details.time_edit.hasFocus()
    qtbot.keyClicks(details.time_edit, "1430")
    assert window.notes.appointment.date == "2026-12-08" and window.notes.appointment.time == "14:30"

    # A tap on the date box opens the calendar: days, and the month's arrows, a finger's size.
    tap(qtbot, date.lineEdit())
    calendar = date.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    days = calendar.findChild(QTableView)
    assert all(days.rowHeight(row) >= 44 for row in range(days.model().rowCount()))
    assert all(days.columnWidth(column) >= 44 for column in range(days.model().columnCount()))
    after = calendar.findChild(QToolButton, "qt_calendar_nextmonth")
    assert big_enough(after) and big_enough(calendar.findChild(QToolButton, "qt_calendar_prevmonth"))
    for name in ("qt_calendar_monthbutton", "qt_calendar_yearbutton"):  # named, and a finger's size too
        button = calendar.findChild(QToolButton, name)
        assert big_enough(button) and button.accessibleName() in ("Month: December", "Year: 2026")
    tap(qtbot, after)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)
    model = days.model()
    cell = next(
        model.index(row, column)
        for row in range(1, model.rowCount())
        for column in range(model.columnCount())
        if model.index(row, column).data() == 15
    )
    tap(qtbot, days.viewport(), days.visualRect(cell).center())
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert date.date() == QDate(2027, 1, 15) and window.notes.appointment.date == "2027-01-15"

    # F4 opens it from the keyboard too (Qt's date box opens it only from its arrow).
    date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(date, Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert window.notes_store.path is None and files_under(private_dirs) == before  # kept in memory only


def test_at_home_the_time_box_keeps_its_own_arrows(window, qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    details = window.appointment.details
    assert details.time_steps is None
    assert details.time_edit.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.UpDownArrows


@pytest.mark.parametrize(
    ("start", "minutes", "end"),
    [
        ((0, 0), 60, (10, 0)),  # not set: from 9:00
        ((0, 0), -5, (8, 55)),
        ((9, 7), 5, (9, 10)),  # onto the five minutes first
        ((9, 7), -5, (9, 5)),
        ((9, 7), 60, (10, 7)),
        ((23, 30), 60, (23, 30)),  # never past midnight
        ((0, 5), -5, (0, 5)),  # nor onto 0:00, which is "Not set"
        ((0, 30), -60, (0, 30)),
    ],
)
def test_the_time_buttons_steps(start, minutes, end):
    from PySide6.QtCore import QTime

    from sbc_desktop.ui.appointment_touch import stepped

    assert stepped(QTime(*start), minutes) == QTime(*end)


def test_the_calendar_left_open_goes_with_the_session(kiosk, qtbot):
    """The next patient never finds the last one's calendar open on the date they chose."""
    window, controller = kiosk
    tap(qtbot, toolbar_button(window, "appointment"))
    date = window.appointment.details.date_edit
    qtbot.waitUntil(date.isVisible)
    tap(qtbot, date.lineEdit())
    calendar = date.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    controller.reset()
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert date.text() == "Not set" and window.notes.appointment.date == ""
