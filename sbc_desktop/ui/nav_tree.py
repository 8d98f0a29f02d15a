"""The navigation tree: the welcome page, sections with their topics, the glossary."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..content.library import Library, Section
from ..pages import GLOSSARY_URL, HOME_URL, page_address, topic_url
from .qt_made import take_viewport

URL_ROLE = Qt.ItemDataRole.UserRole
AT_ONCE = 2_000  # topics listed before the window first shows; a larger library's rest follows...
STEP = 1_000  # ...this many at a time, between the window's own events (a step takes a few ms)
# A list made again while the window is up (the whole library has arrived: `rebuild`) is made on the turn after
# the one that takes the library in, with this many topics, and the rest in steps of ARRIVED_STEP, each on a turn
# of its own. Each step also has the list laid out and drawn again (the rows on screen measured, and the last
# screenful of rows, where the new ones go), 8-12 ms of the window's CPU whatever it adds, so the steps are few;
# the first also measures every row on screen for the first time, so it adds the fewest. (The NCI pages' 1,425
# topics at once took 17-19 ms of CPU of the turn that took the library in; 400 of them, as whole sections, its
# first section of 581 in one step, 10-14 ms.) A step may end within a section: the section's row with its first
# topics, the rest added to it in the steps after.
ARRIVED_AT_ONCE = 150
# Until the list is whole it ends with "Loading topics..." in a row this tall (its words at its top). Qt works out
# how far the list scrolls from its last screenful of rows, measuring each (in Python, about 0.3 ms a row): with
# a row taller than a screen last, a step's new topics above it are measured only when scrolled to (they were
# 11-15 rows a step, 4 ms of its 12).
LOADING_HEIGHT = 2_000
ARRIVED_STEP = 400
STEP_WAIT_MS = 50  # the longest a step of the list waits for the last one to be drawn (see NavTree._step_later)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def break_long_words(text: str, metrics: QFontMetrics, room: int) -> str:
    """``text`` with each word wider than ``room`` pixels broken into lines that fit, each piece
    but the last ending in a hyphen ("Chemothera-" / "py"): word wrapping alone cannot split a
    word, and the style cuts what sticks out at the row's edge (200% text, a narrow pane)."""

    def fits(part: str) -> bool:  # (strictly: Qt's bounding box can be a pixel wider than the advance)
        return metrics.horizontalAdvance(part) < room

    if fits(text) or all(fits(word) for word in text.split(" ")):
        return text
    out = []
    for word in text.split(" "):
        pieces = []
        while not fits(word) and len(word) > 1:
            cut = 1  # the most characters that fit with the hyphen (at least one: never stuck)
            while cut + 1 < len(word) and fits(word[: cut + 1] + "-"):
                cut += 1
            if fits(word[cut:]):  # the last piece: never a lone "y,"
                cut = max(1, min(cut, len(word) - 3))
            pieces.append(word[:cut] + "-")
            word = word[cut:]
        out.append("\n".join([*pieces, word]))
    return " ".join(out)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped titles: long topic names are never cut off, and a word
    longer than the row is itself broken, with a hyphen, at the row's edge."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view
        # Sizes already measured, by what decides them: selecting a topic in a tree of
        # thousands asks for hundreds of rows' sizes, at every switch of page.
        self._sizes: dict[tuple, QSize] = {}
        # The list's widest word in a font: font key -> (topics measured, sections, pixels). While it fits
        # a row (100% text: always) no title needs breaking and no row's words are measured.
        self._widest: dict[str, tuple[int, int, int]] = {}
        self._rooms: dict[tuple, int] = {}  # a row's room for text, by what decides it (see _text_room)
        self._words: dict[str, dict[str, int]] = {}  # font key -> word -> pixels
        self._letters: dict[str, dict[str, float]] = {}  # font key -> letter -> its own advance (see _widest_of)
        self._plain = False  # Qt's own sizeHint, inside _measure: its text is not used

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fixed = index.data(Qt.ItemDataRole.SizeHintRole)
        if fixed is not None:
            return fixed
        view = self.view
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = view.viewport().width() - view.indentation() * (depth + 1)  # the row's, as visualRect gives it
        font = index.data(Qt.ItemDataRole.FontRole)
        key = (
            index.data(Qt.ItemDataRole.DisplayRole),
            width,
            font.key() if font is not None else "",
            index.data(Qt.ItemDataRole.DecorationRole) is not None,
            option.font.key(),
        )
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 20_000:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index, width)
        return QSize(size)

    def initStyleOption(  # noqa: N802 - Qt override (also what paint and Qt's own sizeHint draw with)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text and option.rect.width() > 0 and not self._plain:
            room = self._text_room(option)
            if self._widest_word(option) >= room and not self._words_fit(option, room):
                option.text = break_long_words(option.text, option.fontMetrics, room)

    def _words_fit(self, option: QStyleOptionViewItem, room: int) -> bool:
        """Every word of ``option``'s title fits ``room`` (each word measured once a font)."""
        key = option.font.key()
        widths = self._words.get(key)
        if widths is None:
            if len(self._words) > 4:  # (the list's font, bold for marked topics: a new size clears)
                self._words.clear()
            widths = self._words[key] = {}
        advance = option.fontMetrics.horizontalAdvance
        for word in option.text.split(" "):
            width = widths.get(word)
            if width is None:
                width = widths[word] = advance(word)
            if width >= room:
                return False
        return True

    def _widest_word(self, option: QStyleOptionViewItem) -> int:
        """The widest word of any title in the list, in ``option``'s font (each distinct word measured once a
        font and a list; a list that grows in steps, as a large library's does, measures only the titles added
        since: measuring all 20,000 again at each step stopped the window 200-380 ms a step)."""
        view = self.view
        items = getattr(view, "_items", {})
        key = option.font.key()
        measured, tops, widest = self._widest.get(key, (0, -1, 0))
        if measured != len(items) or tops != view.topLevelItemCount():
            if measured > len(items):  # (fewer rows than measured: a new list)
                measured, widest = 0, 0
            if len(self._widest) > 16:
                self._widest.clear()
                self._letters.clear()
            sections = (view.topLevelItem(i) for i in range(view.topLevelItemCount()))
            added = itertools.islice(items.values(), measured, None)
            titles = [item.text(0) for item in (*added, *sections) if item is not None]
            letters = self._letters.setdefault(key, {})
            widest = self._widest_of(titles, option.fontMetrics, letters, widest)  # (every row is one of them)
            self._widest[key] = (len(items), view.topLevelItemCount(), widest)
        return widest

    @staticmethod
    def _widest_of(titles: list[str], metrics: QFontMetrics, letters: dict[str, float], widest: int = 0) -> int:
        """The widest word of ``titles``, or ``widest`` if none is wider. Measuring a word shapes it (5 us or so:
        a step of 400 NCI titles has 600 distinct words, 3-7 ms), so each word first gets a ceiling from its letters'
        own advances (``letters``, each letter measured once a font): a word is no wider than its letters side by
        side, give or take kerning and rounding (a pixel at most in the NCI and 20,000-page titles, in 9-18 pt,
        plain and bold; a ceiling allows 2 px and 5 %). Words are measured widest ceiling first, until no ceiling
        left is above the widest measured. A letter from a script whose letters change shape in a word, a mark or
        a control character has no ceiling: its words are always measured."""
        words = {word for title in titles for word in title.split(" ")}
        new = set("".join(words)).difference(letters)
        if new:
            advance = QFontMetricsF(metrics).horizontalAdvance
            for letter in new:
                simple = " " <= letter < "\u0300" or "\u0370" <= letter < "\u0590" or "\u1e00" <= letter < "\u2070"
                letters[letter] = advance(letter) if simple else math.inf
        get = letters.__getitem__
        ceilings = sorted(((sum(map(get, word)), word) for word in words), reverse=True)
        for total, word in ceilings:
            if total + 2 + total / 20 <= widest:
                break
            widest = max(widest, metrics.horizontalAdvance(word))
        return widest

    def _text_room(self, option: QStyleOptionViewItem) -> int:
        """The width the style gives the text of a row as wide as ``option.rect``: the row less
        its icon and the style's text margins (Qt's item drawing: focus frame margin + 1 a side)."""
        key = (
            option.rect.width(),
            id(self.view.style()),
            option.font.key(),
            bool(option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration),
            option.decorationSize.width(),
            option.direction,
        )
        room = self._rooms.get(key)
        if room is None:
            if len(self._rooms) > 1_000:
                self._rooms.clear()
            room = self._rooms[key] = self._style_room(option)
        return room

    def _style_room(self, option: QStyleOptionViewItem) -> int:
        style = self.view.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        return max(rect.width() - 2 * margin, 1)

    def _measure(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int) -> QSize:
        item = QStyleOptionViewItem(option)
        item.rect = QRect(0, 0, max(width, 60), 10_000)
        self.initStyleOption(item, index)  # the row's own font (bold when marked), icon and fitted text
        room = self._text_room(item)
        rect = item.fontMetrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text)
        self._plain = True  # (Qt's sizeHint sizes the unbroken title: only its height is used)
        try:
            base = super().sizeHint(option, index)
        finally:
            self._plain = False
        return QSize(base.width(), max(base.height(), rect.height() + 10))

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        """A topic's tool tip: its own (a marked topic says why), else its summary."""
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or index.data(SUMMARY_ROLE)
            if tip:
                QToolTip.showText(event.globalPos(), str(tip), view)
                return True
        return super().helpEvent(event, view, option, index)


