"""Search as you type: the results panel below the search field (`search_field`).

Arrow keys in the field move through the results, Enter opens one, Esc clears the
search. Results come best first. When nothing matches, the panel says so plainly and
offers the nearest topics and glossary words (in the same list, so Down and Enter
reach them), the glossary A to Z, the welcome page, and who to ask: the care team's
numbers when they are set, and the care team topic.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetricsF, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..care_team import CareTeam
from ..escape import escape
from ..plurals import counted
from ..who_to_ask import who_to_ask

if TYPE_CHECKING:  # the search module (and sqlite3) load with the index, after the first page
    from ..content.search import SearchResponse, SearchResult

RESULT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_SAMPLE_ROW = "<b style='font-size:large'>Bones</b> &nbsp;<small>Glossary</small><br>Pain in the <b><u>bones</u></b>."


class _ResultDelegate(QStyledItemDelegate):
    """Draws a result as rich text: title, section, then the snippet with matches bold.

    Laying out rich text takes time, so a result is measured first by an estimate from
    font metrics, and laid out only when it is painted (the few on screen): the results
    are drawn in the frame after the search. A result whose estimate was wrong is
    measured again from its layout at once (`sizeHintChanged`: the list is laid out and
    drawn again); one whose estimate was right is not. Layouts are kept by text, width
    and font.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: dict[tuple[str, int, str], QTextDocument] = {}
        self._estimated: dict[tuple[str, int, str], QSize] = {}
        # The view asks a row's size many times a search (about 9 times a row): the font's key is kept
        # with the font it is for, and the fonts' line heights with the key, not made again each time.
        self._font: tuple[QFont, str] | None = None
        self._metrics: dict[str, tuple[QFontMetricsF, QFontMetricsF]] = {}

    def _key(self, option: QStyleOptionViewItem, index: QModelIndex) -> tuple[str, int, str]:
        font = self._font
        if font is None or font[0] != option.font:
            font = self._font = (QFont(option.font), option.font.key())
        return (index.data(HTML_ROLE) or "", max(option.rect.width(), 200) - 12, font[1])

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        key = self._key(option, index)
        doc = self._laid_out.get(key)
        if doc is None:
            doc = self._lay_out(key, option.font)
            estimated = self._estimated.pop(key, None)
            if estimated is not None and estimated.height() != _height(doc):  # the estimate was wrong
                self._remeasure(index)
        return doc

    def _lay_out(self, key: tuple[str, int, str], font: QFont) -> QTextDocument:
        if len(self._laid_out) > 200:
            self._laid_out.clear()
            self._estimated.clear()
        doc = self._laid_out[key] = QTextDocument()
        doc.setDefaultFont(font)
        doc.setHtml(key[0])
        doc.setTextWidth(key[1])
        return doc

    def lay_out_ahead(self, view: QListWidget, width: int, height: int) -> None:
        """The first rows of a list about to be shown, laid out now at ``width`` (its rows' width once shown),
        as many as ``height`` holds: when the list is shown they are measured and drawn from these, not laid
        out as they are drawn (and measured by these, exactly: no estimate to correct); the rows below them
        estimated now, as the list will measure every row as it is shown."""
        font = view.font()
        font_key = font.key()
        filled = 0
        for row in range(view.count()):
            item = view.item(row)
            key = (item.data(HTML_ROLE) or "", max(width, 200) - 12, font_key)
            if key in self._laid_out:
                filled += _height(self._laid_out[key])
            elif filled < height:
                filled += _height(self._lay_out(key, font))
                self._estimated.pop(key, None)  # (not measured while hidden: the list measures it from the layout)
            elif key not in self._estimated:
                self._estimated[key] = self._estimate(item.data(RESULT_ROLE), font, font_key, key[1])

    def _remeasure(self, index: QModelIndex) -> None:
        row = QPersistentModelIndex(index)

        def remeasure() -> None:
            if row.isValid():
                self.sizeHintChanged.emit(row.model().index(row.row(), row.column(), row.parent()))

        QTimer.singleShot(0, self, remeasure)

    def _estimate(self, result: SearchResult, font: QFont, font_key: str, width: int) -> QSize:
        """The height the result will take, from font metrics (no layout)."""
        metrics = self._metrics.get(font_key)
        if metrics is None:
            big = QFont(font)
            big.setBold(True)
            big.setPointSizeF(big.pointSizeF() * 1.2 if big.pointSizeF() > 0 else 12)
            metrics = self._metrics[font_key] = (QFontMetricsF(font), QFontMetricsF(big))
        plain, strong = metrics
        heading = strong.horizontalAdvance(result.title) + plain.horizontalAdvance("  " + result.section)
        body = plain.horizontalAdvance(result.snippet_marked("", "")) * 1.08  # matches are bold
        # A document's line is as high as its font's line spacing, rounded up (16.3 px: 17).
        lines = math.ceil(heading / max(width, 1)) * math.ceil(strong.lineSpacing()) + math.ceil(
            body / max(width, 1)
        ) * math.ceil(plain.lineSpacing())
        return QSize(width, lines + 8 + 8)  # the document's margins, then the item's

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QStyle()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        context.clip = QRectF(0, 0, option.rect.width() - 12, option.rect.height() - 8)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def warm(self, font: QFont) -> None:
        """A row's kinds of text (large bold, small, bold underlined) laid out once in ``font``, not kept:
        their fonts' first use, ahead of the first results (see made_ahead.py)."""
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setHtml(_SAMPLE_ROW)
        doc.setTextWidth(400)
        doc.size()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        view = self.parent()
        option.rect.setWidth(view.viewport().width() if isinstance(view, QAbstractScrollArea) else 400)
        key = self._key(option, index)
        doc = self._laid_out.get(key)
        if doc is None:
            size = self._estimated.get(key)
            if size is None:
                size = self._estimated[key] = self._estimate(index.data(RESULT_ROLE), option.font, key[2], key[1])
            return size
        return QSize(int(doc.idealWidth()), _height(doc))


