"""Switching topics: a long page arrives in small pieces, whole, and from the disk cache."""

from __future__ import annotations

import time

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content
from tests.ui.conftest import link_point, show_active

SECTIONS = 40


def long_body() -> str:
    """About 60 KB of Markdown: many parts, each cut into many pieces."""
    blocks = []
    for number in range(SECTIONS):
        blocks.append(f"## Part {number} heading\n")
        blocks.append(f"Paragraph {number} talks about the liver and the bones. " * 12 + "\n")
        blocks.append("\n".join(f"- item {number}.{item} of a list" for item in range(8)) + "\n")
    blocks.append("The very last words: zebrafinch.\n")
    return "\n".join(blocks)


@pytest.fixture
def long_window(qtbot, tmp_path):
    root = make_content(
        tmp_path / "content",
        {"short": "Read [the long page](topic:long).", "long": long_body()},
        glossary="terms:\n  - id: liver\n    term: liver\n    definition: An organ.\n",
    )
    window = MainWindow(load_library(root), settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    return window


def headings_in_order(window) -> list[str]:
    return [item.text for item in window.reader.outline.items if item.kind == "heading"]


def assert_whole_long_page(window) -> None:
    text = window.reader.toPlainText()
    assert text.count("heading") == SECTIONS
    assert "zebrafinch" in text and "Where this information comes from" in text
    assert headings_in_order(window)[1:] == [f"Part {n} heading" for n in range(SECTIONS)] + [
        "Where this information comes from"
    ]
    parts = sum(1 for _ in window.pages.parts_for("topic:long"))
    assert parts > 1 and window.reader.parts_shown == parts


def open_by_link(window, qtbot) -> None:
    window.reader.go("topic:short")
    with qtbot.waitSignal(window.reader.pageCompleted, timeout=10_000):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                         pos=link_point(window.reader, "topic:long"))  # fmt: skip


def test_a_long_page_opened_by_a_link_arrives_whole_in_small_steps(long_window, qtbot):
    window = long_window
    pieces = []
    window.reader.pageCompleted.connect(lambda: pieces.append(window.reader.parts_shown))
    open_by_link(window, qtbot)
    assert window.reader.current_url() == "topic:long"
    assert window.tree.currentItem() is window.tree._items["topic:long"]
    assert_whole_long_page(window)
    # Each glossary word is linked (and dotted) once on the page, even across parts.
    terms = [item for item in window.reader.outline.items if item.href == "term:liver"]
    assert len(terms) == 1


