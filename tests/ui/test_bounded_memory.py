"""Reading many pages keeps memory bounded: Back history, the session's history, rendered HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbc_desktop.content import render
from sbc_desktop.ui import history_limit
from sbc_desktop.ui.main_window import MainWindow


def read_pages(qtbot, window, ids, count):
    for index in range(count):
        window.reader.go(f"topic:{ids[index % len(ids)]}")
        qtbot.waitUntil(window.reader.is_complete)


def test_back_history_is_bounded_and_back_still_works(qtbot, library, monkeypatch):
    monkeypatch.setattr(history_limit, "LIMIT", 5)
    monkeypatch.setattr(history_limit, "IDLE_MS", 200)  # the reader's pause before the last trim (2 s in the app)
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    window.open_start_page()
    ids = [t.id for t in library.ordered_topics()]
    read_pages(qtbot, window, ids, 40)
    qtbot.waitUntil(lambda: window.reader.backwardHistoryCount() < 10)  # trimmed, after the page is complete
    assert window.reader.backwardHistoryCount() >= 5
    here = window.reader.current_url()
    assert here == f"topic:{ids[39 % len(ids)]}" and window.reader.is_complete()
    assert window.commands.back.isEnabled()
    # Back by the keyboard, as a reader would: the page read just before.
    window.reader.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.reader.current_url() == f"topic:{ids[38 % len(ids)]}")
    assert len(window.session.history) <= 200


def test_session_history_is_bounded(qtbot, library, monkeypatch):
    from sbc_desktop import session

    monkeypatch.setattr(session, "HISTORY_LIMIT", 3)
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    ids = [t.id for t in library.ordered_topics()]
    read_pages(qtbot, window, ids, 12)
    assert len(window.session.history) == 3
    assert window.session.history[-1] == f"topic:{ids[10 % len(ids)]}"


def test_rendered_pages_kept_in_memory_are_bounded(library, monkeypatch):
    monkeypatch.setattr(render, "CACHE_TOPICS", 3)
    renderer = render.Renderer(library)
    topics = library.ordered_topics()
    for topic in topics:
        renderer.topic_html(topic)
    assert len(topics) > 3
    assert [renderer.is_cached(t.id) for t in topics[-4:]] == [False, True, True, True]
    renderer.topic_html(topics[-3])  # read again: now the most recent
    renderer.topic_html(topics[0])
    assert renderer.is_cached(topics[-3].id) and not renderer.is_cached(topics[-2].id)
    assert renderer.topic_html(topics[-2]) == render.Renderer(library).topic_html(topics[-2])


def dead_qt_wrappers() -> int:
    """Python wrappers still kept whose Qt object has been deleted (memory that is never given back)."""
    import gc

    import shiboken6

    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, shiboken6.Object) and not shiboken6.isValid(o))


def test_reading_many_pages_keeps_no_dead_qt_wrappers(qtbot, window, library):
    ids = [t.id for t in library.ordered_topics()]
    read_pages(qtbot, window, ids, 5)  # warm-up: every pane has shown a page
    before = dead_qt_wrappers()
    read_pages(qtbot, window, ids, 40)
    assert dead_qt_wrappers() <= before  # each page made a new root frame: its wrapper was kept


def test_freed_memory_is_given_back_once_the_reader_pauses(qtbot, window, library, monkeypatch):
    from sbc_desktop.ui import heap_trim

    monkeypatch.setattr(heap_trim, "KEPT_LIMIT_KB", -1)  # whatever glibc keeps: given back
    trims = window.heap_trim
    ids = [t.id for t in library.ordered_topics()]
    before = trims.trims
    read_pages(qtbot, window, ids, 3)  # pages turned quickly: nothing done between them
    assert trims.trims == before
    if trims.kept_kb() == 0 and trims._libc is None:
        return  # not glibc: nothing to give back
    qtbot.waitUntil(lambda: trims.trims == before + 1, timeout=3000)  # after a second on the page
