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
from where the one before ended (``<ol start="N">``): shown alone, Qt shows one list after the other, the same
numbers and indents. Each cut is marked (`CUT` after the list's end, `GOES_ON` before the next one's start):
added to the page built off screen, the cut is undone (page_joins.py), so the page is the one list Qt makes of
the page whole.
"""

from __future__ import annotations

import re

STEP_CHARS = 4000
CUT = "<!--cut-->"  # after a list's end: the list goes on in the next piece (Qt skips a comment)
GOES_ON = "<!--goes on-->"  # before the start of the list that goes on
TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:"[^"]*"|\'[^\']*\'|[^>"\'])*>')  # (">" in quotes: not an end)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())  # (no closing tag)
_START = re.compile(r'\sstart="(-?[0-9]{1,9})"')
_TEXT = re.compile(r"(?:^|>)[^<]*?[^\s<]")  # a character outside the tags (text, an entity)


def leaves_block_open(element: str) -> bool:
    """Qt's import of this top-level element ends in a block that what follows it takes (merging its format,
    keeping its "#name" for the next words): a table, or an element with no text (``<h2 id="x"></h2>``).
    Not a place to end a piece (see page_joins.py)."""
    return element[1:6].lower() == "table" or ("<img" not in element and not _TEXT.search(element))


def html_steps(html: str, limit: int = STEP_CHARS) -> list[str]:
    """``html`` as a list of pieces of about ``limit`` characters, cut between top-level elements (and
    between the items of a long top-level list)."""
    if len(html) <= limit:
        return [html]
    pieces: list[str] = []
    depth, start = 0, 0
    opened = ""  # what the next piece starts with: a cut list opened again
    in_list: list = []  # the top-level list the walk is in: [name, its number so far, where it began, a cut]
    element_at = 0  # where the top-level element the walk is in began
    for match in TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID or match.group(0).endswith("/>"):
            if depth == 0:
                element_at = match.start()
        elif closing:
            depth -= 1
            if depth < 0:
                return [html]
        else:
            if depth == 0:
                element_at = match.start()
            if depth == 0 and name in ("ol", "ul"):
                numbered = _START.search(match.group(0))
                in_list = [name, int(numbered.group(1)) if numbered else 1, match.start(), 0]
            elif depth == 1 and in_list and in_list[3] and name == "li":  # another item after a place to cut
                cut = in_list[3]
                pieces.append(opened + html[start:cut] + f"</{in_list[0]}>" + CUT)
                opened = GOES_ON + (f'<ol start="{in_list[1]}">' if in_list[0] == "ol" else "<ul>")
                start, in_list[3] = cut, 0
            depth += 1
        if depth == 0:
            in_list = []
            # (not after an element whose last block the next one takes: a piece ends where Qt ends a block)
            if match.end() - start >= limit and not leaves_block_open(html[element_at : match.end()]):
                pieces.append(opened + html[start : match.end()])
                opened, start = "", match.end()
        elif depth == 1 and in_list and closing and name == "li":
            in_list[1] += 1
            if match.end() - start >= limit and match.end() - in_list[2] >= limit:
                in_list[3] = match.end()  # cut here if another item follows (no empty list at the end)
    if depth != 0:
        return [html]
    if start < len(html):
        if pieces and not html[start:].strip():
            pieces[-1] += html[start:]
        else:
            pieces.append(opened + html[start:])
    return pieces
