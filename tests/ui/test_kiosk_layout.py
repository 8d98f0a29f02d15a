"""The kiosk's layout at the screen's edges and as the focus moves: the search box's clear button
inside the box (and the screen), and no toolbar growing when one of its buttons takes the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton


def clear_button(field) -> QToolButton:
    (button,) = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    return button


def test_the_search_boxs_clear_button_is_inside_the_box_and_the_screen(kiosk, qtbot):
    window, _ = kiosk
    for field, opened_by in ((window.search_field, None), (window.find_bar.field, Qt.Key.Key_F)):
        if opened_by is not None:
            qtbot.keyClick(window, opened_by, Qt.KeyboardModifier.ControlModifier)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(field, "bone")
        button = clear_button(field)
        assert field.rect().contains(button.geometry()), (field.objectName(), button.geometry(), field.rect())
        corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
        assert QRect(QPoint(0, 0), window.size()).contains(corner), field.objectName()  # (the kiosk is the screen)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and a tap on it clears the box
        assert field.text() == "", field.objectName()


def test_no_toolbar_grows_when_one_of_its_buttons_has_the_focus(kiosk, qtbot):
    """A toolbar button with the focus ring must be no bigger than without it: Larger text and
    Smaller text keep the focus while the whole window is restyled, and the toolbars grew 2 px
    (and stayed so until the next restyle), so the page below jumped."""
    window, _ = kiosk
    bars = (window.toolbar, window.view_toolbar)
    heights = [bar.height() for bar in bars]
    buttons = [
        bar.widgetForAction(action)
        for bar in bars
        for action in bar.actions()
        if action.isVisible() and action.isEnabled() and isinstance(bar.widgetForAction(action), QToolButton)
    ]
    assert len(buttons) >= 6
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)  # Urgent help: a tap gives it the focus
    for button in buttons:
        for _ in range(40):  # then Tab, as a keyboard or switch user moves, to each button in turn
            if button.hasFocus():
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert button.hasFocus(), button.text()
        qtbot.keyClick(button, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Larger text...
        qtbot.keyClick(button, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # ...and back
        assert window.appearance.scale == 1.0
        QApplication.processEvents()
        assert [bar.height() for bar in bars] == heights, button.text()
    larger = window.view_toolbar.widgetForAction(window.commands.by_name["larger"])
    smaller = window.view_toolbar.widgetForAction(window.commands.by_name["smaller"])
    qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)  # a tap gives the button the focus too
    qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert smaller.hasFocus() and [bar.height() for bar in bars] == heights
