"""Switching topics: a long page arrives in small pieces, whole, and from the disk cache."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
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


def test_back_and_forward_bring_the_whole_page(long_window, qtbot):
    window = long_window
    open_by_link(window, qtbot)
    back = window.toolbar.widgetForAction(window.commands.back)
    forward = window.toolbar.widgetForAction(window.commands.forward)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:short"
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:long" and window.reader.is_complete()
    assert_whole_long_page(window)


def test_find_in_page_finds_words_not_yet_added(long_window, qtbot):
    window = long_window
    window.reader.go("topic:long")
    assert not window.reader.is_complete()  # only the start is in: the rest comes in steps
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "zebrafinch")  # at the page's end: not in yet
    assert window.find_bar.count.text() == "Searching…"
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "1 of 1")  # found once the page has come in its steps
    assert window.reader.textCursor().selectedText() == "zebrafinch"
    assert_whole_long_page(window)


def test_moving_by_heading_reaches_the_last_heading_of_a_page_still_arriving(long_window, qtbot):
    window = long_window
    window.reader.go("topic:long")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)  # none before the top
    for _ in range(SECTIONS + 1):
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert window.reader.textCursor().block().text() == f"Part {SECTIONS - 1} heading"


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
