"""Cut a page's HTML into pieces the reader can add one at a time, each quick to lay out.

QTextDocument parses HTML on the UI thread at a few MB a second: a 100 KB part would block
input for tens of milliseconds. So the reader adds a long page a piece at a time, each piece
a run of whole top-level elements (a paragraph, a heading, a whole list or table) of about
`STEP_CHARS` characters. Cuts fall only between top-level elements, so every piece is HTML
on its own. The HTML comes from the renderer (sanitised: every tag closed, attributes
quoted); anything unexpected (a tag left open, a stray closing tag) means no cuts at all.
"""

from __future__ import annotations

import re

STEP_CHARS = 4000
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:"[^"]*"|\'[^\']*\'|[^>"\'])*>')
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def html_steps(html: str, limit: int = STEP_CHARS) -> list[str]:
    """``html`` as a list of pieces of about ``limit`` characters, cut between top-level elements."""
    if len(html) <= limit:
        return [html]
    pieces: list[str] = []
    depth, start = 0, 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            pass
        elif closing:
            depth -= 1
            if depth < 0:
                return [html]
        else:
            depth += 1
        if depth == 0 and match.end() - start >= limit:
            pieces.append(html[start : match.end()])
            start = match.end()
    if depth != 0:
        return [html]
    if start < len(html):
        if pieces and not html[start:].strip():
            pieces[-1] += html[start:]
        else:
            pieces.append(html[start:])
    return pieces
