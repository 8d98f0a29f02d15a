"""A page's tables drawn as a grid of separate cells: the same 1 px lines as collapsed borders, at a
fraction of Qt's cost.

Why: with ``border-collapse: collapse`` Qt works out every edge of every cell from the cell and its
neighbours, each time it lays a table out and each time it paints it (QTextDocumentLayout's
``axisEdgeData``: for each edge the neighbouring cells are found, and each of them is found again by a
search of the table's cells, its formats read and copied). Qt lays a table out whole, in one step
that nothing can cut, so on a long table that step held input: the NCI breast cancer page's
135-row table took 40 ms of layout and 78 ms to paint whole (load 6), against 17 ms and 18 ms
drawn as separate cells. What a person sees stays the same (one line between two cells, 1 px, the
theme's colour) and a screen reader meets the same table: only how its lines are drawn changes.

How: the renderer's tables (a bare ``<table>``: Markdown tables) are given ``class="grid"`` and no
space between their cells (``cellspacing="0"``: Qt's CSS has no ``border-spacing``). reader.css
then has each cell draw its right and bottom edges, the first column its left edge and the first
row its top edge, so that no line is drawn twice (two lines side by side would look twice as
thick). Other tables (the care team's numbers, which set their own attributes) are left as they were.
"""

from __future__ import annotations

PLAIN_TABLE = "<table>"  # how the renderer opens a table (content/page_events.py)
GRID_TABLE = '<table class="grid" cellspacing="0">'


def grid_tables(html: str) -> str:
    """``html`` with its plain tables drawn as a grid of separate cells (see the module's text).
    Safe to apply twice: a table once changed is not plain any more."""
    return html.replace(PLAIN_TABLE, GRID_TABLE) if PLAIN_TABLE in html else html
