"""The rest of a long page built off screen, then shown in one step.

Why: added a piece at a time to the document on screen, a long page cost about ten times
what one `setHtml` of it costs. Every piece made Qt lay the document out up to its end
(QTextDocumentLayout lays out from the change on, and first finishes what its lazy layout
had left), the scroll bars were set again, and the page's outline was read piece by piece.
A `QTextDocument` that no view shows has no layout at all: HTML goes into it at about the
speed of `setHtml`, and the reader then shows it with `QTextEdit.setDocument`, which lays
out only the first screen at once (the rest in idle steps, see `LayoutSteps`).

The reader keeps showing the page's first piece meanwhile, so the user sees the top of the
new page at once; the finished document starts with the same piece, so nothing moves when
it takes its place.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QSizeF, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ..content.links import TERM_SCHEME
from .page_joins import PieceJoins
from .reader_outline import OutlineItem
from .table_grid import grid_tables

LAYOUT_BUDGET_S = 0.005  # Qt's layout of the shown page, per turn of the event loop (8 ms: turns of 8-20 ms at load)
LAYOUT_STEP_CHARS = 2_000  # ...asked for this many characters at a time
# A place a "#name" link goes to. nh3 and the renderer's walk write one space before each attribute and quote it
# so (and the pieces are looked at only when they hold ' id="' or ' name="'): starting with a plain space lets the
# search skip to each space, 4x quicker than any whitespace (\s) on a long page's 300 KB (2.5 -> 0.6 ms).
_ANCHOR = re.compile(r' (?:id|name)="([^"]+)"')


def mark_terms(doc: QTextDocument, items: Iterable[OutlineItem]) -> None:
    """Glossary words get a dotted underline: more than colour tells them from a link."""
    dotted = QTextCharFormat()
    dotted.setFontUnderline(True)
    dotted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one change for the layout, not one per word
    for item in items:
        if item.kind == "link" and item.href.startswith(TERM_SCHEME):
            cursor.setPosition(item.start)
            cursor.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
            if cursor.charFormat().underlineStyle() != QTextCharFormat.UnderlineStyle.DotLine:
                cursor.mergeCharFormat(dotted)
    cursor.endEditBlock()


_TERM_LINK = '<a class="term" '


def dotted_terms(html: str) -> str:
    """``html`` with its glossary words' dotted underline in their style, so that Qt's parser sets
    it: marking them afterwards (mark_terms) needs every link's place, a walk over the page in Python."""
    return html.replace(_TERM_LINK, _TERM_LINK + 'style="text-underline-style: dotted" ')


