"""A screen reader asking for a long page's outline gets it without the window stopping to read all of it.

The page's headings and links reach a screen reader as the accessible children of the reader's outline
(ui/reader_outline.py). A long page's outline is read in idle steps once the page is shown; a screen
reader asking for it before that (the accessibility bridge asks for the number of children, then each)
used to have the whole of it read at once: 0.2-1 s on the longest imported pages. It now gets what is read
so far, after a short read on, and is told of the rest as it comes, a few items per turn of the event loop
(told of all at once, the bridge made thousands of accessible objects in one step).
"""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QAccessible

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import reader_outline
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_page_builds import click_topic, other_body
from tests.ui.test_screen_reader import accessible_tree
from tests.ui.test_switching import long_body


@pytest.fixture
def long_page(qtbot, tmp_path, settings):
    """The window showing a page of about 400,000 characters (as the longest imported pages), its outline unread."""
    longest = "\n".join(long_body().replace("Part ", f"Part {n}.") for n in range(14))
    content = make_content(tmp_path / "content", {"long": longest, "other": other_body()})
    window = open_window(qtbot, load_library(content), settings)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(window.reader.is_complete, timeout=20_000)
    return window


def test_a_screen_reader_asking_for_a_long_pages_outline_gets_what_is_read_without_a_long_step(
    long_page, qtbot, monkeypatch
):
    monkeypatch.setattr(reader_outline, "ASKED_BUDGET_S", 0.002, raising=False)  # (a little read on: any machine)
    # ...in the outline's own time: each look at the clock 0.1 ms on (a block or two read). On the real clock,
    # at load 10 the first block's read took longer than that (the process waiting for a core): nothing was read.
    ticks = itertools.count()
    monkeypatch.setattr(reader_outline, "time", SimpleNamespace(perf_counter=lambda: next(ticks) * 0.0001))
    outline = long_page.reader.outline
    assert not outline.is_read()
    iface = QAccessible.queryAccessibleInterface(outline)
    asked = iface.childCount()  # as the bridge asks
    assert not outline.is_read()  # was: the whole outline read in this one call
    assert 0 < asked < 400
    first = iface.child(0)
    assert first.role() == QAccessible.Role.Heading and first.text(QAccessible.Text.Name)
    assert iface.child(asked + 10) is None  # (not read yet: nothing made up, and nothing read at once)
    assert not outline.is_read()
    qtbot.waitUntil(outline.is_read, timeout=30_000)  # the rest in idle steps
    assert iface.childCount() == len(outline.items) > 500
    headings = [name for role, name, _ in accessible_tree(iface) if role == QAccessible.Role.Heading]
    assert headings[-1] == "Where this information comes from" and "Part 13.12 heading" in headings


def test_a_listening_screen_reader_is_told_of_a_long_pages_items_a_few_at_a_time(long_page, qtbot, monkeypatch):
    sent = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    outline = long_page.reader.outline
    with qtbot.waitSignal(outline.outlineRead, timeout=30_000):
        outline.read_later()  # (the page shown again: its outline read again in idle steps)
    told_at_once = [event for event in sent if event.type() == QAccessible.Event.ObjectCreated]
    total = len(outline.items)
    assert len(told_at_once) < total  # not all in the step that finished reading
    assert not [event for event in sent if event.type() == QAccessible.Event.ObjectReorder]  # (the bridge asks for all)
    qtbot.waitUntil(lambda: outline._announced == total, timeout=30_000)
    created = [event for event in sent if event.type() == QAccessible.Event.ObjectCreated]
    assert len(created) == total
    assert created[-1].accessibleInterface().text(QAccessible.Text.Name) == outline.items[-1].text
