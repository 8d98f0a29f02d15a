"""Pictures as QImages for the reader and for printouts: only through `content.pictures`.

Qt would read any ``file:`` URL it is given, and draw an SVG's references to other
files; here a picture is read only if it lies inside the content folder, an SVG is
made safe first, and a huge picture is scaled down as it is read, not after.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

MAX_SIDE = 2400  # pixels: sharp on paper, bounded in memory


def picture_image(src: str, root: Path) -> QImage | None:
    """The picture at ``src`` (a file: URL or path) inside ``root``, ready to draw, or None."""
    from .content.pictures import picture_bytes, picture_file  # (its SVG cleaner: only once a page has a picture)

    path = picture_file(src, root)
    data = picture_bytes(path) if path is not None else None
    if not data or path is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"svg" if path.suffix.lower() == ".svg" else b"")
    reader.setDecideFormatFromContent(path.suffix.lower() != ".svg")
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(QSize(MAX_SIDE, MAX_SIDE), _keep_aspect()))
    image = reader.read()
    return None if image.isNull() else image


def _keep_aspect():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio
