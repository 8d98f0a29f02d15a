"""My next appointment: date, time, who I am seeing and where (printed at the top of the handout).

Edits the notes' `AppointmentDetails` in place and says `changed`. A date or time not yet known
shows "Not set"; the first touch starts from today (or 9:00) rather than from the year 2000.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from ..appointment import AppointmentDetails
from ..notes import AppointmentNotes
from .appointment_touch import FIRST_TIME, NO_TIME, TapOpensCalendar, TimeSteppers
from .date_box import DateBoxCalendar

NO_DATE = QDate(2000, 1, 1)  # the minimum: shown as "Not set"


class AppointmentDetailsBox(QWidget):
    changed = Signal()
    said = Signal(str)  # for a screen reader: a time the touch buttons set, a day in the calendar (the window says it)

    def __init__(self, notes: AppointmentNotes, parent: QWidget | None = None, touch: bool = False):
        super().__init__(parent)
        self.notes = notes  # read through the notes each time: a new session may put in a new object
        self._updating = False
        self.setObjectName("appointmentDetails")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: fits a narrow panel at 200%

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("appointmentDate")
        self.date_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Date of my next appointment"))
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(QCoreApplication.translate("AppointmentPanel", "Not set"))
        self.date_edit.dateChanged.connect(self._edited)
        self.calendar = DateBoxCalendar(self.date_edit, touch)  # F4 or Alt+Down, and each day said
        self.calendar.said.connect(self.said)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("appointmentTime")
        self.time_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Time of my next appointment"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setMinimumTime(NO_TIME)
        self.time_edit.setSpecialValueText(QCoreApplication.translate("AppointmentPanel", "Not set"))
        self.time_edit.timeChanged.connect(self._edited)
        self.clear_when = QPushButton(QCoreApplication.translate("AppointmentPanel", "Clear"), self)
        self.clear_when.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Clear the date and time"))
        self.clear_when.clicked.connect(self.clear_date_and_time)
        for edit in (self.date_edit, self.time_edit):
            edit.installEventFilter(self)
        form.addRow(QCoreApplication.translate("AppointmentPanel", "Date"), self.date_edit)
        when = QHBoxLayout()
        when.addWidget(self.time_edit, 1)
        when.addWidget(self.clear_when)
        time_label = QLabel(QCoreApplication.translate("AppointmentPanel", "Time"), self)
        time_label.setBuddy(self.time_edit)  # (a row of two has no label of its own: a screen reader finds this)
        form.addRow(time_label, when)
        self.time_steps: TimeSteppers | None = None  # at a touch screen: the time set by finger-sized buttons
        if touch:
            self.time_steps = TimeSteppers(self.time_edit, self)
            self.time_steps.said.connect(self.said)
            form.addRow(self.time_steps)
            TapOpensCalendar(self.calendar)  # ... and the date with a tap on its box

        self.seeing_edit = QLineEdit(self)
        self.seeing_edit.setObjectName("appointmentSeeing")
        self.seeing_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Who I am seeing"))
        self.seeing_edit.setPlaceholderText(
            QCoreApplication.translate("AppointmentPanel", "For example: Dr Patel, my cancer doctor")
        )
        self.seeing_edit.textEdited.connect(self._edited)
        form.addRow(QCoreApplication.translate("AppointmentPanel", "Who I am seeing"), self.seeing_edit)
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("appointmentPlace")
        self.place_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Where the appointment is"))
        self.place_edit.setPlaceholderText(
            QCoreApplication.translate("AppointmentPanel", "For example: Riverside Hospital, Clinic 4")
        )
        self.place_edit.textEdited.connect(self._edited)
        form.addRow(QCoreApplication.translate("AppointmentPanel", "Where"), self.place_edit)
        self.refresh()

    @property
    def details(self) -> AppointmentDetails:
        return self.notes.appointment

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A date or time not set yet starts from today, or 9:00, when first touched."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            if watched is self.date_edit and self.date_edit.date() == NO_DATE:
                self.date_edit.setDate(QDate.currentDate())
            elif watched is self.time_edit and self.time_edit.time() == NO_TIME:
                self.time_edit.setTime(FIRST_TIME)
        return False

    def refresh(self) -> None:
        """Show ``self.details`` again (after loading or clearing)."""
        self._updating = True
        try:
            day, clock = self.details.day(), self.details.clock()
            self.date_edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
            self.time_edit.setTime(QTime(clock.hour, clock.minute) if clock else NO_TIME)
            if self.seeing_edit.text() != self.details.seeing:
                self.seeing_edit.setText(self.details.seeing)
            if self.place_edit.text() != self.details.place:
                self.place_edit.setText(self.details.place)
        finally:
            self._updating = False

    def clear_date_and_time(self) -> None:
        self.date_edit.setDate(NO_DATE)
        self.time_edit.setTime(NO_TIME)

    def _edited(self, *_args) -> None:
        if self._updating:
            return
        date, time = self.date_edit.date(), self.time_edit.time()
        self.details.date = date.toString("yyyy-MM-dd") if date != NO_DATE else ""
        self.details.time = time.toString("HH:mm") if time != NO_TIME else ""
        self.details.seeing = self.seeing_edit.text()
        self.details.place = self.place_edit.text()
        self.changed.emit()
