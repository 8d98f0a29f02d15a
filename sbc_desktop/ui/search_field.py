"""The toolbar's search box: search as you type.

Arrow keys in the field move through the results, Enter opens one, Esc clears the
search (the results panel is `search_panel`, made at the first search: a start imports
only this module, not the panel's list and delegate classes).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from .find_bar import name_clear_button


class SearchField(QLineEdit):
    """The toolbar's search box. Emits `queryChanged` shortly after typing stops."""

    queryChanged = Signal(str)
    moveSelection = Signal(int)  # +1 down, -1 up
    activated = Signal()
    cleared = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setPlaceholderText(QCoreApplication.translate("Search", "Search, for example: can it be cured"))
        self.setAccessibleName(QCoreApplication.translate("Search", "Search"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "Search", "Type any words. Results appear as you type; press Down to reach them."
            )
        )
        name_clear_button(self, QCoreApplication.translate("Search", "Clear the search"))
        self.setMinimumWidth(260)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)  # one search per pause in typing
        self._debounce.timeout.connect(lambda: self.queryChanged.emit(self.text()))
        self.textChanged.connect(lambda _text: self._debounce.start())

    @property
    def typing(self) -> bool:
        """Whether a search for what is typed is due (the pause after a key has not ended yet)."""
        return self._debounce.isActive()

    def reset(self) -> None:
        """Empty, with no undo history: the next person cannot bring the last search back."""
        self._debounce.stop()
        self.setText("")  # unlike clear(), setText() empties the undo history

    def flush(self) -> None:
        """Search now for what is typed (Enter before the pause ends, or a test)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.queryChanged.emit(self.text())

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.flush()
            self.moveSelection.emit(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.activated.emit()
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            self.cleared.emit()
        else:
            super().keyPressEvent(event)
