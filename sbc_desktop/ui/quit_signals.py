"""SIGTERM, SIGHUP and SIGINT (log-out, shut-down, a closed terminal, Ctrl+C) end the app
cleanly: the notes are saved first.

Python runs a signal handler only when it next gets control, which inside Qt's event
loop may be never; the signal's number is therefore written to a pipe that Qt watches.
(A pipe, not a socket pair, where there are pipes: the socket module costs a start about 8 ms to
import. On Windows the wake-up must be a socket.)

The handlers are set through `_signal`, the C module that Python's `signal` wraps (the same
functions and numbers): `signal` itself makes three enum classes of every name in the module when
imported, 3.5 million instructions of a start for names this module never shows anyone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

if TYPE_CHECKING:  # (`_signal` has no stub of its own: it is checked as what `signal` gives)
    import signal
else:
    import _signal as signal

QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class QuitSignals(QObject):
    """Calls ``on_signal(number)`` on the UI thread when one of ``QUIT_SIGNALS`` arrives."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_signal = on_signal
        if sys.platform == "win32":
            import socket

            ends = socket.socketpair()
            for end in ends:
                end.setblocking(False)
            reader, writer = ends[0].fileno(), ends[1].fileno()
            self._receive: Callable[[], bytes] = lambda: ends[0].recv(64)
            self._ends: tuple = ends
        else:
            reader, writer = os.pipe()
            for fd in (reader, writer):
                os.set_blocking(fd, False)
            self._receive = lambda: os.read(reader, 64)
            self._ends = (reader, writer)
        self._previous_fd = signal.set_wakeup_fd(writer)
        self._previous = {number: signal.signal(number, lambda *_: None) for number in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            data = self._receive()
        except OSError:
            return
        for number in data:
            if number in QUIT_SIGNALS:
                self._on_signal(number)
                return

    def restore(self) -> None:
        """Put back the handlers that were there before (for tests)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        for end in self._ends:
            os.close(end) if isinstance(end, int) else end.close()
