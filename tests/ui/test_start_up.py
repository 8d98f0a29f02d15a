"""Start-up: what waits until the first page is on screen comes back just after it."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest

from sbc_desktop.app import collect_after_first_paint
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active


@contextmanager
def collector_paused():
    """As run_gui starts: no collections; afterwards the collector as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_garbage_is_collected_again_once_the_first_page_is_painted(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window, fallback_ms=600_000)  # (not the fallback: the first paint)
        window.open_start_page("what-is-it")
        assert not gc.isenabled(), "nothing is collected before the page is on screen"
        window.show()
        # At the first paint, however long a loaded machine takes to paint (a fallback of 3 s told them apart)
        qtbot.waitUntil(gc.isenabled, timeout=30_000)
        assert window.reader.current_url() == "topic:what-is-it"


def test_a_window_that_never_paints_still_collects(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window, fallback_ms=50)  # never shown
        qtbot.waitUntil(gc.isenabled, timeout=30_000)


def test_a_windows_fallback_collection_goes_with_the_window(qtbot, library):
    """A window deleted before its fallback (a test's window) left its timer: 5 s later it set the collector
    going, and its objects aside, in whatever test ran then (test_collector failed so under load)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    with collector_paused():
        window = MainWindow(library, settings=None)
        collect_after_first_paint(window, fallback_ms=100)  # never shown
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(400)  # (timers fire in order: the fallback's would have by now)
        assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_a_start_shows_a_long_first_page_from_the_disk_cache_at_once_without_the_renderer(qtbot, tmp_path, monkeypatch):
    """A second start: the first page (a long one) is read back from the rendered-page cache and shown
    whole at once, never "Loading this page…"; the Markdown parser and the renderer are made only when
    another page needs them."""
    from sbc_desktop.content import prerender
    from sbc_desktop.content.loader import load_library
    from tests.helpers import make_content, renderers_made
    from tests.ui.test_switching import long_body

    root = make_content(tmp_path / "content", {"long": long_body(), "short": "A short page about **rest**."})
    prerender.prerender(root, tmp_path / "cache")  # as the first start left it
    made = renderers_made(monkeypatch)
    window = MainWindow(load_library(root, check_links=False), settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.open_start_page("long")
    window.show()
    qtbot.waitExposed(window)
    assert "Loading this page" not in window.reader.toPlainText()
    window.reader.ensure_complete()
    assert "zebrafinch" in window.reader.toPlainText() and not made  # the whole page, and no renderer
    window.reader.go("topic:short")
    qtbot.waitUntil(lambda: "A short page about rest." in window.reader.toPlainText())
    assert len(made) == 1  # another page: the renderer, once


def test_the_panes_are_made_where_they_are_shown_in_their_order(qtbot, library):
    """Building the window moves no pane into another (a widget moved is styled and resolved again with
    all of its own: about 15 ms of a start); the panes are in the same order as they are shown, for a
    screen reader too, and Tab goes through them as before."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    moved: list[str] = []

    class Moves(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.ParentChange and isinstance(obj, QWidget) and obj.parent() is not None:
                moved.append(type(obj).__name__)
            return False

    watcher = Moves()
    QApplication.instance().installEventFilter(watcher)
    try:
        window = MainWindow(library, settings=None)
    finally:
        QApplication.instance().removeEventFilter(watcher)
    qtbot.addWidget(window)
    panes = {"NavTree", "Reader", "FindBar", "ReadAloudBar", "QSplitter"}
    assert panes.isdisjoint(moved), moved
    reading = window.reader.parentWidget()
    shown = [w for w in reading.children() if isinstance(w, QWidget)]
    assert shown == [window.read_aloud_bar, window.reader, window.find_bar]
    assert [window.splitter.widget(i) for i in range(window.splitter.count())] == [window.tree, reading]
    assert window.centralWidget() is window.splitter.parentWidget()
    window.open_start_page("what-is-it")
    show_active(qtbot, window)
    window.tree.setFocus()
    order = [window.focusWidget()]
    for _ in range(3):
        window.focusNextChild()
        order.append(window.focusWidget())
    assert order[:2] == [window.tree, window.reader]


UNNAMED = ("QWizard", "QMdiArea", "QCalendarWidget", "QLCDNumber")  # QWidget classes sbc-desktop never names
# nothing at the first paint needs them
UNNEEDED = ("html", "html.entities", "sbc_desktop.ui.search_panel", "signal", "hashlib", "_hashlib")

# A start to its first page on screen, as a user's (offscreen): which of UNNAMED PySide6 made by then, and
# which of UNNEEDED were imported.
FIRST_PAINT = f"""
import builtins, json, os, runpy, sys
said = builtins.print
def at_paint(*args, **kwargs):
    if args and str(args[0]).startswith("first-paint"):
        from PySide6 import QtWidgets
        made = [name for name in {UNNAMED!r} if name in vars(QtWidgets)]
        said(json.dumps([made, [name for name in {UNNEEDED!r} if name in sys.modules]]), flush=True)
        os._exit(0)
    return said(*args, **kwargs)
builtins.print = at_paint
sys.argv = ["sbc_desktop", "--topic", "what-is-it"]
runpy.run_module("sbc_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.fixture(scope="module")
def at_first_paint(tmp_path_factory):
    """(UNNAMED classes made, UNNEEDED modules imported) when a second start's first page is on screen
    (the first start, in the same home, rendered the page and kept it: as a user's second start)."""
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
    for name, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".data")):
        env[name] = str(home / folder)
    said = [
        subprocess.run([sys.executable, "-c", FIRST_PAINT], env=env, capture_output=True, text=True, timeout=50).stdout
        for _start in ("first", "second")
    ]
    return json.loads(said[-1].strip().splitlines()[-1])


