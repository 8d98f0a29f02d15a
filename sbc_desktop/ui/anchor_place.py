"""Where a "#name" place is in a page's text (Qt scrolls to one, but does not say where it is).

The reader puts its caret there once it has scrolled to it (reader.py, to_anchor): a screen reader
reads on from the place the patient chose (a glossary word from the search results), and Tab goes
on from there, as in a web browser.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

SEARCHED_BLOCKS = 2_000  # blocks looked at, at most (about one long topic's worth: a few ms)


def _in_block(block: QTextBlock, name: str) -> int | None:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if name in fragment.charFormat().anchorNames():
            return fragment.position()
        it += 1
    return None


def anchor_position(doc: QTextDocument, name: str, before: int | None = None) -> int | None:
    """The position of the place ``name`` in ``doc``, or None. ``before``: a position the place is known
    to come before, near it (the end of the piece of the page that held it): looked for back from there,
    else from the page's start."""
    if before is not None:
        block = doc.findBlock(max(0, min(before, doc.characterCount()) - 1))
        step = QTextBlock.previous
    else:
        block = doc.begin()
        step = QTextBlock.next
    for _ in range(SEARCHED_BLOCKS):
        if not block.isValid():
            break
        at = _in_block(block, name)
        if at is not None:
            return at
        block = step(block)
    return None
