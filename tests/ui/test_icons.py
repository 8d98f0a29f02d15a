"""Toolbar icons: each drawn once, and every caller given an icon of its own."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from sbc_desktop.ui import icons


def test_an_icon_is_drawn_once_and_each_caller_gets_one_of_its_own(qtbot):
    icons._drawn.cache_clear()
    first = icons.icon("star", "#123456")
    second = icons.icon("star", "#123456")
    assert icons._drawn.cache_info().misses == 1 and icons._drawn.cache_info().hits == 1  # (its SVG drawn once)
    assert first.pixmap(48, 48).toImage() == second.pixmap(48, 48).toImage()
    selected = QIcon.Mode.Selected
    first.addPixmap(icons.icon("star", "#ffffff").pixmap(48, 48), selected)  # (as fitted.py marks a chosen place)
    assert first.pixmap(48, 48, selected).toImage() != second.pixmap(48, 48, selected).toImage()
    assert icons.icon("star", "#123456").pixmap(48, 48, selected).toImage() == second.pixmap(48, 48, selected).toImage()
