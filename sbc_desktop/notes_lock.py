"""One window at a time keeps the notes: a lock file beside them, that dies with its window.

The lock is a `QLockFile`. Its holder also keeps a lock of the system's on the file (flock /
fcntl), which the system lets go of when the holder's process ends, however it ends. That,
not the process ID written in the file, is what says whether a window still holds the notes:

* A lock whose system lock can be taken was left by a window that has gone, even when its
  process ID now belongs to another running program (IDs are reused, after a restart most
  of all), or when the file is empty or damaged (a window killed while writing it). It is
  taken over.
* A lock written on another computer (a home folder on a network share) is taken over only
  when its system lock is free (a network file system passes locks to the server) AND its
  holder has not refreshed it for `STALE_AFTER_S`: a running window touches its lock every
  `REFRESH_MS`, so even a share that keeps locks only on each computer never lets two
  running windows write the same notes.
* A lock held by a running window on this computer is never taken, however old it is.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo, QTimer

REFRESH_MS = 60_000  # a running window touches its lock this often
STALE_AFTER_S = 10 * 60  # another computer's lock untouched this long, and not held, is left over


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says."""

    pid: int
    host: str  # the computer's name; "" if the file does not say
    this_computer: bool


def read_holder(path: Path) -> Holder | None:
    """The lock file's holder, or None when the file is missing, empty or damaged."""
    try:
        with open(path, "rb") as stream:
            lines = stream.read(4096).decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except ValueError:
        return None
    if pid <= 0:
        return None
    host = lines[2].strip() if len(lines) > 2 else ""
    machine = lines[3].strip() if len(lines) > 3 else ""
    ours = bytes(QSysInfo.machineUniqueId().data()).decode("ascii", "replace")
    # As QLockFile decides: by the machine's own ID where both are known, else by its name.
    same = machine == ours if machine and ours else not host or host == QSysInfo.machineHostName()
    return Holder(pid, host, same)


class NotesLock:
    """The lock beside one notes file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.holder: Holder | None = None  # who kept us out, after acquire() returned False
        self._lock: QLockFile | None = None
        self._refresh: QTimer | None = None

    def acquire(self) -> bool:
        """Take the lock; False only if another running window holds it. A lock that cannot be
        made at all (a read-only folder) is not another window: True, and nothing is held."""
        lock = QLockFile(str(self.path))
        lock.setStaleLockTime(0)  # no age makes a lock stale by itself (see the module's note)
        if lock.tryLock(0) or self._took_over(lock):
            self._lock = lock
            if QCoreApplication.instance() is not None:  # a window (a script without one has no timers)
                self._refresh = QTimer(interval=REFRESH_MS)
                self._refresh.timeout.connect(self.refresh)
                self._refresh.start()
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            self.holder = read_holder(self.path)
            return False
        return True

    def _took_over(self, lock: QLockFile) -> bool:
        if lock.error() != QLockFile.LockError.LockFailedError:
            return False
        holder = read_holder(self.path)
        if holder is not None and not holder.this_computer and self._age() < STALE_AFTER_S:
            return False  # another computer's window may still be open: it refreshes its lock
        # removeStaleLockFile takes the system lock first: it fails while a running window holds it.
        return lock.removeStaleLockFile() and lock.tryLock(0)

    def _age(self) -> float:
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)  # a time ahead of ours: fresh
        except OSError:
            return 0.0

    def refresh(self) -> None:
        """Say this window is still open (to windows on other computers)."""
        if self._lock is not None:
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        if self._refresh is not None:
            self._refresh.stop()
            self._refresh = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
