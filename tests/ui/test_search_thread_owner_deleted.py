"""The index's thread tells the window how far the pages' text is while the window is being deleted (a
test's end, a crash exit, without `close`). The emit went into the service itself, from that thread, as Qt
deleted it with its window: the process crashed (a segmentation fault in CI's full run, session 28)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from sbc_desktop.ui.search_service import SearchService


def test_the_window_deleted_while_the_index_thread_tells_it_crashes_nothing(library, qtbot):
    heard = []
    for _ in range(60):
        owner = QObject()
        service = SearchService(library, None, parent=owner)
        service.textAdded.connect(lambda done, total: heard.append(done))
        started, told = threading.Event(), []

        def tell(service=service, started=started, told=told):
            started.set()
            while service._tell(service._from_thread.landed, 1, 2):  # as _add_text does, batch after batch
                told.append(1)

        thread = threading.Thread(target=tell)
        thread.start()
        started.wait(5)
        owner.deleteLater()  # the window goes, with the service, while the thread goes on telling
        qtbot.waitUntil(lambda thread=thread: not thread.is_alive(), timeout=10000)  # it stops: nobody hears
        thread.join()
    assert heard  # what was told before the window went was heard on the window's thread
