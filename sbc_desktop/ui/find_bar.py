"""Find in this page (Ctrl+F): highlight every match, move to the next or previous."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from .themed_style import grow_with_text

ANNOUNCE_MS = 600  # a final count is said once nothing has changed it for this long (typing pauses)


def name_clear_button(field: QLineEdit, name: str) -> None:
    """Turn on a line edit's clear button (growing with the box) and give it a name a screen reader can say."""
    grow_with_text(field)
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)


class FindBar(QWidget):
    """Emits what to find; the reader does the finding and tells it the count."""

    findRequested = Signal(str, int)  # text, direction (+1 next, -1 previous, 0 from the top)
    closed = Signal()
    countSettled = Signal(str)  # the final count, once, after the user pauses: for a screen reader

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(QCoreApplication.translate("FindBar", "Find in this page"))
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(QCoreApplication.translate("FindBar", "Find in this page"))
        self.field.setAccessibleName(QCoreApplication.translate("FindBar", "Find in this page"))
        name_clear_button(self.field, QCoreApplication.translate("FindBar", "Clear the words to find"))
        self.field.textChanged.connect(lambda text: self.findRequested.emit(text, 0))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        # A long count (a long glossary's "Not under A. Found under B, L, P: press Next", at 200% text) that
        # does not fit on one line in two fifths of the bar goes on a row of its own under the field, across
        # the bar (see _place_count): on one line it made the window wider than the screen, and wrapped beside
        # the field, in a narrow column, a kiosk's bar cut it after "Not under A. Found".
        self.count.setWordWrap(True)
        self._count_row = 0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(ANNOUNCE_MS)
        self._settle.timeout.connect(self._count_settled)
        self._said: tuple[str, str] | None = None  # (the words found, the count) last said, and shown since
        self.previous_button = QPushButton(QCoreApplication.translate("FindBar", "Previous"), self)
        self.previous_button.setAccessibleName(QCoreApplication.translate("FindBar", "Previous match"))
        self.previous_button.setToolTip(QKeySequence(QKeySequence.StandardKey.FindPrevious).toString())
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton(QCoreApplication.translate("FindBar", "Next"), self)
        self.next_button.setAccessibleName(QCoreApplication.translate("FindBar", "Next match"))
        self.next_button.setToolTip(QKeySequence(QKeySequence.StandardKey.FindNext).toString())
        self.next_button.clicked.connect(self.find_next)
        self.close_button = QPushButton(QCoreApplication.translate("FindBar", "Close"), self)
        self.close_button.setAccessibleName(QCoreApplication.translate("FindBar", "Close find"))
        self.close_button.clicked.connect(self.close_bar)
        layout = self._grid = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.field, 0, 0)
        layout.setColumnStretch(0, 1)
        layout.addWidget(self.count, 0, 1)
        layout.addWidget(self.previous_button, 0, 2)
        layout.addWidget(self.next_button, 0, 3)
        layout.addWidget(self.close_button, 0, 4)
        self.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_count()

    def _place_count(self) -> None:
        """The count beside the field when it fits on one line in two fifths of the bar; else on a row of its
        own under it, across the bar, wrapped there only if it must be."""
        beside = max(1, self.width() * 2 // 5)
        row = 0 if self.count.fontMetrics().horizontalAdvance(self.count.text()) + 8 <= beside else 1
        if row != self._count_row:
            self._count_row = row
            self._grid.removeWidget(self.count)
            if row:
                self._grid.addWidget(self.count, 1, 0, 1, 5)
            else:
                self._grid.addWidget(self.count, 0, 1)
        self.count.setMaximumWidth(beside if row == 0 else 16777215)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.findRequested.emit(self.field.text(), 0)

    def close_bar(self) -> None:
        self.hide()
        self._settle.stop()
        self._said = None  # (opened again: said again)
        self.findRequested.emit("", 0)  # clear the highlights
        self.closed.emit()

    def reset(self) -> None:
        """Hidden and empty, with no undo history."""
        self.hide()
        self.field.setText("")  # unlike clear(), setText() empties the undo history
        self.show_count(0, 0)
        self._settle.stop()
        self._said = None

    def find_next(self) -> None:
        self._said = None  # (asked for: its count is said, the same or not)
        self.findRequested.emit(self.field.text(), 1)

    def find_previous(self) -> None:
        self._said = None
        self.findRequested.emit(self.field.text(), -1)

    def show_count(self, current: int, total: int, final: bool = True) -> None:
        """Show "3 of 12"; while matches are still counted, "3 of 12 so far" (said once final, see countSettled)."""
        if not self.field.text():
            text = ""
        elif not final and total == 0:
            text = QCoreApplication.translate("FindBar", "Searching…")
        elif not final:
            text = QCoreApplication.translate("FindBar", "{current} of {total} so far").format(
                current=current, total=total
            )
        elif total == 0:
            text = QCoreApplication.translate("FindBar", "Not found")
        else:
            text = QCoreApplication.translate("FindBar", "{current} of {total}").format(current=current, total=total)
        self.show_message(text, final)

    def show_message(self, text: str, final: bool = True) -> None:
        """Show ``text`` where the count is (a final one said once typing pauses, see countSettled)."""
        self.count.setText(text)
        self.count.setAccessibleName(text)
        self._place_count()
        if self._said == (self.field.text(), text):
            return  # said, and nothing else shown since (the first match selected once the page is laid out)
        self._said = None
        if final and text and self.isVisible():
            self._settle.start()  # again: typing on restarts it, so only the last query's count is said
        else:
            self._settle.stop()

    def _count_settled(self) -> None:
        if self.isVisible() and self.count.text():
            self._said = (self.field.text(), self.count.text())
            self.countSettled.emit(self.count.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.find_previous() if shift else self.find_next()
        elif event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
