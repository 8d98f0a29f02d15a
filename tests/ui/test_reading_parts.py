"""A long page is read in parts: "Part 2 of 5: <heading>", Next part / Previous part, keys, links, Back.

The page is generated (no corpus file): twelve sections of thirty paragraphs each, cut by the real
budget (content/reading_parts.py) into a few parts.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbc_desktop.content.loader import load_library
from sbc_desktop.pages import part_url
from tests.helpers import make_content
from tests.ui.conftest import link_point
from tests.ui.test_back_keeps_place import open_window


def parted_body(sections: int = 12, paragraphs: int = 30) -> str:
    out = ["An opening paragraph before the first section."]
    for number in range(1, sections + 1):
        out.append(f"## Section {number} heading")
        if number == 2:
            out.append("A link to [the place in section 11](#section-11-heading).")
        for line in range(paragraphs):
            out.append(f"Paragraph {line} of section {number}: *some* words about it, **plain** and short.")
        out.append(f"### Section {number} detail")
        out.append(f"The end of section {number}.")
    return "\n\n".join(out)


@pytest.fixture
def root(tmp_path, in_parts):
    pages = {"long": parted_body(), "other": "A page that links to [section 9](topic:long#section-9-heading)."}
    return make_content(tmp_path / "content", pages)


@pytest.fixture
def window(qtbot, root, settings):
    return open_window(qtbot, load_library(root), settings, "long")


def shown(window, qtbot, index: int) -> None:
    qtbot.waitUntil(lambda: window.reader.part_index() == index and window.reader.is_complete())


def text(window) -> str:
    return window.reader.document().toPlainText()


def test_a_long_page_opens_at_its_first_part_with_its_part_line_and_a_next_part_button(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    count = reader.part_count()
    assert 3 <= count <= 12
    assert f"Part 1 of {count}: Section 1 heading" in text(window)
    assert "Paragraph 0 of section 1" in text(window) and "Paragraph 0 of section 12" not in text(window)
    bar = window.reading_parts.bar
    assert bar is not None and bar.isVisible()
    assert not bar.previous_button.isVisible()
    assert bar.next_button.isVisible() and bar.next_button.accessibleName().startswith("Next part: Section ")
