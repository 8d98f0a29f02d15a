"""Read aloud's engine opens in a process of its own: a speech engine that is slow or never answers
(speech-dispatcher hung, a dead daemon's socket) can no longer freeze the window."""

from __future__ import annotations

import socket
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sbc_desktop.ui import speech_engine
from sbc_desktop.ui.read_aloud import ReadAloud, ReadAloudBar
from sbc_desktop.ui.speech_engine import ProcessSpeechEngine

NEVER_ANSWERS = [sys.executable, "-c", "import sys; sys.stdin.read()"]  # starts, then says nothing

# A helper that opens at once and speaks each sentence instantly (the real one needs a speech engine).
SPEAKS = textwrap.dedent(
    """
    import json, sys
    def say(*message):
        print(json.dumps(message), flush=True)
    say("opened", "fake")
    for line in sys.stdin:
        command = json.loads(line)
        if command[0] == "say":
            say("state", "speaking", "")
            say("state", "ready", "")
    """
)


@pytest.fixture
def shown(monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(text))
    return messages


def bar_for(window, qtbot, opener):
    read = ReadAloud(window.reader, opener=opener)
    bar = ReadAloudBar(read)
    window.reader.parentWidget().layout().insertWidget(0, bar)
    bar.spoken.connect(window.announce)
    window.reader.sourceChanged.connect(read.stop)
    return read, bar


