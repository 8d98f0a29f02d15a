"""What Qt's layout and paint of a page's long table cost: collapsed borders against the reader's grid.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_tables.py [--pages 16] [--rounds 5]

Qt lays a table out whole, in one step that nothing can cut (QTextDocumentLayout), so a long table's
layout is one step that blocks input. The reader draws a page's tables as a grid of separate cells
(ui/table_grid.py); with collapsed borders Qt works every cell's edges out from its neighbours.

For the ``--pages`` NCI pages whose biggest table has the most cells (the breast cancer stages first),
that table as the reader gets it (rendered with the NCI glossary, the reader's style sheet, 900 px wide,
measured on a window's fonts), three ways, alternated in each round:

- **collapsed**: the table's HTML as the renderer makes it (``border-collapse: collapse``, as before);
- **grid**: as the reader shows it now (``grid_tables``: separate cells, no spacing);
- **floor**: the same text with no table: each row one paragraph, its cells' text joined.

Per table and way: the UI thread's CPU to lay it out whole (``blockBoundingRect`` of the last block),
and to paint it whole (``drawContents`` into an image). Medians over the rounds.

**Workload check** (the run stops otherwise): each document holds one table (none for the floor) with as
many cells as the HTML has, the grid's cells separate with no spacing and the collapsed one's collapsed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reader import NCI_PAGES, nci_page_files, write_nci_glossary  # noqa: E402

WIDTH = 900  # px: the reader's text column in a 1280 px window, about
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_CELL = re.compile(r"<t[dh][ >]")
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_TEXT_CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.DOTALL)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def load_avg() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def table_cells(markdown: str) -> int:
    """The cells of the biggest Markdown table in ``markdown`` (lines starting with '|', about)."""
    best = run = 0
    for line in markdown.splitlines():
        if line.lstrip().startswith("|"):
            run += max(0, line.count("|") - 1)
        else:
            best, run = max(best, run), 0
    return max(best, run)


def floor_html(table: str) -> str:
    """The table's text with no table: a paragraph a row, its cells' text joined."""
    rows = []
    for row in _ROW.findall(table):
        rows.append("<p>" + " · ".join(_TEXT_CELL.findall(row)) + "</p>")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=16, help="NCI pages with the most table cells (16)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, each way alternated in each (5)")
    args = parser.parse_args()
    if not NCI_PAGES.is_dir():
        print(f"NCI pages not found ({NCI_PAGES})")
        return 1

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from sbc_desktop.content.loader import load_library
    from sbc_desktop.pages import Pages
    from sbc_desktop.ui.appearance import THEMES, reader_style_sheet
    from sbc_desktop.ui.table_grid import grid_tables

    app = QApplication([])
    window = QTextBrowser()  # the fonts and resolution a window measures with
    window.resize(WIDTH + 100, 800)
    window.show()
    app.processEvents()
    style = reader_style_sheet(next(iter(THEMES.values())))

    picked = sorted(nci_page_files(), key=lambda p: -table_cells(p.read_text(encoding="utf-8")))[: args.pages]
    with tempfile.TemporaryDirectory(prefix="sbc-bench-tables-") as folder:
        root = Path(folder)
        for page in picked:
            target = root / "topics" / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
        write_nci_glossary(root / "glossary.yaml")
        library = load_library(root)
        pages = Pages(library)
        tables = {}
        for topic_id in library.topics:
            html = pages.topic_html(library.topics[topic_id])  # (the whole page: a long one is read in parts)
            found = _TABLE.findall(html)
            if found:
                tables[topic_id] = max(found, key=lambda t: len(_CELL.findall(t)))
    if len(tables) != len(picked):
        raise RuntimeError(f"{len(tables)} pages with a table, {len(picked)} picked")

    def document(html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setUndoRedoEnabled(False)
        doc.setDefaultStyleSheet(style)
        doc.setDefaultFont(window.document().defaultFont())
        doc.setDefaultTextOption(window.document().defaultTextOption())
        doc.setHtml(html)
        doc.setTextWidth(WIDTH)
        return doc

    def check(doc: QTextDocument, cells: int, collapse: bool | None) -> None:
        found, block = [], doc.begin()
        while block.isValid():
            table = QTextCursor(block).currentTable()
            if table is not None and table not in found:
                found.append(table)
            block = block.next()
        if collapse is None:
            if found:
                raise RuntimeError("the floor holds a table")
            return
        if len(found) != 1 or found[0].rows() * found[0].columns() != cells:
            raise RuntimeError(f"{len(found)} tables, not one of {cells} cells")
        fmt = found[0].format()
        if fmt.borderCollapse() != collapse or (not collapse and fmt.cellSpacing() != 0):
            raise RuntimeError("the table is not drawn the way it is measured for")

    def measure(html: str, cells: int, collapse: bool | None) -> tuple[float, float]:
        doc = document(html)
        check(doc, cells, collapse)
        began = time.thread_time()
        layout = doc.documentLayout()
        layout.setPaintDevice(window.viewport())
        layout.blockBoundingRect(doc.lastBlock())  # the whole document laid out
        laid = time.thread_time() - began
        size = doc.size()
        image = QImage(int(size.width()) + 1, int(size.height()) + 1, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        began = time.thread_time()
        doc.drawContents(painter, QRectF(image.rect()))
        painted = time.thread_time() - began
        painter.end()
        return laid * 1000, painted * 1000

    ways = ("collapsed", "grid", "floor")
    figures: dict[str, dict[str, list[tuple[float, float]]]] = {t: {w: [] for w in ways} for t in tables}
    print(f"{len(tables)} NCI tables, {args.rounds} rounds, {load_avg()}")
    for _ in range(args.rounds):
        for topic_id, table in tables.items():
            cells = len(_CELL.findall(table))
            figures[topic_id]["collapsed"].append(measure(table, cells, True))
            figures[topic_id]["grid"].append(measure(grid_tables(table), cells, False))
            figures[topic_id]["floor"].append(measure(floor_html(table), cells, None))
    print(f"done, {load_avg()}")
    head = "layout ms: collapsed / grid / floor   paint ms: collapsed / grid"
    print(f"{'page (its biggest table)':62} {'cells':>5}  {head}")
    medians: dict[str, list[tuple[float, float]]] = {w: [] for w in ways}
    for topic_id, table in sorted(tables.items(), key=lambda kv: -len(_CELL.findall(kv[1]))):
        row = {}
        for way in ways:
            row[way] = (statistics.median(f[0] for f in figures[topic_id][way]),
                        statistics.median(f[1] for f in figures[topic_id][way]))  # fmt: skip
            medians[way].append(row[way])
        print(f"{topic_id[:62]:62} {len(_CELL.findall(table)):5}  {row['collapsed'][0]:7.1f} / {row['grid'][0]:5.1f} / "
              f"{row['floor'][0]:5.1f}          {row['collapsed'][1]:7.1f} / {row['grid'][1]:5.1f}")  # fmt: skip
    for way in ways:
        laid = [m[0] for m in medians[way]]
        painted = [m[1] for m in medians[way]]
        print(f"  {way:9} layout p50 {pct(laid, 50):6.1f}  p95 {pct(laid, 95):6.1f}  max {max(laid):6.1f} ms;"
              f"  paint p50 {pct(painted, 50):6.1f}  p95 {pct(painted, 95):6.1f}"
              f"  max {max(painted):6.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
