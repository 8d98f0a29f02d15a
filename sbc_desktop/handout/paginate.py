"""Where the handout's pages break, so that each page reads well on its own.

Qt's paged layout already moves a line that would not fit to the next page. This
adds what a typesetter would: a heading (or a question with its answer lines) never
ends a page; a short paragraph, a list item or a reference is never split; a topic's
sources and review dates stay on the page with the end of the topic; and a page is
never left holding a few stray lines before the next topic starts. Each rule is
kept by asking Qt to start a page before some block (``PageBreak_AlwaysBefore``);
the layout is then redone and checked again until every page passes. A break moves
only what comes after it, so each round measures again from there and keeps what is
before (a 250-page handout takes 100 rounds or more).

The builder marks what the layout cannot see with ``id`` attributes (Qt keeps them
as anchor names): ``keep-...`` blocks stay with the block after them, ``footer-...``
starts a topic's sources and dates.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

from .steps import finish

KEEP_WITH_NEXT = "keep-"  # id prefix: this block stays on the page of the block after it
FOOTER = "footer-"  # id prefix: a topic's sources and dates start here (kept together, with the topic's end)
MIN_LINES = 5  # no page but the last holds fewer lines than this
UNSPLIT_LINES = 4  # a paragraph this short is never split between pages
FOOTER_BODY_LINES = 4  # sources and dates moving to a new page take this much of the topic with them
_MAX_ROUNDS = 400
MEASURE_STEP = 150  # blocks measured between two steps (a few milliseconds)


@dataclass
class Block:
    """One block of the laid-out document, as the paginator sees it."""

    block: QTextBlock
    index: int
    pages: list[int]  # the page of each of its lines
    keep_with_next: bool
    footer_start: bool
    forced: bool  # a page always starts here
    in_table: bool
    height: float
    has_text: bool  # not only white space

    @property
    def first_page(self) -> int:
        return self.pages[0]

    @property
    def last_page(self) -> int:
        return self.pages[-1]

    @property
    def split(self) -> bool:
        return self.first_page != self.last_page


class Layout:
    """The document's blocks with their pages, measured only as far as asked (``measured``): the
    search for the next page that needs a break stops at the first one, so after a break only the
    blocks up to the next one are measured again, not the rest of the document. ``page_count``
    and ``lines`` (lines of text or pictures on each page) are known once ``complete()`` has
    measured every block."""

    def __init__(self, doc: QTextDocument, kinds: dict[int, _Kind]):
        self.doc = doc
        self.kinds = kinds
        self.page_height = doc.pageSize().height()
        self.blocks: list[Block] = []
        self._next = doc.begin()  # the next block to measure
        self.done = False  # every block measured
        self.page_count = 0
        self.lines: list[int] = []
        self.counted = 0  # blocks measured since the last step

    def measured(self, index: int) -> bool:
        """Measure as far as ``blocks[index]``; False if there is no such block."""
        while len(self.blocks) <= index and not self.done:
            self._measure_next()
        return index < len(self.blocks)

    def after(self, item: Block) -> Block | None:
        return self.blocks[item.index + 1] if self.measured(item.index + 1) else None

    def complete(self) -> None:
        while not self.done:
            self._measure_next()
        count = max(1, self.doc.pageCount())
        per_page = [0] * count
        for item in self.blocks:
            if item.has_text:
                for page in item.pages:
                    per_page[min(page, count - 1)] += 1
        self.page_count, self.lines = count, per_page

    def forget_from(self, index: int) -> None:
        """The blocks from ``index`` on may have moved: they are measured again when asked for."""
        del self.blocks[index:]
        self._next = self.blocks[-1].block.next() if self.blocks else self.doc.begin()
        self.done = False
        self.page_count, self.lines = 0, []

    def pages_so_far(self) -> int:
        """How many pages the document has, as far as it is measured (for a progress bar)."""
        if self.page_count:
            return self.page_count
        last = self.blocks[-1] if self.blocks else None
        if last is None or not last.block.position():
            return 1
        return max(last.last_page + 1, round((last.last_page + 1) * self.doc.characterCount() / last.block.position()))

    def _measure_next(self) -> None:
        """Measure blocks until one with lines is added, or the end."""
        layout = self.doc.documentLayout()
        height = self.page_height
        block = self._next
        while block.isValid():
            self.counted += 1
            number = block.blockNumber()
            if not block.isVisible():
                block = block.next()
                continue
            rect = layout.blockBoundingRect(block)  # lays the document out as far as this block
            text_layout = block.layout()
            lines = text_layout.lineCount() if text_layout else 0
            if lines:
                top = rect.top()
                first = int((top + 0.5) // height)
                if first == int((top + rect.height()) // height):  # the whole block on one page: so is every line
                    pages = [first] * lines
                else:
                    pages = [int((top + text_layout.lineAt(i).y() + 0.5) // height) for i in range(lines)]
                kind = self.kinds.get(number)
                if kind is None:
                    kind = self.kinds[number] = _kind(block, block.blockFormat())
                self.blocks.append(
                    Block(
                        block=block,
                        index=len(self.blocks),
                        pages=pages if kind.has_text else pages[:1],
                        keep_with_next=kind.keep_with_next,
                        footer_start=kind.footer_start,
                        forced=kind.forced,
                        in_table=kind.in_table,
                        height=rect.height(),
                        has_text=kind.has_text,
                    )
                )
                self._next = block.next()
                return
            block = block.next()
        self._next = block
        self.done = True

    def at_page_top(self, item: Block) -> bool:
        before = self.blocks[item.index - 1] if item.index else None
        return before is None or before.last_page < item.first_page


def _anchor_names(block: QTextBlock) -> list[str]:
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        names += it.fragment().charFormat().anchorNames()
        it += 1
    return names


@dataclass
class _Kind:
    """What the paginator needs of a block that no page break changes (read once per block)."""

    keep_with_next: bool
    footer_start: bool
    in_table: bool
    has_text: bool
    forced: bool  # a page always starts here (changed only by ``_set_break``, which keeps this up to date)


def _kind(block: QTextBlock, fmt: QTextBlockFormat) -> _Kind:
    names = _anchor_names(block)
    return _Kind(
        keep_with_next=fmt.headingLevel() > 0
        or fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)  # a rule
        or any(n.startswith(KEEP_WITH_NEXT) for n in names),
        footer_start=any(n.startswith(FOOTER) for n in names),
        in_table=QTextCursor(block).currentTable() is not None,
        has_text=bool(block.text().strip()),
        forced=bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore),
    )


def _chain_start(layout: Layout, item: Block) -> Block:
    """``item``, or the first of the keep-with-next blocks just before it on the same page."""
    start = item
    while start.index and not start.forced:
        before = layout.blocks[start.index - 1]
        if not before.keep_with_next or before.last_page != start.first_page:
            break
        start = before
    return start


def _with_body_lines(layout: Layout, group: Block) -> Block:
    """Where to start a page so a few lines of the topic's own text come before ``group``."""
    lines, start = 0, group
    while start.index and lines < FOOTER_BODY_LINES:
        start = _chain_start(layout, layout.blocks[start.index - 1])
        if start.forced:
            break
        lines += sum(len(b.pages) for b in layout.blocks[start.index : group.index] if b.has_text) - lines
    return start


