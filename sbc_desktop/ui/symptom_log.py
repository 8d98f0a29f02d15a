"""Since my last appointment: a dated log of symptoms and side effects (at home only).

What, when, how bad from 0 to 10, what helped: the things a doctor asks and a patient
forgets. It says plainly that nobody watches what is written here, and links to the
topic on when to get help urgently. The kiosk never builds this widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..appointment import SEVERITY_MAX, SymptomEntry, sorted_log
from ..notes import AppointmentNotes
from ..pages import long_date
from .date_box import DateBoxCalendar
from .top_three import fit_rows

ENTRY_ROLE = Qt.ItemDataRole.UserRole
NOT_SAID = -1  # the spin box's special value: how bad was not given


def describe(entry: SymptomEntry) -> str:
    """One entry in a sentence, as the list shows it and a screen reader reads it."""
    day = entry.day()
    text = f"{long_date(day)}: {entry.what}" if day else entry.what
    if entry.severity is not None:
        text += " " + QCoreApplication.translate("SymptomLog", "(how bad: {n} out of 10).").format(n=entry.severity)
    if entry.helped.strip():
        text += " " + QCoreApplication.translate("SymptomLog", "What helped: {what}.").format(
            what=entry.helped.strip().rstrip(".")
        )
    return text


class SymptomLog(QWidget):
    changed = Signal()
    urgentHelpRequested = Signal()  # the window opens the topic on when to get help urgently
    said = Signal(str)  # for a screen reader: a day moved to in the date's calendar (the window says it)

    def __init__(self, notes: AppointmentNotes, parent: QWidget | None = None):
        super().__init__(parent)
        self.notes = notes  # read through the notes each time: a new session may put in a new list
        self.setObjectName("symptomLog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        about = QLabel(
            QCoreApplication.translate(
                "SymptomLog",
                "Write down anything new since you were last seen: symptoms, side effects, how bad they were "
                "and what helped. It goes in your handout as a page of its own.",
            ),
            self,
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.warning = QLabel(
            QCoreApplication.translate(
                "SymptomLog",
                "Nobody sees what you write here: this app does not watch it and does not tell your care team. "
                "If you feel very unwell, do not wait for your appointment.",
            ),
            self,
        )
        self.warning.setObjectName("symptomLogWarning")
        self.warning.setWordWrap(True)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        layout.addWidget(self.warning)
        # The toolbar's words for the same page (one name for one thing; "When to get help urgently"
        # made the panel wider than its dock at 200% text). Screen readers hear the whole sentence.
        self.urgent_button = QPushButton(QCoreApplication.translate("SymptomLog", "Urgent help"), self)
        self.urgent_button.setObjectName("symptomLogUrgent")
        self.urgent_button.setAccessibleName(QCoreApplication.translate("SymptomLog", "Read when to get help urgently"))
        self.urgent_button.clicked.connect(self.urgentHelpRequested.emit)
        layout.addWidget(self.urgent_button, 0, Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: fits a narrow panel at 200%
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("symptomDate")
        self.date_edit.setAccessibleName(QCoreApplication.translate("SymptomLog", "When you noticed it"))
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.calendar = DateBoxCalendar(self.date_edit)  # F4 or Alt+Down opens it, each day said
        self.calendar.said.connect(self.said)
        form.addRow(QCoreApplication.translate("SymptomLog", "When"), self.date_edit)
        self.what_edit = QLineEdit(self)
        self.what_edit.setObjectName("symptomWhat")
        self.what_edit.setAccessibleName(QCoreApplication.translate("SymptomLog", "What you noticed"))
        self.what_edit.setPlaceholderText(
            QCoreApplication.translate("SymptomLog", "For example: pain in my lower back")
        )
        self.what_edit.returnPressed.connect(self.add_entry)
        form.addRow(QCoreApplication.translate("SymptomLog", "What"), self.what_edit)
        self.severity = QSpinBox(self)
        self.severity.setObjectName("symptomSeverity")
        self.severity.setAccessibleName(
            QCoreApplication.translate("SymptomLog", "How bad, from 0 (no trouble) to 10 (the worst you can imagine)")
        )
        self.severity.setRange(NOT_SAID, SEVERITY_MAX)
        self.severity.setSpecialValueText(QCoreApplication.translate("SymptomLog", "Not said"))
        self.severity.setValue(NOT_SAID)
        form.addRow(QCoreApplication.translate("SymptomLog", "How bad (0 to 10)"), self.severity)
        self.helped_edit = QLineEdit(self)
        self.helped_edit.setObjectName("symptomHelped")
        self.helped_edit.setAccessibleName(QCoreApplication.translate("SymptomLog", "What helped"))
        self.helped_edit.setPlaceholderText(
            QCoreApplication.translate("SymptomLog", "For example: rest, a hot water bottle")
        )
        self.helped_edit.returnPressed.connect(self.add_entry)
        form.addRow(QCoreApplication.translate("SymptomLog", "What helped"), self.helped_edit)
        layout.addLayout(form)
        self.add_button = QPushButton(QCoreApplication.translate("SymptomLog", "Add to my log"), self)
        self.add_button.setObjectName("symptomAdd")
        self.add_button.setAccessibleName(QCoreApplication.translate("SymptomLog", "Add this to my log"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_entry)
        self.what_edit.textChanged.connect(lambda text: self.add_button.setEnabled(bool(text.strip())))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.list = QListWidget(self)
        self.list.setObjectName("symptomEntries")
        self.list.setAccessibleName(QCoreApplication.translate("SymptomLog", "My log, oldest first"))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(60)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.remove_button = QPushButton(QCoreApplication.translate("SymptomLog", "Remove"), self)
        self.remove_button.setObjectName("symptomRemove")
        self.remove_button.setAccessibleName(
            QCoreApplication.translate("SymptomLog", "Remove the selected entry from my log")
        )
        self.remove_button.clicked.connect(self.remove_entry)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    @property
    def entries(self) -> list[SymptomEntry]:
        return self.notes.symptoms

    def refresh(self) -> None:
        self.entries[:] = sorted_log(self.entries)
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(describe(entry), self.list)
            item.setData(ENTRY_ROLE, id(entry))
        fit_rows(self.list)
        self.remove_button.setEnabled(bool(self.entries))

    def add_entry(self) -> None:
        what = " ".join(self.what_edit.text().split())
        if not what:
            return
        severity = self.severity.value()
        entry = SymptomEntry(
            date=self.date_edit.date().toString("yyyy-MM-dd"),
            what=what,
            severity=None if severity == NOT_SAID else severity,
            helped=" ".join(self.helped_edit.text().split()),
        )
        self.entries.append(entry)
        self.what_edit.setText("")
        self.helped_edit.setText("")
        self.severity.setValue(NOT_SAID)
        self.refresh()
        self.list.setCurrentRow(self.entries.index(entry))
        self.what_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            del self.entries[row]
            self.refresh()
            self.list.setCurrentRow(min(row, self.list.count() - 1))
            self.changed.emit()
