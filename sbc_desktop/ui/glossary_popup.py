"""The glossary pop-up: a word, what it means, and where to read more.

WCAG 2.2 1.4.13 (content on hover or focus): it opens on purpose (click, tap, Enter),
stays while the pointer is over it, and closes with Esc, a click elsewhere or its
Close button. It takes keyboard focus so its buttons can be reached with Tab, and
gives focus back to where it was when it closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..content.library import GlossaryTerm
from ..reading_style import ReadingStyle


def tr(text: str) -> str:
    return QCoreApplication.translate("GlossaryPopup", text)


class GlossaryPopup(QFrame):
    readMoreRequested = Signal(str)  # topic id
    speakRequested = Signal(str)  # text to read aloud
    spoken = Signal(str)  # what a screen reader should say now (the word and its meaning)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("glossaryPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName(tr("Meaning of a word"))
        self._term: GlossaryTerm | None = None
        self._return_focus: QWidget | None = None

        self.word = QLabel(self)
        self.word.setObjectName("glossaryWord")
        self.word.setTextFormat(Qt.TextFormat.PlainText)
        font = self.word.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.word.setFont(font)

        self.definition = QLabel(self)
        self.definition.setObjectName("glossaryDefinition")
        self.definition.setTextFormat(Qt.TextFormat.RichText)  # escaped: rich only for line height
        self._line_height = 1.5
        self.definition.setWordWrap(True)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.read_more = QPushButton(self)
        self.read_more.setObjectName("glossaryReadMore")
        self.read_more.clicked.connect(self._read_more)
        self.speak_button = QPushButton(tr("Read aloud"), self)
        self.speak_button.setObjectName("glossarySpeak")
        self.speak_button.setAccessibleName(tr("Read the meaning aloud"))
        self.speak_button.clicked.connect(self._speak)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setObjectName("glossaryClose")
        self.close_button.setAccessibleName(tr("Close the meaning"))
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.read_more)
        buttons.addStretch(1)
        buttons.addWidget(self.speak_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.word)
        layout.addWidget(self.definition)
        layout.addLayout(buttons)

    def set_reading_style(self, style: ReadingStyle) -> None:
        """The reader's spacing and font (WCAG 1.4.12) for the word and its meaning."""
        self._line_height = style.line_height
        for label in (self.word, self.definition):
            label.setFont(style.font_for(label.font()))
        if self._term is not None:
            self._show_definition()

    def _show_definition(self) -> None:
        text = escape(self._term.definition) if self._term else ""
        self.definition.setText(f'<p style="line-height: {round(self._line_height * 100)}%">{text}</p>')

    @property
    def term(self) -> GlossaryTerm | None:
        return self._term

    def show_term(self, term: GlossaryTerm, anchor: QRect, topic_title: str = "") -> None:
        """Show ``term`` just below (or above) the word at ``anchor`` (global coordinates)."""
        self._term = term
        if self.isHidden():
            focus = QGuiApplication.focusObject()
            self._return_focus = focus if isinstance(focus, QWidget) else None
        self.word.setText(term.term[:1].upper() + term.term[1:])
        self._show_definition()
        has_topic = bool(term.topic and topic_title)
        self.read_more.setVisible(has_topic)
        if has_topic:
            self.read_more.setText(tr("Read more: {title}").format(title=topic_title))
            self.read_more.setAccessibleName(tr("Read more about {term}").format(term=term.term))
        self.setAccessibleName(tr("Meaning of {term}").format(term=term.term))
        self.setAccessibleDescription(term.definition)
        self.word.setAccessibleName(term.term)
        self.definition.setAccessibleName(term.definition)
        self._place(anchor)
        self.show()
        self.raise_()
        (self.read_more if has_topic else self.close_button).setFocus(Qt.FocusReason.PopupFocusReason)
        self._announce(f"{term.term}: {term.definition}")

    def _place(self, anchor: QRect) -> None:
        """Next to the word, wholly inside the window, as tall as its wrapped meaning needs."""
        area = self._area(anchor)
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 32
        wanted = self.definition.fontMetrics().averageCharWidth() * 45 + margins
        width = max(min(wanted, area.width() - 16), min(self.minimumSizeHint().width(), area.width() - 16))
        self.definition.setMinimumWidth(0)
        self.setFixedWidth(width)
        layout = self.layout()
        assert layout is not None  # made in __init__
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        height = max(height, layout.totalMinimumSize().height())
        self.setFixedHeight(min(height, area.height() - 16))
        size = self.size()
        pos = QPoint(anchor.left(), anchor.bottom() + 6)
        if pos.y() + size.height() > area.bottom():
            pos.setY(anchor.top() - size.height() - 6)
        pos.setX(max(area.left() + 8, min(pos.x(), area.right() - size.width() - 8)))
        pos.setY(max(area.top() + 8, min(pos.y(), area.bottom() - size.height() - 8)))
        self.move(pos)

    def _area(self, anchor: QRect) -> QRect:
        """Where the pop-up may go: the window it belongs to, within its screen."""
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else QRect(0, 0, 1280, 800)
        parent = self.parentWidget()
        owner = parent.window() if parent is not None else None
        if owner is not None and owner.isVisible():
            area = area.intersected(owner.geometry()) if area.intersects(owner.geometry()) else owner.geometry()
        return area

    def _announce(self, message: str) -> None:
        """Tell a screen reader what opened (the window speaks it: ui/announcer.py)."""
        self.spoken.emit(message)

    def _speak(self) -> None:
        if self._term:
            self.speakRequested.emit(f"{self._term.term}. {self._term.definition}")

    def _read_more(self) -> None:
        if self._term and self._term.topic:
            topic = self._term.topic
            self.close()
            self.readMoreRequested.emit(topic)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A tap outside closes the pop-up and still does what it was for (opens a topic...)."""
        if self.rect().contains(event.position().toPoint()):
            super().mousePressEvent(event)
            return
        point = event.globalPosition().toPoint()
        self.close()
        target = QApplication.widgetAt(point)
        if target is None or target.window() is self:
            return
        local = QPointF(target.mapFromGlobal(point))
        for kind, buttons in ((QEvent.Type.MouseButtonPress, event.buttons()),
                              (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):  # fmt: skip
            QApplication.postEvent(
                target, QMouseEvent(kind, local, QPointF(point), event.button(), buttons, event.modifiers())
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        button = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(button, QPushButton):
            button.click()  # Enter presses the button with focus, as Space does
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        target = self._return_focus
        self._return_focus = None
        if isinstance(target, QWidget) and target.isVisible():
            target.setFocus(Qt.FocusReason.PopupFocusReason)