def test_the_same_page_from_the_disk_cache_in_a_new_window_is_the_same(long_window, qtbot, tmp_path):
    open_by_link(long_window, qtbot)
    first = long_window.reader.toPlainText()
    assert list((tmp_path / "cache" / "rendered").glob("*.page"))
    again = MainWindow(long_window.library, settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(again)
    again.resize(800, 600)
    again.show()
    again.pages.renderer.render = None  # the page must come from the cache, not be rendered
    open_by_link_again = again.reader
    with qtbot.waitSignal(open_by_link_again.pageCompleted, timeout=10_000):
        again.tree.setFocus()
        again.tree.setCurrentItem(again.tree._items["topic:long"])
        qtbot.keyClick(again.tree, Qt.Key.Key_Return)
    assert again.reader.toPlainText() == first
    assert again.pages.renderer.disk.hits >= 1


def test_a_long_page_is_built_off_screen_in_few_large_fragments(long_window, qtbot, monkeypatch):
    """Its 4,000-character pieces joined up to BATCH_CHARS: each fragment costs Qt a document of its own."""
    from sbc_desktop.ui import page_document
    from sbc_desktop.ui.reader import BATCH_CHARS

    added: list[int] = []
    real_add = page_document.PageDocument.add
    monkeypatch.setattr(
        page_document.PageDocument, "add", lambda self, html: (added.append(len(html)), real_add(self, html))
    )
    open_by_link(long_window, qtbot)
    assert_whole_long_page(long_window)
    html = long_window.pages.html_for("topic:long") or ""
    assert len(added) > 1 and sum(added) < len(html)  # (the first piece was on screen: not added)
    assert min(added[:-1]) >= BATCH_CHARS and len(added) <= len(html) // BATCH_CHARS + 1


def test_a_long_list_of_references_is_added_in_small_pieces_and_numbered_on(qtbot, tmp_path, monkeypatch):
    """One list of 300 references (70,000 characters of HTML) was one fragment, Qt's parse of it one long step:
    it is cut between its items into lists numbered on, and reads 1 to 300 as before."""
    from sbc_desktop.ui import page_document
    from sbc_desktop.ui.reader import BATCH_CHARS

    words = "a study of the liver and the bones over many years, in many people, with their scans and blood tests"
    citations = "\n".join(f"{n}. Author {n} and others: {words} ({n})." for n in range(1, 301))
    pages = {"short": "Read [the references](topic:refs).", "refs": "Some words.\n\n## References\n\n" + citations}
    root = make_content(tmp_path / "content", pages)
    window = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    added: list[int] = []
    real_add = page_document.PageDocument.add
    monkeypatch.setattr(
        page_document.PageDocument, "add", lambda self, html: (added.append(len(html)), real_add(self, html))
    )
    window.reader.go("topic:short")
    with qtbot.waitSignal(window.reader.pageCompleted, timeout=10_000):
        qtbot.mouseClick(
            window.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(window.reader, "topic:refs")
        )
    assert window.reader.current_url() == "topic:refs"
    assert len(added) > 2 and max(added) < 2 * BATCH_CHARS
    numbers, block = [], window.reader.document().begin()
    while block.isValid():
        if block.textList() is not None and block.text().startswith("Author"):
            numbers.append(block.textList().itemText(block))
        block = block.next()
    assert numbers == [f"{n}." for n in range(1, 301)]
    assert "Author 300 and others" in window.reader.toPlainText()


def test_a_long_page_of_tables_is_added_in_batches_weighed_by_their_cells(qtbot, tmp_path, monkeypatch):
    """Qt's parse costs about the same per tag whatever the characters: a batch of 16,000 characters of table
    cells was 8-12 ms of parse. Batches stop at BATCH_TAGS too, and the page still reads whole, in order."""
    from sbc_desktop.ui import page_document
    from sbc_desktop.ui.reader import BATCH_CHARS, BATCH_TAGS

    def table(number: int) -> str:
        rows = "\n".join(f"| r{number}.{row} | a | b | c |" for row in range(12))
        return f"## Table {number}\n\n| Row | One | Two | Three |\n|---|---|---|---|\n{rows}\n"

    pages = {"short": "Read [the tables](topic:tables).", "tables": "\n".join(table(n) for n in range(40))}
    root = make_content(tmp_path / "content", pages)
    window = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    added: list[tuple[int, int]] = []
    real_add = page_document.PageDocument.add
    monkeypatch.setattr(
        page_document.PageDocument,
        "add",
        lambda self, html: (added.append((len(html), html.count("<"))), real_add(self, html)),
    )
    window.reader.go("topic:short")
    with qtbot.waitSignal(window.reader.pageCompleted, timeout=10_000):
        qtbot.mouseClick(
            window.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(window.reader, "topic:tables")
        )
    assert window.reader.current_url() == "topic:tables"
    one_table = table(0).count("|") * 2  # (its cells' tags: more than a table needs, "<td>" and "</td>")
    assert len(added) > 2 and max(tags for _chars, tags in added) < BATCH_TAGS + one_table
    assert all(chars < BATCH_CHARS for chars, _tags in added)  # (stopped by their tags, not their characters)
    text = window.reader.toPlainText()
    assert [f"Table {n}" in text for n in range(40)] == [True] * 40
    assert text.index("r38.11") < text.index("Table 39") < text.index("r39.11")


def test_back_and_forward_bring_the_whole_page(long_window, qtbot):
    window = long_window
    open_by_link(window, qtbot)
    back = window.toolbar.widgetForAction(window.commands.back)
    forward = window.toolbar.widgetForAction(window.commands.forward)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:short"
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:long"
    # Built off screen as any long page is (the screen left as it was meanwhile), then shown whole.
    qtbot.waitUntil(window.reader.is_complete)
    assert_whole_long_page(window)


def test_a_long_page_left_is_freed_in_a_step_of_its_own_and_comes_back_whole(long_window, qtbot, monkeypatch):
    """Cleared in the step that showed the next page, a long page cost Qt 2.5-6 ms there: a blank document
    takes the next page, and the long one is freed once that page is laid out."""
    window, reader = long_window, long_window.reader
    monkeypatch.setattr(reader_module, "FREE_LATER_CHARS", 10_000)  # (this page: 30,000 characters)
    open_by_link(window, qtbot)
    qtbot.waitUntil(reader.is_laid_out)
    long_doc = reader.document()
    assert long_doc.characterCount() >= reader_module.FREE_LATER_CHARS
    back = window.toolbar.widgetForAction(window.commands.back)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:short"
    assert reader.document() is not long_doc and shiboken6.isValid(long_doc)  # (not cleared: set aside)
    assert "Read the long page." in reader.toPlainText()
    qtbot.waitUntil(lambda: not shiboken6.isValid(long_doc))  # freed once the short page is laid out
    forward = window.toolbar.widgetForAction(window.commands.forward)
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reader.is_complete)
    assert_whole_long_page(window)