def test_a_start_makes_no_qwidget_class_it_never_names(at_first_paint):
    """Python is handed the viewports Qt made (the page's, the topics') by name before anything asks
    for them by type: asked by type, PySide6 makes every QWidget class of QtWidgets first to find the
    most derived one (about 45 classes with their enums, 2 % of a start's instructions)."""
    assert at_first_paint[0] == []


def test_a_start_imports_no_html_package_for_escaping(at_first_paint):
    """``html.escape`` would load HTML5's character names (``html.entities``): 1 % of a start (escape.py)."""
    assert {"html", "html.entities"}.isdisjoint(at_first_paint[1])


def test_a_start_imports_only_the_search_field_and_no_signal_enums(at_first_paint):
    """The results panel (its list, delegate and who-to-ask modules) is imported at the first search,
    not for the toolbar's field (search_field.py); the quit signals are set with ``_signal``, without
    the three enum classes Python's ``signal`` makes (quit_signals.py)."""
    assert {"sbc_desktop.ui.search_panel", "signal"}.isdisjoint(at_first_paint[1])


def test_a_start_loads_no_openssl(at_first_paint):
    """What a start hashes before its first paint (its caches' keys, a few KB) is hashed by Python's own
    SHA-256 and BLAKE2b (digests.py): importing hashlib loads OpenSSL, about 1.5 % of a start."""
    assert {"hashlib", "_hashlib"}.isdisjoint(at_first_paint[1])


def test_a_viewport_handed_over_by_name_is_the_one_qt_shows(qtbot, library):
    from PySide6.QtWidgets import QTextBrowser, QWidget

    from sbc_desktop.ui.qt_made import VIEWPORT, take_viewport

    area = QTextBrowser()
    qtbot.addWidget(area)
    take_viewport(area)
    viewport = area.viewport()
    assert type(viewport) is QWidget and viewport.objectName() == VIEWPORT
    assert area.findChild(QWidget, VIEWPORT) is viewport
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    window.open_start_page("what-is-it")
    show_active(qtbot, window)
    for pane in (window.reader, window.tree):
        assert pane.viewport().objectName() == VIEWPORT and pane.viewport().isVisible()


# A first start (an empty home) that stays open: whether its settings file was written when its first page
# was painted, and what it holds once the work waiting for the first paint (after_first_paint) has been done.
SETTINGS_AT_PAINT = """
import json, os, runpy, sys
from PySide6.QtCore import QEvent, QObject
from sbc_desktop import app
conf = os.environ["SETTINGS_FILE"]
seen = []
class AtPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(os.path.exists(conf))
        return False
def report():
    print(json.dumps([seen[0], open(conf).read() if os.path.exists(conf) else ""]), flush=True)
    os._exit(0)
as_it_was = app.collect_after_first_paint
def collect_after_first_paint(window, *args):  # (called once the window is made and shown)
    window.reader.viewport().installEventFilter(AtPaint(window))
    window.after_first_paint.call(report)  # (after what the start asked for)
    as_it_was(window, *args)
app.collect_after_first_paint = collect_after_first_paint
sys.argv = ["sbc_desktop", "--topic", "what-is-it"]
runpy.run_module("sbc_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.mark.timeout(180)
def test_a_start_writes_its_settings_once_its_first_page_is_on_screen(tmp_path):
    """The theme, the text size and the page opened are set before the first paint; their file (a lock
    file, the file, a wait for the disk for each) is written just after it, and when a start quits."""
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    for name, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".data")):
        env[name] = str(tmp_path / folder)
    conf = tmp_path / ".config" / "sbc-desktop" / "sbc-desktop.conf"
    run = [sys.executable, "-c", SETTINGS_AT_PAINT]
    said = subprocess.run(run, env=dict(env, SETTINGS_FILE=str(conf)), capture_output=True, text=True, timeout=150)
    said = said.stdout
    at_paint, after = json.loads(said.strip().splitlines()[-1])
    assert at_paint is False  # nothing written before the first page was on screen
    assert "last_page=topic:what-is-it" in after and "theme=system" in after
    conf.unlink()
    quits = [sys.executable, "-m", "sbc_desktop", "--topic", "get-help-now"]
    env["SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT"] = "1"  # (it quits as its first page is painted)
    assert subprocess.run(quits, env=env, capture_output=True, timeout=150).returncode == 0
    assert "last_page=topic:get-help-now" in conf.read_text()  # a start that quits writes them too


def test_held_settings_are_read_back_at_once_and_written_when_let_go(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QSettings

    from sbc_desktop.settings import HeldStore, Settings

    path = tmp_path / "held.ini"
    settings = Settings(HeldStore(str(path), QSettings.Format.IniFormat))
    settings.hold_writes()
    settings.set_last_page("topic:a")
    QCoreApplication.processEvents()  # (where Qt would write it)
    assert settings.last_page() == "topic:a" and not path.exists()
    settings.write_held()
    assert "last_page=topic:a" in path.read_text()
    settings.set_last_page("topic:b")
    QCoreApplication.processEvents()  # not held now: written as Qt writes it
    assert "last_page=topic:b" in path.read_text()
