"""A date box's calendar at home, by keyboard and for a screen reader (`ui/date_box.py`).

Qt 6.11's date box opened its calendar only from its arrow: at home F4 did nothing and Alt+Down stepped the
date a day back, so a keyboard user could only type the date. Escape left the day the arrows had reached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QToolButton

from sbc_desktop.notes import NotesStore
from tests.ui.test_appointment_companion import home_window, open_panel, type_date


@pytest.fixture
def home(qtbot, library, tmp_path):
    """The home window with a notes file (so the panel has its symptom log), My appointment open."""
    window = home_window(qtbot, library, NotesStore(tmp_path / "notes.json"))
    said: list[str] = []
    window.announcer.said.connect(said.append)
    return window, open_panel(window, qtbot), said


def opened(qtbot, date_edit, digits: str, key=Qt.Key.Key_F4, modifier=Qt.KeyboardModifier.NoModifier):
    """Type a date (dd mm yyyy) into the box, then open its calendar with ``key``: (calendar, its days)."""
    type_date(qtbot, date_edit, digits)
    qtbot.keyClick(date_edit, key, modifier)
    calendar = date_edit.calendarWidget()  # (made as it first opens)
    days = calendar.findChild(QTableView)
    qtbot.waitUntil(days.hasFocus)
    return calendar, days


@pytest.mark.parametrize("key", ["F4", "Alt+Down"])
def test_the_keyboard_opens_the_calendar_and_picks_a_day(home, qtbot, key):
    window, panel, said = home
    date = panel.details.date_edit
    if key == "F4":
        calendar, days = opened(qtbot, date, "08122026")
    else:
        calendar, days = opened(qtbot, date, "08122026", Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert date.date() == QDate(2026, 12, 8)  # (Alt+Down stepped it a day back)
    assert calendar.selectedDate() == QDate(2026, 12, 8)
    assert said[-1] == date.locale().toString(QDate(2026, 12, 8), date.locale().FormatType.LongFormat)
    qtbot.keyClick(days, Qt.Key.Key_Right)  # a day on
    qtbot.keyClick(days, Qt.Key.Key_Down)  # a week on
    assert said[-1].startswith("Wednesday") and "16" in said[-1] and "December" in said[-1]  # the whole date said
    qtbot.keyClick(days, Qt.Key.Key_PageDown)  # a month on
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)
    assert "January" in said[-1] and "2027" in said[-1]
    qtbot.keyClick(days, Qt.Key.Key_PageUp)
    qtbot.keyClick(days, Qt.Key.Key_PageUp)
    assert calendar.selectedDate() == QDate(2026, 11, 16)
    qtbot.keyClick(days, Qt.Key.Key_Return)  # picks it
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert date.date() == QDate(2026, 11, 16) and window.notes.appointment.date == "2026-11-16"
    qtbot.waitUntil(date.hasFocus)  # back in the box


def test_escape_closes_the_calendar_and_keeps_the_date(home, qtbot):
    window, panel, _said = home
    date = panel.details.date_edit
    calendar, days = opened(qtbot, date, "08122026")
    qtbot.keyClick(days, Qt.Key.Key_Down)
    qtbot.keyClick(days, Qt.Key.Key_PageDown)
    qtbot.keyClick(days, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert date.date() == QDate(2026, 12, 8) and window.notes.appointment.date == "2026-12-08"
    qtbot.waitUntil(date.hasFocus)
    assert QApplication.activePopupWidget() is None
    qtbot.keyClick(date, Qt.Key.Key_Tab)  # the keyboard goes on from the box
    assert panel.details.time_edit.hasFocus()


def test_the_calendars_month_buttons_are_named_and_large_enough_to_hit(home, qtbot):
    _window, panel, _said = home
    calendar, _days = opened(qtbot, panel.details.date_edit, "08122026")
    before, after = (calendar.findChild(QToolButton, f"qt_calendar_{n}month") for n in ("prev", "next"))
    month, year = (calendar.findChild(QToolButton, f"qt_calendar_{n}button") for n in ("month", "year"))
    assert (before.accessibleName(), after.accessibleName()) == ("Previous month", "Next month")
    assert (month.accessibleName(), year.accessibleName()) == ("Month: December", "Year: 2026")
    for button in (before, after, month, year):
        assert button.isVisible() and button.height() >= 32, button.accessibleName()  # were 23 px
    assert before.width() >= 32 and after.width() >= 32  # were 24 px
    QTest.mouseClick(after, Qt.MouseButton.LeftButton)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)
    assert (month.accessibleName(), year.accessibleName()) == ("Month: January", "Year: 2027")
    QTest.mouseClick(before, Qt.MouseButton.LeftButton)
    QTest.mouseClick(before, Qt.MouseButton.LeftButton)
    assert month.accessibleName() == "Month: November"
    calendar.window().hide()


def test_the_symptom_logs_date_opens_its_calendar_from_the_keyboard(home, qtbot):
    _window, panel, said = home
    log = panel.symptom_log
    panel.ensureWidgetVisible(log.date_edit)
    calendar, days = opened(qtbot, log.date_edit, "20112026")
    qtbot.keyClick(days, Qt.Key.Key_Left)
    assert said[-1].startswith("Thursday") and "19" in said[-1]
    qtbot.keyClick(days, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert log.date_edit.date() == QDate(2026, 11, 19)


def test_a_click_on_the_date_boxs_arrow_opens_the_same_calendar(home, qtbot):
    """The calendar is made as it first opens, whichever way: a click on the arrow finds it named, no week numbers."""
    from PySide6.QtWidgets import QCalendarWidget

    from sbc_desktop.ui.date_box import drop_down_arrow

    _window, panel, said = home
    date = panel.details.date_edit
    type_date(qtbot, date, "08122026")
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton, pos=drop_down_arrow(date))
    calendar = date.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.findChild(QToolButton, "qt_calendar_prevmonth").accessibleName() == "Previous month"
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    assert "8 December 2026" in said[-1]
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
