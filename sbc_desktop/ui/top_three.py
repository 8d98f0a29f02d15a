"""My top three: of the questions chosen, the three that matter most (they print first).

Question prompt lists work best when the patient picks a few to ask first (Brown 2001).
This lists every chosen question (ticked or the patient's own) with a box to tick; a
fourth tick is refused with a word saying why, so the list stays a top three.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..appointment import MAX_TOP
from ..notes import AppointmentNotes
from .themed_style import grow_with_text

QUESTION_ROLE = Qt.ItemDataRole.UserRole
CHECKABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


def fit_rows(view: QListWidget, most: int = 6) -> None:
    """Tall enough to show its rows (up to ``most``) without scrolling, whatever the text size."""
    rows = sum(view.sizeHintForRow(i) for i in range(min(view.count(), most)))
    view.setMinimumHeight(max(60, rows + 2 * view.frameWidth() + 6))


class TopThree(QWidget):
    changed = Signal()

    def __init__(self, notes: AppointmentNotes, parent: QWidget | None = None):
        super().__init__(parent)
        self.notes = notes
        self._updating = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QCoreApplication.translate(
            "AppointmentPanel",
            "Tick your top three: the questions that matter most to you. They come first in your handout.",
        )
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.setObjectName("topThree")
        self.list.setAccessibleName(
            QCoreApplication.translate("AppointmentPanel", "My top three questions. Press Space to tick one.")
        )
        self.list.setWordWrap(True)
        grow_with_text(self.list)  # (its boxes to tick)
        self.list.setMinimumHeight(60)
        self.list.itemChanged.connect(self._ticked)
        layout.addWidget(self.list)
        self.status = QLabel(self)
        self.status.setObjectName("topThreeStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.notes.questions()
        # Questions no longer chosen leave the top three too.
        self.notes.top_three[:] = [q for q in self.notes.top_three if q in chosen][:MAX_TOP]
        self._updating = True
        try:
            self.list.clear()
            for question in chosen:
                item = QListWidgetItem(question, self.list)
                item.setData(QUESTION_ROLE, question)
                item.setFlags(CHECKABLE)
                top = question in self.notes.top_three
                item.setCheckState(Qt.CheckState.Checked if top else Qt.CheckState.Unchecked)
        finally:
            self._updating = False
        fit_rows(self.list)
        self._say()
        self.setVisible(bool(chosen))

    def _ticked(self, item: QListWidgetItem) -> None:
        question = item.data(QUESTION_ROLE)
        if self._updating or not question:
            return
        top = self.notes.top_three
        if item.checkState() == Qt.CheckState.Checked and question not in top:
            if len(top) >= MAX_TOP:
                self._updating = True
                item.setCheckState(Qt.CheckState.Unchecked)
                self._updating = False
                self.status.setText(
                    QCoreApplication.translate(
                        "AppointmentPanel", "You have ticked three already. Untick one to choose another."
                    )
                )
                return
            top.append(question)
        elif item.checkState() != Qt.CheckState.Checked and question in top:
            top.remove(question)
        self._say()
        self.changed.emit()

    def _say(self) -> None:
        count = len(self.notes.top_three)
        self.status.setText(
            QCoreApplication.translate("AppointmentPanel", "{count} of 3 ticked.").format(count=count) if count else ""
        )
