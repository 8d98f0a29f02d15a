"""The search index and Python's garbage collector (issue 14): at home, what the index keeps is set aside
from collections once it is open (a full collection walked it in the window's pauses while typing); at
the kiosk nothing is, since the index opens in a patient's session (tests/ui/test_collector.py)."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt

from sbc_desktop import collector
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active
from tests.ui.test_collector import as_run_gui_starts


def open_search(qtbot, window):
    show_active(qtbot, window)
    collector.settle()  # as at the window's first paint
    frozen = gc.get_freeze_count()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, "bones")
    qtbot.waitUntil(lambda: window.search.is_searchable, timeout=20000)
    return frozen


def test_at_home_the_opened_index_is_set_aside_from_collections(qtbot, library, tmp_path):
    with as_run_gui_starts():
        window = MainWindow(library, settings=None, cache_dir=tmp_path / "cache")
        qtbot.addWidget(window)
        window.open_start_page()
        frozen = open_search(qtbot, window)
        index = window.search._index
        assert gc.get_freeze_count() > frozen
        assert not any(o is index for o in gc.get_objects())  # set aside: no collection walks it
        window.close()
        window.search.wait_closed(30)


def test_at_the_kiosk_nothing_is_set_aside_when_the_index_opens(qtbot, library):
    with as_run_gui_starts():
        window = MainWindow(library, settings=None, cache_dir=None)  # the kiosk's: nothing on disk
        qtbot.addWidget(window)
        window.open_start_page()
        frozen = open_search(qtbot, window)
        assert gc.get_freeze_count() <= frozen
        window.close()
