"""The notes' lock: a lock left by a window that has gone never keeps the guide out for good
(a process ID reused by another program, a lock written on another computer), a running
window always does, and with no display the "already open" message cannot hang the start."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from PySide6.QtCore import QSysInfo

from sbc_desktop import notes_lock
from sbc_desktop.app import EXIT_ALREADY_OPEN
from sbc_desktop.notes import NotesStore
from sbc_desktop.notes_lock import STALE_AFTER_S, read_holder
from tests.conftest import REPO

HOLDER = """
import sys
from pathlib import Path
from sbc_desktop.notes import NotesStore
store = NotesStore(Path({path!r}))
print(store.lock(), flush=True)
sys.stdin.readline()  # held until told to stop
"""


def lock_file_of(path):
    return path.with_name(path.name + ".lock")


def killed_window_left_a_lock(path):
    """A window killed with kill -9 leaves its lock file behind, naming its process."""
    script = f"import os\nfrom pathlib import Path\nfrom sbc_desktop.notes import NotesStore\n" \
             f"store = NotesStore(Path({str(path)!r}))\nassert store.lock()\nos.kill(os.getpid(), 9)\n"  # fmt: skip
    assert subprocess.run([sys.executable, "-c", script], cwd=REPO, timeout=60).returncode == -9
    assert lock_file_of(path).exists()


def rewrite(lock_file, pid=None, host=None, machine=None):
    lines = lock_file.read_text("utf-8").split("\n")
    if pid is not None:
        lines[0] = str(pid)
    if host is not None:
        lines[2] = host
    if machine is not None:
        lines[3] = machine
    lock_file.write_text("\n".join(lines), "utf-8")


def test_a_process_id_reused_by_another_program_does_not_keep_the_notes_locked(tmp_path):
    """The killed window's process ID now belongs to another running Python program, on this
    computer, since the same start of it: QLockFile thinks its window is still open, forever."""
    path = tmp_path / "appointment-notes.json"
    killed_window_left_a_lock(path)
    with subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE) as other:
        try:
            rewrite(lock_file_of(path), pid=other.pid)  # as if the ID had been given to it
            holder = read_holder(lock_file_of(path))
            assert holder is not None and holder.pid == other.pid and holder.this_computer
            store = NotesStore(path)
            assert store.lock()
            assert not NotesStore(path).lock()  # and now it is ours: a second window is kept out
            store.unlock()
        finally:
            other.communicate("", timeout=60)


def test_a_lock_left_on_another_computer_is_taken_once_it_is_no_longer_refreshed(tmp_path):
    """A home folder on a network share: the other computer was switched off with the guide open."""
    path = tmp_path / "appointment-notes.json"
    killed_window_left_a_lock(path)
    lock_file = lock_file_of(path)
    rewrite(lock_file, host="ward-pc-7", machine="0123456789abcdef0123456789abcdef")
    store = NotesStore(path)
    assert not store.lock()  # refreshed just now, as far as anyone here can tell: it may be open
    assert store.holder is not None and store.holder.host == "ward-pc-7" and not store.holder.this_computer
    old = time.time() - STALE_AFTER_S - 60
    os.utime(lock_file, (old, old))
    assert store.lock()  # not refreshed for longer than a running window ever leaves it
    assert read_holder(lock_file).this_computer
    store.unlock()


def test_a_running_window_keeps_the_notes_whatever_its_lock_file_says(tmp_path):
    """Even a file that names another computer, untouched for an hour: its window holds the system's lock."""
    path = tmp_path / "appointment-notes.json"
    script = textwrap.dedent(HOLDER.format(path=str(path)))
    with subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as running:  # fmt: skip
        try:
            assert running.stdout is not None and running.stdout.readline().strip() == "True"
            lock_file = lock_file_of(path)
            with open(lock_file, "r+", encoding="utf-8") as stream:  # same file: the system's lock stays
                lines = stream.read().split("\n")
                lines[2], lines[3] = "ward-pc-7", "0123456789abcdef0123456789abcdef"
                stream.seek(0)
                stream.truncate()
                stream.write("\n".join(lines))
            old = time.time() - 3600
            os.utime(lock_file, (old, old))
            assert not NotesStore(path).lock()
            rewrite_pid = lines[:]
            rewrite_pid[2], rewrite_pid[3] = QSysInfo.machineHostName(), ""
            with open(lock_file, "r+", encoding="utf-8") as stream:
                stream.truncate()
                stream.write("\n".join([str(os.getppid())] + rewrite_pid[1:]))  # another live process
            assert not NotesStore(path).lock()
        finally:
            running.communicate("\n", timeout=60)
    store = NotesStore(path)
    assert store.lock()  # free once that window has closed
    store.unlock()


def test_a_running_window_refreshes_its_lock(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(notes_lock, "REFRESH_MS", 20)
    path = tmp_path / "appointment-notes.json"
    store = NotesStore(path)
    assert store.lock()
    old = time.time() - 3600
    os.utime(lock_file_of(path), (old, old))
    qtbot.waitUntil(lambda: lock_file_of(path).stat().st_mtime > old + 1800, timeout=5000)
    store.unlock()


def test_with_no_display_a_second_start_says_why_and_ends(tmp_path):
    """Offscreen, the "already open" box waited for a click nobody could make: the start never ended."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               SBC_DESKTOP_CONFIG="")  # fmt: skip
    env.pop("SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT", None)
    path = tmp_path / "data" / "sbc-desktop" / "appointment-notes.json"
    path.parent.mkdir(parents=True)
    script = textwrap.dedent(HOLDER.format(path=str(path)))
    with subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as running:  # fmt: skip
        try:
            assert running.stdout is not None and running.stdout.readline().strip() == "True"
            second = subprocess.run([sys.executable, "-m", "sbc_desktop"], cwd=REPO, env=env, capture_output=True,
                                    text=True, timeout=60)  # fmt: skip
        finally:
            running.communicate("\n", timeout=60)
    assert second.returncode == EXIT_ALREADY_OPEN, second.stderr
    assert "already open on this computer" in second.stderr
