"""A date box's calendar, by keyboard and for a screen reader, at home and at the kiosk.

Qt 6.11's QDateEdit opens its calendar only from its drop-down arrow: F4 and Alt+Down do nothing (Alt+Down
even steps the date a day back, as Down does). Here both open it. In the calendar the arrow keys move by day
and week, Page Up and Page Down by month, Enter picks the day, and Escape closes it with the date the box had
before (Qt kept the day the arrows had reached) and the keyboard back in the box. Each day moved to is said in
full ("Thursday 3 December 2026": the table's cell says only "3"). The month's arrows and the month and year
buttons are named ("Previous month", "Month: December") and large enough to hit (at the kiosk, a finger's 44 px).
The calendar is made when it first opens (as Qt makes its own): a press on the box, F4, Alt+Down, a tap.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QDateEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
    QWidget,
)

TARGET = 44  # px: the smallest a finger's target may be (WCAG 2.5.5; the kiosk's rule)
HOME_TARGET = 32  # px at home: above WCAG 2.5.8's 24, the month's arrows were 24x23
TEXT_LINES = 1.6  # ... and never less than this many lines of the calendar's text (200 % text grows them)


class DateBoxCalendar(QObject):
    """The calendar of ``date_edit`` (made here: `touch` makes its days and buttons a finger's size) opened by
    F4 or Alt+Down, used by keyboard, named for a screen reader; ``said`` tells it each day moved to."""

    said = Signal(str)

    def __init__(self, date_edit: QDateEdit, touch: bool = False):
        super().__init__(date_edit)
        self.date_edit = date_edit
        self.touch = touch
        self.target = TARGET if touch else HOME_TARGET
        self._opened_on: QDate | None = None  # the box's date when the calendar opened (Escape goes back to it)
        self._calendar: QCalendarWidget | None = None  # made when first opened (as Qt makes its own)
        self._view: QTableView | None = None
        date_edit.setCalendarPopup(True)
        date_edit.installEventFilter(self)

    @property
    def calendar(self) -> QCalendarWidget:
        """The box's calendar, made on first use: a press on the box (before Qt's own is made), F4, a tap."""
        if self._calendar is None:
            self._calendar = self._make()
        return self._calendar

    def _make(self) -> QCalendarWidget:
        calendar = _touch_calendar(self.date_edit) if self.touch else QCalendarWidget(self.date_edit)
        # No week numbers (as Qt's own pop-up calendar): a screen reader said "49" before each week's days.
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.date_edit.setCalendarWidget(calendar)
        view = self._view = cast(QTableView, calendar.findChild(QTableView))  # (the days: Qt makes one)
        view.setAccessibleName(QCoreApplication.translate("DateBox", "Choose a day"))
        view.setAccessibleDescription(
            QCoreApplication.translate(
                "DateBox",
                "Arrow keys move by day and week, Page Up and Page Down by month. Enter picks the day, Escape closes.",
            )
        )
        arrows = (
            ("qt_calendar_prevmonth", QCoreApplication.translate("DateBox", "Previous month")),
            ("qt_calendar_nextmonth", QCoreApplication.translate("DateBox", "Next month")),
        )
        for name, text in arrows:
            arrow = calendar.findChild(QToolButton, name)
            if arrow is not None:
                arrow.setAccessibleName(text)
                arrow.setToolTip(text)
        year = calendar.findChild(QSpinBox, "qt_calendar_yearedit")  # (shown when the year button is pressed)
        if year is not None:
            year.setAccessibleName(QCoreApplication.translate("DateBox", "Year"))
            if self.touch:  # its arrows are 14 px: the month's arrows step the years too
                year.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        calendar.currentPageChanged.connect(self._name_page)
        calendar.selectionChanged.connect(self._moved)
        calendar.installEventFilter(self)
        view.installEventFilter(self)
        self._calendar = calendar
        self._name_page()
        return calendar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
            if watched is self.date_edit and (key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down)):
                self.open()
                return True
            if watched is self._view and key == Qt.Key.Key_Escape and self.calendar.isVisible():
                self.close()
                return True
        elif kind == QEvent.Type.MouseButtonPress and watched is self.date_edit:
            self._size_buttons()  # (before the box sizes its pop-up to the calendar: a press on its arrow opens it)
        elif kind == QEvent.Type.Show and watched is self._calendar:
            self._opened_on = self.date_edit.date()
            self.said.emit(self._spoken(self.calendar.selectedDate()))
        return False

    def open(self) -> None:
        """Open the calendar as a press on the box's arrow does (QDateEdit has no call for it)."""
        edit = self.date_edit
        if not edit.isEnabled() or edit.isReadOnly() or self.calendar.isVisible():
            return
        self._size_buttons()
        arrow = drop_down_arrow(edit)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(
                edit,
                QMouseEvent(
                    kind, QPointF(arrow), QPointF(edit.mapToGlobal(arrow)), Qt.MouseButton.LeftButton,
                    Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )  # fmt: skip

    def close(self) -> None:
        """Close the calendar without a choice: the box keeps the date it had when it opened."""
        self.calendar.window().hide()
        if self._opened_on is not None and self.date_edit.date() != self._opened_on:
            self.date_edit.setDate(self._opened_on)
        self.date_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _moved(self) -> None:
        if self.calendar.isVisible():
            self.said.emit(self._spoken(self.calendar.selectedDate()))

    def _spoken(self, date: QDate) -> str:
        return self.date_edit.locale().toString(date, QLocale.FormatType.LongFormat)

    def _name_page(self, *_page: int) -> None:
        """The month and year buttons say what they are and what they show ("Month: December")."""
        month = self.date_edit.locale().standaloneMonthName(self.calendar.monthShown())
        names = (
            ("qt_calendar_monthbutton", QCoreApplication.translate("DateBox", "Month: {month}").format(month=month)),
            (
                "qt_calendar_yearbutton",
                QCoreApplication.translate("DateBox", "Year: {year}").format(year=self.calendar.yearShown()),
            ),
        )
        for name, text in names:
            button = self.calendar.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(text)

    def _size_buttons(self) -> None:
        """The month's arrows and the month and year buttons at least ``target`` px, and TEXT_LINES of text
        (measured as the calendar opens, before its pop-up is sized: the text size may have changed since)."""
        size = max(self.target, round(self.calendar.fontMetrics().height() * TEXT_LINES))
        for name in ("qt_calendar_prevmonth", "qt_calendar_nextmonth"):
            arrow = self.calendar.findChild(QToolButton, name)
            if arrow is not None:
                arrow.setMinimumSize(size, size)
                arrow.setIconSize(QSize(size // 2, size // 2))
        for name in ("qt_calendar_monthbutton", "qt_calendar_yearbutton"):
            button = self.calendar.findChild(QToolButton, name)
            if button is not None:
                button.setMinimumHeight(size)
        if self.target == TARGET:  # the days keep their 48 px below a taller bar
            _fit_days(self.calendar)


def drop_down_arrow(edit: QDateEdit) -> QPoint:
    """The middle of a date box's drop-down arrow (how the box finds it: it is drawn as a combo box)."""
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    complex_control, arrow = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl.SC_ComboBoxArrow
    return edit.style().subControlRect(complex_control, option, arrow, edit).center()


def _touch_calendar(parent: QWidget) -> QCalendarWidget:
    """A month whose days are each at least 44 px square."""
    calendar = QCalendarWidget(parent)
    calendar.setObjectName("appointmentCalendar")
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)  # (room for the days)
    calendar.setGridVisible(True)
    # 7 days across; a row of day names and up to 6 weeks down; the month's arrows above them
    # (the pop-up takes the calendar's size: a minimum on the days alone was cut off at the bottom).
    _fit_days(calendar)
    return calendar


def _fit_days(calendar: QCalendarWidget) -> None:
    cell = TARGET + 4
    bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    calendar.setMinimumSize(7 * cell, 7 * cell + max(TARGET, bar.sizeHint().height() if bar else 0))
