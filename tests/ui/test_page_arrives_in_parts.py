"""A long page rendered in the helper comes to the reader part by part (content/arriving.py): its top is
shown, and the rest built, while the helper still parses the rest of it.

The helper is stood in for by the window's own renderer (`Renderer.render_parts`, the helper's own call),
held at a gate after its first parts, so that what the reader shows meanwhile is checked; then the test
lets it go and waits for the reader's signals.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content.rendered import Rendered
from sbc_desktop.ui import reader as reader_module
from tests.helpers import make_content
from tests.ui import test_page_builds
from tests.ui.test_page_builds import click_topic, shown_window
from tests.ui.test_switching import assert_whole_long_page, long_body


@pytest.fixture(autouse=True)
def long_pages_in_the_worker(monkeypatch):
    """As in the app (tests/conftest.py parses every page in go())."""
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    assert len(long_body()) > 4_000


window = test_page_builds.window  # (a fixture: the same pages, a long one among them)


class HelperAtAGate:
    """The window's pages made as the helper makes them (each part handed over as soon as it is made),
    held after ``held_after`` parts until `open()`. ``wrong``: the whole rendering then differs from the
    parts handed over (as when the helper's parse fails on the way)."""

    def __init__(self, window, held_after: int = 2, wrong: bool = False):
        self.opened = threading.Event()
        self.handed: list[str] = []
        renderer = window.pages.renderer

        def work(topic, on_part=None, on_last=None):
            def render():
                def hand(part: str) -> None:
                    if on_part is not None:
                        on_part(part)
                    self.handed.append(part)
                    if len(self.handed) == held_after:
                        assert self.opened.wait(20), "the gate was never opened"

                made = renderer.render_parts(topic.body, topic, hand)
                if wrong:
                    made = Rendered(("<p>Made otherwise.</p>",) + made.parts[1:], made.links, made.headings,
                                    made.text, made.terms)  # fmt: skip
                renderer.keep(topic.id, made)
                return made

            return render

        window.reader.elsewhere.work = work

    def open(self) -> None:
        self.opened.set()


def test_a_long_page_is_shown_from_its_first_parts_while_the_rest_is_still_made(window, qtbot):
    gate = HelperAtAGate(window)
    reader = window.reader
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):  # (before the gate is open: the first parts alone)
        click_topic(window, qtbot, "long")
    shown = reader.toPlainText()
    assert "Loading this page" not in shown and "Part 0 heading" in shown and "zebrafinch" not in shown
    assert not reader.is_building() and not reader.is_complete()
    assert len(gate.handed) == 2  # the page is still being made
    gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole_long_page(window)
    assert reader.toPlainText().count("Part 0 heading") == 1  # nothing shown twice
    # Glossary words are dotted links on the page that came in parts, as on any other.
    assert [item.href for item in reader.outline.items].count("term:liver") == 1


def test_moving_by_heading_on_a_page_still_coming_in_parts_waits_for_its_rest(qtbot, tmp_path):
    sections = "\n".join(f"## Step {n}\n\nWhat happens at step {n}, with the blood tests. " * 1 + "More words. " * 40
                          for n in range(12))  # fmt: skip
    assert 4_000 < len(sections) < reader_module.SHORT_PAGE_CHARS  # what is left is added at once for H
    root = make_content(tmp_path / "content", {"short": "A short page.", "medium": sections})
    medium = shown_window(qtbot, root)
    gate = HelperAtAGate(medium)
    reader = medium.reader
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):
        click_topic(medium, qtbot, "medium")
    assert not reader.is_complete() and "Step 11" not in reader.toPlainText()
    threading.Timer(0.2, gate.open).start()  # the helper's last part comes while the reader waits for it
    reader.setFocus()
    for _ in range(13):  # the title, then each step's heading
        qtbot.keyClick(reader, Qt.Key.Key_H)
    assert reader.is_complete() and reader.textCursor().block().text() == "Step 11"
    parts = sum(1 for _ in medium.pages.parts_for("topic:medium"))
    assert parts > 2 and reader.parts_shown == parts


def test_a_page_made_otherwise_than_its_parts_came_is_shown_again_as_made(window, qtbot):
    gate = HelperAtAGate(window, wrong=True)
    reader = window.reader
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):
        click_topic(window, qtbot, "long")
    assert "Part 0 heading" in reader.toPlainText()
    with qtbot.waitSignal(reader.pageBuilt, timeout=10_000):  # shown again, as the renderer made it
        gate.open()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    text = reader.toPlainText()
    assert "Made otherwise." in text and "Part 0 heading" not in text and "zebrafinch" in text
    parts = sum(1 for _ in window.pages.parts_for("topic:long"))
    assert reader.parts_shown == parts
