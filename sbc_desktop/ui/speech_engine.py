"""The system's speech engine, in a process of its own, so it can never freeze the window.

QtTextToSpeech opens its engine on the thread that makes it, and holds Python's lock while
it does. speech-dispatcher (the engine on Debian and Ubuntu) takes seconds to open (it lists
every voice it has: 2.5-5 s on a loaded 2-core machine), and it may never answer at all: a
daemon that hangs, or a socket left by one that died. Made in the window's process, on any
thread, it froze the whole window for as long, or for good.

So the engine lives in a helper process (`python -m sbc_desktop.ui.speech_engine`), driven
over its standard input and output, one JSON list a line:

* the window sends ``["say", text]``, ``["pause"]``, ``["resume"]``, ``["stop"]``, ``["rate", r]``;
* the helper answers ``["opened", engine]`` or ``["failed", why]`` once, then
  ``["state", "ready" | "speaking" | "paused" | "error", why]`` as the engine's state changes.

Commands sent while the engine is still opening wait in the pipe and are carried out in
order once it is open. `ProcessSpeechEngine` is the window's side: a SpeechEngine that says
when it is opening, ends the helper when it has not answered within `OPEN_WITHIN_MS`, and
then reports an error with a plain reason. A frozen bundle has no Python to start the helper
(and no speech in it): there the engine is opened in the window's process, as before.

This module imports no widgets.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ..plurals import counted

if TYPE_CHECKING:  # (QProcess is named only when a helper starts: naming it makes its Python type, at start-up too)
    from PySide6.QtCore import QProcess

NOT_ENGINES = {"mock"}  # Qt's test engine: it reports speaking but makes no sound
OPEN_WITHIN_MS = 15_000  # an engine that has not opened by then is taken as not answering


def first_engine() -> tuple[Any, str]:
    """A working QTextToSpeech (the first engine that starts), or None and why not in plain words.
    Blocks, holding Python's lock, for as long as the engine takes to answer: the helper calls it."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ModuleNotFoundError:
        return None, missing_module()
    except ImportError as exc:  # the module is there but a system library it needs is not
        return None, missing_library(exc)
    reasons = []
    for name in QTextToSpeech.availableEngines():
        if name in NOT_ENGINES:
            continue
        tts = QTextToSpeech(name)
        if tts.state() != QTextToSpeech.State.Error:
            return tts, ""
        reasons.append(f"{name}: " + (tts.errorString() or QCoreApplication.translate("ReadAloud", "it did not start")))
        tts.deleteLater()
    if not reasons:
        return None, QCoreApplication.translate("ReadAloud", "No speech engine is installed.")
    return None, QCoreApplication.translate("ReadAloud", "The speech engine could not start ({0}).").format(
        "; ".join(reasons)
    )


def missing_module() -> str:
    return QCoreApplication.translate("ReadAloud", "The speech part of Qt (PySide6-Addons) is not installed.")


def missing_library(exc: ImportError) -> str:
    return QCoreApplication.translate("ReadAloud", "A system library that speech needs is missing: {0}").format(exc)


def helper_available() -> bool:
    return not getattr(sys, "frozen", False) and bool(sys.executable)