class PageDocument:
    """A page's whole document, made off screen from its first piece (as shown) and the rest."""

    def __init__(self, editor: QTextEdit, first_html: str):
        shown = editor.document()
        # The editor as parent: its loadResource gives the page's pictures (QTextDocument asks its
        # parent), and a document the editor is given and owns is deleted with the next one.
        doc = QTextDocument(editor)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultStyleSheet(shown.defaultStyleSheet())
        doc.setDefaultFont(shown.defaultFont())
        doc.setDefaultTextOption(shown.defaultTextOption())
        doc.setDocumentMargin(shown.documentMargin())
        doc.setIndentWidth(shown.indentWidth())
        doc.setBaseUrl(shown.baseUrl())
        for key in (QTextDocument.MetaInformation.DocumentUrl, QTextDocument.MetaInformation.DocumentTitle):
            doc.setMetaInformation(key, shown.metaInformation(key))
        # Its layout made now, while the document is empty, with no page size (an empty size: Qt's layout then
        # only notes each change, it lays nothing out) and the screen's fonts (as the shown document is measured:
        # without them lines wrap differently). Made at the swap instead, it walked the whole page and laid its
        # start out at a page size of -1 before the view set the real one: 5-8 ms CPU on a 250 KB page, in the
        # turn that shows it. The view gives it its page size when it takes it (QTextEdit.setDocument).
        doc.setPageSize(QSizeF(0, 0))
        doc.documentLayout().setPaintDevice(editor.viewport())
        # The pieces joined as Qt reads the page whole (page_joins.py), each piece's tables drawn as a grid and its
        # glossary words dotted as Qt parses it.
        self._joins = PieceJoins(doc, lambda html: dotted_terms(grid_tables(html)))
        _at, added = self._joins.add(first_html)
        # The root frame's margins as the reader set them (Reader._fit_line_length), before any
        # layout: changed on the shown document later, they would lay the whole page out at once.
        root = QTextCursor(doc).currentFrame()
        fmt, margins = root.frameFormat(), QTextCursor(shown).currentFrame().frameFormat()
        fmt.setLeftMargin(margins.leftMargin())
        fmt.setRightMargin(margins.rightMargin())
        fmt.setTopMargin(margins.topMargin())
        fmt.setBottomMargin(margins.bottomMargin())
        root.setFrameFormat(fmt)
        self.doc: QTextDocument | None = doc
        # Each place a "#name" link can go to: the end of the piece that holds it (a link to it is
        # followed once the layout steps are past there, not by laying the whole page out at once).
        self.anchor_ends: dict[str, int] = {}
        self._note_anchors(added)
        # Where the pieces holding a table lie (start, end: characters): Qt lays a table out whole, in one
        # step of 8-15 ms for a long one (LayoutSteps gives it a turn of its own).
        self.table_spans: list[tuple[int, int]] = []

    def add(self, html: str) -> None:
        """The next piece of the page, its glossary words marked as Qt parses it (the page's
        outline is read once the page is shown: PageOutline.read_later)."""
        assert self.doc is not None
        self._added(*self._joins.add(html))

    def _added(self, at: int, html: str) -> None:
        """``html`` is in the document from ``at`` on: its tables and "#name" places noted."""
        assert self.doc is not None
        if "<table" in html:
            self.table_spans.append((at, self.doc.characterCount()))
        self._note_anchors(html)

    def _note_anchors(self, html: str) -> None:
        if ' id="' in html or ' name="' in html:
            assert self.doc is not None
            end = self.doc.characterCount()
            for name in _ANCHOR.findall(html):
                self.anchor_ends.setdefault(name, end)

    def take(self) -> QTextDocument:
        """The finished document, for the editor to show (it owns it from then on)."""
        self._added(*self._joins.finish())  # (what the last piece held back)
        doc, self.doc = self.doc, None
        assert doc is not None
        return doc

    def drop(self) -> None:
        """Not wanted (the reader went to another page, or was reset): freed now, nothing kept."""
        if self.doc is not None:
            doc, self.doc = self.doc, None
            doc.setParent(None)
            doc.deleteLater()


def lay_out_now(doc: QTextDocument) -> None:
    """Lay ``doc`` out to its end now, and let its view know its height at once (Qt would say
    it from a timer, and until then the scroll bar's range is the old one)."""
    layout = doc.documentLayout()
    layout.documentSizeChanged.emit(layout.documentSize())


def tables_in(doc: QTextDocument) -> list[tuple[int, int]]:
    """Where a page's tables lie (start, end: characters), read from the document itself: for a page laid out
    again (new text size or theme, Back and Forward), whose pieces are long gone."""
    return [
        (frame.firstPosition(), frame.lastPosition() + 1)
        for frame in doc.rootFrame().childFrames()
        if frame.inherits("QTextTable")
    ]


