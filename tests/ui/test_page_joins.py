"""A long page the reader builds from pieces (off screen, page_document.py) is the document Qt makes of the page
set whole: the same blocks, each with the same text, format, list and table cell (page_joins.py).

Read aloud, find, the caret and a screen reader all read that document. Where a piece ended, Qt's own reading of a
fragment made it another: a space at the end of the piece's last block, a list cut between pieces made two lists
(with a list's margins between them), an empty line after a table or an empty heading (whose "#name" was lost).
Each page here has one of those at a join; the user opens it from the topic list.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QBrush, QColor, QTextCursor, QTextDocument, QTextLength

from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui.page_document import dotted_terms
from sbc_desktop.ui.table_grid import grid_tables
from tests.helpers import make_content
from tests.ui.test_page_builds import click_topic, shown_window

WORDS = "The liver and the bones are where the cancer may spread, and the care team checks them often. "
# The last cell empty: Qt's import leaves its block open for what follows (where the page goes on: no empty line).
TABLE = (
    "| Medicine | What it is for | Note |\n|---|---|---|\n"
    + "".join(f"| medicine {n} | it helps with pain number {n} | note {n} |\n" for n in range(6))
    + "| last medicine | helps with sleep |  |\n"
)
PAGES = {
    # The page's first part (the first piece shown, the start of the page built off screen) ends with the table...
    "table": WORDS * 18 + "\n\n" + TABLE + "\n" + WORDS * 30 + "\n\n## Further on\n\n" + WORDS * 20 + "\n",
    # ...with a heading with no words after it (NCI pages have them: "##"), its "#name" on the next words.
    "heading": WORDS * 18 + "\n\n" + TABLE + "\n##\n\n" + WORDS * 30 + "\n\n" + WORDS * 20 + "\n",
    # A list of 170 references: cut between its items into pieces, and those into batches added one at a time.
    "references": WORDS * 3
    + "\n\n"
    + "\n".join(f"{n}. Reference {n}: " + WORDS * 2 for n in range(1, 170))
    + "\n\nThe end of the page.\n",
}


@pytest.fixture
def window(qtbot, tmp_path):
    return shown_window(qtbot, make_content(tmp_path / "content", {"short": "A short page.", **PAGES}))


def _shape(doc: QTextDocument) -> list[tuple]:
    """Each block: its text, its format, its list (which one: its first item's block; the item's number), its
    table cell and the formats of its words ("#name" places among them)."""

    def plain(value):
        if isinstance(value, QBrush):
            return value.color().name(QColor.NameFormat.HexArgb), value.style()
        if isinstance(value, QTextLength):
            return value.type(), value.rawValue()
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    def props(fmt) -> dict:
        values = fmt.properties()
        values.pop(0, None)  # (ObjectIndex: a list's own number in its document)
        return {key: plain(item) for key, item in values.items()}

    blocks = []
    block = doc.begin()
    while block.isValid():
        items = block.textList()
        table = QTextCursor(block).currentTable()
        cell = table.cellAt(block.position()) if table is not None else None
        words = []
        fragments = block.begin()
        while not fragments.atEnd():
            words.append((fragments.fragment().text(), props(fragments.fragment().charFormat())))
            fragments += 1
        blocks.append((
            block.text(),
            props(block.blockFormat()),
            (items.item(0).blockNumber(), items.itemNumber(block), props(items.format())) if items else None,
            (table.firstPosition(), cell.row(), cell.column()) if cell is not None else None,
            words,
        ))  # fmt: skip
        block = block.next()
    return blocks


def _whole(window, url: str) -> QTextDocument:
    """The page set whole, as the reader sets a page it shows whole."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet(window.reader.document().defaultStyleSheet())
    doc.setHtml(dotted_terms(grid_tables(window.pages.html_for(url))))
    return doc


@pytest.mark.parametrize("topic", list(PAGES))
def test_a_page_built_in_pieces_is_the_page_set_whole(window, qtbot, topic):
    reader = window.reader
    built: list[bool] = []
    real = reader_module.Reader._show_offscreen
    reader._show_offscreen = lambda: (built.append(True), real(reader))[1]  # (noted: the page was built off screen)
    click_topic(window, qtbot, topic)
    qtbot.waitUntil(reader.is_complete, timeout=20_000)
    assert built, "the page was not built from pieces"
    url = f"topic:{topic}"
    assert reader.current_url() == url
    whole = _whole(window, url)
    shown = reader.document()
    assert shown.toPlainText() == whole.toPlainText()
    assert shown.blockCount() == whole.blockCount()
    for number, (block, expected) in enumerate(zip(_shape(shown), _shape(whole), strict=True)):
        assert block == expected, f"block {number}"


def test_the_pieces_end_where_the_quirks_were(window):
    """The pages above do what they are for: the table's page's first part ends with its table, the heading's with
    an empty heading, and the list is cut into pieces that do not all go into one batch."""
    parts = {topic: list(window.pages.parts_for(f"topic:{topic}")) for topic in PAGES}
    assert parts["table"][0].rstrip().endswith("</table>") and len(parts["table"]) > 1
    assert parts["heading"][0].rstrip().endswith("></h2>") and len(parts["heading"]) > 1
    references = "".join(parts["references"])
    assert references.count("<li>") > 150 and len(references) > 2 * reader_module.BATCH_CHARS
