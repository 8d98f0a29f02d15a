"""Notes are never lost: steady typing, kill -9, SIGTERM, a second window, a full disk, odd files."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QSaveFile, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sbc_desktop import app as app_module
from sbc_desktop import disk, notes, storage
from sbc_desktop.content.loader import load_library
from sbc_desktop.notes import AppointmentNotes, DebouncedSaver, NotesError, NotesStore
from sbc_desktop.ui.main_window import MainWindow
from tests.conftest import REPO


class FullDisk(QSaveFile):
    """A save that fails as it does when the disk is full (Qt says only "Unknown error")."""

    def write(self, data):  # noqa: D102
        return -1


def full_disk(monkeypatch):
    monkeypatch.setattr(storage, "QSaveFile", FullDisk)
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _path: type("U", (), {"free": 0})())


def test_a_full_disk_is_said_in_plain_words(tmp_path, monkeypatch):
    full_disk(monkeypatch)
    with pytest.raises(NotesError, match="^The disk is full") as info:
        NotesStore(tmp_path / "notes.json").save(AppointmentNotes(notes="x"))
    assert "Unknown error" not in str(info.value)


def test_steady_typing_is_saved_within_a_few_seconds(qtbot, tmp_path):
    store = NotesStore(tmp_path / "notes.json")
    saver = DebouncedSaver(store, AppointmentNotes(), delay_ms=600, max_wait_ms=1000)
    typed = []

    def type_a_letter():  # a steady typist: a letter every 100 ms, never a 600 ms pause
        typed.append("a")
        saver.notes.notes = "".join(typed)
        saver.schedule()

    typist = QTimer()
    typist.timeout.connect(type_a_letter)
    typist.start(100)
    started = time.monotonic()
    with qtbot.waitSignal(saver.saved, timeout=5000):
        pass
    typist.stop()
    assert time.monotonic() - started < 2.5
    assert len(json.loads(store.path.read_text("utf-8"))["notes"]) >= 5


def test_notes_survive_kill_9_while_typing(tmp_path):
    path = tmp_path / "notes.json"
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication, QTimer
        from sbc_desktop.notes import AppointmentNotes, DebouncedSaver, NotesStore
        app = QCoreApplication([])
        saver = DebouncedSaver(NotesStore(Path({str(path)!r})), AppointmentNotes(), max_wait_ms=500)
        def type_a_letter():
            saver.notes.notes += "a"
            saver.schedule()
        timer = QTimer()
        timer.timeout.connect(type_a_letter)
        timer.start(50)
        app.exec()
        """
    )
    typist = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (path.exists() and len(path.read_bytes()) > 60):
            time.sleep(0.05)  # polling the file a killed process leaves: there is no signal to await
        typist.send_signal(signal.SIGKILL)
    finally:
        typist.wait(10)
    saved = json.loads(path.read_text("utf-8"))  # whole, readable JSON after kill -9
    assert set(saved["notes"]) == {"a"} and len(saved["notes"]) >= 5


