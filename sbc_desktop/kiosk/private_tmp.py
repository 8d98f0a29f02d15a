"""The kiosk's temporary files, kept in memory (a private folder on a RAM file system).

When the kiosk prints, Qt hands the handout to CUPS through a temporary file: Qt's CUPS print
engine (qcupsprintengine.cpp, ``openPrintDevice``) calls CUPS's ``cupsTempFd``, which makes the
file in ``getenv("TMPDIR")`` or ``/tmp`` (cups/tempfile.c), and keeps it for the whole print;
a kiosk killed mid-print leaves it behind. Both read TMPDIR each time, as ``QDir.tempPath()``
does (QFileSystemEngine::tempPath); Python's ``tempfile`` keeps the first answer in
``tempfile.tempdir``, which is cleared here. So at kiosk start TMPDIR is pointed at a folder of
its own (mode 0700) on a RAM file system: $XDG_RUNTIME_DIR (a tmpfs per user where systemd
logs the user in) or /dev/shm. The folder goes at a clean exit; one left by a kiosk that died is
removed at the next start (never one of a process still running). With no RAM file system, the
kiosk starts all the same and the log says what that means.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

LOG = logging.getLogger(__name__)

PREFIX = "sbc-desktop-kiosk-tmp-"
NAMED = re.compile(re.escape(PREFIX) + r"(\d+)-")
RAM_TYPES = {"tmpfs", "ramfs"}
SHARED_MEMORY = Path("/dev/shm")
MOUNTS = Path("/proc/mounts")

_open: list[PrivateTemp] = []  # (in the order opened: a test process may start more than one kiosk)
_before: str | None = None  # TMPDIR as it was before the first of them


def file_system_type(path: Path, mounts: Path = MOUNTS) -> str | None:
    """The type of the file system ``path`` is on (the mount point nearest it), or None if unknown."""
    try:
        real = os.path.realpath(path)
        lines = mounts.read_text("utf-8", "replace").splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def ram_folder() -> Path | None:
    """The first folder this user may write in that is on a RAM file system, or None."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    for candidate in ([Path(runtime)] if runtime else []) + [SHARED_MEMORY]:
        writable = candidate.is_dir() and os.access(candidate, os.W_OK | os.X_OK)
        if writable and file_system_type(candidate) in RAM_TYPES:
            return candidate
    return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


def sweep(base: Path) -> list[Path]:
    """Remove the folders left in ``base`` by kiosks that died (this user's; their process gone)."""
    removed: list[Path] = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = NAMED.match(entry.name)
        if not match or int(match.group(1)) == os.getpid() or alive(int(match.group(1))):
            continue
        try:
            if entry.is_symlink() or not entry.is_dir() or entry.stat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    if removed:
        LOG.info("kiosk: removed %d temporary folder(s) left by a kiosk that stopped: %s", len(removed), removed)
    return removed


class PrivateTemp:
    """This kiosk's temporary folder in memory; TMPDIR points at it until ``close``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def open(cls) -> PrivateTemp:
        global _before
        base = ram_folder()
        if base is None:
            LOG.warning(
                "kiosk: no RAM file system found ($XDG_RUNTIME_DIR is not a tmpfs and /dev/shm is missing "
                "or not writable): while a handout prints, the printing system keeps a copy of it in %s, on "
                "disk, and a kiosk stopped mid-print leaves it there. Run the kiosk in a systemd login "
                "session (XDG_RUNTIME_DIR) or mount a tmpfs on /dev/shm; see packaging/kiosk/README.md.",
                tempfile.gettempdir(),
            )
            return cls(None)
        sweep(base)
        path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))  # (mode 0700)
        if not _open:
            _before = os.environ.get("TMPDIR")
        self = cls(path)
        _open.append(self)
        self._point(str(path))
        atexit.register(self.close)
        return self

    @staticmethod
    def _point(folder: str | None) -> None:
        if folder is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = folder  # (os.environ sets the C environment too: Qt and CUPS read it)
        tempfile.tempdir = None  # (Python's tempfile asks again)

    def close(self) -> None:
        """Remove the folder and everything in it; TMPDIR as it was (where nothing else changed it)."""
        if self.path is None or self not in _open:
            return
        _open.remove(self)
        if os.environ.get("TMPDIR") == str(self.path):
            self._point(str(_open[-1].path) if _open else _before)
        shutil.rmtree(self.path, ignore_errors=True)
        atexit.unregister(self.close)
