"""When Python's garbage collector runs in the window.

A collection stops the UI thread for as long as it walks the objects it looks at: a full one
over the NCI window with nothing set aside (the library, the window's widgets and their
wrappers, every module's functions) took 124 ms of CPU (333 ms wall on a loaded machine).
Yet switching topics makes no cyclic garbage at all (``gc.DEBUG_SAVEALL`` over 30 NCI
switches: none): those walks find nothing.

So the window's start makes no collections (``app.run_gui``), and once the objects that live
as long as the window are in -- the window built and its first page painted, and when a first
start's whole library arrives, before and after the window takes it -- ``settle`` sets them
aside from every later collection (``gc.freeze``): later collections walk only what was made
since. Measured (NCI, 60 switches, load 6-9): young collections at most 0.6 ms CPU, middle
ones 1.2 ms, where they were 4.6 and 7.5 ms. Nothing set aside is garbage (a start makes
none), so no memory is lost; what is made later is collected as before.

At a kiosk both moments come before the first patient: nothing of a patient's session is
ever set aside, so the reset's garbage is collected as any other.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """The long-lived objects are in: set them aside from later collections, and collect again."""
    gc.freeze()
    gc.enable()


def settled() -> bool:
    """True once ``settle`` has run in this process (and collections are on)."""
    return gc.get_freeze_count() > 0 and gc.isenabled()