def test_find_in_page_finds_words_not_yet_added(long_window, qtbot):
    window = long_window
    window.reader.go("topic:long")
    assert not window.reader.is_complete()  # only the start is in: the rest comes in steps
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "zebrafinch")  # at the page's end: not in yet
    assert window.find_bar.count.text() == "Searching…"
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "1 of 1")  # found once the page has come in its steps
    qtbot.waitUntil(lambda: window.reader.textCursor().selectedText() == "zebrafinch")  # shown once laid out
    assert_whole_long_page(window)


def test_moving_by_heading_reaches_the_last_heading_of_a_page_still_arriving(long_window, qtbot):
    window = long_window
    window.reader.go("topic:long")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)  # none before the top
    for _ in range(SECTIONS + 1):
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    # The keys did not add the rest of the page in one step: the moves are made once its pieces are in.
    assert not window.reader.is_complete()
    qtbot.waitUntil(lambda: window.reader.textCursor().block().text().strip() == f"Part {SECTIONS - 1} heading")
    assert_whole_long_page(window)


def test_the_library_is_rendered_into_the_cache_in_the_background(qtbot, tmp_path):
    from PySide6.QtCore import QProcess

    from sbc_desktop.ui.background_render import BackgroundRender

    root = make_content(tmp_path / "content", {"a": "Words.", "b": "More words.", "c": long_body()})
    job = BackgroundRender(root, tmp_path / "cache")
    job.start()
    assert job.process is not None
    qtbot.waitUntil(lambda: job.process.state() == QProcess.ProcessState.NotRunning, timeout=60_000)
    assert job.process.exitCode() == 0
    assert len(list((tmp_path / "cache" / "rendered").glob("*.page"))) == 3
    window = MainWindow(load_library(root), settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.pages.renderer.render = None  # every page comes from the cache
    for topic_id in ("a", "b", "c"):
        window.reader.go(f"topic:{topic_id}")
        window.reader.ensure_complete()
    assert "zebrafinch" in window.reader.toPlainText()


def documents(reader) -> list:
    from PySide6.QtGui import QTextDocument

    return reader.findChildren(QTextDocument)


def test_the_rest_of_a_long_page_comes_in_one_step_where_the_reader_already_is(long_window, qtbot):
    """The rest of the page is built off screen and then shown in one step: the reader, who has
    already moved down the start of the page, stays where they are, caret and all."""
    window = long_window
    reader = window.reader
    reader.go("topic:short")
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:long"))
    qtbot.waitUntil(lambda: "Part 0 heading" in reader.toPlainText())  # its start is shown
    assert not reader.is_complete() and "zebrafinch" not in reader.toPlainText()
    shown = reader.document()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    qtbot.keyClick(reader, Qt.Key.Key_Down)
    scrolled, caret = reader.verticalScrollBar().value(), reader.textCursor().position()
    line = reader.textCursor().block().text()
    assert scrolled > 0 and caret > 0
    with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
        pass
    assert reader.document() is not shown  # one new document, not the shown one grown piece by piece
    assert reader.verticalScrollBar().value() == scrolled
    assert reader.textCursor().position() == caret and reader.textCursor().block().text() == line
    assert_whole_long_page(window)
    qtbot.waitUntil(lambda: documents(reader) == [reader.document()])  # the first one is freed
    # Laid out in small steps after it is shown, to its end.
    qtbot.waitUntil(lambda: not reader._layout_steps.is_running())
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    assert reader.cursorForPosition(reader.viewport().rect().center()).block().text()


def test_leaving_a_long_page_while_it_is_built_keeps_nothing_of_it(long_window, qtbot, monkeypatch):
    from sbc_desktop.ui import reader as reader_module

    monkeypatch.setattr(reader_module, "STEP_BUDGET_S", 1e-6)  # one piece a turn: the build takes a while
    window = long_window
    reader = window.reader
    reader.go("topic:short")
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:long"))
    # The rest is being built off screen (one turn of the event loop at a time: a wait of 10 ms could
    # run every turn of the build and miss it).
    deadline = time.monotonic() + 10
    while len(documents(reader)) != 2 and time.monotonic() < deadline:
        QApplication.processEvents()
    assert len(documents(reader)) == 2
    completed = []
    reader.pageCompleted.connect(lambda: completed.append(reader.current_url()))
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.back), Qt.MouseButton.LeftButton)
    assert reader.current_url() != "topic:long"
    qtbot.waitUntil(lambda: documents(reader) == [reader.document()])
    for _ in range(20):
        QApplication.processEvents()
    assert "topic:long" not in completed
    assert "zebrafinch" not in reader.toPlainText() and "Part 0 heading" not in reader.toPlainText()
    for _ in range(3):  # long pages shown whole again and again: one document only, the one shown
        with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
            reader.go("topic:long")
        reader.go("topic:short")
        qtbot.waitUntil(lambda: documents(reader) == [reader.document()])


