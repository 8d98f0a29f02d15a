"""The take-home text on one printed page (where the kiosk may print): no widgets, no files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QFont, QPainter, QPdfWriter, QTextDocument

from ..plurals import counted
from .takehome import TakeHome

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def slip_document(lines: list[str], page: QSizeF, point_size: float = 12.0, device=None) -> tuple[QTextDocument, int]:
    """The lines as a document that fits on one page of ``page`` size; and how many were left out."""
    kept = list(lines)
    left_out = 0
    while True:
        doc = QTextDocument()
        if device is not None:
            doc.documentLayout().setPaintDevice(device)  # text measured at the printer's resolution
        font = QFont()
        font.setPointSizeF(point_size)
        doc.setDefaultFont(font)
        doc.setPageSize(page)
        text = "\n".join([QCoreApplication.translate("TakeHome", "My appointment"), "", *kept])
        if left_out:
            text += "\n" + counted(
                QCoreApplication.translate("TakeHome", "(%n more lines did not fit on this page)", "", left_out),
                left_out,
            )
        doc.setPlainText(text)
        if doc.pageCount() <= 1 or not kept:
            return doc, left_out
        kept.pop()
        left_out += 1


def paint_slip(take_home: TakeHome, device: QPdfWriter | QPrinter) -> int:
    """Print the codes' text (without their "1 of 3" lines) on one page; returns lines left out."""
    lines = [line for part in take_home.parts for line in part.splitlines()[1:]]
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("the printer could not start")
    try:
        rect = device.pageLayout().paintRectPixels(device.resolution())
        doc, left_out = slip_document(lines, QSizeF(rect.width(), rect.height()), device=device)
        doc.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
    finally:
        painter.end()
    return left_out