class ProcessSpeechEngine(QObject):
    """A SpeechEngine whose engine runs in the helper process (see the module's note)."""

    stateChanged = Signal(str)
    opening = Signal(bool)  # True when it starts opening, False when that ends (either way)

    def __init__(self, parent: QObject | None = None, command: list[str] | None = None,
                 open_within_ms: int | None = None):  # fmt: skip
        super().__init__(parent)
        self.is_opening = True
        self.failed = False  # it will never speak: ReadAloud opens a new one at the next press
        self.stuck = False  # ...because the engine did not answer, or stopped (not because none is installed)
        self._closed = False
        self._error = ""
        from PySide6.QtCore import QProcess, QProcessEnvironment

        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("QT_QPA_PLATFORM", "offscreen")  # it shows nothing
        self._process.setProcessEnvironment(environment)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._ended)
        self._process.errorOccurred.connect(self._process_error)
        within = OPEN_WITHIN_MS if open_within_ms is None else open_within_ms
        self._wait = QTimer(self, singleShot=True, interval=within)
        self._wait.timeout.connect(self._timed_out)
        self._seconds = within / 1000
        program, *args = command or [sys.executable, "-m", "sbc_desktop.ui.speech_engine"]
        self._wait.start()
        self._process.start(program, args)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self.destroyed.connect(partial(_end, self._process))  # its window deleted: the helper goes too

    # -- SpeechEngine ---------------------------------------------------------------------
    def say(self, text: str) -> None:
        self._send("say", text)

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._send("resume")

    def stop(self) -> None:
        self._send("stop")

    def setRate(self, rate: float) -> None:  # noqa: N802 - as QTextToSpeech names it
        self._send("rate", float(rate))

    def errorString(self) -> str:  # noqa: N802
        return self._error

    def close(self) -> None:
        """End the helper (the window is closing)."""
        self._closed = True
        self._wait.stop()
        if self._process.state() != self._process.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)

    # -- the helper's answers -------------------------------------------------------------
    def _send(self, *command: object) -> None:
        if not self.failed and self._process.state() != self._process.ProcessState.NotRunning:
            self._process.write((json.dumps(command) + "\n").encode("utf-8"))

    def _read(self) -> None:
        while self._process.canReadLine():
            try:
                message = json.loads(bytes(self._process.readLine().data()).decode("utf-8", "replace"))
            except ValueError:
                continue  # not ours (a library printing to standard output)
            if not (isinstance(message, list) and message and all(isinstance(part, str) for part in message)):
                continue
            kind, *rest = message
            if kind == "opened":
                self._wait.stop()
                self.is_opening = False
                self.opening.emit(False)
            elif kind == "failed":
                self._fail(rest[0] if rest else "")
            elif kind == "state" and rest and not self.failed:
                if rest[0] == "error":
                    self._error = rest[1] if len(rest) > 1 else ""
                self.stateChanged.emit(rest[0])

    def _timed_out(self) -> None:
        self.stuck = True
        seconds = round(self._seconds)
        text = QCoreApplication.translate(
            "ReadAloud",
            "The speech engine did not answer within %n seconds. It may be busy or stuck: try Read "
            "aloud again in a minute. If it still does not answer, restarting the computer usually helps.",
            "",
            seconds,
        )
        self._fail(counted(text, seconds))

    def _ended(self) -> None:
        if self._closed:
            return
        self.stuck = True
        self._fail(QCoreApplication.translate("ReadAloud", "The speech engine stopped working."))

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == self._process.ProcessError.FailedToStart:
            self._fail(QCoreApplication.translate("ReadAloud", "The speech engine could not be started."))

    def _fail(self, reason: str) -> None:
        if self.failed:
            return
        self.failed = True
        self._error = reason or QCoreApplication.translate("ReadAloud", "The speech engine stopped working.")
        self.close()
        if self.is_opening:
            self.is_opening = False
            self.opening.emit(False)
        self.stateChanged.emit("error")


def _end(process: QProcess, *_args: object) -> None:
    with contextlib.suppress(RuntimeError):  # (already deleted)
        if process.state() != process.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)


# -- the helper process ---------------------------------------------------------------------
class _Commands(QObject):
    """Lines read from standard input on a thread of their own, handed to the main thread."""

    line = Signal(str)
    ended = Signal()

    def read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line)
        self.ended.emit()


def _say(*message: str) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def serve() -> int:
    """The helper: open the engine, say so, then carry out the window's commands until its input ends."""
    app = QCoreApplication(sys.argv[:1])  # the engines' plugins need an application
    tts, reason = first_engine()
    if tts is None:
        _say("failed", reason)
        return 0
    state = type(tts).State
    names = {state.Ready: "ready", state.Speaking: "speaking", state.Synthesizing: "speaking",
             state.Paused: "paused", state.Error: "error"}  # fmt: skip
    tts.stateChanged.connect(lambda value: _say("state", names.get(value, "ready"), tts.errorString()))
    _say("opened", tts.engine())

    def carry_out(line: str) -> None:
        try:
            command = json.loads(line)
        except ValueError:
            return
        if not (isinstance(command, list) and command):
            return
        kind, *rest = command
        if kind == "say" and rest and isinstance(rest[0], str):
            tts.say(rest[0])
        elif kind in ("pause", "resume", "stop"):
            getattr(tts, kind)()
        elif kind == "rate" and rest and isinstance(rest[0], (int, float)):
            tts.setRate(max(-1.0, min(1.0, float(rest[0]))))

    commands = _Commands()
    commands.line.connect(carry_out)
    commands.ended.connect(app.quit)  # the window has gone
    threading.Thread(target=commands.read, daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(serve())