class LayoutSteps(QObject):
    """Lays out a newly shown document a little at a time, so that no turn of the event loop
    waits for much of it.

    Qt lays a document out lazily after `setDocument`, but its steps double in size (from 1,000
    characters up to 200,000): on a long page its later steps block input for tens of
    milliseconds. Here the layout is asked for a few thousand characters at a time for about
    `LAYOUT_BUDGET_S` per turn, and Qt's own layout timer is held back meanwhile.

    Meanwhile Qt knows the page's height only as far as it is laid out (its scroll bar would
    show the page as one screen long): after each step ``sized`` is told an estimate of the
    whole page's height (the height laid out so far, scaled by the characters left), so that
    the view's scroll bar can span the page from the start."""

    finished = Signal()  # the page is laid out to its end (not sent when stopped for another page)

    def __init__(self, parent: QObject | None = None, sized: Callable[[float], None] | None = None,
                 painted: Callable[[], float] | None = None):  # fmt: skip
        super().__init__(parent)
        self._sized = sized
        # When the view last painted (perf_counter): a step waits a turn rather than follow a paint in the
        # same turn of the event loop (the new page's first paint, then a step of 2,000 px with a table:
        # 14-18 ms CPU at load 1-3). Once: the next turn has its step whatever is painted.
        self._painted = painted
        self._armed_at = 0.0
        self._tables: list[tuple[int, int]] = []  # where tables lie (see start)
        # What waits for the steps to reach a place (when_past, when_through): is it reached (given the
        # bottom of what is laid out), and the call then.
        self._past: tuple[Callable[[float], bool], Callable[[], None]] | None = None
        self._reach: tuple[int, Callable[[], None]] | None = None  # see when_reached (beside a when_past)
        self._doc: QTextDocument | None = None
        self._layout: QObject | None = None
        self._done_to = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self, doc: QTextDocument, tables: list[tuple[int, int]] | None = None) -> None:
        """Lay ``doc`` out in steps from its start. ``tables``: where its long tables lie (start, end), if known:
        a step that reaches one begins a turn of its own (Qt lays a table out whole, 8-15 ms for a long one:
        after the turn's other steps, up to 5 ms, it made turns of 13-18 ms)."""
        self.stop()
        self._tables = list(tables) if tables is not None else tables_in(doc)  # (its own list: steps forget them)
        self._doc = doc
        self._layout = doc.documentLayout()
        self._layout.installEventFilter(self)
        self._done_to = 0
        self._arm()

    def _arm(self) -> None:
        self._armed_at = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._past = self._reach = None
        self._timer.stop()
        if self._layout is not None:
            with contextlib.suppress(RuntimeError):  # the document (and its layout) may be gone already
                self._layout.removeEventFilter(self)
        self._doc = self._layout = None

    def is_running(self) -> bool:
        return self._doc is not None

    def laid_out_to(self) -> int:
        """The characters from the page's start that the steps have laid out so far (while running)."""
        return self._done_to

    def finish(self) -> None:
        """Lay the rest out now (whoever asks wants the whole page: its height, a place in it)."""
        if self._doc is not None:
            lay_out_now(self._doc)
            self._call_past()
            self._call_reached()
            self.stop()
            self.finished.emit()

    def lay_out_to(self, position: int) -> None:
        """Lay the page out now up to the block holding ``position`` only (the caret goes there: moving by
        heading or link); the rest keeps coming in steps, and the height's estimate covers that block."""
        doc = self._doc
        if doc is None:
            return
        # At least one step's characters: an estimate from the title's block alone was up to 4x too long.
        position = max(position, LAYOUT_STEP_CHARS - 1)
        block = doc.findBlock(max(0, min(position, doc.characterCount() - 1)))
        doc.documentLayout().blockBoundingRect(block)
        self._done_to = max(self._done_to, block.position() + block.length())
        self._estimate()

    def when_past(self, y: float, call: Callable[[], None]) -> None:
        """Call once the steps have laid the page out down to height ``y`` (dropped if stopped first)."""
        self._past = (lambda bottom: bottom >= y, call)
        self._timer.start()

    def when_through(self, position: int, call: Callable[[], None]) -> None:
        """Call once the steps have laid the page out past character ``position`` (dropped if stopped first)."""
        self._past = (lambda _bottom: self._done_to > position, call)
        self._timer.start()

    def when_reached(self, position: int, call: Callable[[], None]) -> None:
        """Call once the steps have laid the page out past character ``position`` (dropped if stopped
        first; at once if they have)."""
        if self._doc is None or self._done_to >= position:
            call()
            return
        self._reach = (position, call)
        self._timer.start()

    def waiting(self) -> bool:
        """Something waits for the steps to reach a height (when_past) or a place (when_reached)."""
        return self._past is not None or self._reach is not None

    def _call_past(self) -> None:
        waiting, self._past = self._past, None
        if waiting is not None:
            waiting[1]()

    def _call_reached(self) -> None:
        reached, self._reach = self._reach, None
        if reached is not None:
            reached[1]()

    def laid_out_bottom(self) -> float:
        """How far down the page the steps have laid it out (Qt may have laid out more, as it painted)."""
        doc = self._doc
        if doc is None or self._done_to <= 0:
            return 0.0
        return doc.documentLayout().blockBoundingRect(doc.findBlock(self._done_to - 1)).bottom()

    def lay_out_past(self, y: float) -> None:
        """Lay the page out now down to height ``y`` (a place to show), and no further."""
        doc = self._doc
        if doc is None:
            return
        layout, end = doc.documentLayout(), doc.characterCount()
        while self._done_to < end:
            self._done_to = min(end, self._done_to + LAYOUT_STEP_CHARS)
            if layout.blockBoundingRect(doc.findBlock(self._done_to - 1)).bottom() >= y:
                break
        self._estimate()

    def _estimate(self) -> None:
        """Tell ``sized`` the whole page's height as far as it can be told (see the class's text)."""
        doc = self._doc
        if doc is None or self._sized is None or self._done_to <= 0:
            return
        end = doc.characterCount()
        done = min(self._done_to, end)
        bottom = doc.documentLayout().blockBoundingRect(doc.findBlock(done - 1)).bottom()  # laid out already
        margin = QTextCursor(doc).currentFrame().frameFormat().bottomMargin() + doc.documentMargin()
        self._sized(bottom * end / done + margin)

    def _table_next(self) -> bool:
        """The next step reaches a table (see start); those passed are forgotten."""
        tables, done = self._tables, self._done_to
        while tables and tables[0][1] <= done:
            tables.pop(0)
        return bool(tables) and tables[0][0] < done + LAYOUT_STEP_CHARS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Qt's lazy layout runs from a timer on the layout object: held back while steps run here
        # (its size-changed timer fires only once the layout is finished, after stop()).
        return watched is self._layout and event.type() == QEvent.Type.Timer

    def _step(self) -> None:
        doc = self._doc
        if doc is None:
            return
        armed_at, self._armed_at = self._armed_at, 0.0
        if armed_at and self._painted is not None and self._painted() > armed_at:
            self._timer.start()  # painted in this turn: the step in the next one (not re-armed: at most one turn)
            return
        layout = doc.documentLayout()
        end = doc.characterCount()
        began = time.perf_counter()
        while True:  # at least one step a turn, however busy the machine
            step_began = time.perf_counter()
            self._done_to = min(end, self._done_to + LAYOUT_STEP_CHARS)
            block = doc.findBlock(max(0, self._done_to - 1))
            layout.blockBoundingRect(block)  # lays the document out up to this block's end
            now = time.perf_counter()
            if self._done_to >= end:
                lay_out_now(doc)  # (done: this only tells the scroll bar)
                self._call_past()
                self._call_reached()
                self.stop()
                self.finished.emit()
                return
            # Not another step if one like this would end past the budget (it did: a turn of 8 ms of
            # steps, then one more heavy with a table, held input 15-20 ms).
            if now - began + (now - step_began) >= LAYOUT_BUDGET_S:
                break
            if self._table_next():
                break  # (in the next turn, first)
        self._estimate()
        if self._past is not None and self._past[0](layout.blockBoundingRect(block).bottom()):
            self._call_past()
        if self._reach is not None and self._done_to >= self._reach[0]:
            self._call_reached()
        if self._doc is doc:  # (still this page's steps after the call)
            self._arm()
