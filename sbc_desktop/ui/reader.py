"""The reader pane: a QTextBrowser that shows pages by address and never goes online.

Pages are loaded through `loadResource` so QTextBrowser's own history gives Back and
Forward. A long page arrives in parts: the first is shown at once and the rest are
added in the idle moments after, so switching topic always takes about one frame.
A longer topic not yet rendered shows its title and "Loading..." while its Markdown is
parsed in a worker thread (ui/page_builds.py), then its first part.
Every link goes through one dispatcher: topics and app pages navigate, glossary
words ask for a pop-up, web addresses are handed to the window.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleTextInsertEvent,
    QColor,
    QFontMetrics,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QTextEdit, QWidget

from ..content import reading_parts
from ..content.arriving import NOT_YET, ArrivingParts
from ..content.links import TERM_SCHEME
from ..content.reading_parts import ReadingParts
from ..escape import escape
from ..pages import HOME_URL, PART_LINE_ID, Pages, part_asked, part_url
from ..picture_image import picture_image
from ..spread import SPREAD_URL
from ..urgent_help import PREFERENCES_URL
from .anchor_place import anchor_position
from .html_steps import STEP_CHARS, html_steps
from .page_builds import PageBuilds
from .page_document import LayoutSteps, PageDocument, dotted_terms, lay_out_now, mark_terms
from .page_joins import append_html
from .qt_made import take_viewport
from .reader_outline import OutlineItem, PageOutline
from .render_ahead import RenderElsewhere
from .table_grid import grid_tables

READING_WIDTH_CHARS = 72  # a comfortable line length
FIRST_PIECE_CHARS = 20_000  # the first part's HTML comes whole up to this (a topic's opening is about 5,000)
# ...but a part over twice this, replacing "Loading..." once made in the worker or the helper, shows the start of its
# first piece, about this much (a screen and more), until the part built off screen takes its place (the same document
# as before, from the whole first piece): Qt's parse and first layout of the piece shown is most of that step, beside
# the page's parts bar and its line length, and of a whole first piece made it one of 10-18 ms CPU (most of the not
# yet rendered switches' steps over 16 ms: bench_reader.py --slow-steps).
BUILT_PIECE_CHARS = 8_000
PAINT_HELD_MS = 3_000  # a page shown again at a place: the longest the screen stays as it was meanwhile
# What is left of a page this short (characters of Markdown) is added at once when a key or a link needs it
# (H, K, a "#place"); of a longer page, what they do is done once its last pieces are in (in small steps).
SHORT_PAGE_CHARS = 12_000
BATCH_CHARS = 16_000  # pieces of a long page joined up to this many characters of HTML, added off screen as one
# ...or up to this many tags ("<"), whichever comes first: Qt's parse costs about 15 µs a tag (a table's cell, a
# link) at load, and a thousand characters of text cost about what one tag does (a batch of 16,000 characters of
# table or links was 8-12 ms of parse; of plain text about 2 ms)
BATCH_TAGS = 500
# A page left with more characters than this is not cleared in the step that shows the next one (Qt's setHtml over
# it: 2.5-6 ms CPU at load for 250,000-1,000,000 characters laid out): a blank document takes its place at once,
# and it is freed in a turn of the event loop of its own (_free_old_pages).
FREE_LATER_CHARS = 50_000
PARSE_WAITS_S = 0.25  # the page's parse waits this long at most, once, for a part shown early to be built (see
# Reader._parse_may_go_on)
STEP_BUDGET_S = 0.010  # the pieces of a long page added (off screen) in one turn of the event loop stop after this
# A topic with more Markdown than this, not yet rendered, is parsed in a worker thread (ui/page_builds.py);
# a shorter one in go() (python-markdown: about 1 ms a KB on a loaded 2-core machine).
BUILD_CHARS = 4_000
# The reader's highlight layers, bottom to top: find matches, the sentence read aloud, the
# focused link. Each writer sets only its own layer (Reader.set_layer); the reader alone
# calls setExtraSelections, so no writer can wipe another's highlight.
FIND, SPEECH, LINK_FOCUS = 0, 2, 1
LAYER_ORDER = (FIND, SPEECH, LINK_FOCUS)


class Reader(QTextBrowser):
    LAYER = QTextFormat.Property.UserProperty + 70  # marks highlights that are not find matches

    termActivated = Signal(str, QRect)  # glossary term id, the word's place on screen
    externalLinkRequested = Signal(QUrl)
    commandRequested = Signal(str)  # a link that does something rather than show a page (app:preferences)
    pageMissing = Signal(str)
    pageCompleted = Signal()  # the last part of a long page has been added
    pageBuilt = Signal(QUrl)  # a page parsed in the worker is now shown (it said "Loading..." until now)
    zoomRequested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller (the whole window's text)
    messageRequested = Signal(str)  # something to tell the reader (shown and spoken)
    documentResized = Signal()  # the page's laid-out size changed (whichever document the reader shows now)
    pageLaidOut = Signal()  # a long page's layout steps have ended: the scroll bar spans its real height
    pageLeaving = Signal()  # another page (or the same again) is about to replace the one shown
    placeReached = Signal(str)  # a "#name" place gone to (to_anchor) is on screen, the caret at it
    # A page is shown (or its text came in after "Loading..."): which of its reading parts (from 0), of how many
    # (1: a page shown whole). See content/reading_parts.py.
    readingPartShown = Signal(int, int)
    # A page's part shown before the rest of the page came (its count not known: `parts_counted`) is now
    # counted: its part line says "of N", the list of every part is under it (sent after readingPartShown).
    partsCounted = Signal()
    # Words of the page shown were replaced in place (its part line given the count): from ``position``, ``removed``
    # characters by ``added``. What holds places in the text after them (read aloud's sentences) moves with it.
    textReplaced = Signal(int, int, int)

    def __init__(self, pages: Pages, style_sheet: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        take_viewport(self)  # (before anything asks for viewport(): see qt_made)
        self._layers: dict[int, list[QTextEdit.ExtraSelection]] = {}  # see set_layer
        self.pages = pages
        self._press_pos: QPoint | None = None
        # The page's parts still to come (None: complete); NOT_YET among them while the next is still made.
        self._pending: Iterator[Any] | None = None
        self._steps: deque[tuple[str, bool]] = deque()  # pieces of a part to add; True: its last
        self._batch: list[str] = []  # pieces taken, not yet added to the page built off screen (BATCH_CHARS)
        self._batch_chars = self._batch_tags = 0
        self._first_piece = ""  # the piece on screen while the rest of the page is built off screen
        self._shown_short = False  # only the start of that piece is on screen (BUILT_PIECE_CHARS)
        self._shown_tail = ""  # the whitespace after that piece's last element, not set (see _start_parts)
        self._lay_out_whole = False  # a page shown whole: laid out to its end as soon as it is in (see below)
        self._offscreen: PageDocument | None = None  # the whole page, built off screen (page_document.py)
        self._anchor_ends: dict[str, int] = {}  # "#name" places of the page built off screen (page_document.py)
        self._first_chars = 1 << 62  # characters of the page's first piece, when the rest was built off screen
        self._structure_of = -1  # the page_number whose headings and links the outline holds
        self._drags, self._drag_held = 0, False  # the scroll bar's thumb dragged below what is laid out
        self._layout_steps = LayoutSteps(self, self._estimated_height, painted=lambda: self.painted_at)
        self._layout_steps.finished.connect(self.pageLaidOut)
        self.parts_shown = 0  # parts of the current page in the document (benchmarks check it)
        self.page_number = 0  # counts pages loaded (a reload too): what waits for a page knows it is still there
        self._when_complete: list[Callable[[], None]] = []  # for page_number, once it is complete
        self._load_whole_page = False
        self._loading = False  # a new page replaces the old one, or the reader sets its own place (place())
        self._restyling = False  # a new theme or text size is being applied (see restyling)
        self._in_place = False  # the page is shown again in place (see is_shown_again)
        self._kept_place: tuple[int, tuple[int, float, float], int] | None = None  # (page number, text_place, scrolls)
        self._scrolls = 0  # the reader's own scrolls (wheel, keys, the scroll bar), counted: see restyling
        self._awaiting_paint = False
        # The first paint of a page's first piece is done: the fill timer, due in that same turn of the event
        # loop (Qt runs a due timer restarted while the turn's posted events are handled), waits one turn more.
        self._painted_first = False
        self.painted_at = 0.0  # (perf_counter) when the reader last painted: LayoutSteps keeps off that turn
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._add_next_part)
        self._old_pages: list[QTextDocument] = []  # long pages left, freed in a turn of their own (FREE_LATER_CHARS)
        self._free_timer = QTimer(self)
        self._free_timer.setSingleShot(True)
        self._free_timer.setInterval(0)
        self._free_timer.timeout.connect(self._free_old_pages)
        self._layout_steps.finished.connect(self._free_timer.start)  # (the new page is laid out: a quiet turn next)
        self._paint_held = QTimer(self)  # the longest the screen is left as it was (hold_paint)
        self._paint_held.setSingleShot(True)
        self._paint_held.setInterval(PAINT_HELD_MS)
        self._paint_held.timeout.connect(self._release_paint)
        self._builds = PageBuilds(self)
        self._builds.built.connect(self._build_finished)
        self._builds.arrived.connect(self._part_arrived)
        self.elsewhere = RenderElsewhere(pages, self)  # long pages rendered in a helper process, and ahead
        self._build: tuple[int, QUrl] | None = None  # the page being parsed in the worker, by number
        # Its parts as the helper makes them (the build's number, its address): shown as they come.
        self._arriving: tuple[int, QUrl, ArrivingParts] | None = None
        self._build_number = 0
        self._build_began = self._built_after = 0.0
        self._shown_a_page = False
        # What waits for a page parsed in the worker to be shown whole (the search's matches, Back's
        # reading position, a link's #anchor): its address and the calls, dropped if the page changes.
        self._after_build: tuple[QUrl, list[Callable[[], None]]] | None = None
        self._history_positions: dict[int, tuple[QUrl, int]] = {}  # history index -> (address, scroll)
        # (page_number, its reading parts, the one shown): see _part_shown
        self._shown_split: tuple[int, ReadingParts | None, int] = (-1, None, 0)
        self._from_history = -1  # the page_number of the page Back or Forward brought (see came_from_history)
        # A part shown from the page's first pieces, before the helper has made the rest (see _show_early): the
        # page_number it is shown as, and the build's number; None once the page is counted.
        self._counting: tuple[int, int] | None = None
        self._early_ok = False  # the page being built may be shown from its first pieces (no place in it, not Back)
        # (the build's number, its pieces costed, their cost, the cost they are cut again past): see _show_early
        self._early_tried: tuple[int, int, float, float] = (0, 0, 0.0, 0.0)
        # Set while the page's parse may go on; cleared while a part shown early is built, until it is complete: the
        # window's worker (the helper not up yet) holds Python's lock as it parses, and every step of that build
        # would wait for it again and again (a 15 ms step took 50-75 ms). The parse waits between two of its parts.
        self._parse_may_go_on = threading.Event()
        self._parse_may_go_on.set()
        self._moves = 0  # the reader's moves (pages, places, Back, Forward): a place waited for is for one (this_move)
        self.pageCompleted.connect(self._run_after_build)
        self.pageCompleted.connect(self._run_when_complete)
        # (a part shown early whose count came before it was complete)
        self.pageCompleted.connect(self._count_came_next)
        self.pageCompleted.connect(self._parse_may_go_on.set)
        self.setObjectName("reader")
        self.setAccessibleName(QCoreApplication.translate("Reader", "Reader"))
        self.setAccessibleDescription(QCoreApplication.translate("Reader", "The text of the page you are reading"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # A document of the reader's own from the start: QTextBrowser watches the one it was made with, and once
        # that changes (glossary words marked, margins set) it loads the whole page again for a "#place" on it.
        self.setDocument(QTextDocument(self))
        self.document().setDefaultStyleSheet(style_sheet)
        self.document().setUndoRedoEnabled(False)  # read-only: no undo history to grow
        self._watch_layout(self.document())
        # Scrolled while a new page is still laid out in steps: Qt lays out what comes on screen as it
        # paints, and the steps go on (the scroll bar spans the page's estimated height meanwhile: see
        # _estimated_height); only a drag of the thumb far down lays the rest out at once.
        self.verticalScrollBar().actionTriggered.connect(self._scroll_action)
        self.verticalScrollBar().actionTriggered.connect(self._count_scroll)
        self.anchorClicked.connect(self._link_clicked)
        # A caret the arrow keys move: a screen reader reads the line it lands on.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.outline = PageOutline(self)
        # Connected first, so the page's structure is ready before the window's own handlers run.
        self.sourceChanged.connect(self._new_source)
        self.focus_colours = ("#1a5fb4", "#ffffff")  # background, text: set from the theme
        self.cursorPositionChanged.connect(self._show_link_focus)
        self.sourceChanged.connect(lambda _url: self._fit_line_length())
        self.sourceChanged.connect(lambda _url: self.elsewhere.when_idle(self._render_ahead))
        self.pageBuilt.connect(lambda _url: self.elsewhere.when_idle(self._render_ahead))
        self.sourceChanged.connect(self._part_shown)  # (source() may not say the new address yet: the signal's does)
        self.pageBuilt.connect(self._part_shown)

    # -- what can be shown --------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl | str):  # noqa: N802 - Qt override
        url = QUrl(url)
        if kind == QTextDocument.ResourceType.HtmlResource:
            return self._first_part(url)
        if kind == QTextDocument.ResourceType.ImageResource and url.isLocalFile():
            # Only pictures inside the content folder, an SVG without its outside references.
            return picture_image(url.toString(), self.pages.library.root)
        return None  # nothing remote, ever

    def _first_part(self, url: QUrl) -> str:
        """The start of the page now; the rest is added while the reader reads."""
        self._parse_may_go_on.set()
        self._release_paint()
        self._set_old_page_aside()
        carried = self._arriving if self._build is None else None  # (a page shown while the rest of it comes)
        self._counting = None
        self.page_number += 1
        self._when_complete = []
        self._pending = None
        self._steps.clear()
        self._clear_batch()
        self._drop_offscreen()
        self._forget_build()
        self._after_build = None
        self._anchor_ends = {}
        self._first_chars = 1 << 62
        whole = url.hasFragment() or self._load_whole_page
        # A page needed whole (a #anchor, Back, Forward) is parsed in the worker too; what needed
        # it whole is done once it is shown (after_build). Not while the history is rebuilt
        # with signals blocked (history_limit.py): that page is at hand and comes back at once.
        slow = not (whole and self.signalsBlocked()) and self._slow_to_render(url)
        # A long page kept on disk: its parts read now (a few ms), shown as a page at hand is (no "Loading").
        parts = self.pages.stored_parts(url.toString()) if slow else None
        if slow and parts is None:
            self._load_whole_page = False
            # A part shown before the rest of its page came, shown again in place (a new theme): from the same first
            # pieces again, at once. Waiting for the whole page ("Loading this page..." for seconds), it came back
            # counted, its list of parts added at its end, and the place kept (counted from the end) was that far off.
            again_early = self._in_place and carried is not None and not url.hasFragment()
            self._start_build(url, carried, early=not whole or again_early)
            if url.hasFragment():
                fragment = url.fragment()
                self._after_build = (QUrl(url), [lambda: self.to_anchor(fragment)])
            return self._loading_html(url)
        if parts is not None:
            self.elsewhere.counts["stored"] += 1
        else:
            parts = self.pages.parts_for(url.toString())
        if parts is None:
            self.pageMissing.emit(url.toString())
            return self.pages.not_found_html(url.toString())
        # Shown again at a place (Back, Forward, new colours or numbers): not in one step of the whole
        # page's HTML, but as any page comes (its first piece, the rest built off screen), with the
        # page on screen left as it was until the new one is at its place (see hold_paint).
        # A place on it (a link to "#name") likewise: the page comes in pieces, and is laid out in its steps
        # down to the place (not in one step of the whole page), the screen left as it was meanwhile.
        again = whole and not self.signalsBlocked()
        html = self._start_parts(parts, whole and not again)
        if again:
            self._load_whole_page = False
            if not self.is_complete():
                self._hold_paint()
            if url.hasFragment():
                fragment = url.fragment()
                self.when_complete(self._this_move(lambda: self.to_anchor(fragment)))
        return html

    def _set_old_page_aside(self) -> None:
        """A long page being left gives its place to a blank document (the page's style, font and margins),
        which the next page's HTML goes into; it is freed once that page is laid out (FREE_LATER_CHARS)."""
        doc = self.document()
        if doc.characterCount() < FREE_LATER_CHARS or doc.parent() is not self:
            return
        self._layers.clear()  # (its highlights: on the page left, as Qt's setHtml would have emptied them)
        self.setExtraSelections([])
        self._swap_document(PageDocument(self, "").take())
        self._watch_layout(self.document())
        self._old_pages.append(doc)
        if len(self._old_pages) > 2:  # pages left faster than each is laid out: not kept for long
            self._free_timer.start()

    def _free_old_pages(self) -> None:
        """Free the long pages left (one per turn of the event loop, each a few milliseconds). While the
        outline of the page shown is read in idle steps, those steps free them (free_old_page), so that a
        page freed and a step of that reading never share a turn (together 10-13 ms CPU at load 1-4)."""
        if not self.outline.is_read() and len(self._old_pages) <= 2:
            return
        self.free_old_page()
        if self._old_pages:
            self._free_timer.start()

    def free_old_page(self) -> bool:
        """Free one long page left, if any (a few milliseconds): True if one was freed."""
        if not self._old_pages:
            return False
        doc = self._old_pages.pop(0)
        doc.setParent(None)
        shiboken6.delete(doc)
        return True

    def _hold_paint(self) -> None:
        """Leave the screen as it is (the page it showed) until the page shown again is complete and at
        its place: its top for a moment, then a jump to the place, would look like the wrong page."""
        self._awaiting_paint = False  # (its rest is built without waiting for a first paint)
        self.viewport().setUpdatesEnabled(False)
        self._paint_held.start()

    def _release_paint(self) -> None:
        self._paint_held.stop()
        self._drag_held = False
        if not self.viewport().updatesEnabled():
            self.viewport().setUpdatesEnabled(True)  # (repaints it all)

    def _start_parts(self, parts: Iterator[Any], whole: bool, built: bool = False) -> str:
        """The page's first piece (its whole HTML if ``whole``); the rest is added by the fill timer. ``built``: the
        page replaces "Loading..." (see BUILT_PIECE_CHARS)."""
        first = next(parts, "")
        self.parts_shown, self._shown_short, self._shown_tail = 1, False, ""
        if whole:
            # An anchor may lie in any part, and history restores a scroll position:
            # both need the whole page at once.
            self._load_whole_page = False
            rest = list(parts)
            self.parts_shown += len(rest)
            self._lay_out_whole = True
            # (glossary words dotted by Qt's parser: no walk after; tables drawn as a grid: table_grid.py)
            return dotted_terms(grid_tables(first + "".join(rest)))
        self._pending = parts
        self._awaiting_paint, self._painted_first = True, False
        self._fill_timer.start()
        # The first piece now; the rest of the first part, like every later part, in pieces.
        self.parts_shown = 0
        steps = self._pieces(first, FIRST_PIECE_CHARS)
        made, _last = steps.popleft()
        first_piece = grid_tables(made)  # (the rest's tables likewise, as PageDocument adds them)
        if not steps:
            self.parts_shown = 1
        self._steps = steps
        self._first_piece = first_piece  # (PageDocument dots its glossary words itself: dotted_terms only once)
        # Its glossary words dotted by Qt's parser, as the rest's are: no walk over its links for them (see
        # _page_structure_changed). A long part made in the worker or the helper: on screen the start of its first
        # piece (BUILT_PIECE_CHARS), the part built off screen from the whole piece as before (even if it is all).
        short = html_steps(made, BUILT_PIECE_CHARS)[0] if built and len(made) > 2 * BUILT_PIECE_CHARS else made
        self._shown_short = len(short) < len(made)
        # Not its trailing whitespace: Qt ends the last block with a space for it, which the page built off screen (the
        # page whole) does not have where more follows (page_joins.py). Kept for what is added to it (_append).
        shown = dotted_terms(grid_tables(short) if self._shown_short else first_piece)
        piece = shown.rstrip()
        self._shown_tail = shown[len(piece) :]
        return piece

    def _estimated_height(self, height: float) -> None:
        """While a long page is laid out in steps, its scroll bar spans the page's estimated height
        (Qt's spans only what is laid out: the page would look one screen long for a second or two).
        The estimate gets closer at each step (never below where the reader is); the page's real height
        replaces it at the end."""
        bar = self.verticalScrollBar()
        wanted = max(round(height) - self.viewport().height(), bar.value())
        if wanted != bar.maximum():
            loading, self._loading = self._loading, True  # (a range change is not the reader's scrolling)
            try:
                bar.setRange(0, wanted)
            finally:
                self._loading = loading

    def _scroll_action(self, action: int) -> None:
        """The scroll bar's thumb dragged while the page is still laid out in steps: the range is only
        an estimate so far, so the drag goes to the same fraction of the whole page, not the same
        pixel (a wheel's or an arrow's few pixels stay pixels). Dragged below what is laid out, the
        screen stays as it was while the steps go on down to there (each a few ms), and is shown there
        then: painting it at once would lay the page out down to there in one step (up to a second)."""
        bar = self.verticalScrollBar()
        if action != QAbstractSlider.SliderAction.SliderMove.value or not self._layout_steps.is_running():
            return
        if not bar.isSliderDown() and abs(bar.sliderPosition() - bar.value()) <= bar.pageStep():
            return
        maximum = bar.maximum()
        fraction = bar.sliderPosition() / maximum if maximum > 0 else 0.0
        below = fraction * maximum + self.viewport().height()
        self._drags += 1  # (only the latest drag's place is shown)
        if self._layout_steps.laid_out_bottom() >= below:
            if self._drag_held:  # dragged back up above what is laid out: shown here now
                self._dragged_to(fraction)
            return
        self._drag_held = True
        self._hold_paint()
        number = self._drags
        self._layout_steps.when_past(below, lambda: self._dragged_to(fraction) if number == self._drags else None)

    def _dragged_to(self, fraction: float) -> None:
        """The page is laid out down to where the thumb was dragged: shown there (the estimate is closer now)."""
        self._drag_held = False
        bar = self.verticalScrollBar()
        self.place(round(fraction * bar.maximum()))
        self._release_paint()

    def _watch_layout(self, doc: QTextDocument) -> None:
        doc.documentLayout().documentSizeChanged.connect(self._document_resized)

    def _document_resized(self, _size) -> None:
        self.documentResized.emit()

    def _drop_offscreen(self) -> None:
        """The page being built off screen is not wanted (another page, a reload, a reset)."""
        self._layout_steps.stop()
        if self._offscreen is not None:
            self._offscreen.drop()
            self._offscreen = None

    # -- long pages parsed in the worker -------------------------------------------------
    def _slow_to_render(self, url: QUrl) -> bool:
        """A long topic whose rendering is not in memory, or any while the glossary's matcher is not made:
        for the worker (see BUILD_CHARS).

        Not the first page the reader shows: at start-up that one comes from the disk cache
        without even making the renderer (pages.Pages.rendered), and nothing is on screen yet."""
        first, self._shown_a_page = not self._shown_a_page, True
        topic_at = getattr(self.pages, "topic_at", None)  # (the bounded history's blank pages have none)
        topic = topic_at(url.toString()) if topic_at else None
        if first or topic is None or self.pages.at_hand(topic):
            return False
        # A short page too while the glossary's matcher is not made (the first parse makes it: 0.2-0.3 s
        # for thousands of words), so that it is made in the worker, not in this step.
        return len(topic.body) > BUILD_CHARS or not self.pages.quick_to_parse()

    def _start_build(self, url: QUrl, carried: tuple[int, QUrl, ArrivingParts] | None = None,
                     early: bool = False) -> None:  # fmt: skip
        """Parse the topic in the worker, from the next turn of the event loop; at once if the helper process
        makes it (RenderElsewhere.answers_now). ``carried``: the page left, if its parts are still coming: another
        part of the same topic waits for them, not for a parse again. ``early``: the part may be shown from the
        page's first pieces (_show_early).

        Not at once otherwise: while the worker holds the interpreter lock, every call Qt makes into
        Python waits for it, and the window's own work on a new page (the topic list finding
        the row, hundreds of its row-size calls in a long list) would wait hundreds of times."""
        topic = self.pages.topic_at(url.toString())
        assert topic is not None
        self._early_ok = early
        if carried is not None and not carried[2].diverged and self.pages.topic_at(carried[1].toString()) is topic:
            number, _left, arriving = carried  # (Next part pressed before the rest of the page came)
            self._build, self._arriving = (number, QUrl(url)), (number, QUrl(url), arriving)
            self._build_began = time.perf_counter()
            self.parts_shown = 0
            self._early_tried = (0, 0, 0.0, 0.0)  # (another part: cut again)
            split = self._shown_split[1]  # (the cut of the pieces so far: the part asked for is part of it, as shown)
            if split is not None:
                asked = min(part_asked(url.toString()) or 0, len(split) - 1)
                self._shown_split = (self.page_number, split, asked)
                self._counting = (self.page_number, number)  # (not counted yet: "Part 2, ...", not "of 3")
            QTimer.singleShot(0, self, lambda: self._part_arrived(number))  # (shown once its part is in: now?)
            return
        self._build_number += 1
        number = self._build_number
        self._build = (number, QUrl(url))
        self._build_began = time.perf_counter()
        self.parts_shown = 0
        arriving = ArrivingParts()
        self._arriving = (number, QUrl(url), arriving)
        builds = self._builds

        may_go_on = self._parse_may_go_on

        def on_part(html: str) -> None:  # (in the worker: the window's thread is told)
            if not may_go_on.wait(PARSE_WAITS_S):  # (a part shown early being built: see _parse_may_go_on)
                may_go_on.set()  # (its build has taken that long: the parse waits for it no more)
            arriving.add(html)
            builds.tell_arrived(number)  # (safe if the reader is deleted meanwhile)

        def on_last() -> None:  # the parts that came are all: the page may be completed before its entry comes
            arriving.all_in()
            builds.tell_arrived(number)

        render = self.elsewhere.work(topic, on_part, on_last)  # in the helper process once up, else in the worker

        pages = self.pages

        def work() -> None:
            made = None
            try:
                made = render().parts
                pages.cut_ahead(topic, made)  # (a page read in parts: cut here, not in the step that shows it)
            finally:
                arriving.end(made)

        def start() -> None:
            if self._build is not None and self._build[0] == number:  # still wanted
                self._builds.start(number, work)  # thread-safe (render.py)

        if self.elsewhere.answers_now():
            # The helper makes it: the worker sends the page and waits for its parts without the lock, so it may
            # start now; the helper's parse, what the page waits for, begins a turn (the new page's paint) sooner.
            start()
        else:
            QTimer.singleShot(0, self, start)

    def _render_ahead(self) -> None:
        """The window idle on a page: render ahead the long pages likely opened next (render_ahead.py)."""
        if self._build is not None or not self.is_laid_out() or not self.parts_counted():
            self.elsewhere.not_yet()
            return
        topic = self.pages.topic_at(self.current_url()) if hasattr(self.pages, "topic_at") else None
        if topic is not None:
            self.elsewhere.ahead_of(topic, BUILD_CHARS)

    def _loading_html(self, url: QUrl) -> str:
        """What the page shows while it is parsed: its top, as it will be, and "Loading..."."""
        topic = self.pages.topic_at(url.toString())
        assert topic is not None
        loading = QCoreApplication.translate("Reader", "Loading this page…")
        return self.pages.topic_header(topic) + f'<p class="loading">{escape(loading)}</p>'

    def _failed_html(self, url: QUrl) -> str:
        """A page the renderer could not make: said on the page and in the status bar."""
        sorry = QCoreApplication.translate("Reader", "Sorry, this page could not be shown. Please try another page.")
        self.parts_shown = 1
        self.messageRequested.emit(sorry)
        return f"<h1>{escape(self.pages.title_for(url.toString()))}</h1>\n<p>{escape(sorry)}</p>"

    def build_seconds(self) -> float:
        """How long the page that said "Loading..." took to come (valid when `pageBuilt` is sent)."""
        return self._built_after

    def _forget_build(self) -> None:
        """The page being parsed is no longer wanted (another page, a reload, a kiosk reset)."""
        self._arriving = None
        if self._build is not None:
            self._build = None
            self._builds.drop()

    def after_build(self, call: Callable[[], None]) -> None:
        """Call now, or, while the page is parsed in the worker, once it is shown whole.

        Dropped if the reader goes to another page first (the user has moved on). A part shown before the rest of
        its page came: once the page is counted (`partsCounted`)."""
        if self._build is None and self.parts_counted():
            call()
            return
        # (the page being built: asked for from its sourceChanged, the reader's source may still be the page left)
        page = QUrl(self._build[1]) if self._build is not None else QUrl(self.source())
        if self._after_build is not None and self._after_build[0] == page:
            self._after_build[1].append(call)
        else:
            self._after_build = (page, [call])

    def when_complete(self, call: Callable[[], None]) -> None:
        """Call now if the page is whole, else once its last piece is in (dropped if another page comes first)."""
        if self.is_complete():
            call()
        else:
            self._when_complete.append(call)

    def _run_when_complete(self) -> None:
        waiting, self._when_complete = self._when_complete, []
        for call in waiting:
            call()
        if not self._layout_steps.waiting():
            self._release_paint()  # (a page shown again is at its place now, or needs none)

    def _run_after_build(self) -> None:
        if not self.parts_counted():
            return  # (once it is: _count_came)
        waiting, self._after_build = self._after_build, None
        if waiting is not None and waiting[0] == self.source() and self._build is None:
            for call in waiting[1]:
                call()

    def is_building(self) -> bool:
        """True while the page shown says "Loading..." and its text is parsed in the worker."""
        return self._build is not None

    def _part_arrived(self, number: int) -> None:
        """A part of the page being parsed has come from the helper: its top is shown as soon as its first
        part is known, the rest is added as it comes (on the reader's fill timer, as any long page's)."""
        arriving = self._arriving
        if arriving is None or arriving[0] != number:
            return  # stale: another page, a reload or a reset came first
        if self._build is not None and self._build[0] == number:
            if arriving[2].has(0):
                topic = self.pages.topic_at(arriving[1].toString())
                if topic is not None and not self.pages.may_split(topic):
                    self._show_built(self.pages.arriving_parts(topic, arriving[2]))
                elif topic is not None and arriving[2].all_parts() is not None:
                    # A page that may be read in parts is cut once its parts are all in (which part is shown
                    # depends on it), or its part shown from the first of them (_show_early).
                    body = arriving[2].all_parts()
                    assert body is not None
                    self._show_built(self.pages.page_of_pieces(arriving[1].toString(), topic, body))
                elif topic is not None and self._early_ok:
                    self._show_early(number, arriving[1], arriving[2], topic)
        elif self._counting is not None:
            self._count_came()
        elif self._pending is not None and not self._fill_timer.isActive():
            self._fill_timer.start()  # (it waited for this part)

    def _show_early(self, number: int, url: QUrl, arriving: ArrivingParts, topic: Any) -> None:
        """Show the part at ``url`` from the first pieces of its page, if it is whole in them: the cut of the pieces
        that came has a part after it (reading_parts.split_page). Its count and the list of every part are added
        once the rest has come (_count_came). The pieces are cut again only once what came costs a quarter of a
        part's budget more than when last tried, and a quarter more (a few cuts, not one a piece)."""
        pieces = arriving.so_far()
        budget = reading_parts.PART_BUDGET
        _number, costed, cost, due = self._early_tried if self._early_tried[0] == number else (number, 0, 0.0, budget)
        cost += sum(reading_parts.cost(piece) for piece in pieces[costed:])
        self._early_tried = (number, len(pieces), cost, due)
        if cost <= due:
            return  # (at most one part so far, or little more than when last cut)
        self._early_tried = (number, len(pieces), cost, max(cost * 1.25, cost + budget / 4))
        early = self.pages.early_part(url.toString(), topic, pieces)
        if early is None:
            return
        split, index, html = early
        self.elsewhere.counts["early"] += 1
        self._counting = (self.page_number, number)
        self._shown_split = (self.page_number, split, index)
        self._parse_may_go_on.clear()  # (set again once the part is complete, or another page comes)
        self._show_built(iter([html]), early=True)

    def parts_counted(self) -> bool:
        """False while the page shown is a part shown before the rest of its page came (how many parts it has
        is not known yet: `part_count` says how many are known so far; `partsCounted` when it is)."""
        return self._counting is None or self._counting[0] != self.page_number

    def _count_came(self) -> None:
        """The rest of the page whose part is shown early has come: the part's line says "of N" and the list of
        every part goes under its text, in place (the focus, the caret and the reading position stay), once the
        part is complete; what waited for the page whole runs (after_build)."""
        counting, arriving = self._counting, self._arriving
        if counting is None or counting[0] != self.page_number or arriving is None or arriving[0] != counting[1]:
            return
        body = arriving[2].all_parts()
        if arriving[2].diverged:
            self._counting = None  # (shown again as the renderer made it: _build_finished)
            return
        # Once the page has ended, not on its last part alone: the worker has cut it then (Pages.cut_ahead), so this
        # step does not (2-5 ms on the longest pages).
        if body is None or not arriving[2].ended or not self.is_complete():
            return  # (again once it is: _build_finished, pageCompleted)
        url, (_number, shown, index) = arriving[1].toString(), self._shown_split
        topic = self.pages.topic_at(url)
        split = self.pages.split_of(topic, body) if topic is not None else None
        self._counting = None
        if topic is None or split is None or shown is None or split.parts[index] != shown.parts[index]:
            self.reload_in_place()  # (never: the cut of the first pieces is the page's; shown as it is then)
            return
        self._shown_split = (self.page_number, split, index)
        self._say_count(self.pages.part_line(split, index))
        self._append(self.pages.parts_list(topic, split, index))
        self.readingPartShown.emit(index, len(split))
        self.partsCounted.emit()
        self._run_after_build()
        self.elsewhere.when_idle(self._render_ahead)

    def _count_came_next(self) -> None:
        """The part shown early is complete: its count, if it has come, is put in the next turn of the event loop, not
        in this one (the part built off screen took the place of its start here, its first screen laid out: with the
        count's line, the list of parts and their outline, one step of 14-16 ms CPU at load 3)."""
        if not self.parts_counted():
            QTimer.singleShot(0, self, self._count_came)

    def _say_count(self, line: str) -> None:
        """The part line ("Part 2: ...") says ``line`` ("Part 2 of 5: ..."): only the words that differ are
        replaced (a screen reader is told " of 5", not the whole line again), and the reading position is kept
        should the line wrap otherwise."""
        doc = self.document()
        at = anchor_position(doc, PART_LINE_ID)
        if at is None:
            return
        block = doc.findBlock(at)
        old = block.text()
        same = 0
        while same < min(len(old), len(line)) and old[same] == line[same]:
            same += 1
        tail = 0
        while tail < min(len(old), len(line)) - same and old[-1 - tail] == line[-1 - tail]:
            tail += 1
        layout = doc.documentLayout()
        top, height = layout.blockBoundingRect(block).top(), layout.blockBoundingRect(block).height()
        cursor = QTextCursor(doc)
        cursor.setPosition(block.position() + max(same, 1))
        look = cursor.charFormat()  # (the line's own: bold)
        cursor.setPosition(block.position() + same)
        cursor.setPosition(block.position() + len(old) - tail, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(line[same : len(line) - tail], look)
        grown = layout.blockBoundingRect(doc.findBlock(at)).height() - height
        if grown and self.verticalScrollBar().value() > top:
            self.place(self.verticalScrollBar().value() + round(grown))
        replaced = (block.position() + same, len(old) - tail - same, len(line) - tail - same)
        self.outline.replaced(*replaced)
        self.textReplaced.emit(*replaced)

    def _build_finished(self, number: int) -> None:
        """The worker has parsed a page: show it, unless the reader has moved on since."""
        arriving = self._arriving
        if self._build is None and arriving is not None and arriving[0] == number:
            # Shown as its parts came: its last part is known now, or (its parse failed on the way) it is
            # shown again as the renderer made it.
            if not arriving[2].diverged:
                if self._pending is not None and not self._fill_timer.isActive():
                    self._fill_timer.start()
                self._count_came()
                return
            self._build, self._arriving = (number, arriving[1]), None
            self._counting = None
            self._pending = None
            self._steps.clear()
            self._clear_batch()
            self._drop_offscreen()
        if self._build is None or self._build[0] != number:
            return  # stale: another page, a reload or a reset came first
        url = self._build[1]
        self._arriving = None  # (shown from the renderer's memory)
        parts = None if self._builds.error(number) else self.pages.parts_for(url.toString())
        self._show_built(parts)

    def _show_built(self, parts: Iterator[Any] | None, early: bool = False) -> None:
        """The page the worker parses, shown from its first part (``parts`` None: it could not be made; else
        the page's parts, or its parts as they arrive: see content/arriving.py). ``early``: a part shown before
        the rest of its page came (_show_early); else the page shown is counted."""
        assert self._build is not None
        url = self._build[1]
        self._build = None
        if not early and self._counting is not None:
            # A part asked for before the rest of its page came (_start_build's carried branch: not counted yet),
            # whose page came whole before the part was shown: it is shown counted ("of N", the list of every
            # part), so it is counted now, its parts the page's (_part_shown). Left as it was, the count came
            # again over it: the cut kept was of the first pieces, its last part cut short, so the page was shown
            # again (review16 m4: read aloud going on into this part stopped there).
            self._counting = None
            self._shown_split = (-1, None, 0)
        self._built_after = time.perf_counter() - self._build_began
        html = self._failed_html(url) if parts is None else self._start_parts(parts, False, built=True)
        self._layers.clear()
        self.setExtraSelections([])
        self.document().setHtml(html)  # the same document and address: history and source stay
        self.setTextCursor(QTextCursor(self.document()))  # the caret at the top, as a new page has it
        self._page_structure_changed()
        self._fit_line_length()
        self.pageBuilt.emit(url)
        if parts is None:
            self.pageCompleted.emit()

    @staticmethod
    def _pieces(part: str, limit: int = STEP_CHARS) -> deque[tuple[str, bool]]:
        pieces = html_steps(part, limit)
        return deque((piece, index == len(pieces) - 1) for index, piece in enumerate(pieces))

    def _add_next_part(self) -> None:
        """Add pieces of the page off screen for about STEP_BUDGET_S, then let the event loop run;
        once every piece is in, show the whole page (page_document.py)."""
        if self._pending is None:
            return
        if self._awaiting_paint and self.viewport().isVisible():
            return  # the first part goes on screen before anything else is done
        if self._painted_first:
            # Not in the turn of that paint (the whole window's, 2-5 ms): with a batch of a table (8-12 ms) and
            # the document's making, that turn was the path's longest (13-16 ms CPU at load 1).
            self._painted_first = False
            self._fill_timer.start()
            return
        began = time.perf_counter()
        if self._offscreen is None and not self._steps:
            part = next(self._pending, None)
            if part is NOT_YET:
                return  # its next part is still being made (_part_arrived starts this again)
            if part is None and not self._shown_short:  # the first piece was the whole page: complete as shown
                self._complete_as_shown()
                return
            if part is not None:
                self._steps = self._pieces(part)
        if self._offscreen is None:
            # (a page of one piece, most topics, was built again here off screen and shown again: 2-5 ms)
            # Made in a turn of its own (1-2 ms): the first batch after it may be a whole table.
            self._offscreen = PageDocument(self, self._first_piece)
            self._fill_timer.start()
            return
        ended = False  # every part is in
        waiting = False  # for the next part, still being made (see _part_arrived)
        parsed = 0.0  # the longest batch added this turn took this long
        batch = self._batch
        while time.perf_counter() - began < STEP_BUDGET_S:
            if not self._steps:
                if time.perf_counter() - began > STEP_BUDGET_S / 2:
                    break  # rendering the next part may take a while: in a turn of its own
                part = next(self._pending, None)
                if part is NOT_YET:
                    waiting = True
                    break
                if part is None:
                    ended = True
                    break
                self._steps = self._pieces(part)
            piece, last = self._steps.popleft()
            batch.append(piece)
            self._batch_chars += len(piece)
            self._batch_tags += piece.count("<")
            self.parts_shown += last
            # Pieces joined up to BATCH_CHARS (or BATCH_TAGS), added as one fragment: each costs Qt a parse into a
            # document of its own and an insertion (a 300 KB page in pieces of 4,000 characters took about 1.3x one
            # setHtml of it). Where the joins fall depends on the pieces alone: the same page is the same document.
            if self._batch_chars >= BATCH_CHARS or self._batch_tags >= BATCH_TAGS:
                at = time.perf_counter()
                self._add_batch()
                now = time.perf_counter()
                parsed = max(parsed, now - at)
                # Not another batch this turn if one like this would end past the budget.
                if now - began + parsed >= STEP_BUDGET_S:
                    break
        if ended:
            # The last batch and the page's swap (Qt's first layout of it, 2,000 px at least) each in a turn
            # of its own: together they were one of the path's longest steps.
            if self._batch and not parsed:
                self._add_batch()
                parsed = 1.0
            if parsed:
                self._fill_timer.start()  # (the parts are all taken: the next turn swaps)
            else:
                self._show_offscreen()
            return
        if not waiting:
            self._fill_timer.start()

    def _add_batch(self) -> None:
        if self._batch:
            assert self._offscreen is not None
            self._offscreen.add("".join(self._batch))
            self._clear_batch()

    def _clear_batch(self) -> None:
        self._batch.clear()
        self._batch_chars = self._batch_tags = 0

    def _complete_as_shown(self) -> None:
        """The page on screen is the whole page (one piece): complete now, laid out to its end in steps
        (as a page built off screen is: its height exact for a reading position, `pageLaidOut` after)."""
        self._pending = None
        self._layout_steps.start(self.document())
        self.pageCompleted.emit()

    def _show_offscreen(self) -> None:
        """Every piece is in the page built off screen: it takes the place of the one shown, where
        the reader is (its first piece is the one on screen), and is laid out in small steps."""
        assert self._offscreen is not None
        built, self._offscreen = self._offscreen, None
        self._pending, self._shown_short, self._shown_tail = None, False, ""
        self._steps.clear()
        self._clear_batch()
        position = self.verticalScrollBar().value()
        caret = self.textCursor()
        anchor, at = caret.anchor(), caret.position()
        shown_chars = self.document().characterCount()
        # The highlights (the sentence read aloud, the focused link) move to the new document:
        # its start is the text they are on.
        layers = {
            # (copies: PySide's mark.format points into the selection, which is freed below)
            layer: [(mark.cursor.anchor(), mark.cursor.position(), QTextCharFormat(mark.format)) for mark in marks]
            for layer, marks in self._layers.items()
        }
        self._layers.clear()
        self.setExtraSelections([])
        self._anchor_ends = built.anchor_ends
        self._first_chars = shown_chars
        doc, old = built.take(), self.document()
        made_here = old.parent() is self  # (Qt deletes the document it made itself, not one made here)
        # Measured on the screen's fonts, as the shown document is (QTextEdit sets its own document's
        # paint device only when it is made): without this, lines wrap differently.
        doc.documentLayout().setPaintDevice(self.viewport())
        loading, self._loading = self._loading, True  # the scroll bar clamps as the page is replaced
        try:
            self.setDocument(doc)
        finally:
            self._loading = loading
        if made_here:  # one made here for an earlier page: freed, nothing of that page kept
            old.deleteLater()
        self._watch_layout(doc)
        self.outline.read_later()  # in idle steps after the page is shown (at once if asked for)
        self._fit_line_length()
        if anchor or at:
            caret = QTextCursor(doc)
            caret.setPosition(min(anchor, doc.characterCount() - 1))
            caret.setPosition(min(at, doc.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(caret)
        if position:
            layout = doc.documentLayout()
            layout.blockBoundingRect(doc.findBlock(shown_chars - 1))  # what was on screen is laid out
            self.place(position)
        for layer, marks in layers.items():
            moved = []
            for start, end, fmt in marks:
                if max(start, end) < shown_chars:
                    mark = QTextEdit.ExtraSelection()
                    mark.cursor = QTextCursor(doc)
                    mark.cursor.setPosition(start)
                    mark.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    mark.format = fmt
                    moved.append(mark)
            self.set_layer(layer, moved)
        self._layout_steps.start(doc, built.table_spans)
        if QAccessible.isActive():  # the text after the first piece is new to a screen reader
            added = doc.toPlainText()[shown_chars - 1 :]
            QAccessible.updateAccessibility(QAccessibleTextInsertEvent(self, shown_chars - 1, added))
        self.pageCompleted.emit()

    def _append(self, html: str) -> None:
        """Add ``html`` to the page on screen (its outline and glossary words with it)."""
        at = append_html(self.document(), self._shown_tail + html)  # (as Qt reads the two whole)
        self._shown_tail = ""
        self._mark_terms(self.outline.extend(at))  # only the new text is read
        self.outline.caught_up()  # (an outline still read in idle steps reads on where it was)

    def _new_source(self, _url: QUrl) -> None:
        if self.page_number != self._structure_of:  # (not another place on the same page: its structure stands)
            self._page_structure_changed()

    def _page_structure_changed(self) -> None:
        """New text on the page: its headings and links for screen readers, glossary words marked."""
        self._structure_of = self.page_number
        if self._lay_out_whole:
            # Shown whole for a place in it (Back and Forward restore one, a new theme keeps it): laid
            # out in steps, as a page built off screen is, and its outline read in idle steps after
            # them; the place is set by laying the page out only as far as it (place_at).
            self._lay_out_whole = False
            self._layout_steps.start(self.document())
            self.outline.read_later()
            return
        if self._pending is not None:
            # A page shown from its parts, its first piece now: its outline is read in idle steps once it is laid
            # out (a long page's, once its whole document built off screen is shown: read_later there), or at once
            # if asked for meanwhile (a screen reader, a key); not in the step that shows it (1-1.5 ms CPU on a
            # long NCI page's first piece, in go()). Its glossary words are dotted already (_start_parts).
            self.outline.read_later()
            return
        self.outline.rebuild()
        self._mark_terms(self.outline.items)

    def _mark_terms(self, items: Iterable[OutlineItem]) -> None:
        mark_terms(self.document(), items)

    def is_complete(self) -> bool:
        """Every part of the page is in the document (its layout may still be going on: is_laid_out)."""
        return self._build is None and self._pending is None and not self._steps and self._offscreen is None

    def is_laid_out(self) -> bool:
        """The whole page is in and laid out: the scroll bar spans all of it."""
        return self.is_complete() and not self._layout_steps.is_running()

    def is_loading(self) -> bool:
        """True while a new page replaces the old one or the reader places it itself (Back's place,
        a restored position) or restyles it: scroll changes then are not the reader's own (so not their place)."""
        return self._loading or self._restyling

    def place(self, value: int) -> None:
        """Scroll to ``value`` for the reader (not their own scrolling: see is_loading)."""
        loading, self._loading = self._loading, True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._loading = loading

    def doSetSource(self, url: QUrl | str, kind=QTextDocument.ResourceType.HtmlResource) -> None:  # noqa: N802
        url = QUrl(url)
        # Every way of changing page (go, links, reload) passes here; Back and Forward do not.
        self._moves += 1
        self._leaving()
        self._loading = True
        try:
            super().doSetSource(url, kind)
        finally:
            self._loading = False

    def ensure_complete(self, lay_out: bool = True) -> None:
        """Add every part still to come now (for find, print, or a test), and lay the page out to its end
        unless ``lay_out`` is False (the layout steps then go on)."""
        if self._build is not None:  # the page is still being parsed: finish it here
            number = self._build[0]
            self._builds.finish(number)
            self._build_finished(number)
        if self._arriving is not None and self._pending is not None:  # shown as its parts come: the rest waited for
            number = self._arriving[0]
            self._builds.finish(number)
            if self._arriving[2].diverged:
                self._build_finished(number)
        if self._pending is not None:
            rest_parts = list(self._pending)
            pieces = "".join(self._batch) + "".join(piece for piece, _last in self._steps)
            self.parts_shown += len(rest_parts) + (1 if self._steps else 0)
            rest = pieces + "".join(rest_parts)
            self._steps.clear()
            self._clear_batch()
            if self._offscreen is None and not rest and not self._shown_short:  # the first piece was the whole page
                self._complete_as_shown()
            else:
                if self._offscreen is None:
                    self._offscreen = PageDocument(self, self._first_piece)
                if rest:
                    self._offscreen.add(rest)
                self._show_offscreen()
        if not self.parts_counted() and self._arriving is not None:  # a part shown early: its count now
            self._builds.finish(self._arriving[0])
            self._count_came()
        if lay_out:
            self._layout_steps.finish()  # the whole page's height too: a reading position is a fraction of it

    def _leaving(self) -> None:
        """Note the reading position of the page being left, as QTextBrowser's history does.

        Its history restores that position on Back and Forward, but only to a page in the
        document at once; a page parsed in the worker gets it from here once it is shown."""
        self.pageLeaving.emit()  # (the window notes its reading place: the page is still on screen)
        cursor = self.textCursor()
        if cursor.hasSelection() and cursor.selectionEnd() >= self._first_chars:
            # A link chosen below the page's first piece: Qt's history would select it again on Back, in the
            # first piece (out of range: Qt warns, nothing is selected). The caret alone is kept.
            cursor.clearSelection()
            self.setTextCursor(cursor)
        if not self.source().isEmpty():
            self._history_positions[self.backwardHistoryCount()] = (
                QUrl(self.source()),
                self.verticalScrollBar().value(),
            )

    def _back_to(self, index: int) -> None:
        """After Back or Forward: the page's reading position, once a page still parsed is shown."""
        self._load_whole_page = False
        saved = self._history_positions.get(index)
        if saved is None or saved[0] != self.source():
            return
        position = saved[1]
        place_at = self._this_move(lambda: self.place_at(position))
        if self._build is not None:  # once it is parsed and shown (it comes in pieces, laid out in steps)
            self.after_build(place_at)
        elif not self.is_complete():  # once its rest, built off screen, is shown
            self.when_complete(place_at)
        else:  # Qt restored it, unless the layout clamped it (and a short page is laid out to its end)
            self.place_at(position)

    def _go_in_history(self, step: Callable[[], None], index: int) -> None:
        """Back or Forward: the page is replaced and Qt restores its place (or _back_to does),
        none of which is the reader's own scrolling (is_loading). A place an earlier Back or Forward still
        waits to reach (its page coming in) is dropped: this move wins (review9 m1)."""
        self._moves += 1
        self._leaving()
        self._load_whole_page = True
        self._loading = True
        page, caret = self.page_number, QTextCursor(self.textCursor())
        try:
            self._from_history = -2  # (the page the step shows is noted in _part_shown, inside it)
            step()
        finally:
            self._loading = False
            if self._from_history == -2:  # (no page shown: another place on the same one)
                self._from_history = self.page_number
        self._back_to(index)
        if self.page_number == page and self.source().hasFragment() and not self.is_complete():
            # Another place on the page still coming in (an earlier Back brought it): gone to once it is there.
            self.to_anchor(self.source().fragment())
        elif self.page_number == page and self.source().hasFragment() and self.textCursor() == caret:
            # Another place on the page shown (Qt scrolled to it, no reload: no _anchor_reached): the caret
            # goes there too, as on arriving (else Tab and a screen reader go on from the place left), and
            # it is said; the view stays where history put it. (Qt moved the caret itself only to bring
            # back a link chosen by Tab there.)
            self._caret_to_anchor(self.source().fragment())

    def backward(self) -> None:
        self._go_in_history(super().backward, self.backwardHistoryCount() - 1)

    def forward(self) -> None:
        self._go_in_history(super().forward, self.backwardHistoryCount() + 1)

    def place_at(self, position: int) -> None:
        """Scroll to ``position`` (a height in the page) for the reader, laying a page still laid out in
        steps out only as far as that place (the rest keeps coming in its steps)."""
        if self._layout_steps.is_running() and not self.viewport().updatesEnabled():
            # Shown again with the screen left as it was (hold_paint): the steps go on to the place, and
            # the page is shown there once they reach it.
            self._layout_steps.when_past(position + self.viewport().height(), lambda: self._placed(position))
            return
        if self._layout_steps.is_running():
            self._layout_steps.lay_out_past(position + self.viewport().height())
        else:  # a short page (Qt lays it out lazily) or one laid out already: to its end, at once
            lay_out_now(self.document())
        self.place(position)

    def _placed(self, position: int) -> None:
        self.place(position)
        self._release_paint()

    def reload_in_place(self) -> None:
        """Show the page again (new colours, new numbers) with the same text at the top, without a
        whole-page layout."""
        if self.source().isEmpty():
            return
        with self.restyling():
            self._load_whole_page = self._in_place = True
            try:
                self.reload()
            finally:
                self._load_whole_page = self._in_place = False

    def is_shown_again(self) -> bool:
        """True while `sourceChanged` says the page is shown again in place (reload_in_place: a new theme or reading
        style, new numbers, the library arrived whole): the same page, not another (read aloud goes on in it)."""
        return self._in_place

    # -- the reader's place kept across a restyle (a new theme, text size, numbers) ----------------
    def text_place(self) -> tuple[int, float, float]:
        """Where the reader is, as text: the first character of the top line on screen, counted from the
        page's end (what changes when a page is shown again, its care team's numbers, is near its top),
        how far the screen's top is below that line's top, in lines, and the line's height (0 from the end: the
        page's top).
        Unlike a height, it still says the same place once the page is laid out in other fonts."""
        kept = self._kept_place
        if kept is not None and kept[0] == self.page_number and kept[2] == self._scrolls:
            return kept[1]  # restyled again before the last restyle's place was reached: that place
        top = self.verticalScrollBar().value()
        if top <= 0:
            return 0, 0.0, 0.0
        # The last block whose top is at or above the screen's, by halves (not QTextEdit.cursorForPosition:
        # on a page still laid out in steps, Qt's hit test can answer a block far below), among the
        # blocks laid out: the steps lay the page out from its start, down to the screen at least.
        doc, layout = self.document(), self.document().documentLayout()
        last = doc.blockCount() - 1
        if self._layout_steps.is_running():
            self._layout_steps.lay_out_past(top + self.viewport().height())  # (so far already, as shown)
            last = doc.findBlock(min(self._layout_steps.laid_out_to(), doc.characterCount() - 1)).blockNumber()
        low, high = 0, last
        while low < high:
            middle = (low + high + 1) // 2
            if layout.blockBoundingRect(doc.findBlockByNumber(middle)).top() <= top:
                low = middle
            else:
                high = middle - 1
        block = doc.findBlockByNumber(low)
        block_top, lines = layout.blockBoundingRect(block).top(), block.layout()
        for number in range(lines.lineCount() if lines is not None else 0):
            line = lines.lineAt(number)
            if block_top + line.y() + line.height() / 2 > top:  # the top line on screen (half of it at least)
                position = block.position() + line.textStart()
                break
        else:  # the screen's top is below this block's lines (in the space after it): the next block
            position = block.next().position() if block.next().isValid() else block.position()
        y, height = self._line_top(position)
        return doc.characterCount() - position, (top - y) / height, height

    def _line_top(self, position: int) -> tuple[float, float]:
        """The top (in the page) and the height of the line holding character ``position`` (the page is
        laid out that far if it is not yet)."""
        doc = self.document()
        block = doc.findBlock(max(0, min(position, doc.characterCount() - 1)))
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
        if line is None or not line.isValid():
            return rect.top(), max(1.0, rect.height())
        return rect.top() + line.y(), max(1.0, line.height())

    @contextmanager
    def restyling(self) -> Iterator[None]:
        """Whatever is done within (a new theme, text size, the page shown again) leaves the same text at
        the top of the reader. The place is taken first, as text: restyling the window lays the old page
        out again at once (Qt then clamps the scroll bar to the first screens), and a height would be
        wrong in new fonts anyway. It is put back once the page is laid out that far again, in steps,
        the screen left as it was meanwhile. Scrolls till then are not the reader's own (is_loading),
        but if the reader scrolls (wheel, keys, the scroll bar), their place wins."""
        if self._restyling:  # (within another restyle: that one keeps the place)
            yield
            return
        place, scrolls, page = self.text_place(), self._scrolls, self.page_number
        # The page is set aside meanwhile, a blank document in its place: restyling the window changes
        # the reader's font, frame and margins a dozen times over, and each change laid the whole page
        # out again (0.2-0.5 s of a theme change on a long page); the page is laid out once, after.
        aside = self._set_aside() if self.is_complete() and not self.source().isEmpty() else None
        self._restyling = True
        try:
            yield
        finally:
            self._restyling = False
            if aside is not None:
                self._take_back(aside, page)
        self._kept_place = None
        if place[0] == 0:
            return  # at the page's top: nothing moves it
        self._kept_place = (self.page_number, place, scrolls)
        if self.is_complete():  # the same page in new fonts: laid out again, in steps, as a new one is
            self._hold_paint()
            self._layout_steps.start(self.document())
            self._back_to_text(place, scrolls)
        else:  # shown again (a reload): once its rest is in, while its layout steps run
            self.when_complete(lambda: self._back_to_text(place, scrolls))

    def _set_aside(self) -> tuple[QTextDocument, QTextCursor, dict[int, list[QTextEdit.ExtraSelection]]]:
        """Show a blank document (as the page's: its style, font and margins) instead of the page's own,
        which is returned with the caret and the highlights on it (see restyling)."""
        doc, caret = self.document(), QTextCursor(self.textCursor())
        layers = {layer: list(marks) for layer, marks in self._layers.items()}
        doc.setParent(self)  # (an editor deletes the document it made itself once another replaces it)
        self._swap_document(PageDocument(self, "").take())
        return doc, caret, layers

    def _take_back(self, aside: tuple[QTextDocument, QTextCursor, dict[int, list[QTextEdit.ExtraSelection]]],
                   page: int) -> None:  # fmt: skip
        """The page set aside is shown again, in the fonts and margins the blank one was given meanwhile;
        unless the page was shown again meanwhile (a new theme: it was made again in them)."""
        doc, caret, layers = aside
        blank = self.document()
        if self.page_number != page:
            doc.setParent(None)
            doc.deleteLater()
            return
        doc.setDefaultFont(blank.defaultFont())  # (the reader's font: Qt gives it to the document shown)
        root, margins = QTextCursor(doc).currentFrame(), QTextCursor(blank).currentFrame().frameFormat()
        fmt = root.frameFormat()
        if (fmt.leftMargin(), fmt.rightMargin()) != (margins.leftMargin(), margins.rightMargin()):
            fmt.setLeftMargin(margins.leftMargin())
            fmt.setRightMargin(margins.rightMargin())
            root.setFrameFormat(fmt)
        self._swap_document(doc)
        blank.deleteLater()
        self.setTextCursor(caret)
        self._layers = layers
        self.setExtraSelections([mark for name in LAYER_ORDER for mark in layers.get(name, [])])

    def _swap_document(self, doc: QTextDocument) -> None:
        # Measured on the screen's fonts, as the shown document is (Qt unsets it on the one replaced)
        doc.documentLayout().setPaintDevice(self.viewport())
        loading, self._loading = self._loading, True  # (the scroll bar clamps: not the reader's scrolling)
        try:
            self.setDocument(doc)
        finally:
            self._loading = loading

    def _count_scroll(self, _action: int) -> None:
        self._scrolls += 1
        if self._kept_place is not None:  # their own place now: shown at once
            self._kept_place = None
            self._release_paint()

    def _back_to_text(self, place: tuple[int, float, float], scrolls: int) -> None:
        if self._layout_steps.is_running():
            position = self.document().characterCount() - place[0]
            self._layout_steps.when_through(position, lambda: self._put_back(place, scrolls))
        else:
            self._put_back(place, scrolls)

    def _put_back(self, place: tuple[int, float, float], scrolls: int) -> None:
        """The line holding ``place`` at the top, unless the reader has scrolled since the restyle."""
        kept, self._kept_place = self._kept_place, None
        if scrolls == self._scrolls and kept is not None and kept[0] == self.page_number:
            top, height = self._line_top(self.document().characterCount() - place[0])  # (laid out that far)
            # In the same fonts, the same height; in others, that line at the very top (the space between
            # paragraphs above it does not grow as the text does)
            y = round(top + (place[1] * height if abs(height - place[2]) < 0.5 else max(0.0, place[1]) * height))
            if self._layout_steps.is_running():
                self._layout_steps.lay_out_past(y + self.viewport().height())
            else:
                lay_out_now(self.document())
            self.place(y)
        self._release_paint()

    def set_style_sheet(self, style_sheet: str) -> None:
        """New page colours: the page is laid out again with them (same place, same history)."""
        if style_sheet != self.document().defaultStyleSheet():
            self.document().setDefaultStyleSheet(style_sheet)
            self.reload_in_place()
        self._fit_line_length()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y():
                self.zoomRequested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_line_length()

    def go(self, url: str) -> None:
        if not self._to_place_on_page(QUrl(url)):
            self.setSource(QUrl(url))

    def _to_place_on_page(self, url: QUrl) -> bool:
        """A "#place" on the page shown (another glossary word on its letter's page): gone to, and kept in the
        history, once the page is laid out down to it (in its steps), the caret there (see _anchor_reached).
        False if ``url`` is another page."""
        if not url.hasFragment() or self.source().isEmpty():
            return False
        if url.toString().split("#")[0] != self.current_url().split("#")[0]:
            return False
        split = self.reading_parts()
        if split is not None and not self.parts_counted() and split.part_of_anchor(url.fragment()) is None:
            # (a part shown before the rest of its page came: the place may be in a part not yet made; gone to once
            # the page is counted)
            def once_counted() -> None:
                self._to_place_on_page(url)

            self.after_build(once_counted)
            return True
        index = self.pages.part_shown(url.toString(), split) if split is not None else 0
        if index != self.part_index():  # a place in another reading part: that part, there (by its own address:
            self.go_to_part(index, url.fragment())  # Qt takes one differing only in its "#place" for this page)
            return True
        name = url.fragment()
        self._moves += 1

        def there() -> None:
            self.setSource(url)  # (the same page: Qt scrolls to the place and keeps it in the history)
            self._anchor_reached(name)

        self._when_anchor_laid_out(name, self._this_move(there))
        return True

    def go_home(self) -> None:
        self.go(HOME_URL)

    # -- a long page's reading parts (content/reading_parts.py) ----------------------------------
    def reading_parts(self) -> ReadingParts | None:
        """The reading parts of the page shown, or None: shown whole (or still "Loading...")."""
        if self._shown_split[0] == self.page_number:  # (a part built from its page's pieces as they come: known)
            return self._shown_split[1]
        if self._build is not None:
            return None
        return self.pages.known_reading_parts(self.current_url())

    def part_count(self) -> int:
        """How many reading parts the page shown has (1: it is shown whole)."""
        split = self.reading_parts()
        return 1 if split is None else len(split)

    def part_index(self) -> int:
        """Which reading part (from 0) is shown."""
        split = self.reading_parts()
        if split is None:
            return 0
        if self._shown_split[0] == self.page_number:
            return self._shown_split[2]
        return self.pages.part_shown(self.current_url(), split)

    def part_title(self, index: int) -> str:
        """What reading part ``index`` of the page shown is called (its first heading): "" if it has none."""
        split = self.reading_parts()
        return "" if split is None else self.pages.part_title(split, index, self.parts_counted())

    def part_html(self, index: int) -> str:
        """Reading part ``index`` of the page shown as the reader shows it (its HTML), without showing it."""
        topic, split = self.pages.topic_at(self.current_url()), self.reading_parts()
        assert topic is not None and split is not None
        return self.pages.part_page(topic, index, split)  # (from the cut the reader keeps: nothing rendered)

    def go_to_part(self, index: int, place: str = "", then: Callable[[], None] | None = None) -> None:
        """Show reading part ``index`` of the page (at its ``place``, "#name", if given; else at its top), as a
        new page in the history; ``then`` once it is complete (dropped if the reader moves on first)."""
        topic = self.pages.topic_at(self.current_url())
        split = self.reading_parts()
        if topic is None or split is None or not 0 <= index < len(split):
            return
        self.setSource(QUrl(part_url(topic.id, index) + (f"#{place}" if place else "")))
        if then is not None:
            self.after_build(self._this_move(lambda: self.when_complete(then)))

    def came_from_history(self) -> bool:
        """Whether the page shown was brought by Back or Forward (not opened afresh)."""
        return self._from_history == self.page_number

    def _part_shown(self, url: QUrl) -> None:
        if self._from_history == -2:
            self._from_history = self.page_number  # (Back or Forward is showing this page)
        if self._build is None:  # (once its text is in: pageBuilt)
            if not self.parts_counted():  # (a part shown early: the cut of the page's first pieces, _show_early)
                _number, split, index = self._shown_split
            else:  # Kept with the page (the pages' cache of cut pages holds only the last few).
                split = self.pages.known_reading_parts(url.toString())
                index = 0 if split is None else self.pages.part_shown(url.toString(), split)
                self._shown_split = (self.page_number, split, index)
            self.readingPartShown.emit(index, 1 if split is None else len(split))

    def current_url(self) -> str:
        return self.source().toString()

    # -- links ------------------------------------------------------------------
    def _link_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(TERM_SCHEME):
            self.termActivated.emit(text[len(TERM_SCHEME) :], self._link_rect())
        elif url.scheme() in ("http", "https", "mailto"):
            self.externalLinkRequested.emit(url)
        elif not url.scheme() and url.fragment():
            self._moves += 1
            self.to_anchor(url.fragment())  # (the place may be further down than the page has come yet)
        elif text in (PREFERENCES_URL, SPREAD_URL):
            self.commandRequested.emit(text)
        # A place further down this page: followed (and kept in the history) once the page is in and
        # laid out down to it (Qt's own scroll to it would lay out the page down to it in one step).
        elif url.scheme() in ("topic", "app") and not self._to_place_on_page(url):
            self.setSource(url)

    def to_anchor(self, name: str) -> None:
        """Go to the place ``name`` on this page, once it is there: its last pieces in, and laid out (in its
        small steps) down to it. The screen held as it was (a page shown again) is shown there then.
        Dropped if the reader moves on first (another page, place, Back or Forward)."""
        self._when_anchor_laid_out(name, self._this_move(lambda: self._anchor_reached(name)))

    def _this_move(self, call: Callable[[], None]) -> Callable[[], None]:
        """``call``, done later only if the reader has not moved on since (see _moves)."""
        move = self._moves

        def if_still() -> None:
            if move == self._moves:
                call()

        return if_still

    def _complete_now(self) -> bool:
        """True if the page is complete, or made complete now because what is left of it is short (a few ms);
        False while the last pieces of a long page are still being built (in small steps)."""
        if self.is_complete():
            return True
        topic = self.pages.topic_at(self.current_url()) if hasattr(self.pages, "topic_at") else None
        if self._build is None and (topic is None or len(topic.body) < SHORT_PAGE_CHARS):
            self.ensure_complete(lay_out=False)
        return self.is_complete()

    def _when_anchor_laid_out(self, name: str, call: Callable[[], None]) -> None:
        if not self._complete_now():
            self.when_complete(lambda: self._when_anchor_laid_out(name, call))  # (dropped if another page comes)
            return
        at = self._anchor_ends.get(name)  # the end of the piece it is in (None: in the first, or not on the page)
        if at is not None and self._layout_steps.is_running():
            self._layout_steps.when_reached(at, call)
        else:
            call()

    def _anchor_reached(self, name: str) -> None:
        self.scrollToAnchor(name)  # (laid out down to it: only the screen below it is laid out now)
        self._layout_steps.lay_out_past(self.verticalScrollBar().value() + self.viewport().height())
        self._release_paint()
        # The caret there too (on screen already): a screen reader reads on from the place, Tab goes on from it.
        self._caret_to_anchor(name)

    def _caret_to_anchor(self, name: str) -> None:
        """The caret at the start of the place ``name``'s line, the view kept; ``placeReached`` sent."""
        at = anchor_position(self.document(), name, self._anchor_ends.get(name))
        if at is None:
            return
        top, left = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        self.setTextCursor(QTextCursor(self.document().findBlock(at)))
        self.place(top)  # (setTextCursor scrolls to the caret)
        self.horizontalScrollBar().setValue(left)
        self.placeReached.emit(name)

    def _link_rect(self) -> QRect:
        """Where the activated word is on screen (global), to place its pop-up."""
        if self._press_pos is not None:
            cursor = self.cursorForPosition(self._press_pos)
            self._press_pos = None
        else:
            cursor = QTextCursor(self.textCursor())
            cursor.setPosition(cursor.selectionStart())
        rect = self.cursorRect(cursor)
        rect.setWidth(max(rect.width(), 1))
        top_left = self.viewport().mapToGlobal(rect.topLeft())
        return QRect(top_left, rect.size())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press_pos = event.position().toPoint()
        super().mouseReleaseEvent(event)
        self._press_pos = None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self.painted_at = time.perf_counter()
        if self._awaiting_paint:
            self._awaiting_paint = False
            if self._pending is not None:
                self._painted_first = True
                self._fill_timer.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """H and K (Shift: backwards) move by heading and by link, as in a web browser's screen reader."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_H, Qt.Key.Key_K) and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            forward = modifiers == Qt.KeyboardModifier.NoModifier
            self.move_by("heading" if event.key() == Qt.Key.Key_H else "link", forward)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_by(self, kind: str, forward: bool) -> bool:
        """Put the caret on the next (previous) heading or link; False when there is none.

        On a long page still laid out in steps, the page is laid out (and its outline read) only
        as far as the heading or link reached, not to its end. On a page whose last pieces are still
        being built (off screen, in small steps), the move is made once they are in (not all of them
        added in one step: up to a second on the longest pages). A page still parsed in the worker
        ("Loading...") is not finished here (seconds on the UI thread): the reader is told instead."""
        if self._build is not None:
            self.messageRequested.emit(
                QCoreApplication.translate("Reader", "This page is still loading. Try again in a moment.")
            )
            return False
        if not self._complete_now():  # its last pieces still come (in small steps): the move is made once they are in
            self.when_complete(lambda: None if self.move_by(kind, forward) else None)
            return True
        cursor = self.textCursor()
        here = cursor.selectionEnd() - 1 if forward and cursor.hasSelection() else cursor.selectionStart()
        index = self.outline.next_index(here, kind, forward)
        if index < 0:
            if kind == "heading":
                message = (
                    QCoreApplication.translate("Reader", "No more headings on this page.")
                    if forward
                    else QCoreApplication.translate("Reader", "No earlier headings.")
                )
            else:
                message = (
                    QCoreApplication.translate("Reader", "No more links on this page.")
                    if forward
                    else QCoreApplication.translate("Reader", "No earlier links.")
                )
            self.messageRequested.emit(message)
            return False
        item = self.outline.item(index)
        assert item is not None
        self._layout_steps.lay_out_to(item.end)  # (the scroll bar's range then covers it)
        cursor = QTextCursor(self.document())
        cursor.setPosition(item.start)
        if kind == "link":  # selected, as Tab selects it: Enter opens it
            cursor.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if kind == "heading":
            self.outline.focus(index)
        return True

    def set_layer(self, layer: int, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace one highlight layer (FIND, SPEECH or LINK_FOCUS); the others stay as they are."""
        if not self.extraSelections():
            self._layers.clear()  # a new page: Qt dropped every highlight of the old one
        if not selections and not self._layers.get(layer):
            return
        self._layers[layer] = list(selections)
        self.setExtraSelections([s for name in LAYER_ORDER for s in self._layers.get(name, [])])

    def layer(self, layer: int) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(layer, []))

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override: Tab between links
        cursor = self.textCursor()
        inside = 0 < cursor.position() < self.document().characterCount() - 1
        if self.hasFocus() and inside and not cursor.hasSelection():
            # Qt goes from the page's start (or end) unless the caret holds a selection: on from the caret
            # instead (a place gone to, a heading moved to with H), as a web browser does.
            at = cursor.position()
            cursor.setPosition(at - 1 if forward else at)  # (Qt goes on from the selection's end, back from its start)
            cursor.setPosition(at if forward else at + 1, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        moved = super().focusNextPrevChild(forward)
        self._show_link_focus()
        return moved

    def _show_link_focus(self) -> None:
        """Tab to a link and it stands out in the focus colour: easy to see where you are."""
        cursor = self.textCursor()
        probe = QTextCursor(cursor)
        if cursor.hasSelection():
            probe.setPosition(min(cursor.selectionStart() + 1, cursor.selectionEnd()))
        marks = []
        if cursor.hasSelection() and probe.charFormat().isAnchor():
            index = self.outline.index_at(cursor.selectionStart(), "link")
            if index >= 0 and index != self.outline.current:
                self.outline.focus(index)  # a screen reader says the link and what kind it is
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(cursor)
            mark.format.setBackground(QColor(self.focus_colours[0]))
            mark.format.setForeground(QColor(self.focus_colours[1]))
            mark.format.setProperty(self.LAYER, LINK_FOCUS)
            marks.append(mark)
        self.set_layer(LINK_FOCUS, marks)

    # -- comfort ----------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_line_length()

    def _fit_line_length(self) -> None:
        """Keep lines near 72 characters however wide the window is, centred."""
        width = self.viewport().width()
        metrics = QFontMetrics(self.document().defaultFont())
        wanted = metrics.averageCharWidth() * READING_WIDTH_CHARS
        side = max(16, (width - wanted) // 2)
        # The root frame through a cursor at the start (always the root frame there), not
        # rootFrame(): PySide keeps every frame rootFrame() returned as a child of the document's
        # wrapper, and each new page makes a new root frame: one dead wrapper kept per page.
        root = QTextCursor(self.document()).currentFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(12)
            fmt.setBottomMargin(24)
            root.setFrameFormat(fmt)
