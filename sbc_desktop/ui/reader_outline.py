"""The page's headings and links, as a screen reader needs them.

QTextBrowser reaches assistive technology as one flat text object: Orca hears no
headings and no links. The reader keeps its own text interface (so arrow keys read
line by line) and gains a child, `PageOutline`, whose accessible children are the
page's headings (role Heading, "level N") and links (role Link, saying whether each
is a glossary word, a page in this guide or a web address), in reading order.

Orca 43 has no structural navigation in Qt programs, so the reader itself moves by
heading (H, Shift+H) and by link (K, Shift+K, Tab, Shift+Tab) and moves the
accessible focus to the heading or link it reached: Orca speaks focus moves.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleObject, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from ..content.links import TERM_SCHEME
from . import accessible_factory

READ_BUDGET_S = 0.004  # reading a newly shown page's outline, per turn of the event loop
READ_WAIT_MS = 15  # ...which waits, this long at a time, for the page's layout steps to end
ASKED_BUDGET_S = 0.008  # a screen reader asks for the outline while it is still being read: read on this long
ANNOUNCE_BUDGET_S = 0.004  # telling a screen reader of the items read, per turn of the event loop


@dataclass(frozen=True)
class OutlineItem:
    kind: str  # "heading" or "link"
    text: str
    start: int  # document positions
    end: int
    level: int = 0  # headings: 1-6
    href: str = ""  # links

    def description(self) -> str:
        """What a screen reader says after the role: the level, or what kind of link."""
        if self.kind == "heading":
            return QCoreApplication.translate("PageOutline", "level {0}").format(self.level)
        if self.href.startswith(TERM_SCHEME):
            return QCoreApplication.translate("PageOutline", "glossary word: opens its meaning")
        if self.href.startswith(("topic:", "app:")):
            return QCoreApplication.translate("PageOutline", "page in this guide")
        if self.href.startswith("#"):
            return QCoreApplication.translate("PageOutline", "place on this page")
        if self.href.startswith(("http:", "https:", "mailto:")):
            return QCoreApplication.translate("PageOutline", "web address: opens in your web browser")
        return ""


def _clean(text: str) -> str:
    return " ".join(text.replace("\u2028", " ").replace("\ufffc", " ").replace("\u200b", "").split())


def outline_of(doc: QTextDocument, start: int = 0) -> list[OutlineItem]:
    """Headings and links of ``doc`` in reading order (a link split by formatting is one link),
    from the block that holds position ``start`` on."""
    items: list[OutlineItem] = []
    block = doc.findBlock(start) if start else doc.begin()
    while block.isValid():
        block_items(block, items)
        block = block.next()
    return items


def block_items(block: QTextBlock, items: list[OutlineItem]) -> None:
    """Add the heading and links of ``block`` to ``items``."""
    level = block.blockFormat().headingLevel()
    if level and _clean(block.text()):
        start = block.position()
        items.append(OutlineItem("heading", _clean(block.text()), start, start + block.length() - 1, level))
    link: list | None = None  # [href, start, end, text]
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        if link and href == link[0] and fragment.position() == link[2]:
            link[2] = fragment.position() + fragment.length()
            link[3] += fragment.text()
        else:
            if link and _clean(link[3]):
                items.append(OutlineItem("link", _clean(link[3]), link[1], link[2], href=link[0]))
            link = [href, fragment.position(), fragment.position() + fragment.length(), fragment.text()]
            if not href:
                link = None
        it += 1
    if link and _clean(link[3]):
        items.append(OutlineItem("link", _clean(link[3]), link[1], link[2], href=link[0]))


class OutlineNode(QObject):
    """One heading or link; its accessible interface lives as long as it does."""

    def __init__(self, item: OutlineItem, outline: PageOutline, index: int):
        super().__init__(outline)
        self.item = item
        self.outline = outline
        self.index = index


class PageOutline(QWidget):
    """An invisible child of the reader that carries the page's structure to screen readers."""

    outlineRead = Signal()  # a page's outline, read in idle steps, is complete

    def __init__(self, reader):
        super().__init__(reader)
        self.reader = reader
        self.setObjectName("pageOutline")
        self.setAccessibleName(QCoreApplication.translate("PageOutline", "Headings and links on this page"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFixedSize(1, 1)
        self._items: list[OutlineItem] = []
        # A newly shown page's outline, read in idle steps (read_later): the document being read,
        # its revision then, the position of the next block to read and what was read so far.
        self._reading: tuple[QTextDocument, int, int, list[OutlineItem]] | None = None
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(0)
        self._read_timer.timeout.connect(self._read_step)
        # Each item's accessible object, made when assistive technology first asks for it (a long
        # page has thousands of links: a QObject each, made at every switch, cost more than reading them).
        self._nodes: dict[int, OutlineNode] = {}
        self.current = -1
        # A screen reader is told of a newly shown page's items once they are read, a few per turn of
        # the event loop (it makes each item's accessible object as it is told): how many it was told of.
        self._announced = 0
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(0)
        self._announce_timer.timeout.connect(self._announce_step)

    def node(self, index: int) -> OutlineNode | None:
        """Item ``index``'s accessible object (made now if it was not yet), or None."""
        item = self.item(index)
        if item is None:
            return None
        node = self._nodes.get(index)
        if node is None or node.item != item:
            if node is not None:
                node.deleteLater()
            node = self._nodes[index] = OutlineNode(item, self, index)
        return node

    def item(self, index: int) -> OutlineItem | None:
        """Item ``index`` if it has been read (the outline is read from the top, so an index stays
        the same as the rest is read), else None."""
        known = self._known()
        return known[index] if 0 <= index < len(known) else None

    def _known(self) -> list[OutlineItem]:
        """The items read so far (all of them once the outline is read)."""
        return self._reading[3] if self._reading is not None else self._items

    def index_of(self, node: OutlineNode) -> int:
        return node.index if self._nodes.get(node.index) is node else -1

    @property
    def items(self) -> list[OutlineItem]:
        """The page's headings and links (read now if they were still being read in idle steps:
        whoever asks, a key press or a screen reader, gets the whole outline at once)."""
        if self._reading is not None:
            self._read(until=None)
        return self._items

    def is_read(self) -> bool:
        return self._reading is None

    def asked(self) -> list[OutlineItem]:
        """What a screen reader gets when it asks for the outline: the items read so far, after reading on
        for at most ASKED_BUDGET_S (all of a short page; a long page's rest is read in idle steps, and the
        screen reader is told of it as it comes: _announce_step)."""
        if self._reading is not None:
            self._read(until=time.perf_counter() + ASKED_BUDGET_S)
        return self._known()

    def read_later(self) -> None:
        """The reader shows a new document: its outline is read in small idle steps from now."""
        self._stop_reading()
        self._forget(0)
        self._items = []
        self.current = -1
        doc = self.reader.document()
        self._reading = (doc, doc.revision(), 0, [])
        self._read_timer.start(0)

    def _stop_reading(self) -> None:
        self._reading = None
        self._read_timer.stop()

    def _read_step(self) -> None:
        if self._reading is None:
            return
        if not self.reader.is_laid_out():
            # Qt's layout of the page goes first (in steps of its own): sharing a turn of the event
            # loop with it, a step here would make that turn longer.
            self._read_timer.start(READ_WAIT_MS)
            return
        if self.reader.free_old_page():  # a long page left goes first, in a turn of its own (Reader._free_old_pages)
            self._read_timer.start(0)
            return
        self._read(until=time.perf_counter() + READ_BUDGET_S)

    def _read(self, until: float | None, past: int | None = None, kind: str = "") -> None:
        """Read blocks of the outline until ``until`` (perf_counter), or, with ``past``, until past the
        block holding that position (and an item of ``kind`` after it); to the end if neither."""
        assert self._reading is not None
        doc, revision, position, items = self._reading
        if doc is not self.reader.document():  # another document is shown: its own outline is read
            self._stop_reading()
            return
        if doc.revision() != revision:  # changed meanwhile: read again from its start
            position, items, revision = 0, [], doc.revision()
        found = past is not None and not kind and position > past
        if past is not None and kind and position > past:
            found = any(item.kind == kind and item.start > past for item in items)
        block = doc.findBlock(position)
        while block.isValid() and not found:
            read = len(items)
            block_items(block, items)
            block = block.next()
            if past is not None and block.position() > past:
                found = not kind or any(item.kind == kind and item.start > past for item in items[read:])
            if until is not None and time.perf_counter() > until and block.isValid():
                self._reading = (doc, revision, block.position(), items)
                self._read_timer.start(0)
                return
        if found and block.isValid():  # read far enough for now: the rest in the idle steps
            self._reading = (doc, revision, block.position(), items)
            return
        self._stop_reading()
        self._items = items
        self._announce_later()
        self.outlineRead.emit()

    def rebuild(self) -> None:
        self.replace(outline_of(self.reader.document()))

    def replace(self, items: list[OutlineItem]) -> None:
        """The page's outline is now ``items`` (a new page, or the same page's new document)."""
        if self._reading is None and items == self._items:
            return
        self._stop_reading()
        self._forget(0)
        self._items = items
        self.current = -1
        self._reordered()

    def extend(self, start: int) -> list[OutlineItem]:
        """Text was added at ``start`` (to the end): the outline from that block on is read
        again, the rest kept (a long page is added in pieces; reading it all each time would
        grow with the square of its length). Returns the items read. While the outline is still
        read in idle steps (a part shown early whose count came), that reading goes on from that
        block at most: not the whole outline read now, in this step (4-5 ms CPU on a long NCI part)."""
        doc = self.reader.document()
        block_start = doc.findBlock(start).position()
        added = outline_of(doc, start)
        if self._reading is not None and self._reading[0] is doc:
            _doc, _revision, position, items = self._reading
            if position > block_start:
                position, items = block_start, [item for item in items if item.start < block_start]
            self._reading = (doc, doc.revision(), position, items)
            return added
        keep = bisect_left(self.items, block_start, key=lambda item: item.start)
        if self.items[keep:] == added:
            return added
        self._forget(keep)
        self._items = self._items[:keep] + added
        if self.current >= keep:
            self.current = -1
        self._reordered()
        return added

    def replaced(self, at: int, removed: int, added: int) -> None:
        """Text at ``at`` was replaced in place (the part line's " of N"): that block's items are read again and those
        after it move with the text (read again from the top, or left as they were, they lost their place)."""
        doc = self.reader.document()
        block = doc.findBlock(at)
        begin, delta = block.position(), added - removed
        end = begin + block.length() - delta  # (the block's end before the change)
        mine: list[OutlineItem] = []
        block_items(block, mine)

        def moved(items: list[OutlineItem]) -> list[OutlineItem]:
            before = [item for item in items if item.start < begin]
            after = [
                replace(item, start=item.start + delta, end=item.end + delta) for item in items if item.start >= end
            ]
            return before + mine + after

        if self._reading is not None:
            reading, _revision, position, items = self._reading
            if reading is doc:
                if position >= end:
                    self._reading = (doc, doc.revision(), position + delta, moved(items))
                elif position > begin:
                    self._reading = (doc, doc.revision(), begin, [item for item in items if item.start < begin])
                else:
                    self._reading = (doc, doc.revision(), position, items)
            return
        new = moved(self._items)
        if new == self._items:
            return
        first = next((n for n, (a, b) in enumerate(zip(self._items, new, strict=False)) if a != b), len(new))
        self._forget(first)
        self._items = new
        if self.current >= first:
            self.current = -1
        self._reordered()

    def caught_up(self) -> None:
        """The page's text formats changed (its glossary words marked), not its text: an outline still being read
        goes on where it was."""
        if self._reading is not None and self._reading[0] is self.reader.document():
            doc, _revision, position, items = self._reading
            self._reading = (doc, doc.revision(), position, items)

    def _forget(self, first: int) -> None:
        """Drop the accessible objects of items ``first`` on (Qt forgets each one's interface with it)."""
        for index in [index for index in self._nodes if index >= first]:
            self._nodes.pop(index).deleteLater()
        self._announced = min(self._announced, first)

    def _reordered(self) -> None:
        """A screen reader is told the items changed (it asks for every one of them at once)."""
        self._announce_timer.stop()
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectReorder))
        self._announced = len(self._known())

    def _announce_later(self) -> None:
        """A newly shown page's outline is read: a screen reader is told of its items in idle steps
        (told at once, as by _reordered, it made thousands of accessible objects in one step)."""
        self._announced = 0  # (those it asked for while the outline was read are told of again: no harm)
        if QAccessible.isActive():
            self._announce_timer.start()

    def _announce_step(self) -> None:
        items = self._known()
        if not QAccessible.isActive() or self._reading is not None:
            return  # (a new page's outline is being read: it is announced once read)
        until = time.perf_counter() + ANNOUNCE_BUDGET_S
        while self._announced < len(items) and time.perf_counter() < until:
            node = self.node(self._announced)
            iface = QAccessible.queryAccessibleInterface(node) if node is not None else None
            if iface is not None:
                QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.ObjectCreated))
            self._announced += 1
        if self._announced < len(items):
            self._announce_timer.start()

    def index_at(self, position: int, kind: str) -> int:
        """The item of ``kind`` that contains ``position``, or -1 (the outline read only up to there)."""
        items = self._read_past(position)
        for index in range(len(items) - 1, -1, -1):
            item = items[index]
            if item.start <= position and item.kind == kind and position < item.end:
                return index
            if item.end <= position and item.kind == "heading":
                break  # (a heading is a whole block: nothing before it holds ``position``)
        return -1

    def next_index(self, position: int, kind: str, forward: bool) -> int:
        """The next (or previous) item of ``kind`` after (before) ``position``; -1 at the end. The outline
        of a page still read in idle steps is read only as far as that item (H or K near the top of a
        long page does not wait for all of it)."""
        items = self._read_past(position, kind if forward else "")
        order = range(len(items)) if forward else range(len(items) - 1, -1, -1)
        for index in order:
            item = items[index]
            if item.kind == kind and (item.start > position if forward else item.start < position):
                return index
        return -1

    def _read_past(self, position: int, kind: str = "") -> list[OutlineItem]:
        """Read the outline (if it is still being read in idle steps) past the block holding ``position``
        and, with ``kind``, on to the first item of that kind after it (or the end); returns what is read."""
        if self._reading is None:
            return self._items
        self._read(until=None, past=position, kind=kind)
        return self._known()

    def focus(self, index: int) -> None:
        """Make item ``index`` the accessible focus: a screen reader says its text and role."""
        self.current = index
        node = self.node(index) if QAccessible.isActive() else None
        if node is not None:
            iface = QAccessible.queryAccessibleInterface(node)
            if iface is not None:
                QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.Focus))

    def item_rect(self, item: OutlineItem) -> QRect:
        """Where ``item`` is on screen (global coordinates)."""
        viewport = self.reader.viewport()
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(item.start)
        first = self.reader.cursorRect(cursor)
        cursor.setPosition(max(item.start, item.end - 1))
        last = self.reader.cursorRect(cursor)
        rect = first.united(last)
        return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())


