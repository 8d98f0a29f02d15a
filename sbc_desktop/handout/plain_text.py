"""The handout as plain text: bullets and numbers kept, pictures as their description.

`QTextDocument.toPlainText()` drops list bullets and leaves a picture as U+FFFC, the
"object" character, which a screen reader or a text editor shows as a box. This
walks the document block by block instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextListFormat

OBJECT = "\ufffc"
_BULLETS = {
    QTextListFormat.Style.ListDisc: "\u2022",
    QTextListFormat.Style.ListCircle: "\u25e6",
    QTextListFormat.Style.ListSquare: "\u25aa",
}


def document_text(doc: QTextDocument) -> str:
    """Every block as a line (or paragraph), in order, with list markers and picture descriptions."""
    lines: list[str] = []
    block = doc.begin()
    previous_list = previous_cell = None
    while block.isValid():
        text = _block_text(block)
        text_list = block.textList()
        table = QTextCursor(block).currentTable()
        cell = (table, table.cellAt(QTextCursor(block)).row()) if table is not None else None
        writing_line = bool(text) and not text.strip("_")  # a line to write an answer on
        if cell is not None and cell == previous_cell:
            lines[-1] += (": " if table.columns() == 2 else " | ") + text  # the same row of a table
        elif cell is not None:
            lines.append(text)
        elif text_list is not None:
            depth = max(0, text_list.format().indent() - 1)
            if previous_list is None and lines and lines[-1]:
                lines.append("")
            lines.append("  " * depth + f"{_marker(block)} {text}".rstrip())
        else:
            if (previous_list is not None or previous_cell is not None) and lines and lines[-1]:
                lines.append("")
            lines.append(text)
            if text.strip() and not writing_line:
                lines.append("")
        previous_list, previous_cell = text_list, cell
        block = block.next()
    text = "\n".join(lines)
    text = re.sub(r"(_+)\n(?!_)", "\\1\n\n", text)  # a blank line after the last line to write on
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _marker(block: QTextBlock) -> str:
    text_list = block.textList()
    style = text_list.format().style()
    if style in _BULLETS:
        return _BULLETS[style]
    return text_list.itemText(block).strip() or "-"


def _block_text(block: QTextBlock) -> str:
    pieces: list[str] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        text = fragment.text()
        fmt = fragment.charFormat()
        if OBJECT in text and fmt.isImageFormat():
            alt = str(fmt.property(QTextFormat.Property.ImageAltText) or "").strip()
            described = QCoreApplication.translate("Handout", "[Picture: {description}]").format(description=alt)
            text = text.replace(OBJECT, described if alt else "")
        pieces.append(text)
        it += 1
    return "".join(pieces).replace(OBJECT, "").replace("\u2028", "\n").replace("\xa0", " ").rstrip()
