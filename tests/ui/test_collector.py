"""The garbage collector's policy (sbc_desktop/collector.py): what lives as long as the window is set
aside from collections once it is in, at the first paint and when a first start's library arrives; and
nothing of a kiosk patient's session is ever set aside, so its reset still lets all of it go."""

from __future__ import annotations

import gc
import uuid
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from sbc_desktop import collector
from sbc_desktop.app import collect_after_first_paint, take_when_arrived
from sbc_desktop.content.loader import first_page_library, load_library
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Clock
from tests.ui.test_kiosk import use_everything


@contextmanager
def as_run_gui_starts():
    """No collections until the first paint (as run_gui); afterwards the collector as it was."""
    was, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        (gc.enable if was else gc.disable)()


class Arrival(QObject):
    """Stands in for LibraryArrival: the whole library, when the test says."""

    arrived = Signal(object)


def test_the_window_and_then_the_arrived_library_are_set_aside_from_collections(qtbot, builtin_dir):
    with as_run_gui_starts():
        window = MainWindow(first_page_library(builtin_dir, "tests"), settings=None)
        qtbot.addWidget(window)
        arrival = Arrival()
        take_when_arrived(window, arrival, None)  # as run_gui connects them
        collect_after_first_paint(window)
        taking = window.take_library
        seen_when_taken: list[bool] = []

        def take_library(full, wanted=None, **kw):  # is the library already set aside when the window takes it?
            seen_when_taken.append(any(o is full.topic("what-is-it") for o in gc.get_objects()))
            taking(full, wanted, **kw)

        window.take_library = take_library
        window.open_start_page("tests")
        window.show()
        qtbot.waitUntil(collector.settled, timeout=30_000)  # just after the first paint (at load: seconds)
        at_first_paint = gc.get_freeze_count()
        assert at_first_paint > 0

        full = load_library(builtin_dir, check_links=False)
        topic = full.topic("what-is-it")
        assert gc.is_tracked(topic) and any(o is topic for o in gc.get_objects())
        arrival.arrived.emit(full)
        assert window.library.complete
        # The arrived library's objects were set aside before the window took it (the first collection
        # would otherwise walk all of them, in the middle of it), and no later collection walks them.
        assert seen_when_taken == [False]
        assert gc.get_freeze_count() >= at_first_paint + len(full.topics)
        assert not any(o is topic for o in gc.get_objects())
        assert collector.settled()


def test_a_kiosk_patients_session_is_never_set_aside_and_its_reset_lets_it_go(qtbot, library):
    with as_run_gui_starts():
        window, controller = make_kiosk(library, KioskConfig(), clock=Clock())
        qtbot.addWidget(window)
        collect_after_first_paint(window)  # as run_gui does for the kiosk
        controller.show_kiosk()
        qtbot.waitUntil(collector.settled, timeout=30_000)
        frozen = gc.get_freeze_count()

        use_everything(window, qtbot)  # notes, questions, search, find... then the next patient
        secret = f"my number is {uuid.uuid4().hex}"  # made here: in no source file nor code constant
        qtbot.keyClicks(window.appointment.notes_edit, secret)
        window.search_field.setText(secret)
        window.search_field.flush()
        controller.reset()
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
            gc.collect()
        assert gc.get_freeze_count() <= frozen  # nothing of the session was set aside (some set aside were freed)
        gc.unfreeze()  # and nothing set aside before it holds what the patient typed either
        held = [
            o
            for o in gc.get_objects()
            if isinstance(o, (list, tuple, dict))
            and any(isinstance(v, str) and secret[-32:] in v for v in (o.values() if isinstance(o, dict) else o))
        ]  # fmt: skip
        assert held == []
        assert window.notes.is_empty()


def test_a_second_starts_library_read_on_a_thread_is_set_aside_before_any_collection(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    """A second start reads the rest of its library on a thread after the first paint: it is set aside
    as soon as it is read, so no collection (on either thread) walks it before the window takes it."""
    from sbc_desktop.ui.library_arrival import SnapshotArrival, open_library
    from tests.ui.test_library_arrival import second_start_folder

    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    with as_run_gui_starts():
        _part, arrival = open_library(root, cache, "tests")
        assert isinstance(arrival, SnapshotArrival)
        collector.settle()  # as at the window's first paint
        seen: list[bool] = []
        arrival.arrived.connect(lambda full: seen.append(any(o is full.topic("what-is-it") for o in gc.get_objects())))
        with qtbot.waitSignal(arrival.arrived, timeout=30000):
            arrival.start()
        assert seen == [False]  # set aside already when it arrived
        assert collector.settled()


def test_a_library_read_where_nothing_is_set_aside_is_not_set_aside(qtbot, tmp_path, builtin_dir, monkeypatch):
    """Outside a settled window (a test, a command), reading a library freezes nothing."""
    from sbc_desktop.ui.library_arrival import open_library
    from tests.ui.test_library_arrival import second_start_folder

    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    gc.unfreeze()
    _part, arrival = open_library(root, cache, "tests")
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        arrival.start()
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_middle_collection_due_is_made_once_a_long_page_is_laid_out_and_the_window_idle(
    qtbot, tmp_path, in_parts, settings
):
    """A middle (or full) collection that Python's counts say is due soon is made once the page is in and laid out and
    the window has been idle a moment, in a turn of its own (ui/idle_collect.py), not inside the next page's steps."""
    from tests.helpers import make_content
    from tests.ui.test_page_builds import click_topic
    from tests.ui.test_reading_parts import parted_body

    root = make_content(tmp_path / "content", {"long": parted_body(), "other": "A short page."})
    older: list[bool] = []  # each middle or full collection: was the page laid out then?

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] >= 1:
            older.append(window.reader.is_laid_out())

    with as_run_gui_starts():
        window = MainWindow(load_library(root), settings, cache_dir=None)
        qtbot.addWidget(window)
        window.resize(800, 600)
        collect_after_first_paint(window)
        window.open_start_page("other")
        window.show()
        qtbot.waitUntil(collector.settled, timeout=30_000)
        gc.collect()
        # No collection comes of itself in this test (young ones only after a million objects), and a middle one is
        # due at the next young one: the one made is the window's, at idle.
        gc.set_threshold(1_000_000, 1, gc.get_threshold()[2])
        gc.callbacks.append(note)
        try:
            click_topic(window, qtbot, "long")
            with qtbot.waitSignal(window.reader.pageLaidOut, timeout=20_000):
                pass
            qtbot.waitUntil(lambda: bool(older) and older[-1], timeout=5_000)
        finally:
            gc.callbacks.remove(note)
        assert gc.get_count()[1] == 0  # counted again from that collection
