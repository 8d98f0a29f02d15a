"""Read aloud: sentence by sentence with a highlight, pause, stop, speed; and no engine."""

from __future__ import annotations

import builtins
import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from sbc_desktop.ui.page_find import text_pattern
from sbc_desktop.ui.read_aloud import ReadAloud, ReadAloudBar, Sentence, open_engine, split_sentences
from sbc_desktop.ui.reader import FIND, SPEECH


class FakeEngine(QObject):
    """Speaks instantly and silently; a test says when a sentence has been spoken."""

    stateChanged = Signal(str)

    def __init__(self):
        super().__init__()
        self.said: list[str] = []
        self.calls: list[str] = []
        self.rate: float | None = None
        self.state = "ready"
        self.starts_at_once = True  # False: like an engine that reports "speaking" a moment later

    def say(self, text: str) -> None:
        self.said.append(text)
        if self.starts_at_once:
            self._set("speaking")

    def pause(self) -> None:
        self.calls.append("pause")
        self._set("paused")

    def resume(self) -> None:
        self.calls.append("resume")
        self._set("speaking")

    def stop(self) -> None:
        self.calls.append("stop")
        self._set("ready")

    def setRate(self, rate: float) -> None:  # noqa: N802
        self.rate = rate

    def errorString(self) -> str:  # noqa: N802
        return "The sound card went away."

    def finish(self) -> None:
        """The sentence being spoken has ended."""
        self._set("ready")

    def _set(self, state: str) -> None:
        self.state = state
        self.stateChanged.emit(state)


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def reading(window, engine):
    window.reader.go("topic:what-is-it")
    window.reader.ensure_complete()
    read = ReadAloud(window.reader, engine=engine)
    window.reader.sourceChanged.connect(read.stop)  # as the window wires it
    return read


@pytest.fixture
def bar(window, reading):
    """The bar where the window puts it: above the reader."""
    widget = ReadAloudBar(reading)
    window.reader.parentWidget().layout().insertWidget(0, widget)
    return widget


def speech_highlights(reader) -> list[str]:
    return [s.cursor.selectedText() for s in reader.extraSelections() if s.format.property(ReadAloud.MARK) == SPEECH]


def finish_and_wait(qtbot, engine: FakeEngine) -> None:
    count = len(engine.said)
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) == count + 1)


def test_sentences_end_at_stops_and_at_each_line():
    text = "Hello there. How are you?\nA heading\n\n  Wait! 2.5 mg is a dose (a small one).\n\u200b\n•"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Hello there.", "How are you?", "A heading", "Wait!", "2.5 mg is a dose (a small one).",
    ]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_sentences_lie_where_they_are_in_the_reader(reading):
    doc = reading.reader.document()
    sentences = split_sentences(doc.toPlainText())
    assert len(sentences) > 20
    for sentence in sentences:
        cursor = QTextCursor(doc)
        cursor.setPosition(sentence.start)
        cursor.setPosition(sentence.end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().replace("\u00a0", " ") == sentence.text.replace("\u00a0", " ")


def test_reads_one_sentence_at_a_time_with_the_current_one_highlighted(reading, engine, qtbot):
    states = []
    reading.stateChanged.connect(states.append)
    reading.play()
    first, second = reading.sentences[0], reading.sentences[1]
    assert states == ["playing"]
    assert engine.said == [first.text]
    assert speech_highlights(reading.reader) == [first.text]
    finish_and_wait(qtbot, engine)
    assert engine.said == [first.text, second.text]
    assert speech_highlights(reading.reader) == [second.text]
    assert reading.index == 1


def test_a_ready_before_the_sentence_starts_does_not_skip_it(reading, engine, qtbot):
    engine.starts_at_once = False
    reading.play()
    engine.finish()  # some engines report "ready" as they stop what went before
    qtbot.wait(20)
    assert len(engine.said) == 1 and reading.index == 0
    engine.stateChanged.emit("speaking")
    finish_and_wait(qtbot, engine)
    assert reading.index == 1


def test_the_view_follows_the_sentence_being_read(reading, engine, qtbot):
    reader = reading.reader
    reader.verticalScrollBar().setValue(0)
    height = reader.viewport().height()
    first_unseen = reader.cursorForPosition(reader.viewport().rect().bottomRight()).position() + 1
    reading.play()
    for _ in range(len(reading.sentences)):
        if reading.sentences[reading.index].start > first_unseen:
            break
        finish_and_wait(qtbot, engine)
    assert reader.verticalScrollBar().value() > 0
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reading.sentences[reading.index].start)
    assert 0 <= reader.cursorRect(cursor).top() < height


def test_play_starts_at_the_first_sentence_in_view(reading, engine):
    reader = reading.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = reader.cursorForPosition(reader.viewport().rect().topLeft()).position()
    reading.play()
    sentence = reading.sentences[reading.index]
    whole = split_sentences(reader.document().toPlainText())
    at = whole.index(sentence)
    assert at > 0 and sentence.end > top
    assert whole[at - 1].end <= top