def _topic_end(layout: Layout, start: Block) -> Block:
    """The last block before the next forced page break (the end of a topic's footer)."""
    end = start
    item = layout.after(start)
    while item is not None and not (item.forced or item.footer_start):
        end = item
        item = layout.after(item)
    return end


def _set_break(doc: QTextDocument, block: QTextBlock, on: bool, kinds: dict[int, _Kind]) -> int:
    """Start a page before ``block`` (or no longer). Returns the number of the first block that may move."""
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if on else QTextFormat.PageBreakFlag.PageBreak_Auto
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    if table is not None:  # a table moves whole: its frame starts the page
        table_format = table.format()
        table_format.setPageBreakPolicy(policy)
        table.setFormat(table_format)
        return doc.findBlock(table.firstPosition()).blockNumber()
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(policy)
    cursor.setBlockFormat(fmt)
    kind = kinds.get(block.blockNumber())
    if kind is not None:
        kind.forced = on
    return block.blockNumber()


def _first_moved(layout: Layout, number: int, near: int) -> int:
    """The index of the first measured block numbered ``number`` or later (searching back from ``near``)."""
    index = min(near, len(layout.blocks))
    while index and layout.blocks[index - 1].block.blockNumber() >= number:
        index -= 1
    return index


def _problems(layout: Layout, last: bool = True) -> Iterator[tuple[Block, Block, str] | None]:
    """(start, end, why): a page should start at ``start`` to keep ``start..end`` together.

    First to last; some may not help (the caller checks). The blocks are measured as the search
    goes (None is yielded now and then: a step's worth measured); the pages' lines only at the end."""
    blocks = layout.blocks
    index = 0
    while layout.measured(index):
        if layout.counted >= MEASURE_STEP:
            layout.counted = 0
            yield None
        item = blocks[index]
        index += 1
        nxt = layout.after(item)
        # A heading (or other keep-with-next block) shares its page with what follows.
        apart = nxt is not None and (
            item.last_page != nxt.first_page or (len(nxt.pages) > 1 and nxt.pages[1] != nxt.first_page)
        )
        if item.keep_with_next and apart and nxt is not None and not nxt.forced:
            yield _chain_start(layout, item), nxt, "heading at the foot of a page"
        # A short block is never split, nor a longer one with a single line left behind.
        short = len(item.pages) <= UNSPLIT_LINES or item.pages.count(item.first_page) < 2
        if item.split and not item.in_table and short:
            yield _chain_start(layout, item), item, "short paragraph split"
        # A topic's sources and dates: together, and on the page where the topic ends.
        if item.footer_start and not item.forced:
            group = _chain_start(layout, item)  # with the rule above it
            end = _topic_end(layout, item)
            if group.index and (layout.at_page_top(group) or end.last_page != group.first_page):
                candidate = _with_body_lines(layout, group)
                size = sum(b.height for b in blocks[candidate.index : end.index + 1])
                if not candidate.forced and size < layout.page_height:
                    yield candidate, end, "sources apart from their topic"
    # A page (not the first or last) with only a few lines takes some from the page before.
    layout.complete()
    for page in range(1, layout.page_count - (1 if last else 0)):
        if layout.lines[page] < MIN_LINES:
            on_page = [b.index for b in layout.blocks if page in b.pages]
            moved = _lines_for(layout, page) if on_page else None
            if moved is not None:
                yield moved, layout.blocks[max(on_page)], f"page {page + 1} nearly empty"