def test_a_link_to_a_place_further_down_a_page_still_arriving_reaches_it(qtbot, tmp_path):
    page = "[Go to the end](#the-end)\n\n" + long_body() + "\n## The end\n\nBye."
    root = make_content(tmp_path / "content", {"long": page})
    window = MainWindow(load_library(root), settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    reader = window.reader
    reader.go("topic:long")  # the session's first page: parsed at once, its start shown
    assert not reader.is_complete() and "Bye." not in reader.toPlainText()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "#the-end"))
    assert not reader.is_complete()  # the click did not add the rest of the page in one step

    def at_the_end() -> bool:  # once its pieces are in, and laid out (in steps) down to the place
        top = reader.cursorForPosition(reader.viewport().rect().topLeft()).block()
        return reader.verticalScrollBar().value() > 0 and top.position() > reader.document().characterCount() // 2

    qtbot.waitUntil(at_the_end, timeout=10_000)
    assert reader.is_complete()


def test_opening_a_topic_far_down_a_long_list_measures_only_the_rows_on_screen(qtbot, tmp_path):
    """Topic titles wrap, so the list's rows have their own heights, which Qt measures (a call into
    Python each) when it needs a row's place: opening a topic far down must not measure every row
    above it (hundreds on an imported library: tens of milliseconds at each switch)."""
    root = make_content(tmp_path / "content", {f"t{n:03d}": f"Topic {n}." for n in range(600)})
    window = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(900, 600)
    show_active(qtbot, window)
    tree = window.tree
    measured = tree.itemDelegate()._sizes  # the sizes measured so far, one per row (titles differ)
    on_screen = tree.viewport().height() // max(1, tree.visualItemRect(tree._items["topic:t000"]).height())
    before = len(measured)
    window.reader.go("topic:t590")
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items["topic:t590"])  # (once the page is laid out)
    assert tree.visualItemRect(tree.currentItem()).intersects(tree.viewport().rect())  # in view
    assert len(measured) - before < 3 * on_screen + 10
    window.reader.go("topic:t010")  # and back up
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items["topic:t010"])
    assert tree.visualItemRect(tree.currentItem()).intersects(tree.viewport().rect())
    assert len(measured) - before < 6 * on_screen + 20


