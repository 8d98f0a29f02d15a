"""Freed memory given back to the system once the reader has paused on a page.

glibc keeps the memory a program frees for its next allocations. A long page takes tens of
MB while it is rendered and laid out (NCI's longest is 1.1 MB of Markdown); once the reader
has moved on, that much freed heap stays with the process: measured, +41 MB of PSS after
1,000 NCI pages, every MB of it given back by `malloc_trim`, none of it live. So when the
reader has stayed on a whole page for `IDLE_MS` and glibc keeps more than `KEPT_LIMIT_KB` freed, it
is given back (`malloc_trim(0)`: a few milliseconds, in an idle moment). Elsewhere than
glibc (no `malloc_trim`) this does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 1000  # the reader has stayed on a page this long
KEPT_LIMIT_KB = 16 * 1024  # freed heap glibc may keep without it being given back


def _glibc() -> Any:
    """glibc with mallinfo2 and malloc_trim, or None (ctypes is imported here: not at start-up)."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
        ]

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # not glibc (or older than 2.33): nothing to do
        return None


_UNKNOWN = object()


class HeapTrim(QObject):
    """Restart with `page_changed`; gives freed heap back after IDLE_MS on the same page."""

    def __init__(self, parent: QObject | None = None, busy: Callable[[], bool] = lambda: False, idle_ms: int = IDLE_MS):
        super().__init__(parent)
        self._busy = busy  # True while the page is still going in: the pause starts when it is whole
        self._libc: Any = _UNKNOWN  # glibc, looked up at the first pause
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.trim)
        self.trims = 0  # how many times heap was given back (the benchmark reports it)
        self.last_ms = 0.0  # how long the last one took

    def page_changed(self) -> None:
        if self._libc is not None:
            self._timer.start()

    def kept_kb(self) -> int:
        """Freed heap glibc keeps now, in kB (0 elsewhere)."""
        if self._libc is _UNKNOWN:
            self._libc = _glibc()
        return self._libc.mallinfo2().fordblks // 1024 if self._libc is not None else 0

    def trim(self) -> None:
        if self._busy():
            self._timer.start()  # never between two pieces of a long page: once it is whole and still
            return
        if self.kept_kb() <= KEPT_LIMIT_KB:
            return
        began = time.perf_counter()
        self._libc.malloc_trim(0)
        self.last_ms = (time.perf_counter() - began) * 1000
        self.trims += 1
