"""Toolbar icons drawn in the theme's text colour, so they keep their contrast in every theme."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt, qVersion
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

from .. import kept_drawings

_FORMAT = QImage.Format.Format_ARGB32_Premultiplied

# 24x24 outlines, drawn with a 2px stroke of one colour.
PATHS = {
    "back": "M15 5 L8 12 L15 19",
    "forward": "M9 5 L16 12 L9 19",
    "home": "M3 11.5 L12 4 L21 11.5 M6 9.5 V20 H10 V14 H14 V20 H18 V9.5",
    "glossary": "M5 4.5 H15.5 A2.5 2.5 0 0 1 18 7 V20 H7.5 A2.5 2.5 0 0 1 5 17.5 Z M5 17.5 A2.5 2.5 0 0 1 7.5 15 H18"
    " M9 8.5 H14 M9 11.5 H14",
    "appointment": "M8 4 H16 V7 H8 Z M6 5.5 H4.5 V21 H19.5 V5.5 H18 M8 11 H16 M8 14.5 H16 M8 18 H13",
    "add": "M12 5 V19 M5 12 H19",
    "smaller": "M3 19 L8.5 5 L14 19 M5.2 14 H11.8 M16 12 H22",
    "larger": "M2 19 L7.5 5 L13 19 M4.2 14 H10.8 M15 12 H22 M18.5 8.5 V15.5",
    "theme": "M12 3 A9 9 0 1 0 12 21 A9 9 0 1 0 12 3 Z M12 3 V21",
    "search": "M10.5 4 A6.5 6.5 0 1 0 10.5 17 A6.5 6.5 0 1 0 10.5 4 Z M15.5 15.5 L21 21",
    "print": "M7 9 V3.5 H17 V9 M7 17 H4 V9 H20 V17 H17 M7 14 H17 V21 H7 Z",
    "play": "M8 5 L19 12 L8 19 Z",
    "pause": "M8 5 V19 M16 5 V19",
    "stop": "M6 6 H18 V18 H6 Z",
    "star": "M12 3 L14.6 8.6 L20.6 9.2 L16 13.3 L17.4 19.3 L12 16.2 L6.6 19.3 L8 13.3 L3.4 9.2 L9.4 8.6 Z",
    "phone": "M5 3.5 H9 L10.5 8 L8 9.5 A11 11 0 0 0 14.5 16 L16 13.5 L20.5 15 V19 A1.5 1.5 0 0 1 19 20.5"
    " A16 16 0 0 1 3.5 5 A1.5 1.5 0 0 1 5 3.5 Z",
}
FILLED = {
    "star": PATHS["star"],
    "theme": "M12 3 A9 9 0 0 1 12 21 Z",
    "play": "M8 5 L19 12 L8 19 Z",
    "stop": "M6 6 H18 V18 H6 Z",
}


def icon(name: str, colour: str, size: int = 48) -> QIcon:
    """The icon ``name`` as a pixmap in ``colour`` (rendered large: Qt scales it down): a copy of its own
    (a caller may add to it). Each is drawn once: a start asked for 4 of its 20 icons twice (the read-aloud
    row's and the toolbar's, when the theme is applied), each its SVG read and drawn (0.5-0.7 million
    instructions)."""
    return QIcon(_drawn(name, colour, size))


@lru_cache(maxsize=128)  # (4 themes' colours of the 17 icons: a few KB each)
def _drawn(name: str, colour: str, size: int) -> QIcon:
    fill = FILLED.get(name, "")
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="{size}" height="{size}">'
        f'<path d="{PATHS[name]}" fill="none" stroke="{colour}" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        + (f'<path d="{fill}" fill="{colour}"/>' if fill else "")
        + "</svg>"
    )
    # The pixels the last start drew from this very SVG, at this size, with this Qt (kept_drawings): a start
    # reads no SVG (16 renders, about 7.5 million instructions before the first paint).
    key = kept_drawings.key_of(svg, size * 4, size, f"Qt {qVersion()} {_FORMAT.name}")
    pixels = kept_drawings.found(key)
    if pixels is not None:  # (copied: an image made on a buffer shares it, and so would the pixmap made from it)
        return QIcon(QPixmap.fromImage(QImage(pixels, size, size, size * 4, _FORMAT).copy()))
    from PySide6.QtSvg import QSvgRenderer  # (here: a start that finds its icons kept does not import QtSvg)

    image = QImage(size, size, _FORMAT)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(0, 0, size, size))
    painter.end()
    if image.bytesPerLine() == size * 4:
        kept_drawings.keep(key, bytes(image.constBits()))
    return QIcon(QPixmap.fromImage(image))
