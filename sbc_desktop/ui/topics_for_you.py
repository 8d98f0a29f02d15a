""" "Topics for you" in My appointment: the topics for where it has spread, offered for the handout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..content.library import Library
from ..spread import describe, topics_for

TOPIC_ROLE = Qt.ItemDataRole.UserRole


class TopicsForYou(QWidget):
    """Hidden until the reader says where it has spread; Enter, a double tap or the button adds one."""

    addRequested = Signal(str)  # a topic id for the handout

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.setObjectName("topicsForYou")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.heading = QLabel(QCoreApplication.translate("TopicsForYou", "Topics for you"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("topicsForYouList")
        self.list.setAccessibleName(
            QCoreApplication.translate("TopicsForYou", "Topics for you, to add to your handout")
        )
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(150)
        self.list.itemActivated.connect(self._add)
        self.add_button = QPushButton(QCoreApplication.translate("TopicsForYou", "Add to my handout"), self)
        self.add_button.setAccessibleName(
            QCoreApplication.translate("TopicsForYou", "Add the chosen topic for you to my handout")
        )
        self.add_button.clicked.connect(lambda: self._add(self.list.currentItem()))
        for widget in (self.heading, self.hint, self.list, self.add_button):
            layout.addWidget(widget)
        layout.setAlignment(self.add_button, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def show_for(self, places: list[str], in_handout: list[str]) -> None:
        topics = [t for t in topics_for(self.library, places) if t.id not in in_handout]
        self.setVisible(bool(places) and bool(topics_for(self.library, places)))
        self.hint.setText(
            QCoreApplication.translate(
                "TopicsForYou", "These matter most for your {places}. Add any to your handout."
            ).format(places=describe(places))
            if topics
            else QCoreApplication.translate("TopicsForYou", "They are all in your handout.")
        )
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for topic in topics:
            item = QListWidgetItem(topic.title, self.list)
            item.setData(TOPIC_ROLE, topic.id)
        self.list.setVisible(bool(topics))
        self.add_button.setVisible(bool(topics))
        if topics:
            self.list.setCurrentRow(min(row, len(topics) - 1))

    def titles(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(TOPIC_ROLE):
            self.addRequested.emit(item.data(TOPIC_ROLE))
