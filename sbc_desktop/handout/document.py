"""A handout as pages: header, body, "Page N of M" footer; to a printer, PDF, HTML or text.

One `paint_handout` serves print, print preview and PDF export, so all three give
the same pages. Lines are never cut between pages: the document is laid out for the
page's height and Qt moves a line that would not fit to the next page.
"""

from __future__ import annotations

import base64
import bisect
import math
from collections.abc import Generator
from enum import Enum
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from .. import version
from ..content.pictures import IMAGE_TYPES, picture_bytes, picture_file, rewrite_images
from ..picture_image import picture_image
from ..plurals import counted
from ..storage import AtomicFile, StorageError, write_atomically
from .builder import LARGE_PT, NORMAL_PT, HandoutOptions, font_points, handout_font, printed_on_text
from .paginate import paginate_steps
from .plain_text import document_text
from .steps import finish


def page_size(locale: QLocale | None = None) -> QPageSize:
    """A4, or US Letter where the locale measures in inches."""
    locale = locale or QLocale()
    letter = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def page_layout(locale: QLocale | None = None) -> QPageLayout:
    return QPageLayout(
        page_size(locale),
        QPageLayout.Orientation.Portrait,
        QMarginsF(18, 16, 18, 16),
        QPageLayout.Unit.Millimeter,
    )


def style_sheet(options: HandoutOptions) -> str:
    # Margins in em: Qt's rich text ignores margins given in pt.
    pt = font_points(options)
    return f"""
        body {{ font-size: {pt}pt; color: #000000; }}
        p, li, dd {{ line-height: 130%; }}
        h1 {{ font-size: {pt * 1.7:.1f}pt; font-weight: bold; margin-top: 0; margin-bottom: 0.5em; }}
        h2 {{ font-size: {pt * 1.3:.1f}pt; font-weight: bold; margin-top: 1em; margin-bottom: 0.4em; }}
        h3 {{ font-size: {pt * 1.1:.1f}pt; font-weight: bold; margin-top: 0.8em; }}
        .section-name {{ color: #333333; margin-bottom: 0; }}
        .question {{ margin-top: 1.2em; margin-bottom: 0; }}
        .answer {{ color: #777777; margin-top: 0.9em; margin-bottom: 0; line-height: 100%; }}
        .about-topic {{ color: #222222; }}
        .advice {{ margin-top: 2em; font-style: italic; }}
        dt {{ margin-top: 0.5em; }}
        table.clinic {{ margin-top: 0.3em; margin-bottom: 1.2em; }}
        .picture {{ line-height: 100%; margin-bottom: 0.5em; }}
        .instruction {{ margin-top: 0; }}
        .invitation {{ margin-top: 1.5em; }}
        .details {{ margin-top: 0; margin-bottom: 0.2em; }}
        h2.first {{ margin-top: 0.2em; }}
        table.log {{ margin-top: 0.5em; margin-bottom: 1em; }}
        .log-warning {{ margin-top: 1em; }}
    """ + ("" if options.reading.is_default() else options.reading.block_css())  # the reader's own spacing


def handout_document(html: str, options: HandoutOptions, root: Path | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(handout_font(options))
    doc.setDefaultStyleSheet(style_sheet(options))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, options.heading)

    def picture(src: str) -> str | None:
        # Every picture is loaded here, safely: Qt never reads a file: URL itself.
        image = picture_image(src, root) if root is not None else None
        if image is None:
            return None
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), image)
        return src

    doc.setHtml(rewrite_images(html, picture))
    return doc


def lay_out(doc: QTextDocument, device: QPagedPaintDevice | None, body: QSizeF) -> QTextDocument:
    """A copy of ``doc`` laid out in pages of ``body`` size, with breaks where they read well."""
    return finish(lay_out_steps(doc, device, body))


def lay_out_steps(
    doc: QTextDocument, device: QPagedPaintDevice | None, body: QSizeF, last: bool = True
) -> Generator[tuple[int, int], None, QTextDocument]:
    """``lay_out`` in steps of a few milliseconds, each yielding (page, pages) as ``paginate_steps``.
    With a ``device``, the text is measured at LAYOUT_DPI whatever the device's own resolution.
    Not ``last``: more pages follow (see ``paginate_steps``)."""
    yield 0, 0  # (after the document's setHtml: the copy is a step of its own)
    laid = doc.clone()
    if device is not None:
        measure = device if _resolution(device) == LAYOUT_DPI else layout_device(device)
        laid.documentLayout().setPaintDevice(measure)
        laid.setProperty("measuredOn", measure)  # (kept alive as long as the layout that uses it)
    laid.setDocumentMargin(0)
    laid.setPageSize(QSizeF(body.width(), body.height()))
    yield from paginate_steps(laid, last)
    return laid


