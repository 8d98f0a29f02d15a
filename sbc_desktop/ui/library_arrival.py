"""A first start: the first page at once, the rest of the library a moment later.

Reading a large folder for the first time (1,425 NCI pages: a few seconds of YAML) would
keep the window from opening. So a first start shows the page asked for (or the welcome
page) from a library that holds only that page and says it is incomplete -- the topic list
says "Loading topics...", search waits -- while `content.prime`, in a process of its own
(on the other core, not competing for Python's lock), reads the whole folder into the
cache. When it is done, the window reads the snapshot it left and takes in the whole
library at once (`MainWindow.take_library`). If the process cannot be started or fails,
the folder is read here instead: the library always arrives.

A second start of a large folder does the same from the snapshot the last start left: the
first page's part of it at once (`snapshot_start`), the whole library read on a thread once
the first page is on screen (`SnapshotArrival`), so it paints as soon as a first start does.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..content.library import Library
from .from_thread import FromThread

if TYPE_CHECKING:  # (QProcess and its 7 enums are made for a first start of a large folder only)
    from PySide6.QtCore import QProcess

SMALL_FOLDER = 300  # topic files: fewer are read at once (a process would cost more than it saves)


class Arrival(QObject):
    """Brings the whole library; `arrived(library)` when done. ``after_paint``: `start` it once the
    first page is on screen (else it has started already)."""

    arrived = Signal(object)
    after_paint = False

    def __init__(self, root: Path, cache_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.root = root
        self.cache_dir = cache_dir
        self.library: Library | None = None

    def start(self) -> None:
        raise NotImplementedError

    def _read_here(self) -> None:
        if self.library is not None:
            return
        from ..collector import long_lived
        from ..content.loader import load_library

        with long_lived():  # set aside from collections as soon as it is read (collector.py)
            self.library = load_library(self.root, check_links=False, cache_dir=self.cache_dir)
        self.arrived.emit(self.library)


class LibraryArrival(Arrival):
    """Reads the whole content folder away from the window, in a process of its own."""

    def __init__(self, root: Path, cache_dir: Path, parent: QObject | None = None):
        super().__init__(root, cache_dir, parent)
        from PySide6.QtCore import QProcess

        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedChannels)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)
        app = QCoreApplication.instance()
        if app is not None:  # quitting before it is done: it stops (the next start reads the folder again)
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        from PySide6.QtCore import QProcess

        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.finished.disconnect(self._finished)
            self.process.kill()
            self.process.waitForFinished(2000)

    def start(self) -> None:
        if getattr(sys, "frozen", False):  # a bundle has no "python -m": read the folder here
            self._read_here()
            return
        self.process.start(sys.executable, ["-m", "sbc_desktop.content.prime", str(self.root), str(self.cache_dir)])

    def _failed(self, error: QProcess.ProcessError) -> None:
        from PySide6.QtCore import QProcess

        if error == QProcess.ProcessError.FailedToStart:
            self._read_here()

    def _finished(self, _code: int, _status: QProcess.ExitStatus) -> None:
        self._read_here()  # from the snapshot it left (or, if it failed, by parsing here)


class SnapshotArrival(Arrival):
    """A second start's whole library, from the snapshot, read on a thread when `start` is called
    (after the first paint): the window's thread stays free to answer. `arrived` comes on the
    window's thread. A file changed since the last start (before the first paint only the first page's
    own files were checked: `library_snapshot.load_first`): the folder is read as a first start reads
    it, in a process of its own (`LibraryArrival`). Anything that goes wrong on the thread: the folder
    is read here instead."""

    _read = Signal(object)  # from the thread: the library, CHANGED, or None
    after_paint = True

    def __init__(self, root: Path, cache_dir: Path, parent: QObject | None = None):
        super().__init__(root, cache_dir, parent)
        self._thread: threading.Thread | None = None
        self._elsewhere: LibraryArrival | None = None
        self._read.connect(self._landed)
        self._from_thread = FromThread(self)  # (the thread tells `_read` through it)

    def start(self) -> None:
        if self._thread is None and self.library is None:
            self._thread = threading.Thread(target=self._run, name="library-arrival", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from ..collector import long_lived
        from ..content.loader import snapshot_library
        from ..quick_switch import quick_switching
        from .page_builds import SWITCH_S

        found: object
        try:
            with long_lived(), quick_switching(SWITCH_S):  # (the window's thread waits less for Python's lock)
                found = snapshot_library(self.root, self.cache_dir) or CHANGED  # (every file checked now)
        except Exception:  # noqa: BLE001 - read again on the window's thread (which reports what is wrong)
            found = None
        self._from_thread.tell(self._read, found)  # (safe if the window has gone before the library came)

    def _landed(self, library: object) -> None:
        if library is CHANGED:  # (parsing many changed files here would hold Python's lock for seconds)
            if self._elsewhere is None:
                self._elsewhere = LibraryArrival(self.root, self.cache_dir, self)
                self._elsewhere.arrived.connect(self._landed)
                self._elsewhere.start()
        elif not isinstance(library, Library):
            self._read_here()
        elif self.library is None:
            self.library = library
            self.arrived.emit(library)


CHANGED = object()  # a file has changed since the snapshot was made


def open_library(
    root: Path, cache_dir: Path, topic_id: str | None, last_id: str | None = None
) -> tuple[Library, Arrival | None]:
    """The library a window starts with, and what brings the rest of it (None: it is all here).

    From the snapshot when nothing changed since the last start (a large folder's: the part the first
    page needs, the rest to be read once it is on screen: `start` the arrival then); read at once
    when the folder is small; else the first page's library, with the rest on its way (already
    started, so that it is read while the window is being built). ``last_id``: the topic read last,
    shown when no ``topic_id`` is asked for (a second start's part holds it).
    """
    from ..content.loader import first_page_library, load_library, snapshot_start

    library = snapshot_start(root, cache_dir, topic_id or last_id, SMALL_FOLDER)
    if library is not None:
        return library, None if library.complete else SnapshotArrival(root, cache_dir)
    if _topic_files_at_most(root, SMALL_FOLDER):
        return load_library(root, check_links=False, cache_dir=cache_dir), None
    arrival = LibraryArrival(root, cache_dir)
    arrival.start()
    return first_page_library(root, topic_id), arrival


def _topic_files_at_most(root: Path, most: int) -> bool:
    import os

    count = 0
    try:
        for _folder, _dirs, names in os.walk(root):
            count += sum(1 for name in names if name.lower().endswith(".md"))
            if count > most:
                return False
    except OSError:
        pass
    return True
