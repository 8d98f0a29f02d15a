"""Start the window: application names, content, the main window, the first page."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from . import code_cache, display  # noqa: F401  (code_cache first: it imports PySide6, see there)
from .settings import (
    APPLICATION,
    DESKTOP_FILE,
    ORGANISATION,
    builtin_content_dir,
    cache_dir,
    resources_dir,
)

_STARTED = time.perf_counter()


EXIT_ALREADY_OPEN = 4
HEADLESS = {"offscreen", "minimal"}  # Qt platforms with no screen anyone can see or click


def refuse_no_topics(root: Path) -> int:
    """Say that the content folder has no topics (rather than open an empty window), and end."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "App",
        "There are no topics to show in {0}. A content folder holds its pages as Markdown files (.md), in a "
        "folder named \u201ctopics\u201d. To see what is wrong with it, run: sbc-desktop check {0}",
    ).format(root)
    _tell(QCoreApplication.translate("App", "No topics"), text)
    return 2


def _tell(title: str, text: str) -> None:
    """``text`` on stderr and, where there is a screen, in a box (with no display, a box would wait for a
    click nobody can make)."""
    from PySide6.QtGui import QGuiApplication

    print(f"sbc-desktop: {text}", file=sys.stderr)
    if QGuiApplication.platformName() not in HEADLESS:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text)
        box.exec()


def refuse_second_window(holder=None) -> int:
    """Say that the guide is open already (one window keeps the notes), and end. ``holder``
    (notes_lock.Holder) says where. With no display to show a message on, the message goes to
    stderr only: a box there would wait for a click nobody can make."""
    from PySide6.QtCore import QCoreApplication

    if holder is not None and not holder.this_computer:
        text = QCoreApplication.translate(
            "App",
            "The guide is already open on another computer ({0}), and keeps your notes there. Please close "
            "it there first. If that computer was switched off without closing the guide, the guide opens "
            "here again about 10 minutes later.",
        ).format(holder.host or "?")
    else:
        text = QCoreApplication.translate(
            "App",
            "The guide is already open on this computer. Please use the window that is open, "
            "so that your notes are kept in one place.",
        )
    _tell(QCoreApplication.translate("App", "Already open"), text)
    return EXIT_ALREADY_OPEN


def collect_after_first_paint(window, fallback_ms: int = 5000) -> None:
    """Start-up makes many objects and almost no garbage: the collector waits until the first
    page is on screen (about 25 ms less before it), then the objects that live as long as the
    window are set aside from future collections (collector.settle). A window that never paints
    still collects."""
    from PySide6.QtCore import QTimer

    from .collector import settle

    def collect() -> None:
        if not gc.isenabled():
            settle()

    window.after_first_paint.call(collect)
    # (with the window: one deleted first, a test's, set the collector of whatever ran 5 s later)
    QTimer.singleShot(fallback_ms, window, collect)


def take_when_arrived(window, arrival, wanted: str | None, say_ready: bool = True) -> None:
    """A start of a large folder: the window takes the whole library when it arrives. The
    library just read is set aside from collections first (collector.settle): it was read with the
    collector paused, so the next collection would walk all of it, in the middle of the window
    taking it; then again with what the window made of it."""
    from .collector import settle

    def take(full) -> None:
        settle()
        window.take_library(full, wanted, say_ready=say_ready)
        settle()

    arrival.setParent(window)
    arrival.arrived.connect(take)


def run_gui(
    content: Path | None, topic: str | None, kiosk: bool = False, lang: str | None = None, platform: str | None = None
) -> int:
    gc.disable()  # until the first paint: see collect_after_first_paint
    try:
        return _run_gui(content, topic, kiosk, lang, platform)
    finally:
        gc.enable()


