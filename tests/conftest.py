"""Every test runs offscreen with its own home, config and data folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from sbc_desktop import quick_enums
from sbc_desktop.settings import builtin_content_dir
from tests.helpers import TODAY

# Qt's enum classes made as every start makes them (code_cache.import_pyside), where this Python allows it: the
# suite tests the classes the app uses (a key's modifiers, focus policies, window flags are such classes).
quick_enums.install()

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
# How long a wait with no timeout of its own waits for what it waits for (pytest-qt's default: 5 s). A wait
# ends as soon as its signal comes or its state holds, so this is only how long a test takes to fail: on a
# 2-core CI machine under load, work that takes a second on a quiet one took more than 5 s, and the test
# failed though nothing was wrong. How fast things are is for benchmarks/, not for a test's waits.
WAIT_MS = 30_000


def _waits_without_a_timeout_wait_longer() -> None:
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:
        return
    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive"):
        defaults = getattr(QtBot, name).__kwdefaults__
        if defaults and "timeout" in defaults:
            defaults["timeout"] = WAIT_MS


_waits_without_a_timeout_wait_longer()


@pytest.fixture(autouse=True)
def long_pages_whole(monkeypatch):
    """Long pages shown whole, as before they were read in parts: the tests of the reader's long pages (in pieces,
    built off screen, laid out in steps: what a long part still goes through) keep their long pages. The tests of
    reading parts take `in_parts` (tests/ui/conftest.py)."""
    from sbc_desktop.content import reading_parts

    monkeypatch.setattr(reading_parts, "PART_BUDGET", float("inf"))


def pytest_addoption(parser):
    parser.addoption("--full-corpus", action="store_true", help="also run the corpus_full tests (minutes)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--full-corpus"):
        return
    skip = pytest.mark.skip(reason="the whole corpus takes minutes: run with --full-corpus")
    for item in items:
        if "corpus_full" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Every test lives on the same day (tests.helpers.TODAY), whatever the calendar says.

    The app reads the date only through ``sbc_desktop.clock.today``; the suite passes with
    the system clock set years ahead (see the README's "Tests that do not rot").
    """
    from sbc_desktop import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture(autouse=True)
def pages_parsed_in_go(monkeypatch):
    """A long topic is parsed in the reader's worker thread (reader.BUILD_CHARS) and says
    "Loading..." until then. Tests read a page right after opening it: here every page is
    parsed in go(), as a short one is. tests/ui/test_page_builds.py checks the worker's path.
    """
    monkeypatch.setattr("sbc_desktop.ui.reader.BUILD_CHARS", 10**9)
    monkeypatch.setattr("sbc_desktop.content.render.SMALL_GLOSSARY", 10**9)  # (a large glossary's first parse)


@pytest.fixture(autouse=True)
def windows_go_with_their_test():
    """The windows a test leaves are deleted as it ends (pytest-qt only asks for that, and the asking
    was carried out at some later test's first wait). Left, each one was re-polished by the next
    window's application-wide style: about half of a kiosk test's time, and other tests' windows
    were still there, hidden, while a test ran."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory, monkeypatch):
    """Send every data, config and cache folder to a temporary place."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):  # fmt: skip
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    # (the built-in pages an install rendered: none, whatever this checkout holds; and none written into it)
    monkeypatch.setenv("SBC_DESKTOP_INSTALLED_PAGES", str(home / "no-installed-pages"))
    monkeypatch.setenv("SBC_DESKTOP_INSTALLED_NOTE", str(home / "no-installed-note"))  # (and no note of its files)
    try:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / ".config"))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / ".config"))
    except ImportError:
        pass
    return home


@pytest.fixture(scope="session")
def builtin_dir() -> Path:
    return builtin_content_dir()


@pytest.fixture
def content_copy(tmp_path, builtin_dir) -> Path:
    """A writable copy of the built-in content, to break in a test."""
    target = tmp_path / "content"
    shutil.copytree(builtin_dir, target)
    return target
