"""Cut a page's HTML into pieces the reader can add one at a time, each quick to lay out.

QTextDocument parses HTML on the UI thread at a few MB a second: a 100 KB part would block
input for tens of milliseconds. So the reader adds a long page a piece at a time, each piece
a run of whole top-level elements (a paragraph, a heading, a whole list or table) of about
`STEP_CHARS` characters. Cuts fall only between top-level elements, so every piece is HTML
on its own. The HTML comes from the renderer (sanitised: every tag closed, attributes
quoted); anything unexpected (a tag left open, a stray closing tag) means no cuts at all.

One top-level element may be long on its own: an NCI page's list of references holds up to 300,000
characters, 20-40 ms for Qt to parse in one step. A top-level list (``<ol>``, ``<ul>``) longer than
the limit is cut between its items too, each cut list closed and the next opened again, numbered on
from where the one before ended (``<ol start="N">``): Qt shows one list after the other, the same
numbers and indents. A long top-level table is cut between its rows into tables that read and look as
the one (ui/table_steps.py): Qt lays a table out whole, in one step.
"""

from __future__ import annotations

import re

from .table_steps import table_steps

STEP_CHARS = 4000
CELL_CHARS = 40
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:"[^"]*"|\'[^\']*\'|[^>"\'])*>')
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_START = re.compile(r'\sstart="(-?[0-9]{1,9})"')


def html_weight(piece: str) -> int:
    """What Qt's parse of ``piece`` costs, in characters of plain paragraphs: a table's cell costs about
    as much as CELL_CHARS of them (a block and a cell of a frame each; NCI tables, load 7)."""
    return len(piece) + CELL_CHARS * (piece.count("<td") + piece.count("<th"))


def html_steps(html: str, limit: int = STEP_CHARS) -> list[str]:
    """``html`` as a list of pieces of about ``limit`` characters, cut between top-level elements (and
    between the items of a long top-level list)."""
    if len(html) <= limit:
        return [html]
    pieces: list[str] = []
    depth, start = 0, 0
    opened = ""  # what the next piece starts with: a cut list opened again, a cut table's short tables
    in_list: list = []  # the top-level list the walk is in: [name, its number so far, where it began, a cut]
    table_at = -1  # where the top-level table the walk is in began
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            pass
        elif closing:
            depth -= 1
            if depth < 0:
                return [html]
        else:
            if depth == 0 and name in ("ol", "ul"):
                numbered = _START.search(match.group(0))
                in_list = [name, int(numbered.group(1)) if numbered else 1, match.start(), 0]
            elif depth == 0 and name == "table":
                table_at = match.start()
            elif depth == 1 and in_list and in_list[3] and name == "li":  # another item after a place to cut
                cut = in_list[3]
                pieces.append(opened + html[start:cut] + f"</{in_list[0]}>\n")
                opened = f'<ol start="{in_list[1]}">' if in_list[0] == "ol" else "<ul>"
                start, in_list[3] = cut, 0
            depth += 1
        if depth == 0:
            in_list = []
            cut_table = table_steps(html[table_at : match.end()]) if table_at >= 0 and closing else None
            if cut_table:  # its short tables, each as a top-level element of its own
                opened, start = opened + html[start:table_at], match.end()
                for table in cut_table:
                    opened += table
                    if len(opened) >= limit:
                        pieces.append(opened)
                        opened = ""
            table_at = -1
            if len(opened) + match.end() - start >= limit:
                pieces.append(opened + html[start : match.end()])
                opened, start = "", match.end()
        elif depth == 1 and in_list and closing and name == "li":
            in_list[1] += 1
            if match.end() - start >= limit and match.end() - in_list[2] >= limit:
                in_list[3] = match.end()  # cut here if another item follows (no empty list at the end)
    if depth != 0:
        return [html]
    rest = opened + html[start:]
    if rest:
        if pieces and not rest.strip():
            pieces[-1] += rest
        else:
            pieces.append(rest)
    return pieces
