"""Say a message through a screen reader: what a sighted user sees change, a blind user hears.

Orca 43 ignores Qt's announcement events. What it does speak, whatever has focus, is a
notification that appears (AT-SPI role "notification" becoming showing). The
announcer is an invisible one-pixel widget with that role: each message hides it,
renames it and shows it again. The window owns one and every pane's message goes
through it (status messages, a page's title, a glossary meaning, search results,
the kiosk's countdown).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from . import accessible_factory


class Announcer(QWidget):
    said = Signal(str)  # every message, as it is handed to the screen reader

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("announcer")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFixedSize(1, 1)
        self.message = ""
        self.hide()

    def say(self, message: str) -> None:
        message = " ".join(message.split())
        if not message or not self.window().isVisible():
            return  # nothing to say, or nobody can be reading yet
        self.message = message
        self.setAccessibleName(message)
        self.setHidden(True)
        self.setHidden(False)  # appearing again is what makes the screen reader speak
        self.raise_()
        self.said.emit(message)


def _make(widget: QWidget):
    return QAccessibleWidget(widget, QAccessible.Role.Notification)


accessible_factory.register("Announcer", _make)
