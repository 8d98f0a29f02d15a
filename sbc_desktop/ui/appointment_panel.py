"""The "My appointment" panel: notes, questions to tick or add, topics for the handout.

It edits one `AppointmentNotes` and says `changed` after every edit; the window saves
(at home) and prints. It never touches files or printers itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..content.library import Library, Topic
from ..notes import AppointmentNotes
from ..spread import describe, questions_for
from .appointment_details_box import AppointmentDetailsBox
from .symptom_log import SymptomLog
from .themed_style import grow_with_text
from .top_three import TopThree
from .topics_for_you import TopicsForYou

QUESTION_ROLE = Qt.ItemDataRole.UserRole
TOPIC_ROLE = Qt.ItemDataRole.UserRole


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)  # at 200% a heading wraps rather than being cut at the panel's edge
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _button(text: str, name: str, parent: QWidget, slot) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


class AppointmentPanel(QScrollArea):
    changed = Signal()
    previewRequested = Signal()
    printRequested = Signal()
    saveRequested = Signal()

    urgentHelpRequested = Signal()
    said = Signal(str)  # for a screen reader (the window says it)

    def __init__(
        self,
        library: Library,
        notes: AppointmentNotes,
        parent: QWidget | None = None,
        symptom_log: bool = False,
        touch: bool = False,
    ):
        super().__init__(parent)
        self.library = library
        self.notes = notes
        self.topic: Topic | None = None
        self.spread: list[str] = []  # where the reader said it has spread: their questions come first
        self._updating = False
        self.setObjectName("appointmentPanel")
        self.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "My appointment"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setSpacing(6)

        layout.addWidget(_heading(QCoreApplication.translate("AppointmentPanel", "My next appointment"), body))
        self.details = AppointmentDetailsBox(notes, body, touch=touch)
        self.details.changed.connect(self.changed)
        self.details.said.connect(self.said)
        layout.addWidget(self.details)

        layout.addWidget(_heading(QCoreApplication.translate("AppointmentPanel", "My notes"), body))
        self.notes_edit = QPlainTextEdit(body)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "My notes"))
        self.notes_edit.setPlaceholderText(
            QCoreApplication.translate(
                "AppointmentPanel", "Write what you want to remember, or to tell your doctor or nurse."
            )
        )
        self.notes_edit.setTabChangesFocus(True)  # Tab leaves the box: no keyboard trap
        self.notes_edit.setMinimumHeight(120)
        self.notes_edit.textChanged.connect(self._notes_edited)
        layout.addWidget(self.notes_edit)

        layout.addWidget(_heading(QCoreApplication.translate("AppointmentPanel", "Questions to ask"), body))
        hint = QLabel(
            QCoreApplication.translate(
                "AppointmentPanel", "Tick the questions you want to ask. They go in your handout."
            ),
            body,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.questions = QListWidget(body)
        self.questions.setObjectName("suggestedQuestions")
        self.questions.setAccessibleName(
            QCoreApplication.translate("AppointmentPanel", "Suggested questions. Press Space to tick one.")
        )
        self.questions.setWordWrap(True)
        grow_with_text(self.questions)  # (its boxes to tick)
        self.questions.setMinimumHeight(150)
        self.questions.itemChanged.connect(self._question_ticked)
        layout.addWidget(self.questions)

        row = QHBoxLayout()
        self.own_edit = QLineEdit(body)
        self.own_edit.setObjectName("ownQuestion")
        self.own_edit.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Your own question"))
        self.own_edit.setPlaceholderText(QCoreApplication.translate("AppointmentPanel", "Type your own question"))
        self.own_edit.returnPressed.connect(self.add_own_question)
        row.addWidget(self.own_edit, 1)
        self.add_question_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Add"),
            QCoreApplication.translate("AppointmentPanel", "Add your question"),
            body,
            self.add_own_question,
        )
        row.addWidget(self.add_question_button)
        layout.addLayout(row)
        self.own_list = QListWidget(body)
        self.own_list.setObjectName("ownQuestions")
        self.own_list.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Your own questions"))
        self.own_list.setWordWrap(True)
        self.own_list.setMaximumHeight(110)
        layout.addWidget(self.own_list)
        self.remove_question_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Remove question"),
            QCoreApplication.translate("AppointmentPanel", "Remove the selected question"),
            body,
            self.remove_own_question,
        )
        layout.addWidget(self.remove_question_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.top_three = TopThree(notes, body)
        self.top_three.changed.connect(self.changed)
        layout.addWidget(self.top_three)
        self.symptom_log: SymptomLog | None = None  # at home only: never built at a kiosk
        if symptom_log:
            layout.addWidget(
                _heading(QCoreApplication.translate("AppointmentPanel", "Since my last appointment"), body)
            )
            self.symptom_log = SymptomLog(notes, body)
            self.symptom_log.changed.connect(self.changed)
            self.symptom_log.urgentHelpRequested.connect(self.urgentHelpRequested)
            self.symptom_log.said.connect(self.said)
            layout.addWidget(self.symptom_log)

        layout.addWidget(_heading(QCoreApplication.translate("AppointmentPanel", "Topics in my handout"), body))
        # Short words on the button (the heading above says "my handout"): at 200% text the longer
        # label made the panel wider than the dock. Screen readers hear the whole sentence.
        self.add_topic_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Add this topic"),
            QCoreApplication.translate("AppointmentPanel", "Add this topic to my handout"),
            body,
            self.add_current_topic,
        )
        self.add_topic_button.setToolTip(QCoreApplication.translate("AppointmentPanel", "Add this topic to my handout"))
        layout.addWidget(self.add_topic_button)
        self.topics = QListWidget(body)
        self.topics.setObjectName("handoutTopics")
        self.topics.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Topics in my handout"))
        self.topics.setMaximumHeight(150)
        layout.addWidget(self.topics)
        grid = QGridLayout()
        self.up_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Move up"),
            QCoreApplication.translate("AppointmentPanel", "Move the topic up"),
            body,
            lambda: self.move_topic(-1),
        )
        self.down_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Move down"),
            QCoreApplication.translate("AppointmentPanel", "Move the topic down"),
            body,
            lambda: self.move_topic(1),
        )
        self.remove_topic_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Remove"),
            QCoreApplication.translate("AppointmentPanel", "Remove the topic from the handout"),
            body,
            self.remove_topic,
        )
        # Two to a row: three side by side made the panel wider than the dock at 200% text.
        grid.addWidget(self.up_button, 0, 0)
        grid.addWidget(self.down_button, 0, 1)
        grid.addWidget(self.remove_topic_button, 1, 0)
        layout.addLayout(grid)
        self.for_you = TopicsForYou(library, body)
        self.for_you.addRequested.connect(self.add_topic)
        layout.addWidget(self.for_you)

        layout.addWidget(_heading(QCoreApplication.translate("AppointmentPanel", "Print or save"), body))
        self.large_print = QCheckBox(QCoreApplication.translate("AppointmentPanel", "Large print"), body)
        self.large_print.setAccessibleName(QCoreApplication.translate("AppointmentPanel", "Large print"))
        grow_with_text(self.large_print)
        layout.addWidget(self.large_print)
        buttons = QGridLayout()
        self.preview_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Preview"),
            QCoreApplication.translate("AppointmentPanel", "Preview the handout"),
            body,
            self.previewRequested.emit,
        )
        self.print_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Print..."),
            QCoreApplication.translate("AppointmentPanel", "Print the handout"),
            body,
            self.printRequested.emit,
        )
        self.save_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Save as PDF..."),
            QCoreApplication.translate("AppointmentPanel", "Save the handout as a file"),
            body,
            self.saveRequested.emit,
        )
        buttons.addWidget(self.preview_button, 0, 0)
        buttons.addWidget(self.print_button, 0, 1)
        buttons.addWidget(self.save_button, 1, 0, 1, 2)
        layout.addLayout(buttons)
        self.clear_button = _button(
            QCoreApplication.translate("AppointmentPanel", "Clear my notes"),
            QCoreApplication.translate("AppointmentPanel", "Clear all my notes and questions"),
            body,
            self.ask_to_clear,
        )
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(body)
        self.refresh()

    # -- showing the notes --------------------------------------------------------
    def set_topic(self, topic: Topic | None) -> None:
        """The topic being read: its own questions are offered while it is open."""
        self.topic = topic
        self.add_topic_button.setEnabled(topic is not None and topic.id not in self.notes.handout_topics)
        self._fill_questions()

    def refresh(self) -> None:
        """Show ``self.notes`` again (after loading or clearing)."""
        self._updating = True
        try:
            if self.notes_edit.toPlainText() != self.notes.notes:
                self.notes_edit.setPlainText(self.notes.notes)
            self.own_list.clear()
            self.own_list.addItems(self.notes.own_questions)
            self.topics.clear()
            for topic_id in self.notes.handout_topics:
                topic = self.library.topic(topic_id)
                item = QListWidgetItem(topic.title if topic else topic_id, self.topics)
                item.setData(TOPIC_ROLE, topic_id)
        finally:
            self._updating = False
        self.details.refresh()
        self.top_three.refresh()
        if self.symptom_log is not None:
            self.symptom_log.refresh()
        self.for_you.show_for(self.spread, self.notes.handout_topics)
        self.set_topic(self.topic)

    def set_spread(self, places: list[str]) -> None:
        """Where it has spread: its questions are suggested first, its topics offered for the handout."""
        self.spread = list(places)
        self.refresh()

    def _fill_questions(self) -> None:
        self._updating = True
        try:
            self.questions.clear()
            first = questions_for(self.library, self.spread)
            if first:
                self._add_group(
                    QCoreApplication.translate("AppointmentPanel", "For your {places}").format(
                        places=describe(self.spread)
                    ),
                    first,
                )
            general = [q for q in self.library.suggested_questions if q not in first]
            self._add_group(QCoreApplication.translate("AppointmentPanel", "Suggested questions"), general)
            if self.topic is not None:
                own = [q for q in self.topic.questions if q not in general and q not in first]
                if own:
                    self._add_group(
                        QCoreApplication.translate("AppointmentPanel", "About this topic: {title}").format(
                            title=self.topic.title
                        ),
                        own,
                    )
            # Ticked questions from topics no longer open stay ticked, and stay visible.
            shown = set(first) | set(general) | set(self.topic.questions if self.topic else [])
            earlier = [q for q in self.notes.ticked if q not in shown]
            if earlier:
                self._add_group(QCoreApplication.translate("AppointmentPanel", "Ticked on other pages"), earlier)
        finally:
            self._updating = False

    def _add_group(self, title: str, questions: list[str]) -> None:
        header = QListWidgetItem(title, self.questions)
        font = QFont()  # bold only: size and face still follow the list (text size, reading font)
        font.setBold(True)
        header.setFont(font)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for question in questions:
            item = QListWidgetItem(question, self.questions)
            item.setData(QUESTION_ROLE, question)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = question in self.notes.ticked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    # -- edits --------------------------------------------------------------------
    def _notes_edited(self) -> None:
        if not self._updating:
            self.notes.notes = self.notes_edit.toPlainText()
            self.changed.emit()

    def _question_ticked(self, item: QListWidgetItem) -> None:
        question = item.data(QUESTION_ROLE)
        if self._updating or not question:
            return
        if item.checkState() == Qt.CheckState.Checked and question not in self.notes.ticked:
            self.notes.ticked.append(question)
        elif item.checkState() != Qt.CheckState.Checked and question in self.notes.ticked:
            self.notes.ticked.remove(question)
        self.top_three.refresh()
        self.changed.emit()

    def add_own_question(self) -> None:
        text = " ".join(self.own_edit.text().split())
        if text and text not in self.notes.own_questions:
            self.notes.own_questions.append(text)
            self.own_edit.setText("")
            self.refresh()
            self.changed.emit()

    def remove_own_question(self) -> None:
        self._remove_current(self.own_list, self.notes.own_questions)

    def add_current_topic(self) -> None:
        if self.topic is not None:
            self.add_topic(self.topic.id)

    def add_topic(self, topic_id: str) -> None:
        if topic_id not in self.notes.handout_topics and self.library.topic(topic_id):
            self.notes.handout_topics.append(topic_id)
            self.refresh()
            self.topics.setCurrentRow(self.topics.count() - 1)
            self.changed.emit()

    def remove_topic(self) -> None:
        self._remove_current(self.topics, self.notes.handout_topics)

    def _remove_current(self, shown: QListWidget, items: list[str]) -> None:
        """Remove the selected row of ``shown`` from ``items``; the next row is selected."""
        row = shown.currentRow()
        if 0 <= row < len(items):
            del items[row]
            self.refresh()
            shown.setCurrentRow(min(row, shown.count() - 1))
            self.changed.emit()

    def move_topic(self, step: int) -> None:
        row = self.topics.currentRow()
        target = row + step
        ids = self.notes.handout_topics
        if 0 <= row < len(ids) and 0 <= target < len(ids):
            ids[row], ids[target] = ids[target], ids[row]
            self.refresh()
            self.topics.setCurrentRow(target)
            self.changed.emit()

    def ask_to_clear(self) -> None:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("AppointmentPanel", "Clear my notes"),
            QCoreApplication.translate(
                "AppointmentPanel",
                "Clear all your notes, questions, appointment details, log and handout topics? This cannot be undone.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.clear()

    def reset(self) -> None:
        """Show the (emptied) notes afresh: no undo history, no half-typed question, at the top."""
        self._updating = True
        try:
            self.notes_edit.setPlainText(self.notes.notes)  # always: it empties the undo history
            self.own_edit.setText("")  # unlike clear(), setText() empties the undo history
            self.large_print.setChecked(False)
        finally:
            self._updating = False
        self.refresh()
        for view in (self.questions, self.own_list, self.topics):
            view.clearSelection()
            view.scrollToTop()
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.notes.notes = ""
        self.notes.ticked.clear()
        self.notes.own_questions.clear()
        self.notes.handout_topics.clear()
        self.notes.top_three.clear()
        self.notes.appointment.clear()
        self.notes.symptoms.clear()
        self.refresh()
        self.changed.emit()