class _OutlineAccessible(QAccessibleWidget):
    def __init__(self, outline: PageOutline):
        super().__init__(outline, QAccessible.Role.Grouping)
        self.outline = outline

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return len(self.outline.asked())  # (a long page's outline is not read all at once when asked)

    def child(self, index: int):
        node = self.outline.node(index)
        return QAccessible.queryAccessibleInterface(node) if node is not None else None

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt override
        obj = child.object() if child is not None else None
        return self.outline.index_of(obj) if isinstance(obj, OutlineNode) else -1

    def focusChild(self):  # noqa: N802 - Qt override
        return self.child(self.outline.current)

    def rect(self) -> QRect:
        viewport = self.outline.reader.viewport()
        return QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())


class _NodeAccessible(QAccessibleObject):
    def __init__(self, node: OutlineNode):
        super().__init__(node)
        self.node = node

    def _outline_iface(self):
        return QAccessible.queryAccessibleInterface(self.node.outline)

    def role(self):
        return QAccessible.Role.Heading if self.node.item.kind == "heading" else QAccessible.Role.Link

    def text(self, kind) -> str:
        item = self.node.item
        if kind == QAccessible.Text.Name:
            return item.text
        if kind == QAccessible.Text.Description:
            return item.description()
        return ""

    def state(self):
        state = QAccessible.State()
        outline = self.node.outline
        state.focusable = True
        state.readOnly = True
        index = outline.index_of(self.node)
        state.focused = index >= 0 and index == outline.current and outline.reader.hasFocus()
        if self.node.item.kind == "link":
            state.linked = True
        return state

    def rect(self) -> QRect:
        return self.node.outline.item_rect(self.node.item)

    def parent(self):
        return self._outline_iface()

    def child(self, _index: int):
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return 0

    def indexOfChild(self, _child) -> int:  # noqa: N802 - Qt override
        return -1

    def childAt(self, _x: int, _y: int):  # noqa: N802 - Qt override
        return None

    def focusChild(self):  # noqa: N802 - Qt override
        return None

    def window(self):
        return self.node.outline.window().windowHandle()


accessible_factory.register("PageOutline", _OutlineAccessible)
accessible_factory.register("OutlineNode", _NodeAccessible)
