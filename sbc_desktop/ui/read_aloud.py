"""Read aloud: the page, or a word's meaning, spoken one sentence at a time.

Speech comes from QtTextToSpeech, in the optional PySide6-Addons (`pip install
"sbc-desktop[speech]"`), and a system speech engine (speech-dispatcher on Debian and
Ubuntu). Without them everything else works and the Read aloud button says what is
missing. Sentences are spoken one by one so the one being read is highlighted and kept
in view, and a new speed applies from the next sentence. The engine runs in a process of its
own (speech_engine.py): one that is slow to open, or never answers, cannot freeze the window;
the button says "Starting…" meanwhile, and a plain message says why when it does not answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QWidget

from .icons import icon
from .named_combo import NamedComboBox
from .reader import SPEECH, Reader
from .shown_parts import ShownParts
from .speech_engine import NOT_ENGINES as NOT_ENGINES  # (the kiosk's check imports it from here)
from .speech_engine import ProcessSpeechEngine, first_engine, helper_available, missing_library, missing_module

SPEEDS = (
    (QT_TRANSLATE_NOOP("ReadAloud", "Very slow"), -0.5),
    (QT_TRANSLATE_NOOP("ReadAloud", "Slow"), -0.25),
    (QT_TRANSLATE_NOOP("ReadAloud", "Normal"), 0.0),
    (QT_TRANSLATE_NOOP("ReadAloud", "Fast"), 0.25),
    (QT_TRANSLATE_NOOP("ReadAloud", "Very fast"), 0.5),
)

# A sentence ends at . ! ? (and any closing quote or bracket) before a space, or at the
# end of its paragraph, heading, list item or table cell (one block, one line here).
# Linear in the text (content is untrusted): punctuation is tried only where a run of it starts, and
# taken whole (possessive), so "....x" repeated cannot make the pattern backtrack for seconds.
_SENTENCE = re.compile(r"[^\s\u200b\ufffc][^\n]*?(?:(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)|$)", re.MULTILINE)
_WORD = re.compile(r"\w")
SPLIT_CHARS = 4000  # the page's sentences are found this much text at a time, as the reading reaches it


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # position in the reader's document; -1 for text not on the page
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of ``text`` (a document's plain text) with where each lies in it; only those in
    ``text[start:end]`` when given (``start`` and ``end`` at line starts or the text's ends)."""
    sentences = []
    for match in _SENTENCE.finditer(text, start, len(text) if end is None else end):
        piece = match.group().rstrip()
        if _WORD.search(piece):
            sentences.append(Sentence(piece, match.start(), match.start() + len(piece)))
    return sentences


def nearest(text: str, words: str, at: int) -> int:
    """Where ``words`` are in ``text`` nearest to ``at`` (before it or after), or -1."""
    before, after = text.rfind(words, 0, at + len(words)), text.find(words, at)
    found = [place for place in (before, after) if place >= 0]
    return min(found, key=lambda place: abs(place - at)) if found else -1


class SpeechEngine(Protocol):
    """What ReadAloud needs of a speech engine. stateChanged emits one of
    "ready", "speaking", "paused" or "error"."""

    stateChanged: Any  # Signal(str)

    def say(self, text: str) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def stop(self) -> None: ...
    def setRate(self, rate: float) -> None: ...  # noqa: N802 - as QTextToSpeech names it
    def errorString(self) -> str: ...  # noqa: N802


