from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QTextCursor

from sbc_desktop.content.loader import load_library
from sbc_desktop.settings import Settings
from sbc_desktop.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def library(builtin_dir):
    return load_library(builtin_dir)


@pytest.fixture(autouse=True)
def speech_helpers_end(monkeypatch):
    """Every speech helper process a test starts (ui/speech_engine.py) has ended when the test ends.

    The helper ends when its engine object is deleted, and a test's window is only deleted later
    (pytest-qt's deleteLater, run at some later test's event loop): a helper left opening a real
    engine, or one that never answers, lived on into other tests and past the suite."""
    import shiboken6

    from sbc_desktop.ui import speech_engine

    started = []
    real_init = speech_engine.ProcessSpeechEngine.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append((self, self._process))

    monkeypatch.setattr(speech_engine.ProcessSpeechEngine, "__init__", init)
    yield started
    for engine, process in started:
        if shiboken6.isValid(engine):
            engine.close()  # as the window's quit does
        if shiboken6.isValid(process):
            if process.state() != process.ProcessState.NotRunning:
                process.waitForFinished(10_000)  # killed: gone as soon as the system has reaped it
            assert process.state() == process.ProcessState.NotRunning, "a speech helper did not end"


@pytest.fixture(autouse=True)
def kiosk_temp_folders_end():
    """A kiosk's temporary folder in memory (kiosk/private_tmp.py) is gone, and TMPDIR as it was,
    when the test ends: the kiosk removes it when staff end it or its window is deleted, and a
    test's window is deleted only later (see speech_helpers_end)."""
    from sbc_desktop.kiosk import private_tmp

    yield
    for temp in list(private_tmp._open):
        temp.close()


@pytest.fixture
def screen_held_till_the_place(monkeypatch):
    """A page shown again (or dragged to) leaves the screen as it was until it is at its place, however long
    the layout's steps down to there take. Tests that make those steps tiny take this: at load 10 the steps
    took longer than the app's cap (reader.PAINT_HELD_MS, for a real page on a slow machine), and the screen
    was shown before the place was reached (a scroll bar at 0, or at 0.534 of the page for 0.5)."""
    from sbc_desktop.ui import reader

    monkeypatch.setattr(reader, "PAINT_HELD_MS", 600_000)  # (read as a reader is made: before the window)


def show_active(qtbot, window):
    """Show ``window`` and wait until it is on screen and active (keyboard shortcuts reach only the active window)."""
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot, library):
    win = MainWindow(library, settings=None)
    qtbot.addWidget(win)
    win.open_start_page()
    return show_active(qtbot, win)


@pytest.fixture
def settings(private_dirs):
    return Settings(QSettings(str(private_dirs / "settings.ini"), QSettings.Format.IniFormat))


def tree_rows(window) -> list[str]:
    """Every row of the topic list, in order: top-level rows, each followed by its topics."""
    tree = window.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        rows.append(item.text(0))
        rows += [item.child(j).text(0) for j in range(item.childCount())]
    return rows


def link_point(reader, href: str) -> QPoint:
    """The viewport point at the middle of the first link to ``href``."""
    doc = reader.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                reader.ensureCursorVisible()
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                rect = reader.cursorRect(cursor)
                return QPoint(rect.center().x() + 2, rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} on the page")


class Clock:
    """A monotonic clock a test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def files_under(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The temporary folder (/tmp) is this test's own, so that any temporary file the kiosk made,
    by Python or by Qt, would be seen here (the real /tmp is shared with other programs)."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QDir

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert Path(tempfile.gettempdir()) == temp and Path(QDir.tempPath()) == temp
    return temp


def end_session_writing_nothing(qtbot, window, controller, private_dirs, before, temp) -> None:
    """The session reset and the kiosk left: no file under HOME (but those there ``before``) or TMPDIR."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: window.search.is_ready)
    controller.reset()
    controller.exit_kiosk()
    QApplication.processEvents()
    assert files_under(private_dirs) == before
    assert not any(temp.rglob("*")), sorted(temp.rglob("*"))


@pytest.fixture
def kiosk(qtbot, library):
    """A kiosk window, shown and active, as a clinic starts it (no settings, no notes file)."""
    from sbc_desktop.kiosk.config import KioskConfig
    from sbc_desktop.kiosk.pin import hash_pin

    config = KioskConfig(idle_timeout=120, warning=30, staff_pin_hash=hash_pin("2468", n=2**10), clinic_name="Ward 3")
    window, controller = start_kiosk(qtbot, library, config)
    yield window, controller
    controller.exit_kiosk()


def start_kiosk(qtbot, library, config):
    """A kiosk window for ``config``, shown and active, as a clinic starts it."""
    from sbc_desktop.ui.kiosk import make_kiosk

    window, controller = make_kiosk(library, config, clock=Clock())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window, controller


def slow_layout(monkeypatch):
    """The handout is still being set out when the test looks at its progress line, however fast this
    machine is: its first step waits until ``release()`` (or Cancel), as a long handout on a slow machine
    would. Set out in pieces, the built-in handout took 0.1-0.3 s: on a quick run it could be set out
    before its line was due (``handout_job.SHOW_AFTER_MS``), or between the line showing and the test's
    look, and the test waited for a line that never came (session 32). Returns ``release``."""
    from sbc_desktop.handout.document import Stage
    from sbc_desktop.handout.export import Handout

    held = [True]
    real = Handout.documents_steps

    def documents_steps(self):
        while held[0]:
            yield Stage.LAYOUT, 0, 0
        return (yield from real(self))

    monkeypatch.setattr(Handout, "documents_steps", documents_steps)
    return lambda: held.__setitem__(0, False)


def slow_printer(monkeypatch, page: int = 3):
    """The printer takes its time: from ``page`` on it stays there until ``release()`` (or until the
    print is cancelled). Handouts are set out before the print dialog, so their pages alone go quickly:
    on a busy machine a whole print could end between two looks at it, before its progress line and
    Cancel were ever seen (CI, after session 27). Returns ``release``."""
    from sbc_desktop.handout.document import Stage
    from sbc_desktop.handout.export import Handout

    real = Handout.paint_steps
    held = [True]

    def paint_steps(self, device):
        steps = real(self, device)
        try:
            while True:
                try:
                    step = next(steps)
                except StopIteration as end:
                    return end.value
                yield step
                while held[0] and step[0] is Stage.PAGES and step[1] >= page:
                    yield step
        finally:
            steps.close()  # Cancel: the real steps end their painter

    monkeypatch.setattr(Handout, "paint_steps", paint_steps)
    return lambda: held.__setitem__(0, False)


@pytest.fixture
def in_parts(monkeypatch):
    """Long pages cut in reading parts by the app's own budget (the suite's other tests show them whole)."""
    from sbc_desktop.content import reading_parts

    monkeypatch.setattr(reading_parts, "PART_BUDGET", reading_parts.APP_PART_BUDGET)
