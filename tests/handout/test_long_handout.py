"""A handout taller than Qt's text layout can hold (about 729 A4 pages at the handout's 1,200 dpi,
review14 S1) is printed whole: it is set out a piece at a time (its first pages, each topic, the
medical words), and a single piece that tall is refused with a message, before any file is written.

Qt's real ceiling (``document.QT_TALLEST``, 8,388,607 px) is checked on a document made tall by its
margins, which lays out in milliseconds. The handouts themselves are tried against a stand-in ceiling
of a few dozen pages (``low_ceiling``): the same split, the same running page count and the same
refusal, with a fortieth of the pages to lay out, draw and read back (the 830-page stack took 5-15 s)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument

from sbc_desktop import cli
from sbc_desktop.handout import document
from sbc_desktop.handout.builder import HandoutOptions
from sbc_desktop.handout.steps import finish
from tests.handout.pdf_text import read_pages
from tests.helpers import make_content

PER_TOPIC = 600  # numbered lines a topic (about 20 pages): three of them are past the stand-in ceiling
CEILING_PAGES = 30  # the stand-in for Qt's ceiling, in whole pages (more in the handout's body's height)
NUMBER = re.compile(r"\bN(\d{5})\b")


def low_ceiling(monkeypatch) -> None:
    """Qt's layout ceiling, as the handout knows it, lowered to CEILING_PAGES pages: a piece taller than
    that is refused as one taller than Qt can lay out is; pieces under it are set out one after another."""
    page = document.page_layout().paintRectPixels(document.LAYOUT_DPI).height()  # (the body is shorter)
    monkeypatch.setattr(document, "QT_TALLEST", CEILING_PAGES * page)


def numbered(first: int, count: int) -> str:
    return "\n\n".join(f"N{n:05d} is one numbered line of a very long topic." for n in range(first, first + count))


def stack(root, topics: int, per_topic: int = PER_TOPIC):
    """A content folder of ``topics`` long topics, their lines numbered on from one topic to the next."""
    return make_content(root, {f"long-{i}": numbered(i * per_topic, per_topic) for i in range(topics)})


def tall(blocks: int, margin: int) -> QTextDocument:
    """A few words a block, each ``margin`` px below the one before: tall, and laid out at once."""
    doc = QTextDocument()
    cursor, spaced = QTextCursor(doc), QTextBlockFormat()
    spaced.setTopMargin(margin)
    for n in range(blocks):
        if n:
            cursor.insertBlock(spaced)
        cursor.insertText(f"block {n}")
    return doc


def pdf_device() -> QPdfWriter:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    buffer.setParent(writer)
    writer.setPageLayout(document.page_layout())
    writer.setResolution(document.LAYOUT_DPI)
    return writer


def test_qt_lays_out_nothing_below_the_height_the_handout_is_held_to(qapp):
    """The premise: past QT_TALLEST Qt's layout stops, and what comes below is lost, without an error."""
    doc = tall(100, 100_000)  # 10,000,000 px
    layout = doc.documentLayout()
    heights = [(n * 100_000, layout.blockBoundingRect(doc.findBlockByNumber(n)).height()) for n in range(100)]
    assert all(height > 0 for top, height in heights if top < document.QT_TALLEST - 200_000)
    assert all(height == 0 for top, height in heights if top > document.QT_TALLEST + 200_000)


def test_a_piece_taller_than_qt_can_lay_out_is_refused_by_its_name_before_a_page_is_drawn(qapp):
    """The real ceiling, in the units the handout's pages are measured in (1,200 dpi: a block a page)."""
    assert finish(document.laid_steps([("Tall", tall(700, 880))], pdf_device(), HandoutOptions())).page_count > 650
    with pytest.raises(document.TooLong, match="\u201cTall\u201d is too long to print at once"):
        finish(document.laid_steps([("Tall", tall(760, 880))], pdf_device(), HandoutOptions()))


def test_a_stack_of_topics_taller_than_the_ceiling_prints_every_line_once_in_order(qapp, tmp_path, capsys, monkeypatch):
    low_ceiling(monkeypatch)
    content, out = stack(tmp_path / "content", 3), tmp_path / "stack.pdf"
    code = cli.main(["export", "--content", str(content), "--topics", "long-0,long-1,long-2", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    pages = read_pages(out)
    assert len(pages) > 1.5 * CEILING_PAGES  # past the ceiling, where a single layout would stop
    numbers = [int(n) for page in pages for line in page.body for n in NUMBER.findall(line)]
    assert numbers == list(range(3 * PER_TOPIC))  # each once, in order: none lost, none drawn twice
    # One running count across the pieces: "Page 1 of 62" to "Page 62 of 62".
    assert [re.search(r"Page (\d+) of (\d+)", page.footer).groups() for page in pages] == [
        (str(n), str(len(pages))) for n in range(1, len(pages) + 1)
    ]
    # Each topic starts a page, as it always has.
    starts = [page.number for page in pages if page.body and page.body[0:2] == ["Section one", page.body[1]]]
    assert [pages[n - 1].body[1] for n in starts] == ["Long-0", "Long-1", "Long-2"]


def test_one_topic_too_long_to_print_is_refused_by_name_and_nothing_is_written(qapp, tmp_path, capsys, monkeypatch):
    low_ceiling(monkeypatch)
    content, out = stack(tmp_path / "content", 1, per_topic=3 * PER_TOPIC), tmp_path / "one.pdf"
    code = cli.main(["export", "--content", str(content), "--topics", "long-0", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "\u201cLong-0\u201d is too long to print at once" in err, err
    assert "make the handout without it" in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "content"]  # no part-written file either
    out.write_bytes(b"the handout printed yesterday")
    assert cli.main(["export", "--content", str(content), "--topics", "long-0", "-o", str(out)]) == 1
    assert out.read_bytes() == b"the handout printed yesterday"  # kept as it was
