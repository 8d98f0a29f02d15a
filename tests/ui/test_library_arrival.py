"""A first start of a large folder: the first page at once, the rest of the library a moment later."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import sys

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.loader import first_page_library, load_library, snapshot_library
from sbc_desktop.pages import HOME_URL, Pages
from sbc_desktop.ui import library_arrival
from sbc_desktop.ui.library_arrival import LibraryArrival, SnapshotArrival, open_library
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active, tree_rows


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
    # The list is made again on the next turns (1a616fd): at load 5-7 the search can be ready first (failed once).
    qtbot.waitUntil(window.tree.is_complete)
    rows = tree_rows(window)
    assert "Loading topics..." not in rows
    assert all(t.title in rows for t in library.ordered_topics())
    assert window.reader.current_url() == "topic:tests"  # the same page...
    assert window.reader.toHtml().count("term:") > links_before  # ...now with its glossary words
    assert window.statusBar().currentMessage() == f"All {len(library.topics)} topics are ready."
    qtbot.waitUntil(lambda: window.search_panel.list.count() > 0)
    tree = window.tree
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items["topic:tests"])  # the list at the page read
    qtbot.keyClick(tree, Qt.Key.Key_Home)  # (the reader goes up the list to the first topics)
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
    again, rest = open_library(root, cache, "tests")  # a second start: the first page's part, the rest after
    assert isinstance(rest, SnapshotArrival) and not again.complete and list(again.topics) == ["tests"]


def test_a_small_folder_is_read_at_once(tmp_path, builtin_dir):
    library, arrival = open_library(builtin_dir, tmp_path / "cache", "tests")
    assert arrival is None and library.complete and len(library.topics) > 1


def test_if_the_process_cannot_run_the_folder_is_read_here(qtbot, tmp_path, builtin_dir, monkeypatch):
    arrival = LibraryArrival(builtin_dir, tmp_path / "cache")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))
    with qtbot.waitSignal(arrival.arrived, timeout=30000) as arrived:
        arrival.start()
    assert arrived.args[0].complete and arrived.args[0].topic("tests") is not None


# -- a second start of a large folder: its first page from the snapshot's head, the rest after the paint --
def second_start_folder(tmp_path, builtin_dir, monkeypatch):
    """A large folder (the built-in one counted as large) that a first start has read, with its "tests"
    page in the rendered-page cache as the whole library renders it."""
    from sbc_desktop.content.render import Renderer
    from sbc_desktop.content.render_cache import RenderCache

    root = shutil.copytree(builtin_dir, tmp_path / "content")
    cache = tmp_path / "cache"
    monkeypatch.setattr(library_arrival, "SMALL_FOLDER", 3)
    full = load_library(root, check_links=False, cache_dir=cache)
    whole_html = Pages(full, Renderer(full, disk=RenderCache.in_cache_dir(cache))).topic_html(full.topic("tests"))
    return root, cache, full, whole_html


def test_a_second_start_shows_its_first_page_from_the_snapshot_as_the_whole_library_renders_it(
    tmp_path, builtin_dir, monkeypatch
):
    root, cache, full, whole_html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.delitem(sys.modules, "pyromark", raising=False)
    part, arrival = open_library(root, cache, "tests")
    assert isinstance(arrival, SnapshotArrival) and arrival.after_paint
    assert not part.complete and list(part.topics) == ["tests"] and part.problems == [] and part.glossary == {}
    shown, whole = part.topic("tests"), full.topic("tests")
    assert (shown.title, shown.body, shown.next_review) == (whole.title, whole.body, whole.next_review)
    assert [s.id for s in part.sections] == [s.id for s in full.sections] and part.references == full.references
    pages = Pages.for_window(part, cache)
    assert pages.topic_html(part.topic("tests")) == whole_html  # glossary words and links: from the cache
    assert pages.at_hand(part.topic("tests")) and "pyromark" not in sys.modules  # no Markdown parser for it
    assert open_library(root, cache, None, "tests")[0].topics.keys() == {"tests"}  # the page read last
    assert open_library(root, cache, "no-such-topic")[0].topics == {}


def test_after_the_first_paint_the_rest_arrives_in_every_pane(qtbot, tmp_path, builtin_dir, monkeypatch):
    root, cache, full, whole_html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    part, arrival = open_library(root, cache, "tests")
    window = MainWindow(part, settings=None, cache_dir=cache)
    qtbot.addWidget(window)
    arrival.setParent(window)
    arrival.arrived.connect(lambda whole: window.take_library(whole, "topic:tests", say_ready=False))  # as app.py
    window.open_start_page("tests")
    window.after_first_paint.call(arrival.start)  # as app.py starts it
    assert arrival._thread is None  # not before the first paint
    assert "Loading topics..." in tree_rows(window)
    assert "Tests you might have" in window.reader.toPlainText()
    said: list[str] = []
    window.announcer.said.connect(said.append)
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        window.show()
    assert part.topic("tests").title not in said  # the same page: a screen reader is not told its title again
    assert window.library is part and part.complete and part.whole_names is None
    assert list(part.topics) == list(full.topics) and len(part.glossary) == len(full.glossary)
    qtbot.waitUntil(window.tree.is_complete)  # (the list is made again on the next turns)
    rows = tree_rows(window)
    assert "Loading topics..." not in rows and all(t.title in rows for t in full.ordered_topics())
    assert window.reader.current_url() == "topic:tests"
    assert "topics are ready" not in window.statusBar().currentMessage()  # the list is as it was last time
    qtbot.keyClicks(window.search_field, "scan")  # searchable
    qtbot.waitUntil(lambda: window.search_panel.list.count() > 0, timeout=30000)


def test_every_review_overdue_is_counted_when_the_rest_arrives(qtbot, tmp_path, builtin_dir, monkeypatch):
    from sbc_desktop import clock

    root, cache, full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(clock, "today", lambda: dt.date(2031, 6, 1))  # years later: every review is overdue
    part, arrival = open_library(root, cache, "tests")
    assert part.problems == []
    with qtbot.waitSignal(arrival.arrived, timeout=30000) as arrived:
        arrival.start()
    overdue = [p for p in arrived.args[0].problems if "review overdue" in p.message]
    assert len(overdue) == len(full.topics) == 29


def test_a_changed_file_or_a_damaged_snapshot_is_read_again(qtbot, tmp_path, builtin_dir, monkeypatch):
    from sbc_desktop.content.library_snapshot import SUFFIX

    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    page = root / "topics" / "tests.md"
    part, arrival = open_library(root, cache, "tests")
    page.write_text(page.read_text("utf-8").replace("title: ", "title: Changed ", 1), "utf-8")  # after the part
    with qtbot.waitSignal(arrival.arrived, timeout=30000) as arrived:
        arrival.start()
    assert arrived.args[0].complete and arrived.args[0].topic("tests").title.startswith("Changed ")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))  # (read here)
    changed, first = open_library(root, cache, "tests")  # the snapshot the arrival left is the new one
    assert isinstance(first, SnapshotArrival) and changed.topic("tests").title.startswith("Changed ")
    page.write_text(page.read_text("utf-8").replace("title: Changed ", "title: Again ", 1), "utf-8")
    stale, first = open_library(root, cache, "tests")  # before: a first start (the file is read, not the snapshot)
    assert isinstance(first, LibraryArrival) and stale.topic("tests").title.startswith("Again ")
    qtbot.waitUntil(lambda: first.library is not None, timeout=30000)  # (already started)
    (snapshot,) = cache.rglob(f"*{SUFFIX}")
    good = snapshot.read_bytes()
    kinds = []
    for damaged in (good[: len(good) - 50], b"", good[:30], b"\0" * len(good)):
        snapshot.write_bytes(damaged)
        part, arrival = open_library(root, cache, "tests")
        assert arrival is not None and not part.complete
        kinds.append(type(arrival))
        if isinstance(arrival, SnapshotArrival):  # only the rest is broken: the head showed the first page
            arrival.start()
        qtbot.waitUntil(lambda arrival=arrival: arrival.library is not None, timeout=30000)
        whole = arrival.library
        assert whole is not None and whole.complete and len(whole.topics) == 29  # read again, all of it
        assert whole.topic("tests").title.startswith("Again ")
        snapshot.write_bytes(good)
    assert kinds == [SnapshotArrival, LibraryArrival, LibraryArrival, LibraryArrival]


def test_a_start_that_needs_no_process_makes_no_qprocess_type(tmp_path):
    """PySide6 makes a class's Python type, with all its enums, when it is first named: QProcess only
    for a first start of a large folder (not imported with the window's modules)."""
    import subprocess

    code = (
        "import sbc_desktop.app, sbc_desktop.ui.library_arrival, sbc_desktop.ui.main_window\n"
        "import PySide6.QtCore as core\n"
        "print('QProcess' in vars(core))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == ["False"]


def test_the_glossary_button_is_there_from_the_start_and_its_page_waits_for_the_glossary(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    from PySide6.QtWidgets import QToolButton

    root, cache, full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    part, arrival = open_library(root, cache, "tests")
    window = MainWindow(part, settings=None, cache_dir=cache)
    qtbot.addWidget(window)
    arrival.setParent(window)
    arrival.arrived.connect(lambda whole: window.take_library(whole, "topic:tests"))
    window.open_start_page("tests")
    window.show()
    qtbot.waitExposed(window)
    button = window.toolbar.widgetForAction(window.commands.glossary)
    assert isinstance(button, QToolButton) and button.isVisible()  # no button appearing (and moving others) later
    where = button.geometry()
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "Loading the glossary..." in window.reader.toPlainText()
    assert "There are no glossary words" not in window.reader.toPlainText()
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        arrival.start()
    term = next(iter(full.glossary.values())).term
    qtbot.waitUntil(lambda: term in window.reader.toPlainText())
    assert "Loading the glossary..." not in window.reader.toPlainText()
    assert button.geometry() == where


# -- the page on screen when the rest arrives: never made again in one step on the window's thread --
def second_start_window(qtbot, root, cache, topic_id):
    part, arrival = open_library(root, cache, topic_id)
    window = MainWindow(part, settings=None, cache_dir=cache)
    qtbot.addWidget(window)
    arrival.setParent(window)
    arrival.arrived.connect(lambda whole: window.take_library(whole, f"topic:{topic_id}", say_ready=False))
    window.open_start_page(topic_id)
    window.show()
    qtbot.waitExposed(window)
    return window, arrival


def test_a_second_start_page_already_as_the_whole_library_renders_it_is_not_made_again(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    """Its first page came from the rendered-page cache as the whole library renders it: when the rest
    arrives, the page stays as it is (remaking a long one froze the window for a second or more)."""
    root, cache, _full, whole_html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    window, arrival = second_start_window(qtbot, root, cache, "tests")
    reader = window.reader
    qtbot.waitUntil(reader.is_laid_out)
    page, document, html = reader.page_number, reader.document(), reader.toHtml()
    assert "term:" in html  # its glossary words are there from the start
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        arrival.start()
    assert window.library.complete
    assert (reader.page_number, reader.document(), reader.toHtml()) == (page, document, html)  # not made again
    assert window.pages.at_hand(window.library.topic("tests"))  # nor rendered again when read next
    assert window.pages.topic_html(window.library.topic("tests")) == whole_html


@pytest.mark.parametrize("change", ["title", "body", "glossary"])
def test_a_page_changed_before_the_rest_arrived_is_made_again(qtbot, tmp_path, builtin_dir, monkeypatch, change):
    """Read after the part (the rest re-reads the folder): the page, or a glossary word it would link."""
    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    window, arrival = second_start_window(qtbot, root, cache, "tests")
    reader = window.reader
    qtbot.waitUntil(reader.is_laid_out)
    page = root / "topics" / "tests.md"
    text = page.read_text("utf-8")
    if change == "title":
        page.write_text(text.replace("title: ", "title: Changed ", 1), "utf-8")
    elif change == "body":
        page.write_text(text.replace("## Common tests", "## Changed common tests", 1), "utf-8")
    else:  # a new word to link on the page
        assert "term:new-word" not in reader.toHtml() and "Doctors" in reader.toPlainText()
        glossary = root / "glossary.yaml"
        word = "  - id: new-word\n    term: doctors\n    definition: People who care for you.\n\n"
        glossary.write_text(glossary.read_text("utf-8").replace("terms:\n", "terms:\n" + word, 1), "utf-8")
    page_number = reader.page_number
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        arrival.start()
    qtbot.waitUntil(lambda: reader.page_number > page_number and reader.is_complete())  # made again
    if change == "glossary":
        assert "new-word" in window.library.glossary
        assert "term:new-word" in reader.toHtml()
    else:
        assert "Changed " in reader.toPlainText()


# -- a second start checks before its first paint only the files its first page is read from --
def test_a_second_start_lists_no_files_before_its_first_paint_and_the_rest_finds_what_changed(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    """Listing and stamping 20,000 files took a start 0.2 s before its first paint: only the first page's own
    file and the folder's own files are checked then; another topic changed since shows when the rest arrives,
    read as a first start reads the folder: in a process of its own (the window's parses nothing)."""
    from sbc_desktop.content import loader

    root, cache, _full, whole_html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    other = root / "topics" / "treatment.md"
    other.write_text(other.read_text("utf-8").replace("title: ", "title: Changed ", 1), "utf-8")
    listed: list[str] = []
    listing = loader._Loader.list_topic_files
    monkeypatch.setattr(loader._Loader, "list_topic_files", lambda self: listed.append("x") or listing(self))
    parsed: list[str] = []
    parse = loader._Loader.load_topics
    monkeypatch.setattr(loader._Loader, "load_topics", lambda self: parsed.append("x") or parse(self))
    part, arrival = open_library(root, cache, "tests")
    assert listed == [] and isinstance(arrival, SnapshotArrival) and list(part.topics) == ["tests"]
    assert Pages.for_window(part, cache).topic_html(part.topic("tests")) == whole_html
    with qtbot.waitSignal(arrival.arrived, timeout=30000) as arrived:
        arrival.start()
    assert listed and arrived.args[0].complete and arrived.args[0].topic("treatment").title.startswith("Changed ")
    assert parsed == []


@pytest.mark.parametrize("change", ["page", "glossary", "sections", "link"])
def test_a_second_start_whose_first_page_files_changed_reads_the_folder(
    qtbot, tmp_path, builtin_dir, monkeypatch, change
):
    """The first page's own file or the folder's own files changed (or the page is a link now): not from the
    snapshot's head (it would show the page as it was), but as a first start reads the folder."""
    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    page = root / "topics" / "tests.md"
    if change == "page":
        page.write_text(page.read_text("utf-8").replace("title: ", "title: Changed ", 1), "utf-8")
    elif change == "link":  # the same text, the same place, but a link to a file elsewhere
        elsewhere = tmp_path / "elsewhere.md"
        elsewhere.write_text(page.read_text("utf-8"), "utf-8")
        page.unlink()
        page.symlink_to(elsewhere)
    else:
        changed = root / f"{change}.yaml"
        changed.write_text(changed.read_text("utf-8") + "\n", "utf-8")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))  # (read here)
    part, arrival = open_library(root, cache, "tests")
    assert isinstance(arrival, LibraryArrival)
    qtbot.waitUntil(lambda: arrival.library is not None, timeout=30000)  # (already started)
    whole = arrival.library
    assert whole is not None and whole.complete
    if change == "page":
        assert part.topic("tests").title.startswith("Changed ") and whole.topic("tests").title.startswith("Changed ")
    if change == "link":  # a page leading out of the folder is not read
        assert part.topic("tests") is None and whole.topic("tests") is None


def test_a_topic_removed_before_a_second_start_is_no_link_once_the_rest_arrives(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    """The first page links to a topic deleted since the last start: shown at once from the snapshot, then made
    again when the whole library is in (the link is plain words then, as for any topic that is not there)."""
    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    (root / "topics" / "where-it-spreads.md").unlink()
    window, arrival = second_start_window(qtbot, root, cache, "tests")
    reader = window.reader
    qtbot.waitUntil(reader.is_laid_out)
    assert "topic:where-it-spreads" in reader.toHtml()  # as the last start rendered it
    page_number = reader.page_number
    with qtbot.waitSignal(arrival.arrived, timeout=30000):
        arrival.start()
    qtbot.waitUntil(lambda: reader.page_number > page_number and reader.is_complete())  # made again
    assert window.library.topic("where-it-spreads") is None
    assert "topic:where-it-spreads" not in reader.toHtml() and "Tests you might have" in reader.toPlainText()


def test_a_long_first_page_is_made_again_without_stopping_the_window(qtbot, builtin_dir, monkeypatch):
    """A first start's page has no glossary words until the whole library is in: a long page is then
    rendered in a worker while the page stays as it was (scrollable, readable), then shown again at the
    reader's place."""
    from sbc_desktop.ui import page_renewal

    monkeypatch.setattr(page_renewal, "BUILD_CHARS", 100)  # "side-effects" counts as long here
    window = part_window(qtbot, builtin_dir, "side-effects")
    window.resize(700, 400)
    reader = window.reader
    qtbot.waitUntil(reader.is_laid_out)
    bar = reader.verticalScrollBar()
    assert bar.maximum() > 200
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    place, page, links = bar.value(), reader.page_number, reader.toHtml().count("term:")
    assert place > 0
    window.take_library(load_library(builtin_dir, check_links=False), "topic:side-effects")
    assert reader.page_number == page and bar.value() == place  # as it was: the worker renders it meanwhile
    assert window._renewal.is_waiting()
    qtbot.waitUntil(lambda: not window._renewal.is_waiting() and reader.is_laid_out(), timeout=30000)
    assert reader.page_number == page + 1 and reader.current_url() == "topic:side-effects"
    assert reader.toHtml().count("term:") > links  # now with its glossary words
    assert abs(bar.value() - place) <= bar.pageStep() // 4  # at the reader's place


def test_a_large_library_says_how_many_topics_as_the_locale_groups_them(qtbot, tmp_path):
    """'All 1500 topics are ready.' beside the search panel's '1,500': the count grouped, as everywhere else."""
    from tests.helpers import make_content

    root = make_content(tmp_path / "content", {f"t{number:04}": "Text." for number in range(1001)})
    window = part_window(qtbot, root, "t0000")
    window.take_library(load_library(root, check_links=False))
    assert window.statusBar().currentMessage() == "All 1,001 topics are ready."


def test_a_large_library_arriving_is_listed_in_steps_with_the_page_read_shown(qtbot, builtin_dir, library, monkeypatch):
    """The window takes a large library in one turn of its event loop; the topic list is made again in steps
    after it (nav_tree.ARRIVED_STEP topics each), so that taking it does not stop the window for long (the
    NCI pages' 1,425 topics listed at once: 17-19 ms of CPU in that one turn)."""
    from sbc_desktop.ui import nav_tree

    monkeypatch.setattr(nav_tree, "ARRIVED_AT_ONCE", 5)  # the built-in library counts as large here
    monkeypatch.setattr(nav_tree, "ARRIVED_STEP", 5)
    steps: list[int] = []
    fill = nav_tree.NavTree._fill
    monkeypatch.setattr(nav_tree.NavTree, "_fill", lambda tree: steps.append(len(tree._items)) or fill(tree))
    last = library.ordered_topics()[-1]  # a topic from the last section: listed last
    window = part_window(qtbot, builtin_dir, last.id)
    window.take_library(load_library(builtin_dir, check_links=False))
    tree = window.tree
    assert not tree.is_complete() and "Loading topics..." in tree_rows(window)
    assert window.reader.current_url() == f"topic:{last.id}"
    qtbot.waitUntil(tree.is_complete)
    assert len(steps) > 1 and "Loading topics..." not in tree_rows(window)
    sections = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    titles = [s.child(j).text(0) for s in sections for j in range(s.childCount())]
    assert titles == [t.title for t in library.ordered_topics()]  # every topic, in reading order
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items[f"topic:{last.id}"])  # the page read, once listed


def test_while_a_large_library_is_listed_the_list_keeps_its_place_and_answers(qtbot, builtin_dir, library, monkeypatch):
    """The list is made again in steps after the library arrives, a section's topics split across them (the NCI
    pages' first section of 581 in one step held the window 10-14 ms). Meanwhile the keyboard stays in the list, at
    the page read; each step's topics come to the list (and a screen reader) as one insertion, not a row at a time;
    a key, a click or a search on the topics listed so far opens them."""
    from PySide6.QtWidgets import QApplication

    from sbc_desktop.ui import nav_tree

    monkeypatch.setattr(nav_tree, "ARRIVED_AT_ONCE", 3)  # the first section's first three topics
    monkeypatch.setattr(nav_tree, "ARRIVED_STEP", 4)
    allowed = [0]  # the steps after the first, let through one at a time
    fill = nav_tree.NavTree._fill

    def held(tree):
        if allowed[0]:
            allowed[0] -= 1
            fill(tree)
        else:
            tree._next.start(20)  # (asked again in a moment)

    monkeypatch.setattr(nav_tree.NavTree, "_fill", held)
    about = library.sections[0].topics  # 5 topics
    window = part_window(qtbot, builtin_dir, about[0].id)
    tree = window.tree
    show_active(qtbot, window)
    tree.setFocus()  # the reader is in the list, at the page read
    qtbot.waitUntil(tree.hasFocus)
    inserted: list[int] = []
    tree.model().rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    window.take_library(load_library(builtin_dir, check_links=False))
    qtbot.waitUntil(lambda: f"topic:{about[2].id}" in tree._items)  # the first step
    listed = tree_rows(window)
    assert listed[:5] == ["Welcome", library.sections[0].title, *[t.title for t in about[:3]]]
    assert listed[5:] == ["Loading topics...", "Glossary A to Z"]  # never looks whole before it is
    loading = tree.topLevelItem(tree.topLevelItemCount() - 2)
    assert loading.textAlignment(0) & Qt.AlignmentFlag.AlignTop  # said at the top of its (tall) row
    assert tree.hasFocus()
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items[f"topic:{about[0].id}"])  # at the page read

    allowed[0] = 1  # the rest of the first section (2) and the next section's first two
    qtbot.waitUntil(lambda: f"topic:{library.sections[1].topics[1].id}" in tree._items)
    assert tree_rows(window)[5:8] == [t.title for t in about[3:]] + [library.sections[1].title]
    assert tree.hasFocus() and tree.currentItem() is tree._items[f"topic:{about[0].id}"]
    assert max(inserted) > 1 and len(inserted) <= 6  # a section's rows at once (the sections', then its own)

    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the next topic, by keys
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.current_url() == f"topic:{about[1].id}")
    row = tree._items[f"topic:{about[4].id}"]  # listed in the second step: a click opens it
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert window.reader.current_url() == f"topic:{about[4].id}"
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # a search, meanwhile
    qtbot.keyClicks(window.search_field, "scan")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() > 0, timeout=30000)
    best = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.current_url().split("#")[0] == f"topic:{best.ref}")

    allowed[0] = 100
    qtbot.waitUntil(tree.is_complete)
    sections = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [s.child(j).text(0) for s in sections for j in range(s.childCount())] == [
        t.title for t in library.ordered_topics()
    ]  # every topic once, in reading order
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items.get(f"topic:{best.ref}"))  # the page read now
    assert QApplication.focusWidget() is not None