@pytest.mark.timeout(180)  # (a whole start, typing and a save: 49 s at load 9-12 on 2 cores, against 60)
def test_sigterm_saves_the_last_edit_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               SBC_DESKTOP_CONFIG="")  # fmt: skip
    script = textwrap.dedent(
        """
        import os, signal, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        def type_then_log_out():
            window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
            window.appointment_dock.show()
            QTest.keyClicks(window.appointment.notes_edit, "Ask about my hip")
            os.kill(os.getpid(), signal.SIGTERM)  # at once: well inside the 600 ms pause
        QTimer.singleShot(300, type_then_log_out)
        from sbc_desktop.app import run_gui
        sys.exit(run_gui(None, None))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=160)  # fmt: skip
    assert result.returncode == 0, result.stderr
    saved = next((tmp_path / "data").rglob("appointment-notes.json"))
    assert json.loads(saved.read_text("utf-8"))["notes"] == "Ask about my hip"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_a_second_window_is_refused_in_plain_words(qapp, tmp_path, monkeypatch, capsys):
    first = NotesStore(tmp_path / "appointment-notes.json")
    assert first.lock()
    assert not NotesStore(tmp_path / "appointment-notes.json").lock()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(app_module, "HEADLESS", set())  # as on a real display
    monkeypatch.setattr("sbc_desktop.settings.data_dir", lambda: tmp_path)
    monkeypatch.delenv("SBC_DESKTOP_CONFIG", raising=False)
    monkeypatch.setattr("sbc_desktop.kiosk.config.SYSTEM_CONFIG", tmp_path / "no-kiosk.toml")
    assert app_module.run_gui(None, None) == app_module.EXIT_ALREADY_OPEN
    assert shown and "already open" in shown[0]
    assert "already open" in capsys.readouterr().err
    first.unlock()
    assert NotesStore(tmp_path / "appointment-notes.json").lock()  # free again once the first closes


def test_closing_asks_before_dropping_unsaved_notes(qtbot, tmp_path, monkeypatch):
    window = MainWindow(load_library(REPO / "resources" / "content"), None, None, NotesStore(tmp_path / "n.json"))
    qtbot.addWidget(window)
    window.show()
    window.appointment_dock.show()
    full_disk(monkeypatch)
    qtbot.keyClicks(window.appointment.notes_edit, "Pain at night")
    with qtbot.waitSignal(window.saver.failed, timeout=5000):
        pass
    assert "The disk is full" in window.statusBar().currentMessage()

    def answer(name, then=None, tries=300):
        def click(tries=tries):
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):  # not on screen yet
                if tries:
                    QTimer.singleShot(10, lambda: click(tries - 1))
                return
            assert "could not be saved" in box.text() and "disk is full" in box.informativeText()
            if then:
                then()
            qtbot.mouseClick(box.findChild(type(box.buttons()[0]), name), Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)

    answer("cancel")
    window.close()
    assert window.isVisible()  # kept open: nothing lost
    # "Try again" while the disk is still full asks again; once there is space it saves and closes.
    answer("retry", then=lambda: answer("retry", then=monkeypatch.undo))
    window.close()
    assert not window.isVisible()
    assert json.loads((tmp_path / "n.json").read_text("utf-8"))["notes"] == "Pain at night"


@pytest.mark.parametrize("text", ["{ not json", "[1, 2]", '{"notes": 5}', '{"ticked": "x"}', '{"something": "else"}',
                                  "\udcff"])  # fmt: skip
def test_damaged_or_unexpected_files_are_set_aside_under_unique_names(tmp_path, text):
    path = tmp_path / "notes.json"
    asides = set()
    for _ in range(2):  # twice in the same second: two files, neither overwritten
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        store = NotesStore(path)
        assert store.load() == AppointmentNotes()
        assert store.set_aside is not None and store.set_aside.read_bytes() == text.encode("utf-8", "surrogateescape")
        asides.add(store.set_aside)
        store.save(AppointmentNotes(notes="new"))
    assert len(asides) == 2


def test_unknown_fields_are_kept_and_files_are_private(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"version": 1, "notes": "mine", "medicines": [{"name": "X", "when": "9am"}]}), "utf-8")
    os.chmod(path, 0o644)
    store = NotesStore(path)
    loaded = store.load()
    loaded.notes += " and more"
    store.save(loaded)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["medicines"] == [{"name": "X", "when": "9am"}] and saved["notes"] == "mine and more"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.kept_copy is None  # same version: nothing to copy


def test_a_file_from_a_newer_version_is_kept_as_it_was(tmp_path):
    path = tmp_path / "notes.json"
    original = json.dumps({"version": 9, "notes": "mine", "new_thing": True})
    path.write_text(original, "utf-8")
    store = NotesStore(path)
    assert store.load().notes == "mine"
    assert store.kept_copy is not None and store.kept_copy.read_text("utf-8") == original


def test_a_notes_path_that_never_ends_is_read_boundedly(tmp_path, monkeypatch):
    monkeypatch.setattr(notes, "MAX_NOTES_BYTES", 1000)
    big = tmp_path / "notes.json"
    big.write_text('{"notes": "' + "x" * 5000 + '"}', "utf-8")
    store = NotesStore(big)
    assert store.load() == AppointmentNotes() and store.set_aside is not None
    store = NotesStore(tmp_path / "dev-zero")
    os.symlink("/dev/zero", store.path)
    assert store.load() == AppointmentNotes()  # at once, not 4 GB later
    assert store.set_aside is not None and store.set_aside.is_symlink()  # the link is set aside
    store.save(AppointmentNotes(notes="x"))
    assert store.path.is_file() and not store.path.is_symlink()


def test_a_window_that_was_killed_does_not_keep_the_notes_locked(tmp_path):
    path = tmp_path / "appointment-notes.json"
    holder = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from sbc_desktop.notes import NotesStore
        store = NotesStore(Path({str(path)!r}))
        assert store.lock()
        os.kill(os.getpid(), 9)
        """
    )
    assert subprocess.run([sys.executable, "-c", holder], cwd=REPO, timeout=60).returncode == -9
    assert path.with_name(path.name + ".lock").exists()  # left behind by the killed window
    store = NotesStore(path)
    assert store.lock()  # a lock whose process is gone is taken over
    store.unlock()


@pytest.mark.parametrize("left", [b"", b"\x00\x00garbage", b"not a number\n"])
def test_a_lock_file_left_half_written_does_not_keep_every_later_window_out(tmp_path, left):
    """A window killed (or a disk that filled) while the lock was written leaves a lock that names no
    process: QLockFile never finds it stale, and every later start said "already open"."""
    path = tmp_path / "appointment-notes.json"
    lock_file = path.with_name(path.name + ".lock")
    lock_file.write_bytes(left)
    store = NotesStore(path)
    assert store.lock()
    assert lock_file.read_text("utf-8").split()[0] == str(os.getpid())  # now this window's
    assert not NotesStore(path).lock()  # and it keeps a second window out
    store.unlock()
    assert not lock_file.exists()


def test_a_running_window_keeps_the_notes_even_when_its_lock_file_is_damaged(tmp_path):
    """Taking over a lock that names no process never lets two running windows write the notes:
    the window holding it keeps a lock of the system's on the file."""
    path = tmp_path / "appointment-notes.json"
    holder = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from sbc_desktop.notes import NotesStore
        store = NotesStore(Path({str(path)!r}))
        print(store.lock(), flush=True)
        sys.stdin.readline()  # held until told to stop
        store.unlock()
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as running:
        try:
            assert running.stdout is not None and running.stdout.readline().strip() == "True"
            lock_file = path.with_name(path.name + ".lock")
            with open(lock_file, "r+b") as damaged:
                damaged.truncate(0)  # the file names no process now, but its window is still open
            assert not NotesStore(path).lock()
            assert lock_file.exists()
        finally:
            assert running.stdin is not None
            running.stdin.write("\n")
            running.stdin.flush()
        assert running.wait(timeout=60) == 0
    store = NotesStore(path)
    assert store.lock()  # free once that window has closed
    store.unlock()
