"""Dialogs drawn inside the window: nothing a kiosk shows can be minimised, moved or lost.

An `Overlay` covers the whole window with a dimmed backdrop and shows a panel in the
middle: a title, text, any widgets, and buttons stacked full width (so no button is ever
cut short, whatever the text size). The panel scrolls when it is taller than the window.
While it is open, taps and keys reach only the panel: Tab and Shift+Tab go round its
controls, Esc closes it, and the window's keyboard shortcuts wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .qt_app import application

OVERLAY_STYLE = """
QWidget#overlay { background: rgba(0, 0, 0, 150); }
QFrame#overlayPanel { border: 3px solid palette(window-text); border-radius: 10px; background: palette(window); }
QLabel#overlayTitle { font-weight: bold; }
"""


class Overlay(QWidget):
    """One in-window dialog. ``closed`` says how it ended: the button's role, or "" for Esc."""

    closed = Signal(str)
    # The answers a caller keeps for its tests and focus handling (set by the caller, if any).
    yes_button: QPushButton | None = None
    no_button: QPushButton | None = None
    take_home_button: QPushButton | None = None

    def __init__(self, window: QWidget, title: str, name: str = "overlay", escape: bool = True):
        super().__init__(window)
        self.setObjectName("overlay")
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(OVERLAY_STYLE)
        self.escape = escape  # Esc closes it (not for the "still reading?" notice)
        self._result = ""
        self.panel = QFrame(self)
        self.panel.setObjectName("overlayPanel")
        self.panel.setAccessibleName(title)
        self.panel.setProperty("overlayName", name)
        self.scroller = QScrollArea(self.panel)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(self.scroller)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setSpacing(14)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.title = QLabel(title, self.body)
        self.title.setObjectName("overlayTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.layout_.addWidget(self.title)
        self.scroller.setWidget(self.body)
        outer = QVBoxLayout(self.panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        self.buttons: list[QPushButton] = []
        window.installEventFilter(self)
        self.hide()

    # -- building -----------------------------------------------------------------------
    def add_text(self, text: str, name: str = "") -> QLabel:
        label = QLabel(text, self.body)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(text)
        if name:
            label.setObjectName(name)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.layout_.addWidget(label)
        return label

    def add_widget(self, widget: QWidget, align: Qt.AlignmentFlag | None = None) -> QWidget:
        widget.setParent(self.body)
        if align is None:
            self.layout_.addWidget(widget)
        else:
            self.layout_.addWidget(widget, 0, align)
        return widget

    def add_button(self, text: str, role: str = "", slot: Callable[[], None] | None = None,
                   default: bool = False) -> QPushButton:  # fmt: skip
        """A full-width button. With a ``role`` it closes the overlay saying that role."""
        button = QPushButton(text, self.body)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(True)
        button.setDefault(default)
        button.setMinimumHeight(48)
        if slot is not None:
            button.clicked.connect(slot)
        if role:
            button.clicked.connect(lambda: self.finish(role))
        self.layout_.addWidget(button)
        self.buttons.append(button)
        return button

    # -- showing ------------------------------------------------------------------------
    def open(self, focus: QWidget | None = None) -> None:
        self._result = ""
        self.fit()
        self.show()
        self.raise_()
        application().installEventFilter(self)
        target = (
            focus
            or next((b for b in self.buttons if b.isDefault()), None)
            or (self.buttons[0] if self.buttons else self.panel)
        )
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self, role: str = "") -> None:
        """Close, saying how (a button's role, or "" for Esc or a reset)."""
        if not self.isVisible():
            return
        self._result = role
        self.hide()
        application().removeEventFilter(self)
        self.closed.emit(role)

    def fit(self) -> None:
        """Cover the window; the panel in the middle, never wider or taller than the window allows."""
        window = self.parentWidget()
        if window is None:
            return
        self.setGeometry(window.rect())
        margin = 24
        # Above the window's bottom margin: where the kiosk's on-screen keyboard is up, the
        # panel (scrolling if need be) stays in sight above it.
        room = window.height() - window.contentsMargins().bottom()
        width = min(window.width() - 2 * margin, max(480, int(window.width() * 0.5)))
        self.body.setFixedWidth(max(200, width - 4))
        self.body.adjustSize()
        if self.body.sizeHint().height() + 8 > room - 2 * margin:  # it scrolls: room for the scroll bar
            self.body.setFixedWidth(max(200, width - 4 - self.scroller.verticalScrollBar().sizeHint().width()))
            self.body.adjustSize()
        height = max(1, min(room - 2 * margin, self.body.sizeHint().height() + 8))
        self.panel.setGeometry((window.width() - width) // 2, max(0, (room - height) // 2), width, height)

    # -- keeping taps and keys inside ---------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if obj is self.parentWidget() and kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            if self.isVisible():
                self.fit()
            return False
        if obj is self.parentWidget() and kind == QEvent.Type.ContentsRectChange:
            if self.isVisible():  # (the on-screen keyboard came or went: once the window has settled)
                QTimer.singleShot(0, self, self.fit)
            return False
        if not self.isVisible():
            return False
        # The window's shortcuts wait while the overlay is open.
        return kind == QEvent.Type.Shortcut and not (isinstance(obj, QWidget) and self.isAncestorOf(obj))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.accept()  # taps on the backdrop reach nothing behind it

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.escape:
            self.finish("")
            return
        event.accept()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        """Tab goes round the panel's own controls, never out to the window behind."""
        chain = [w for w in self.body.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]  # fmt: skip
        if not chain:
            return True
        order: list[QWidget] = []
        widget: QWidget | None = chain[0]
        for _ in range(len(chain) * 2):  # follow Qt's own tab order among them
            if widget is None:
                break
            if widget in chain and widget not in order:
                order.append(widget)
            widget = widget.nextInFocusChain()
            if len(order) == len(chain):
                break
        order += [w for w in chain if w not in order]
        current = QApplication.focusWidget()
        index = order.index(current) if current in order else -1
        order[(index + (1 if forward else -1)) % len(order)].setFocus(Qt.FocusReason.TabFocusReason)
        return True


def close_overlays(window: QWidget) -> None:
    """Close every overlay in ``window`` (a new session starts with none open)."""
    for overlay in window.findChildren(Overlay):
        overlay.finish("")
