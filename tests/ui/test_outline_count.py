"""The page's outline (its headings and links for a screen reader; H, K and Tab move by them) stays the page's own
when the count of a part shown early comes: the part line then says "of N" (its text after it moves on) and the
list of every part goes under the part. Whether the outline was read whole before, or was still being read in idle
steps (then the count's step does not read it all: on a long NCI part that was 4-5 ms of CPU in that one step)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbc_desktop.ui.reader_outline import PageOutline, outline_of
from tests.ui.test_first_part_early import opened_held, root, window  # noqa: F401 - fixtures


def press_h(reader) -> str:
    """H: the caret to the next heading; returns the text from the caret to its line's end."""
    QTest.keyClick(reader, Qt.Key.Key_H)
    caret = reader.textCursor()
    block = caret.block()
    return block.text()[caret.position() - block.position() :]


@pytest.mark.parametrize("read_first", [True, False])
def test_the_outline_is_the_page_s_after_the_count_comes(window, qtbot, monkeypatch, read_first):  # noqa: F811
    reader = window.reader
    if not read_first:  # its idle steps held: the outline is read only as far as a key needs it
        monkeypatch.setattr(PageOutline, "_read_step", lambda self: None)
    helper = opened_held(window, qtbot, 2)
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    if read_first:
        qtbot.waitUntil(reader.outline.is_read, timeout=10_000)
    assert [press_h(reader), press_h(reader)] == ["Long", "Section 1 heading"]
    assert reader.outline.is_read() == read_first
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    assert "All the parts of this page" in reader.document().toPlainText()
    assert reader.outline.is_read() == read_first  # (not read whole in the count's step)
    # H goes on to the next heading, and onto its first letter: not a few letters before it (" of N" came above).
    assert press_h(reader) == "Section 1 detail"
    assert reader.outline.items == outline_of(reader.document())
