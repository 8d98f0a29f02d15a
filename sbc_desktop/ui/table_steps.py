"""Cut a long table into short tables that Qt lays out one at a time, and that read as the one table.

Qt lays a table out whole, in one step: a table of 135 rows (an NCI page's breast cancer stages)
held input for 20-50 ms however the reader's layout steps were sized (ui/page_document.py). So a
long top-level table is added as several tables of about 20 rows each, one under the other:

- the same rows, in order, and nothing added to the text: the header row is **not** repeated in
  each piece. A screen reader, find in page, read aloud and a copy meet every cell once, as in the
  one table (a header read again every 20 rows would be heard as rows of the table). The one thing
  added: an empty line between two pieces in the page's plain text (Qt's block after a table);
- the same column widths in every piece, so that the columns run on straight: Qt would size each
  piece's columns by its own rows. Each column's share of the page is worked out once, from the whole
  table's text (at least its longest word; the rest of a line of READING_WIDTH characters shared by
  how much more each column's text would take) and given to every piece (``width="N%"``). A page shown
  whole at once gets the same (cut_tables), so a table looks the same however its page came;
- no gap between the pieces: each piece after the first is drawn two pixels up (Qt leaves that between
  two tables with nothing but an empty block between them, and every table has its own border), so the
  borders meet as one line.

Only a plain table is cut (the renderer's Markdown tables are): no cell spanning rows or columns, no
caption, foot, column groups or table inside, a bare ``<table>`` tag, as many cells in every row.
Anything else stays one table, as before.

What is left: Qt's lazy layout stops only at a check point it sets every 2,000 pixels down the page
(QTextDocumentLayout's layoutFlow), so a step of the reader's layout lays out at least that much, cut
tables or not: about 75 rows of a six-column table, some 10 ms of CPU on a quiet machine.
"""

from __future__ import annotations

import re

TABLE_CHARS = 2000  # a long table's rows in tables of about this many characters of HTML (about 20 rows)
READING_WIDTH = 72  # characters across the page (the reader fits its line length to about this)
CELL_PADDING = 2  # characters a cell's padding and border take beside its text (6 px each side)
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:"[^"]*"|\'[^\']*\'|[^>"\'])*>')
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_MARKUP = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&#?[a-zA-Z0-9]+;")
_CELL = re.compile(r"<(t[dh])\b", re.IGNORECASE)
_NOT_CUT = ("colspan", "rowspan", "<caption", "<tfoot", "<col", "width=")


def table_steps(table: str, limit: int = TABLE_CHARS) -> list[str] | None:
    """``table`` (one top-level ``<table>`` element) as tables of about ``limit`` characters each, or
    None where it is not cut (short, or not a plain table: see the module's text)."""
    if len(table) <= limit or not table.startswith("<table>") or table.count("<table") != 1:
        return None
    lowered = table.lower()
    if any(word in lowered for word in _NOT_CUT):
        return None
    rows = _rows(table)
    if rows is None:
        return None
    head = [row for row in rows if row[2]]
    body = [row for row in rows if not row[2]]
    if len(body) < 2 or rows[: len(head)] != head:
        return None
    table_width, shares = _widths([cells for _start, _end, _in_head, cells in rows])
    cell_widths = [f' width="{share}%"' for share in shares]

    def row_html(row: tuple, first: bool) -> str:
        html = table[row[0] : row[1]]
        if not first:
            return html
        given = iter(cell_widths)
        return _CELL.sub(lambda match: match.group(0) + next(given), html)

    groups: list[list[tuple]] = [[]]
    size = sum(row[1] - row[0] for row in head)
    for row in body:
        if size >= limit and groups[-1]:
            groups.append([])
            size = 0
        groups[-1].append(row)
        size += row[1] - row[0]
    if len(groups) == 1:
        return None
    pieces = []
    for number, group in enumerate(groups):
        last = number == len(groups) - 1
        style = ("margin-top: -2px; " if number else "") + ("" if last else "margin-bottom: 0px")
        html = [f'<table width="{table_width}%" style="{style.strip()}">\n']
        if number == 0 and head:
            html += ["<thead>\n", *(row_html(row, index == 0) for index, row in enumerate(head)), "\n</thead>\n"]
        first_row_sized = number > 0 or not head
        html += ["<tbody>\n", *(row_html(row, first_row_sized and index == 0) for index, row in enumerate(group))]
        html.append("\n</tbody>\n</table>\n")
        pieces.append("".join(html))
    return pieces


def cut_tables(html: str) -> str:
    """``html`` with each long table as its short tables, for a page shown whole at once: it looks as the
    same page added in pieces does (its tables' columns as wide)."""
    if "<table>" not in html:
        return html
    out, at = [], 0
    for match in _TABLE.finditer(html):
        cut = table_steps(match.group(0))
        if cut:
            out += [html[at : match.start()], "".join(cut)]
            at = match.end()
    out.append(html[at:])
    return "".join(out)


def _rows(table: str) -> list[tuple[int, int, bool, list[str]]] | None:
    """Each row: where it begins and ends in ``table``, whether it is in the table's head, its cells' HTML.
    None if the rows do not have as many cells each."""
    rows: list[tuple[int, int, bool, list[str]]] = []
    in_head = False
    row_at = cell_at = -1
    cells: list[str] = []
    for match in _TAG.finditer(table):
        closing, name = match.group(1), match.group(2).lower()
        if name == "thead":
            in_head = not closing
        elif name == "tr" and not closing:
            row_at, cells = match.start(), []
        elif name == "tr" and row_at >= 0:
            rows.append((row_at, match.end(), in_head, cells))
            row_at = -1
        elif name in ("td", "th"):
            if not closing:
                cell_at = match.end()
            elif cell_at >= 0:
                cells.append(table[cell_at : match.start()])
                cell_at = -1
    if not rows or len({len(row[3]) for row in rows}) != 1 or not rows[0][3]:
        return None
    return rows


def _widths(rows: list[list[str]]) -> tuple[int, list[int]]:
    """The table's width and each column's share of it, in per cent, from the whole table's text: as
    wide as its longest text where the columns fit on a line; else each column its longest word and a
    share of the rest by how much more its text would take (as browsers share a table's width out)."""
    columns = len(rows[0])
    longest: list[float] = [CELL_PADDING] * columns  # the whole text of the column's longest cell
    narrowest: list[float] = [CELL_PADDING] * columns  # the column's longest word
    for cells in rows:
        for column, cell in enumerate(cells):
            text = _ENTITY.sub("x", _MARKUP.sub("", cell)).split()
            longest[column] = max(longest[column], len(" ".join(text)) + CELL_PADDING)
            narrowest[column] = max(narrowest[column], max(map(len, text), default=0) + CELL_PADDING)
    widest, least = sum(longest), sum(narrowest)
    if widest <= READING_WIDTH:
        sizes, table_width = longest, max(1, round(100 * widest / READING_WIDTH))
    elif least >= READING_WIDTH:
        sizes, table_width = narrowest, 100
    else:
        spare = (READING_WIDTH - least) / (widest - least)
        sizes, table_width = [low + (high - low) * spare for low, high in zip(narrowest, longest, strict=True)], 100
    total = sum(sizes)
    return table_width, [max(1, round(100 * size / total)) for size in sizes]
