"""A page's tables are drawn as a grid of separate cells (ui/table_grid.py), however the page comes:
Qt lays a table with collapsed borders out at over twice the cost, in one step that holds input.
What a person sees stays a grid of single lines, one between any two cells, none missing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor, QTextTable

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content
from tests.ui.conftest import show_active
from tests.ui.test_page_builds import click_topic
from tests.ui.test_switching import long_body

ROWS = 30


def table(rows: int = ROWS) -> str:
    lines = ["| Stage | Grade | What it means |", "|---|---|---|"]
    lines += [f"| Stage {n} | {n % 3 + 1} | The {n}th line of notes on this stage |" for n in range(rows)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def window(qtbot, tmp_path):
    pages = {
        "short": f"Some words first.\n\n{table()}",  # the whole page is its first piece
        "first": f"{table()}\n\n{long_body()}",  # a long page, its table in the first piece
        "last": f"{long_body()}\n\n{table()}",  # a long page, its table in a piece added later
        "other": "Another page.",
    }
    window = MainWindow(load_library(make_content(tmp_path / "content", pages)), settings=None, cache_dir=None)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.open_start_page("other")
    return show_active(qtbot, window)


def shown_tables(window, qtbot) -> list[QTextTable]:
    reader = window.reader
    qtbot.waitUntil(lambda: reader.is_complete() and reader.is_laid_out(), timeout=20_000)
    found, block = [], reader.document().begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and table not in found:
            found.append(table)
        block = block.next()
    return found


def line_widths(pixels: list[int], ink: int) -> list[int]:
    """The widths of the runs of ``ink`` along a line of pixels."""
    widths, run = [], 0
    for pixel in [*pixels, ~ink]:
        if pixel == ink:
            run += 1
        elif run:
            widths.append(run)
            run = 0
    return widths


def assert_a_grid(window, table: QTextTable) -> None:
    """Drawn as the reader draws it: across a row, and down a column, one line of 1 px between cells and
    at the edges (with no space between cells, two cells drawing their borders side by side show 2 px)."""
    doc = window.reader.document()
    layout = doc.documentLayout()
    size = doc.size()
    image = QImage(int(size.width()) + 1, int(size.height()) + 1, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    doc.drawContents(painter, QRectF(image.rect()))
    painter.end()

    def text_of(row: int) -> QRectF:  # the text of the row's first cell, inside its padding of 6 px
        return layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block())

    across = int(text_of(1).top()) - 3  # in the top padding of the first row under the header: no text
    down = int(text_of(1).left()) - 3  # in the left padding of the first column
    top, bottom = int(text_of(0).top()) - 12, int(text_of(table.rows() - 1).bottom()) + 12
    row = [image.pixel(x, across) for x in range(image.width())]
    ink = min(row, key=lambda pixel: QColor(pixel).lightness())  # the grid's colour (nothing else on that line)
    assert line_widths(row, ink) == [1] * (table.columns() + 1)
    assert line_widths([image.pixel(down, y) for y in range(top, bottom)], ink) == [1] * (table.rows() + 1)


def assert_grid_tables(window, qtbot) -> None:
    tables = shown_tables(window, qtbot)
    assert len(tables) == 1 and tables[0].rows() == ROWS + 1
    fmt = tables[0].format()
    assert not fmt.borderCollapse() and fmt.cellSpacing() == 0
    assert_a_grid(window, tables[0])


@pytest.mark.parametrize("topic", ["short", "first", "last"])
def test_a_pages_table_is_a_grid_of_separate_cells_however_the_page_comes(window, qtbot, topic):
    click_topic(window, qtbot, topic)
    assert window.reader.current_url() == f"topic:{topic}"
    assert_grid_tables(window, qtbot)


def test_a_long_page_parsed_in_the_worker_and_shown_again_by_back_has_the_grid(window, qtbot, monkeypatch):
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)  # as in the app: a long page is parsed in the worker
    click_topic(window, qtbot, "first")
    qtbot.waitUntil(lambda: not window.reader.is_building(), timeout=20_000)
    assert_grid_tables(window, qtbot)
    click_topic(window, qtbot, "other")
    qtbot.waitUntil(window.reader.is_complete, timeout=20_000)
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(lambda: window.reader.current_url() == "topic:first", timeout=20_000)
    assert_grid_tables(window, qtbot)