class Stage(Enum):
    LAYOUT = "layout"  # where the pages break (done / total: roughly how far)
    PAGES = "pages"  # page done of total, on paper or in the file


Pieces = list[tuple[str, QTextDocument]]  # a handout's pieces (builder.Piece), each named, as documents

# Qt's text layout stops at this height (QFIXED_MAX, INT_MAX / 256 px): what would come below it is
# never laid out, or is drawn over the last page. At LAYOUT_DPI that is 729 A4 pages, so a handout
# is set out in pieces (its first pages, each topic, the medical words), each with pages of its own,
# drawn one after another; a piece alone that tall is refused before anything is printed or saved.
QT_TALLEST = (2**31 - 1) // 256


def pieces_of(doc: QTextDocument | Pieces) -> Pieces:
    """A document made whole (not from a handout's pieces) as one piece, named by its title."""
    if isinstance(doc, QTextDocument):
        return [(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle), doc)]
    return doc


class Laid:
    """A handout set out in the pages of one device: its pieces, each laid out with its page breaks,
    numbered on from the one before ("Page 740 of 900" may be the 12th page of the 5th piece)."""

    def __init__(self, pieces: list[QTextDocument]):
        self.pieces = pieces
        self.firsts: list[int] = []  # the handout's number (from 0) of each piece's first page
        # A piece that starts a page (a topic) starts after a page break, as in the whole handout
        # (``builder.Piece.alone``): the page before its first words is left out.
        self.empty: list[int] = []  # each piece's pages left out before its first
        self.page_count = 0
        for piece in pieces:
            self.empty.append(_empty_pages(piece))
            self.firsts.append(self.page_count)
            self.page_count += piece.pageCount() - self.empty[-1]

    def find(self, index: int) -> tuple[QTextDocument, int]:
        """The piece that holds the handout's page ``index`` (from 0), and that page's index in it."""
        at = bisect.bisect_right(self.firsts, index) - 1
        return self.pieces[at], index - self.firsts[at] + self.empty[at]


