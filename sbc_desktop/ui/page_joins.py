"""A long page built from pieces (page_document.py) is the document Qt makes from the page set whole.

Qt's HTML import reads a fragment's start and end otherwise than the same HTML in the middle of a page:
- whitespace after a fragment's last element ends its last block with a space ("...an item. ");
- a list cut between its items (html_steps.py) is two lists: the cut list's last item has a list's bottom
  margin, the next one's first item a list's top margin, and the second list is a list of its own;
- an element that leaves Qt's block empty (a heading with no text, a table whose last cell is empty) is, in
  the middle of a page, the block that the next element fills (its format merged, its "#name" kept on the
  next words); at a fragment's end it stays an empty line.
Read aloud, find, the caret and a screen reader all read the built document, so it must be the page.

So each piece is added with what differs at a join held back or undone:
- a piece's trailing whitespace, and its trailing elements that leave a block empty (or a table), wait for the
  next piece and are added with it (`_held_tail`; html_steps cuts after neither, so that is rare: at a part's end);
- lists cut inside one piece are joined again before Qt reads it (the cut's markers dropped);
- a piece that ends with a cut list gets one more item, made up, before its end, and the next piece one more
  at its start: Qt gives the real items the margins of items in the middle of a list. The made-up items are
  removed once read, and the next piece's items are moved into the list they go on (`QTextList.add`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment, QTextList

from .html_steps import CUT, GOES_ON, TAG, VOID, leaves_block_open

# The made-up item's text (an invisible separator: nothing a page holds alone in an item).
_MADE_UP = "\u2063"
_MADE_UP_ITEM = f"<li>{_MADE_UP}</li>"
# A list cut and opened again inside one piece (the pieces joined up to BATCH_CHARS): the cut undone.
_CUT_INSIDE = re.compile("</(?:ol|ul)>" + re.escape(CUT + GOES_ON) + '<(?:ol start="-?[0-9]+"|ul)>')


def _element_start(html: str, end: int) -> int:
    """Where the top-level element that ends at ``end`` begins (-1 if it cannot be told)."""
    lt = html.rfind("<", 0, end)
    tag = TAG.fullmatch(html, lt, end) if lt >= 0 else None
    if tag is None:
        return -1
    name = tag.group(2)
    if not tag.group(1):  # an opening tag last: a void element (<hr>) or none
        return lt if name.lower() in VOID or tag.group(0).endswith("/>") else -1
    opening, closing = "<" + name, "</" + name
    depth, at = 1, lt
    while depth:  # back over nested elements of the same name (a table in a table)
        opened = html.rfind(opening, 0, at)
        while opened >= 0 and html[opened + len(opening) : opened + len(opening) + 1].isalnum():  # <p, not <pre
            opened = html.rfind(opening, 0, opened)
        if opened < 0:
            return -1
        closed = html.rfind(closing, opened, at)
        if closed > opened:
            depth, at = depth + 1, closed
        else:
            depth, at = depth - 1, opened
    return at


def _held_tail(html: str) -> int:
    """Where the end of ``html`` that the next piece's start would change begins: trailing whitespace and
    elements that leave a block empty or a table (len(html) if there is none)."""
    end = len(html.rstrip())
    held = end
    while end > 0 and html[end - 1] == ">" and not html.endswith("-->", 0, end):  # (a cut list's end: not held)
        start = _element_start(html, end)
        if start < 0:
            break
        if not leaves_block_open(html[start:end]):
            break
        held = end = len(html[:start].rstrip())
    return held


class PieceJoins:
    """Adds a page's pieces to ``doc`` (which holds nothing yet) so that it becomes the document of the whole
    page; ``prepare`` makes each piece's HTML what Qt reads (its tables and glossary words)."""

    def __init__(self, doc: QTextDocument, prepare: Callable[[str], str]):
        self.doc = doc
        self._prepare = prepare
        self._held = ""  # the end of the last piece, added with the next
        self._cut_list: QTextList | None = None  # the list the last piece ended in, cut (goes on in the next)
        self._started = False

    def add(self, html: str) -> tuple[int, str]:
        """Add the next piece (or the first); returns where what was added begins and its HTML."""
        html = self._held + html
        if CUT in html:
            html = _CUT_INSIDE.sub("", html)
        held = _held_tail(html)
        if not self._started and not held:  # (the first piece all held back: kept, not the document's start)
            held = len(html.rstrip())
        html, self._held = html[:held], html[held:]
        return self._add(html) if html or not self._started else (self.doc.characterCount() - 1, "")

    def finish(self) -> tuple[int, str]:
        """Every piece is in: what was held back of the last is added."""
        html, self._held = self._held, ""
        return self._add(html) if html else (self.doc.characterCount() - 1, "")

    def _add(self, html: str) -> tuple[int, str]:
        goes_on = self._started and html.startswith(GOES_ON)
        if goes_on:  # a made-up first item: the real first item gets a middle item's margins
            opened = html.index(">", len(GOES_ON)) + 1
            html = html[:opened] + _MADE_UP_ITEM + html[opened:]
        cut = html.endswith(CUT)
        if cut:  # ...and a made-up last item before a cut list's end
            closed = html.rindex("</", 0, len(html) - len(CUT))
            html = html[:closed] + _MADE_UP_ITEM + html[closed:]
        prepared = self._prepare(html)
        if not self._started:
            self._started = True
            self.doc.setHtml(prepared)
            at = 0
        else:
            at = append_html(self.doc, prepared)
        if goes_on:
            self._go_on(at)
        if cut:
            last = self.doc.lastBlock()
            if last.text() == _MADE_UP:
                self._cut_list = last.textList()
                _remove_block(self.doc, last.position(), last.length())
        return at, html

    def _go_on(self, at: int) -> None:
        """The list the piece added at ``at`` begins with goes on the list the last piece ended in."""
        block = self.doc.findBlock(at).next()
        items = block.textList() if block.isValid() and block.text() == _MADE_UP else None
        if items is None:
            return
        _remove_block(self.doc, block.position(), block.length())
        into, self._cut_list = self._cut_list, None
        if into is None:
            return
        for item in [items.item(index) for index in range(items.count())]:
            into.add(item)  # (the emptied list is Qt's to delete)


def _remove_block(doc: QTextDocument, position: int, length: int) -> None:
    """The block at ``position`` (not the first) removed whole: the one before it keeps its format."""
    cursor = QTextCursor(doc)
    cursor.setPosition(position - 1)
    cursor.setPosition(position + length - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def append_html(doc: QTextDocument, html: str) -> int:
    """Add ``html`` at the end of ``doc`` as one change; returns where it begins."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    at = cursor.position()
    # A leading zero-width space takes the place where the fragment's first block
    # would merge into the last one, so headings and lists keep their formats.
    cursor.insertFragment(QTextDocumentFragment.fromHtml("<p>\u200b</p>" + html, doc))
    cursor.setPosition(at)
    cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() == "\u200b":
        cursor.removeSelectedText()
    cursor.endEditBlock()
    return at
