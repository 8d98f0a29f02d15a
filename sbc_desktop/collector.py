"""When Python's garbage collector runs in the window.

A collection stops the UI thread for as long as it walks the objects it looks at: a full one
over the NCI window with nothing set aside (the library, the window's widgets and their
wrappers, every module's functions) took 124-252 ms of CPU (275-333 ms wall, loaded machine).
Yet switching topics makes no cyclic garbage at all (``gc.DEBUG_SAVEALL`` over 30 NCI
switches: none): those walks find nothing.

So the window's start makes no collections (``app.run_gui``), and once the objects that live
as long as the window are in -- the window built and its first page painted, and when a start's
whole library arrives after that, before and after the window takes it -- ``settle`` sets them
aside from every later collection (``gc.freeze``): later collections walk only what was made
since. Measured (NCI, 4 x 60 switches, load 6-9): young collections at most 0.8 ms CPU, middle
ones 2.1 ms and no full one, where they were up to 5.3 and 6.8 ms with a full one of 124-252 ms
every ~60 switches (benchmarks/README.md, "Garbage collection"). Nothing set aside is garbage (a start makes
none), so no memory is lost; what is made later is collected as before.

At a kiosk both moments come before the first patient: nothing of a patient's session is
ever set aside, so the reset's garbage is collected as any other.

A library read after the first paint (a second start reads it on a thread) is read inside
``long_lived``: no collection while it is read, and in a window that has settled it is set
aside at once, before any collection on either thread walks it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# ``settle`` has run in this process: for a question asked at every page (collect_idle), where
# ``gc.get_freeze_count`` would walk every object set aside (20-90 ms on a window of two million).
_settled_once = False


def settle() -> None:
    """The long-lived objects are in: set them aside from later collections, and collect again."""
    global _settled_once
    gc.freeze()
    gc.enable()
    _settled_once = True


def settled() -> bool:
    """True once ``settle`` has run in this process (and collections are on)."""
    return gc.get_freeze_count() > 0 and gc.isenabled()


@contextmanager
def long_lived() -> Iterator[None]:
    """Objects made inside live as long as the window (a library read after the first paint): no
    collection while they are made and, where the window's long-lived objects are set aside already
    (``settle``), they are set aside too as they are done, before any collection walks them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() > 0:
            gc.freeze()
        if was:
            gc.enable()


def collect_idle() -> int | None:
    """The window is idle after a page (ui/idle_collect.py): a middle or full collection that is due at the next young
    one or the one after (Python's counts say so) is made now, where it holds nothing up, not inside the next page's
    steps; none other (collecting every generation at each page cost 8-10 ms CPU a time at load 2: a full collection
    walks all that was made since the window settled). Returns the generation collected, if any. Only in a window
    that has settled (not in commands, nor before the first paint); asks nothing that walks the objects set aside."""
    if not (_settled_once and gc.isenabled()):
        return None
    _young, middle, old = gc.get_count()
    _each, middle_after, old_after = gc.get_threshold()
    if old > old_after or (old >= old_after and middle >= middle_after - 1):
        generation = 2
    elif middle >= middle_after - 1:
        generation = 1
    else:
        return None
    gc.collect(generation)
    return generation