class SearchPanel(QFrame):
    """The results of the latest search. Emits what the reader should open."""

    resultChosen = Signal(object, list)  # SearchResult, words to highlight
    pageRequested = Signal(str)
    spoken = Signal(str)  # for a screen reader: the count, then the result under the keyboard

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("Search", "Search results"))
        self._words: list[str] = []
        # The highlight: on the best result for each new query. When the same query is
        # searched again (more pages' text has landed), a result the user chose (arrow keys,
        # the mouse) stays chosen while it is still there.
        self._query = ""
        self._own_choice = False
        self._filling = False
        self._pinned: tuple[int, SearchResult] | None = None  # during a refill: the row chosen, and its result
        self._showing = ""  # what the list holds: "results", "nearest" (nothing matched) or "" (neither)
        # Results set while hidden are shown in the next turn of the event loop (_appear): a timer's turn, so
        # that the input and timers due meanwhile come first (a posted call came before them, in the same step).
        self._appearing = QTimer(self)
        self._appearing.setSingleShot(True)
        self._appearing.timeout.connect(self._appear_due)
        self._laid_ahead = False  # the rows to be seen first are laid out (see _appear)
        self._drawing = QTimer(self)  # the panel appeared: it, the topics and the page are drawn in the next turn
        self._drawing.setSingleShot(True)
        self._drawing.timeout.connect(self._draw)

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # While a large library's pages are still being read: results so far come from titles,
        # keywords and summaries (and the pages read), and the panel says so.
        self.text_note = QLabel(self)
        self.text_note.setObjectName("searchTextNote")
        self.text_note.setWordWrap(True)
        self.text_note.setTextFormat(Qt.TextFormat.PlainText)
        self.text_note.hide()
        self.list = QListWidget(self)
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(QCoreApplication.translate("Search", "Search results"))
        self._rows = _ResultDelegate(self.list)
        self.list.setItemDelegate(self._rows)
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        self.list.currentRowChanged.connect(self._row_changed)

        self.glossary_button = QPushButton(QCoreApplication.translate("Search", "Glossary A to Z"), self)
        self.glossary_button.setAccessibleName(QCoreApplication.translate("Search", "Open the glossary A to Z"))
        self.glossary_button.clicked.connect(lambda: self.pageRequested.emit("app:glossary"))
        self.home_button = QPushButton(QCoreApplication.translate("Search", "Welcome page"), self)
        self.home_button.setAccessibleName(QCoreApplication.translate("Search", "Open the welcome page"))
        self.home_button.clicked.connect(lambda: self.pageRequested.emit("app:home"))
        self.care_button = QPushButton(QCoreApplication.translate("Search", "Your care team"), self)
        self.care_button.setAccessibleName(
            QCoreApplication.translate("Search", "Open the page about your care team and who to ask")
        )
        self._care_topic = ""
        self.care_button.clicked.connect(lambda: self.pageRequested.emit(f"topic:{self._care_topic}"))
        self.who_to_ask = QLabel(self)
        self.who_to_ask.setObjectName("searchWhoToAsk")
        self.who_to_ask.setWordWrap(True)
        self.who_to_ask.setTextFormat(Qt.TextFormat.PlainText)
        self.who_to_ask.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestions = QWidget(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.glossary_button)
        row.addWidget(self.home_button)
        row.addWidget(self.care_button)
        row.addStretch(1)
        column = QVBoxLayout(self.suggestions)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.who_to_ask)
        column.addLayout(row)

        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.text_note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.suggestions)  # after the nearest pages: the A to Z, and who to ask
        self.setMaximumHeight(360)
        self.hide()

    def warm(self) -> None:
        """Ahead of the first results (made_ahead.py): a row's fonts used once."""
        self._rows.warm(self.list.font())

    def reset(self) -> None:
        """No results, no words, no status kept in memory; hidden."""
        self.list.clear()
        self._showing = ""
        self._words = []
        self._query = ""
        self._own_choice = False
        self._set_status("")
        self.suggestions.hide()
        self.list.show()
        self.hide()

    def show_text_progress(self, done: int, total: int) -> None:
        """Say how many pages' text search covers so far; the note goes when it covers all of them."""
        if done >= total:
            # On show, the note's line is kept blank until the panel next hides: the panel keeps its height, so the
            # topics and the page below it do not move under the patient's eyes, and are not laid out and drawn
            # again (the whole window: 15-20 ms in one step, the longest while results are read as text lands).
            self._keep_note_line(self.isVisible())
            self.text_note.hide()
            self.text_note.setText("")
            self.text_note.setAccessibleName("")  # not left saying "0 of 29" to the accessibility tree
            self.text_note.setAccessibleDescription("")
            return
        text = QCoreApplication.translate("Search", "Still adding the pages' text: {done} of {total}").format(
            done=f"{done:,}", total=f"{total:,}"
        )
        self.text_note.setText(text)
        self.text_note.setAccessibleName(text)
        self.text_note.setAccessibleDescription(
            QCoreApplication.translate("Search", "Until then, some pages are found only by their titles and summaries.")
        )
        if self.text_note.isHidden():
            self._keep_note_line(False)
            self.text_note.show()
            if self.isVisible():  # said once, not at every batch
                self.spoken.emit(text)

    def show_text_failed(self, done: int, total: int) -> None:
        """Some pages' text could not be added (the disk is full, the index cannot be written): say
        which pages search does not cover, instead of a note that promises text that will not come."""
        left = total - done
        text = QCoreApplication.translate(
            "Search", "Some pages' text could not be added to search: %n of {total} pages are found only by "
            "their titles and summaries. Search will try again next time the app starts.", "", left
        )  # fmt: skip
        text = counted(text, left, f"{left:,}").format(total=f"{total:,}")
        self.text_note.setText(text)
        self.text_note.setAccessibleName(text)
        self.text_note.setAccessibleDescription("")
        self.text_note.show()
        if self.isVisible():
            self.spoken.emit(text)

    def show_waiting(self) -> None:
        self._set_status(QCoreApplication.translate("Search", "Getting search ready..."))
        self._showing = ""
        self.list.clear()
        self.suggestions.hide()
        self.show()

    def show_unavailable(self) -> None:
        """Search failed to start: say so, instead of "Getting search ready..." for ever."""
        self._set_status(
            QCoreApplication.translate(
                "Search", "Search is not working at the moment. You can still find pages in the list of topics."
            )
        )
        self._showing = ""
        self.list.clear()
        self.suggestions.show()
        self.show()

    def show_response(
        self, response: SearchResponse, team: CareTeam | None = None, care_topic: str = "", typed: bool = True
    ) -> None:
        """Show the results best first; or, when there are none, say so and offer a way on.

        ``team`` is the reader's or the clinic's care team (its numbers are shown when
        nothing is found); ``care_topic`` the topic about the care team, if there is one.
        ``typed`` is False for the window's own search again as more pages' text lands: a
        result the patient chose then stays in the list, at its place, even when it has
        dropped out of the best results, until they type or move.
        """
        query = " ".join(response.query.split()).casefold()
        # The same query searched again (more pages' text has landed): only the rows that changed are set, so
        # the rest keep their layout, the list its scroll place, and a screen reader hears of no new list.
        again = query == self._query and self.isVisible()
        chosen = self.list.currentItem() if self._own_choice and again else None
        kept = _identity(chosen.data(RESULT_ROLE))[:2] if chosen is not None else None
        self._pinned = None if chosen is None or typed else (self.list.currentRow(), chosen.data(RESULT_ROLE))
        self._query = query
        self._filling = True  # the rows set from here on are the panel's, not the user's choice
        try:
            self._show_response(response, team, care_topic, again)
            for row in range(self.list.count()):  # searched again as text lands: the same result stays chosen
                if kept is not None and _identity(self.list.item(row).data(RESULT_ROLE))[:2] == kept:
                    if row != self.list.currentRow():
                        self.list.setCurrentRow(row)
                    break
            else:
                if kept is not None:  # the result chosen is gone: back to the best, as for a new query
                    self.list.setCurrentRow(0 if self._showing == "results" else -1)
                self._own_choice = False
        finally:
            self._filling = False
            self._pinned = None

    def _appear(self) -> None:
        """On show: the results are set in place. Hidden: they are set while hidden (no row measured, nothing
        drawn), and the panel appears over the next turns of the event loop, each after the input and timers
        due meanwhile: the rows it will show first are laid out (`lay_out_ahead`); it takes its place (the
        topics and the page move down) and its rows are measured; it, the topics and the page are drawn. In
        one step with the query, the first key's search was the longest step a patient's typing met (22-33 ms
        of the window's CPU at load 7; the parts: the query 3-10 ms, rows laid out 2-4, the panel's place 4-6,
        drawn 10-14)."""
        if self.isHidden():
            self._laid_ahead = False  # (new rows: laid out ahead again)
            if not self._appearing.isActive():
                self._appearing.start(0)

    @property
    def appearing(self) -> bool:
        """Results are set, and the panel shows them in the next turns (see `_appear`)."""
        return self._appearing.isActive()

    def appear_now(self) -> None:
        """The results set while hidden shown now: a key that reaches them first (Down, Return) does not wait."""
        if self._appearing.isActive():
            self._appearing.stop()
            self.show()

    def _appear_due(self) -> None:
        if not self.isHidden():
            return
        if not self._laid_ahead:  # this turn: the rows to be seen first laid out; the next: shown
            self._laid_ahead = True
            self._rows.lay_out_ahead(self.list, self.rows_width(), self.maximumHeight())
            self._appearing.start(0)
            return
        holder = self.parentWidget()  # (the window's middle: the panel, the topics and the page)
        if holder is not None and holder.updatesEnabled():  # in its place now, drawn in the next turn
            holder.setUpdatesEnabled(False)
            self._drawing.start(0)
        self.show()

    def _draw(self) -> None:
        if (holder := self.parentWidget()) is not None:
            holder.setUpdatesEnabled(True)

    def rows_width(self) -> int:
        """The width of the list's rows once the hidden panel is shown (as wide as the window's middle): less
        the panel's own margins and frames and the list's, as the list last had them; before the list was
        ever laid out, from the margins, the frames, and a scroll bar (a dozen results are more than it holds)."""
        parent = self.parentWidget()
        room = parent.contentsRect().width() if parent is not None else self.width()
        if not self.list.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            return room - (self.width() - self.list.viewport().width())
        margins = self._column.contentsMargins()
        bar = self.list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.list)
        return room - margins.left() - margins.right() - 2 * self.frameWidth() - 2 * self.list.frameWidth() - bar

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        if not visible:
            self._appearing.stop()  # hidden before it appeared (Esc, an emptied field): it does not appear
        super().setVisible(visible)
        if not visible:  # the note's line kept blank (show_text_progress) goes while nobody sees the panel
            self._keep_note_line(False)

    def _keep_note_line(self, keep: bool) -> None:
        """The hidden note keeps its place in the panel (``keep``), or gives it up."""
        policy = self.text_note.sizePolicy()
        if policy.retainSizeWhenHidden() != keep:
            policy.setRetainSizeWhenHidden(keep)
            self.text_note.setSizePolicy(policy)

    def _row_changed(self, row: int) -> None:
        if not self._filling:
            self._own_choice = row >= 0

    def _show_response(self, response: SearchResponse, team: CareTeam | None, care_topic: str, again: bool) -> None:
        self._words = response.words
        if not response.query.strip():
            self.list.clear()
            self.hide()
            return
        self._appear()
        results = sorted(response.results, key=lambda r: -r.score)
        if not results:
            self._show_no_results(response, team or CareTeam(), care_topic, again)
            return
        self.suggestions.hide()
        self.list.show()
        shown = self._showing == "results"
        if shown:
            self._refill(results)  # the list is never emptied while typing (see _refill)
        else:
            self._fill(results)
        # The rows shown, counted (a result the patient chose, kept when it fell out of the best, is one of them),
        # in the language's own plural forms ("1 result": the English ones are in sbc-desktop_en.ts).
        count = counted(self.tr("%n results", "", self.list.count()), self.list.count())
        if response.corrected:
            count = QCoreApplication.translate("Search", "Showing results for \u201c{words}\u201d. {count}").format(
                words=response.corrected, count=count
            )
        self._set_status(count)
        if not (again and shown):  # new results: the best chosen, at the top of the list
            self.list.setCurrentRow(0)
            self.list.scrollToTop()
        self._showing = "results"

    def _show_no_results(self, response: SearchResponse, team: CareTeam, care_topic: str, again: bool) -> None:
        query = response.query.strip()
        if response.nearest:
            text = QCoreApplication.translate(
                "Search",
                "No results for \u201c{query}\u201d. These pages may help instead. "
                "Every medical word is in the glossary A to Z.",
            ).format(query=query)
        else:
            text = QCoreApplication.translate(
                "Search", "No results for \u201c{query}\u201d. Try other words, or look in the glossary A to Z."
            ).format(query=query)
        self._set_status(text)
        self.who_to_ask.setText(who_to_ask(team))
        self.who_to_ask.setAccessibleName(self.who_to_ask.text())
        self._care_topic = care_topic
        self.care_button.setVisible(bool(care_topic))
        self.suggestions.show()
        self.list.setVisible(bool(response.nearest))
        if again and self._showing == "nearest":
            self._refill(response.nearest)
        else:
            self._fill(response.nearest)
            self.list.setCurrentRow(-1)  # Enter opens nothing until Down picks a suggestion
        self._showing = "nearest"

    def _fill(self, results: list[SearchResult]) -> None:
        """A new list: every row made afresh."""
        self.list.clear()
        for result in results:
            _set_row(QListWidgetItem(self.list), result)

    def _refill(self, results: list[SearchResult]) -> None:
        """New results in the rows on show: a row whose result is unchanged is left alone (a new score is
        kept, not drawn); a changed row is set again, a new one added at the end, rows no longer there taken
        away. The current row stays where it is (`show_response` then moves it with a result the user chose,
        or to the best result of a new query). A result the patient chose that is no longer among the same
        query's results keeps its row (see `show_response`).

        For a new query as for the same one: emptied, the list lost its scroll bar, so its rows were narrower
        or wider in turn and each was measured again for the new width, and a screen reader heard a list
        emptied and filled at every key."""
        if self._pinned is not None:
            row, chosen = self._pinned
            if all(_identity(result)[:2] != _identity(chosen)[:2] for result in results):
                results = [*results[:row], chosen, *results[row:]]
        for row, result in enumerate(results):
            item = self.list.item(row)
            if item is None:
                _set_row(QListWidgetItem(self.list), result)
            elif _identity(item.data(RESULT_ROLE)) != _identity(result):
                _set_row(item, result)  # the list lays it out again (its height is asked for anew)
            elif item.data(RESULT_ROLE) != result:  # only its score moved: the row's result kept true, not redrawn
                item.setData(RESULT_ROLE, result)
        while self.list.count() > len(results):
            self.list.takeItem(self.list.count() - 1)  # takeItem hands the item over: it is deleted with it

    def _set_status(self, text: str) -> None:
        changed = text != self.status.text() or not self.isVisible()
        self.status.setText(text)
        self.status.setAccessibleName(text)
        if changed:  # said once, not again at every letter typed
            self.spoken.emit(text)
            if text and not self.text_note.isHidden():  # what the results do not cover yet
                self.spoken.emit(self.text_note.text())

    def move_selection(self, step: int) -> None:
        """Up or Down from the search field. The best result is current from the start (Enter opens it), but
        nobody has heard it yet: the first Down stays on it and says it, the next goes on to the second."""
        self.appear_now()
        if self.list.count():
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            if step > 0 and not self._own_choice and self._showing == "results" and self.list.currentRow() == 0:
                row = 0
            self.list.setCurrentRow(row)
            self._own_choice = True  # heard, and chosen: it stays so while the same search is refreshed
            item = self.list.currentItem()  # the list never has focus: say which result is chosen
            self.spoken.emit(
                QCoreApplication.translate("Search", "{text} ({row} of {count})").format(
                    text=item.data(Qt.ItemDataRole.AccessibleTextRole) or item.text(),
                    row=row + 1,
                    count=self.list.count(),
                )
            )

    def open_current(self) -> None:
        self.appear_now()
        item = self.list.currentItem()
        if item is not None and self.isVisible():
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        result: SearchResult = item.data(RESULT_ROLE)
        self.resultChosen.emit(result, self._words)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def _height(doc: QTextDocument) -> int:
    """A laid-out result's height in the list: its document's, then the item's margins."""
    return int(doc.size().height()) + 8


def _identity(result: SearchResult) -> tuple[str, str, str, str, str, str]:
    """What a row shows of a result and opens (not its score, which moves as text lands)."""
    return (result.kind, result.ref, result.title, result.section, result.snippet, result.topic)


def _set_row(item: QListWidgetItem, result: SearchResult) -> None:
    item.setData(RESULT_ROLE, result)
    item.setData(HTML_ROLE, _result_html(result))
    where = QCoreApplication.translate("Search", "Glossary") if result.kind == "term" else result.section
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{result.title}, {where}. {result.snippet_marked('', '')}")
    item.setText(result.title)


def _result_html(result: SearchResult) -> str:
    where = QCoreApplication.translate("Search", "Glossary") if result.kind == "term" else result.section
    from ..content.search import HIGHLIGHT

    snippet = escape(result.snippet).replace(HIGHLIGHT[0], "<b><u>").replace(HIGHLIGHT[1], "</u></b>")
    title = escape(result.title[:1].upper() + result.title[1:])
    return f"<b style='font-size:large'>{title}</b> &nbsp;<small>{escape(where)}</small><br>{snippet}"
