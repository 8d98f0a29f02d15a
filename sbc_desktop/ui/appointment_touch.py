"""My appointment's date and time at a touch screen: every target a finger's size (44 px).

A time box's up and down arrows are about 14 px tall, and a date box's drop-down arrow about
20 px wide: too small for a finger, often an older one. At the kiosk the time box has no arrows;
four large buttons beside it move the time an hour or five minutes earlier or later (held down,
they keep going), and each new time is said to a screen reader. A tap anywhere on the date box
opens its calendar, whose days and month arrows are each at least 44 px (`date_box`). The keyboard works
as before: type the time or date, or step it with the arrow keys; F4 opens the calendar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTime, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QGridLayout, QPushButton, QTimeEdit, QWidget

from .date_box import TARGET, DateBoxCalendar

MINUTES = 5  # a clinic's times are on the five minutes
NO_TIME = QTime(0, 0)  # "Not set" (see appointment_details_box)
FIRST_TIME = QTime(9, 0)


def stepped(time: QTime, minutes: int) -> QTime:
    """``time`` moved by ``minutes`` (onto the five minutes first), within the same day.

    A time not yet set starts from 9:00. A step past midnight, or onto 0:00 (which is how "Not
    set" is kept), leaves the time as it is."""
    start = FIRST_TIME if time == NO_TIME else time
    now = start.hour() * 60 + start.minute()
    if abs(minutes) < 60 and now % MINUTES:  # 9:07 goes to 9:10 or 9:05, then on by fives
        now -= now % MINUTES
        if minutes > 0:
            now += MINUTES
    else:
        now += minutes
    if not 0 < now < 24 * 60:
        return start
    return QTime(now // 60, now % 60)


class TimeSteppers(QWidget):
    """Four finger-sized buttons that move a time box's time; ``said`` tells a screen reader the new time."""

    said = Signal(str)

    def __init__(self, time_edit: QTimeEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.time_edit = time_edit
        self.setObjectName("appointmentTimeSteps")
        time_edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)  # (its arrows: 14 px)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        texts = (  # two to a row: earlier, later
            QCoreApplication.translate("AppointmentPanel", "− 1 hour"),
            QCoreApplication.translate("AppointmentPanel", "+ 1 hour"),
            QCoreApplication.translate("AppointmentPanel", "− 5 min"),
            QCoreApplication.translate("AppointmentPanel", "+ 5 min"),
        )
        names = (  # what a screen reader says
            QCoreApplication.translate("AppointmentPanel", "An hour earlier"),
            QCoreApplication.translate("AppointmentPanel", "An hour later"),
            QCoreApplication.translate("AppointmentPanel", "5 minutes earlier"),
            QCoreApplication.translate("AppointmentPanel", "5 minutes later"),
        )
        self.buttons: dict[int, QPushButton] = {}
        for index, (text, name, minutes) in enumerate(zip(texts, names, (-60, 60, -MINUTES, MINUTES), strict=True)):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.setMinimumSize(TARGET, TARGET)  # (the kiosk's style sheet says so too)
            button.setAutoRepeat(True)  # held down, it keeps going
            button.clicked.connect(lambda _checked=False, m=minutes: self.step(m))
            grid.addWidget(button, *divmod(index, 2))
            self.buttons[minutes] = button

    def step(self, minutes: int) -> None:
        time = stepped(self.time_edit.time(), minutes)
        self.time_edit.setTime(time)
        said = QCoreApplication.translate("AppointmentPanel", "Time {time}")
        self.said.emit(said.format(time=time.toString("HH:mm")))


class TapOpensCalendar(QObject):
    """A tap anywhere on a date box opens its calendar (Qt's date box opens it only from its 20 px arrow)."""

    def __init__(self, calendar: DateBoxCalendar):
        super().__init__(calendar)
        self.calendar = calendar
        calendar.date_edit.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress:
            self.calendar.open()
            return True
        return False
