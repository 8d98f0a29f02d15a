"""Start-up: what waits until the first page is on screen comes back just after it."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from sbc_desktop.app import collect_after_first_paint
from sbc_desktop.ui.main_window import MainWindow


@contextmanager
def collector_paused():
    """As run_gui starts: no collections; afterwards the collector as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_garbage_is_collected_again_once_the_first_page_is_painted(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window)
        window.open_start_page("what-is-it")
        assert not gc.isenabled(), "nothing is collected before the page is on screen"
        window.show()
        qtbot.waitUntil(gc.isenabled, timeout=3000)  # just after the first paint, not the 5 s fallback
        assert window.reader.current_url() == "topic:what-is-it"


def test_a_window_that_never_paints_still_collects(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window, fallback_ms=50)  # never shown
        qtbot.waitUntil(gc.isenabled, timeout=3000)
