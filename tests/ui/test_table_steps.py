"""A long table comes in short tables (Qt lays a table out whole, in one step) that read and look as one."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextTable

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.table_steps import table_steps
from tests.helpers import make_content
from tests.ui.conftest import link_point, show_active

ROWS = 150


def long_table() -> str:
    rows = "\n".join(
        f"| Row {n} stage | {'grade ' * (n % 4)}{n} | the {n}th line of notes |" for n in range(1, ROWS + 1)
    )
    return "| Stage name | Grade | Notes |\n|---|---|---|\n" + rows


@pytest.fixture
def table_window(qtbot, tmp_path):
    pages = {
        "short": "Read [the table](topic:tables) or [what comes after it](topic:tables#after).",
        "tables": f"Some words first.\n\n{long_table()}\n\n## After the table {{#after}}\n\nThe end.",
    }
    window = MainWindow(load_library(make_content(tmp_path / "content", pages)), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(800, 600)
    show_active(qtbot, window)
    window.reader.go("topic:short")
    return window


def open_tables(window, qtbot, href: str = "topic:tables") -> list[QTextTable]:
    """Click the link to the page of the long table; its tables once it is complete and laid out."""
    reader = window.reader
    with qtbot.waitSignal(reader.pageCompleted, timeout=10_000):
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, href))
    assert reader.current_url() == href
    qtbot.waitUntil(lambda: not reader._layout_steps.is_running(), timeout=10_000)
    doc = reader.document()
    return [frame for frame in doc.rootFrame().childFrames() if isinstance(frame, QTextTable)]


def cells(table: QTextTable) -> list[list[str]]:
    return [[cell_text(table, row, column) for column in range(table.columns())] for row in range(table.rows())]


def cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def column_edges(window, table: QTextTable) -> list[float]:
    layout = window.reader.document().documentLayout()
    return [layout.blockBoundingRect(table.cellAt(0, column).firstCursorPosition().block()).x() for column in range(3)]


def row_top(window, table: QTextTable, row: int) -> float:
    layout = window.reader.document().documentLayout()
    return min(layout.blockBoundingRect(table.cellAt(row, c).firstCursorPosition().block()).top() for c in range(3))


def row_bottom(window, table: QTextTable, row: int) -> float:
    layout = window.reader.document().documentLayout()
    return max(layout.blockBoundingRect(table.cellAt(row, c).lastCursorPosition().block()).bottom() for c in range(3))


def test_a_long_table_comes_in_short_tables_that_read_and_look_as_one(table_window, qtbot):
    window = table_window
    tables = open_tables(window, qtbot)
    # In short tables, each laid out in a step of its own (one table of 151 rows was 20-50 ms of Qt's layout).
    assert len(tables) > 4 and max(table.rows() for table in tables) <= 30
    # Every row once, in order, under one header row: what a screen reader and find in page meet.
    rows = [row for table in tables for row in cells(table)]
    assert rows[0] == ["Stage name", "Grade", "Notes"]
    assert [row[0] for row in rows[1:]] == [f"Row {n} stage" for n in range(1, ROWS + 1)]
    assert rows[37] == ["Row 37 stage", "grade 37", "the 37th line of notes"]
    assert window.reader.toPlainText().count("Stage name") == 1
    # One table to the eye: the columns in line from piece to piece, and from one piece's last row to the
    # next one's first as far as from row to row (one border between them, no gap).
    edges = column_edges(window, tables[0])
    assert edges[0] < edges[1] < edges[2]
    between_rows = row_top(window, tables[0], 2) - row_bottom(window, tables[0], 1)
    for above, below in zip(tables, tables[1:], strict=False):
        assert column_edges(window, below) == pytest.approx(edges, abs=0.5)
        assert row_top(window, below, 0) - row_bottom(window, above, above.rows() - 1) == pytest.approx(between_rows)


def test_a_long_table_looks_the_same_on_a_page_shown_whole(table_window, qtbot):
    """A link to a place on the page brings it whole at once, not in pieces: its table is cut the same."""
    window = table_window
    edges = column_edges(window, open_tables(window, qtbot)[0])
    window.reader.go("topic:short")
    tables = open_tables(window, qtbot, "topic:tables#after")
    assert len(tables) > 4
    assert column_edges(window, tables[0]) == pytest.approx(edges, abs=0.5)
    assert column_edges(window, tables[-1]) == pytest.approx(edges, abs=0.5)


def test_only_a_long_plain_table_is_cut():
    row = "<tr>\n<td>a cell of text</td>\n<td>another</td>\n</tr>\n"
    plain = f"<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n{row * 200}</tbody>\n</table>\n"
    pieces = table_steps(plain)
    assert pieces is not None and len(pieces) > 4
    assert len(re.findall("<th[ >]", "".join(pieces))) == 2  # the header once
    assert len(re.findall("<td[ >]", "".join(pieces))) == 400
    widths = {tuple(re.findall(r'width="(\d+)%"', piece.partition("</tr>")[0])) for piece in pieces}
    assert len(widths) == 1  # every piece's columns as wide
    assert table_steps(plain.replace(row * 200, row * 5)) is None  # short
    assert table_steps(plain.replace("<td>another", '<td colspan="2">another', 1)) is None
    assert table_steps(plain.replace("<table>", '<table id="t">')) is None