CATCH_UP_MS = 400  # a page's row out of view made current after this at the latest (show_url)


class NavTree(QTreeWidget):
    """Emits `pageRequested(url)` on click, tap, Enter or Space; never calls the reader."""

    pageRequested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        take_viewport(self)  # (before anything asks for viewport(): see qt_made)
        self.setObjectName("navTree")
        self.setHeaderLabels([QCoreApplication.translate("NavTree", "Topics")])
        self.setHeaderHidden(True)
        self.setAccessibleName(QCoreApplication.translate("NavTree", "Topics"))
        self.setAccessibleDescription(
            QCoreApplication.translate("NavTree", "Sections and topics. Press Enter to open one.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIndentation(16)
        self.setItemDelegate(_WrappingDelegate(self))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._marked: dict[str, str] = {}  # url -> the note of each topic marked now
        self._marker_key = 0
        self._marks: tuple[dict[str, str], QIcon] | None = None  # the last marks asked for
        self._shown = ""  # the address of the page being read
        self._late = QTimer(self, singleShot=True)  # the page's row made current later (show_url)
        self._late.timeout.connect(self._catch_up)
        # Sections still to list (a large library: see _fill), each with the first of its topics still to list
        # (0: the section's own row too); a section listed in part has its row in ``_part``.
        self._waiting: list[tuple[Section, int]] = []
        self._part: QTreeWidgetItem | None = None
        self._filling: QTreeWidgetItem | None = None  # the "Loading topics..." row meanwhile
        self._step = STEP  # topics a step of _fill lists
        # The next step comes on a timer's turn started once the list has drawn the last step (`_step_later`):
        # input and the timers due meanwhile come first. (A call posted for the next turn came before them; a
        # timer started within the step itself was due before them too: two steps, and the layout and drawing
        # after each, ran back to back, 10-17 ms of the window's CPU with nothing else let in.)
        self._next = QTimer(self, singleShot=True)
        self._next.timeout.connect(self._next_step)
        self._after_paint = False  # the next step waits for the list's next drawing (paintEvent)
        self._arrived: Library | None = None  # the whole library, listed in the next step (rebuild)
        self._word_room: tuple[tuple, int] = ((), 0)  # see width_for_words
        self._build(library)
        self.itemClicked.connect(self._open_item)
        self.itemActivated.connect(self._open_item)

    def rebuild(self, library: Library) -> None:
        """The whole list again: the library has arrived (after a first start's first page). Made on a later
        turn of the event loop, not in the one that takes the library in (which has the page to see to): until
        then the list stays as it was, "Loading topics..." and all."""
        self._arrived = library
        self._step_later()

    def _step_later(self) -> None:
        """The next step (`_next_step`) once the list on screen has been drawn again, on a turn of its own: what
        waited meanwhile (input, timers due) comes before it. A list not drawn within STEP_WAIT_MS (hidden, or
        nothing of it changed on screen) has it then; a list not shown, at once."""
        if self.isVisible():
            self._after_paint = True
            self._next.start(STEP_WAIT_MS)
        else:
            self._next.start(0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override (the rows drawn)
        super().paintEvent(event)
        if self._after_paint:
            self._after_paint = False
            self._next.start(0)

    def _next_step(self) -> None:
        self._after_paint = False
        if self._arrived is not None:
            library, self._arrived = self._arrived, None
            self._rebuild(library)
        else:
            self._fill()

    def _rebuild(self, library: Library) -> None:
        self.clear()
        self._items = {}
        delegate = self.itemDelegate()
        if isinstance(delegate, _WrappingDelegate):
            delegate._widest.clear()  # (new titles, perhaps as many)
        self._marked = {}
        self._waiting, self._filling, self._part = [], None, None
        self._build(library, ARRIVED_AT_ONCE, ARRIVED_STEP, ARRIVED_AT_ONCE)
        if self._marks is not None:
            self.mark_topics(*self._marks)
        self.show_url(self._shown)

    def _build(
        self, library: Library, at_once: int | None = None, step: int | None = None, first: int | None = None
    ) -> None:
        # Items are made without a parent and added a section (or a part of one) at a time: one insertion
        # for the view to take in, not one per topic (20,000 topics would take seconds).
        # A large library lists its first topics at once (``first``) and the rest in steps just after:
        # until the last one is in, the list ends with "Loading topics..." (it never looks whole).
        top = [self._item(QCoreApplication.translate("NavTree", "Welcome"), HOME_URL)]
        sections = list(library.sections)
        self._step = STEP if step is None else step
        self._waiting = [(section, 0) for section in sections]
        if sum(len(s.topics) for s in sections) > (AT_ONCE if at_once is None else at_once):
            top += self._next_rows(self._step if first is None else first)
        else:
            top += self._next_rows(len(self._waiting) + sum(len(s.topics) for s in sections))  # (every one)
        if not library.complete or self._waiting:  # the rest arrives in a moment
            self._filling = loading = QTreeWidgetItem([QCoreApplication.translate("NavTree", "Loading topics...")])
            loading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            loading.setData(0, Qt.ItemDataRole.SizeHintRole, QSize(0, LOADING_HEIGHT))  # (see LOADING_HEIGHT)
            loading.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            top.append(loading)
        if self._waiting:
            self._step_later()
        if library.glossary:
            top.append(self._item(QCoreApplication.translate("NavTree", "Glossary A to Z"), GLOSSARY_URL))
        self.addTopLevelItems(top)
        for parent in top:
            if parent.childCount():
                parent.setExpanded(True)

    def _next_rows(self, most: int) -> list[QTreeWidgetItem]:
        """The next ``most`` topics waiting (at least one) listed: the rest of a section listed in part added to
        its row (in the list already); the rows of the sections begun here returned, each with its first topics
        (all of them if they fit), for the caller to put in the list. Each section's topics are added in one
        insertion, which the view (and a screen reader) takes in once, not a row at a time."""
        begun: list[QTreeWidgetItem] = []
        room = max(most, 1)
        while self._waiting and room > 0:
            section, start = self._waiting[0]
            parent = self._part if start else None
            if parent is None:
                parent = QTreeWidgetItem([section.title])
                parent.setToolTip(0, section.summary or section.title)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                begun.append(parent)
            end = min(len(section.topics), start + room)
            parent.addChildren([self._item(t.title, topic_url(t.id), t.summary) for t in section.topics[start:end]])
            room -= max(end - start, 1)  # (a section without topics counts as one)
            if end < len(section.topics):
                self._waiting[0], self._part = (section, end), parent
            else:
                del self._waiting[0]
                self._part = None
        return begun

    def _fill(self) -> None:
        """One step of listing a large library; the last step takes "Loading topics..." away."""
        if not self._waiting or self._filling is None:
            return
        items = self._next_rows(self._step)
        self.insertTopLevelItems(self.indexOfTopLevelItem(self._filling), items)
        for item in items:
            item.setExpanded(True)
        if self._waiting:
            self._step_later()
            return
        self.takeTopLevelItem(self.indexOfTopLevelItem(self._filling))
        self._filling = None
        if self._marks is not None:
            self.mark_topics(*self._marks)
        if self._shown:
            self.show_url(self._shown)

    def is_complete(self) -> bool:
        """Every topic of the library is listed (no "Loading topics..." row)."""
        return self._filling is None

    def width_for_words(self) -> int:
        """How wide the list must be for every title's longest word to fit its row whole (bold, as a
        marked topic is, with the indent of a topic, the style's margins and the scroll bar).
        Measured once for each font and list: only the 64 longest words, by letters."""
        font = QFont(self.font())
        font.setBold(True)
        key = (font.key(), len(self._items), self.topLevelItemCount())
        if self._word_room[0] != key:
            words = {word for item in self._items.values() for word in item.text(0).split()}
            longest = sorted(words, key=len)[-64:]
            metrics = QFontMetrics(font)
            widest = max((metrics.horizontalAdvance(word) for word in longest), default=0)
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
            self._word_room = (key, widest + 2 * self.indentation() + 2 * margin)
        # Around the rows: the frame (2 px wider with the focus) and the scroll bar (the kiosk's are wider).
        bar = self.verticalScrollBar()
        around = self.width() - self.viewport().width() + (0 if bar.isVisible() else bar.sizeHint().width())
        return self._word_room[1] + around + 4

    def _item(self, text: str, url: str, tip: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, URL_ROLE, url)
        if tip:  # shown as its tool tip (see the delegate's helpEvent): setting 20,000 tool tips takes long
            item.setData(0, SUMMARY_ROLE, tip)
        self._items[url] = item
        return item

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        url = item.data(0, URL_ROLE)
        if url:
            self.pageRequested.emit(url)
        else:
            item.setExpanded(not item.isExpanded())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # re-wrap titles to the new width

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._late.isActive():  # the page's row first (show_url): keys and screen readers start from it
            self._late.stop()
            self._catch_up()
        super().focusInEvent(event)
        # After Qt has announced the tree itself, tell a screen reader which row is current:
        # entering the tree names the page that is open, not the first row.
        QTimer.singleShot(0, self, self._say_current)  # dropped if the tree is deleted first

    def _say_current(self) -> None:
        current = self.currentIndex()
        if current.isValid() and self.hasFocus():
            self.currentChanged(current, current)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        current = self.currentItem()
        if event.key() == Qt.Key.Key_Space and current is not None:
            self._open_item(current)
            return
        super().keyPressEvent(event)

    def sections(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None and item.childCount()]

    def folded(self) -> set[str]:
        """The titles of the sections folded away."""
        return {item.text(0) for item in self.sections() if not item.isExpanded()}

    def reset(self) -> None:
        """Every section open, nothing chosen, scrolled to the top."""
        for item in self.sections():
            item.setExpanded(True)
        self.blockSignals(True)
        self.clearSelection()
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)
        self.blockSignals(False)
        self.scrollToTop()
        self.horizontalScrollBar().setValue(0)

    def mark_topics(self, notes: dict[str, str], marker: QIcon) -> None:
        """Mark the topics at the addresses in ``notes``: an icon, bold text, and the note
        (why it is marked) said after the title by screen readers and shown in the tool tip.
        Every other topic is unmarked. Only the rows whose mark changes are touched (all
        the marked ones when the marker itself changes): a start marks nothing in no time."""
        self._marks = (dict(notes), marker)
        notes = {url: note for url, note in notes.items() if note and url.startswith("topic:") and url in self._items}
        changed = marker.cacheKey() != self._marker_key
        self._marker_key = marker.cacheKey()
        touched = {u for u in notes.keys() | self._marked.keys() if changed or notes.get(u) != self._marked.get(u)}
        self._marked = notes
        for url in touched:
            item = self._items[url]
            note = notes.get(url, "")
            title = item.text(0)
            font = item.font(0)
            font.setBold(bool(note))
            item.setFont(0, font)
            item.setIcon(0, marker if note else QIcon())
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{title}, {note}" if note else None)
            tip = item.data(0, SUMMARY_ROLE) or ""
            item.setToolTip(0, f"{note}. {tip}".strip() if note else tip)
        self.scheduleDelayedItemsLayout()

    def show_url(self, url: str) -> None:
        """Highlight the page being read (without asking to open it again).

        A row on screen is made current at once. A row out of view is made current once the reader has
        laid its new page out (`catch_up`, or after CATCH_UP_MS), with the list moved to it: moving the list
        repaints every row on screen and its scroll bar and measures the rows not seen yet (5-15 ms on a
        long list), work that would otherwise fall in the turns of the event loop that show the new page.
        Meanwhile no row is highlighted; a later page asked for in between wins."""
        self._shown = url
        item = self._item_for(url)
        if item is None or item is self.currentItem() or not self.isVisible() or self._on_screen(item):
            self._late.stop()
            self._show_item(item)
            return
        self.blockSignals(True)
        try:
            self.clearSelection()  # the old row, while it is still in view (see _show_item)
            self.selectionModel().clearCurrentIndex()
        finally:
            self.blockSignals(False)
        self._late.start(CATCH_UP_MS)

    def catch_up(self) -> None:
        """The page's row, if still to be made current (show_url), on the next turn of the event loop."""
        if self._late.isActive():
            self._late.start(0)

    def _catch_up(self) -> None:
        self._show_item(self._item_for(self._shown))

    def _item_for(self, url: str) -> QTreeWidgetItem | None:
        address = page_address(url)  # (a long topic's every reading part: its row)
        if address.startswith(GLOSSARY_URL + "/"):  # a letter's page of a long glossary: its A to Z row
            address = GLOSSARY_URL
        return self._items.get(address)

    def _on_screen(self, item: QTreeWidgetItem) -> bool:
        """``item``'s row is within the rows on screen now: found from the rows at the view's top and bottom
        edges (measuring only those), not from the row's own place (every row above it measured)."""
        parent = item.parent()
        if not self.isVisible() or (parent is not None and not parent.isExpanded()):
            return False
        top = self.itemAt(QPoint(1, 0))
        bottom = self.itemAt(QPoint(1, self.viewport().height() - 1))
        if top is None:
            return False
        place, first = self._place(item), self._place(top)
        return first <= place and (bottom is None or place <= self._place(bottom))

    def _place(self, item: QTreeWidgetItem) -> tuple[int, int]:
        """Where ``item`` is in the list: its section's row, and its own row in it (-1: the section itself)."""
        parent = item.parent()
        if parent is None:
            return self.indexOfTopLevelItem(item), -1
        return self.indexOfTopLevelItem(parent), parent.indexOfChild(item)

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        self.blockSignals(True)
        try:
            if item is None:
                self.clearSelection()
                return
            parent = item.parent()
            if parent is not None:
                parent.setExpanded(True)
            if item is not self.currentItem():
                # Rows have their own heights (wrapped titles), and Qt finds a row's place by adding
                # up the height of every row between it and the top of the view, measuring each one
                # it has not measured yet (a call into Python per row: 50-65 ms for a few hundred).
                # Making a row far below current would ask for its place, and for the old current
                # row's place once the view has moved away from it. So: the old row given up while
                # it is still in view, the view moved to the new row, and only then the row made
                # current: only rows on screen are measured.
                self.clearSelection()
                self.selectionModel().clearCurrentIndex()
                self.scrollToItem(item)
                self.setCurrentItem(item)
            self.scrollToItem(item)
        finally:
            self.blockSignals(False)