def test_pause_and_resume(reading, engine, qtbot, bar):
    reading.play()
    assert bar.play_button.accessibleName() == "Pause reading aloud"
    bar.play_button.click()
    assert reading.state == "paused" and engine.calls[-1] == "pause"
    assert (bar.play_button.text(), bar.play_button.accessibleName()) == ("Resume", "Resume reading aloud")
    assert speech_highlights(reading.reader) == [reading.sentences[0].text]  # still shows where it is
    bar.play_button.click()
    assert reading.state == "playing" and engine.calls[-1] == "resume"
    assert len(engine.said) == 1  # carried on with the same sentence
    finish_and_wait(qtbot, engine)
    assert engine.said[-1] == reading.sentences[1].text


def test_pause_between_two_sentences_resumes_with_the_next(reading, engine, qtbot):
    reading.play()
    engine.finish()
    reading.pause()  # before the next sentence was handed over
    qtbot.wait(20)
    assert len(engine.said) == 1 and "pause" not in engine.calls
    reading.resume()
    qtbot.waitUntil(lambda: len(engine.said) == 2)
    assert engine.said[-1] == reading.sentences[1].text


def test_stop_clears_only_its_own_highlight(window, reading, engine, qtbot, bar):
    assert not bar.stop_button.isEnabled()
    window.highlighter.find_all(text_pattern("cancer"))
    found = len(window.reader.layer(FIND))  # the matches on screen and a screen either side
    assert found
    reading.play()
    assert len(window.reader.extraSelections()) == found + 1
    assert bar.stop_button.isEnabled()
    bar.stop_button.click()
    assert reading.state == "stopped" and engine.calls[-1] == "stop"
    assert speech_highlights(window.reader) == []
    assert len(window.reader.extraSelections()) == found  # find's highlights are kept
    assert (bar.play_button.text(), bar.play_button.accessibleName()) == ("Read aloud", "Read this page aloud")
    engine.finish()
    qtbot.wait(20)
    assert len(engine.said) == 1  # nothing more after stop


def test_changing_page_stops(window, reading, engine):
    reading.play()
    window.reader.go("topic:treatment")
    assert reading.state == "stopped"
    assert speech_highlights(window.reader) == []


def test_the_end_of_the_text_stops(reading, engine, qtbot):
    reading.speak_text("Metastasis: when cancer spreads. It can be treated!")
    assert engine.said == ["Metastasis: when cancer spreads."]
    assert speech_highlights(reading.reader) == []  # a definition is not on the page
    finish_and_wait(qtbot, engine)
    assert engine.said[-1] == "It can be treated!"
    engine.finish()
    assert reading.state == "stopped"


def test_speaking_a_definition_interrupts_the_page(reading, engine):
    reading.play()
    reading.speak_text("A tumour is a lump.")
    assert engine.said[-1] == "A tumour is a lump." and reading.sentences == [Sentence("A tumour is a lump.", -1, -1)]
    assert speech_highlights(reading.reader) == []


def test_speed_control(reading, engine, qtbot, bar):
    assert bar.speed.currentText() == "Normal" and engine.rate == 0.0
    bar.speed.setCurrentIndex(bar.speed.findText("Slow"))
    assert engine.rate == -0.25 == reading.rate
    bar.speed.setCurrentIndex(bar.speed.findText("Very fast"))
    assert engine.rate == 0.5


def test_speed_chosen_before_the_engine_opens_is_used(window, engine):
    read = ReadAloud(window.reader, opener=lambda parent: (engine, ""))
    read.set_rate(-0.5)
    assert engine.rate is None  # nothing opened yet: no speech libraries loaded at start
    read.play()
    assert engine.rate == -0.5 and engine.said


def test_an_engine_error_stops_and_says_why(reading, engine):
    reasons = []
    reading.unavailable.connect(reasons.append)
    reading.play()
    engine.stateChanged.emit("error")
    assert reading.state == "stopped" and reasons == ["The sound card went away."]


def test_the_bar_is_named_and_reachable_by_keyboard(reading, qtbot, bar):
    assert bar.speed.accessibleName() == "Reading speed"
    assert bar.stop_button.accessibleName() == "Stop reading aloud"
    reading.play()
    bar.play_button.setFocus()
    seen = []
    for _ in range(3):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [bar.play_button, bar.stop_button, bar.speed]
    bar.play_button.setFocus()
    qtbot.keyClick(bar.play_button, Qt.Key.Key_Space)
    assert reading.state == "paused"


def test_without_an_engine_the_button_explains(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    read = ReadAloud(window.reader, opener=lambda parent: (None, "No speech engine is installed."))
    bar = ReadAloudBar(read)
    qtbot.addWidget(bar)
    bar.play_button.click()
    assert read.state == "stopped"
    assert len(shown) == 1
    assert "No speech engine is installed." in shown[0]
    assert "speech-dispatcher" in shown[0] and "sbc-desktop[speech]" in shown[0]
    assert bar.play_button.toolTip() == "No speech engine is installed."
    read.speak_text("A word.")  # no crash here either
    assert len(shown) == 2


def test_no_qt_speech_module_is_reported_cleanly(window, qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails as if absent
    engine, reason = open_engine()
    assert engine is None and "PySide6-Addons" in reason
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    read = ReadAloud(window.reader)  # the real opener
    bar = ReadAloudBar(read)
    qtbot.addWidget(bar)
    bar.play_button.click()
    assert read.state == "stopped" and "PySide6-Addons" in shown[0]


def test_a_missing_system_library_is_reported_cleanly(monkeypatch):
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "PySide6.QtTextToSpeech":
            raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    engine, reason = open_engine()
    assert engine is None and "libpulse.so.0" in reason
