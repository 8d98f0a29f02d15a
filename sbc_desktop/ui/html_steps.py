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
numbers and indents.
"""

from __future__ import annotations

import re

STEP_CHARS = 4000
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:"[^"]*"|\'[^\']*\'|[^>"\'])*>')
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_START = re.compile(r'\sstart="(-?[0-9]{1,9})"')


def html_steps(html: str, limit: int = STEP_CHARS) -> list[str]:
    """``html`` as a list of pieces of about ``limit`` characters, cut between top-level elements (and
    between the items of a long top-level list)."""
    if len(html) <= limit:
        return [html]
    pieces: list[str] = []
    depth, start = 0, 0
    opened = ""  # what the next piece starts with: a cut list opened again
    in_list: list = []  # the top-level list the walk is in: [name, its number so far, where it began, a cut]
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
            elif depth == 1 and in_list and in_list[3] and name == "li":  # another item after a place to cut
                cut = in_list[3]
                pieces.append(opened + html[start:cut] + f"</{in_list[0]}>\n")
                opened = f'<ol start="{in_list[1]}">' if in_list[0] == "ol" else "<ul>"
                start, in_list[3] = cut, 0
            depth += 1
        if depth == 0:
            in_list = []
            if match.end() - start >= limit:
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