def test_each_step_of_a_large_list_waits_until_the_last_is_drawn_and_what_is_due_has_run(
    qtbot, builtin_dir, library, monkeypatch
):
    """A large library's list is made in steps after it arrives; each step comes once the list on screen shows the
    last one, and after what came due meanwhile (a timer here; a key pressed alike). A step started from within the
    last was due before them: two steps, each with its layout and drawing, ran back to back (the NCI pages' second
    start held the window 16-18 ms so)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    from sbc_desktop.ui import nav_tree

    monkeypatch.setattr(nav_tree, "ARRIVED_AT_ONCE", 3)
    monkeypatch.setattr(nav_tree, "ARRIVED_STEP", 3)
    monkeypatch.setattr(nav_tree, "STEP_WAIT_MS", 60_000)  # (a list not drawn has its next step after this)
    seen: list[str] = []
    fill = nav_tree.NavTree._fill

    def slow_fill(tree):  # a step as long as a large list's (a few ms), so that the timer below is due after it
        seen.append("step")
        fill(tree)
        end = time.perf_counter() + 0.004
        while time.perf_counter() < end:
            pass

    monkeypatch.setattr(nav_tree.NavTree, "_fill", slow_fill)
    window = part_window(qtbot, builtin_dir, library.ordered_topics()[0].id)
    tree = window.tree

    class Painted(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                seen.append("drawn")
            return False

    painted = Painted(tree)
    tree.viewport().installEventFilter(painted)
    ticks = QTimer(tree, interval=1)
    ticks.timeout.connect(lambda: seen.append("tick"))
    ticks.start()
    window.take_library(load_library(builtin_dir, check_links=False))
    qtbot.waitUntil(tree.is_complete)
    ticks.stop()
    steps = [i for i, what in enumerate(seen) if what == "step"]
    assert len(steps) > 2
    for before, after in itertools.pairwise(steps):
        between = seen[before + 1 : after]
        assert "drawn" in between and "tick" in between[between.index("drawn") :], seen


def test_a_topic_added_before_a_second_start_is_its_first_page_when_asked_for(
    qtbot, tmp_path, builtin_dir, monkeypatch
):
    """`--topic` of a page added since the last start: not in the snapshot, so the folder is read as a first start
    reads it, and the page is the first paint (not the welcome page until the rest arrives). (review16 m1)"""
    root, cache, _full, _html = second_start_folder(tmp_path, builtin_dir, monkeypatch)
    page = root / "topics" / "tests.md"
    added = root / "topics" / "tests-again.md"
    added.write_text(page.read_text("utf-8").replace("id: tests", "id: tests-again", 1), "utf-8")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))  # (read here)
    part, arrival = open_library(root, cache, "tests-again")
    assert part.topic("tests-again") is not None and isinstance(arrival, LibraryArrival)
    qtbot.waitUntil(lambda: arrival.library is not None, timeout=30000)  # (already started)


def test_a_topics_folder_made_before_a_second_start_is_seen_before_the_first_paint(qtbot, tmp_path, monkeypatch):
    """A folder of pages read from its top at the last start; a topics/ folder made since: the folder's listing now
    reads that one alone, so the page asked for (its file as it was) is no topic any more. Not shown from the
    snapshot's head (and taken away under the reader when the rest arrives): the folder is read as a first start
    reads it. (review16 m2)"""
    from tests.helpers import write

    root, cache = tmp_path / "pages", tmp_path / "cache"
    for name in ("anxiety", "fatigue", "pain", "sleep"):
        write(root / "coping" / f"{name}.md", f"# {name.title()}\n\nAbout {name}.\n")
    monkeypatch.setattr(library_arrival, "SMALL_FOLDER", 3)
    load_library(root, check_links=False, cache_dir=cache)
    part, arrival = open_library(root, cache, "anxiety")
    assert isinstance(arrival, SnapshotArrival) and list(part.topics) == ["anxiety"]  # (nothing changed: the head)
    write(root / "topics" / "new.md", "# New\n\nThe one page now.\n")
    monkeypatch.setattr(library_arrival.sys, "executable", str(tmp_path / "no-such-python"))  # (read here)
    part, arrival = open_library(root, cache, "anxiety")
    assert isinstance(arrival, LibraryArrival) and part.topic("anxiety") is None
    qtbot.waitUntil(lambda: arrival.library is not None, timeout=30000)  # (already started)
    assert arrival.library is not None and list(arrival.library.topics) == ["new"]
