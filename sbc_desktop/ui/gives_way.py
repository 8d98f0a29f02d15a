"""A permanent line in the status bar that gives way to a passing message it would cut short:
the kiosk's "no staff PIN" line steps aside while "Text size 200%, light theme" (or any other
message) needs its room at large text, and comes back when the message goes or fits beside it.
It gives way alike to a handout's progress line (ui/handout_job.py) that would be cut short."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

GAP = 24  # the status bar's margins and spacing between the message and its permanent widgets


class GivesWay(QObject):
    """Hides ``line`` (a permanent widget of ``bar``) while ``bar``'s message does not fit beside it."""

    def __init__(self, bar: QStatusBar, line: QWidget):
        super().__init__(line)
        self.bar, self.line = bar, line
        bar.messageChanged.connect(self.fit)
        bar.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        # LayoutRequest: another permanent widget came or went (a handout's progress line)
        if obj is self.bar and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                QEvent.Type.LayoutRequest):  # fmt: skip
            self.fit()
        return False

    def fits(self, message: str) -> bool:
        others = sum(
            w.sizeHint().width() + GAP
            for w in self.bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w is not self.line and w.isVisibleTo(self.bar) and w.objectName() == "handoutProgress"
        )
        if not message and not others:
            return True
        wanted = self.bar.fontMetrics().horizontalAdvance(message) + self.line.sizeHint().width() + GAP + others
        return wanted <= self.bar.width()

    def fit(self) -> None:
        self.line.setVisible(self.fits(self.bar.currentMessage()))