def test_a_topic_far_down_the_list_is_shown_there_after_its_page_not_in_the_same_turn(qtbot, tmp_path):
    """Moving the list to a row out of view repaints every row on screen and its scroll bar (5-15 ms on a
    long list): it waits until the new page is laid out, so it never adds to the turns that show the page.
    A row on screen is highlighted at once; a later page asked for meanwhile wins."""
    root = make_content(tmp_path / "content", {f"t{n:03d}": f"Topic {n}." for n in range(600)})
    window = MainWindow(load_library(root), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(900, 600)
    show_active(qtbot, window)
    tree, reader = window.tree, window.reader
    bar = tree.verticalScrollBar()
    steps: list[str] = []
    reader.pageLaidOut.connect(lambda: steps.append("page laid out"))
    bar.valueChanged.connect(lambda _value: steps.append("list moved"))
    reader.go("topic:t002")  # on screen: at once
    assert tree.currentItem() is tree._items["topic:t002"] and tree.currentItem().isSelected()
    qtbot.waitUntil(lambda: "page laid out" in steps)
    assert "list moved" not in steps
    steps.clear()
    reader.go("topic:t590")  # far down
    QApplication.processEvents()  # the page's first turn: the list stays where it was, nothing highlighted
    assert bar.value() == 0 and not tree.selectedItems()
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items["topic:t590"])
    assert steps.index("page laid out") < steps.index("list moved")
    assert tree.currentItem().isSelected()
    assert tree.visualItemRect(tree.currentItem()).intersects(tree.viewport().rect())
    reader.go("topic:t300")
    reader.go("topic:t450")  # before the list caught up with t300: the latest wins
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items["topic:t450"])
    assert not tree._late.isActive()  # nothing is left to come (t300's row was never shown)
    assert tree.selectedItems() == [tree.currentItem()]
    reader.go("topic:t100")
    QApplication.processEvents()
    assert not tree.selectedItems()
    tree.setFocus()  # into the list before it caught up: its row at once (keys and screen readers start there)
    qtbot.waitUntil(tree.hasFocus)
    assert tree.currentItem() is tree._items["topic:t100"] and tree.currentItem().isSelected()


def test_a_long_page_counts_as_complete_before_its_outline_is_read_in_idle_steps(long_window, qtbot):
    window = long_window
    outline = window.reader.outline
    order = []
    window.reader.pageCompleted.connect(lambda: order.append(("complete", outline.is_read())))
    outline.outlineRead.connect(lambda: order.append(("outline", len(outline._items))))
    with qtbot.waitSignal(outline.outlineRead, timeout=10_000):
        open_by_link(window, qtbot)
    assert order[-2][0] == "complete" and order[-2][1] is False  # shown before its outline is read
    assert order[-1][0] == "outline" and order[-1][1] > SECTIONS
    assert_whole_long_page(window)
    # Glossary words are dotted by Qt's parser as the page is built, not marked afterwards.
    terms = [item for item in outline.items if item.href == "term:liver"]
    assert terms
    for item in terms:
        cursor = window.reader.textCursor()
        cursor.setPosition(item.start + 1)
        assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


def test_the_start_of_a_long_page_is_shown_without_reading_its_outline_in_that_step(long_window, qtbot, monkeypatch):
    """Its rest is built off screen and the whole page's outline read once it is shown: the start's own outline
    is read only if asked for meanwhile (it was read, and its glossary words marked, in the step showing it)."""
    window = long_window
    reader, outline = window.reader, window.reader.outline
    seen: list[tuple[bool, bool, list[str], bool]] = []

    def shown(*_args) -> None:
        if seen or "Part 0 heading" not in reader.toPlainText():
            return  # ("Loading this page…" first, if it is parsed in the worker)
        dotted = [
            fragment.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
            for fragment in fragments(reader.document())
            if fragment.charFormat().anchorHref() == "term:liver"
        ]
        read_then = outline.is_read()
        headings = [item.text for item in outline.asked() if item.kind == "heading"]  # what a screen reader gets
        seen.append((read_then, reader.is_complete(), headings, bool(dotted) and all(dotted)))

    reader.sourceChanged.connect(shown)
    reader.pageBuilt.connect(shown)
    from sbc_desktop.ui import page_document

    firsts: list[str] = []
    real_init = page_document.PageDocument.__init__

    def made(self, editor, first_html: str) -> None:
        firsts.append(first_html)
        real_init(self, editor, first_html)

    monkeypatch.setattr(page_document.PageDocument, "__init__", made)
    open_by_link(window, qtbot)
    assert len(seen) == 1
    # The page built off screen gets the start as the renderer made it, and dots its words once.
    assert firsts and "Part 0 heading" in firsts[0] and 'class="term" href=' in firsts[0]
    read_then, complete_then, headings, dotted = seen[0]
    assert not complete_then and not read_then  # shown before its rest, its outline not read in that step
    assert "Part 0 heading" in headings and "Part 39 heading" not in headings  # asked for: the start's, at once
    assert dotted  # its glossary word dotted all the same
    qtbot.waitUntil(outline.is_read)  # the whole page's, in idle steps once it is shown
    assert_whole_long_page(window)


