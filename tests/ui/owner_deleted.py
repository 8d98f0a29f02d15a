"""Delete an object of the window while a thread tells it something, again and again.

An emit from a thread into an object Qt is deleting on the window's thread crashed the process
(a segmentation fault; session 28's CI, search_service.py). ui/from_thread.py makes it safe."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject

AFTER = 20  # tells after the owner has gone (nobody hears them)


def delete_the_owner_while_told(
    qtbot, make: Callable[[QObject, list[object]], Callable[[], object]], times: int = 30
) -> None:
    """``make(owner, heard)`` makes the object under test with ``owner`` as its parent, has what it is told
    appended to ``heard``, and returns what its thread does to tell it something. That is called on a thread,
    again and again; once the object has heard some of it, ``owner`` is deleted (as a window that closes
    deletes its parts), and the thread tells ``AFTER`` times more. Nothing may crash or raise."""
    failed: list[BaseException] = []
    for _ in range(times):
        owner, heard = QObject(), []
        tell = make(owner, heard)
        gone = threading.Event()
        owner.destroyed.connect(lambda *_args, gone=gone: gone.set())

        def run(tell=tell, gone=gone) -> None:
            try:
                while not gone.is_set():
                    tell()
                for _ in range(AFTER):
                    tell()
            except BaseException as exc:  # noqa: BLE001 - the test says what the thread met
                failed.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        qtbot.waitUntil(lambda heard=heard: bool(heard) or bool(failed))  # told, and heard on the window's thread
        owner.deleteLater()  # the window goes, and this object with it, while the thread tells
        qtbot.waitUntil(lambda thread=thread: not thread.is_alive(), timeout=30_000)
        thread.join()
    assert failed == []