def window_stays_usable(window, qtbot):
    """Typing a search shows its results: the window answers while the engine is opening."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field
    qtbot.keyClicks(window.search_field, "bones")
    qtbot.waitUntil(lambda: window.search_panel.isVisible() and window.search_panel.list.count() > 0, timeout=10000)


def test_an_engine_that_never_answers_leaves_the_window_usable_and_says_why(window, qtbot, shown):
    engines = []

    def opener(parent):
        engines.append(ProcessSpeechEngine(parent, command=NEVER_ANSWERS, open_within_ms=1500))
        return engines[-1], ""

    read, bar = bar_for(window, qtbot, opener)
    said = []
    window.announcer.said.connect(said.append)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert read.is_opening and bar.play_button.text() == "Starting…"
    assert bar.play_button.accessibleName() == "Read aloud is starting the speech engine"
    assert said == ["Starting the speech engine."]
    window_stays_usable(window, qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "did not answer within 2 seconds" in shown[0] and "pip install" not in shown[0]
    assert read.state == "stopped" and not read.is_opening
    assert bar.play_button.text() == "Read aloud" and "did not answer" in bar.play_button.toolTip()
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)  # tried again: a new engine, opening
    assert len(engines) == 2 and read.is_opening
    qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    assert read.state == "stopped" and bar.play_button.text() == "Read aloud"


def test_the_page_is_read_through_the_helper(window, qtbot, shown):
    window.reader.go("topic:what-is-it")
    window.reader.ensure_complete()
    engines = []

    def opener(parent):
        engines.append(ProcessSpeechEngine(parent, command=[sys.executable, "-c", SPEAKS]))
        return engines[-1], ""

    read, bar = bar_for(window, qtbot, opener)
    sentences = []
    read.stateChanged.connect(lambda state: sentences.append(read.index))
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: read.state == "stopped", timeout=20000)  # every sentence spoken, to the end
    assert not shown and read.index == -1 and not engines[0].failed
    assert bar.play_button.text() == "Read aloud"


def test_a_helper_that_finds_no_engine_says_how_to_add_one(window, qtbot, shown):
    script = 'import json; print(json.dumps(["failed", "No speech engine is installed."]), flush=True)'

    def opener(parent):
        return ProcessSpeechEngine(parent, command=[sys.executable, "-c", script]), ""

    read, bar = bar_for(window, qtbot, opener)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "No speech engine is installed." in shown[0] and "speech-dispatcher" in shown[0]
    assert read.state == "stopped" and not read.is_opening


def has_speechd() -> bool:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return False
    return "speechd" in QTextToSpeech.availableEngines()


@pytest.mark.skipif(not has_speechd(), reason="needs Qt's speech-dispatcher plugin")
def test_a_hung_speech_dispatcher_does_not_freeze_the_window(window, qtbot, shown, tmp_path, monkeypatch):
    """The real window and engine, with speech-dispatcher's socket answering nothing (a hung daemon).
    Before, pressing Read aloud froze the window for good."""
    address = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(address))
    server.listen(8)
    held = []

    def accept() -> None:
        try:
            while True:
                held.append(server.accept()[0])  # taken, never answered
        except OSError:
            return

    threading.Thread(target=accept, daemon=True).start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{address}")
    monkeypatch.setattr(speech_engine, "OPEN_WITHIN_MS", 3000)
    try:
        bar = window.read_aloud_bar
        qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
        assert bar.play_button.text() == "Starting…"
        window_stays_usable(window, qtbot)
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        assert "did not answer within 3 seconds" in shown[0]
        assert window.read_aloud.state == "stopped"
    finally:
        server.close()
        for connection in held:
            connection.close()


def test_play_on_a_long_page_finds_its_sentences_as_the_reading_reaches_them(qtbot, tmp_path, settings):
    """Play split the whole page into sentences at once (and first made the page whole): 0.2-0.3 s
    of the window's time on the longest NCI pages before the first word."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.ui.read_aloud import split_sentences
    from tests.helpers import make_content
    from tests.ui.test_back_keeps_place import longer_body, open_window
    from tests.ui.test_read_aloud import FakeEngine, finish_and_wait

    root = make_content(tmp_path / "content", {"long": longer_body(), "short": "A **short** page."})
    window = open_window(qtbot, load_library(root), settings, "long")
    reader = window.reader
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    engine = FakeEngine()
    read, bar = bar_for(window, qtbot, lambda parent: (engine, ""))
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    text = reader.document().toPlainText()
    whole = split_sentences(text)
    assert engine.said == [whole[0].text]
    assert read.sentences == whole[: len(read.sentences)]  # the same sentences, where they were
    assert read.sentences[-1].end < len(text) // 4  # only the first stretch of the page
    first_stretch = len(read.sentences)
    for _ in range(first_stretch + 1):  # read on past the first stretch
        finish_and_wait(qtbot, engine)
    assert engine.said == [s.text for s in whole[: first_stretch + 2]]
    assert len(read.sentences) > first_stretch and read.state == "playing"


def test_play_while_a_page_is_loading_reads_the_page_once_it_is_there(qtbot, tmp_path, monkeypatch):
    """Before, play finished the page's parse on the window's thread (a whole-page step); reading
    "Loading this page…" instead would be wrong too."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.ui import reader as reader_module
    from sbc_desktop.ui.main_window import MainWindow
    from sbc_desktop.ui.read_aloud import split_sentences
    from tests.helpers import make_content
    from tests.ui.test_page_builds import Gate, click_topic
    from tests.ui.test_read_aloud import FakeEngine
    from tests.ui.test_switching import long_body

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)  # as in the app: a long page is parsed in the worker
    root = make_content(tmp_path / "content", {"short": "A short page.", "long": long_body()})
    window = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.open_start_page()
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    gate = Gate(window.pages.renderer, {"long"})
    engine = FakeEngine()
    read, bar = bar_for(window, qtbot, lambda parent: (engine, ""))
    click_topic(window, qtbot, "long")
    assert window.reader.is_building()
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert window.reader.is_building() and engine.said == []  # the window did not parse the page itself
    with qtbot.waitSignal(window.reader.pageBuilt, timeout=10_000):
        gate.open()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=10_000)
    assert engine.said[0] == split_sentences(window.reader.document().toPlainText())[0].text
    assert "Loading" not in engine.said[0] and read.state == "playing"
