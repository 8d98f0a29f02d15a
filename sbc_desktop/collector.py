"""When Python's garbage collector runs in the window.

A collection stops the UI thread for as long as it walks the objects it looks at: a
full one over the NCI window (the library, the window's widgets and their wrappers,
hundreds of thousands of objects) took 85-130 ms on this machine, and a reader
switching topics met one every few dozen switches. Yet switching topics makes no
cyclic garbage at all (measured with ``gc.DEBUG_SAVEALL``: none in 30 NCI switches):
those walks found nothing.

So the window's start makes no collections (``app.run_gui``), and once the objects that
live as long as the window are in -- the window built and its first page painted, and
again when a first start's whole library arrives -- ``settle`` sets them aside from
every later collection (``gc.freeze``): later collections walk only what was made since.
Garbage is still collected as before (nothing frozen is garbage: the start makes none).
The young generation's threshold is raised so that young collections come less often.

At a kiosk, both moments come before the first patient: nothing of a patient's session
is ever frozen, so the reset's garbage is collected as any other.
"""

from __future__ import annotations

import gc

# Objects made (less those freed) before a young collection; then young collections before a
# middle one, middle ones before a full one (Python's defaults: 700, 10, 10).
THRESHOLDS = (700, 10, 10)


def settle() -> None:
    """The long-lived objects are in: set them aside from later collections (and collect again)."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    gc.enable()


def settled() -> bool:
    """True once ``settle`` has run in this process (the tests ask)."""
    return gc.get_freeze_count() > 0 and gc.get_threshold() == THRESHOLDS and gc.isenabled()
