"""The controls whose size follows their text (check boxes, round buttons, lists with boxes to tick,
menus with marks, text boxes with a clear button) grow with it, in the window and in Qt's print dialog; every other
widget takes Fusion's sizes from C++ (no Python call in its layouts: ui/themed_style.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QListWidget,
    QMenu,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QWidget,
)

from sbc_desktop.ui import themed_style

from .test_appointment import open_panel

INDICATOR = QStyle.PixelMetric.PM_IndicatorWidth
ROUND_INDICATOR = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
CLEAR_BUTTON = QStyle.PixelMetric.PM_LineEditIconSize


def fusion(metric, widget) -> int:
    return QStyleFactory.create("Fusion").pixelMetric(metric, None, widget)


def grows(widget) -> bool:
    """Whether a control's box or clear button is the size its text or box asks (not Fusion's 13-16 px)."""
    if isinstance(widget, QLineEdit):
        want = max(fusion(CLEAR_BUTTON, widget), round(widget.height() * 0.5))
        return widget.style().pixelMetric(CLEAR_BUTTON, None, widget) == want
    metric = ROUND_INDICATOR if isinstance(widget, QRadioButton) else INDICATOR
    want = max(fusion(metric, widget), round(QFontMetrics(widget.font()).height() * 0.8))
    return widget.style().pixelMetric(metric, None, widget) == want


def has_boxes_to_tick(view) -> bool:
    return isinstance(view, QListWidget) and any(
        view.item(row).data(Qt.ItemDataRole.CheckStateRole) is not None for row in range(view.count())
    )


def sized_by_text(widget) -> bool:
    return (
        isinstance(widget, (QCheckBox, QRadioButton))
        or (isinstance(widget, QLineEdit) and widget.isClearButtonEnabled())
        or has_boxes_to_tick(widget)
        or (isinstance(widget, QMenu) and any(action.isCheckable() for action in widget.actions()))
    )


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_window_s_boxes_and_clear_buttons_grow_with_the_text_and_nothing_else_asks_python(window, qtbot, scale):
    window.appearance.set_scale(scale)
    window.resize(1280, 800)
    panel = open_panel(window, qtbot)
    questions = panel.questions
    first = next(r for r in range(questions.count()) if questions.item(r).flags() & Qt.ItemFlag.ItemIsUserCheckable)
    questions.setFocus()
    questions.setCurrentRow(first)
    QTest.keyClick(questions, Qt.Key.Key_Space)  # ticked: it joins the top three's list, with its own box
    assert panel.top_three.list.count()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the find bar, with its clear button
    QTest.keyClicks(window.search_field, "bone")
    QApplication.processEvents()
    sized = [w for w in window.findChildren(QWidget) if sized_by_text(w)]
    assert {window.search_field, window.find_bar.field, panel.large_print, questions, panel.top_three.list} <= set(
        sized
    )
    for widget in sized:
        assert grows(widget), widget.objectName()
    # Every other widget has the application's style: its sizes are Fusion's, answered in C++.
    own_style = [w for w in window.findChildren(QWidget) if w.testAttribute(Qt.WidgetAttribute.WA_SetStyle)]
    menus = window.menuBar().findChildren(QMenu)  # (each of the menu bar's, for a mark it may have)
    assert set(own_style) <= set(sized) | set(menus), [
        w.objectName() or type(w).__name__ for w in set(own_style) - set(sized)
    ]
    assert "pixelMetric" not in vars(themed_style.ThemedStyle) and "pixelMetric" not in vars(themed_style._Drawn)
    scroll_bar = window.reader.verticalScrollBar()
    assert scroll_bar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll_bar) == fusion(
        QStyle.PixelMetric.PM_ScrollBarExtent, scroll_bar
    )


def test_the_print_dialog_s_boxes_and_round_buttons_grow_with_200_percent_text(window, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    window.appearance.set_scale(2.0)
    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()][:2]
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    seen = {}

    def look(dialog):  # the dialog as the nurse sees it, then closed without printing
        boxes = dialog.findChildren(QCheckBox) + dialog.findChildren(QRadioButton)
        seen["boxes"] = len(boxes)
        seen["grown"] = [box.objectName() for box in boxes if grows(box)]
        return QPrintDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", look)
    panel = open_panel(window, qtbot)
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "boxes" in seen, timeout=60000)
    assert seen["boxes"] and len(seen["grown"]) == seen["boxes"]


def test_a_dialog_qt_makes_later_from_a_grown_one_grows_too(window, qtbot):
    """As the preview's Page setup (Portrait / Landscape) and the print dialog's Properties: Qt makes them in C++,
    as children of the dialog, when the nurse presses their button. (The real Page setup refuses to open
    without a system printer, so a dialog made the same way stands in for it.)"""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    window.appearance.set_scale(2.0)
    preview = QDialog(window)
    qtbot.addWidget(preview)
    themed_style.grow_controls(preview)
    later = QDialog(preview)  # made after grow_controls ran, as Qt makes Page setup
    portrait = QRadioButton("Portrait", later)
    QVBoxLayout(later).addWidget(portrait)
    assert not grows(portrait)
    later.show()
    qtbot.waitExposed(later)
    assert grows(portrait)
    later.hide()
    themed_style.grow_controls(preview)  # asked twice: one watcher
    assert len(preview.findChildren(themed_style._LaterDialogs, options=Qt.FindChildOption.FindDirectChildrenOnly)) == 1