class QtSpeechEngine(QObject):
    """SpeechEngine over a QTextToSpeech; see open_engine."""

    stateChanged = Signal(str)

    def __init__(self, tts: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.tts = tts
        tts.setParent(self)
        state = type(tts).State
        names = {state.Ready: "ready", state.Speaking: "speaking", state.Synthesizing: "speaking",
                 state.Paused: "paused", state.Error: "error"}  # fmt: skip
        tts.stateChanged.connect(lambda value: self.stateChanged.emit(names.get(value, "ready")))
        self.say, self.pause, self.resume, self.stop = tts.say, tts.pause, tts.resume, tts.stop
        self.setRate, self.errorString = tts.setRate, tts.errorString  # noqa: N815


def open_engine(parent: QObject | None = None) -> tuple[SpeechEngine | None, str]:
    """A speech engine, or None and why not in plain words. Returns at once: the engine opens in a
    process of its own (speech_engine.py), and says when it is open or why it could not."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: F401 - is it there at all?
    except ModuleNotFoundError:
        return None, missing_module()
    except ImportError as exc:  # the module is there but a system library it needs is not
        return None, missing_library(exc)
    if helper_available():
        return ProcessSpeechEngine(parent), ""
    tts, reason = first_engine()  # a frozen bundle: in this process, as it has no helper to start
    return (QtSpeechEngine(tts, parent), "") if tts is not None else (None, reason)


Opener = Callable[[QObject], tuple[SpeechEngine | None, str]]


class ReadAloud(QObject):
    """Speaks the reader's page from the first sentence in view, highlighting each one."""

    stateChanged = Signal(str)  # "stopped", "playing" or "paused"
    unavailable = Signal(str)  # why nothing can be spoken
    opening = Signal(bool)  # the speech engine is being opened (True), or that has ended (False)

    BACKGROUND = QColor("#c6e2ff")  # pale blue behind black text (16:1), unlike find's yellow
    FOREGROUND = QColor("#000000")
    MARK = Reader.LAYER  # the reader's layer property; SPEECH tells this highlight from others

    def __init__(self, reader: Reader, engine: SpeechEngine | None = None, opener: Opener = open_engine,
                 parent: QObject | None = None, shown_parts: ShownParts | None = None):  # fmt: skip
        super().__init__(parent or reader)
        self.reader = reader
        self.shown_parts = shown_parts  # a topic in parts: reading goes on into the next part, to the topic's end
        self._to_part: tuple[str, int] | None = None  # (topic, part) shown for the reading to go on in
        # The places of the page not read ((start, end) in the document): a topic in parts' list of its parts,
        # and in a later part its title again (shown_parts.py).
        self.skipped: Callable[[QTextDocument], list[tuple[int, int]]] = lambda _doc: []
        self._engine: SpeechEngine | None = None
        self._opener = opener
        self.engine_stuck = False  # the last engine did not answer or stopped (it is installed)
        self._state = "stopped"
        self.rate = 0.0  # these three are for reading; set_rate, play and speak_text change them
        self.sentences: list[Sentence] = []
        self.index = -1  # the sentence being read
        self._reading_page = False  # the sentences are the page's (not a word's meaning): more may follow
        self._page = -1  # the reader's page_number they are from
        self._split_to = 0  # where in the page's text the sentences split so far end
        self._text_read: tuple[tuple[int, int], str] = ((-1, -1), "")  # (page number, length), its text
        self._utterance = False  # a sentence has been handed to the engine and not finished
        self._heard_start = False  # ...and the engine has said it started speaking it
        # The page is shown again in place (a new theme: Reader.is_shown_again): the reader's page number it is shown
        # as, while the reading waits for its text to find its place in it again (_find_place); None otherwise.
        self._moving: int | None = None
        self._asked = False  # Read aloud pressed on a page saying "Loading this page…": read once it is there
        # The next sentence is said once the engine's signal has returned.
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._speak_current)
        if engine is not None:
            self._attach(engine)
        reader.textReplaced.connect(self._text_replaced)

    @property
    def state(self) -> str:
        return self._state

    def engine(self) -> SpeechEngine | None:
        """The engine, opened when first needed; None (and `unavailable` emitted) if there is none."""
        if self._engine is None:
            engine, reason = self._opener(self)
            if engine is None:
                self.unavailable.emit(reason)
                return None
            self._attach(engine)
        return self._engine

    @property
    def is_opening(self) -> bool:
        return bool(getattr(self._engine, "is_opening", False))

    def _attach(self, engine: SpeechEngine) -> None:
        self._engine = engine
        engine.stateChanged.connect(self._engine_state)
        engine.setRate(self.rate)
        opening = getattr(engine, "opening", None)
        if opening is not None:  # an engine that opens in the background says when it is open
            opening.connect(self.opening)
            if self.is_opening:
                self.opening.emit(True)

    # -- what the buttons do ------------------------------------------------------------
    def play(self) -> None:
        """Read the page from the first sentence in view, or carry on after a pause."""
        if self._state == "paused":
            self.resume()
        elif self._state == "stopped" and self.engine() is not None:
            if self.reader.is_building():  # "Loading this page…": read the page once it is there
                self._asked = True
                self.reader.after_build(self.play)
                return
            self._asked = False
            # No whole-page step: the sentences from the paragraph in view on, a window at a time as
            # the reading reaches them (and the rest of a long page once it is in: _read_on).
            top = self.reader.cursorForPosition(QPoint(0, 0)).position()
            text = self._page_text()
            self._page, self._split_to = self.reader.page_number, text.rfind("\n", 0, top) + 1
            sentences = self._more_sentences()
            while not any(s.end > top for s in sentences) and self._split_to < len(text):
                sentences = self._more_sentences()  # (a window with nothing to say below the top)
            self._reading_page = True
            self._start(sentences, next((i for i, s in enumerate(sentences) if s.end > top), 0))

    def _page_text(self) -> str:
        """The page's text as it is now (read again only when the page or its length has changed)."""
        doc = self.reader.document()
        key = (self.reader.page_number, doc.characterCount())
        if self._text_read[0] != key:
            self._text_read = (key, doc.toPlainText())
        return self._text_read[1]

    def _more_sentences(self) -> list[Sentence]:
        """The next window of the page's sentences (none when the text in so far is all split)."""
        text = self._page_text()
        start = self._split_to
        if self._page != self.reader.page_number or start >= len(text):
            return []
        end = text.find("\n", start + SPLIT_CHARS)
        end = len(text) if end < 0 else end + 1
        self._split_to = end
        sentences = split_sentences(text, start, end)
        skipped = self.skipped(self.reader.document())
        if skipped:
            sentences = [s for s in sentences if not any(a <= s.start < b for a, b in skipped)]
        return sentences

    def _read_on(self) -> bool:
        """More of the page to read after the last sentence split: True if reading goes on (now, or
        once the rest of a long page is in)."""
        if not self._reading_page:
            return False
        more = self._more_sentences()
        while not more and self._split_to < len(self._page_text()):
            more = self._more_sentences()  # a window with no words (a run of empty lines)
        if more:
            self.sentences = self.sentences + more
            return True
        if not self.reader.is_complete() and self._page == self.reader.page_number:
            self.reader.when_complete(self._page_came)
            return True
        return False

    def _text_replaced(self, position: int, removed: int, added: int) -> None:
        """Words of the page being read were replaced in place (a part shown before the rest of its page came is
        given its count: "Part 1: ..." becomes "Part 1 of 5: ..."): the sentences after them move with the text, one
        holding them is as the page now says it (said so if it is still to come), and the reading goes on. Kept
        where they were, the next sentence's place held other words and the reading stopped (review17 S1)."""
        if not self._reading_page or self._page != self.reader.page_number:
            return
        shift, end = added - removed, position + removed
        self._text_read = ((-1, -1), "")  # (read again: the same length need not be the same words)
        text = self._page_text()

        def moved(at: int) -> int:
            return at + shift if at >= end else min(at, position + added) if at > position else at

        sentences = []
        for sentence in self.sentences:
            if sentence.start < 0 or sentence.end <= position:
                sentences.append(sentence)
            elif sentence.start >= end:
                sentences.append(Sentence(sentence.text, sentence.start + shift, sentence.end + shift))
            else:  # the words replaced are in it
                start, stop = moved(sentence.start), moved(sentence.end)
                sentences.append(Sentence(text[start:stop], start, stop))
        self.sentences = sentences
        self._split_to = moved(self._split_to)

    def _page_came(self) -> None:
        """The rest of the page is in while the reading waited at the end of what was there."""
        if self._state == "playing" and self.index >= len(self.sentences):
            if self._read_on() and self.index < len(self.sentences):
                self._next.start()
            elif self.index >= len(self.sentences):
                self._page_ended()

    def _page_ended(self) -> None:
        """The last sentence of the page shown is read: on a topic in parts, the next part is shown and read
        from its top (the part's change said as its Next part button says it); at the topic's end, stop."""
        parts = self.shown_parts
        if not self._reading_page or parts is None or parts.count() < 2 or parts.shown() + 1 >= parts.count():
            self.stop()
            return
        self._to_part = (parts.topic(), parts.shown() + 1)
        self._clear_highlight()
        parts.show(self._to_part[1])

    def page_changed(self, _url: object = None) -> None:
        """Another page is shown (the window calls this): reading stops, unless it is the part the reading goes
        on in; there it reads on from the part's first sentence (at once, or once its text is in). The same page
        shown again in place (a new theme, new numbers) is not another: the reading goes on in it (_shown_again)."""
        if self.reader.is_shown_again() and self._state != "stopped":
            if self._reading_page:
                self._shown_again()
            return  # (a word's meaning is read: not the page's words)
        if self.reader.is_shown_again() and self._asked:
            self.reader.after_build(self.play)  # (still asked: the page shown again is the one it was asked on)
            return
        parts, wanted = self.shown_parts, self._to_part
        self._to_part = None
        if wanted is None or parts is None or (parts.topic(), parts.shown()) != wanted or self._state == "stopped":
            self.stop()
            return
        self.sentences, self.index = [], 0
        self._page, self._split_to, self._text_read = self.reader.page_number, 0, ((-1, -1), "")
        if self.reader.is_building():
            self.reader.after_build(self._part_in)
        else:
            self._part_in()

    def _shown_again(self) -> None:
        """The page read is shown again in place (a new theme, or reading style: Preferences; the care team's new
        numbers; the library arrived whole): its text comes again, in pieces, or parsed in the worker. The sentence
        being said is said to its end; the next waits until the text is in, then goes on from the place the reading
        was at, found again in it (_find_place). It stopped there before (session 35's "Noticed, left")."""
        self._next.stop()  # (between two sentences: the next is said once its place is found)
        self._clear_highlight()
        self._page, self._text_read = self.reader.page_number, ((-1, -1), "")
        page = self._moving = self.reader.page_number

        def place_later() -> None:
            # In a turn of its own: the page's text read whole (2-4 ms on an 800,000-character page), not in the step
            # that completes the page (the page built off screen put in its place: 1-2 ms since session 35).
            QTimer.singleShot(0, self, lambda: self._find_place(page))

        # Once its text is in (a part shown before the rest of its page came: not waiting for the rest, as its words
        # given the count then are moved, _text_replaced).
        self.reader.when_complete(place_later)

    def _find_place(self, page: int) -> None:
        """The page shown again is in: the reading goes on from the sentence it was at (the one being said,
        highlighted again; else the next to say), found in the new text nearest to where it was (words above it may
        have changed: a phone number, a part's count), or the sentence now at that place if its words are not there."""
        if self._moving != page or self._state == "stopped" or page != self.reader.page_number:
            return
        self._moving = None
        text, old, index = self._page_text(), self.sentences, self.index
        if 0 <= index < len(old):  # (the sentence being said, or the next to say)
            at = nearest(text, old[index].text, old[index].start)
            place = at if at >= 0 else min(old[index].start, len(text))
        elif old:  # every sentence split so far is said: on after the last of them
            at = nearest(text, old[-1].text, old[-1].start)
            place = at + len(old[-1].text) if at >= 0 else min(old[-1].end, len(text))
        else:  # (a part the reading went on in, not started yet: from its top)
            place = 0
        self._split_to = text.rfind("\n", 0, place) + 1
        sentences: list[Sentence] = []
        while not any(s.end > place for s in sentences) and self._split_to < len(text):
            sentences = self._more_sentences()
        self.sentences = sentences
        self.index = next((n for n, s in enumerate(sentences) if s.end > place), len(sentences))
        if self._utterance:
            if self.index < len(sentences):
                self._highlight(sentences[self.index], scroll=False)  # (the page is put back at its place)
        elif self.index >= len(sentences) and not self._read_on():
            if self._state == "playing":
                self._page_ended()
        elif self._state == "playing":
            self._next.start()

    def _part_in(self) -> None:
        """The part the reading goes on in is shown: its sentences from the top."""
        if self._state == "stopped" or self._page != self.reader.page_number:
            return
        self._split_to = 0
        if self._read_on() and self.sentences:
            if self._state == "playing":
                self._next.start()
        elif not self.sentences and self.reader.is_complete():
            self._page_ended()  # (a part with nothing to say: the next one)

    def speak_text(self, text: str) -> None:
        """Read ``text`` (a word's meaning) instead of the page."""
        if self.engine() is not None:
            self._reading_page = False
            self._start([Sentence(s.text, -1, -1) for s in split_sentences(text)], 0)

    def toggle(self) -> None:
        self.pause() if self._state == "playing" else self.play()

    def pause(self) -> None:
        if self._state == "playing":
            self._set_state("paused")
            if self._next.isActive():
                self._next.stop()  # between two sentences: resume says the next one
            elif self._engine is not None:
                self._engine.pause()

    def resume(self) -> None:
        if self._state == "paused":
            self._set_state("playing")
            if self._utterance and self._engine is not None:
                self._engine.resume()
            else:
                self._next.start()

    def stop(self) -> None:
        """Stop reading and clear the highlight (the window calls this when the page changes)."""
        self._halt()
        self.sentences, self.index, self._moving, self._asked = [], -1, None, False
        self._reading_page, self._text_read, self._to_part = False, ((-1, -1), ""), None
        self._clear_highlight()
        self._set_state("stopped")

    def set_rate(self, rate: float) -> None:
        """-1.0 (slowest) to 1.0 (fastest); 0 is the engine's normal speed."""
        self.rate = max(-1.0, min(1.0, float(rate)))
        if self._engine is not None:
            self._engine.setRate(self.rate)

    # -- one sentence at a time -----------------------------------------------------------
    def _start(self, sentences: list[Sentence], index: int) -> None:
        self._halt()
        self._clear_highlight()
        self.sentences, self.index = sentences, index
        if not sentences:
            self._set_state("stopped")
            return
        self._set_state("playing")
        self._speak_current()

    def _halt(self) -> None:
        self._next.stop()
        self._utterance = self._heard_start = False  # before stop(): its "ready" must not advance
        if self._engine is not None and self._state != "stopped":
            self._engine.stop()

    def _speak_current(self) -> None:
        if self._state != "playing" or self._engine is None or self._moving is not None:
            return  # (the page shown again: said once the place is found in it, _find_place)
        if not 0 <= self.index < len(self.sentences):
            return
        sentence = self.sentences[self.index]
        if sentence.start >= 0 and not self._highlight(sentence):
            self.stop()  # the page changed under us
            return
        self._utterance, self._heard_start = True, False
        self._engine.say(sentence.text.replace("\u200b", "").replace("\ufffc", ""))

    def _engine_state(self, state: str) -> None:
        if state == "error":
            engine = self._engine
            reason = (engine.errorString() if engine else "") or QCoreApplication.translate(
                "ReadAloud", "The speech engine stopped working."
            )
            self.stop()
            if engine is not None and getattr(engine, "failed", False):  # gone for good: the next press opens anew
                self.engine_stuck = bool(getattr(engine, "stuck", False))
                self._engine = None
                engine.stateChanged.disconnect(self._engine_state)
                if isinstance(engine, QObject):
                    engine.deleteLater()
            self.unavailable.emit(reason)
        elif state == "speaking" and self._utterance:
            self._heard_start = True
        elif state == "ready" and self._utterance and self._heard_start:
            self._utterance = self._heard_start = False
            self.index += 1
            if self._moving is not None:
                return  # (the page shown again: the next sentence once the place is found in it, _find_place)
            if self.index >= len(self.sentences) and not self._read_on():
                self._page_ended()  # the end (of the topic, or of a part: then the next part)
            elif self._state == "playing":
                self._next.start()

    # -- the highlight ------------------------------------------------------------------
    def _highlight(self, sentence: Sentence, scroll: bool = True) -> bool:
        doc = self.reader.document()
        if sentence.end > doc.characterCount() - 1:
            return False
        cursor = QTextCursor(doc)
        cursor.setPosition(sentence.start)
        cursor.setPosition(sentence.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().replace("\u00a0", " ") != sentence.text.replace("\u00a0", " "):
            return False
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(self.BACKGROUND)
        selection.format.setForeground(self.FOREGROUND)
        selection.format.setProperty(self.MARK, SPEECH)
        self.reader.set_layer(SPEECH, [selection])
        if scroll:
            self._keep_in_view(cursor)
        return True

    def _clear_highlight(self) -> None:
        self.reader.set_layer(SPEECH, [])

    def _keep_in_view(self, cursor: QTextCursor) -> None:
        """Scroll so the sentence is in view (in the upper part), without moving the text cursor."""
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        top, bottom = self.reader.cursorRect(start).top(), self.reader.cursorRect(cursor).bottom()
        height = self.reader.viewport().height()
        if top < 0 or bottom > height:
            bar = self.reader.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 4)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)