def fragments(doc):
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_moving_by_heading_as_soon_as_a_long_page_is_complete_reads_its_outline_only_as_far(long_window, qtbot):
    window = long_window
    open_by_link(window, qtbot)
    outline = window.reader.outline
    assert not outline.is_read()
    window.reader.setFocus()
    for _ in range(2):  # the title, then the first part's heading
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert window.reader.textCursor().block().text().strip() == "Part 0 heading"
    assert not outline.is_read() and len(outline._known()) < 10  # read only as far as that heading
    for _ in range(SECTIONS - 1):
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert window.reader.textCursor().block().text().strip() == f"Part {SECTIONS - 1} heading"
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.textCursor().block().text().strip() == f"Part {SECTIONS - 2} heading"
    qtbot.waitUntil(outline.is_read)  # the rest in idle steps
    assert [item for item in outline.items if item.kind == "heading"][-1].text == "Where this information comes from"


def test_a_page_of_one_piece_is_complete_as_first_shown(long_window, qtbot):
    """Most topics come in one piece: once it is on screen the page is complete. It was built a second
    time off screen and swapped in (2-5 ms of every such switch, and the layout made again)."""
    from sbc_desktop.ui import page_document
    from tests.ui.test_page_builds import click_topic

    reader = long_window.reader
    made: list[object] = []
    real_init = page_document.PageDocument.__init__

    def counted(self, editor, first_html):
        made.append(self)
        real_init(self, editor, first_html)

    page_document.PageDocument.__init__ = counted
    try:
        click_topic(long_window, qtbot, "short")
        assert reader.current_url() == "topic:short"
        shown = reader.document()
        with qtbot.waitSignal(reader.pageLaidOut, timeout=10_000):
            pass
        assert reader.is_laid_out() and reader.document() is shown and made == []
        assert "Read the long page." in reader.toPlainText()
        assert [item.href for item in reader.outline.items if item.kind == "link"] == ["topic:long"]
        click_topic(long_window, qtbot, "long")  # a long page still has its rest built off screen
        qtbot.waitUntil(reader.is_complete, timeout=10_000)
        assert_whole_long_page(long_window)
        assert len(made) == 1
    finally:
        page_document.PageDocument.__init__ = real_init


def test_a_long_page_s_first_paint_has_a_turn_of_the_event_loop_to_itself(long_window, qtbot, monkeypatch):
    """The window's first paint of a new page (2-5 ms) shared its turn of the event loop with the making of the
    document the rest is built in and a first batch (a table's: 8-12 ms), and the finished page's first paint
    with its first layout step (2,000 px, a table's: 10-14 ms). Each now has a turn of its own."""
    from sbc_desktop.ui import page_document

    window, reader = long_window, long_window.reader
    reader.go("topic:short")
    qtbot.waitUntil(reader.is_laid_out)
    added: list[int] = []
    real_add = page_document.PageDocument.add
    monkeypatch.setattr(page_document.PageDocument, "add", lambda self, html: (added.append(1), real_add(self, html)))
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:long"))
    assert reader.current_url() == "topic:long" and not reader.is_complete()
    turns: list[set[str]] = []
    while not reader.is_laid_out() and len(turns) < 5_000:
        painted, batches, made = reader.painted_at, len(added), reader._offscreen is not None
        shown, laid_out = reader.document(), reader._layout_steps.laid_out_to()
        QApplication.processEvents()
        did = {"painted"} if reader.painted_at != painted else set()
        did |= {"made"} if not made and reader._offscreen is not None else set()
        did |= {"added"} if len(added) > batches else set()
        did |= {"laid out"} if reader.document() is shown and reader._layout_steps.laid_out_to() > laid_out else set()
        turns.append(did)
    assert reader.is_laid_out()
    assert_whole_long_page(window)
    assert {"painted"} in turns and {"made"} in turns and {"added"} in turns and {"laid out"} in turns
    # Each paint in a turn alone; the document made in a turn without a batch.
    assert [did for did in turns if "painted" in did and did != {"painted"}] == []
    assert [did for did in turns if "made" in did and "added" in did] == []


