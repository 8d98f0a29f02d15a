"""Python's switch interval, shortened while a worker thread parses on the window's behalf.

A thread that wants Python's lock waits up to the switch interval (5 ms by default) for the
thread holding it; while a worker parses, the window's thread should wait less. Several workers
may ask at once (the page builder, the search index): the shortest interval asked for holds
until the last of them is done, then the interval from before the first is put back, whatever
order they finish in.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_asked: list[float] = []
_before = sys.getswitchinterval()


@contextmanager
def quick_switching(seconds: float) -> Iterator[None]:
    """Run the body with the switch interval at most ``seconds``."""
    global _before
    with _lock:
        if not _asked:
            _before = sys.getswitchinterval()
        _asked.append(seconds)
        sys.setswitchinterval(min([_before, *_asked]))
    try:
        yield
    finally:
        with _lock:
            _asked.remove(seconds)
            sys.setswitchinterval(min([_before, *_asked]))
