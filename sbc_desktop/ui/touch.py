"""Touch targets in the page: a tap near a link counts as a tap on it.

A link in running text is one line tall (about 20 px at 100%). At the kiosk a tap that
lands within `SLOP` pixels above, below or beside a link is moved onto it, so every link
is a target of at least 44 px (WCAG 2.5.5) without spreading the text out. Taps that are
not near any link are left alone (selecting text still works).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QTextBrowser

SLOP = 14  # px each side: a 20 px line becomes a 48 px target


class LinkSlop(QObject):
    def __init__(self, reader: QTextBrowser, slop: int = SLOP):
        super().__init__(reader)
        self.reader = reader
        self.slop = slop
        self._sending = False
        reader.viewport().installEventFilter(self)

    def nearest_link(self, pos: QPoint) -> QPoint | None:
        """The nearest point within the slop that is on a link, or None (``pos`` itself if on one)."""
        if self.reader.anchorAt(pos):
            return pos
        for distance in range(2, self.slop + 1, 2):
            for dx, dy in ((0, -distance), (0, distance), (-distance, 0), (distance, 0)):
                candidate = pos + QPoint(dx, dy)
                if self.reader.anchorAt(candidate):
                    return candidate
        return None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if self._sending or event.type() not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        pos = event.position().toPoint()
        target = self.nearest_link(pos)
        if target is None or target == pos:
            return False
        moved = QMouseEvent(
            event.type(), QPointF(target), event.globalPosition() + QPointF(target - pos),
            event.button(), event.buttons(), event.modifiers(),
        )  # fmt: skip
        self._sending = True
        try:
            QApplication.sendEvent(obj, moved)
        finally:
            self._sending = False
        return True