def _lines_for(layout: Layout, page: int) -> Block | None:
    """The block to start ``page`` at so that it holds at least MIN_LINES lines, if any."""
    need = MIN_LINES - layout.lines[page]
    before = [b for b in layout.blocks if b.first_page == page - 1 or (b.last_page == page - 1 and b.split)]
    taken = 0
    for item in reversed(before):
        if item.has_text:
            taken += item.pages.count(page - 1)
        if taken >= need:
            candidate = _chain_start(layout, item)
            if candidate not in before:
                return None
            kept = sum(b.pages.count(page - 1) for b in before[: before.index(candidate)] if b.has_text)
            return candidate if kept >= MIN_LINES else None
        if item.forced:
            return None
    return None


def paginate(doc: QTextDocument) -> Layout:
    """Add page breaks to ``doc`` (already given its page size) until every page reads well."""
    return finish(paginate_steps(doc))


def paginate_steps(doc: QTextDocument, last: bool = True) -> Generator[tuple[int, int], None, Layout]:
    """``paginate`` in steps of a few milliseconds. Each yields (page, pages): how far the
    breaks are settled, for a progress bar (pages still changes as breaks are added). Not
    ``last``: more pages follow ``doc``'s (a handout in pieces), so its last page is not the end.

    The blocks are measured only as far as the first page that needs a break, and to the end
    only when no such page is left (a 257-page handout: each block measured about once, where
    every round measured again all that came after its break). Qt itself still lays out again
    from each break to the end (20-50 ms a break on a long handout): laid out lazily instead
    (only as far as it had been), blocks it had never laid out come back from Qt with no lines."""
    tried: set[int] = set()
    added: set[int] = set()  # blocks this has made start a page
    layout = Layout(doc, {})
    quiet = _NoLazySteps()
    doc.documentLayout().installEventFilter(quiet)  # Qt's own lazy steps would run between ours
    try:
        yield from _first_layout(doc)
        for _ in range(_MAX_ROUNDS):
            fix = None
            for problem in _problems(layout, last):
                if problem is None:
                    yield (layout.blocks[-1].last_page if layout.blocks else 0), layout.pages_so_far()
                elif problem[0].block.blockNumber() not in tried and not layout.at_page_top(problem[0]):
                    fix = problem
                    break
            if fix is None:
                break
            start, end, _why = fix
            yield start.first_page, layout.pages_so_far()
            tried.add(start.block.blockNumber())
            added.add(start.block.blockNumber())
            moved = _set_break(doc, start.block, True, layout.kinds)
            # A break added earlier inside what now moves as one would split it again.
            for item in layout.blocks[start.index + 1 : end.index + 1]:
                if item.block.blockNumber() in added:
                    added.discard(item.block.blockNumber())
                    moved = min(moved, _set_break(doc, item.block, False, layout.kinds))
            layout.forget_from(_first_moved(layout, moved, start.index))
            yield start.first_page, layout.pages_so_far()  # Qt has laid out again from the break
        layout.complete()
    finally:
        doc.documentLayout().removeEventFilter(quiet)
    return layout


class _NoLazySteps(QObject):
    """Keeps Qt's text layout from laying out more of the document on its own timer (in steps
    that double up to 200,000 characters) while the page breaks are settled: it is laid out
    only as far as they need, a step at a time."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        return event.type() == QEvent.Type.Timer


def _first_layout(doc: QTextDocument) -> Generator[tuple[int, int], None, None]:
    """Lay ``doc`` out to its end a few blocks at a time (``blockBoundingRect`` lays out as far as
    its block), rather than at once when its page count is asked: 0.2 s for a 250-page handout.
    A change is then laid out again by Qt from the change to the end, each block laid out or moved."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockNumber() % MEASURE_STEP == 0:
            yield 0, 0
        layout.blockBoundingRect(block)
        block = block.next()
    doc.pageCount()
