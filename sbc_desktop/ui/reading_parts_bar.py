"""Under a long page read in parts: "Previous part: <heading>" and "Next part: <heading>".

A long imported page is shown a part at a time (content/reading_parts.py); these two buttons are the
clear way on. Each is named with its whole text for a screen reader and shows its shortcut in its
tooltip. They sit side by side when both fit the bar, one above the other when not (200 % text, a narrow
window), and a heading too long for the bar's width ends in "..." on screen (its name stays whole), so the
bar never makes the window wider. Hidden on a page shown whole. In kiosk mode the touch style makes each
button 44 px high.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QWidget

NEXT_PART_KEY = "Ctrl+PgDown"
PREVIOUS_PART_KEY = "Ctrl+PgUp"


class _PartButton(QPushButton):
    """A button whose text is shortened with "..." to the width it is given (never asking for more)."""

    def __init__(self, name: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(name)
        self.full_text = ""
        # As wide as its text, or less (never asking the window for more room: see minimumSizeHint).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text)
        self.updateGeometry()  # (its size hint is the whole text's)
        self._fit()

    def wanted_width(self) -> int:
        """The width that shows the whole text."""
        return self.fontMetrics().horizontalAdvance(self.full_text) + 4 * self.fontMetrics().averageCharWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.wanted_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.width() - 3 * self.fontMetrics().averageCharWidth()
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != self.text():
            self.setText(shown)


class ReadingPartsBar(QWidget):
    """Emits the reading part asked for (from 0); the window shows it."""

    partRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._index = 0  # the part shown (from 0)
        self.setObjectName("readingPartsBar")
        self.setAccessibleName(QCoreApplication.translate("ReadingPartsBar", "Parts of this page"))
        self.previous_button = _PartButton("previousPart", self)
        self.previous_button.setToolTip(
            QCoreApplication.translate("ReadingPartsBar", "Previous part ({0})").format(PREVIOUS_PART_KEY)
        )
        self.next_button = _PartButton("nextPart", self)
        self.next_button.setToolTip(
            QCoreApplication.translate("ReadingPartsBar", "Next part ({0})").format(NEXT_PART_KEY)
        )
        self.previous_button.clicked.connect(lambda: self.partRequested.emit(self._index - 1))
        # Named from the start: a hidden button is still in the accessibility tree (review15 m6); show_part then
        # names each with its whole text.
        self.previous_button.setAccessibleName(QCoreApplication.translate("ReadingPartsBar", "Previous part"))
        self.next_button.setAccessibleName(QCoreApplication.translate("ReadingPartsBar", "Next part"))
        self.next_button.clicked.connect(lambda: self.partRequested.emit(self._index + 1))
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.previous_button)
        self._layout.addStretch(1)  # (Previous at the left, Next at the right)
        self._layout.addWidget(self.next_button)
        self.hide()

    def show_part(self, index: int, count: int, title_of: Callable[[int], str]) -> None:
        """Part ``index`` (from 0) of ``count`` is shown; ``title_of(i)``: what part i is called."""
        self._index = index
        if count <= 1:
            self.hide()
            return
        has_previous, has_next = index > 0, index < count - 1
        self.previous_button.setVisible(has_previous)
        self.next_button.setVisible(has_next)
        if has_previous:
            self.previous_button.set_full_text(
                QCoreApplication.translate("ReadingPartsBar", "Previous part: {0}").format(title_of(index - 1))
            )
        if has_next:
            self.next_button.set_full_text(
                QCoreApplication.translate("ReadingPartsBar", "Next part: {0}").format(title_of(index + 1))
            )
        self.show()
        self._arrange()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Side by side when both fit, else one above the other."""
        shown = [button for button in (self.previous_button, self.next_button) if not button.isHidden()]
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self._layout.spacing() * (len(shown) - 1)
        wanted = sum(button.wanted_width() for button in shown)
        direction = QBoxLayout.Direction.LeftToRight if wanted <= room else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
