"""A first start of a large folder: the first page at once, the rest of the library a moment later."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from sbc_desktop.content.loader import first_page_library, load_library, snapshot_library
from sbc_desktop.pages import HOME_URL
from sbc_desktop.ui import library_arrival
from sbc_desktop.ui.library_arrival import LibraryArrival, open_library
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import tree_rows


def part_window(qtbot, builtin_dir, topic_id):
    window = MainWindow(first_page_library(builtin_dir, topic_id), settings=None)
    qtbot.addWidget(window)
    window.open_start_page(topic_id)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_page_comes_alone_and_says_the_rest_is_loading(qtbot, builtin_dir, library):
    part = first_page_library(builtin_dir, "tests")
    assert not part.complete and list(part.topics) == ["tests"]
    assert part.topic("tests").title == library.topic("tests").title
    assert part.problems == []  # the whole load reports the folder's problems, once
    assert first_page_library(builtin_dir, "no-such-topic").topics == {}

    window = part_window(qtbot, builtin_dir, "tests")
    assert window.reader.current_url() == "topic:tests"
    assert "Tests you might have" in window.reader.toPlainText()
    assert "Loading topics..." in tree_rows(window)
    window.reader.go(HOME_URL)
    assert "Loading the list of topics..." in window.reader.toPlainText()

    qtbot.keyClicks(window.search_field, "scan")  # search waits for the whole library
    qtbot.waitUntil(lambda: window.search_panel.status.text() == "Getting search ready...")
    assert not window.search.is_ready and window.search._thread is None


def test_the_whole_library_arrives_in_every_pane(qtbot, builtin_dir, library):
    window = part_window(qtbot, builtin_dir, "tests")
    qtbot.keyClicks(window.search_field, "scan")
    links_before = window.reader.toHtml().count("term:")
    full = load_library(builtin_dir, check_links=False)
    with qtbot.waitSignal(window.search.ready, timeout=30000):  # the search that waited now runs
        window.take_library(full)
    assert window.library.complete and len(window.library.topics) == len(library.topics)
    rows = tree_rows(window)
    assert "Loading topics..." not in rows
    assert all(t.title in rows for t in library.ordered_topics())
    assert window.reader.current_url() == "topic:tests"  # the same page...
    assert window.reader.toHtml().count("term:") > links_before  # ...now with its glossary words
    assert window.statusBar().currentMessage() == f"All {len(library.topics)} topics are ready."
    qtbot.waitUntil(lambda: window.search_panel.list.count() > 0)
    tree = window.tree
    rect = tree.visualItemRect(tree._items["topic:what-is-it"])
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.current_url() == "topic:what-is-it"


def test_a_topic_not_in_the_first_part_is_opened_when_it_arrives(qtbot, builtin_dir):
    window = MainWindow(first_page_library(builtin_dir, None), settings=None)
    qtbot.addWidget(window)
    window.open_start_page(None)
    window.show()
    assert window.reader.current_url() == HOME_URL
    window.take_library(load_library(builtin_dir, check_links=False), "topic:treatment")
    assert window.reader.current_url() == "topic:treatment"


def test_a_topic_asked_for_that_is_not_there_is_said_once_the_library_is_in(qtbot, builtin_dir):
    window = MainWindow(first_page_library(builtin_dir, "no-such-topic"), settings=None)
    qtbot.addWidget(window)
    window.open_start_page(None)
    window.show()
    window.take_library(load_library(builtin_dir, check_links=False), "topic:no-such-topic")
    assert window.reader.current_url() == HOME_URL
    assert window.statusBar().currentMessage() == "There is no topic called 'no-such-topic'."


def test_a_large_folder_is_read_in_a_process_of_its_own_and_arrives(qtbot, tmp_path, builtin_dir, monkeypatch):
    root = tmp_path / "content"
    shutil.copytree(builtin_dir, root)
    cache = tmp_path / "cache"
    assert snapshot_library(root, cache) is None  # never read: a first start
    monkeypatch.setattr(library_arrival, "SMALL_FOLDER", 3)  # the built-in folder counts as large here
    library, arrival = open_library(root, cache, "tests")
    assert arrival is not None and not library.complete and list(library.topics) == ["tests"]
    with qtbot.waitSignal(arrival.arrived, timeout=60000) as arrived:
        pass
    full = arrived.args[0]
    assert full.complete and len(full.topics) == len(load_library(root).topics)
    whole = snapshot_library(root, cache)  # the process left the snapshot: the next start reads it
    assert whole is not None and set(whole.topics) == set(full.topics)
    again, none = open_library(root, cache, "tests")
    assert none is None and again.complete


def test_a_small_folder_is_read_at_once(tmp_path, builtin_dir):
    library, arrival = open_library(builtin_dir, tmp_path / "cache", "tests")
    assert arrival is None and library.complete and len(library.topics) > 1


def test_if_the_process_cannot_run_the_folder_is_read_here(qtbot, tmp_path, builtin_dir, monkeypatch):
    arrival = LibraryArrival(builtin_dir, tmp_path / "cache")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))
    with qtbot.waitSignal(arrival.arrived, timeout=30000) as arrived:
        arrival.start()
    assert arrived.args[0].complete and arrived.args[0].topic("tests") is not None
