"""Glossary words in table cells are marked like any other (a dotted underline) and open their
meaning by click, by tap and by keyboard: on a short page, and on a long one built in steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content
from tests.ui.conftest import link_point, show_active

GLOSSARY = """terms:
  - id: liver
    term: liver
    definition: The organ that cleans the blood.
  - id: scan
    term: scan
    definition: A picture of the inside of the body.
  - id: bone
    term: bone
    definition: The hard tissue of the skeleton.
"""
TABLE = "| Where it spread | Test |\n|---|--:|\n| The **liver** | A scan |\n| Bone | An X-ray |\n"


@pytest.fixture(params=[0, 1_500], ids=["short page", "long page"])
def table_page(request, qtbot, tmp_path):
    filler = "\n\n".join(f"Paragraph {i}: words to make the page long." for i in range(request.param))
    root = make_content(tmp_path / "content", {"a": f"{filler}\n\n{TABLE}", "b": "B."}, glossary=GLOSSARY)
    window = MainWindow(load_library(root), settings=None)
    qtbot.addWidget(window)
    window.open_start_page("a")
    show_active(qtbot, window)
    qtbot.waitUntil(window.reader.is_complete, timeout=20_000)
    return window


def term_links(reader) -> dict[str, QTextCharFormat]:
    """Each glossary link inside a table on the page, and its format."""
    found = {}
    block = reader.document().begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is not None:
            for piece in block.textFormats():
                if piece.format.anchorHref().startswith("term:"):
                    found[piece.format.anchorHref()] = QTextCharFormat(piece.format)
        block = block.next()
    return found


def test_glossary_words_in_table_cells_have_the_dotted_underline(table_page):
    links = term_links(table_page.reader)
    assert set(links) == {"term:liver", "term:scan", "term:bone"}  # bold, in a cell, and a cell's first word
    for href, fmt in links.items():
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine, href


def test_a_click_on_a_word_in_a_table_opens_its_meaning(table_page, qtbot):
    window = table_page
    point = link_point(window.reader, "term:scan")
    with qtbot.waitSignal(window.reader.termActivated):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(window.popup.isVisible)
    assert window.popup.term.id == "scan"


def test_tab_reaches_the_words_in_a_table_and_enter_opens_them(table_page, qtbot):
    window = table_page
    reader = window.reader
    reader.setFocus()
    reader.setTextCursor(QTextCursor(reader.document()))
    reached = []
    for _ in range(20):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        cursor = reader.textCursor()
        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart() + 1)
        href = probe.charFormat().anchorHref()
        if href.startswith("term:") and probe.currentTable() is not None:
            reached.append(href)
            if href == "term:bone":
                break
    assert reached == ["term:liver", "term:scan", "term:bone"]  # in reading order, cell by cell
    with qtbot.waitSignal(reader.termActivated):
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    qtbot.waitUntil(window.popup.isVisible)
    assert window.popup.term.id == "bone"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is reader


def test_a_tables_column_alignment_is_kept(table_page):
    """``--:`` under a column puts its cells on the right (numbers line up), as the page's author wrote:
    the alignment was dropped, every cell sat on the left."""
    doc = table_page.reader.document()
    cells = {}
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and block.text():
            cells[block.text()] = bool(block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight)
        block = block.next()
    assert cells["Test"] and cells["A scan"] and cells["An X-ray"]
    assert not cells["Bone"]  # (the first column: as written, no alignment)
