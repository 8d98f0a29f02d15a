"""One accessibility factory for the app's own accessible interfaces.

Qt asks each installed factory for a class name when a screen reader first meets a
widget. Widgets that need more than Qt gives them (the reader's outline of headings
and links, the spoken-message area) register a maker here by class name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication

# A maker is called with an object of the class it was registered for.
_makers: dict[str, Callable[[Any], QAccessibleInterface]] = {}
_installed = False


def register(class_name: str, maker: Callable[[Any], QAccessibleInterface]) -> None:
    _makers[class_name] = maker


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    maker = _makers.get(class_name)
    return maker(obj) if maker is not None and obj is not None else None


def install() -> None:
    """Install the factory once (it must come after the QApplication exists)."""
    global _installed
    if not _installed and QApplication.instance() is not None:
        QAccessible.installFactory(_factory)
        _installed = True