def _run_gui(content: Path | None, topic: str | None, kiosk: bool, lang: str | None, platform: str | None) -> int:
    from .kiosk.config import ConfigError, config_path, load_config

    path = config_path()
    try:
        config = load_config(path) if (kiosk or path) else None
    except ConfigError as exc:  # refuse to start at all rather than half-locked
        print(f"sbc-desktop: {exc}", file=sys.stderr)
        return 2
    qt_argv = sys.argv[:1] + (["-platform", platform] if platform else [])  # what Qt is given
    display.preflight(qt_argv)
    display.install_fatal_handler(qt_argv)
    if config is not None and config.on_screen_keyboard:  # where installed: chosen before Qt starts
        from .kiosk import keyboard

        keyboard.prepare()

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .content.loader import load_library
    from .notes import NotesStore
    from .settings import Settings, data_dir
    from .ui.appearance import Appearance
    from .ui.main_window import MainWindow
    from .ui.qt_app import application

    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = application() if QApplication.instance() is not None else QApplication(qt_argv)
    from . import translations

    # The system's language (or --lang), before any window or translated string is made.
    translations.install(lang, cache=None if config is not None else cache_dir())
    QApplication.setApplicationDisplayName(QCoreApplication.translate("App", "Secondary Breast Cancer Guide"))
    QApplication.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sbc-desktop.svg")))

    from .packs.installed import active_content_dir

    # The parsed content is kept in the cache folder for the next start; not at a kiosk (nothing on disk).
    root = content or active_content_dir(builtin_content_dir())
    arrival = None  # a first start of a large folder: the rest of the library, on its way
    settings: Settings | None = None
    if config is not None:
        library = load_library(root, check_links=False, cache_dir=None, shipped=True)  # nothing written
    else:
        from .ui.library_arrival import open_library

        settings = Settings.open()
        settings.hold_writes()  # written once the first page is on screen (below): not before it
        last = settings.last_page()  # (a second start of a large folder reads only the first page's topic)
        library, arrival = open_library(
            root, cache_dir(), topic, last[6:].split("#")[0] if last[:6] == "topic:" else None
        )
    if library.complete and not library.topics:  # a mistyped --content, or an empty folder: not an empty window
        return refuse_no_topics(library.root)
    if topic and library.complete and library.topic(topic) is None:
        print(f"sbc-desktop: there is no topic '{topic}'; opening the welcome page", file=sys.stderr)
    if config is not None:
        # The kiosk writes nothing: no settings, no notes file, the search index in memory.
        from .ui.kiosk import make_kiosk

        window, controller = make_kiosk(library, config)
        if topic:
            window.open_start_page(topic)
        controller.show_kiosk()
        from .ui.quit_signals import QuitSignals

        def stopped(number: int) -> None:  # shut-down, `systemctl stop`, a kill
            controller.exit_kiosk()  # (its temporary folder removed, as when staff leave)
            app.exit(128 + number)  # not 0 (a staff exit): the services start it again unless stopping

        QuitSignals(stopped, window)
    else:
        assert settings is not None
        notes = NotesStore(data_dir() / "appointment-notes.json")
        if not notes.lock():  # two windows would overwrite each other's notes
            return refuse_second_window(notes.holder)
        window = MainWindow(
            library, settings, cache_dir(), notes, Appearance(*settings.appearance(), reading=settings.reading_style())
        )
        if arrival is not None:
            wanted = f"topic:{topic}" if topic else settings.last_page()
            quiet = arrival.after_paint  # a second start: its topics were all there last time
            take_when_arrived(window, arrival, wanted, say_ready=not quiet)
        window.open_start_page(topic if library.complete or library.topic(topic or "") else None)
        window.show()
        from .ui.background_render import BackgroundRender

        # Once the window is up: every topic rendered into the cache, so later switches read HTML.
        prerender = BackgroundRender(library.root, cache_dir(), window)
        if arrival is not None:  # a first start: after the library has been read (not a second read beside it)
            arrival.arrived.connect(lambda _library: prerender.start_later())
            if arrival.after_paint:  # a second start: the rest of the library once the first page is up
                # (on the turn after: the collector has set the window's objects aside first; see collector)
                window.after_first_paint.call(lambda: QTimer.singleShot(0, arrival.start))
                QTimer.singleShot(5000, arrival.start)  # (a window that is never painted still gets it)
        else:
            window.after_first_paint.call(prerender.start_later)

        # What this start compiled from source (PySide6's support modules, data classes), for the next one.
        def keep_code() -> None:
            code_cache.save(cache_dir())

        window.after_first_paint.call(keep_code)
        app.aboutToQuit.connect(keep_code)  # (a window closed before that)
        window.after_first_paint.call(settings.write_held)  # (the theme, the text size, the page opened)
        app.aboutToQuit.connect(settings.write_held)
        from .ui.quit_signals import QuitSignals

        # Log-out, shut-down, Ctrl+C: save the notes, then go (there is no one to ask).
        QuitSignals(lambda _number: window.quit_saving(), window)
        app.aboutToQuit.connect(window.save_notes_now)
    display.window_opened()
    collect_after_first_paint(window)

    if os.environ.get("SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT"):
        # For benchmarks/: time from process start to the first page on screen.
        # A first start that left the rest of the library to arrive also says when all of it is in.
        from .memory import pss_kb

        def report(what: str) -> None:
            took = time.perf_counter() - _STARTED
            # What was read (benchmarks check their workload) and the memory it took.
            print(f"{what} {took:.4f} topics={len(library.topics)} pss_kb={pss_kb()}", flush=True)

        def all_in(_library) -> None:  # after the window has taken it (connected first)
            report("library-complete")
            app.quit()

        if arrival is not None:
            arrival.arrived.connect(all_in)

        class _FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt override
                if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                    self.done = True
                    report("first-paint")
                    if library.complete:
                        app.quit()
                return False

        watcher = _FirstPaint(window)
        window.reader.viewport().installEventFilter(watcher)

    return app.exec()