def test_a_page_left_is_freed_in_a_turn_without_a_step_of_the_outline(long_window, qtbot, monkeypatch):
    """A long page left is freed once the next page is laid out (a few ms), and the next page's outline is then
    read in idle steps (4 ms a turn): both in one turn of the event loop were 10-13 ms CPU. Never together now."""
    window, reader = long_window, long_window.reader
    from sbc_desktop.ui import reader_outline

    monkeypatch.setattr(reader_module, "FREE_LATER_CHARS", 10)  # (the short page is set aside too)
    # The outline asks every turn whether the page is laid out (not every 15 ms): the turn it is freed in is one.
    monkeypatch.setattr(reader_outline, "READ_WAIT_MS", 0)
    open_by_link(window, qtbot)
    qtbot.waitUntil(lambda: reader.is_laid_out() and reader.outline.is_read())
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.back), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: reader.is_laid_out() and reader.outline.is_read() and documents(reader) == [reader.document()]
    )
    short_doc = reader.document()
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.forward), Qt.MouseButton.LeftButton)
    assert reader.current_url() == "topic:long" and reader.document() is not short_doc  # (set aside)
    turns: list[set[str]] = []
    while not (reader.is_laid_out() and reader.outline.is_read()) and len(turns) < 5_000:
        alive, reading = shiboken6.isValid(short_doc), reader.outline._reading
        at = reading[2] if reading is not None else None
        QApplication.processEvents()
        did = {"freed"} if alive and not shiboken6.isValid(short_doc) else set()
        now = reader.outline._reading
        did |= {"outline read"} if reading is not None and (now is None or now[2] != at) else set()
        turns.append(did)
    assert reader.outline.is_read() and not shiboken6.isValid(short_doc)
    assert {"freed"} in turns and {"outline read"} in turns
    assert [did for did in turns if len(did) > 1] == []
    assert_whole_long_page(window)


def test_a_layout_step_that_reaches_a_table_begins_a_turn_of_its_own(qtbot, tmp_path, monkeypatch):
    """Qt lays a table out whole (8-15 ms for a long one): after the turn's other steps (up to 5 ms) it made turns
    of 13-18 ms. A step that would reach a table waits for the next turn, and is the first there."""
    from sbc_desktop.ui import page_document

    def table(number: int) -> str:
        rows = "\n".join(f"| r{number}.{row} | a | b | c |" for row in range(12))
        return (
            f"## Table {number}\n\n"
            + "Some words. " * 300
            + f"\n\n| Row | One | Two | Three |\n|---|---|---|---|\n{rows}\n"
        )

    pages = {"short": "Read [the tables](topic:tables).", "tables": "\n".join(table(n) for n in range(20))}
    window = MainWindow(load_library(make_content(tmp_path / "content", pages)), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    monkeypatch.setattr(page_document, "LAYOUT_BUDGET_S", 10.0)  # (else: every step of the page in one turn)
    reader, steps = window.reader, window.reader._layout_steps
    reader.go("topic:short")
    with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:tables"))
    tables = list(steps._tables)
    assert len(tables) > 5
    turns: list[tuple[int, int]] = []
    while steps.is_running() and len(turns) < 1_000:
        before = steps.laid_out_to()
        QApplication.processEvents()
        if steps.is_running() and steps.laid_out_to() > before:
            turns.append((before, steps.laid_out_to()))
    assert reader.is_laid_out() and len(turns) > 5
    chars = page_document.LAYOUT_STEP_CHARS
    # No table reached after a turn's first step.
    assert [(b, a) for b, a in turns if any(b + chars <= start < a for start, _end in tables)] == []
    text = reader.toPlainText()
    assert [f"Table {n}" in text for n in range(20)] == [True] * 20

    # Laid out again in steps for a bigger text (the place kept, below the page's top): its tables are found in
    # the document itself (its pieces are long gone), each still given a turn of its own (review13 m4).
    reader.verticalScrollBar().setValue(40)  # (a place near the top: laid out at once to be shown, then steps)
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert steps.is_running()
    again = list(steps._tables)
    assert len(again) == 20
    turns.clear()
    while steps.is_running() and len(turns) < 1_000:
        before = steps.laid_out_to()
        QApplication.processEvents()
        if steps.is_running() and steps.laid_out_to() > before:
            turns.append((before, steps.laid_out_to()))
    assert len(turns) > 5
    # (the first turn lays out what the screen shows at the kept place, at once: then the steps)
    assert [(b, a) for b, a in turns[1:] if any(b + chars <= start < a for start, _end in again)] == []
