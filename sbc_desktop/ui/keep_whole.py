"""A row of controls is shown whole or not at all: where its pane is squeezed below what the row
and a strip of the page need (the kiosk's on-screen keyboard up, at 200% text, with search
results open), the row goes until there is room again, rather than being cut in half."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class KeepWhole(QObject):
    """Watches ``row``'s parent pane: hides the row while the pane is too low for it and a strip of
    the page below it (as tall as the row), and shows it again once there is room. A row hidden
    for another reason (Read aloud with no speech engine at a kiosk) is left hidden."""

    def __init__(self, row: QWidget):
        pane = row.parentWidget()
        if pane is None:
            raise ValueError("the row must be in its pane already")
        super().__init__(row)
        self.row, self.pane = row, pane
        self.squeezed = False
        pane.installEventFilter(self)

    def needed(self) -> int:
        return 2 * self.row.minimumSizeHint().height()  # the row, and as much of the page below it

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.pane and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        room = self.pane.height()
        if not self.squeezed and self.row.isVisibleTo(self.pane) and room < self.needed():
            self.squeezed = True
            self.row.hide()
        elif self.squeezed and room >= self.needed():
            self.squeezed = False
            self.row.show()
