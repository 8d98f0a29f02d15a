"""Widgets Qt made itself, handed to Python without PySide6's search for their class.

When Python is first handed a widget Qt made (a scroll area's viewport, asked for by ``viewport()``),
PySide6 looks for its most derived class: for a plain ``QWidget`` it tries every QWidget class of
QtWidgets it knows, and makes each one first (about 65 classes with their enums; 4-8 ms of a start,
which a window pays once, at the first such call). Found as a child by name the same widget is
handed over as what it is, with no search; ``viewport()`` then gives that same object.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT = "qt_scrollarea_viewport"  # the name Qt gives every scroll area's viewport


def take_viewport(area: QAbstractScrollArea) -> None:
    """Hand ``area``'s viewport to Python by its name (see above); harmless if Qt ever names it otherwise."""
    area.findChild(QWidget, VIEWPORT)