def _empty_pages(laid: QTextDocument) -> int:
    """How many pages of ``laid`` come before the page of its first words (or picture)."""
    block = laid.begin()
    while block.isValid() and not block.text().strip():
        block = block.next()
    if not block.isValid():
        return 0
    top = laid.documentLayout().blockBoundingRect(block).top()
    return min(int((top + 0.5) // laid.pageSize().height()), laid.pageCount() - 1)


def paint_handout(doc: QTextDocument | Pieces, device: QPagedPaintDevice, options: HandoutOptions) -> int:
    """Draw every page on ``device`` (printer or PDF writer). Returns the page count."""
    return finish(paint_steps(doc, device, options))


def paint_steps(
    doc: QTextDocument | Pieces, device: QPagedPaintDevice, options: HandoutOptions
) -> Generator[tuple[Stage, int, int], None, int]:
    """``paint_handout`` in steps of a few milliseconds (a page at most), so that a window can
    keep answering, show how far it is and stop between two steps (``close()``: the painter
    is ended, no page more is drawn). Yields (stage, done, total)."""
    laid = yield from laid_steps(doc, device, options)
    return (yield from draw_steps(laid, device, options))


# Every handout is set out, and its pages broken, at this resolution, whatever the device: the
# preview, the printer and the saved PDF have the same pages ("Page 12 of 76" on paper is page 12
# of the PDF). Measured at each device's own (the PDF at 600 dpi, a printer at 1200), text rounds
# differently: 77 pages against 76 for the built-in topics, 257 against 253 for a long handout.
LAYOUT_DPI = 1200


def _resolution(device: QPagedPaintDevice) -> int:
    return device.logicalDpiY() or LAYOUT_DPI


def layout_device(device: QPagedPaintDevice) -> QPdfWriter:
    """A device that only measures: ``device``'s page at LAYOUT_DPI (nothing is ever drawn on it)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    measure = QPdfWriter(buffer)
    buffer.setParent(measure)
    measure.setPageLayout(device.pageLayout())
    measure.setResolution(LAYOUT_DPI)
    return measure


def page_key(device: QPagedPaintDevice) -> tuple[float, float]:
    """What a layout depends on in ``device``: the printable part of its page (at LAYOUT_DPI)."""
    rect = device.pageLayout().paintRectPixels(LAYOUT_DPI)
    return rect.width(), rect.height()


def _frame(device: QPagedPaintDevice, options: HandoutOptions) -> tuple[QRectF, float, float]:
    """The body's rectangle on each page, the header's band and the footer's height, in LAYOUT_DPI pixels."""
    width, height = page_key(device)
    band = LAYOUT_DPI * (LARGE_PT if options.large_print else NORMAL_PT) / 72 * 2.2  # header/footer height
    foot = band * 1.5  # room for two lines: the date and content version can wrap
    # A whole number of pixels high: Qt breaks pages at multiples of the height rounded to 1/64 px,
    # and each page is drawn at a multiple of this one; apart, a line at a page's foot could be
    # drawn (clipped, hidden) on the next page too, where copying its text finds it twice.
    return QRectF(0, band, width, math.floor(height - band - foot)), band, foot


def laid_steps(
    doc: QTextDocument | Pieces, device: QPagedPaintDevice, options: HandoutOptions
) -> Generator[tuple[Stage, int, int], None, Laid]:
    """``doc`` (or each of its pieces) set out in the pages of ``device``, with its page breaks (the
    long part). Yields (Stage.LAYOUT, characters set out, characters in all). A piece too tall for
    Qt to lay out whole: StorageError, naming it, before any page is drawn."""
    body, _, _ = _frame(device, options)
    pieces = pieces_of(doc)
    measure = device if _resolution(device) == LAYOUT_DPI else layout_device(device)
    sizes = [piece.characterCount() for _, piece in pieces]
    before, everything = 0, sum(sizes)
    laid: list[QTextDocument] = []
    for number, (name, piece) in enumerate(pieces):
        size = sizes[number]
        steps = lay_out_steps(piece, measure, body.size(), last=number == len(pieces) - 1)
        while True:
            try:
                page, total = next(steps)
            except StopIteration as stop:
                laid.append(stop.value)
                break
            yield Stage.LAYOUT, before + (size * page // total if total else 0), everything
        before += size
        # Its last page reaches (or passes) the height where Qt stops: part of it may be lost.
        if (laid[-1].pageCount() + 1) * body.height() > QT_TALLEST:
            raise too_long(name or options.heading)
    return Laid(laid)


class TooLong(StorageError):
    """A piece of the handout is too tall to set out: no other folder or printer would help."""


def too_long(name: str) -> TooLong:
    return TooLong(
        QCoreApplication.translate(
            "Handout",
            "\u201c{name}\u201d is too long to print at once: it would fill more than 700 pages. "
            "Nothing was printed or saved: make the handout without it.",
        ).format(name=name)
    )


def draw_steps(
    laid: Laid, device: QPagedPaintDevice, options: HandoutOptions
) -> Generator[tuple[Stage, int, int], None, int]:
    """Draw the pages of ``laid`` (from ``laid_steps`` for this device) on ``device``, a page a step."""
    body, band, foot = _frame(device, options)
    pages = laid.page_count
    chosen = chosen_pages(device, pages)
    yield Stage.PAGES, 0, len(chosen)

    font = laid.pieces[0].defaultFont()
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    painter = QPainter(device)
    if not painter.isActive():
        raise StorageError(QCoreApplication.translate("Handout", "Could not start printing on this device."))
    scale = _resolution(device) / LAYOUT_DPI  # (1 for the PDF and Qt's printers: both at LAYOUT_DPI)
    if scale != 1:  # the header's and footer's words sized at LAYOUT_DPI too, as the page's are
        small.setPixelSize(round(small.pointSizeF() * LAYOUT_DPI / 72))
    printed, _, content = printed_on_text(options, "\n").partition("\n")
    try:
        for step, index in enumerate(chosen):
            if step:
                device.newPage()
            painter.resetTransform()
            painter.scale(scale, scale)
            painter.setFont(small)
            painter.setPen(QPen(Qt.GlobalColor.black))
            header = QRectF(0, 0, body.width(), band * 0.8)
            painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, options.heading)
            painter.drawLine(0, int(band * 0.85), int(body.width()), int(band * 0.85))
            footer = QRectF(0, body.bottom() + band * 0.2, body.width(), foot - band * 0.2)
            painter.drawLine(0, int(footer.top()), int(body.width()), int(footer.top()))
            page_text = QCoreApplication.translate("Handout", "Page {page} of {pages}").format(
                page=index + 1, pages=pages
            )
            line = footer.adjusted(0, band * 0.1, 0, 0)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_text)
            # The date beside "Page N of M"; under it, across the page, which content it came from.
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, printed)
            if content:
                below = line.adjusted(0, painter.fontMetrics().lineSpacing(), 0, 0)
                painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, content)

            piece, at = laid.find(index)
            painter.save()
            painter.translate(0, body.top() - at * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            # A hair inside the page: a line that starts exactly where the next page starts
            # belongs to that page only (else the PDF holds its text twice, once hidden).
            context.clip = QRectF(0, at * body.height() + 0.5, body.width(), body.height() - 1.0)
            painter.setClipRect(context.clip)
            piece.documentLayout().draw(painter, context)
            painter.restore()
            yield Stage.PAGES, step + 1, len(chosen)
    finally:
        painter.end()
    return len(chosen)


def chosen_pages(device: QPagedPaintDevice, pages: int) -> list[int]:
    """The pages (from 0) to draw: those the print dialog's "Pages" chose (numbered as on the
    handout, "Page 3 of 10"), else all. None of them in the handout: StorageError, before any
    page goes to the printer."""
    from PySide6.QtPrintSupport import QPrinter

    if not isinstance(device, QPrinter) or device.printRange() != QPrinter.PrintRange.PageRange:
        return list(range(pages))
    ranges = device.pageRanges()
    if ranges.isEmpty():
        return list(range(pages))
    chosen = [index for index in range(pages) if ranges.contains(index + 1)]
    if not chosen:
        raise StorageError(
            counted(
                QCoreApplication.translate(
                    "Handout",
                    "Pages {chosen} are not in this handout: it ends at page %n. Choose pages 1 to %n.",
                    "",
                    pages,
                ),
                pages,
            ).format(chosen=ranges.toString())
        )
    return chosen


def write_pdf(doc: QTextDocument | Pieces, path: Path, options: HandoutOptions) -> int:
    """Save as PDF (selectable text, fonts embedded, title and author set). Atomic."""
    return finish(pdf_steps(_ready(doc), path, options))


def _ready(doc: QTextDocument | Pieces) -> Generator[tuple[Stage, int, int], None, QTextDocument | Pieces]:
    return doc
    yield  # a generator that has nothing to do


def pdf_steps(
    make: Generator[tuple[Stage, int, int], None, QTextDocument | Pieces], path: Path, options: HandoutOptions
) -> Generator[tuple[Stage, int, int], None, int]:
    """``write_pdf`` in steps (see ``paint_steps``), the document made by the steps ``make``.
    The file is opened first, so a folder that cannot be written to is said at once
    (StorageError), not after the pages are made. The file appears whole at the end or not at
    all: stopped (``close()``) or failing, nothing is left and a file already there keeps what it had."""
    saver = AtomicFile(path)
    saved = False
    try:
        doc = yield from make
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(page_layout())
        writer.setResolution(LAYOUT_DPI)
        writer.setTitle(options.heading)
        writer.setAuthor(options.clinic.name or "sbc-desktop")
        writer.setCreator(f"sbc-desktop {version()}")
        pages = yield from paint_steps(doc, writer, options)
        del writer  # finishes the PDF into the buffer
        saver.commit(bytes(buffer.data().data()))
        saved = True
        return pages
    finally:
        if not saved:
            saver.discard()


def write_html(doc_html: str, path: Path, options: HandoutOptions, root: Path | None = None) -> None:
    """A page that opens in any browser, pictures included inside it. Atomic.

    Only real <img> tags are read (never text that looks like one), and only pictures
    inside the content folder ``root``; an SVG is made safe first. Others are left out.
    """
    body = rewrite_images(doc_html, lambda src: _data_uri(src, root))
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(options.heading)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>body {{ max-width: 46em; margin: 2em auto; padding: 0 1em; font-family: sans-serif; }}"
        f"{style_sheet(options)}</style></head><body>\n{body}\n"
        f"<p><small>{escape(printed_on_text(options))}</small></p></body></html>\n"
    )
    write_atomically(path, page.encode("utf-8"))


def write_text(doc: QTextDocument, path: Path, options: HandoutOptions) -> None:
    text = document_text(doc) + f"\n{printed_on_text(options)}\n"
    write_atomically(path, text.encode("utf-8"))


def _data_uri(url: str, root: Path | None) -> str | None:
    path = picture_file(url, root) if root is not None else None
    data = picture_bytes(path) if path is not None else None
    if not data or path is None:
        return None
    return f"data:{IMAGE_TYPES[path.suffix.lower()]};base64,{base64.b64encode(data).decode('ascii')}"