class ReadAloudBar(QWidget):
    """Read aloud / Pause / Resume, Stop, and the reading speed."""

    spoken = Signal(str)  # for a screen reader: the window says it (MainWindow.announce)

    def __init__(self, read_aloud: ReadAloud, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_aloud = read_aloud
        self.setObjectName("readAloudBar")
        self.setAccessibleName(QCoreApplication.translate("ReadAloud", "Read aloud"))
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("readAloudPlay")
        self.play_button.clicked.connect(read_aloud.toggle)
        self.icon_colour = "#1a1a1a"  # the theme's text colour, set by paint_icons
        self.stop_button = QPushButton(QCoreApplication.translate("ReadAloud", "Stop"), self)
        self.stop_button.setObjectName("readAloudStop")
        self.stop_button.setAccessibleName(QCoreApplication.translate("ReadAloud", "Stop reading aloud"))
        self.stop_button.clicked.connect(read_aloud.stop)
        self.speed = NamedComboBox(self)  # "Reading speed, combo box, Normal", not "Normal"
        self.speed.view().setAccessibleName(QCoreApplication.translate("ReadAloud", "Reading speeds"))
        self.speed.setObjectName("readAloudSpeed")
        self.speed.setAccessibleName(QCoreApplication.translate("ReadAloud", "Reading speed"))
        for name, rate in SPEEDS:
            self.speed.addItem(QCoreApplication.translate("ReadAloud", str(name)), rate)
        self.speed.setCurrentIndex(self.speed.findData(read_aloud.rate))
        self.speed.currentIndexChanged.connect(lambda index: read_aloud.set_rate(self.speed.itemData(index)))
        speed_label = QLabel(QCoreApplication.translate("ReadAloud", "Speed:"), self)
        speed_label.setBuddy(self.speed)
        # A screen reader names the list by this label: the list's whole name, the visible word in it.
        # (Shown as "Reading speed:" it took the room the row needs at 200% text beside My appointment.)
        speed_label.setAccessibleName(self.speed.accessibleName())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.play_button)
        layout.addWidget(self.stop_button)
        layout.addSpacing(12)
        layout.addWidget(speed_label)
        layout.addWidget(self.speed)
        layout.addStretch(1)
        read_aloud.stateChanged.connect(self._show_state)
        read_aloud.opening.connect(self._show_opening)
        read_aloud.unavailable.connect(self.explain)
        self._state = read_aloud.state
        self._starting = False  # "Starting…" is shown
        self.paint_icons(self.icon_colour)

    def _show_opening(self, _opening: bool) -> None:
        self._show_state(self._state)

    def _show_state(self, state: str) -> None:
        starting = state == "playing" and self.read_aloud.is_opening  # asked to read; the engine is not open yet
        if starting and not self._starting:
            self.spoken.emit(QCoreApplication.translate("ReadAloud", "Starting the speech engine."))
        self._starting = starting
        if starting:
            self.play_button.setText(QCoreApplication.translate("ReadAloud", "Starting…"))
            self.play_button.setAccessibleName(
                QCoreApplication.translate("ReadAloud", "Read aloud is starting the speech engine")
            )
            self.play_button.setIcon(icon("pause", self.icon_colour))
            self.stop_button.setEnabled(True)
            self._state = state
            return
        text, name, icon_name = {
            "playing": (
                QCoreApplication.translate("ReadAloud", "Pause"),
                QCoreApplication.translate("ReadAloud", "Pause reading aloud"),
                "pause",
            ),
            "paused": (
                QCoreApplication.translate("ReadAloud", "Resume"),
                QCoreApplication.translate("ReadAloud", "Resume reading aloud"),
                "play",
            ),
        }.get(
            state,
            (
                QCoreApplication.translate("ReadAloud", "Read aloud"),
                QCoreApplication.translate("ReadAloud", "Read this page aloud"),
                "play",
            ),
        )
        self.play_button.setText(text)
        self.play_button.setAccessibleName(name)
        self.play_button.setIcon(icon(icon_name, self.icon_colour))
        self.stop_button.setEnabled(state != "stopped")
        self._state = state

    def reset(self) -> None:
        """Stopped, at normal speed."""
        self.read_aloud.stop()
        self.speed.setCurrentIndex(self.speed.findData(0.0))

    def paint_icons(self, colour: str) -> None:
        """Icons in the theme's text colour, so they keep their contrast in every theme."""
        self.icon_colour = colour
        self.stop_button.setIcon(icon("stop", colour))
        self._show_state(self._state)

    def explain(self, reason: str) -> None:
        """Say why nothing can be read aloud, and how to add a speech engine."""
        self.play_button.setToolTip(reason)
        self.play_button.setAccessibleDescription(reason)
        if self.read_aloud.engine_stuck:  # installed, but not answering: nothing to install
            message = QCoreApplication.translate(
                "ReadAloud", "Read aloud is not available just now.\n\n{reason}\n\nEverything else in this guide works."
            ).format(reason=reason)
        else:
            message = QCoreApplication.translate(
                "ReadAloud",
                "Read aloud needs a speech engine, and this computer does not have one ready.\n\n{reason}\n\n"
                "To add one on Debian or Ubuntu, whoever looks after this computer can run:\n\n"
                '    pip install "sbc-desktop[speech]"\n'
                "    sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng\n\n"
                "Everything else in this guide works without it.",
            ).format(reason=reason)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, QCoreApplication.translate("ReadAloud", "Read aloud is not available"), message)
