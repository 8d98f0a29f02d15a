"""Every thread that tells the window something is safe when the window deletes its listener meanwhile
(the window closed, the kiosk's screen torn down, a test's end). Each emitted into the window's object
itself, which Qt was deleting: the process crashed (owner_deleted.py)."""

from __future__ import annotations

import itertools
import logging
import threading

from PySide6.QtCore import QObject

from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.packs.client import UpdateResult
from sbc_desktop.ui.kiosk_updates import KioskUpdates
from sbc_desktop.ui.library_arrival import SnapshotArrival
from sbc_desktop.ui.page_builds import PageBuilds
from sbc_desktop.ui.render_ahead import RenderElsewhere
from sbc_desktop.ui.search_service import SearchService
from tests.ui.owner_deleted import delete_the_owner_while_told


class UpToDate:
    """A content repository with nothing new, answered at once."""

    def current_version(self) -> int:
        return 1

    def update(self, _repository: str, _pin: str | None) -> UpdateResult:
        return UpdateResult("up-to-date", 1, "Content pack 1 is the newest.")


def test_the_kiosk_torn_down_while_its_update_check_ends_crashes_nothing(qtbot, caplog):
    caplog.set_level(logging.WARNING)  # (each check logs its outcome)

    def make(owner: QObject, heard: list):
        updates = KioskUpdates(KioskConfig(update_repository="repo"), owner, store=UpToDate())  # type: ignore[arg-type]
        updates.finished.connect(heard.append)
        return updates._run  # what the check's thread does

    delete_the_owner_while_told(qtbot, make)


def test_the_reader_deleted_while_its_worker_finishes_pages_crashes_nothing(qtbot):
    def make(owner: QObject, heard: list):
        builds = PageBuilds(owner)
        builds.built.connect(heard.append)
        numbers, done = itertools.count(1), threading.Event()

        def build() -> None:  # a page asked for, then the next once it is made: the worker says `built` of each
            done.clear()
            builds.start(next(numbers), done.set)
            done.wait(0.1)  # (pacing only: a build told after the reader went is never made)

        return build

    delete_the_owner_while_told(qtbot, make)


def test_the_reader_deleted_while_a_pages_parts_arrive_crashes_nothing(qtbot):
    def make(owner: QObject, heard: list):
        builds = PageBuilds(owner)
        builds.arrived.connect(heard.append)
        return lambda: builds.tell_arrived(1)  # what a page's part arriving in the worker does (Reader._start_build)

    delete_the_owner_while_told(qtbot, make)


class NoRenderer:
    has_renderer = False
    renderer = None  # (so a helper wanted starts none)


def test_the_reader_deleted_while_a_worker_wants_the_helper_crashes_nothing(qtbot):
    def make(owner: QObject, heard: list):
        elsewhere = RenderElsewhere(NoRenderer(), owner)  # type: ignore[arg-type]
        elsewhere._helper_wanted.connect(lambda: heard.append(1))
        return elsewhere._want_helper  # what a worker does on a long page neither in memory nor on disk

    delete_the_owner_while_told(qtbot, make)


def test_the_window_deleted_as_the_rest_of_the_library_arrives_crashes_nothing(qtbot, tmp_path, library, monkeypatch):
    monkeypatch.setattr("sbc_desktop.content.loader.snapshot_library", lambda *_args, **_kw: library)  # (at once)

    def make(owner: QObject, heard: list):
        arrival = SnapshotArrival(tmp_path, tmp_path, owner)
        arrival.arrived.connect(heard.append)
        return arrival._run  # what the thread reading the snapshot does

    delete_the_owner_while_told(qtbot, make)


def test_the_window_deleted_while_the_index_thread_tells_it_how_far_the_text_is_crashes_nothing(qtbot, library):
    """The index's thread tells the window how far the pages' text is while the window is deleted without
    `close` (a test's end, a crash exit): nothing crashes, what was told before is heard, and the thread
    stops (nothing after it is heard; the text is kept for the next start)."""
    services = []

    def make(owner: QObject, heard: list):
        service = SearchService(library, None, parent=owner)
        service.textAdded.connect(lambda done, _total: heard.append(done))
        services.append(service)
        return lambda: service._tell(service._landed, 1, 2)  # as _add_text does, batch after batch

    delete_the_owner_while_told(qtbot, make)
    for service in services:  # the window has gone: the index's thread is told to stop
        assert service._tell(service._landed, 1, 2) is False
        assert service._stop.is_set()
