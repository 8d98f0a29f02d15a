"""A long page's Markdown parsed off the UI thread, so that opening it never freezes the window.

python-markdown is pure Python, about 1 ms a KB of Markdown on a loaded 2-core machine: a
150 KB page takes 0.1-0.2 s and the longest NCI page (1.1 MB) 0.6 s. The reader shows a long
page's title and "Loading..." and asks for its parse here; `built` says when it is done (in
the UI thread, by Qt's queued signal). Only the latest request counts: one asked for and not
yet started is replaced by the next (the user switched again), and the reader ignores a build
that finishes for a page it has left. The worker thread stays for `IDLE_S` after its last
build (starting a thread costs milliseconds), then ends.

The worker shares the interpreter lock with the window, and every call Qt makes into Python
(a paint, a row's size) must take it. Python hands it over only every
`sys.getswitchinterval()` (5 ms by default): a step of the window making 30 such calls could
wait 150 ms. So while a page is parsed the interval is `SWITCH_S` (0.5 ms), and the default
comes back when the worker is idle.

Why not the page's whole QTextDocument in the worker (setHtml and its layout there, then
`setDocument` in the UI thread)? Qt allows it (QTextDocument, QFont and QImage are
reentrant: https://doc.qt.io/qt-6/threads-reentrancy.html, and QTextDocument's own
documentation: "All functions in this class are reentrant"), but PySide6 6.11 keeps the
interpreter lock during `QTextDocument.setHtml` and the layout
(`documentLayout().documentSize()`): measured, the UI thread stood still 74 ms and 120 ms
while a worker did those for a 310 KB page (`benchmarks/bench_doc_thread.py`), which is
as long as doing them in the UI thread. And `QTextEdit.setDocument` lays the document
out again for its viewport (20-60 ms for that page). So the reader still puts HTML into
its one document in small pieces (ui/html_steps.py); only the Markdown moves here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..quick_switch import quick_switching
from .from_thread import FromThread

IDLE_S = 30.0  # the worker thread ends after this long without a build
SWITCH_S = 0.0005  # sys.setswitchinterval while a page is parsed (see above)


class PageBuilds(QObject):
    built = Signal(int)  # the number of a build that has finished (or failed)
    arrived = Signal(int)  # a part of build number's page has come (sent by its work: see Reader._start_build)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._changed = threading.Condition()
        self._waiting: tuple[int, Callable[[], object]] | None = None  # asked for, not started
        self._running = 0  # the build being made now (0: none)
        self._errors: dict[int, str] = {}  # the last few builds that failed, and why
        self._worker: threading.Thread | None = None
        self._from_thread = FromThread(self)  # (what the worker tells: see there)

    def tell_arrived(self, number: int) -> None:
        """From the worker: a part of build ``number``'s page has come (`arrived` on the window's thread)."""
        self._from_thread.tell(self.arrived, number)

    def start(self, number: int, work: Callable[[], object]) -> None:
        """Run ``work`` in the worker; `built` (number) follows. A build not yet started is dropped."""
        with self._changed:
            self._waiting = (number, work)
            if self._worker is None:  # one worker while there is work; none when idle
                self._worker = threading.Thread(target=self._run, name="page-builds", daemon=True)
                self._worker.start()
            self._changed.notify_all()

    def drop(self) -> None:
        """Forget the build not yet started (a finishing one is ignored by its number)."""
        with self._changed:
            self._waiting = None
            self._changed.notify_all()

    def finish(self, number: int) -> None:
        """Make sure build ``number`` is done now: run it here if it has not started, else wait."""
        with self._changed:
            if self._waiting is not None and self._waiting[0] == number:
                _number, work = self._waiting
                self._waiting = None
            else:
                while self._running == number:
                    self._changed.wait()
                return
        self._do(number, work)

    def error(self, number: int) -> str | None:
        """Why build ``number`` failed, or None if it did not."""
        with self._changed:
            return self._errors.get(number)

    def _do(self, number: int, work: Callable[[], object]) -> None:
        try:
            with quick_switching(SWITCH_S):
                work()
        except Exception as exc:  # noqa: BLE001 - any failure becomes a message on the page
            with self._changed:
                self._errors[number] = str(exc) or type(exc).__name__
                while len(self._errors) > 8:
                    del self._errors[min(self._errors)]

    def _run(self) -> None:
        while True:
            with self._changed:
                if self._waiting is None:
                    self._changed.wait_for(lambda: self._waiting is not None, IDLE_S)
                if self._waiting is None:
                    self._worker = None
                    return
                number, work = self._waiting
                self._waiting = None
                self._running = number
            self._do(number, work)
            with self._changed:
                self._running = 0
                self._changed.notify_all()
            if not self._from_thread.tell(self.built, number):  # the reader (and this object) deleted: nobody waits
                with self._changed:
                    self._worker = None
                return
