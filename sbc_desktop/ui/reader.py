"""The reader pane: a QTextBrowser that shows pages by address and never goes online.

Pages are loaded through `loadResource` so QTextBrowser's own history gives Back and
Forward. Every link goes through one dispatcher: topics and app pages navigate,
glossary words ask for a pop-up, web addresses are handed to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QUrl, Signal
from PySide6.QtGui import QFontMetrics, QImage, QMouseEvent, QTextCursor, QTextDocument, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..content.links import TERM_SCHEME
from ..pages import HOME_URL, Pages, tr

READING_WIDTH_CHARS = 72  # a comfortable line length


class Reader(QTextBrowser):
    termActivated = Signal(str, QRect)  # glossary term id, the word's place on screen
    externalLinkRequested = Signal(QUrl)
    pageMissing = Signal(str)

    def __init__(self, pages: Pages, style_sheet: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = pages
        self._press_pos: QPoint | None = None
        self.setObjectName("reader")
        self.setAccessibleName(tr("Reader"))
        self.setAccessibleDescription(tr("The text of the page you are reading"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(style_sheet)
        self.anchorClicked.connect(self._link_clicked)
        self.sourceChanged.connect(lambda _url: self._fit_line_length())

    # -- what can be shown --------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        if kind == QTextDocument.ResourceType.HtmlResource:
            html = self.pages.html_for(url.toString())
            if html is None:
                self.pageMissing.emit(url.toString())
                html = self.pages.not_found_html(url.toString())
            return html
        if kind == QTextDocument.ResourceType.ImageResource and url.isLocalFile():
            # Pages only point at pictures the renderer checked lie inside the content folder.
            image = QImage(url.toLocalFile())
            return image if not image.isNull() else None
        return None  # nothing remote, ever

    def go(self, url: str) -> None:
        self.setSource(QUrl(url))

    def go_home(self) -> None:
        self.go(HOME_URL)

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
            self.scrollToAnchor(url.fragment())
        elif url.scheme() in ("topic", "app"):
            self.setSource(url)

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
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(12)
            fmt.setBottomMargin(24)
            root.setFrameFormat(fmt)
